/**
 * The payroll of one year at one job: insurance, cumulative withholding on
 * wages, the year-end bonus, take-home and employer cost. Pure: the date and
 * the law come in, a plain result goes out.
 */
import type { Law } from '../model/law-schema.js';
import { roundFen, type Fen } from '../money.js';
import { chooseBonusTax } from './bonus.js';
import { checkInput } from './input.js';
import { computeInsurance } from './insurance.js';
import { resolveRules } from './rules.js';
import type { MonthResult, PayrollInput, PayrollResult, Warning } from './types.js';
import { checkMinimumWage, warnAboutData } from './warnings.js';
import { withholdTax } from './withholding.js';

export type {
  AnnualResult,
  BonusComparison,
  BonusMethod,
  BonusTaxChoice,
  InsuranceResult,
  MonthResult,
  PayrollInput,
  PayrollResult,
  Provenance,
  Warning,
} from './types.js';

export function computePayroll(input: PayrollInput, law: Law): PayrollResult {
  checkInput(input);
  const { rules, provenance } = resolveRules(input, law);
  const warnings: Warning[] = [];
  const { insurance, warnings: baseWarnings } = computeInsurance(input, rules.city, rules.tax.housingFundTaxFreeRate);
  warnings.push(...baseWarnings);
  const belowMinimum = checkMinimumWage(rules.city, input.minimumWagePay ?? input.wages, insurance.employee.total);
  if (belowMinimum) warnings.push(belowMinimum);

  const startMonth = input.startMonth ?? 1;
  const employed = 13 - startMonth;
  const withholding = withholdTax({
    startMonth,
    firstJob: input.firstJob ?? false,
    taxableIncome: input.wages - (input.taxFree ?? 0) + insurance.taxableExcess,
    deductible: insurance.deductible,
    specialDeduction: rules.tax.specialDeduction,
    basicDeduction: rules.tax.basicDeduction,
    annualTable: rules.tax.annualTable,
  });

  const months: MonthResult[] = withholding.months.map((m) => {
    if (m.month < startMonth) return { ...m, gross: 0, insurance: 0, net: 0 };
    const net = input.wages - insurance.employee.total - m.tax;
    return { month: m.month, gross: input.wages, insurance: insurance.employee.total, cumulativeTaxable: m.cumulativeTaxable, rate: m.rate, tax: m.tax, net };
  });

  const bonus = input.bonus ?? 0;
  const bonusTax =
    bonus > 0
      ? chooseBonusTax({
          bonus,
          choice: input.bonusTax ?? 'auto',
          monthlyTable: rules.tax.bonusTable,
          annualTable: rules.tax.annualTable,
          yearTaxable: withholding.yearTaxable,
        })
      : null;
  if (bonusTax) warnings.push(...bonusTax.warnings);
  warnings.push(...warnAboutData(provenance));

  const gross = employed * input.wages + bonus;
  const insuranceYear = employed * insurance.employee.total;
  const incomeTax = withholding.total + (bonusTax?.tax ?? 0);
  const employedMonths = months.slice(startMonth - 1);
  return {
    date: input.date,
    city: input.city ?? null,
    insurance,
    months,
    annual: {
      gross,
      bonus,
      bonusTax: bonusTax?.tax ?? 0,
      bonusTaxMethod: bonusTax?.method ?? null,
      incomeTax,
      insurance: insuranceYear,
      net: gross - insuranceYear - incomeTax,
      employerCost: gross + employed * insurance.employer.total,
    },
    takeHome: {
      firstMonth: employedMonths[0].net,
      average: averageFen(employedMonths.map((m) => m.net)),
    },
    bonusComparison: bonusTax?.comparison ?? null,
    warnings,
    rules: provenance,
  };
}

function averageFen(values: readonly Fen[]): Fen {
  return roundFen(values.reduce((a, b) => a + b, 0) / values.length);
}
