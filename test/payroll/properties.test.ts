import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { valueAt } from '../../src/model/dated.js';
import { CITY_IDS } from '../../src/model/law-schema.js';
import { computePayroll, type PayrollInput } from '../../src/payroll/payroll.js';
import { annualFormula } from './annual-formula.js';
import { loadLaw } from './law.js';

const law = loadLaw();
const DATE = '2025-09-15';


const city = fc.constantFrom(...CITY_IDS);
const yuan = (max: number) => fc.integer({ min: 0, max: max * 100 });
const payroll = fc.record({
  city,
  wages: yuan(150000),
  startMonth: fc.integer({ min: 1, max: 12 }),
  firstJob: fc.boolean(),
  children: fc.integer({ min: 0, max: 3 }),
  deduction: yuan(5000),
  bonus: yuan(500000),
  bonusTax: fc.constantFrom('auto' as const, 'separate' as const, 'merged' as const),
});

describe('properties', () => {
  test('tax is never negative', () => {
    fc.assert(
      fc.property(payroll, (input) => {
        const r = computePayroll({ date: DATE, ...input }, law);
        for (const m of r.months) expect(m.tax).toBeGreaterThanOrEqual(0);
        expect(r.annual.bonusTax).toBeGreaterThanOrEqual(0);
        expect(r.annual.incomeTax).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  test('take-home is below gross in every month employed (insurance is always due in a city)', () => {
    fc.assert(
      fc.property(payroll, (input) => {
        const r = computePayroll({ date: DATE, ...input }, law);
        for (const m of r.months.slice(input.startMonth - 1)) expect(m.net).toBeLessThan(m.gross);
        expect(r.takeHome.average).toBeLessThan(input.wages);
        expect(r.annual.net).toBeLessThan(r.annual.gross);
      }),
      { numRuns: 300 },
    );
  });

  test('for constant pay, the year withheld equals the annual formula', () => {
    fc.assert(
      fc.property(yuan(150000), yuan(20000), yuan(10000), (wages, insurance, deduction) => {
        const r = computePayroll({ date: DATE, wages, insurance, deduction }, law);
        const withheld = r.months.reduce((s, m) => s + m.tax, 0);
        expect(withheld).toBe(annualFormula(12 * (wages - insurance - deduction - 5000_00)));
      }),
      { numRuns: 500 },
    );
  });

  test('the insurance bases stay inside the city limits', () => {
    fc.assert(
      fc.property(city, yuan(100000), fc.option(yuan(100000), { nil: undefined }), (id, wages, socialBase) => {
        const input: PayrollInput = { date: DATE, city: id, wages, socialBase };
        const { base } = computePayroll(input, law).insurance;
        // A month before a city's first figure uses the earliest one (CONTRACT, "Months and rules").
        const at = (p: { values: { from: string }[] }) => (DATE < p.values[0].from ? p.values[0].from : DATE);
        const si = valueAt(law.cities[id].socialBase, at(law.cities[id].socialBase), id).value;
        const hf = valueAt(law.cities[id].housingFundBase, at(law.cities[id].housingFundBase), id).value;
        expect(base.social).toBeGreaterThanOrEqual(si.floor * 100);
        expect(base.social).toBeLessThanOrEqual((si.ceiling ?? Infinity) * 100);
        expect(base.housingFund).toBeGreaterThanOrEqual(hf.floor * 100);
        expect(base.housingFund).toBeLessThanOrEqual((hf.ceiling ?? Infinity) * 100);
      }),
      { numRuns: 300 },
    );
  });

  test('auto never pays more bonus tax than either method', () => {
    fc.assert(
      fc.property(payroll, (input) => {
        const r = computePayroll({ date: DATE, ...input, bonusTax: 'auto' }, law);
        const c = r.bonusComparison;
        if (!c) return;
        expect(r.annual.bonusTax).toBeLessThanOrEqual(c.merged);
        if (c.separate !== null) expect(r.annual.bonusTax).toBeLessThanOrEqual(c.separate);
        expect(c.saving).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
