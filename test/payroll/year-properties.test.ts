/**
 * Properties of the year month by month and of the annual reconciliation
 * (CONTRACT "Clarifications", "The properties that hold"), checked on random
 * years against an independent integer form of the annual table. Money is fen.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CITY_IDS } from '../../src/model/law-schema.js';
import { computePayroll, type MonthChange, type PayrollInput, type PayrollResult } from '../../src/payroll/payroll.js';
import { annualFormula } from './annual-formula.js';
import { loadLaw } from './law.js';

const law = loadLaw();
const DATE = '2026-03-15';
const BASIC = 5000_00;


const fen = (minYuan: number, maxYuan: number) => fc.integer({ min: minYuan * 100, max: maxYuan * 100 });
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const withheldOf = (r: PayrollResult) => sum(r.months.map((m) => m.tax));

/** Twelve months of pay and insurance as `from` changes on top of January's. */
function year(wages: number[], insurance: number[], extra: Partial<PayrollInput> = {}): PayrollInput {
  const changes: MonthChange[] = [];
  for (let i = 1; i < 12; i++) changes.push({ kind: 'from', month: i + 1, values: { wages: wages[i], insurance: insurance[i] } });
  return { date: DATE, wages: wages[0], insurance: insurance[0], changes, ...extra };
}

const twelve = (arb: fc.Arbitrary<number>) => fc.array(arb, { minLength: 12, maxLength: 12 });
/** One employer from January, or a first job of the year (STA 2020 No. 13) from any month. */
const employment = fc.oneof(
  fc.constant({ startMonth: 1, firstJob: false }),
  fc.record({ startMonth: fc.integer({ min: 1, max: 12 }), firstJob: fc.constant(true) }),
);

/** Special deductions as the flags give them (rent needs a city). */
const specials = (withCity: boolean) =>
  fc.record({
    children: fc.integer({ min: 0, max: 3 }),
    infants: fc.integer({ min: 0, max: 2 }),
    elderly: fc.constantFrom(undefined, 'only-child' as const, 'shared' as const),
    housing: withCity ? fc.constantFrom('none', 'rent', 'mortgage') : fc.constantFrom('none', 'mortgage'),
    continuingEducation: fc.constantFrom(undefined, 'degree' as const, 'certificate' as const),
    deduction: fen(0, 3000),
  }).map(({ housing, ...s }) => ({
    ...s,
    ...(housing === 'rent' ? { rent: true } : {}),
    ...(housing === 'mortgage' ? { mortgage: true } : {}),
  }));

/** A city with a housing-fund rate (whole percent) inside its range in every period on file. */
const cityWithRate = fc.constantFrom(...CITY_IDS).chain((city) => {
  const ranges = law.cities[city].housingFundRates.values.map((v) => v.value);
  const low = Math.ceil(Math.max(...ranges.map((r) => r.low)) * 100 - 1e-9);
  const high = Math.floor(Math.min(...ranges.map((r) => r.high)) * 100 + 1e-9);
  return fc.integer({ min: low, max: high }).map((pct) => ({ city, housingFundRate: pct / 100 }));
});

describe('the year month by month', () => {
  test('(a) the year withheld is never below the annual formula, and equals it when no month is below zero', () => {
    fc.assert(
      fc.property(twelve(fen(0, 60000)), twelve(fen(0, 5000)), employment, (wages, insurance, job) => {
        const r = computePayroll(year(wages, insurance, job), law);
        const employed = [...Array(12).keys()].filter((i) => i + 1 >= job.startMonth);
        // Both cases count 12 × 5,000 by December: January to December, or k = the calendar month.
        const taxable = sum(employed.map((i) => wages[i] - insurance[i])) - 12 * BASIC;
        const withheld = withheldOf(r);
        for (const m of r.months) expect(m.tax).toBeGreaterThanOrEqual(0);
        expect(withheld).toBeGreaterThanOrEqual(annualFormula(taxable));
        if (employed.every((i) => wages[i] - insurance[i] - BASIC >= 0)) expect(withheld).toBe(annualFormula(taxable));
        // The reconciliation taxes the same year the same way.
        expect(r.reconciliation.taxDue).toBe(annualFormula(taxable));
        expect(r.reconciliation.withheld).toBe(withheld);
        expect(r.reconciliation.balance).toBe(annualFormula(taxable) - withheld);
      }),
      { numRuns: 200 },
    );
  });

  test('(a) with pay above 5,000 plus insurance every month, withholding matches the formula exactly', () => {
    fc.assert(
      fc.property(twelve(fen(0, 40000)), twelve(fen(0, 5000)), employment, (above, insurance, job) => {
        const wages = above.map((a, i) => a + insurance[i] + BASIC);
        const r = computePayroll(year(wages, insurance, job), law);
        const employed = [...Array(12).keys()].filter((i) => i + 1 >= job.startMonth);
        expect(withheldOf(r)).toBe(annualFormula(sum(employed.map((i) => above[i])) + employed.length * BASIC - 12 * BASIC));
      }),
      { numRuns: 150 },
    );
  });
});

describe('the annual reconciliation', () => {
  test('(b) constant pay, insurance given, no bonus, no certificate: the balance is 0', () => {
    const noCertificate = specials(false).filter((s) => s.continuingEducation !== 'certificate');
    fc.assert(
      fc.property(fen(0, 100000), fen(0, 10000), noCertificate, (wages, insurance, s) => {
        const r = computePayroll({ date: DATE, wages, insurance, ...s }, law);
        expect(r.reconciliation.balance).toBe(0);
        expect(r.reconciliation.taxDue).toBe(withheldOf(r));
      }),
      { numRuns: 150 },
    );
  });

  test('(b) constant pay in any city, any housing-fund rate, any deductions: never owed, and 0 unless a month is below zero', () => {
    // The exceptions are Cases 314 (the July floor rises above the room) and 316 (a certificate in December).
    const date = fc.constantFrom('2025-09-15', '2026-03-15', '2026-11-01');
    fc.assert(
      fc.property(cityWithRate, fen(1000, 80000), specials(true), date, (where, wages, s, day) => {
        const r = computePayroll({ date: day, wages, ...where, ...s }, law);
        const rec = r.reconciliation;
        expect(rec.balance).toBeLessThanOrEqual(0);
        expect(rec.balance).toBe(rec.taxDue - rec.withheld);
        const cumulative = r.months.map((m) => m.cumulativeTaxable);
        const rising = cumulative.every((c, i) => i === 0 || c >= cumulative[i - 1]);
        if (rising) expect(rec.balance).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  test('(c) a mid-year hire without earlier income is never owed, and is refunded whatever was withheld', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        twelve(fen(0.01, 50000)),
        fen(0, 5000),
        fen(0, 3000),
        (startMonth, above, insurance, deduction) => {
          const wages = above.map((a) => a + insurance + BASIC);
          const r = computePayroll(year(wages, Array(12).fill(insurance), { startMonth, deduction }), law);
          const rec = r.reconciliation;
          expect(rec.balance).toBeLessThanOrEqual(0);
          expect(rec.withheld).toBe(withheldOf(r));
          if (rec.withheld > 0) expect(rec.balance).toBeLessThan(0);
          expect(rec.exempt).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('(d) a job change at identical pay is never refunded more than one fen of rounding', () => {
    // Each employer's tax is rounded on its own, so two can withhold one fen more than the year (Case 328).
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fen(0, 80000), fen(0, 8000), fen(0, 3000), (month, wages, insurance, deduction) => {
        const r = computePayroll({ date: DATE, wages, insurance, deduction, changes: [{ kind: 'job', month, values: {} }] }, law);
        const rec = r.reconciliation;
        expect(rec.balance).toBeGreaterThanOrEqual(-1);
        expect(rec.employers.map((e) => [e.fromMonth, e.toMonth])).toEqual([[1, month - 1], [month, 12]]);
        expect(rec.withheld).toBe(sum(rec.employers.map((e) => e.withheld)));
      }),
      { numRuns: 200 },
    );
  });

  test('(d) a job change at identical pay never leaves a balance below zero when the taxable income a month is whole hundreds of yuan', () => {
    // Taxable a month a multiple of 100 yuan: every amount × rate is whole fen, so no rounding at all.
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 0, max: 800 }), fen(0, 8000), (month, hundreds, insurance) => {
        const wages = hundreds * 100_00 + insurance + BASIC;
        const r = computePayroll({ date: DATE, wages, insurance, changes: [{ kind: 'job', month, values: {} }] }, law);
        expect(r.reconciliation.balance).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the year adds up', () => {
  test('(e) for any raise, incomeTax = Σ months’ tax + bonus tax and net = gross − insurance − incomeTax', () => {
    const where = fc.oneof(
      fen(0, 8000).map((insurance) => ({ insurance }) as Partial<PayrollInput>),
      cityWithRate.map((c) => c as Partial<PayrollInput>),
    );
    fc.assert(
      fc.property(
        where,
        fen(1000, 60000),
        fen(0, 60000),
        fc.integer({ min: 2, max: 12 }),
        fc.option(fen(1, 300000), { nil: undefined }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('auto' as const, 'separate' as const, 'merged' as const),
        (place, wages, raise, month, bonus, bonusMonth, bonusTax) => {
          const input: PayrollInput = {
            date: DATE, wages, ...place, bonus, bonusMonth, bonusTax,
            changes: [{ kind: 'from', month, values: { wages: wages + raise } }],
          };
          const r = computePayroll(input, law);
          const a = r.annual;
          expect(r.months[month - 1].gross).toBe(wages + raise);
          expect(r.months[month - 2].gross).toBe(wages);
          expect(a.incomeTax).toBe(withheldOf(r) + a.bonusTax);
          expect(a.gross).toBe(sum(r.months.map((m) => m.gross)) + (bonus ?? 0));
          expect(a.insurance).toBe(sum(r.months.map((m) => m.insurance)));
          expect(a.net).toBe(a.gross - a.insurance - a.incomeTax);
        },
      ),
      { numRuns: 200 },
    );
  });
});
