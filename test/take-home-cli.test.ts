/** Take-home through the CLI: the contract's acceptance examples end to end. */
import { describe, expect, it } from 'vitest';
import { cli, json } from './cli-support.js';

const DATE = ['--date', '2026-11-23'];
const CITIES = ['beijing', 'shanghai', 'guangzhou', 'shenzhen', 'hangzhou', 'chengdu', 'wuhan', 'xian', 'nanjing', 'suzhou'];

describe('take-home via the CLI', () => {
  it('STA example: 555, 625, 1,850 in months 1–3; the year matches the annual formula', async () => {
    const j = await json(['net', '--gross', '30000', '--insurance', '4500', '--deduction', '2000', ...DATE]);
    expect(j.months.slice(0, 3).map((m: { tax: number }) => m.tax)).toEqual([555, 625, 1850]);
    // (30,000 − 5,000 − 4,500 − 2,000) × 12 = 222,000; × 20% − 16,920 = 27,480
    expect(j.annual.incomeTax).toBe(27480);
  });

  it('bonus 36,001 taxed separately: 3,390.10 and a dead-zone warning', async () => {
    const j = await json(['net', '--gross', '10000', '--insurance', '1000', '--bonus', '36001', '--bonus-tax', 'separate', ...DATE]);
    expect(j.annual.bonusTax).toBe(3390.1);
    expect(j.warnings.map((w: { code: string }) => w.code)).toContain('bonus-dead-zone');
  });

  it.each([3000, 7777.77, 15000, 42000])('gross --net %s then net --gross gives it back within 0.01', async (target) => {
    const g = await json(['gross', '--net', String(target), '--city', 'shanghai', ...DATE]);
    const n = await json(['net', '--gross', String(g.gross.monthly), '--city', 'shanghai', ...DATE]);
    expect(Math.abs(n.takeHome.average - target)).toBeLessThanOrEqual(0.01);
  });

  it.each(CITIES)('%s computes, and every rule used shows its date and confidence', async (city) => {
    const j = await json(['estimate', '--city', city, '--level', 'junior', ...DATE]);
    expect(j.insurance.employee.total).toBeGreaterThan(0);
    expect(j.rules.length).toBeGreaterThan(5);
    for (const r of j.rules) {
      expect(r.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['official', 'secondary', 'derived', 'unverified', 'assumption']).toContain(r.confidence);
    }
    const table = await cli(['estimate', '--city', city, '--level', 'junior', '--details', ...DATE]);
    expect(table.stdout).toMatch(/In force from.*Confidence/);
    // Without --details, one line says where the rules are.
    const short = await cli(['estimate', '--city', city, '--level', 'junior', ...DATE]);
    expect(short.stdout).not.toMatch(/In force from/);
    expect(short.stdout).toContain('add --details');
  });

  it('a date before the rules exits 4 saying when they start', async () => {
    const r = await cli(['net', '--gross', '9000', '--city', 'hangzhou', '--date', '2018-06-01']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/rules start on 2019-01-01/);
  });
});
