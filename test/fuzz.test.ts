/**
 * Seeded fuzzing of the command line: random argv over every command and every flag
 * (read from the commander program itself), with good, bad and hostile values and
 * files. Whatever comes in, cs-pay answers with 0, 2, 3 or 4, one clean message and
 * no stack trace; on failure nothing on stdout; on success JSON that parses.
 * A failure names its seed and vector, so it can be replayed:
 * FUZZ_SEED=<seed> FUZZ_RUNS=<n> npx vitest run test/fuzz.test.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../src/cli/io.js';
import { type Actions, buildProgram } from '../src/cli/program.js';
import { run } from '../src/cli/run.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const BINARY_RUNS = 8;
const root = new URL('..', import.meta.url).pathname;

/** mulberry32: small, seedable, good enough to pick from lists. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  return { next, int, pick, chance: (p: number) => next() < p };
}

// Files: good ones from data/, broken and hostile ones in a temp dir. The FIFO has no
// writer: reading it would block for ever, so it must be refused unread.
const dir = mkdtempSync(join(tmpdir(), 'cs-pay-fuzz-'));
const good = readFileSync(join(root, 'data/model/compensation.yaml'), 'utf8');
const file = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
const FIFO = join(dir, 'fifo.yaml');
const hasFifo = spawnSync('mkfifo', [FIFO]).status === 0;
mkdirSync(join(dir, 'a-dir.yaml'));
const MODELS = [
  join(root, 'data/model/compensation.yaml'),
  file('factor.yaml', good.replace('factor: 0.83', 'factor: 1e300')),
  file('proto.yaml', good.replace('platforms:\n', 'platforms:\n  __proto__:\n    label: {en: x, zh: y}\n')),
  file('deep.yaml', `a: ${'['.repeat(50_000)}`),
  file('dup.yaml', 'schemaVersion: 1\nschemaVersion: 1\n'),
  file('laughs.yaml', `a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [${'*a,'.repeat(9)}*a]\nc: &c [${'*b,'.repeat(9)}*b]\nd: [${'*c,'.repeat(9)}*c]\n`),
  file('big.yaml', `# ${'x'.repeat(200 * 1024)}\n`),
  file('empty.yaml', ''),
  join(dir, 'a-dir.yaml'),
  ...(hasFifo ? [FIFO] : []),
  '/dev/zero',
  '/dev/null',
  join(dir, 'missing.yaml'),
];
const OFFERS = [
  join(root, 'data/offers/hangzhou-1688-senior.yaml'),
  join(root, 'data/offers/beijing-known-gross.yaml'),
  file('offer-hours.yaml', 'city: beijing\ngross: 9000\nscheduledHours: 0\n'),
  file('offer-level.yaml', 'city: beijing\ngross: 9000\nlevel: nonsense\n'),
  file('offer-laughs.yaml', `city: beijing\nlevel: senior\nname: [&a [x,x,x,x,x,x,x,x,x,x], &b [${'*a,'.repeat(9)}*a], &c [${'*b,'.repeat(9)}*b], [${'*c,'.repeat(9)}*c]]\n`),
  ...MODELS.slice(3),
];
const BATCH_FILES = [file('lines.jsonl', '{"command":"net","gross":9000,"city":"beijing"}\n'), join(dir, 'a-dir.yaml'), ...(hasFifo ? [FIFO] : []), '/dev/zero', join(dir, 'missing.jsonl')];
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LONG = 'x'.repeat(5000);
const ANY = ['', ' ', '0', '-1', '1e308', 'NaN', 'Infinity', 'abc', '杭州', "xi'an", '--json', LONG, '¥12,000', '1.5', '0x10', '\u0000', '🙂'];
const NUMBERS = ['0', '1', '8', '12', '96', '96%', '0.96', '1.15', '115', '174', '744', '745', '9000', '12000.50', '12,000', '-5', '1e308', '9000.123', '100000001'];
const VALUES: Record<string, readonly string[]> = {
  city: ['hangzhou', '杭州', "xi'an", 'beijing', 'shanghai', 'hangzou', 'all', 'beijing,chengdu'],
  level: ['senior', 'junior', 'lead', 'manager', 'operations', 'seniour', 'all'],
  platform: ['alibaba', '1688', 'tmall-logistics', 'generic', 'alibba', 'all'],
  date: ['2026-11-23', '2026-01-01', '2025-07-01', '2026-02-30', '1990-01-01', '2100-12-31', '20261123'],
  format: ['table', 'json', 'csv', 'markdown', 'xml'],
  lang: ['en', 'zh', 'fr'],
  elderly: ['only-child', 'shared', 'none'],
  bonusTax: ['auto', 'separate', 'merged', 'best'],
  startMonth: ['1', '6', '12', '0', '13', '6.5'],
  model: MODELS,
  from: [
    '7:gross=20000', '7:base=8000,level=lead', '13:base=1', '7:', '0:extra=1', '7:city=beijing', '7:levle=3', '12:unpaid-days=30',
    '7:level', '7:gross=20000,gross=30000', `7:gross=${'9'.repeat(400)}`, '7:night-shifts=2,nightShifts=3', '3:platform', '7:base=1e999',
  ],
  in: ['11:overtime=40', '12:extra=5000', '2:unpaid-days=3', '7:gross=abc', '99:extra=1', 'x', '2:unpaid-days=22', '2:unpaid-days=21.75', '3:extra=100000000', '11:overtime'],
  job: ['7:city=beijing,gross=12000', '7:city=nowhere', '1:level=lead', '13:city=beijing', '7', '7:city', '7:city=beijing,city=shanghai'],
  set: ['meal=0', 'order-commission=100000000', '', 'meal', 'meal=0;meal=1', 'nosuch=1', `meal=${'9'.repeat(400)}`],
  fields: ['annual.net', 'input.constructor', 'input.__proto__', 'gross.monthly,takeHome.average', 'annual.nett', 'months.net', 'line,id,error', 'input.toString', '.', ''],
  overtime: [...NUMBERS, '9'.repeat(400)],
};
/** Plausible values, so that a good share of the vectors succeed and their JSON is checked. */
const GOOD: Record<string, readonly string[]> = {
  city: ['hangzhou', '杭州', 'beijing', 'wuhan'],
  level: ['senior', 'junior', 'lead'],
  platform: ['generic', 'alibaba'],
  date: ['2026-11-23', '2026-06-01'],
  format: ['json', 'csv', 'markdown', 'table'],
  lang: ['en', 'zh'],
  elderly: ['only-child', 'shared'],
  bonusTax: ['auto', 'separate', 'merged'],
  startMonth: ['1', '6', '12'],
  model: [join(root, 'data/model/compensation.yaml')],
  number: ['0', '1', '8', '12', '96', '115', '174', '9000'],
};
const BASE: Record<string, string[]> = {
  estimate: ['--city', 'hangzhou', '--level', 'senior'],
  net: ['--gross', '9000', '--city', 'beijing'],
  gross: ['--net', '8000', '--city', 'shanghai'],
  compare: [join(root, 'data/offers/hangzhou-1688-senior.yaml'), 'gross=9000,city=beijing,scheduled-hours=174'],
};
const SPEC_KEYS = ['city', 'level', 'platform', 'gross', 'night-shifts', 'satisfaction', 'kpi', 'overtime', 'base', 'social-base', 'insurance', 'bonus', 'start-month', 'date', 'probation-months', 'probation-pay-percent', 'sign-on-bonus', 'scheduled-hours', 'name', 'levle'];
const BATCH_LINES = [
  '{"command":"net","gross":12000,"city":"beijing","date":"2026-11-23"}',
  '{"command":"estimate","city":"杭州","level":"senior"}',
  '{"command":"gross","net":9000,"city":"shanghai"}',
  '\uFEFF{"command":"net","gross":9000,"insurance":1000}',
  '{"city":{"a":1},"level":"senior"}',
  '{"city":"hangzhou","level":["senior"]}',
  '{"command":"net","gross":true,"city":"beijing"}',
  '{"command":7}',
  '{"platform":null,"city":"hangzhou","level":"senior"}',
  `{"city":"hangzhou","level":"senior","from":${'['.repeat(200)}${']'.repeat(200)}}`,
  '[1,2]',
  'not json',
  '',
  `{"city":"${LONG}","level":"senior"}`,
  '{"command":"net","gross":9000,"city":"beijing","date":"garbage"}',
  '{"command":"net","gross":9000,"city":"beijing","from":{"7":{"gross":12000}},"in":{"11":{"extra":3000}}}',
  '{"command":"net","gross":9000,"city":"beijing","jobs":[{"month":7,"city":"shanghai","gross":13000}]}',
  '{"command":"estimate","city":"hangzhou","level":"senior","from":{"7":{"level":{"x":1}}}}',
  '{"command":"net","gross":9000,"city":"beijing","jobs":[{"month":"x"}],"from":[1,2]}',
  '{"command":"net","gross":9000,"city":"beijing","from":{"13":{"gross":1}},"in":"7:extra=1"}',
];

const CSV_HEADER = 'id,command,gross,city,level,from';
const CSV_ROWS = [
  '1,net,9000,beijing,,',
  '2,estimate,,hangzhou,senior,7:base=8000',
  '=1+2,net,9000,shanghai,,',
  '@x,net,"9,000",beijing,,',
  '3,net,"90\n00",beijing,,',
  '4,net,5"6,beijing,,',
  `5,net,"${'9'.repeat(1_100_000)}",beijing,,`,
  `6,net,${'x'.repeat(1_100_000)},beijing,,`,
  '7,net,9000,beijing,,7:gross=1,gross=2',
  '8,net,9000,beijing,,"7:city"',
  '1e999,net,9000,beijing,,',
  '9,net,9000,beijing,,,,extra',
  '\u0000,net,9000,beijing,,',
  '10,net,"9000',
];

/** Options of a command as commander knows them: [camelCase name, flag, takes a value]. */
const optionsOf = (cmd: Command) => cmd.options.map((o) => [o.attributeName(), o.long!, o.required || o.optional] as const);

/** Commands that serve until their client leaves: not for a fuzz loop. */
const SERVERS = ['mcp'];

function commandsOf(): { path: string[]; cmd: Command }[] {
  // Only the shape of the program is read here; no action runs.
  const actions = new Proxy({}, { get: () => async () => {} }) as Actions;
  const program = buildProgram(fakeIo().io, actions, '0.0.0');
  return program.commands
    .filter((c) => !SERVERS.includes(c.name()))
    .flatMap((c) => (c.commands.length ? c.commands.map((sub) => ({ path: [c.name(), sub.name()], cmd: sub })) : [{ path: [c.name()], cmd: c }]));
}

function fakeIo(stdin = '') {
  const out = { stdout: '', stderr: '' };
  const io: Io = {
    stdout: (s) => void (out.stdout += s),
    stderr: (s) => void (out.stderr += s),
    env: {},
    isTTY: false,
    today: '2026-11-23',
    readFile: (path) => readFileSync(path, 'utf8'),
    readStdin: async () => stdin,
  };
  return { io, out };
}

interface Vector {
  argv: string[];
  stdin?: string;
  /** Lines in stdin, for batch. */
  lines?: number;
  /** Asks for JSON (--json, or json as the last --format). */
  json?: boolean;
}

function vectors(seed: number, count: number): Vector[] {
  const r = random(seed);
  const commands = commandsOf();
  const value = (name: string) => (r.chance(0.75) ? r.pick(VALUES[name] ?? NUMBERS) : r.pick(ANY));
  const spec = () =>
    Array.from({ length: 1 + r.int(4) }, () => {
      const key = r.pick(SPEC_KEYS);
      return `${key}=${r.pick([...(VALUES[key] ?? NUMBERS), ...ANY.slice(0, 8)])}`;
    }).join(',');
  const out: Vector[] = [];
  for (let i = 0; i < count; i++) {
    if (r.chance(0.05)) {
      out.push({ argv: r.pick([[], ['--version'], ['--help'], ['help', r.pick(['estimate', 'nosuch', 'model', LONG])], [r.pick(ANY)], ['model'], ['model', 'nosuch']]) });
      continue;
    }
    const { path, cmd } = r.pick(commands);
    const argv = [...path];
    // Half the computing vectors start from a good request and add plausible options.
    const plausible = path[0] in BASE && r.chance(0.5);
    if (plausible) argv.push(...BASE[path[0]], '--date', '2026-11-23');
    for (const arg of plausible ? [] : cmd.registeredArguments) {
      if (!arg.required && r.chance(0.3)) continue;
      if (path[0] === 'compare') argv.push(r.chance(0.4) ? r.pick(OFFERS) : spec());
      else if (path[0] === 'batch') argv.push(r.chance(0.5) ? '-' : r.pick(BATCH_FILES));
      else argv.push(r.pick(MODELS));
    }
    const options = optionsOf(cmd);
    let json = false;
    let format: string | undefined;
    for (let n = r.int(options.length ? (plausible ? 4 : 7) : 1); n > 0; n--) {
      if (!options.length) break;
      const [name, flag, takesValue] = r.pick(options);
      argv.push(flag);
      if (takesValue) argv.push(plausible ? r.pick(GOOD[name] ?? GOOD.number) : value(name));
      if (name === 'json') json = true;
      if (name === 'format') format = argv.at(-1);
    }
    if (!plausible && r.chance(0.1)) argv.push(r.pick(['--bogus', 'extra', '-x', '--json=1']));
    if (r.chance(0.4) && options.some(([name]) => name === 'json')) {
      argv.push('--json');
      json = true;
    }
    const eol = r.pick(['\n', '\r\n', '\r']);
    if (path[0] === 'batch' && r.chance(0.3)) {
      // CSV rows under a header; a row whose quote is never closed runs to the end of the input, so it is the last.
      const rows = Array.from({ length: 1 + r.int(5) }, () => r.pick(CSV_ROWS));
      const open = rows.findIndex((row) => row.endsWith('"9000'));
      const kept = open < 0 ? rows : rows.slice(0, open + 1);
      out.push({ argv, stdin: [CSV_HEADER, ...kept].map((l) => l + eol).join(''), lines: kept.length });
      continue;
    }
    const lines = Array.from({ length: 1 + r.int(5) }, () => r.pick(BATCH_LINES));
    if (path[0] === 'batch') out.push({ argv, stdin: lines.map((l) => l + eol).join(''), lines: lines.length });
    else out.push({ argv, json: json || format === 'json' });
  }
  return out;
}

const STACK = /\n\s+at |internal error|node:internal/;

function judge(v: Vector, code: number, stdout: string, stderr: string): void {
  const where = `seed ${SEED}, argv ${JSON.stringify(v.argv).slice(0, 300)}`;
  expect([0, 2, 3, 4], where).toContain(code);
  expect(stderr, where).not.toMatch(STACK);
  for (const line of stderr.split('\n')) expect(line.length, where).toBeLessThan(1100);
  if (v.argv[0] === 'batch' && stdout !== '') {
    // Batch answers line by line, failures in place: every output line is JSON (or a CSV row under a header).
    expect([0, 2], where).toContain(code);
    const csv = v.argv[v.argv.lastIndexOf('--format') + 1] === 'csv' && v.argv.includes('--format');
    if (!csv) for (const line of stdout.trimEnd().split('\n')) expect(() => JSON.parse(line), where).not.toThrow();
    if (v.stdin !== undefined && (v.argv[1] === undefined || v.argv[1] === '-' || v.argv[1].startsWith('--'))) {
      const extra = (csv ? 1 : 0) + (v.argv.includes('--summary') ? 1 : 0);
      expect(stdout.trimEnd().split('\n').length, where).toBe(v.lines! + extra);
    }
    return;
  }
  if (code !== 0) expect(stdout, where).toBe('');
  if (code === 0 && v.json && !v.argv.some((a) => ['--help', '-h', '--version', '-V', 'help'].includes(a))) {
    expect(() => JSON.parse(stdout), where).not.toThrow();
  }
}

describe('fuzz', () => {
  it(`${RUNS} argv vectors from seed ${SEED}, in-process: exit 0/2/3/4, no stack trace, no stdout on failure, JSON parses`, async () => {
    for (const v of vectors(SEED, RUNS)) {
      const { io, out } = fakeIo(v.stdin);
      const code = await run(v.argv, io);
      judge(v, code, out.stdout, out.stderr);
    }
  }, 60_000);

  it(`${BINARY_RUNS} argv vectors from seed ${SEED + 1} through the built binary`, () => {
    for (const v of vectors(SEED + 1, BINARY_RUNS)) {
      // A real argv cannot hold a NUL byte.
      const argv = v.argv.map((a) => a.replace(/\0/g, '\u0001'));
      const r = spawnSync(process.execPath, [join(root, 'bin/cs-pay.js'), ...argv], {
        input: v.stdin ?? '',
        encoding: 'utf8',
        timeout: 10_000,
        env: { ...process.env, CS_PAY_TODAY: '2026-11-23', CS_PAY_DEBUG: '' },
      });
      judge(v, r.status ?? -1, r.stdout, r.stderr);
    }
  }, 60_000);
});

// The library and the tool server, from the same seed: hostile values where the CLI can only give text.
const LIB_SEED = SEED + 2;
const LIB_RUNS = Number(process.env.FUZZ_LIB_RUNS ?? 600);
const MCP_SEED = SEED + 3;
const MCP_MESSAGES = Number(process.env.FUZZ_MCP_MESSAGES ?? 400);

/** Values only a program can hand over: lists, Maps, BigInts, functions, dates, cycles, non-finite numbers. */
function hostile(r: ReturnType<typeof random>, depth = 0): unknown {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  const pool: (() => unknown)[] = [
    () => r.pick(ANY), () => r.pick(NUMBERS), () => Number(r.pick(NUMBERS)), () => true, () => false, () => null, () => undefined,
    () => Infinity, () => -Infinity, () => Number.NaN, () => 10n, () => ['1', '000'], () => [], () => ({}), () => new Map([[7, { gross: 1 }]]),
    () => new Set([1]), () => new Date(0), () => () => 1, () => Symbol('x'), () => cyclic, () => 'x'.repeat(100_000), () => 1e308,
    () => (depth < 2 ? { [r.pick(['7', '13', 'x'])]: { [r.pick(['gross', 'level', 'city', 'extra', 'unpaidDays', 'gross'])]: hostile(r, depth + 1) } } : 1),
    () => (depth < 2 ? [{ month: hostile(r, depth + 1), gross: hostile(r, depth + 1) }] : 1),
  ];
  return r.pick(pool)();
}

const LIB_KEYS = ['city', 'level', 'platform', 'gross', 'net', 'nightShifts', 'satisfaction', 'orders', 'kpi', 'overtime', 'set', 'from', 'in', 'job', 'jobs',
  'unpaidDays', 'extra', 'bonus', 'startMonth', 'date', 'lang', 'rent', 'elderly', 'housingFundRate', 'insurance', 'socialBase', 'nosuch'];
const LIB_GOOD: Record<string, Record<string, unknown>> = {
  estimate: { city: 'hangzhou', level: 'senior', date: '2026-11-23' },
  net: { gross: 9000, city: 'beijing', date: '2026-11-23' },
  gross: { net: 8000, city: 'shanghai', date: '2026-11-23' },
  compare: { a: 'city=hangzhou,level=senior', b: { city: 'wuhan', gross: 9000 }, date: '2026-11-23' },
  rules: { city: 'hangzhou', date: '2026-11-23' },
};

describe('fuzz: the library and the tool server', () => {
  it(`${LIB_RUNS} library calls with hostile values from seed ${LIB_SEED}: a result or a CsPayError, never another error`, async () => {
    const lib = await import('../src/index.js');
    const r = random(LIB_SEED);
    for (let i = 0; i < LIB_RUNS; i++) {
      const fn = r.pick(Object.keys(LIB_GOOD)) as keyof typeof LIB_GOOD;
      const options: Record<string, unknown> = { ...LIB_GOOD[fn] };
      for (let n = 1 + r.int(3); n > 0; n--) options[r.pick(LIB_KEYS)] = r.chance(0.6) ? hostile(r) : r.pick([...(VALUES[r.pick(Object.keys(VALUES))] ?? NUMBERS)]);
      if (fn === 'compare' && r.chance(0.5)) options[r.pick(['a', 'b'])] = { city: 'hangzhou', level: 'senior', [r.pick(LIB_KEYS)]: hostile(r) };
      const where = `seed ${LIB_SEED}, call ${i}: ${fn}(${Object.keys(options).join(', ')})`;
      try {
        const result = ((lib as unknown as Record<string, (o: unknown, s?: unknown) => unknown>)[fn])(options, r.chance(0.1) ? { date: hostile(r) } : undefined);
        expect(() => JSON.stringify(result), where).not.toThrow();
      } catch (e) {
        expect(e, `${where}: ${(e as Error)?.stack}`).toBeInstanceOf(lib.CsPayError);
        const err = e as InstanceType<typeof lib.CsPayError>;
        expect([2, 3, 4], where).toContain(err.exitCode);
        expect(err.message.length, where).toBeLessThan(1100);
        expect(err.message, where).not.toMatch(/x{41}|9{41}|\[object /);
      }
    }
  }, 60_000);

  it(`${MCP_MESSAGES} malformed and pipelined messages from seed ${MCP_SEED} to the tool server: one answer per request, none -32603, exit 0`, () => {
    const r = random(MCP_SEED);
    const INIT = { jsonrpc: '2.0', id: 'init', method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'fuzz', version: '1' } } };
    const lines: string[] = [JSON.stringify(INIT), JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })];
    let answered = 1;
    // What a client can send: JSON. A program's values become what JSON makes of them (a cycle, text).
    const json = (v: unknown) => {
      const seen = new WeakSet();
      return JSON.stringify(v, (_k, x) => {
        if (typeof x === 'bigint' || typeof x === 'function' || typeof x === 'symbol') return String(x);
        if (x instanceof Map || x instanceof Set) return [...x];
        if (x !== null && typeof x === 'object') {
          if (seen.has(x)) return 'cycle';
          seen.add(x);
        }
        return x;
      });
    };
    for (let i = 0; i < MCP_MESSAGES; i++) {
      const tool = r.pick(['estimate', 'net', 'gross', 'compare', 'cities', 'rules', 'nosuch']);
      const args: Record<string, unknown> = { ...(LIB_GOOD[tool] ?? {}) };
      for (let n = r.int(3); n > 0; n--) args[r.pick(LIB_KEYS)] = hostile(r);
      const kind = r.int(10);
      if (kind === 0) lines.push(r.pick(['not json', '{"jsonrpc":"2.0","id":1,', '', '[1,2]', '42', 'null', '{"id":{"a":1},"method":"ping"}']));
      else if (kind === 1) lines.push(json({ jsonrpc: '2.0', id: i, method: 'tools/call', params: { name: tool, arguments: r.pick(['abc', [1], 7, null]) } }));
      else if (kind === 2) lines.push(json({ jsonrpc: '2.0', id: i, method: r.pick(['ping', 'tools/list', 'nosuch/method']) }));
      else if (kind === 3) lines.push(json({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: r.int(i + 1) } }));
      else lines.push(json({ jsonrpc: '2.0', id: r.chance(0.5) ? i : `c${i}`, method: 'tools/call', params: { name: tool, arguments: args } }));
      // Every line is answered except a blank one and a notification.
      if (lines.at(-1) !== '' && kind !== 3) answered++;
    }
    const out = spawnSync(process.execPath, [join(root, 'bin/cs-pay.js'), 'mcp'], {
      input: `${lines.join('\n')}\n`, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CS_PAY_TODAY: '2026-11-23', CS_PAY_DEBUG: '' },
    });
    const where = `seed ${MCP_SEED}`;
    expect(out.status, where).toBe(0);
    expect(out.stderr, where).toBe('');
    const answers = out.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { error?: { code: number; message: string }; result?: { content?: { text?: string }[] } });
    // A call cancelled before it ran gets no answer (MCP): at most the count, and all but those.
    const cancelled = lines.filter((l) => l.includes('notifications/cancelled')).length;
    expect(answers.length, where).toBeLessThanOrEqual(answered);
    expect(answers.length, where).toBeGreaterThanOrEqual(answered - cancelled);
    for (const a of answers) {
      expect(a.error?.code, where).not.toBe(-32603);
      const text = a.error?.message ?? a.result?.content?.map((c) => c.text ?? '').join(' ') ?? '';
      expect(text, where).not.toMatch(/internal error|\n\s+at /);
      if (a.error) expect(a.error.message.length, where).toBeLessThan(300);
    }
  }, 90_000);
});
