/**
 * A city's social-insurance, housing-fund and minimum-wage figures on a date,
 * converted to fen, with the housing-fund rate chosen (the input's, checked
 * against the city's range, or the city's assumed default).
 */
import { m, NoRuleError, UsageError } from '../errors.js';
import type { Dated } from '../model/dated.js';
import type { CityId, CityLaw, Law, RentTier } from '../model/law-schema.js';
import { yuanToFen, type Fen, type RoundingMode, type RoundingUnit } from '../money.js';
import type { Lookup } from './rules.js';
import type { MonthFields } from './types.js';

export interface BaseRange {
  floor: Fen;
  ceiling: Fen;
}

export interface Rounding {
  unit: RoundingUnit;
  mode: RoundingMode;
}

export interface CityRules {
  id: CityId;
  name: string;
  nameZh: string;
  rentTier: RentTier;
  /** Pension and work injury. */
  socialBase: BaseRange;
  /** Medical and maternity. */
  medicalBase: BaseRange;
  unemploymentBase: BaseRange;
  housingFundBase: BaseRange;
  /** Null when the input replaces the employee side with one `insurance` sum. */
  employee: { pension: number; medical: number; unemployment: number; medicalAddOn: Fen } | null;
  /** maternity is 0 where the city folds it into medical. */
  employer: { pension: number; medical: number; maternity: number; unemployment: number; injury: number };
  housingFundRate: number;
  /** Shanghai's supplementary housing fund; 0 when none is chosen. */
  supplementaryFundRate: number;
  /** Null when no minimum wage is on file for the date (the check is then skipped). */
  minimumWage: { amount: Fen; excludesEmployeeContributions: boolean } | null;
  rounding: { socialInsurance: Rounding; housingFund: Rounding };
}

export function resolveCityRules(input: MonthFields, law: Law, lookup: Lookup): CityRules {
  const id = input.city as CityId;
  const city = law.cities[id];
  // A month before the first figure on file uses the earliest one (flagged `early`, warned as estimated-data).
  const use: Use = (param, key, early = true) => lookup.use(param, `cities.${id}.${key}`, `${city.name}: ${param.label}`, { early });

  const socialBase = toFen(use(city.socialBase, 'socialBase'));
  const medicalBase = city.medicalBase ? toFen(use(city.medicalBase, 'medicalBase')) : socialBase;
  const unemploymentBase = city.unemploymentBase ? toFen(use(city.unemploymentBase, 'unemploymentBase')) : socialBase;
  const employeeRates = input.insurance === undefined ? use(city.employeeRates, 'employeeRates') : null;
  const { maternity = 0, ...employerRates } = use(city.employerRates, 'employerRates');
  const employee = employeeRates && { ...employeeRates, medicalAddOn: yuanToFen(employeeRates.medicalAddOn ?? 0) };
  const employer = { ...employerRates, maternity };
  if (input.medicalTier === 2) {
    if (!city.medicalTier2) {
      throw new UsageError(m('e:medical-tier', { city: { en: city.name, zh: city.nameZh } }), m('hint:medical-tier'));
    }
    const tier = use(city.medicalTier2, 'medicalTier2');
    if (employee) employee.medical = tier.employee;
    employer.medical = tier.employer;
    employer.maternity = tier.maternity ?? 0;
  }
  return {
    id,
    name: city.name,
    nameZh: city.nameZh,
    rentTier: city.rentTier,
    socialBase,
    medicalBase,
    unemploymentBase,
    housingFundBase: toFen(use(city.housingFundBase, 'housingFundBase')),
    employee,
    employer,
    housingFundRate: chooseHousingFundRate(input, city, use),
    supplementaryFundRate: chooseSupplementaryRate(input, city, use),
    minimumWage: resolveMinimumWage(city, use),
    rounding: city.rounding,
  };
}

type Use = <T>(param: Dated<T>, key: string, early?: boolean) => T;

function chooseHousingFundRate(input: MonthFields, city: CityLaw, use: Use): number {
  const range = use(city.housingFundRates, 'housingFundRates');
  if (input.housingFundRate === undefined) return use(city.housingFundDefaultRate, 'housingFundDefaultRate');
  const rate = input.housingFundRate;
  // 1e-9: a percent typed on the command line (12 → 0.12) must not fail on float noise.
  if (rate < range.low - 1e-9 || rate > range.high + 1e-9) {
    throw new UsageError(
      m('e:fund-rate', { rate: percent(rate), city: { en: city.name, zh: city.nameZh }, low: percent(range.low), high: percent(range.high) }),
      m('hint:rate-range', { low: percent(range.low), high: percent(range.high) }),
    );
  }
  return rate;
}

function chooseSupplementaryRate(input: MonthFields, city: CityLaw, use: Use): number {
  const rate = input.supplementaryFundRate;
  if (rate === undefined || rate === 0) return 0;
  if (!city.supplementaryFundRates) {
    throw new UsageError(m('e:no-supplementary', { city: { en: city.name, zh: city.nameZh } }), m('hint:no-supplementary'));
  }
  const range = use(city.supplementaryFundRates, 'supplementaryFundRates');
  if (rate < range.low - 1e-9 || rate > range.high + 1e-9) {
    throw new UsageError(
      m('e:supplementary-rate', { rate: percent(rate), city: { en: city.name, zh: city.nameZh }, low: percent(range.low), high: percent(range.high) }),
      m('hint:rate-range', { low: percent(range.low), high: percent(range.high) }),
    );
  }
  return rate;
}

function resolveMinimumWage(city: CityLaw, use: Use): CityRules['minimumWage'] {
  // The minimum wage only feeds a warning; before the first one on file the
  // check is skipped (a later, higher figure would warn wrongly).
  try {
    const mw = use(city.minimumWage, 'minimumWage', false);
    return { amount: yuanToFen(mw.amount), excludesEmployeeContributions: mw.excludesEmployeeContributions ?? false };
  } catch (err) {
    if (err instanceof NoRuleError) return null;
    throw err;
  }
}

function toFen(range: { floor: number; ceiling: number }): BaseRange {
  return { floor: yuanToFen(range.floor), ceiling: yuanToFen(range.ceiling) };
}

function percent(rate: number): string {
  return `${Number((rate * 100).toFixed(4))}%`;
}
