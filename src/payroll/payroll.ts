/**
 * The payroll of one tax year, month by month: each month its own pay and the
 * rules in force on its first day; cumulative withholding at each employer;
 * the year-end bonus in its month; take-home, employer cost and the annual
 * reconciliation. Pure: the date and the law come in, a plain result goes out.
 */
import { m, UsageError } from '../errors.js';
import type { Law } from '../model/law-schema.js';
import { ESTIMATED } from '../model/lookup.js';
import { roundFen, yuanToFen, type Fen } from '../money.js';
import { chooseBonusTax } from './bonus.js';
import { checkInput } from './input.js';
import { computeInsurance } from './insurance.js';
import { planYear, type PlanMonth, type YearPlan } from './plan.js';
import { reconcile } from './reconcile.js';
import { createLookup, resolveRules, specialDeductionOf, type Rules } from './rules.js';
import type { Bracket } from './tax-table.js';
import type { InsuranceResult, MonthFields, MonthResult, PayrollInput, PayrollResult, Provenance, Warning } from './types.js';
import { checkMinimumWage, mergeProvenance, warnAboutData, warning, warnNegativeTakeHome } from './warnings.js';
import { withholdTax, type WithholdingMonth } from './withholding.js';

export type {
  AnnualResult,
  BonusComparison,
  BonusMethod,
  BonusTaxChoice,
  InsuranceResult,
  MonthChange,
  MonthFields,
  MonthResult,
  PayrollInput,
  PayrollResult,
  Provenance,
  Reconciliation,
  Warning,
} from './types.js';

/** One month worked out before withholding. */
interface Worked {
  plan: PlanMonth;
  rules: Rules;
  insurance: InsuranceResult;
  gross: Fen;
  unpaid: Fen;
  extra: Fen;
  /** Taxable income of the month. */
  income: Fen;
  /** Special, continuing-education and other deductions (insurance apart). */
  deductions: Fen;
}

export function computePayroll(input: PayrollInput, law: Law): PayrollResult {
  checkInput(input, law.cities);
  const plan = planYear(input);
  const bonus = input.bonus ?? 0;
  const bonusMonth = input.bonusMonth ?? 12;
  const provenance: Provenance[][] = [];
  const warnings: Warning[] = [];

  const employed = plan.months.filter((m) => m.employer !== null);
  const pensionShares = spreadPrivatePension(input, law, employed, provenance);
  const monthRules: Provenance[][] = [];
  // Months with the same input and rules (most of a year) have the same insurance.
  const insured = new Map<MonthFields, Map<Rules, ReturnType<typeof computeInsurance>>>();
  const worked: Worked[] = employed.map((m, i) => {
    const r = resolveRules(m.fields, law, m.date, { bonus: m.month === bonusMonth ? bonus : 0, bonusTax: input.bonusTax, lastMonth: m.month === 12 });
    monthRules.push(r.provenance);
    return workMonth(m, r.rules, pensionShares[i], warnings, insured);
  });
  provenance.push(monthsProvenance(monthRules, employed));

  // Withholding at each employer, with the bonus merged into its month or not.
  const withhold = (mergedBonus: Fen) => plan.employers.map((e, index) => {
    const own = worked.filter((w) => w.plan.employer === index);
    const yearDeduction = e.lastYearUnder60k ? lastYearDeduction(law, own[0].plan.date, provenance) : null;
    const months: WithholdingMonth[] = own.map((w) => ({
      month: w.plan.month,
      income: w.income + (w.plan.month === bonusMonth ? mergedBonus : 0),
      deductions: w.insurance.deductible + w.deductions,
      basicDeduction: w.rules.tax.basicDeduction,
      annualTable: w.rules.tax.annualTable,
    }));
    return withholdTax(months, { firstJob: e.firstJob, yearDeduction });
  });
  const wagesOnly = withhold(0);
  const byMonth = new Map(wagesOnly.flatMap((e) => e.months).map((m) => [m.month, m]));

  let bonusTax: ReturnType<typeof chooseBonusTax> | null = null;
  // What each month withholds because of the bonus (CONTRACT "Year-end bonus month").
  const bonusTaxByMonth = new Map<number, Fen>();
  if (bonus > 0) {
    const paidIn = worked.find((w) => w.plan.month === bonusMonth);
    if (!paidIn) {
      throw new UsageError(m('e:bonus-before-start', { bonus: bonusMonth, start: plan.startMonth }), m('hint:bonus-before-start'));
    }
    const sum = (runs: { total: Fen }[]) => runs.reduce((s, e) => s + e.total, 0);
    const merged = withhold(bonus);
    bonusTax = chooseBonusTax({
      bonus,
      choice: input.bonusTax ?? 'auto',
      monthlyTable: paidIn.rules.tax.bonusTable,
      mergedTax: sum(merged) - sum(wagesOnly),
    });
    warnings.push(...bonusTax.warnings);
    if (bonusTax.method === 'separate') bonusTaxByMonth.set(bonusMonth, bonusTax.tax);
    else {
      // Merged, the bonus is wages of the month it is paid (STA 2018 No. 61 Art. 6): that month
      // and every later month at the same employer withhold on a running total that includes it.
      for (const run of merged) for (const t of run.months) {
        const extra = t.tax - byMonth.get(t.month)!.tax;
        if (extra !== 0) bonusTaxByMonth.set(t.month, extra);
      }
    }
  }

  const months: MonthResult[] = plan.months.map((m) => {
    const w = worked.find((x) => x.plan.month === m.month);
    const rulesFrom = m.date;
    if (!w) return emptyMonth(m.month, rulesFrom);
    const t = byMonth.get(m.month)!;
    const insurance = w.insurance.employee.total;
    return {
      month: m.month,
      employer: m.employer,
      rulesFrom,
      gross: w.gross,
      extra: w.extra,
      unpaid: w.unpaid,
      insurance,
      detail: w.insurance,
      deductions: w.deductions,
      cumulativeTaxable: t.cumulativeTaxable,
      rate: t.rate,
      tax: t.tax,
      net: w.gross - insurance - t.tax,
      bonus: m.month === bonusMonth ? bonus : 0,
      bonusTax: bonusTaxByMonth.get(m.month) ?? 0,
      // Without a city the employer's contributions are not known (only the employee's sum was given).
      employerCost: w.rules.city ? w.gross + w.insurance.employer.total + (m.month === bonusMonth ? bonus : 0) : null,
    };
  });

  const focus = months[plan.focus - 1];
  const first = months[plan.startMonth - 1];
  const employedMonths = months.filter((m) => m.employer !== null);
  const wagesGross = sumOf(employedMonths, (m) => m.gross);
  const insuranceYear = sumOf(employedMonths, (m) => m.insurance);
  const incomeTax = sumOf(employedMonths, (m) => m.tax) + (bonusTax?.tax ?? 0);
  const gross = wagesGross + bonus;

  // At the reconciliation a special deduction counts in every month its condition holds,
  // employed or not (国发〔2018〕41号): worked months as withheld, the others on their own.
  const special = plan.months.map((m) => {
    const w = worked.find((x) => x.plan.month === m.month);
    if (w) return w.rules.tax.specialDeduction + w.rules.tax.certificate;
    const own = specialDeductionOf(m.fields, law, m.date, m.month === 12);
    if (own.provenance.length) provenance.push(tagMonths(own.provenance, m.month));
    return own.fen;
  });

  const reconciliation = reconcile({
    plan,
    worked: worked.map((w) => ({ month: w.plan.month, employer: w.plan.employer!, city: w.plan.fields.city ?? null, income: w.income, insurance: w.insurance.deductible, other: w.deductions - w.rules.tax.specialDeduction - w.rules.tax.certificate })),
    special,
    withheld: wagesOnly.map((e) => e.total),
    bonus,
    bonusTax: bonusTax && { method: bonusTax.method, tax: bonusTax.tax, separate: bonusTax.comparison.separate },
    bonusEmployer: bonus > 0 ? months[bonusMonth - 1].employer : null,
    input,
    law,
    lookup: yearLookup(plan, provenance),
  });

  warnings.push(...checkMinimumWages(worked));
  const negative = warnNegativeTakeHome(employedMonths);
  if (negative) warnings.push(negative);
  const rules = mergeProvenance(provenance);
  warnings.push(...dataWarnings(rules, law));

  return {
    date: input.date,
    city: input.city ?? null,
    focus: plan.focus,
    insurance: focus.detail ?? first.detail!,
    months,
    annual: {
      gross,
      bonus,
      bonusTax: bonusTax?.tax ?? 0,
      bonusTaxMethod: bonusTax?.method ?? null,
      incomeTax,
      insurance: insuranceYear,
      net: gross - insuranceYear - incomeTax,
      employerCost: employedMonths.some((m) => m.employerCost === null) ? null : sumOf(employedMonths, (m) => m.employerCost!),
    },
    takeHome: {
      firstMonth: first.net,
      average: roundFen(sumOf(employedMonths, (m) => m.net) / employedMonths.length),
    },
    bonusComparison: bonusTax?.comparison ?? null,
    reconciliation,
    warnings,
    rules,
  };
}

type Insured = Map<MonthFields, Map<Rules, ReturnType<typeof computeInsurance>>>;

function workMonth(m: PlanMonth, rules: Rules, privatePension: Fen, warnings: Warning[], insured: Insured): Worked {
  const f = m.fields;
  const extra = f.extra ?? 0;
  // The daily wage is rounded to the fen first, then counted per day, as a payslip shows it.
  const unpaid = f.unpaidDays ? roundFen((f.dailyBase ?? f.wages) / rules.tax.payDayDivisor!) * f.unpaidDays : 0;
  if (unpaid > f.wages) {
    throw new UsageError({ key: 'e:unpaid-days', params: { days: f.unpaidDays, month: m.month } }, { key: 'hint:unpaid-days' });
  }
  const gross = f.wages + extra - unpaid;
  if ((f.taxFree ?? 0) > gross) throw new UsageError(`The tax-free part of month ${m.month}'s pay is larger than the pay.`);
  let byRules = insured.get(f);
  if (!byRules) insured.set(f, (byRules = new Map()));
  let computed = byRules.get(rules);
  if (!computed) byRules.set(rules, (computed = computeInsurance(f, rules.city, rules.tax.housingFundTaxFreeRate, rules.tax.annuityCapRate)));
  const { insurance, warnings: baseWarnings } = computed;
  for (const w of baseWarnings) if (!warnings.some((x) => x.code === w.code)) warnings.push(w);
  const t = rules.tax;
  return {
    plan: m,
    rules,
    insurance,
    gross,
    unpaid,
    extra,
    income: gross - (f.taxFree ?? 0) + insurance.taxableExcess,
    deductions: t.specialDeduction + t.certificate + t.healthInsurance + insurance.annuityDeductible + privatePension,
  };
}

/** Private pension paid in the year, capped, spread evenly over the months employed (12,000 → 1,000 a month). */
function spreadPrivatePension(input: PayrollInput, law: Law, employed: PlanMonth[], provenance: Provenance[][]): Fen[] {
  if (!input.privatePension || employed.length === 0) return employed.map(() => 0);
  const lookup = createLookup(employed[0].date);
  const cap = yuanToFen(lookup.use(law.tax.otherDeductions.privatePensionYearly, 'tax.otherDeductions.privatePensionYearly'));
  provenance.push(lookup.provenance);
  const total = Math.min(input.privatePension, cap);
  const each = Math.floor(total / employed.length);
  // The fen left over go to the last months, so the year adds up exactly.
  const rest = total - each * employed.length;
  return employed.map((_, i) => each + (i >= employed.length - rest ? 1 : 0));
}

function lastYearDeduction(law: Law, date: string, provenance: Provenance[][]): Fen {
  const lookup = createLookup(date);
  const rule = lookup.use(law.tax.lastYearUnder60k, 'tax.lastYearUnder60k');
  provenance.push(lookup.provenance);
  return yuanToFen(rule.deduction);
}

/** Year-level figures (the reconciliation's) are looked up on the year's last day. */
function yearLookup(plan: YearPlan, provenance: Provenance[][]) {
  const lookup = createLookup(`${plan.year}-12-31`);
  provenance.push(lookup.provenance);
  return lookup;
}

function checkMinimumWages(worked: Worked[]): Warning[] {
  const below = worked
    .filter((w) => !w.unpaid)
    .map((w) => ({ month: w.plan.month, warning: checkMinimumWage(w.rules.city, w.plan.fields.minimumWagePay ?? w.plan.fields.wages, w.insurance.employee.total) }))
    .filter((x) => x.warning !== null);
  if (below.length === 0) return [];
  const first = below[0].warning!;
  if (below.length === worked.length) return [first];
  const text = { ...first.text!, params: { ...first.text!.params, months: below.map((b) => b.month) } };
  return [warning(first.code, text)];
}

function tagMonths(list: Provenance[], month: number): Provenance[] {
  return list.map((p) => ({ ...p, months: [month] }));
}

/**
 * The months' provenance merged, each figure with the months that used it. A
 * month's list comes from the rules cache (./rules.ts), so a year is a sequence
 * of a few cached lists, and a batch repeats the same sequences line after
 * line: the merge is kept per sequence. Callers copy what they keep
 * (mergeProvenance), so the kept lists are never changed.
 */
const mergedMonths = new Map<string, Provenance[]>();
const listIds = new WeakMap<Provenance[], number>();
let nextListId = 0;
const MAX_MERGED = 5000;

function monthsProvenance(lists: Provenance[][], months: readonly PlanMonth[]): Provenance[] {
  let key = '';
  for (let i = 0; i < lists.length; i++) {
    let id = listIds.get(lists[i]);
    if (id === undefined) listIds.set(lists[i], (id = nextListId++));
    key += `${id}:${months[i].month},`;
  }
  let merged = mergedMonths.get(key);
  if (!merged) {
    merged = mergeProvenance(lists.map((list, i) => tagMonths(list, months[i].month)));
    if (mergedMonths.size >= MAX_MERGED) mergedMonths.clear();
    mergedMonths.set(key, merged);
  }
  return merged;
}

/**
 * Warnings about stale or estimated figures depend only on the flagged figures,
 * which a batch repeats line after line: they are worded once per set. The
 * warnings are shared, never changed (payrollToJson copies them).
 */
const dataWarningsKept = new WeakMap<Law, Map<string, Warning[]>>();

function dataWarnings(rules: readonly Provenance[], law: Law): Warning[] {
  let key = '';
  for (const p of rules) {
    if (p.stale || p.early || ESTIMATED.includes(p.confidence)) {
      key += `${p.id}|${p.from}|${p.label}|${p.until}|${p.confidence}|${p.stale ? 1 : 0}|${p.early ? `${p.months}` : ''}\n`;
    }
  }
  let byKey = dataWarningsKept.get(law);
  if (!byKey) dataWarningsKept.set(law, (byKey = new Map()));
  let kept = byKey.get(key);
  if (!kept) {
    kept = warnAboutData(rules, (id) => law.cities[id as keyof Law['cities']]?.nameZh);
    if (byKey.size >= MAX_MERGED) byKey.clear();
    byKey.set(key, kept);
  }
  return kept;
}

function emptyMonth(month: number, rulesFrom: string): MonthResult {
  return {
    month, employer: null, rulesFrom, gross: 0, extra: 0, unpaid: 0, insurance: 0, detail: null, deductions: 0,
    cumulativeTaxable: 0, rate: 0, tax: 0, net: 0, bonus: 0, bonusTax: 0, employerCost: 0,
  };
}

function sumOf<T>(items: readonly T[], f: (item: T) => Fen): Fen {
  return items.reduce((s, x) => s + f(x), 0);
}

export type { Bracket };
