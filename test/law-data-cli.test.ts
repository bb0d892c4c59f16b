/** The law-data acceptance lines through the CLI, and `cs-pay rules`. */
import { describe, expect, it } from 'vitest';
import { cli, json } from './cli-support.js';
import { valueAt, type Dated } from '../src/model/lookup.js';
import { loadLaw } from './payroll/law.js';
import { builtinCityIds } from './support.js';

const codes = (j: { warnings: { code: string }[] }) => j.warnings.map((w) => w.code);

describe('housing fund and bases by city', () => {
  it('Shanghai 2025-12: 3,000 at 7% pays 210 (floor 2,690, not the SI floor); 21,750 pays 1,523 (yuan rounding)', async () => {
    // 3,000 is above the 2025-07 housing-fund floor of 2,690: 3,000 × 7% = 210.
    const low = await json(['net', '--gross', '3000', '--city', 'shanghai', '--housing-fund-rate', '7', '--date', '2025-12-01']);
    expect(low.insurance.base.housingFund).toBe(3000);
    expect(low.insurance.employee.housingFund).toBe(210);
    // 21,750 × 7% = 1,522.50 → 1,523 (each share to the whole yuan, half up).
    const high = await json(['net', '--gross', '21750', '--city', 'shanghai', '--housing-fund-rate', '7', '--date', '2025-12-01']);
    expect(high.insurance.employee.housingFund).toBe(1523);
    expect(high.insurance.employer.housingFund).toBe(1523);
  });

  it('Beijing 2026-08: the 2026-07 floor of 7,270 gives pension 581.60, medical 148.40, unemployment 36.35', async () => {
    const j = await json(['net', '--gross', '5000', '--city', 'beijing', '--date', '2026-08-01']);
    // 7,270 × 8% = 581.60; 7,270 × 2% + 3 = 148.40; 7,270 × 0.5% = 36.35.
    expect(j.insurance.employee).toMatchObject({ pension: 581.6, medical: 148.4, unemployment: 36.35 });
  });

  it('Shenzhen tier 2 and Shanghai supplementary fund; each refused elsewhere', async () => {
    const t1 = await json(['net', '--gross', '10000', '--city', 'shenzhen', '--date', '2026-08-01']);
    const t2 = await json(['net', '--gross', '10000', '--city', 'shenzhen', '--medical-tier', '2', '--date', '2026-08-01']);
    // Tier 2: employee 0.5% of 10,000 = 50 instead of 2% = 200.
    expect(t1.insurance.employee.medical).toBe(200);
    expect(t2.insurance.employee.medical).toBe(50);
    const sup = await json(['net', '--gross', '10000', '--city', 'shanghai', '--supplementary-fund-rate', '5', '--date', '2026-08-01']);
    // 10,000 × 5% = 500 on each side, rounded on its own.
    expect(sup.insurance.employee.supplementaryFund).toBe(500);
    expect(sup.insurance.employer.supplementaryFund).toBe(500);
    const wrong = await cli(['net', '--gross', '10000', '--city', 'beijing', '--medical-tier', '2']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/Beijing has no medical-insurance tier 2; its tiers are 1\./);
    const wrong2 = await cli(['net', '--gross', '10000', '--city', 'hangzhou', '--supplementary-fund-rate', '3']);
    expect(wrong2.code).toBe(2);
    expect(wrong2.stderr).toMatch(/Shanghai/);
  });
});

describe('stale figures, today', () => {
  // The fake Io's today is 2026-11-23: the whole of 2026 is asked. Which cities have a
  // figure past its stated period in some month of 2026 is read from the data, so adding
  // a year of figures (or a city) needs no change here.
  const law = loadLaw();
  const firsts = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}-01`);
  const staleIn2026 = (id: string): boolean => {
    const c = law.cities[id];
    const params = [c.socialBase, c.medicalBase, c.unemploymentBase, c.injuryBase, c.employeeRates, c.employerRates, c.housingFundRates,
      c.housingFundDefaultRate, c.housingFundBase, c.minimumWage, ...Object.values(c.fixedCharges ?? {})];
    return params.some((p) => p !== undefined && firsts.some((d) => d >= p.values[0].from && valueAt(p as Dated<unknown>, d, id).stale));
  };
  const ids = builtinCityIds();
  const fresh = ids.filter((id) => !staleIn2026(id));
  const stale = ids.filter(staleIn2026);

  it('the data has cities of both kinds (else this test proves nothing)', () => {
    expect(fresh.length).toBeGreaterThan(0);
    expect(stale.length).toBeGreaterThan(0);
  });

  it.each(fresh)('%s has no stale-data warning', async (city) => {
    expect(codes(await json(['net', '--gross', '9000', '--city', city]))).not.toContain('stale-data');
  });

  it.each(stale)('%s has one short stale-data line naming the figures and --social-base', async (city) => {
    const j = await json(['net', '--gross', '9000', '--city', city]);
    const lines = j.warnings.filter((w: { code: string }) => w.code === 'stale-data');
    expect(lines).toHaveLength(1);
    expect(lines[0].message).not.toContain('\n');
    expect(lines[0].message).toContain('--social-base');
    expect(lines[0].figures.length).toBeGreaterThan(0);
    for (const id of lines[0].figures) expect(id).toMatch(new RegExp(`^cities\\.${city}\\.`));
  });
});

describe('cs-pay rules', () => {
  it('Hangzhou, Chengdu, Nanjing and Suzhou differ at the same gross, and each difference is in their rules', async () => {
    const take = await Promise.all(['hangzhou', 'chengdu', 'nanjing', 'suzhou'].map((c) => json(['net', '--gross', '10000', '--city', c])));
    expect(new Set(take.map((j) => j.takeHome.average)).size).toBe(4);
    const rules = await Promise.all(['hangzhou', 'chengdu', 'nanjing', 'suzhou'].map((c) => json(['rules', '--city', c])));
    const employee = rules.map((r) => JSON.stringify(r.rules.find((x: { id: string }) => x.id.endsWith('.employeeRates')).value));
    const employer = rules.map((r) => JSON.stringify(r.rules.find((x: { id: string }) => x.id.endsWith('.employerRates')).value));
    // Every pair differs in the employee or the employer rates.
    for (let i = 0; i < 4; i++) for (let k = i + 1; k < 4; k++) expect(employee[i] !== employee[k] || employer[i] !== employer[k]).toBe(true);
  });

  it('lists each figure with value, period, document and confidence; the date picks the period', async () => {
    const june = await json(['rules', '--city', 'beijing', '--date', '2026-06-30']);
    const july = await json(['rules', '--city', 'beijing', '--date', '2026-07-01']);
    const base = (j: { rules: { id: string; value: { floor: number } }[] }) => j.rules.find((r) => r.id === 'cities.beijing.socialBase')!;
    expect(base(june).value.floor).toBe(7162);
    expect(base(july).value.floor).toBe(7270);
    expect(base(july)).toMatchObject({ from: '2026-07-01', confidence: 'secondary' });
    expect((base(july) as unknown as { ref: string }).ref).toContain('京人社发〔2026〕7号');
    expect(july.rules.some((r: { id: string }) => r.id === 'tax.basicDeduction')).toBe(true);
  });

  it('prints a table, markdown, CSV and Chinese; a bad city is exit 2', async () => {
    const table = await cli(['rules', '--city', 'shanghai', '--no-color']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('沪公积金管委会〔2026〕3号');
    const csv = await cli(['rules', '--city', 'shanghai', '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toContain('Figure');
    const md = await cli(['rules', '--city', 'shanghai', '--format', 'markdown']);
    expect(md.stdout).toContain('| --- |');
    const zh = await cli(['rules', '--city', '上海', '--lang', 'zh', '--no-color']);
    expect(zh.stdout).toContain('参数');
    const bad = await cli(['rules', '--city', 'shangai']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Did you mean shanghai?');
  });
});
