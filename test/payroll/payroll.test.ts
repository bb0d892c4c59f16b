import { describe, expect, test } from 'vitest';
import { NoRuleError, UsageError } from '../../src/errors.js';
import { CITY_IDS } from '../../src/model/law-schema.js';
import { payrollToJson } from '../../src/payroll/json.js';
import { overtimeRules } from '../../src/payroll/rules.js';
import { computePayroll, type PayrollInput } from '../../src/payroll/payroll.js';
import { cloneLaw, loadLaw } from './law.js';

const law = loadLaw();
const run = (input: Partial<PayrollInput>) => computePayroll({ date: '2025-09-15', wages: 0, ...input }, law);

describe('acceptance checks', () => {
  test('STA example: 555, 625, 1,850, and the year equals the annual formula', () => {
    const r = run({ wages: 30000_00, insurance: 4500_00, deduction: 2000_00 });
    expect(r.months.slice(0, 3).map((m) => m.tax)).toEqual([555_00, 625_00, 1850_00]);
    // (30,000 − 5,000 − 4,500 − 2,000) × 12 = 222,000; × 20% − 16,920 = 27,480
    const yearly = (30000 - 5000 - 4500 - 2000) * 12;
    expect(yearly).toBe(222000);
    expect(r.months.reduce((s, m) => s + m.tax, 0)).toBe((yearly * 0.2 - 16920) * 100);
    expect(r.annual.incomeTax).toBe(27480_00);
  });

  test('bonus 36,001 taxed separately: 3,390.10, with a dead-zone warning naming 36,000', () => {
    const r = run({ wages: 10000_00, insurance: 1000_00, bonus: 36001_00, bonusTax: 'separate' });
    // 36,001 × 10% − 210 = 3,390.10; 36,000 × 3% = 1,080
    expect(r.annual.bonusTax).toBe(3390_10);
    const zone = r.warnings.find((w) => w.code === 'bonus-dead-zone');
    expect(zone?.message).toContain('36,001.00');
    expect(zone?.message).toContain('cut to 36,000.00');
    expect(run({ wages: 10000_00, insurance: 1000_00, bonus: 36000_00, bonusTax: 'separate' }).annual.bonusTax).toBe(1080_00);
  });

  test.each(CITY_IDS)('%s computes a consistent year', (city) => {
    const r = run({ city, wages: 9000_00, bonus: 20000_00 });
    expect(r.months).toHaveLength(12);
    const a = r.annual;
    expect(a.gross).toBe(12 * 9000_00 + 20000_00);
    expect(a.net).toBe(a.gross - a.insurance - a.incomeTax);
    expect(a.incomeTax).toBe(r.months.reduce((s, m) => s + m.tax, 0) + a.bonusTax);
    expect(a.employerCost).toBe(a.gross + 12 * r.insurance.employer.total);
    // Every line of each side (long-term care too, where the city levies it) adds up to its total.
    const parts = (side: Record<string, number | undefined>) => Object.entries(side).filter(([k]) => k !== 'total').reduce((s, [, v]) => s + (v ?? 0), 0);
    expect(r.insurance.employee.total).toBe(parts({ ...r.insurance.employee }));
    expect(r.insurance.employer.total).toBe(parts({ ...r.insurance.employer }));
    expect(r.rules.some((p) => p.id === `cities.${city}.socialBase`)).toBe(true);
  });

  test('2018-06-01 has no rule, and the message says when the rules start', () => {
    expect(() => run({ date: '2018-06-01', wages: 10000_00, insurance: 0 })).toThrow(NoRuleError);
    expect(() => run({ date: '2018-06-01', wages: 10000_00, insurance: 0 })).toThrow(/cs-pay's rules start on 2019-01-01\./);
    expect(() => run({ date: '2018-06-01', city: 'beijing', wages: 10000_00 })).toThrow(/start on 2019-01-01/);
  });
});

describe('dates and rules', () => {
  test('itemised deductions start in 2023; a lump sum works before', () => {
    expect(() => run({ date: '2022-06-01', wages: 10000_00, insurance: 0, children: 1 })).toThrow(/start on 2023-01-01/);
    expect(run({ date: '2022-06-01', wages: 10000_00, insurance: 0, deduction: 1000_00 }).months[0].cumulativeTaxable).toBe(4000_00);
  });

  test('months before a city\'s first figures use the earliest, with a warning naming the months (not exit 4)', () => {
    const first = law.cities.beijing.socialBase.values[0];
    const year = Number(first.from.slice(0, 4)) - 1;
    const r = run({ date: `${year}-03-01`, city: 'beijing', wages: 10000_00 });
    const warning = r.warnings.find((w) => w.code === 'estimated-data');
    expect(warning?.message).toContain('No city figure is on file for months 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12: the earliest stands in.');
    expect(r.rules.find((p) => p.id === 'cities.beijing.socialBase')).toMatchObject({ from: first.from, early: true });
    expect(r.insurance.base.social).toBe(Math.min(Math.max(10000_00, first.value.floor * 100), (first.value.ceiling ?? Infinity) * 100));
  });

  test('the minimum-wage check is skipped before the first minimum wage on file, and names the months it fails', () => {
    const edited = cloneLaw(law);
    edited.cities.beijing.minimumWage.values = [{ ...edited.cities.beijing.minimumWage.values.at(-1)!, from: '2025-09-01' }];
    const r = computePayroll({ date: '2025-07-15', city: 'beijing', wages: 8000_00, minimumWagePay: 100_00 }, edited);
    const warning = r.warnings.find((w) => w.code === 'below-minimum-wage');
    expect(warning?.message).toContain('(months 9, 10, 11, 12)');
    expect(r.rules.find((p) => p.id === 'cities.beijing.minimumWage')?.months).toEqual([9, 10, 11, 12]);
  });

  test('provenance lists exactly the figures used, with the months that used them', () => {
    const plain = run({ wages: 10000_00, insurance: 0 });
    expect(plain.rules.map((p) => p.id)).toEqual(['tax.annualTable', 'tax.basicDeduction', 'tax.reconciliationWindow']);
    expect(plain.rules[1]).toMatchObject({ label: 'Basic deduction (基本减除费用)', value: 5000, unit: 'CNY/month', from: '2019-01-01', confidence: 'official', stale: false });
    const city = run({ city: 'hangzhou', date: '2025-06-01', wages: 10000_00, housingFundRate: 0.12, bonus: 1000_00 });
    const ids = city.rules.map((p) => p.id);
    expect(ids).toContain('tax.bonusTable');
    expect(ids).toContain('tax.housingFundTaxFreeRate');
    expect(ids).not.toContain('cities.hangzhou.housingFundDefaultRate');
    const onFile = law.cities.hangzhou.socialBase.values.filter((v) => v.from <= '2025-12-01').at(-1)!;
    expect(city.rules.find((p) => p.id === 'cities.hangzhou.socialBase')).toMatchObject({ label: 'Hangzhou: Social-insurance base limits (社保缴费基数上下限)', from: onFile.from, confidence: onFile.confidence });
  });

  test('estimated figures give one short warning; JSON keeps the figures', () => {
    const r = run({ city: 'hangzhou', date: '2025-06-01', wages: 10000_00 });
    const estimated = r.warnings.filter((w) => w.code === 'estimated-data');
    expect(estimated).toHaveLength(1);
    expect(estimated[0].figures).toContain('cities.hangzhou.housingFundDefaultRate');
    expect(estimated[0].message).toMatch(/default housing-fund rate \(assumed\) \(assumption\)/i);
    expect(run({ wages: 10000_00, insurance: 0 }).warnings).toEqual([]);
  });
});

describe('housing fund and insurance', () => {
  test('a rate outside the city range is a usage error; the range ends are allowed', () => {
    expect(() => run({ city: 'shanghai', wages: 10000_00, housingFundRate: 0.12 })).toThrow(UsageError);
    expect(() => run({ city: 'shanghai', wages: 10000_00, housingFundRate: 0.12 })).toThrow(/outside Shanghai's range of 5% to 7%/);
    expect(run({ city: 'shanghai', wages: 10000_00, housingFundRate: 0.07 }).insurance.employee.housingFund).toBe(700_00);
    expect(run({ city: 'shanghai', wages: 10000_00, housingFundRate: 0.05 }).insurance.employee.housingFund).toBe(500_00);
  });

  test('housing fund above the 12% tax-free cap is taxable (财税〔2006〕10号)', () => {
    const edited = cloneLaw(law);
    edited.cities.beijing.housingFundRates.values[0].value.high = 0.15;
    const r = computePayroll({ date: '2025-09-15', city: 'beijing', wages: 10000_00, housingFundRate: 0.15 }, edited);
    // Base 10,000: housing fund 15% = 1,500 each side; the cap is 12% = 1,200.
    // Employee SI 800 + 203 (2% + 3) + 50 = 1,053; deductible 1,053 + 1,200 = 2,253.
    // Employer's 300 over the cap is taxable: 10,300 − 5,000 − 2,253 = 3,047 × 3% = 91.41.
    expect(r.insurance.employee.housingFund).toBe(1500_00);
    expect(r.insurance.deductible).toBe(2253_00);
    expect(r.insurance.taxableExcess).toBe(300_00);
    expect(r.months[0].cumulativeTaxable).toBe(3047_00);
    expect(r.months[0].tax).toBe(91_41);
    // Take-home is wages less contributions and tax; the excess is not paid out.
    expect(r.months[0].net).toBe(10000_00 - (1053_00 + 1500_00) - 91_41);
  });

  test("a city's rounding setting applies to each contribution", () => {
    const edited = cloneLaw(law);
    edited.cities.hangzhou.rounding = { socialInsurance: { unit: 'jiao', mode: 'up' }, housingFund: { unit: 'yuan', mode: 'half-up' } };
    const r = computePayroll({ date: '2025-06-01', city: 'hangzhou', wages: 8123_45 }, edited);
    // 8,123.45 × 8% = 649.876 → 649.90; × 2% = 162.469 → 162.50; × 0.5% = 40.61725 → 40.70;
    // housing fund × 5% = 406.1725 → 406 (yuan, half-up).
    expect(r.insurance.employee).toMatchObject({ pension: 649_90, medical: 162_50, unemployment: 40_70, housingFund: 406_00, total: 1259_10 });
  });

  test('a given insurance sum replaces the employee side; the employer side still comes from the city', () => {
    const edited = cloneLaw(law);
    edited.cities.hangzhou.employerRates.values = [{ from: '2019-01-01', value: { pension: 0.16, medical: 0.09, unemployment: 0.005, injury: 0.002 }, confidence: 'assumption', ref: 'test' }];
    const r = computePayroll({ date: '2025-06-01', city: 'hangzhou', wages: 10000_00, insurance: 1234_56 }, edited);
    expect(r.insurance.employee).toEqual({ pension: 0, medical: 0, unemployment: 0, housingFund: 0, supplementaryFund: 0, annuity: 0, total: 1234_56 });
    expect(r.insurance.deductible).toBe(1234_56);
    // Employer 16% + 9% + 0.5% + 0.2% of 10,000, housing fund 5%: 1,600 + 900 + 50 + 20 + 500.
    expect(r.insurance.employer.total).toBe(3070_00);
    expect(r.rules.map((p) => p.id)).not.toContain('cities.hangzhou.employeeRates');
  });
});

describe('input checks (exit 2)', () => {
  test.each<[string, Partial<PayrollInput>, RegExp]>([
    ['no city or insurance', { wages: 1 }, /city/],
    ['an unknown city', { wages: 1, city: 'shangai' }, /Unknown city 'shangai'/],
    ['rent and mortgage together', { wages: 1, city: 'beijing', rent: true, mortgage: true }, /cannot be claimed together/],
    ['rent without a city', { wages: 1, insurance: 0, rent: true }, /depends on the city/],
    ['a start month of 13', { wages: 1, insurance: 0, startMonth: 13 }, /1 to 12/],
    ['a bad date', { wages: 1, insurance: 0, date: '2025-02-30' }, /not a date/],
    ['fractional fen', { wages: 1.5, insurance: 0 }, /whole number of fen/],
    ['negative children', { wages: 1, insurance: 0, children: -1 }, /children/],
    ['tax-free above wages', { wages: 1, taxFree: 2, insurance: 0 }, /tax-free/],
  ])('%s', (_, input, message) => {
    expect(() => run(input)).toThrow(UsageError);
    expect(() => run(input)).toThrow(message);
  });
});

describe('payrollToJson', () => {
  test('contract keys, yuan to 0.01', () => {
    const json = payrollToJson(run({ city: 'beijing', wages: 5000_00, bonus: 36001_00 }));
    expect(Object.keys(json)).toEqual(['insurance', 'months', 'annual', 'takeHome', 'bonusComparison', 'reconciliation', 'warnings', 'rules']);
    expect(Object.keys(json.months[0])).toEqual(['month', 'gross', 'insurance', 'cumulativeTaxable', 'rate', 'tax', 'net', 'rulesFrom', 'employer']);
    expect(Object.keys(json.months[11])).toEqual(['month', 'gross', 'insurance', 'cumulativeTaxable', 'rate', 'tax', 'net', 'rulesFrom', 'employer', 'bonus', 'bonusTax']);
    expect(Object.keys(json.reconciliation)).toEqual(['income', 'deductions', 'deductionDetail', 'taxableIncome', 'taxDue', 'withheld', 'balance', 'exempt', 'exemptReason', 'bonusMethod', 'employers', 'settle']);
    expect(Object.keys(json.annual)).toEqual(['gross', 'bonus', 'bonusTax', 'bonusTaxMethod', 'incomeTax', 'insurance', 'net', 'employerCost']);
    expect(Object.keys(json.insurance.employer)).toEqual(['pension', 'medical', 'unemployment', 'injury', 'housingFund', 'total']);
    expect(json.insurance.employee.total).toBe(1005.01);
    // September: the month of the date, at the 2025-07 bases (January uses the 2024-07 ones).
    expect(json.months[8].net).toBe(3994.99);
    expect(json.annual.bonus).toBe(36001);
    expect(json.rules.every((r) => typeof r.from === 'string' && typeof r.confidence === 'string')).toBe(true);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('overtimeRules', () => {
  test('Labor Law Art. 41 and 44 and the 174-hour divisor (劳社部发〔2008〕3号)', () => {
    expect(overtimeRules(law, '2025-06-01')).toMatchObject({ hoursPerMonth: 174, weekday: 1.5, restDay: 2, holiday: 3, monthlyCap: 36 });
    expect(overtimeRules(law, '2025-06-01').source).toContain('Labor Law Art. 44');
    expect(() => overtimeRules(law, '2018-06-01')).toThrow(NoRuleError);
  });
});
