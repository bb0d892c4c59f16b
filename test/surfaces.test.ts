/**
 * Hardening of the surfaces added since the last round (issue 18): month flags,
 * CSV rows, --fields, the library and the tool server. The CLI cases run the built
 * binary; the library is imported as a package user imports it (dist/index.mjs).
 * Each case checks the exit code (or the error's), one sentence, and no stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const BIN = join(root, 'bin/cs-pay.js');
const ENV = { ...process.env, CS_PAY_TODAY: '2026-11-23', CS_PAY_DEBUG: '', NO_COLOR: '1', LANG: 'C.UTF-8', LANGUAGE: '' };
const dir = mkdtempSync(join(tmpdir(), 'cs-pay-surfaces-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string | Buffer) => (writeFileSync(join(dir, name), text), join(dir, name));

// The library as a package user has it.
const lib = (await import(join(root, 'dist/index.mjs'))) as typeof import('../src/index.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cs(args: string[], { input, env }: { input?: string | Buffer; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    env: { ...ENV, ...env },
    encoding: 'utf8',
    timeout: 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const STACK = /\n\s+at |node:internal|internal error|This is a bug/;

/** Exit code, and stderr as one sentence (plus at most a hint line) starting `cs-pay: `, no stack trace. */
function expectRefusal(r: Run, code: number, sentence: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(STACK);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines.length, r.stderr).toBeLessThanOrEqual(2);
  expect(lines[0]).toMatch(/^cs-pay: .*\.$/);
  expect(lines[0]).toMatch(sentence);
  for (const line of lines) expect(line.length).toBeLessThan(400);
}

/** The library's error for a call: a CsPayError with a code and an exit code, never a TypeError. */
function libError(f: () => unknown): InstanceType<typeof lib.CsPayError> {
  try {
    f();
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(lib.CsPayError);
    return e as InstanceType<typeof lib.CsPayError>;
  }
  throw new Error('no error');
}

const batchLines = (r: Run) => r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('1. a key with no value, or a value of the wrong type, is bad input naming the key', () => {
  it('month flags and inline offers: exit 2, one sentence', () => {
    expectRefusal(cs(['net', '--gross', '10000', '--city', 'hangzhou', '--job', '7:city']), 2, /^cs-pay: --job 7: --city needs a value/);
    expectRefusal(cs(['estimate', '--city', 'hangzhou', '--level', 'senior', '--from', '7:level']), 2, /--from 7: --level needs a value/);
    expectRefusal(cs(['estimate', '--city', 'hangzhou', '--level', 'senior', '--in', '7:platform']), 2, /--in 7: --platform needs a value/);
    expectRefusal(cs(['compare', 'city=hangzhou,level', 'city=hangzhou,level=senior']), 2, /--level needs a value/);
    expectRefusal(cs(['compare', 'city,level=senior', 'city=hangzhou,level=senior']), 2, /--city needs a value/);
  });

  it('an offer file: exit 3 at the key', () => {
    const offer = file('no-value.yaml', 'level: senior\ncity: hangzhou\nfrom:\n  7:\n    level: true\n');
    expectRefusal(cs(['compare', offer, 'city=hangzhou,level=senior']), 3, /no-value\.yaml:3:1: from: --from 7: --level needs a value/);
  });

  it('batch: the line fails in place, the others are answered', () => {
    const input = [
      '{"command":"net","gross":10000,"city":"hangzhou","job":"7:city"}',
      '{"command":"net","gross":10000,"city":"hangzhou","jobs":[{"month":7,"city":true}]}',
      '{"command":"estimate","city":"hangzhou","level":"senior","from":{"7":{"platform":false,"level":["lead"]}}}',
      '{"command":"net","gross":10000,"city":"hangzhou"}',
    ].join('\n');
    const r = cs(['batch', '-'], { input });
    expect(r.code).toBe(2);
    const out = batchLines(r);
    expect(out).toHaveLength(4);
    expect(out.slice(0, 3).map((l) => (l.error as { code: string }).code)).toEqual(['bad-input', 'bad-input', 'bad-input']);
    expect((out[0].error as { message: string }).message).toMatch(/^--job 7: --city needs a value/);
    expect((out[2].error as { message: string }).message).toBe('--from 7: --level takes text or a number; got a list. Give --level one value, as text or a number.');
    expect(out[3].annual).toBeDefined();
    expect(r.stderr).not.toMatch(STACK);
  });

  it('the library: a CsPayError (exit 2) naming the key, not a TypeError', () => {
    for (const [o, key] of [
      [{ gross: 10000, city: true }, '--city'],
      [{ gross: 10000, city: {} }, '--city'],
      [{ gross: 10000, city: 'hangzhou', job: '7:city' }, '--city'],
      [{ gross: 10000, city: 'hangzhou', from: { 7: { gross: true } } }, '--gross'],
    ] as const) {
      const e = libError(() => lib.net(o as never, { date: '2026-11-23' }));
      expect([e.exitCode, e.code]).toEqual([2, 'bad-input']);
      expect(e.message).toContain(key);
    }
    expect(libError(() => lib.estimate({ city: 'hangzhou', level: ['senior'] } as never)).message).toMatch(/^--level takes text or a number; got a list\.$/);
  });
});

describe('8. lists and Maps are not read as other values', () => {
  it("gross ['1','000'] is refused, not read as 1,000 (library and batch)", () => {
    expect(libError(() => lib.net({ gross: ['1', '000'], city: 'hangzhou' } as never)).message).toBe('--gross takes text or a number; got a list.');
    const r = cs(['batch', '-'], { input: '{"command":"net","gross":["1","000"],"city":"hangzhou"}\n' });
    expect(r.code).toBe(2);
    expect((batchLines(r)[0].error as { message: string }).message).toMatch(/^--gross takes text or a number; got a list\./);
  });

  it('a Map, a Set or a Date in the options is refused, naming where it is', () => {
    expect(libError(() => lib.net({ gross: 10000, city: 'hangzhou', from: new Map([[7, { gross: 20000 }]]) } as never)).message)
      .toMatch(/^from is a Map; options are/);
    expect(libError(() => lib.net({ gross: 10000, city: 'hangzhou', in: { 3: new Set([1]) } } as never)).message).toMatch(/^in\.3 is a Set/);
    expect(libError(() => lib.net({ gross: 10000, city: 'hangzhou', date: new Date() } as never)).message).toMatch(/^date is a Date/);
  });
});

describe('10. unpaid days in a month are at most 21.75', () => {
  it('23 in February is refused: exit 2 naming the limit', () => {
    expectRefusal(cs(['net', '--gross', '7250', '--city', 'hangzhou', '--in', '2:unpaid-days=23']), 2, /--in 2: --unpaid-days of 23 is more than the 21\.75 paid days/);
    expectRefusal(cs(['estimate', '--city', 'hangzhou', '--level', 'senior', '--in', '2:unpaid-days=22']), 2, /21\.75/);
    expect(cs(['net', '--gross', '7250', '--city', 'hangzhou', '--in', '2:unpaid-days=21', '--json']).code).toBe(0);
    expect(libError(() => lib.net({ gross: 7250, city: 'hangzhou', unpaidDays: 22 })).message).toMatch(/21\.75/);
  });
});

describe('13, 14. a key twice in one change, and an empty --set, are refused', () => {
  it('--from 7:gross=20000,gross=30000 is refused as two flags are', () => {
    expectRefusal(cs(['net', '--gross', '10000', '--city', 'hangzhou', '--from', '7:gross=20000,gross=30000']), 2, /^cs-pay: --from 7: gross is given twice\.$/);
    const e = libError(() => lib.estimate({ city: 'hangzhou', level: 'senior', from: { 7: { nightShifts: 2, 'night-shifts': 3 } } } as never));
    expect(e.message).toBe('--from 7: night-shifts is given twice.');
  });

  it("--set '' is refused", () => {
    expectRefusal(cs(['estimate', '--city', 'hangzhou', '--level', 'senior', '--set', '']), 2, /^cs-pay: --set names no component\.$/);
    expect(libError(() => lib.estimate({ city: 'hangzhou', level: 'senior', set: ' ' } as never)).message).toBe('--set names no component.');
  });
});

describe('17, 18. too-large numbers: at most 40 characters quoted, never "Infinity"', () => {
  it('a 1,000-digit amount in --from quotes at most 40 characters', () => {
    const r = cs(['net', '--gross', '10000', '--city', 'hangzhou', '--from', `7:gross=${'9'.repeat(1000)}`]);
    expectRefusal(r, 2, /^cs-pay: --from 7: --gross is too large a number; got '9{40}…'\.$/);
  });

  it('--overtime with 400 nines says the number is too large', () => {
    const r = cs(['estimate', '--city', 'hangzhou', '--level', 'senior', '--overtime', '9'.repeat(400)]);
    expectRefusal(r, 2, /--overtime is too large a number/);
    expect(r.stderr).not.toMatch(/Infinity/);
    expect(libError(() => lib.net({ gross: Infinity, city: 'hangzhou' })).message).toBe('--gross is too large a number.');
    expect(libError(() => lib.net({ gross: Number.NaN, city: 'hangzhou' })).message).toBe('--gross is not a number (NaN).');
  });
});

describe('19. CS_PAY_TODAY with a trailing space', () => {
  it('fails naming the variable', () => {
    expectRefusal(cs(['net', '--gross', '1000', '--city', 'hangzhou'], { env: { CS_PAY_TODAY: '2026-03-01 ' } }), 2, /^cs-pay: CS_PAY_TODAY must be a date/);
  });
});

describe('6, 23. the library: errors quote at most 40 characters; a BigInt is a CsPayError', () => {
  it('a 1,000,016-character value and a 100,000-character key are quoted short', () => {
    const long = libError(() => lib.net({ gross: `1${'0'.repeat(1_000_015)}`, city: 'hangzhou' }));
    expect(long.message.length).toBeLessThan(120);
    const key = libError(() => lib.net({ gross: 1000, city: 'hangzhou', ['k'.repeat(100_000)]: 1 } as never));
    expect(key.message).toBe(`Unknown option '${'k'.repeat(40)}…' in the net options.`);
    const city = libError(() => lib.net({ gross: 1000, city: 'x'.repeat(5_000_000) } as never));
    expect(city.message).toBe(`Unknown city '${'x'.repeat(40)}…'.`);
  });

  it('a BigInt anywhere is a CsPayError naming where', () => {
    expect(libError(() => lib.net({ gross: 10000n, city: 'hangzhou' } as never)).message).toMatch(/^gross is a BigInt/);
    expect(libError(() => lib.net({ gross: 1000, city: 'hangzhou', jobs: [{ month: 7, gross: 5n }] } as never)).message).toMatch(/^jobs\.0\.gross is a BigInt/);
    expect(libError(() => lib.compare({ a: { city: 'hangzhou', level: 'senior', signOnBonus: 1n }, b: 'city=hangzhou,level=lead' } as never)).exitCode).toBe(2);
    expect(libError(() => lib.rules({ city: 'hangzhou', date: 1n } as never)).exitCode).toBe(2);
    expect(libError(() => lib.net({ gross: 1000, city: 'hangzhou' }, { date: 1n } as never)).exitCode).toBe(2);
    expect(libError(() => lib.net({ gross: 1000, city: 'hangzhou', lang: 1n } as never)).exitCode).toBe(2);
  });
});

describe('2. CSV rows are at most 1 MB, each failing alone', () => {
  it('a 24 MB quoted cell, a 3 MB bare cell and an unclosed quote: those rows fail, every other row is answered, memory stays low', () => {
    const ok = (id: number) => `${id},net,9000,beijing`;
    const input = [
      'id,command,gross,city',
      ok(1),
      `2,net,"${'9'.repeat(24 * 1024 * 1024)}",beijing`,
      ok(3),
      `4,net,${'x'.repeat(3 * 1024 * 1024)},beijing`,
      `5,net,"9000\n",beijing`,
      ok(6),
      `7,net,"9000,beijing`,
      ...Array.from({ length: 5 }, (_, i) => `${8 + i},net,${'y'.repeat(300_000)}`),
    ].join('\n');
    const r = spawnSync(process.execPath, ['-r', join(root, 'bench/max-rss.cjs'), BIN, 'batch', '-', '--fields', 'gross.monthly'], {
      input, env: ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(2);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    // Row 5 spans lines 6 and 7 (a quoted line break). The unclosed quote of row 7 runs to the end of the input (1.5 MB): the last row.
    expect(out.map((o) => o.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(out.map((o) => o.gross?.monthly ?? o.error.message.slice(0, 40))).toEqual([
      9000, 'The CSV row starting at line 3 is longer', 9000, 'The CSV row starting at line 5 is longer',
      9000, 9000, 'The CSV row starting at line 9 is longer',
    ]);
    const peaks = [...r.stderr.matchAll(/cs-pay-max-rss (\d+)/g)].map((x) => Number(x[1]) / 1024);
    expect(peaks.length).toBeGreaterThan(0);
    // Loose: the input alone is 30 MB, and the bad run held it several times over (580 MB for 96 MB).
    expect(Math.max(...peaks)).toBeLessThan(200);
  }, 60_000);

  it('a short unclosed quote fails its row; a quote inside a bare field fails that row alone', () => {
    const input = 'id,command,gross,city\n1,net,5"6,beijing\n2,net,9000,beijing\n3,net,"9000,beijing\n';
    const r = cs(['batch', '-', '--fields', 'gross.monthly'], { input });
    const out = batchLines(r);
    expect(out.map((o) => o.line)).toEqual([1, 2, 3]);
    expect((out[0].error as { message: string }).message).toMatch(/^Not valid CSV at line 2: a quote inside a field/);
    expect(out[1].gross).toEqual({ monthly: 9000 });
    expect((out[2].error as { message: string }).message).toMatch(/^Not valid CSV at line 4: a quote is not closed/);
  });
});

describe('16. a line holding a NUL byte', () => {
  it('is named for the NUL byte, not as a line over 1 MB', () => {
    const good = '{"command":"net","gross":9000,"city":"beijing"}';
    const r = cs(['batch', '-', '--fields', 'gross.monthly'], { input: `${good}\u0000\n${good}\n{"a":"\u0000"}\n` });
    const out = batchLines(r);
    expect(out).toHaveLength(3);
    expect((out[0].error as { message: string }).message).toBe('This line holds a NUL byte (a control character), which JSON text never has raw.');
    expect(out[1].gross).toEqual({ monthly: 9000 });
    expect((out[2].error as { message: string }).message).toMatch(/NUL byte/);
  });
});

describe('7. the 100,000,000-a-month cap holds for every line and the month', () => {
  it('--set × --orders past the cap is refused, naming the line', () => {
    const r = cs(['estimate', '--platform', '1688', '--city', 'hangzhou', '--level', 'senior', '--orders', '100000', '--set', 'order-commission=100000000']);
    expectRefusal(r, 2, /^cs-pay: The order-commission line comes to 10,000,000,000,000\.00 yuan a month, beyond the 100,000,000 a month cs-pay models\.$/);
    expect(cs(['estimate', '--platform', '1688', '--city', 'hangzhou', '--level', 'senior', '--orders', '100000', '--set', 'order-commission=999', '--json']).code).toBe(0);
  });

  it("a month's total (gross plus extra, or the lines plus extra) past the cap is refused, naming the month", () => {
    expectRefusal(cs(['net', '--gross', '100000000', '--city', 'hangzhou', '--in', '3:extra=100000000']), 2, /^cs-pay: The pay of month 3 comes to 200,000,000\.00 yuan/);
    expectRefusal(cs(['estimate', '--city', 'hangzhou', '--level', 'senior', '--in', '12:extra=99999999']), 2, /^cs-pay: The pay of month 12 comes to/);
    expect(libError(() => lib.estimate({ city: 'hangzhou', level: 'senior', base: 100_000_000 })).message).toMatch(/^The pay of month 1 comes to/);
  });
});

describe('11, 12, 15. batch output: CSV cells safe in a spreadsheet, ids finite, fields own', () => {
  const line = (id: unknown) => `{"id":${id},"command":"net","gross":9000,"city":"beijing"}`;
  const input = [line('"=1+2"'), line('"@SUM(A1)"'), line('"+x"'), line('"-x"'), line('"\\tx"'), line('"a\\u0007b\\u001b[31m"'), line(-5), line('"-5"'), line('1e999')].join('\n');

  it('formula-leading text cells get a leading quote, control characters are dropped, numbers stay numbers', () => {
    const r = cs(['batch', '-', '--format', 'csv', '--fields', 'annual.net,reconciliation.balance'], { input });
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows[0]).toBe('line,id,annual.net,reconciliation.balance,error.code,error.message');
    expect(rows.slice(1, 9).map((row) => row.split(',')[1])).toEqual(["'=1+2", "'@SUM(A1)", "'+x", "'-x", "'\tx", 'ab[31m', '-5', '-5']);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
  });

  it('an id of 1e999 fails its line (exit 2), in JSON lines and CSV alike', () => {
    const jsonl = batchLines(cs(['batch', '-', '--fields', 'annual.net'], { input }));
    expect(jsonl[8]).toEqual({ line: 9, error: { code: 'bad-input', message: '"id" is too large a number to keep; write it as text, in quotes.' } });
    const csv = cs(['batch', '-', '--format', 'csv', '--fields', 'annual.net'], { input });
    expect(csv.code).toBe(2);
    expect(csv.stdout).not.toMatch(/Infinity/);
    expect(csv.stdout.trimEnd().split('\n')[9]).toMatch(/^9,,,bad-input,/);
  });

  it('--fields input.constructor names nothing: fields are own properties of the result', () => {
    const r = cs(['batch', '-', '--fields', 'input.constructor,input.toString,annual.net'], { input: `${line(1)}\n` });
    expect(batchLines(r)).toEqual([{ line: 1, id: 1, annual: { net: 90287.28 } }]);
    const csv = cs(['batch', '-', '--format', 'csv', '--fields', 'input.constructor'], { input: `${line(1)}\n` });
    expect(csv.stdout).not.toMatch(/native code|function/);
  });
});
