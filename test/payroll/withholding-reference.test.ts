/**
 * Month-by-month withholding and the reconciliation, against an independent
 * re-computation over random uneven years: pay, insurance and deductions that
 * change with `from` and `in` (before, at and after the start month), a start
 * month, new employers, and a year-end bonus merged or taxed apart in any month.
 *
 * The reference below knows only the law's arithmetic (STA 2018 No. 61 Art. 6:
 * each employer withholds the annual table on its running total, less what it
 * withheld; a merged bonus is wages of the month it is paid; 国发〔2018〕41号: at
 * the reconciliation a deduction counts in every month its condition holds). It
 * goes through the library, so the request layer is tested as well. Money is fen.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { net } from '../../src/index.js';
import { annualFormula } from './annual-formula.js';

const DATE = '2026-03-01';
const BASIC = 5000_00;
/** The monthly table for a bonus taxed apart (MOF/STA 2023 No. 30): [up to (yuan), basis points, quick deduction (yuan)]. */
const MONTHLY: [number, number, number][] = [
  [3000, 300, 0], [12000, 1000, 210], [25000, 2000, 1410], [35000, 2500, 2660],
  [55000, 3000, 4410], [80000, 3500, 7160], [Infinity, 4500, 15160],
];
const separateTax = (bonus: number) => {
  const [, bp, qd] = MONTHLY.find(([upTo]) => bonus <= upTo * 12 * 100)!;
  return Math.max(0, Math.floor((bonus * bp + 5000) / 10000) - qd * 100);
};
const fen = (yuan: number) => Math.round(yuan * 100);
const yuan = (f: number) => f / 100;

interface Month { gross: number; insurance: number; deduction: number }
interface Year {
  start: number;
  base: Month;
  /** At most one change a month (two for one month would be refused). */
  changes: { month: number; kind: 'from' | 'in' | 'job'; values: Partial<Month> }[];
  bonus?: { amount: number; month: number; method: 'merged' | 'auto' | 'separate' };
}

/** Each month's values: `from` carries on, `in` is that month only, a job carries on too. */
function monthsOf(y: Year): Month[] {
  const out: Month[] = [];
  let current = y.base;
  for (let m = 1; m <= 12; m++) {
    for (const c of y.changes) if (c.month === m && c.kind !== 'in') current = { ...current, ...c.values };
    let own = current;
    for (const c of y.changes) if (c.month === m && c.kind === 'in') own = { ...own, ...c.values };
    out.push(own);
  }
  return out;
}

/** Each employer's running total, withheld month by month; `merged` adds the bonus to its month's wages. */
function withhold(y: Year, months: Month[], merged: number): number[] {
  const tax = Array(12).fill(0);
  const firsts = [y.start, ...y.changes.filter((c) => c.kind === 'job').map((c) => c.month)].sort((a, b) => a - b);
  firsts.forEach((from, i) => {
    const to = (firsts[i + 1] ?? 13) - 1;
    let running = 0;
    let withheld = 0;
    for (let m = from; m <= to; m++) {
      const own = months[m - 1];
      running += own.gross + (y.bonus && m === y.bonus.month ? merged : 0) - own.insurance - own.deduction;
      const due = Math.max(0, annualFormula(running - (m - from + 1) * BASIC) - withheld);
      tax[m - 1] = due;
      withheld += due;
    }
  });
  return tax;
}

const money = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 });
const monthValues = fc.record({ gross: money(1000, 60000), insurance: money(0, 3000), deduction: money(0, 6000) }, { requiredKeys: [] });

const years: fc.Arbitrary<Year> = fc
  .record({
    start: fc.integer({ min: 1, max: 12 }),
    base: fc.record({ gross: money(1000, 60000), insurance: money(0, 3000), deduction: money(0, 6000) }),
    changes: fc.uniqueArray(
      fc.record({ month: fc.integer({ min: 1, max: 12 }), kind: fc.constantFrom('from' as const, 'in' as const, 'job' as const), values: monthValues }),
      { selector: (c) => c.month, maxLength: 5 },
    ),
    bonus: fc.option(fc.record({ amount: money(1, 200000), month: fc.integer({ min: 1, max: 12 }), method: fc.constantFrom('merged' as const, 'auto' as const, 'separate' as const) }), { nil: undefined }),
  })
  .map((y) => ({
    ...y,
    changes: y.changes
      // A new employer comes after the start; before the start `in` may give only deductions.
      .filter((c) => c.kind !== 'job' || c.month > y.start)
      .map((c) => (c.kind === 'in' && c.month < y.start ? { ...c, values: { deduction: c.values.deduction ?? 0 } } : c)),
    bonus: y.bonus && { ...y.bonus, month: Math.max(y.bonus.month, y.start) },
  }));

function options(y: Year): Parameters<typeof net>[0] {
  const values = (v: Partial<Month>) => Object.fromEntries(Object.entries(v).map(([k, f]) => [k, yuan(f as number)]));
  const of = (kind: string) => Object.fromEntries(y.changes.filter((c) => c.kind === kind).map((c) => [c.month, values(c.values)]));
  return {
    date: DATE,
    gross: yuan(y.base.gross),
    insurance: yuan(y.base.insurance),
    deduction: yuan(y.base.deduction),
    startMonth: y.start,
    from: of('from'),
    in: of('in'),
    jobs: y.changes.filter((c) => c.kind === 'job').map((c) => ({ month: c.month, ...values(c.values) })),
    ...(y.bonus ? { bonus: yuan(y.bonus.amount), bonusMonth: y.bonus.month, bonusTax: y.bonus.method } : {}),
  };
}

test('withholding month by month and the reconciliation agree with an independent computation of random uneven years', () => {
  fc.assert(
    fc.property(years, (y) => {
      const r = net(options(y));
      const months = monthsOf(y);
      const wagesTax = withhold(y, months, 0);
      const bonus = y.bonus?.amount ?? 0;
      const mergedTax = withhold(y, months, bonus);
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const separate = separateTax(bonus);
      const merged = sum(mergedTax) - sum(wagesTax);
      const method = !y.bonus ? null : y.bonus.method === 'merged' ? 'merged' : y.bonus.method === 'separate' ? 'separate' : separate <= merged ? 'separate' : 'merged';
      const bonusTax = months.map((_, i) => {
        if (method === 'merged') return mergedTax[i] - wagesTax[i];
        return method === 'separate' && i + 1 === y.bonus!.month ? separate : 0;
      });

      r.months.forEach((m, i) => {
        expect(fen(m.tax), `month ${i + 1} wages' tax`).toBe(wagesTax[i]);
        expect(fen(m.bonusTax ?? 0), `month ${i + 1} bonus tax`).toBe(bonusTax[i]);
      });
      expect(fen(r.annual.bonusTax)).toBe(sum(bonusTax));
      expect(fen(r.annual.incomeTax)).toBe(sum(wagesTax) + sum(bonusTax));

      // The reconciliation: wages of the months employed; deductions of every month they held.
      const employed = months.filter((_, i) => i + 1 >= y.start);
      const special = sum(months.map((m) => m.deduction));
      const wageTaxable = sum(employed.map((m) => m.gross - m.insurance)) - 12 * BASIC - special;
      const dueSeparate = annualFormula(wageTaxable) + separate;
      const dueMerged = annualFormula(wageTaxable + bonus);
      const due = !y.bonus ? annualFormula(wageTaxable) : Math.min(dueSeparate, dueMerged);
      const rec = r.reconciliation;
      expect(fen(rec.deductionDetail.special)).toBe(special);
      expect(fen(rec.taxDue)).toBe(due);
      expect(fen(rec.withheld)).toBe(sum(wagesTax) + sum(bonusTax));
      expect(fen(rec.balance)).toBe(due - sum(wagesTax) - sum(bonusTax));
    }),
    { numRuns: 300 },
  );
});
