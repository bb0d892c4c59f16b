/**
 * The payroll engine's input and result. Money is integer fen; rates are
 * fractions. The result is plain data: json.ts turns it into the contract's
 * yuan figures, renderers print it.
 */
import type { Localized } from '../i18n/messages.js';
import type { Dated, Resolved } from '../model/lookup.js';
import type { Fen } from '../money.js';

/** What may differ from one month to the next (the keys of --from, --in and --job). */
export interface MonthFields {
  /** City id; needed unless `insurance` is given. A new employer may change it. */
  city?: string;
  /** Regular monthly gross wages (the sum of the month's recurring pay lines). */
  wages: Fen;
  /** One-off pay taxed as wages in its month (a 13th month, a sign-on bonus, a quarterly bonus). */
  extra?: Fen;
  /** Days of unpaid leave: each costs `dailyBase` ÷ the pay-day divisor (21.75). */
  unpaidDays?: number;
  /** Pay the daily wage is taken from (base pay; default `wages`). */
  dailyBase?: Fen;
  /** Part of wages + extra that is not taxable (default 0). */
  taxFree?: Fen;
  /** Pay that counts toward the minimum wage (base pay; default `wages`). */
  minimumWagePay?: Fen;
  /** Pay that sets the contribution base when no socialBase is given: the recurring pay, without quarterly bonuses (default `wages`). */
  contributionPay?: Fen;
  /** Override of the contribution base, for social insurance and housing fund alike (still clamped). */
  socialBase?: Fen;
  /** Fraction, e.g. 0.12; must be inside the city's range. */
  housingFundRate?: number;
  /** Shanghai's supplementary housing fund, a fraction (0.01–0.05). */
  supplementaryFundRate?: number;
  /** The medical tier the employer chose (1, the city's own rates, by default; Shenzhen 2, Dongguan 2 or 3, …). */
  medicalTier?: number;
  /** Whole employee SI + housing fund a month: replaces the city computation (all deductible). */
  insurance?: Fen;
  /** Special additional deductions a month, as one sum (added to any itemised ones). */
  deduction?: Fen;
  children?: number;
  infants?: number;
  elderly?: 'only-child' | 'shared';
  /** With elderly 'shared': the agreed monthly share (at most the law's shared amount, which is the default). */
  elderlyShare?: Fen;
  /** Children's education and infant care: the percent this parent deducts (100, or 50 each). */
  childShare?: number;
  rent?: boolean;
  mortgage?: boolean;
  /** Housing-loan interest: the percent this spouse deducts (100, or 50 each). */
  mortgageShare?: number;
  /** 400 a month for a degree, or 3,600 once (in December) for a certificate. */
  continuingEducation?: 'degree' | 'certificate';
  /** Tax-preferred commercial health insurance a month (deductible up to the legal limit). */
  healthInsurance?: Fen;
  /** Employee share of an enterprise annuity, a fraction of the contribution base. */
  annuity?: number;
}

export type ChangeKind = 'from' | 'in' | 'job';

/** A change over the year: from month m on, in month m only, or a new employer from month m. */
export interface MonthChange {
  kind: ChangeKind;
  month: number;
  values: Partial<MonthFields>;
}

export interface PayrollInput extends MonthFields {
  /** YYYY-MM-DD: the tax year is its year, and its month is the one shown on top. */
  date: string;
  /** Year-end bonus (全年一次性奖金). */
  bonus?: Fen;
  /** Default auto: the cheaper. */
  bonusTax?: BonusTaxChoice;
  /** The month the year-end bonus is paid (default 12). */
  bonusMonth?: number;
  /** 1–12, default 1. */
  startMonth?: number;
  /** First wage income of the year (STA 2020 No. 13): k = calendar month number. */
  firstJob?: boolean;
  /** Wages at this employer last year at most 60,000 (STA 2020 No. 19): 60,000 deducted from January. */
  lastYearUnder60k?: boolean;
  /** Private pension paid this year (deductible up to the yearly limit), spread over the months employed. */
  privatePension?: Fen;
  /** Wage income, tax withheld and deductible insurance at earlier employers this year, before startMonth. */
  earlierIncome?: Fen;
  earlierTax?: Fen;
  earlierInsurance?: Fen;
  /** 大病医疗: medical costs paid yourself in the year, deducted at the reconciliation only. */
  seriousIllness?: Fen;
  changes?: MonthChange[];
  /** Each month's own input, given in full (12 entries): replaces the month fields above and the from/in changes. */
  monthly?: MonthFields[];
}

export type BonusTaxChoice = 'auto' | 'separate' | 'merged';
export type BonusMethod = 'separate' | 'merged';

export interface Warning {
  code: string;
  /** In English; `text` says it in either language. */
  message: string;
  text?: Localized;
  /** The figures a data warning is about (JSON keeps the detail; the message stays short). */
  figures?: string[];
}

/** Where a law figure came from, as the CLI shows it. `value` is as written in the data (yuan). */
export type Provenance = Resolved<unknown> & {
  /** The months of the tax year that used it. */
  months?: number[];
  /** No figure was on file for those months; the earliest one stands in. */
  early?: boolean;
};

export interface Contributions {
  pension: Fen;
  medical: Fen;
  unemployment: Fen;
  housingFund: Fen;
  total: Fen;
}

export interface InsuranceResult {
  /** injury: only where the city sets the work-injury base apart (Fujian). */
  base: { social: Fen; medical: Fen; unemployment: Fen; housingFund: Fen; injury?: Fen };
  /** annuity: the employee's enterprise-annuity share, paid from wages. longTermCare: only where the city levies it. */
  employee: Contributions & { supplementaryFund: Fen; annuity: Fen; longTermCare?: Fen };
  /** medical includes maternity (each rounded on its own, then added). */
  employer: Contributions & { injury: Fen; supplementaryFund: Fen; longTermCare?: Fen };
  /** Employee insurance that reduces taxable income (housing fund only up to the tax-free cap). */
  deductible: Fen;
  /** Employer housing fund above the tax-free cap: taxable income of the employee. */
  taxableExcess: Fen;
  /** The annuity share that is deductible (up to 4% of the base, 财税〔2013〕103号): an "other deduction". */
  annuityDeductible: Fen;
}

export interface MonthResult {
  month: number;
  /** Index into `employers`; null before the start month. */
  employer: number | null;
  /** The day whose rules the month used (its first day). */
  rulesFrom: string;
  /** wages + extra − unpaid leave. */
  gross: Fen;
  extra: Fen;
  unpaid: Fen;
  /** Employee insurance, housing fund and annuity. */
  insurance: Fen;
  detail: InsuranceResult | null;
  /** Special, continuing-education and other deductions taken this month. */
  deductions: Fen;
  cumulativeTaxable: Fen;
  rate: number;
  /** Tax withheld on wages (a merged bonus included). */
  tax: Fen;
  /** Take-home from wages: gross − insurance − tax. */
  net: Fen;
  /** The year-end bonus paid this month, and the tax on it when taxed apart. */
  bonus: Fen;
  bonusTax: Fen;
  /** Null without a city: the employer's contributions are unknown. */
  employerCost: Fen | null;
}

export interface Employer {
  fromMonth: number;
  toMonth: number;
  city: string | null;
  withheld: Fen;
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
  /** Null when a month had no city (insurance given as one sum): the employer's share is unknown. */
  employerCost: Fen | null;
}

export interface BonusComparison {
  /** Tax on the bonus under each method; separate is null once it is no longer allowed. */
  separate: Fen | null;
  merged: Fen;
  chosen: BonusMethod;
  /** Tax of the other method minus tax of the chosen one (null when there is no other). */
  saving: Fen | null;
}

/** The annual reconciliation (年度汇算), settled between March and June of the next year. */
export interface Reconciliation {
  income: Fen;
  deductions: Fen;
  /** special: the monthly special deductions over every month their condition held; seriousIllness apart. */
  deductionDetail: { basic: Fen; insurance: Fen; special: Fen; seriousIllness: Fen; other: Fen };
  taxableIncome: Fen;
  taxDue: Fen;
  withheld: Fen;
  /** taxDue − withheld: positive is owed, negative is refunded. */
  balance: Fen;
  exempt: boolean;
  exemptReason: 'income' | 'balance' | null;
  bonusMethod: BonusMethod | null;
  employers: Employer[];
  earlierTax: Fen;
  /** When the balance is settled: the March–June window of the next year. */
  settle: { from: string; until: string };
}

export interface PayrollResult {
  date: string;
  city: string | null;
  /** The month shown on top: the month of `date`, or the first month employed if later. */
  focus: number;
  insurance: InsuranceResult;
  months: MonthResult[];
  annual: AnnualResult;
  takeHome: { firstMonth: Fen; average: Fen };
  bonusComparison: BonusComparison | null;
  reconciliation: Reconciliation;
  warnings: Warning[];
  rules: Provenance[];
}

/** Looks values up on one date and keeps their provenance. */
export interface Lookup {
  date: string;
  /** `early`: before the first figure on file, use the earliest and mark it (city figures, CONTRACT "Months and rules"). */
  use<T>(param: Dated<T>, id: string, label?: string, options?: { early?: boolean }): T;
  provenance: Provenance[];
}
