/**
 * The payroll engine's input and result. Money is integer fen; rates are
 * fractions. The result is plain data: json.ts turns it into the contract's
 * yuan figures, renderers print it.
 */
import type { Resolved } from '../model/lookup.js';
import type { Fen } from '../money.js';

export interface PayrollInput {
  /** YYYY-MM-DD: which rules apply. */
  date: string;
  /** City id; needed unless `insurance` is given. */
  city?: string;
  /** Monthly gross wages (sum of all pay lines). */
  wages: Fen;
  /** Part of `wages` that is not taxable (default 0). */
  taxFree?: Fen;
  /** Pay that counts toward the minimum wage (base pay; default `wages`). */
  minimumWagePay?: Fen;
  /** Override of the contribution base, for social insurance and housing fund alike (still clamped). */
  socialBase?: Fen;
  /** Fraction, e.g. 0.12; must be inside the city's range. */
  housingFundRate?: number;
  /** Whole employee SI + housing fund a month: replaces the city computation (all deductible). */
  insurance?: Fen;
  /** Special additional deductions a month, as one sum (added to any itemised ones). */
  deduction?: Fen;
  children?: number;
  infants?: number;
  elderly?: 'only-child' | 'shared';
  rent?: boolean;
  mortgage?: boolean;
  /** Year-end bonus (全年一次性奖金). */
  bonus?: Fen;
  /** Default auto: the cheaper method. */
  bonusTax?: BonusTaxChoice;
  /** 1–12, default 1. */
  startMonth?: number;
  /** First wage income of the year (STA 2020 No. 13): k = calendar month number. */
  firstJob?: boolean;
}

export type BonusTaxChoice = 'auto' | 'separate' | 'merged';
export type BonusMethod = 'separate' | 'merged';

export interface Warning {
  code: string;
  message: string;
}

/** Where a law figure came from, as the CLI shows it: the dated lookup's own record. `value` is as written in the data (yuan). */
export type Provenance = Resolved<unknown>;

export interface Contributions {
  pension: Fen;
  medical: Fen;
  unemployment: Fen;
  housingFund: Fen;
  total: Fen;
}

export interface InsuranceResult {
  base: { social: Fen; housingFund: Fen };
  employee: Contributions;
  employer: Contributions & { injury: Fen };
  /** Employee insurance that reduces taxable income (housing fund only up to the tax-free cap). */
  deductible: Fen;
  /** Employer housing fund above the tax-free cap: taxable income of the employee. */
  taxableExcess: Fen;
}

export interface MonthResult {
  month: number;
  gross: Fen;
  insurance: Fen;
  cumulativeTaxable: Fen;
  rate: number;
  tax: Fen;
  net: Fen;
}

export interface AnnualResult {
  /** Wages of the months employed plus the bonus. */
  gross: Fen;
  bonus: Fen;
  bonusTax: Fen;
  bonusTaxMethod: BonusMethod | null;
  incomeTax: Fen;
  insurance: Fen;
  net: Fen;
  employerCost: Fen;
}

export interface BonusComparison {
  /** Tax on the bonus under each method; separate is null once it is no longer allowed. */
  separate: Fen | null;
  merged: Fen;
  chosen: BonusMethod;
  /** Tax of the other method minus tax of the chosen one (null when there is no other). */
  saving: Fen | null;
}

export interface PayrollResult {
  date: string;
  city: string | null;
  insurance: InsuranceResult;
  months: MonthResult[];
  annual: AnnualResult;
  takeHome: { firstMonth: Fen; average: Fen };
  bonusComparison: BonusComparison | null;
  warnings: Warning[];
  rules: Provenance[];
}
