/**
 * PayrollResult (fen) -> the contract's JSON keys (CONTRACT.md, "JSON"), amounts
 * in yuan to 0.01. Rates stay fractions; law figures in `rules` are as written
 * in the data files (yuan). Keys that only some cities or inputs have
 * (supplementary fund, annuity) appear only when they are not zero.
 */
import { fenToYuan, type Fen } from '../money.js';
import type { InsuranceResult, MonthResult, PayrollResult, Reconciliation } from './types.js';

const y = (fen: Fen): number => fenToYuan(fen);
/** Long-term-care insurance, where the city levies it as its own line. */
const care = (side: { longTermCare?: Fen }) => (side.longTermCare !== undefined ? { longTermCare: y(side.longTermCare) } : {});

export function insuranceToJson(ins: InsuranceResult) {
  const { base, employee, employer } = ins;
  const optional = (parts: { supplementaryFund: Fen; annuity?: Fen }) => ({
    ...(parts.supplementaryFund ? { supplementaryFund: y(parts.supplementaryFund) } : {}),
    ...(parts.annuity ? { annuity: y(parts.annuity) } : {}),
  });
  return {
    base: {
      social: y(base.social), medical: y(base.medical), unemployment: y(base.unemployment), housingFund: y(base.housingFund),
      ...(base.injury !== undefined ? { injury: y(base.injury) } : {}),
    },
    employee: {
      pension: y(employee.pension),
      medical: y(employee.medical),
      unemployment: y(employee.unemployment),
      ...care(employee),
      housingFund: y(employee.housingFund),
      ...optional(employee),
      total: y(employee.total),
    },
    employer: {
      pension: y(employer.pension),
      medical: y(employer.medical),
      unemployment: y(employer.unemployment),
      injury: y(employer.injury),
      ...care(employer),
      housingFund: y(employer.housingFund),
      ...optional(employer),
      total: y(employer.total),
    },
  };
}

function monthToJson(m: MonthResult) {
  return {
    month: m.month,
    gross: y(m.gross),
    insurance: y(m.insurance),
    cumulativeTaxable: y(m.cumulativeTaxable),
    rate: m.rate,
    tax: y(m.tax),
    net: y(m.net),
    rulesFrom: m.rulesFrom,
    employer: m.employer === null ? null : m.employer + 1,
    ...(m.bonus || m.bonusTax ? { bonus: y(m.bonus), bonusTax: y(m.bonusTax) } : {}),
  };
}

export function reconciliationToJson(r: Reconciliation) {
  return {
    income: y(r.income),
    deductions: y(r.deductions),
    deductionDetail: {
      basic: y(r.deductionDetail.basic),
      insurance: y(r.deductionDetail.insurance),
      special: y(r.deductionDetail.special),
      seriousIllness: y(r.deductionDetail.seriousIllness),
      other: y(r.deductionDetail.other),
    },
    taxableIncome: y(r.taxableIncome),
    taxDue: y(r.taxDue),
    withheld: y(r.withheld),
    balance: y(r.balance),
    exempt: r.exempt,
    exemptReason: r.exemptReason,
    bonusMethod: r.bonusMethod,
    employers: r.employers.map((e) => ({ fromMonth: e.fromMonth, toMonth: e.toMonth, city: e.city, withheld: y(e.withheld) })),
    ...(r.earlierTax ? { earlierTax: y(r.earlierTax) } : {}),
    settle: r.settle,
  };
}

export function payrollToJson(result: PayrollResult) {
  const comparison = result.bonusComparison;
  return {
    insurance: insuranceToJson(result.insurance),
    months: result.months.map(monthToJson),
    annual: {
      gross: y(result.annual.gross),
      bonus: y(result.annual.bonus),
      bonusTax: y(result.annual.bonusTax),
      bonusTaxMethod: result.annual.bonusTaxMethod,
      incomeTax: y(result.annual.incomeTax),
      insurance: y(result.annual.insurance),
      net: y(result.annual.net),
      employerCost: result.annual.employerCost === null ? null : y(result.annual.employerCost),
    },
    takeHome: { firstMonth: y(result.takeHome.firstMonth), average: y(result.takeHome.average) },
    bonusComparison: comparison && {
      separate: comparison.separate === null ? null : y(comparison.separate),
      merged: y(comparison.merged),
      chosen: comparison.chosen,
      saving: comparison.saving === null ? null : y(comparison.saving),
    },
    reconciliation: reconciliationToJson(result.reconciliation),
    warnings: result.warnings.map((w) => ({ code: w.code, message: w.message, ...(w.figures ? { figures: w.figures } : {}) })),
    rules: result.rules.map((r) => ({ ...r })),
  };
}
