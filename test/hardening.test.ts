/**
 * Hardening (issue 10): nothing crashes, hangs, runs away or answers with the bug
 * code. Each case runs the built binary (`npm test` builds it first), and checks the
 * exit code, a one-sentence message and the absence of a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clipMessage, MAX_EXTENDS_CHAIN, MAX_FILE_BYTES, MAX_MESSAGE_CHARS, MAX_NESTING_DEPTH, MAX_QUOTE_CHARS } from '../src/limits.js';

const root = new URL('..', import.meta.url).pathname;
const BIN = join(root, 'bin/cs-pay.js');
const ENV = { ...process.env, CS_PAY_TODAY: '2026-11-23', CS_PAY_DEBUG: '', NO_COLOR: '1' };
const dir = mkdtempSync(join(tmpdir(), 'cs-pay-hardening-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string | Buffer) => (writeFileSync(join(dir, name), text), join(dir, name));
const good = readFileSync(join(root, 'data/model/compensation.yaml'), 'utf8');
const NET = (gross: number, city = 'beijing') => JSON.stringify({ command: 'net', gross, city, date: '2026-11-23' });

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function cs(args: string[], { input, stdout, env }: { input?: string | Buffer; stdout?: number; env?: Record<string, string> } = {}): Run {
  const start = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    stdio: [input === undefined ? 'ignore' : 'pipe', stdout ?? 'pipe', 'pipe'],
    env: { ...ENV, ...env },
    encoding: 'utf8',
    timeout: 20_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr, ms: Date.now() - start };
}

/** Exit code, and stderr as one sentence (plus at most a hint line), no stack trace. */
function expectRefusal(r: Run, code: number, sentence: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/\n\s+at |node:internal|internal error/);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines.length, r.stderr).toBeLessThanOrEqual(2);
  expect(lines[0]).toMatch(/^cs-pay: .*\.$/);
  expect(lines[0]).toMatch(sentence);
}

const hasMkfifo = spawnSync('mkfifo', [join(dir, 'probe')]).status === 0;
/** A FIFO nobody writes to: opening it for reading would block for ever. */
const fifo = (name: string) => {
  const path = join(dir, name);
  spawnSync('mkfifo', [path]);
  return path;
};

describe('output that cannot be written', () => {
  it('a closed pipe (| head -1) ends estimate quietly with exit 0', async () => {
    const r = await closeAfterFirstChunk(['estimate', '--city', 'hangzhou', '--level', 'senior']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('a closed pipe ends an endless batch quietly with exit 0: it stops computing', async () => {
    // The input never ends: batch must notice the closed stdout and stop by itself.
    const r = await closeAfterFirstChunk(['batch', '-'], `${NET(9000, '杭州')}\n`);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('a full disk (/dev/full) is one sentence and exit 2: table, JSON, CSV, schema and batch', () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [
        ['estimate', '--city', 'hangzhou', '--level', 'senior'],
        ['net', '--gross', '9000', '--city', 'beijing', '--json'],
        ['compare', 'city=wuhan,level=junior', 'gross=9000,city=beijing', '--format', 'csv'],
        ['model', 'schema'],
      ]) {
        expectRefusal(cs(args, { stdout: full }), 2, /Cannot write the output: no space left on the device \(ENOSPC\)\./);
      }
      const batch = cs(['batch', '-'], { input: `${NET(9000)}\n${NET(12000)}\n`, stdout: full });
      expectRefusal(batch, 2, /Cannot write the output: no space left/);
    } finally {
      closeSync(full);
    }
  });
});

describe.skipIf(!hasMkfifo)('files that are not files', () => {
  it('a FIFO or a device as the model: exit 3 at once, unread', () => {
    for (const path of [fifo('model.yaml'), '/dev/zero', '/dev/urandom']) {
      const r = cs(['estimate', '--city', 'hangzhou', '--level', 'senior', '--model', path]);
      expectRefusal(r, 3, /^cs-pay: Cannot read model file '.*': it is a (named pipe|device), not a file\.$/);
      expect(r.ms).toBeLessThan(5000);
      expectRefusal(cs(['model', 'validate', path]), 3, /not a file/);
    }
  });

  it('a directory as the model, a FIFO as an offer: exit 3', () => {
    expectRefusal(cs(['model', 'validate', dir]), 3, /it is a directory, not a file/);
    expectRefusal(cs(['compare', fifo('offer.yaml'), 'city=wuhan,level=junior']), 3, /Cannot read offer file '.*': it is a named pipe, not a file\./);
  });

  it('a FIFO as the batch file: exit 2, pointing at standard input', () => {
    const r = cs(['batch', fifo('lines.jsonl')]);
    expectRefusal(r, 2, /Cannot read batch file '.*': it is a named pipe, not a file\./);
    expect(r.stderr).toMatch(/cs-pay batch -/);
  });

  it(`a model or offer file over ${MAX_FILE_BYTES / 1024} KB: exit 3, naming the size`, () => {
    const big = file('big.yaml', `${good}\n# ${'x'.repeat(MAX_FILE_BYTES)}\n`);
    expectRefusal(cs(['model', 'validate', big]), 3, /Model file '.*' is 0\.\d MB; cs-pay reads model files of up to 0\.1 MB\./);
    expectRefusal(cs(['compare', big, 'city=wuhan,level=junior']), 3, /Offer file '.*' is 0\.\d MB/);
  });
});

describe('batch input', () => {
  it('stdin and the same file give the same output, with 杭州 split across 64 KB reads', () => {
    // Pad lines so that the three bytes of 杭 straddle each 64 KB boundary.
    const lines: string[] = [];
    let bytes = 0;
    const zh = '{"city":"杭州","command":"net","gross":9000,"date":"2026-11-23"}';
    while (bytes < 70_000) {
      const boundary = (Math.floor(bytes / 65_536) + 1) * 65_536;
      const pad = boundary - bytes - '{"city":"'.length - 1;
      const line = pad >= 0 && pad < 100 ? ' '.repeat(pad) + zh : zh;
      lines.push(line);
      bytes += Buffer.byteLength(line) + 1;
    }
    const text = `${lines.join('\n')}\n`;
    const buf = Buffer.from(text);
    expect(buf.subarray(65_535, 65_537)).toEqual(Buffer.from('杭').subarray(0, 2));
    const path = file('zh.jsonl', text);
    const fromFile = cs(['batch', path]);
    const fromStdin = cs(['batch', '-'], { input: buf });
    expect(fromFile.code).toBe(0);
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    expect(fromFile.stdout.trimEnd().split('\n')).toHaveLength(lines.length);
    expect(fromFile.stdout).not.toContain('"error"');
  });

  it('a UTF-8 BOM on line 1, CRLF and old-Mac CR line ends: every line answered', () => {
    for (const eol of ['\r\n', '\r', '\n']) {
      const r = cs(['batch', '-'], { input: `\uFEFF${NET(9000)}${eol}${NET(10000)}${eol}${NET(11000)}${eol}` });
      expect(r.code, eol).toBe(0);
      const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
      expect(out.map((o) => [o.line, o.gross.monthly])).toEqual([[1, 9000], [2, 10000], [3, 11000]]);
    }
  });

  it('a city, level or platform that is not a string is bad input, not internal', () => {
    const input = [
      '{"command":"net","gross":9000,"city":{"a":1}}',
      '{"command":"estimate","city":"hangzhou","level":["senior"]}',
      '{"command":"estimate","city":"hangzhou","level":"senior","platform":true}',
      NET(9000),
    ].join('\n');
    const r = cs(['batch', '-'], { input: `${input}\n` });
    expect(r.code).toBe(2);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out.slice(0, 3).map((o) => o.error.code)).toEqual(['bad-input', 'bad-input', 'bad-input']);
    expect(out[0].error.message).toMatch(/^--city takes text or a number; got an object\./);
    expect(out[2].error.message).toMatch(/^--platform needs a value/);
    expect(out[3].gross.monthly).toBe(9000);
  });

  it('a line over 1 MB and a line nested too deep fail in place; the run goes on', () => {
    const long = `{"command":"net","gross":9000,"city":"${'x'.repeat(1_200_000)}"}`;
    const deep = `{"command":"net","gross":9000,"city":"beijing","from":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const r = cs(['batch', '-'], { input: `${NET(9000)}\n${long}\n${deep}\n${NET(10000)}\n` });
    expect(r.code).toBe(2);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.line)).toEqual([1, 2, 3, 4]);
    expect(out[1].error.message).toMatch(/^Line longer than 1 MB/);
    expect(out[2].error.message).toMatch(new RegExp(`^JSON nested more than ${MAX_NESTING_DEPTH} deep`));
    expect(out[3].gross.monthly).toBe(10000);
    expect(r.stdout.length).toBeLessThan(100_000);
  });
});

describe('usage errors are exit 2, at every depth of the command tree', () => {
  it('unknown options and extra arguments under model validate / model schema', () => {
    expectRefusal(cs(['model', 'validate', 'data/model/compensation.yaml', '--bogus']), 2, /^cs-pay: unknown option '--bogus'\.$/);
    expectRefusal(cs(['model', 'validate', 'a.yaml', 'b.yaml']), 2, /too many arguments for 'validate'/);
    expectRefusal(cs(['model', 'schema', 'extra']), 2, /too many arguments for 'schema'/);
    expectRefusal(cs(['model', 'nosuch']), 2, /unknown command 'nosuch'/);
  });

  it('help for an unknown command is a usage error; a bare `model` is help', () => {
    expectRefusal(cs(['help', 'nosuch']), 2, /^cs-pay: Unknown command 'nosuch'\.$/);
    const r = cs(['help', 'estimat']);
    expect(r.stderr).toMatch(/Did you mean estimate\?/);
    const model = cs(['model']);
    expect(model.code).toBe(0);
    expect(model.stderr).toBe('');
    expect(model.stdout).toMatch(/^Usage: cs-pay model/m);
  });

  it('a bad CS_PAY_TODAY is exit 2 naming the variable, whatever the command', () => {
    const sentence = /^cs-pay: CS_PAY_TODAY must be a date as YYYY-MM-DD, like 2026-01-01; got '.*'\.$/;
    for (const args of [['estimate', '--city', 'hangzhou', '--level', 'senior'], ['net', '--gross', '9000', '--city', 'beijing'], ['gross', '--net', '8000', '--city', 'beijing'], ['compare', 'city=wuhan,level=junior', 'gross=9000,city=beijing'], ['cities'], ['model', 'schema']]) {
      expectRefusal(cs(args, { env: { CS_PAY_TODAY: 'garbage' } }), 2, sentence);
    }
    for (const today of ['2026-02-30', '2026/11/23']) expectRefusal(cs(['cities'], { env: { CS_PAY_TODAY: today } }), 2, sentence);
    expectRefusal(cs(['batch', '-'], { input: `${NET(9000)}\n`, env: { CS_PAY_TODAY: 'garbage' } }), 2, /CS_PAY_TODAY/);
  });

  it(`a 100,000-character value: refused in a moment, quoting at most ${MAX_QUOTE_CHARS} characters`, () => {
    const value = 'x'.repeat(100_000);
    for (const args of [['estimate', '--city', value, '--level', 'senior'], ['estimate', '--city', 'hangzhou', '--level', 'senior', '--kpi', value], ['net', `--${value}`], [value]]) {
      const r = cs(args);
      expectRefusal(r, 2, /./);
      expect(r.ms).toBeLessThan(5000);
      expect(r.stderr).not.toMatch(new RegExp(`x{${MAX_QUOTE_CHARS + 1}}`));
    }
  });
});

describe('offers', () => {
  it('terms that are not numbers or out of range: exit 2 naming the key (inline)', () => {
    for (const [term, message] of [
      ['scheduled-hours=0', /--scheduled-hours must be more than zero hours/],
      ['scheduled-hours=abc', /--scheduled-hours expects hours a month/],
      ['sign-on-bonus=1e308', /--sign-on-bonus expects an amount in yuan/],
      ['sign-on-bonus=200000000', /--sign-on-bonus of 200000000 yuan is beyond/],
      ['probation-months=7', /--probation-months of 7 is more than/],
      ['probation-months=2.5', /--probation-months must be a whole number/],
      ['probation-pay-percent=120', /--probation-pay-percent must be between 0 and 100/],
    ] as const) {
      expectRefusal(cs(['compare', `gross=9000,city=beijing,${term}`, 'city=wuhan,level=junior']), 2, message);
    }
  });

  it('a known gross with a level (or other pay options the model prices) is refused, naming them', () => {
    expectRefusal(cs(['compare', 'gross=9000,city=beijing,level=nonsense', 'city=wuhan,level=junior']), 2, /known gross has no use for --level/);
    const offer = file('gross-level.yaml', 'city: beijing\ngross: 9000\nlevel: senior\nnightShifts: 4\n');
    expectRefusal(cs(['compare', offer, 'city=wuhan,level=junior']), 3, /gross-level\.yaml:3:1: level: .*--level, --night-shifts/);
  });

  it('offer files: bad terms and a billion-laughs file are exit 3', () => {
    const hours = file('hours.yaml', 'city: beijing\ngross: 9000\nscheduledHours: 0\n');
    expectRefusal(cs(['compare', hours, 'city=wuhan,level=junior']), 3, /hours\.yaml:3:1: scheduledHours:/);
    const bonus = file('bonus.yaml', 'city: beijing\ngross: 9000\nsignOnBonus: 1e308\n');
    expectRefusal(cs(['compare', bonus, 'city=wuhan,level=junior']), 3, /bonus\.yaml:3:\d+: signOnBonus:/);
    const laughs = file('laughs.yaml', [
      'city: beijing',
      'level: senior',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ].join('\n'));
    const r = cs(['compare', laughs, 'city=wuhan,level=junior']);
    expectRefusal(r, 3, /laughs\.yaml:\d+:\d+: YAML aliases expand too far/);
    expect(r.ms).toBeLessThan(5000);
  });
});

describe('model files', () => {
  it('numbers out of bounds fail validation (exit 3), not estimate (exit 2)', () => {
    const huge = file('factor.yaml', good.replace('factor: 0.83', 'factor: 1e300'));
    expectRefusal(cs(['model', 'validate', huge]), 3, /factor\.yaml:\d+:\d+: platforms\.alibaba\.cityClasses\.new-tier-1\.factor: at most 10\./);
    expectRefusal(cs(['estimate', '--city', 'chengdu', '--level', 'senior', '--platform', 'alibaba', '--model', huge]), 3, /factor: at most 10/);
    const amount = file('amount.yaml', good.replace('amount: { low: 300, high: 500 }', 'amount: { low: 300, high: 5e20 }'));
    expectRefusal(cs(['model', 'validate', amount]), 3, /amount\.high: at most 1,000,000 yuan\./);
  });

  it("a '__proto__' key, or an id Object already has, is an error, not dropped", () => {
    const proto = file('proto.yaml', good.replace('platforms:\n', 'platforms:\n  __proto__:\n    label: {en: x, zh: y}\n    source: seed-000\n    extends: generic\n'));
    expectRefusal(cs(['model', 'validate', proto]), 3, /proto\.yaml:\d+:3: YAML syntax error: the key '__proto__' is not allowed\./);
    const ctor = file('ctor.yaml', good.replace('extends: generic', 'extends: constructor'));
    expectRefusal(cs(['model', 'validate', ctor]), 3, /extends: unknown platform 'constructor'/);
  });

  it(`an extends chain past ${MAX_EXTENDS_CHAIN}, and a cycle, are refused quickly`, () => {
    const chain = (n: number) =>
      Array.from({ length: n }, (_, i) => `  p${i}:\n    label: {en: x, zh: y}\n    source: seed-000\n    extends: ${i === 0 ? 'generic' : `p${i - 1}`}\n`).join('');
    const long = file('chain.yaml', `${good.trimEnd()}\n${chain(1500)}`);
    const r = cs(['model', 'validate', long]);
    expectRefusal(r, 3, new RegExp(`platforms\\.p${MAX_EXTENDS_CHAIN}\\.extends: a chain of more than ${MAX_EXTENDS_CHAIN} platforms`));
    expect(r.ms).toBeLessThan(5000);
    const ok = cs(['model', 'validate', file('chain-ok.yaml', `${good.trimEnd()}\n${chain(MAX_EXTENDS_CHAIN - 1)}`)]);
    expect(ok.code, ok.stderr).toBe(0);
    const cycle = file('cycle.yaml', `${good.trimEnd()}\n${chain(3).replace('extends: generic', 'extends: p2')}`);
    expectRefusal(cs(['model', 'validate', cycle]), 3, /platforms\.p0\.extends: extends itself through p0 -> p2 -> p1 -> p0\./);
  });

  it('many keys with a duplicate, and deep nesting, are refused in linear time', () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const dup = cs(['model', 'validate', file('dup.yaml', `${keys}\nk5: 1\n`)]);
    expectRefusal(dup, 3, /dup\.yaml:10001:1: YAML syntax error: map keys must be unique; 'k5' is repeated\./);
    expect(dup.ms).toBeLessThan(5000);
    for (const [name, text] of [['flow.yaml', `a: ${'['.repeat(100_000)}`], ['block.yaml', `${'- '.repeat(60_000)}x\n`]]) {
      const r = cs(['model', 'validate', file(name, text)]);
      expectRefusal(r, 3, new RegExp(`${name.replace('.', '\\.')}:1:\\d+: YAML nested more than ${MAX_NESTING_DEPTH} deep`));
      expect(r.ms).toBeLessThan(5000);
    }
  });
});

describe('messages quote input briefly', () => {
  it(`quoted spans are cut to ${MAX_QUOTE_CHARS} characters, the whole to ${MAX_MESSAGE_CHARS}; apostrophes are not quotes`, () => {
    expect(clipMessage("Unknown city 'xi'an'.")).toBe("Unknown city 'xi'an'.");
    expect(clipMessage("Today's date must be a date; got 'garbage'.")).toBe("Today's date must be a date; got 'garbage'.");
    expect(clipMessage(`Unknown city '${'杭'.repeat(100)}'.`)).toBe(`Unknown city '${'杭'.repeat(MAX_QUOTE_CHARS)}…'.`);
    expect(clipMessage('y'.repeat(5000))).toHaveLength(MAX_MESSAGE_CHARS + 1);
    const start = Date.now();
    expect(clipMessage(`got '${"a'b ".repeat(300_000)}'.`).length).toBeLessThan(100);
    expect(clipMessage(" 'a".repeat(300_000)).length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS + 1);
    expect(Date.now() - start).toBeLessThan(1000);
  });
});

/** Run with stdout to a reader that closes after the first chunk, as `| head -1` does. */
function closeAfterFirstChunk(args: string[], endlessLine?: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: ENV, stdio: [endlessLine ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => void (stderr += d));
    child.stdout!.once('data', () => child.stdout!.destroy());
    if (endlessLine && child.stdin) {
      const chunk = endlessLine.repeat(200);
      child.stdin.on('error', () => {}); // the child stopped reading: that is the point
      const feed = () => {
        while (!child.stdin!.destroyed && child.stdin!.write(chunk));
        if (!child.stdin!.destroyed) child.stdin!.once('drain', feed);
      };
      feed();
    }
    const timer = setTimeout(() => (child.kill(), reject(new Error('batch kept running after its stdout closed'))), 15_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      child.stdin?.destroy();
      resolve({ code, stderr });
    });
  });
}
