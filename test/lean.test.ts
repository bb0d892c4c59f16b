/**
 * The lean path (src/lean.ts, src/batch/lean.ts, src/payroll/lean.ts) against the whole path,
 * the reference: a mixed file of 10,000 lines (every command, every city, aliases
 * and Chinese names, dates from 2019 to 2027, bonus methods, job changes, --in
 * and --from, deductions, CSV-like strings, errors) is answered once the whole
 * way, and with several --fields sets the lean way; each lean line must be the
 * whole line cut to its fields by the same `pick` batch uses, byte for byte, and
 * the summaries equal.
 */
import { Readable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { leanPath } from '../src/lean.js';
import type { NetOptions } from '../src/index.js';
import { pick, treeOf, parseFields } from '../src/batch/fields.js';
import type { Io } from '../src/cli/io.js';
import { run } from '../src/cli/run.js';
import { cli } from './cli-support.js';

async function batch(args: string[], input: string) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    env: {},
    isTTY: false,
    today: '2026-11-23',
    readFile: () => {
      throw new Error('no files here');
    },
    readStdin: async () => input,
    stdin: () => Readable.from([Buffer.from(input)]),
  };
  const code = await run(['batch', '-', ...args], io);
  return { code, stdout, stderr, lines: stdout.trimEnd().split('\n') };
}

/** A fixed-seed generator (mulberry32). */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function mixedFile(n: number): Promise<string> {
  const { stdout } = await cli(['cities', '--json']);
  const cities = (JSON.parse(stdout).cities as { id: string; zh: string; aliases?: string[] }[]);
  const rnd = random(21);
  const pickOf = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const cityName = () => {
    const c = pickOf(cities);
    const r = rnd();
    return r < 0.8 ? c.id : r < 0.9 ? c.zh : (c.aliases?.[0] ?? c.id.toUpperCase());
  };
  const date = () => {
    const r = rnd();
    if (r < 0.4) return '2026-03-01';
    if (r < 0.5) return undefined;
    if (r < 0.52) return pickOf(['2026-02-30', '2018-06-01', '26-03-01', 20260301]);
    return `${2019 + Math.floor(rnd() * 9)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  };
  const gross = () => {
    const r = rnd();
    if (r < 0.85) return Math.round((2000 + rnd() * 60000) * 100) / 100;
    if (r < 0.9) return String(Math.round(3000 + rnd() * 40000));
    return pickOf([0, -5, 12000.123, 1e12, '12,000', 'abc', null, true, 150000, 2100, 800]);
  };
  const extras: (() => Record<string, unknown>)[] = [
    () => ({ bonus: Math.round(rnd() * 80000), bonusTax: pickOf(['auto', 'separate', 'merged']) }),
    () => ({ jobs: [{ month: 2 + Math.floor(rnd() * 10), city: cityName(), gross: Math.round(5000 + rnd() * 30000) }] }),
    () => ({ in: { [String(1 + Math.floor(rnd() * 12))]: { extra: Math.round(rnd() * 5000) } } }),
    () => ({ from: { [String(2 + Math.floor(rnd() * 10))]: { gross: Math.round(5000 + rnd() * 30000) } } }),
    () => ({ children: 1 + Math.floor(rnd() * 2), elderly: pickOf(['only-child', 'shared']) }),
    () => ({ rent: true }),
    () => ({ socialBase: Math.round(3000 + rnd() * 30000) }),
    () => ({ housingFundRate: pickOf([0.05, 0.07, 0.12, 0.2]) }),
    () => ({ startMonth: 1 + Math.floor(rnd() * 12) }),
    () => ({ unpaidDays: Math.floor(rnd() * 5) }),
    () => ({ firstJob: true }),
    () => ({ insurance: Math.round(rnd() * 3000) }),
    () => ({ lang: pickOf(['zh', 'en', 'fr', 'ZH']) }),
    () => ({ command: pickOf(['net', 'NET', 'gross', 'what']) }),
    () => ({ unknownKey: 1 }),
    () => ({ cities: 'x.yaml' }),
    () => ({ medicalTier: 2 }),
    () => ({ annuity: 0.04 }),
    // Every option a lean year takes besides the gross (src/lean.ts CONSTANT_KEYS), alone and together.
    () => ({ children: 2, childShare: pickOf([50, 100]), infants: 1 }),
    () => ({ elderly: 'shared', elderlyShare: pickOf([500, 1000, 1500, 2000]) }),
    () => ({ mortgage: true, mortgageShare: pickOf([50, 100]) }),
    () => ({ deduction: Math.round(rnd() * 4000), continuingEducation: pickOf(['degree', 'certificate', true]) }),
    () => ({ supplementaryFundRate: pickOf([1, 3, 5]), housingFundRate: pickOf([7, 10, 12]) }),
    () => ({ medicalTier: pickOf([1, 2, 3]), rent: true, children: 1 }),
  ];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    let line: Record<string, unknown>;
    if (r < 0.6) line = { id: i + 1, gross: gross(), city: cityName(), date: date() };
    else if (r < 0.72) line = { id: `L${i}`, command: 'net', gross: gross(), city: cityName(), date: date(), ...(rnd() < 0.3 ? { lang: pickOf(['zh', 'en']) } : {}) };
    else if (r < 0.92) line = { id: i + 1, command: 'net', gross: gross(), city: cityName(), date: date(), ...pickOf(extras)() };
    else if (r < 0.94) line = { id: i + 1, command: 'gross', net: Math.round(3000 + rnd() * 30000), city: cityName(), date: date() };
    else if (r < 0.96) line = { id: i + 1, command: 'estimate', city: cityName(), level: pickOf(['junior', 'intermediate', 'senior', 'lead']), date: date() };
    else if (r < 0.97) line = { id: pickOf([{}, [1], 1e999]), gross: gross(), city: cityName() };
    else if (r < 0.98) line = { gross: gross(), city: pickOf(['atlantis', 42, null]) };
    else { out.push(pickOf(['not json', '[1,2]', '{"gross": 12000, "city": "beijing", "date": "2026-03-01"']) as string); continue; }
    out.push(JSON.stringify(line));
  }
  return `${out.join('\n')}\n`;
}

const SETS = [
  'line,id,gross.monthly,takeHome.average,annual.net',
  'command,schemaVersion,gross,takeHome.firstMonth,takeHome.average,annual',
];

/** What --fields keeps of a whole line: line, id, columns and error as batch writes them, then the picked result. */
function cut(whole: string, spec: string): string {
  const { line, id, columns, error, ...result } = JSON.parse(whole);
  const out: Record<string, unknown> = { line };
  if (id !== undefined) out.id = id;
  if (columns) out.columns = columns;
  if (error) out.error = error;
  else Object.assign(out, pick(result, treeOf(parseFields(spec))));
  return JSON.stringify(out);
}

describe('the lean path answers as the whole path does', () => {
  afterEach(() => void (leanPath.on = true));
  // The mixed file, and its answers the whole way (the reference), made once for the tests below.
  let input = '';
  let whole: Awaited<ReturnType<typeof batch>>;
  beforeAll(async () => {
    input = await mixedFile(10_000);
    leanPath.on = false;
    whole = await batch(['--summary'], input);
    leanPath.on = true;
    expect(whole.lines.length).toBe(10_001);
  }, 60_000);

  it('a mixed file of 10,000 lines, for several --fields sets, JSON and CSV', async () => {
    leanPath.on = false;
    const reference = await batch(['--summary', '--format', 'csv', '--fields', SETS[0]], input.split('\n').slice(0, 1000).join('\n'));
    leanPath.on = true;
    for (const spec of SETS) {
      leanPath.figures = 0;
      const lean = await batch(['--summary', '--fields', spec], input);
      // Most plain lines went the lean way (the rest are refused, or need the whole way).
      expect(leanPath.figures).toBeGreaterThan(5000);
      expect(lean.code).toBe(whole.code);
      expect(lean.lines.length).toBe(whole.lines.length);
      for (let i = 0; i < 10_000; i++) if (lean.lines[i] !== cut(whole.lines[i], spec)) expect(lean.lines[i]).toBe(cut(whole.lines[i], spec));
      expect(lean.lines[10_000]).toBe(whole.lines[10_000]);
    }
    const csv = await batch(['--summary', '--format', 'csv', '--fields', SETS[0]], input.split('\n').slice(0, 1000).join('\n'));
    expect(csv.stdout).toBe(reference.stdout);
  }, 60_000);

  it('whole results of the same file: JSON lines, CSV, and --fields beyond the lean figures', async () => {
    leanPath.whole = 0;
    const lean = await batch(['--summary'], input);
    expect(leanPath.whole).toBeGreaterThan(4000);
    expect(lean.code).toBe(whole.code);
    expect(lean.stderr).toBe(whole.stderr);
    expect(lean.lines.length).toBe(whole.lines.length);
    for (let i = 0; i < whole.lines.length; i++) if (lean.lines[i] !== whole.lines[i]) expect(lean.lines[i]).toBe(whole.lines[i]);
    const part = input.split('\n').slice(0, 2000).join('\n');
    for (const args of [['--summary', '--format', 'csv'], ['--fields', 'line,id,input,reconciliation.balance,months.tax,warnings.code,rules.id']]) {
      leanPath.on = false;
      const reference = await batch(args, part);
      leanPath.on = true;
      leanPath.whole = 0;
      const mine = await batch(args, part);
      expect(leanPath.whole).toBeGreaterThan(800);
      expect(mine.code).toBe(reference.code);
      expect(mine.stdout).toBe(reference.stdout);
    }
  }, 60_000);
});

describe('the library: a lean net() is the whole net(), and the caller\'s own', () => {
  afterEach(() => void (leanPath.on = true));

  it('2,000 calls over every city, options and dates equal the whole path, and changing one result changes no other', async () => {
    const { net, cities } = await import('../src/index.js');
    const ids = cities().cities.map((c) => c.id);
    const rnd = random(7);
    const calls: NetOptions[] = Array.from({ length: 2000 }, (_, i) => ({
      gross: Math.round((1500 + rnd() * 50000) * 100) / 100,
      city: ids[i % ids.length],
      ...(rnd() < 0.5 ? { date: `202${5 + Math.floor(rnd() * 2)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-15` } : {}),
      ...(rnd() < 0.2 ? { housingFundRate: [0.05, 0.07, 0.12][Math.floor(rnd() * 3)] } : {}),
      ...(rnd() < 0.2 ? { children: 1, rent: true } : {}),
      ...(rnd() < 0.1 ? { lang: 'zh' as const } : {}),
    }) as NetOptions);
    const settings = { date: '2026-11-23' };
    // A result as JSON, or the error it threw (a rate outside a city's range is refused either way).
    const outcome = (c: NetOptions) => {
      try {
        return JSON.stringify(net(c, settings));
      } catch (e) {
        return `error: ${(e as Error).message}`;
      }
    };
    leanPath.on = false;
    const whole = calls.map(outcome);
    leanPath.on = true;
    leanPath.whole = 0;
    for (let i = 0; i < calls.length; i++) {
      expect(outcome(calls[i])).toBe(whole[i]);
      if (!whole[i].startsWith('error')) expect(net(calls[i], settings)).toEqual(JSON.parse(whole[i]));
    }
    expect(leanPath.whole).toBeGreaterThan(1500);
    // Nothing shared between two results: change every part of one, and the next is untouched.
    const first = net(calls[0], settings);
    expect(whole[0].startsWith('{')).toBe(true);
    first.rules[0].value = 'changed';
    first.warnings.push({ code: 'x', message: 'x' });
    first.months[0].lines[0].amount = -1;
    first.lines[0].label = 'changed';
    first.input.gross = -1;
    first.notes.push({ code: 'x', message: 'x' });
    first.reconciliation.settle.from = 'changed';
    expect(JSON.stringify(net(calls[0], settings))).toBe(whole[0]);
    first.rules = [];
    expect(first.rules).toEqual([]);
    // console.log shows a result's warnings and rules, not getters.
    const { inspect } = await import('node:util');
    expect(inspect(net(calls[0], settings), { depth: 4 })).not.toMatch(/Getter|Setter/);
    // A caller may freeze a result (state libraries do): its warnings and rules still read, the same each time.
    const frozen = Object.freeze(net(calls[0], settings));
    expect(frozen.rules).toBe(frozen.rules);
    expect(frozen.warnings).toBe(frozen.warnings);
    expect(JSON.stringify(frozen)).toBe(whole[0]);
  });
});

describe('yuanText writes a whole number of fen as JSON writes the yuan', () => {
  it('for 200,000 amounts: small, large, negative, round, and past 10^15 fen', async () => {
    const { yuanText } = await import('../src/lean.js');
    const rnd = random(99);
    const amounts = [0, -0, 1, 5, 10, 99, 100, 101, 110, -1, -10, -100, -105, 999_999_999_999_999, 1e15, -1e15, 2 ** 53 - 1, 2 ** 53 + 2, 1e21, -1e22];
    for (let i = 0; i < 200_000; i++) {
      const scale = 10 ** Math.floor(rnd() * 16);
      amounts.push(Math.round((rnd() - 0.3) * scale) * (rnd() < 0.2 ? 100 : rnd() < 0.2 ? 10 : 1));
    }
    for (const fen of amounts) if (yuanText(fen) !== JSON.stringify(fen / 100)) expect([fen, yuanText(fen)]).toEqual([fen, JSON.stringify(fen / 100)]);
  });
});
