/**
 * A city's social-insurance, housing-fund and minimum-wage figures on a date,
 * converted to fen, with the housing-fund rate chosen (the input's, checked
 * against the city's range, or the city's assumed default).
 */
import { m, NoRuleError, UsageError } from '../errors.js';
import type { Dated } from '../model/dated.js';
import type { CityLaw, Law, RentTier } from '../model/law-schema.js';
import { roundFen, yuanToFen, type Fen, type RoundingMode, type RoundingUnit } from '../money.js';
import type { Lookup, MonthFields } from './types.js';

export interface BaseRange {
  floor: Fen;
  ceiling: Fen;
}

export interface Rounding {
  unit: RoundingUnit;
  mode: RoundingMode;
}

/** Fixed charges a month, in fen, by the line they show in. */
export interface FixedCharges {
  medical: Fen;
  longTermCare: Fen;
}

export interface CityRules {
  id: string;
  name: string;
  nameZh: string;
  rentTier: RentTier;
  /** Pension and work injury. */
  socialBase: BaseRange;
  /** Medical and maternity (and long-term care). */
  medicalBase: BaseRange;
  unemploymentBase: BaseRange;
  /** Work injury: the social base unless the city sets it apart (Fujian). */
  injuryBase: BaseRange;
  /** Null when the city's injury base is the social base (the JSON then shows no base of its own). */
  injuryBaseApart: boolean;
  housingFundBase: BaseRange;
  /** Null when the input replaces the employee side with one `insurance` sum. `fixed`: charges a month in fen. */
  employee: { pension: number; medical: number; unemployment: number; longTermCare: number; fixed: FixedCharges } | null;
  /** maternity is 0 where the city folds it into medical. */
  employer: { pension: number; medical: number; maternity: number; unemployment: number; injury: number; longTermCare: number; fixed: FixedCharges };
  /** The city levies long-term-care insurance as its own line (a rate or a fixed charge, either side). */
  longTermCare: boolean;
  housingFundRate: number;
  /** Shanghai's supplementary housing fund; 0 when none is chosen. */
  supplementaryFundRate: number;
  /** Null when no minimum wage is on file for the date (the check is then skipped). */
  minimumWage: { amount: Fen; excludesEmployeeContributions: boolean } | null;
  rounding: { socialInsurance: Rounding; housingFund: Rounding };
}

export function resolveCityRules(input: MonthFields, law: Law, lookup: Lookup): CityRules {
  const id = input.city as string;
  const city = law.cities[id];
  // A month before the first figure on file uses the earliest one (flagged `early`, warned as estimated-data).
  const use: Use = (param, key, early = true) => lookup.use(param, `cities.${id}.${key}`, `${city.name}: ${param.label}`, { early });

  const socialBase = toFen(use(city.socialBase, 'socialBase'));
  const medicalBase = city.medicalBase ? toFen(use(city.medicalBase, 'medicalBase')) : socialBase;
  const unemploymentBase = city.unemploymentBase ? toFen(use(city.unemploymentBase, 'unemploymentBase')) : socialBase;
  const injuryBase = city.injuryBase ? toFen(use(city.injuryBase, 'injuryBase')) : socialBase;
  const employeeRates = input.insurance === undefined ? use(city.employeeRates, 'employeeRates') : null;
  const { maternity = 0, longTermCare: employerCare = 0, ...employerRates } = use(city.employerRates, 'employerRates');
  const fixed = resolveFixedCharges(city, use, employeeRates !== null);
  const employee = employeeRates && {
    pension: employeeRates.pension,
    medical: employeeRates.medical,
    unemployment: employeeRates.unemployment,
    longTermCare: employeeRates.longTermCare ?? 0,
    // The old monthly add-on is a fixed employee medical charge like any other.
    fixed: { ...fixed.employee, medical: fixed.employee.medical + yuanToFen(employeeRates.medicalAddOn ?? 0) },
  };
  const employer = { ...employerRates, maternity, longTermCare: employerCare, fixed: fixed.employer };
  if (input.medicalTier !== undefined && input.medicalTier !== 1) {
    const tiers = city.medicalTiers ? use(city.medicalTiers, 'medicalTiers') : {};
    const tier = Object.hasOwn(tiers, String(input.medicalTier)) ? tiers[String(input.medicalTier)] : undefined;
    if (!tier) {
      const offered = ['1', ...Object.keys(tiers)].join(', ');
      throw new UsageError(
        m('e:medical-tier', { city: { en: city.name, zh: city.nameZh }, tier: input.medicalTier, tiers: offered }),
        m('hint:medical-tier', { tiers: offered }),
      );
    }
    if (employee) employee.medical = tier.employee;
    employer.medical = tier.employer;
    employer.maternity = tier.maternity ?? 0;
  }
  const longTermCare = Boolean(employee?.longTermCare || employer.longTermCare || fixed.employee.longTermCare || fixed.employer.longTermCare || fixed.levied);
  return {
    id,
    name: city.name,
    nameZh: city.nameZh,
    rentTier: city.rentTier,
    socialBase,
    medicalBase,
    unemploymentBase,
    injuryBase,
    injuryBaseApart: city.injuryBase !== undefined,
    housingFundBase: toFen(use(city.housingFundBase, 'housingFundBase')),
    employee,
    employer,
    longTermCare,
    housingFundRate: chooseHousingFundRate(input, city, use),
    supplementaryFundRate: chooseSupplementaryRate(input, city, use),
    minimumWage: resolveMinimumWage(city, use),
    rounding: city.rounding,
  };
}

/**
 * The city's fixed charges in force, a month, in fen, per side and line. A yearly
 * amount is charged as amount ÷ 12 rounded to the fen (CONTRACT "Cities": Tianjin
 * 260 → 21.67). Employee charges are skipped when one `insurance` sum replaces the
 * employee side. A charge not yet in force is left out (not carried back).
 */
function resolveFixedCharges(city: CityLaw, use: Use, employeeSide: boolean) {
  const employee: FixedCharges = { medical: 0, longTermCare: 0 };
  const employer: FixedCharges = { medical: 0, longTermCare: 0 };
  let levied = false;
  for (const [name, param] of Object.entries(city.fixedCharges ?? {})) {
    const side = param.values[0].value.side;
    if (side === 'employee' && !employeeSide) continue;
    let charge;
    try {
      charge = use(param, `fixedCharges.${name}`, false);
    } catch (err) {
      if (err instanceof NoRuleError) continue;
      throw err;
    }
    const fen = charge.per === 'year' ? roundFen(yuanToFen(charge.amount) / 12) : yuanToFen(charge.amount);
    (charge.side === 'employee' ? employee : employer)[charge.line] += fen;
    if (charge.line === 'longTermCare') levied = true;
  }
  return { employee, employer, levied };
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

/** A base with no ceiling (Hebei's medical base) has an infinite one. */
function toFen(range: { floor: number; ceiling: number | null }): BaseRange {
  return { floor: yuanToFen(range.floor), ceiling: range.ceiling === null ? Infinity : yuanToFen(range.ceiling) };
}

function percent(rate: number): string {
  return `${Number((rate * 100).toFixed(4))}%`;
}
