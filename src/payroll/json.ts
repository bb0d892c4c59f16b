/**
 * PayrollResult (fen) -> the contract's JSON keys (CONTRACT.md, "JSON"), amounts
 * in yuan to 0.01. Rates stay fractions; law figures in `rules` are as written
 * in the data files (yuan).
 */
import { fenToYuan, type Fen } from '../money.js';
import type { PayrollResult } from './types.js';

const y = (fen: Fen): number => fenToYuan(fen);

export function payrollToJson(result: PayrollResult) {
  const { base, employee, employer } = result.insurance;
  const comparison = result.bonusComparison;
  return {
    insurance: {
      base: { social: y(base.social), housingFund: y(base.housingFund) },
      employee: {
        pension: y(employee.pension),
        medical: y(employee.medical),
        unemployment: y(employee.unemployment),
        housingFund: y(employee.housingFund),
        total: y(employee.total),
      },
      employer: {
        pension: y(employer.pension),
        medical: y(employer.medical),
        unemployment: y(employer.unemployment),
        injury: y(employer.injury),
        housingFund: y(employer.housingFund),
        total: y(employer.total),
      },
    },
    months: result.months.map((m) => ({
      month: m.month,
      gross: y(m.gross),
      insurance: y(m.insurance),
      cumulativeTaxable: y(m.cumulativeTaxable),
      rate: m.rate,
      tax: y(m.tax),
      net: y(m.net),
    })),
    annual: {
      gross: y(result.annual.gross),
      bonus: y(result.annual.bonus),
      bonusTax: y(result.annual.bonusTax),
      bonusTaxMethod: result.annual.bonusTaxMethod,
      incomeTax: y(result.annual.incomeTax),
      insurance: y(result.annual.insurance),
      net: y(result.annual.net),
      employerCost: y(result.annual.employerCost),
    },
    takeHome: { firstMonth: y(result.takeHome.firstMonth), average: y(result.takeHome.average) },
    bonusComparison: comparison && {
      separate: comparison.separate === null ? null : y(comparison.separate),
      merged: y(comparison.merged),
      chosen: comparison.chosen,
      saving: comparison.saving === null ? null : y(comparison.saving),
    },
    warnings: result.warnings.map((w) => ({ code: w.code, message: w.message })),
    rules: result.rules.map((r) => ({ ...r })),
  };
}
