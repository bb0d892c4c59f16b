/** The CLI in-process through run(argv, io): exit codes, stderr text, JSON shape, colour. */
import { describe, expect, it } from 'vitest';
import { cli, json } from './cli-support.js';
import { builtinCityIds } from './support.js';

const ESC = /\x1b\[/;
const DATE = ['--date', '2026-11-23'];

describe('estimate', () => {
  it('prints the breakdown for the main command', async () => {
    const r = await cli(['estimate', '--city', 'hangzhou', '--level', 'senior', ...DATE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const text of ['Base pay', 'Gross a month', 'Take-home, monthly average', 'Month by month']) expect(r.stdout).toContain(text);
  });

  it('JSON: accepts 杭州; lines sum to gross.monthly; every line has a source', async () => {
    const j = await json(['estimate', '--city', '杭州', '--level', 'senior', ...DATE]);
    expect(j.schemaVersion).toBe(1);
    expect(j.command).toBe('estimate');
    expect(j.input.city).toBe('hangzhou');
    const sum = j.lines.reduce((s: number, l: { amount: number }) => s + Math.round(l.amount * 100), 0);
    expect(sum).toBe(Math.round(j.gross.monthly * 100));
    for (const l of j.lines) expect(l.source).toMatch(/^(seed-\d{3}|derived: |assumption: |input)/);
    expect(j.gross.low).toBeLessThan(j.gross.monthly);
    expect(j.gross.high).toBeGreaterThan(j.gross.monthly);
    for (const key of ['insurance', 'months', 'annual', 'takeHome', 'warnings']) expect(j).toHaveProperty(key);
    expect(j.months).toHaveLength(12);
  });

  it('every amount in the JSON is rounded to the fen', async () => {
    const j = await json(['estimate', '--city', 'beijing', '--level', 'lead', '--platform', 'alibaba', '--overtime', '13', '--night-shifts', '7', ...DATE]);
    const amounts: number[] = [];
    const money = { lines: j.lines, gross: j.gross, insurance: j.insurance, months: j.months, annual: j.annual, takeHome: j.takeHome };
    JSON.stringify(money, (k, v) => (typeof v === 'number' && !['rate', 'month'].includes(k) ? (amounts.push(v), v) : v));
    expect(amounts.length).toBeGreaterThan(80);
    for (const a of amounts) expect(Math.abs(a * 100 - Math.round(a * 100))).toBeLessThan(1e-6);
  });

  it('the quality bonus follows --satisfaction in every accepted form', async () => {
    for (const s of ['96', '96%', '0.96']) {
      const j = await json(['estimate', '--city', 'hangzhou', '--level', 'senior', '--platform', '1688', '--satisfaction', s, ...DATE]);
      expect(j.lines.map((l: { id: string }) => l.id)).toContain('quality-bonus');
    }
  });

  it('--lang zh prints Chinese labels; no escape codes when piped; colour only on a TTY', async () => {
    const zh = await cli(['estimate', '--city', 'hangzhou', '--level', 'senior', '--lang', 'zh', ...DATE]);
    expect(zh.stdout).toContain('底薪');
    expect(zh.stdout).not.toMatch(ESC);
    const tty = await cli(['estimate', '--city', 'hangzhou', '--level', 'senior', ...DATE], { isTTY: true });
    expect(tty.stdout).toMatch(ESC);
    for (const env of [{ NO_COLOR: '1' }, { TERM: 'dumb' }] as Record<string, string>[]) {
      expect((await cli(['estimate', '--city', 'hangzhou', '--level', 'senior', ...DATE], { isTTY: true, env })).stdout).not.toMatch(ESC);
    }
    expect((await cli(['estimate', '--city', 'hangzhou', '--level', 'senior', '--no-color', ...DATE], { isTTY: true })).stdout).not.toMatch(ESC);
  });

  it('--format csv and markdown', async () => {
    const csv = await cli(['estimate', '--city', 'hangzhou', '--level', 'senior', '--format', 'csv', ...DATE]);
    expect(csv.stdout.split('\n')[0]).toBe('Section,Item,Month,Amount,Note');
    expect(csv.stdout).toMatch(/^Monthly gross pay,Base pay,,7250,/m);
    const md = await cli(['estimate', '--city', 'hangzhou', '--level', 'senior', '--format', 'markdown', ...DATE]);
    expect(md.stdout).toMatch(/^\| Base pay \| 7,250\.00 \|/m);
  });
});

describe('bad input: exit 2 (or 3), one sentence and a hint on stderr, no stack trace', () => {
  const cases: [string, string[], number, RegExp, RegExp][] = [
    ['misspelt city', ['estimate', '--city', 'hangzou', '--level', 'senior'], 2, /^cs-pay: Unknown city 'hangzou'\.$/, /Did you mean hangzhou\?.*Valid cities: beijing/],
    ['unknown level', ['estimate', '--city', 'hangzhou', '--level', 'seniour'], 2, /Unknown level 'seniour'/, /Did you mean senior\?/],
    ['unknown platform', ['estimate', '--city', 'hangzhou', '--level', 'senior', '--platform', 'alibba'], 2, /Unknown platform 'alibba'/, /Did you mean alibaba\?/],
    ['level a platform lacks', ['estimate', '--city', 'hangzhou', '--level', 'manager', '--platform', '1688'], 2, /Platform 1688 has no pay figures for level manager/, /Its levels: junior, intermediate, senior/],
    ['satisfaction above 100%', ['estimate', '--city', 'hangzhou', '--level', 'senior', '--satisfaction', '120'], 2, /--satisfaction cannot be above 100%; got '120'/, /./],
    ['negative count', ['estimate', '--city', 'hangzhou', '--level', 'senior', '--orders', '-5'], 2, /--orders must be a whole number, zero or more; got '-5'/, /./],
    ['more night shifts than days', ['estimate', '--city', 'hangzhou', '--level', 'senior', '--night-shifts', '32'], 2, /--night-shifts of 32 is more than the days in a month \(31\)/, /./],
    ['not a number', ['net', '--gross', 'lots', '--city', 'hangzhou'], 2, /--gross expects an amount in yuan, like 12000; got 'lots'/, /./],
    ['bad date', ['net', '--gross', '9000', '--city', 'hangzhou', '--date', '2026-02-30'], 2, /--date expects a date as YYYY-MM-DD/, /./],
    ['unknown option', ['estimate', '--cty', 'hangzhou', '--level', 'senior'], 2, /unknown option '--cty'/, /Did you mean --city\?/],
    ['missing city', ['estimate', '--level', 'senior'], 2, /estimate needs a city \(--city\)/, /Cities: beijing/],
    ['rent with mortgage', ['net', '--gross', '9000', '--city', 'hangzhou', '--rent', '--mortgage'], 2, /cannot be claimed together/, /pick --rent or --mortgage/],
    ['missing model file', ['estimate', '--city', 'hangzhou', '--level', 'senior', '--model', 'nope.yaml'], 2, /Cannot read model file 'nope.yaml': no such file/, /./],
    ['broken model file', ['estimate', '--city', 'hangzhou', '--level', 'senior', '--model', 'bad.yaml'], 3, /^cs-pay: bad\.yaml:1:1: schemaVersion: expected 1/, /cs-pay model validate/],
  ];
  it.each(cases)('%s', async (_name, argv, code, sentence, hint) => {
    const r = await cli(argv.includes('--date') ? argv : [...argv, ...DATE], { files: { 'bad.yaml': 'schemaVersion: 2\n' } });
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    const [first, second, ...rest] = r.stderr.trimEnd().split('\n');
    expect(first).toMatch(sentence);
    expect(second).toMatch(hint);
    expect(rest).toEqual([]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('lists and help', () => {
  it('cities lists every city of the data, in its order, with Chinese names', async () => {
    const j = await json(['cities']);
    expect(j.cities.map((c: { id: string }) => c.id)).toEqual(builtinCityIds());
    for (const c of j.cities) expect(c.zh).toMatch(/^[\u4e00-\u9fff]+$/);
    expect(j.cities.find((c: { id: string }) => c.id === 'xian').aliases).toContain("xi'an");
  });
  it("accepts xi'an", async () => {
    expect((await json(['estimate', '--city', "xi'an", '--level', 'junior', ...DATE])).input.city).toBe('xian');
  });
  it('help leads with examples', async () => {
    const r = await cli(['estimate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Examples:');
    expect(r.stdout).toContain('--night-shifts <count>');
  });
  it('model validate: ok for the built-in model, exit 3 for a broken one', async () => {
    const ok = await cli(['model', 'validate', 'data/model/compensation.yaml']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/valid cs-pay model \(4 platforms/);
    const bad = await cli(['model', 'validate', 'bad.yaml'], { files: { 'bad.yaml': 'schemaVersion: 1\nbogus: 1\n' } });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/bad\.yaml:2:1: bogus: unknown key 'bogus'/);
  });
  it('model schema prints a JSON Schema', async () => {
    const r = await cli(['model', 'schema']);
    expect(JSON.parse(r.stdout).properties).toHaveProperty('platforms');
  });
});
