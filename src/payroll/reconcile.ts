/**
 * The annual reconciliation (年度汇算, IIT Law Art. 11; settled between 1 March
 * and 30 June of the next year): the year's comprehensive income less the
 * year's deductions, taxed with the annual table, against everything withheld.
 * The year-end bonus is taxed the cheaper way, since the worker chooses here.
 */
import type { Law } from '../model/law-schema.js';
import { yuanToFen, type Fen } from '../money.js';
import type { YearPlan } from './plan.js';
import type { Lookup } from './types.js';
import { type Bracket, taxByTable, toFenTable } from './tax-table.js';
import type { BonusMethod, PayrollInput, Reconciliation } from './types.js';

export interface ReconcileInput {
  plan: YearPlan;
  /** The months worked at our employers. */
  worked: { month: number; employer: number; city: string | null; income: Fen; insurance: Fen; other: Fen }[];
  /** The special deductions of each month of the year (1–12), employed or not. */
  special: Fen[];
  /** Wage tax withheld by each employer. */
  withheld: Fen[];
  bonus: Fen;
  bonusTax: { method: BonusMethod; tax: Fen; separate: Fen | null } | null;
  bonusEmployer: number | null;
  input: PayrollInput;
  law: Law;
  /** Looks up on the year's last day. */
  lookup: Lookup;
}

/** The reconciliation's annual table (in fen) and the year's basic deduction, looked up on the year's last day. */
export function yearTaxRules(tax: Law['tax'], lookup: Lookup): { table: Bracket[]; basic: Fen } {
  return {
    table: toFenTable(lookup.use(tax.annualTable, 'tax.annualTable')),
    basic: 12 * yuanToFen(lookup.use(tax.basicDeduction, 'tax.basicDeduction')),
  };
}

export function reconcile(r: ReconcileInput): Reconciliation {
  const { plan, worked, input, lookup } = r;
  const tax = r.law.tax;
  const { table, basic } = yearTaxRules(tax, lookup);
  const window = lookup.use(tax.reconciliationWindow, 'tax.reconciliationWindow');
  const sum = (f: (w: ReconcileInput['worked'][number]) => Fen) => worked.reduce((s, w) => s + f(w), 0);

  // Assumes no other comprehensive income unless given.
  const special = r.special.reduce((a, b) => a + b, 0);
  const deductionDetail = {
    basic,
    insurance: sum((w) => w.insurance) + (input.earlierInsurance ?? 0),
    special,
    seriousIllness: seriousIllness(r),
    other: sum((w) => w.other),
  };
  const deductions = deductionDetail.basic + deductionDetail.insurance + deductionDetail.special + deductionDetail.seriousIllness + deductionDetail.other;
  const wageIncome = sum((w) => w.income) + (input.earlierIncome ?? 0);
  const wageTaxable = wageIncome - deductions;

  const separate = r.bonusTax?.separate ?? null;
  const separateDue = separate === null ? null : taxByTable(table, wageTaxable) + separate;
  const mergedDue = taxByTable(table, wageTaxable + r.bonus);
  const bonusMethod: BonusMethod | null = r.bonus > 0 ? (separateDue !== null && separateDue <= mergedDue ? 'separate' : 'merged') : null;
  const taxDue = bonusMethod === 'separate' ? separateDue! : mergedDue;
  const income = wageIncome + (bonusMethod === 'merged' ? r.bonus : 0);

  const employers = plan.employers.map((e, i) => ({
    fromMonth: e.fromMonth,
    toMonth: e.toMonth,
    city: worked.find((w) => w.employer === i)?.city ?? null,
    withheld: r.withheld[i] + (r.bonusEmployer === i ? (r.bonusTax?.tax ?? 0) : 0),
  }));
  const earlierTax = input.earlierTax ?? 0;
  const withheld = employers.reduce((s, e) => s + e.withheld, 0) + earlierTax;
  const balance = taxDue - withheld;

  const exemptReason = balance > 0 ? exemption(r, income, balance) : null;
  return {
    income,
    deductions,
    deductionDetail,
    taxableIncome: Math.max(0, income - deductions),
    taxDue,
    withheld,
    balance,
    exempt: exemptReason !== null,
    exemptReason,
    bonusMethod,
    employers,
    earlierTax,
    settle: { from: `${plan.year + 1}-${window.from}`, until: `${plan.year + 1}-${window.until}` },
  };
}

/** A balance owed need not be paid at low income or when small (MOF/STA 2023 No. 32, to 2027-12-31). */
function exemption(r: ReconcileInput, income: Fen, balance: Fen): Reconciliation['exemptReason'] {
  const param = r.law.tax.reconciliationExemption;
  // Like the separate bonus table, the rule's `until` is its end, not a period to renew:
  // past it (or before it) there is no exemption and nothing is stale.
  const inForce = param.values.some((v) => v.from <= r.lookup.date && (v.until === undefined || r.lookup.date <= v.until));
  if (!inForce) return null;
  const rule = r.lookup.use(param, 'tax.reconciliationExemption');
  if (income <= yuanToFen(rule.incomeUpTo)) return 'income';
  if (balance <= yuanToFen(rule.balanceUpTo)) return 'balance';
  return null;
}

/** 大病医疗 (国发〔2018〕41号): costs above the threshold, up to the cap, only when the year is settled. */
function seriousIllness(r: ReconcileInput): Fen {
  const paid = r.input.seriousIllness ?? 0;
  if (paid === 0) return 0;
  const rule = r.lookup.use(r.law.tax.specialDeductions.seriousIllness, 'tax.specialDeductions.seriousIllness');
  return Math.min(yuanToFen(rule.cap), Math.max(0, paid - yuanToFen(rule.threshold)));
}
