/**
 * A city's social-insurance, housing-fund and minimum-wage figures on a date,
 * converted to fen, with the housing-fund rate chosen (the input's, checked
 * against the city's range, or the city's assumed default).
 */
import { NoRuleError, UsageError } from '../errors.js';
import type { Dated } from '../model/dated.js';
import type { CityId, CityLaw, Law, RentTier } from '../model/law-schema.js';
import { yuanToFen, type Fen, type RoundingMode, type RoundingUnit } from '../money.js';
import type { Lookup } from './rules.js';
import type { PayrollInput } from './types.js';

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
  rentTier: RentTier;
  /** Pension, unemployment, work injury. */
  socialBase: BaseRange;
  medicalBase: BaseRange;
  housingFundBase: BaseRange;
  /** Null when the input replaces the employee side with one `insurance` sum. */
  employee: { pension: number; medical: number; unemployment: number; medicalAddOn: Fen } | null;
  employer: { pension: number; medical: number; unemployment: number; injury: number };
  housingFundRate: number;
  /** Null when no minimum wage is on file for the date (the check is then skipped). */
  minimumWage: { amount: Fen; excludesEmployeeContributions: boolean } | null;
  rounding: { socialInsurance: Rounding; housingFund: Rounding };
}

export function resolveCityRules(input: PayrollInput, law: Law, lookup: Lookup): CityRules {
  const id = input.city as CityId;
  const city = law.cities[id];
  const use: Use = (param, key) => lookup.use(param, `cities.${id}.${key}`, `${city.name}: ${param.label}`);

  const socialBase = toFen(use(city.socialBase, 'socialBase'));
  const medicalBase = city.medicalBase ? toFen(use(city.medicalBase, 'medicalBase')) : socialBase;
  const employee = input.insurance === undefined ? use(city.employeeRates, 'employeeRates') : null;
  return {
    id,
    name: city.name,
    rentTier: city.rentTier,
    socialBase,
    medicalBase,
    housingFundBase: toFen(use(city.housingFundBase, 'housingFundBase')),
    employee: employee && { ...employee, medicalAddOn: yuanToFen(employee.medicalAddOn ?? 0) },
    employer: use(city.employerRates, 'employerRates'),
    housingFundRate: chooseHousingFundRate(input, city, use),
    minimumWage: resolveMinimumWage(city, use),
    rounding: city.rounding,
  };
}

type Use = <T>(param: Dated<T>, key: string) => T;

function chooseHousingFundRate(input: PayrollInput, city: CityLaw, use: Use): number {
  const range = use(city.housingFundRates, 'housingFundRates');
  if (input.housingFundRate === undefined) return use(city.housingFundDefaultRate, 'housingFundDefaultRate');
  const rate = input.housingFundRate;
  // 1e-9: a percent typed on the command line (12 → 0.12) must not fail on float noise.
  if (rate < range.low - 1e-9 || rate > range.high + 1e-9) {
    throw new UsageError(
      `A housing-fund rate of ${percent(rate)} is outside ${city.name}'s range of ${percent(range.low)} to ${percent(range.high)}.`,
      `Pick a rate from ${percent(range.low)} to ${percent(range.high)}.`,
    );
  }
  return rate;
}

function resolveMinimumWage(city: CityLaw, use: Use): CityRules['minimumWage'] {
  // The minimum wage only feeds a warning; before the first one on file the
  // check is skipped rather than refusing the whole payroll.
  try {
    const mw = use(city.minimumWage, 'minimumWage');
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
