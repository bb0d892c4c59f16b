/**
 * The year's corners through the real binary: refusals are one sentence with
 * exit 2, compare's percentages use one base and none where they mean nothing,
 * and the new deduction flags are in the help. Figures by hand in the comments.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function csPay(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8', COLUMNS: '200', NO_COLOR: '1' };
  delete env.CS_PAY_DEBUG;
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['bin/cs-pay.js', ...args], { cwd: root, env, encoding: 'utf8', timeout: 30_000 }, (_, stdout, stderr) =>
      resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

const refused = async (args: string[], ...names: string[]) => {
  const r = await csPay(args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^cs-pay: /);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  // One sentence, then at most a hint line.
  expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  for (const n of names) expect(r.stderr.split('\n')[0]).toContain(n);
};

describe.concurrent('refused with one sentence and exit 2', () => {
  it('--first-job with earlier income names both flags', () =>
    refused(['net', '--gross', '20000', '--insurance', '2000', '--start-month', '5', '--first-job', '--earlier-income', '30000'], '--first-job', '--earlier-income'));
  it('--first-job with earlier tax names both flags', () =>
    refused(['net', '--gross', '20000', '--insurance', '2000', '--start-month', '5', '--first-job', '--earlier-tax', '300'], '--first-job', '--earlier-tax'));
  it('pay with --in before the start month names the month', () =>
    refused(['net', '--gross', '20000', '--insurance', '2000', '--start-month', '7', '--in', '3:extra=5000'], '--in 3', 'extra'));
  it('--elderly-share above 1,500', () =>
    refused(['net', '--gross', '20000', '--insurance', '2000', '--elderly', 'shared', '--elderly-share', '2000'], '--elderly-share'));
  it('--elderly-share without --elderly shared', () =>
    refused(['net', '--gross', '20000', '--insurance', '2000', '--elderly-share', '1000'], '--elderly-share', '--elderly shared'));
  it('--child-share 60', () => refused(['net', '--gross', '20000', '--insurance', '2000', '--children', '1', '--child-share', '60'], '--child-share'));
  it('--mortgage-share 30', () => refused(['net', '--gross', '20000', '--insurance', '2000', '--mortgage', '--mortgage-share', '30'], '--mortgage-share'));
  it('a --from before the start still takes effect from the start month', async () => {
    // (20,000 − 2,000 − 5,000 − 3,000) × 3% = 300 in July, the first month employed.
    const r = await csPay(['net', '--gross', '20000', '--insurance', '2000', '--start-month', '7', '--from', '3:deduction=3000', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).months[6].tax).toBe(300);
  });
});

describe.concurrent('the acceptance figures of the new deductions', () => {
  const month1 = async (...extra: string[]) => {
    const r = await csPay(['net', '--gross', '20000', '--insurance', '2000', '--date', '2026-03-01', ...extra, '--json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout);
  };
  // 13,000 taxable less the deduction, × 3%.
  it('--children 2 --child-share 50 withholds 330', async () => expect((await month1('--children', '2', '--child-share', '50')).months[0].tax).toBe(330));
  it('--elderly shared --elderly-share 1000 withholds 360', async () => expect((await month1('--elderly', 'shared', '--elderly-share', '1000')).months[0].tax).toBe(360));
  it('--mortgage --mortgage-share 50 withholds 375', async () => expect((await month1('--mortgage', '--mortgage-share', '50')).months[0].tax).toBe(375));
  it('--serious-illness 50000: month 1 390, tax due 9,580, a refund of 4,700', async () => {
    const r = await month1('--serious-illness', '50000');
    expect(r.months[0].tax).toBe(390);
    expect(r.reconciliation.taxDue).toBe(9580);
    expect(r.reconciliation.balance).toBe(-4700);
  });
});

describe.concurrent('compare', () => {
  it('shows no percent where the base is zero or below or the sign flips, and one base for the verdict', async () => {
    // A starts in July without earlier income: over-withheld, a refund (balance < 0). B works all year: balance 0.
    const r = await csPay(['compare', 'gross=20000,insurance=2000,start-month=7', 'gross=21000,insurance=2000', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => l.split(','));
    const byLabel = (label: string) => rows.find((row) => row[0].startsWith(label))!;
    expect(byLabel('Reconciliation')[4]).toBe('');
    expect(byLabel('Year-end bonus')[4]).toBe('');
    // Take-home a year: B − A over A.
    const [a, b] = byLabel('Take-home a year').slice(1, 3).map(Number);
    expect(Number(byLabel('Take-home a year')[4])).toBeCloseTo(Math.round(((b - a) / a) * 10000) / 100, 2);
    const verdict = rows.find((row) => row[0] === 'Verdict')!.slice(5).join(',');
    expect(verdict).toContain(`B +${Math.round(((b - a) / a) * 10000) / 100}% on A`);
  });

  it('shows the year-end bonus as its own row, so an assumed bonus is visible', async () => {
    const r = await csPay(['compare', 'city=hangzhou,level=senior,platform=alibaba', 'city=hangzhou,gross=12000', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.delta.yearEndBonus).toBe(-c.offers[0].annual.bonus);
    expect(c.offers[0].annual.bonus).toBeGreaterThan(0);
  });

  it('employer cost unknown on one side leaves its delta null and says unknown', async () => {
    const r = await csPay(['compare', 'gross=12000,insurance=1500', 'city=hangzhou,gross=12000', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.offers[0].annual.employerCost).toBeNull();
    expect(c.delta.employerCost).toBeNull();
    const table = await csPay(['net', '--gross', '12000', '--insurance', '1500']);
    expect(table.stdout).toMatch(/Employer cost\s+unknown/);
  });
});

it('help describes each new flag in one line', async () => {
  const r = await csPay(['net', '--help']);
  for (const flag of ['--serious-illness', '--child-share', '--elderly-share', '--mortgage-share']) {
    const line = r.stdout.split('\n').find((l) => l.trimStart().startsWith(flag));
    expect(line, flag).toBeDefined();
    expect(line!.trim().length).toBeGreaterThan(flag.length + 10);
  }
});
