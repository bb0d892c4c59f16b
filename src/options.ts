/**
 * The options objects of the library: the long flag names in camelCase, as in
 * batch lines and offer files. Amounts are yuan; a number may also be given as
 * a string ("12000", "96%"), as on the command line. answer.ts checks the keys
 * at run time (OPTION_KEYS); these types are what an editor shows.
 */
import type { CityId, LevelId, PlatformId } from './model/city-ids.js';
import type { Lang } from './result.js';

/** A number, or its text as the command line takes it ("12000", "96%"). */
export type Num = number | string;
export type { Lang };

/** Payroll keys that may differ by month (the payroll half of `from`, `in` and `jobs`). */
export interface MonthPayrollOptions {
  /** Social-insurance base, yuan a month (clamped to the city's limits). */
  socialBase?: Num;
  /** Housing-fund rate, percent as 12. */
  housingFundRate?: Num;
  /** Shanghai's supplementary housing fund, percent 1–5. */
  supplementaryFundRate?: Num;
  /** The medical-insurance tier the employer chose, where the city has several (Shenzhen, Dongguan, Foshan): 1 (default), 2 or 3. */
  medicalTier?: Num;
  /** Employee insurance and housing fund, yuan a month: replaces the city computation. */
  insurance?: Num;
  /** Special additional deductions, yuan a month, as one sum. */
  deduction?: Num;
  children?: Num;
  infants?: Num;
  elderly?: 'only-child' | 'shared';
  /** Percent of the children's and infants' deductions this parent takes: 100 (default) or 50. */
  childShare?: Num;
  /** With elderly 'shared': the agreed share, yuan a month (at most 1,500; default 1,500). */
  elderlyShare?: Num;
  rent?: boolean;
  mortgage?: boolean;
  /** Percent of the loan-interest deduction this spouse takes: 100 (default) or 50. */
  mortgageShare?: Num;
  continuingEducation?: 'degree' | 'certificate';
  /** Tax-preferred health insurance, yuan a month (deductible up to 200). */
  healthInsurance?: Num;
  /** Enterprise annuity, the employee's share in percent of the base. */
  annuity?: Num;
}

/** Keys one month may change (`from`, `in`); a new employer (`jobs`) may also change `city`. */
export interface MonthChange extends MonthPayrollOptions {
  gross?: Num;
  base?: Num;
  level?: string;
  platform?: string;
  nightShifts?: Num;
  overtime?: Num;
  restDayOvertime?: Num;
  holidayOvertime?: Num;
  satisfaction?: Num;
  kpi?: Num;
  orders?: Num;
  percentile?: Num;
  /** One-off pay taxed as wages in that month (a 13th month, a sign-on bonus), yuan. */
  extra?: Num;
  /** Days of unpaid leave: base ÷ 21.75 a day. */
  unpaidDays?: Num;
}

export interface JobChange extends MonthChange {
  /** The month the new employer starts, 1–12. */
  month: Num;
  city?: string;
  /** Probation agreed with this employer, months from its first month (at most 6). */
  probationMonths?: Num;
  /** Pay during that probation, percent of the agreed pay as 80. */
  probationPayPercent?: Num;
  /** Sign-on bonus, yuan, paid as one-off pay in this employer's first month. */
  signOnBonus?: Num;
}

/** Changes by month: `{ 7: { base: 8000 } }`, or the command line's `"7:base=8000"` (one or a list). */
export type Changes = Record<number | string, MonthChange> | string | (string | (MonthChange & { month: Num }))[];

/**
 * Where the job is: a built-in city (its id; `cities()` lists them), so a typo
 * fails to compile, or, when `cities` adds cities from a file, any city it names.
 */
export type Place =
  | { city?: CityId; cities?: undefined }
  | {
      city?: string;
      /**
       * More cities, or other figures for a built-in city: the path of a YAML file shaped like
       * data/law/cities.yaml, or that file already parsed into an object.
       */
      cities: string | Record<string, unknown>;
    };

/** Payroll options besides the city: insurance, housing fund, deductions, the year. */
export interface YearOptions extends MonthPayrollOptions {
  /** Year-end bonus, yuan. */
  bonus?: Num;
  bonusTax?: 'auto' | 'separate' | 'merged';
  bonusMonth?: Num;
  startMonth?: Num;
  firstJob?: boolean;
  lastYearUnder60k?: boolean;
  /** Private pension paid this year, yuan a year (deductible up to 12,000). */
  privatePension?: Num;
  /** 大病医疗: medical costs paid yourself this year, yuan; deducted at the reconciliation above 15,000, up to 80,000. */
  seriousIllness?: Num;
  earlierIncome?: Num;
  earlierTax?: Num;
  earlierInsurance?: Num;
  /** YYYY-MM-DD: which rules apply and which tax year (default today). */
  date?: string;
  /** From that month on. */
  from?: Changes;
  /** That month only. */
  in?: Changes;
  /** A new employer from that month, as the command line writes it ("7:city=shanghai,gross=13000"). */
  job?: string | string[];
  /** New employers: `[{ month: 7, city: 'shanghai', gross: 13000 }]`. */
  jobs?: JobChange[];
  /** One-off pay taxed as wages, yuan, in every month (for one month use `in`). */
  extra?: Num;
  unpaidDays?: Num;
  /** Language of labels and warnings in the result (default en). */
  lang?: Lang;
}

/** Payroll options: the city (or `insurance` instead), insurance, housing fund, deductions, the year. */
export type PayrollOptions = YearOptions & Place;

/** Pay options of `estimate`: a job of the compensation model. */
export interface PayOptions {
  level: LevelId;
  platform?: PlatformId;
  nightShifts?: Num;
  /** Customer satisfaction: 96, "96%" or 0.96. */
  satisfaction?: Num;
  orders?: Num;
  /** Team KPI, percent of target as 115. */
  kpi?: Num;
  overtime?: Num;
  restDayOvertime?: Num;
  holidayOvertime?: Num;
  /** Where to sit inside each range of the model, 0–100 (default 50). */
  percentile?: Num;
  /** Base pay, yuan a month (overrides the model). */
  base?: Num;
  yearEndMonths?: Num;
}

export type EstimateOptions = YearOptions & PayOptions & Required<Pick<Place, 'city'>> & Place;

export type NetOptions = PayrollOptions & {
  /** Monthly gross wages, yuan. */
  gross: Num;
};

export type GrossOptions = PayrollOptions & {
  /** The average monthly take-home to aim for, yuan. */
  net: Num;
};

/** An offer: an estimate or a known gross, plus its terms. Or an inline spec, "city=hangzhou,level=senior". */
export type OfferOptions =
  | string
  | (Omit<YearOptions, 'lang'> & Place & Partial<PayOptions> & {
      gross?: Num;
      name?: string;
      probationMonths?: Num;
      probationPayPercent?: Num;
      signOnBonus?: Num;
      scheduledHours?: Num;
    });

export interface CompareOptions extends YearOptions {
  a: OfferOptions;
  b: OfferOptions;
  cities?: string | Record<string, unknown>;
}

export interface RulesOptions {
  city: string;
  /** A cities file (path or object) whose cities `city` may name. */
  cities?: string | Record<string, unknown>;
  /** YYYY-MM-DD (default today). */
  date?: string;
  lang?: Lang;
}

/** The optional second argument of every function. */
export interface Settings {
  /** A compensation model as YAML text (what `--model` reads), instead of the built-in one. */
  model?: string;
  /** Today, YYYY-MM-DD: the default for `date`. Default: today in China (UTC+8). */
  date?: string;
}
