/**
 * The year month by month and the annual reconciliation through the real
 * binary (`node bin/cs-pay.js`, built by `node src/build.mjs`): the acceptance
 * lines, with the figures worked out by hand in the comments. Amounts are yuan.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const DATE = ['--date', '2026-03-15'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the binary; the describes below are concurrent, each run is its own process. */
function csPay(args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8', COLUMNS: '200', NO_COLOR: '1' };
  delete env.CS_PAY_DEBUG;
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['bin/cs-pay.js', ...args], { cwd: root, env, encoding: 'utf8', timeout: 30_000 }, (_, stdout, stderr) =>
      resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

async function json(args: string[]) {
  const r = await csPay([...args, '--json']);
  if (r.code !== 0) throw new Error(`cs-pay ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

interface Month {
  month: number;
  gross: number;
  insurance: number;
  tax: number;
  net: number;
  rulesFrom: string;
  lines: { id: string; amount: number }[];
}
const taxes = (j: { months: Month[] }) => j.months.map((m) => m.tax);

beforeAll(() => {
  if (!existsSync(`${root}/dist/cli.cjs`)) throw new Error('dist/cli.cjs is missing: run `node src/build.mjs` first (npm test does).');
});

describe.concurrent('the year, month by month', () => {
  it('--last-year-under-60k: nothing to August, 90 in September, 210 after', async () => {
    // 60,000 deducted from January (STA 2020 No. 19); 7,000 a month before it. Sep: 63,000 − 60,000 = 3,000 → 90;
    // Oct 10,000 → 300; Nov 17,000 → 510; Dec 24,000 → 720.
    const j = await json(['net', '--gross', '8000', '--insurance', '1000', '--last-year-under-60k', ...DATE]);
    expect(taxes(j)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 90, 210, 210, 210]);
    expect(j.annual.incomeTax).toBe(720);
  });

  it('--from 7:gross=20000: 120 a month to June, 560 in July, 1,400 after; July take-home 18,440', async () => {
    // Jun cumulative 24,000 → 720. Jul 38,000 × 10% − 2,520 = 1,280 → 560. Then 14,000 more a month → 1,400.
    const j = await json(['net', '--gross', '10000', '--insurance', '1000', '--from', '7:gross=20000', ...DATE]);
    expect(taxes(j)).toEqual([120, 120, 120, 120, 120, 120, 560, 1400, 1400, 1400, 1400, 1400]);
    expect(j.months[6].gross).toBe(20000);
    expect(j.months[6].net).toBe(18440);
    expect(j.months[5].gross).toBe(10000);
    // 180,000 − 12,000 − 8,280
    expect(j.annual).toMatchObject({ gross: 180000, incomeTax: 8280, net: 159720 });
    expect(j.reconciliation.balance).toBe(0);
  });

  it('Beijing: January on the 2025-07 bases, July on the 2026-07 bases', async () => {
    // Jan (floor 7,162): pension 572.96, medical 143.24 + 3 = 146.24, unemployment 35.81, fund 5,000 × 12% = 600 → 1,355.01.
    // Jul (floor 7,270): 581.60 + 148.40 + 36.35 + 600 = 1,366.35. Taxable income below zero all year: no tax.
    const j = await json(['net', '--gross', '5000', '--city', 'beijing', '--housing-fund-rate', '12', '--date', '2026-11-01']);
    const jan: Month = j.months[0];
    const jun: Month = j.months[5];
    const jul: Month = j.months[6];
    expect(jan).toMatchObject({ rulesFrom: '2026-01-01', insurance: 1355.01, tax: 0, net: 3644.99 });
    expect(jun).toMatchObject({ rulesFrom: '2026-06-01', insurance: 1355.01 });
    expect(jul).toMatchObject({ rulesFrom: '2026-07-01', insurance: 1366.35, tax: 0, net: 3633.65 });
    // The top-level insurance is November's, on the 2026-07 bases.
    expect(j.insurance.base).toMatchObject({ social: 7270, housingFund: 5000 });
    expect(j.insurance.employee).toMatchObject({ pension: 581.6, medical: 148.4, unemployment: 36.35, housingFund: 600, total: 1366.35 });
    // 6 × 1,355.01 + 6 × 1,366.35 = 16,328.16
    expect(j.annual.insurance).toBe(16328.16);

    const january = await json(['net', '--gross', '5000', '--city', 'beijing', '--housing-fund-rate', '12', '--date', '2026-01-15']);
    expect(january.insurance.base).toMatchObject({ social: 7162, housingFund: 5000 });
    expect(january.insurance.employee).toMatchObject({ pension: 572.96, medical: 146.24, unemployment: 35.81, housingFund: 600, total: 1355.01 });
  });

  it('estimate 1688: the 3,000 quarterly team bonus is paid in months 3, 6, 9 and 12', async () => {
    const j = await json(['estimate', '--platform', '1688', '--city', 'hangzhou', '--level', 'junior', '--kpi', '115', ...DATE]);
    const gross = (j.months as Month[]).map((m) => m.gross);
    for (const q of [3, 6, 9, 12]) {
      expect(gross[q - 1], `month ${q}`).toBeCloseTo(gross[q - 2] + 3000, 2);
      expect(j.months[q - 1].lines.find((l: { id: string }) => l.id === 'team-bonus')?.amount).toBe(3000);
    }
    for (const m of [1, 2, 4, 5, 7, 8, 10, 11]) {
      expect(gross[m - 1], `month ${m}`).toBe(gross[0]);
      expect(j.months[m - 1].lines.some((l: { id: string }) => l.id === 'team-bonus')).toBe(false);
    }
  });
});

describe.concurrent('job change and the annual reconciliation', () => {
  it('--job 7 at the same pay: 720 at each employer, 2,280 due, 840 owed but exempt at 120,000', async () => {
    // 4,000 a month; each employer 6 × 4,000 = 24,000 → 720. Year 48,000 × 10% − 2,520 = 2,280.
    const j = await json(['net', '--gross', '10000', '--insurance', '1000', '--job', '7:gross=10000', ...DATE]);
    const rec = j.reconciliation;
    expect(rec.employers.map((e: { fromMonth: number; toMonth: number; withheld: number }) => [e.fromMonth, e.toMonth, e.withheld])).toEqual([
      [1, 6, 720],
      [7, 12, 720],
    ]);
    expect(rec).toMatchObject({ income: 120000, taxDue: 2280, withheld: 1440, balance: 840, exempt: true, exemptReason: 'income' });
    expect(j.months[6].employer).toBe(2);
  });

  it('--start-month 7 without earlier income: 720 withheld, all refunded', async () => {
    // 6 × 4,000 = 24,000 → 720 withheld; the year: 60,000 − 60,000 − 6,000 < 0, nothing due.
    const j = await json(['net', '--gross', '10000', '--insurance', '1000', '--start-month', '7', ...DATE]);
    expect(j.reconciliation).toMatchObject({ income: 60000, taxDue: 0, withheld: 720, balance: -720, exempt: false });
  });

  it('one employer all year at constant pay: balance 0', async () => {
    const j = await json(['net', '--gross', '10000', '--insurance', '1000', ...DATE]);
    expect(j.reconciliation).toMatchObject({ income: 120000, taxDue: 2280, withheld: 2280, balance: 0 });
    expect(j.reconciliation.employers).toHaveLength(1);
  });

  it('compare shows the first year’s reconciliation of each offer', async () => {
    const a = 'gross=10000,insurance=1000';
    const b = 'gross=10000,insurance=1000,start-month=7';
    const j = await json(['compare', a, b, ...DATE]);
    expect(j.offers[0].firstYearBalance).toBe(0);
    expect(j.offers[1].firstYearBalance).toBe(-720);
    expect(j.delta.reconciliation).toBe(-720);

    const table = await csPay(['compare', a, b, ...DATE]);
    expect(table.code).toBe(0);
    const row = table.stdout.split('\n').find((l) => /Reconciliation/.test(l));
    expect(row).toBeDefined();
    expect(row).toMatch(/-720\.00/);
  });
});

describe.concurrent('bad month changes exit 2 with one sentence naming the flag and month', () => {
  const NET = ['net', '--gross', '10000', '--insurance', '1000', ...DATE];
  const cases: [string, string[], RegExp[]][] = [
    ['a month past 12', [...NET, '--from', '13:gross=1'], [/--from/, /13/]],
    ['a city for one month', [...NET, '--in', '7:city=beijing'], [/--in 7/, /city/, /--job/]],
    ['a date for one month', [...NET, '--in', '7:date=2026-01-01'], [/--in 7/, /date/]],
    ['two raises for one month', [...NET, '--from', '7:gross=20000', '--from', '7:gross=21000'], [/--from/, /month 7/, /gross/]],
    ['an amount that is not a number', [...NET, '--in', '7:gross=abc'], [/(--in 7|[Mm]onth 7)/, /gross/, /abc/]],
    ['a job change in the start month', [...NET, '--job', '1:gross=9000'], [/--job 1/, /month 1/]],
    ['a known gross in an estimate', ['estimate', '--city', 'hangzhou', '--level', 'junior', '--from', '7:gross=9000', ...DATE], [/--from 7/, /gross/]],
  ];
  it.each(cases)('%s', async (_, args, named) => {
    const r = await csPay([...args, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    // The sentence, and at most a hint line after it; never a stack trace.
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).not.toMatch(/Error:/);
    expect(lines[0]).toMatch(/\.$/);
    for (const part of named) expect(lines[0]).toMatch(part);
  });
});
