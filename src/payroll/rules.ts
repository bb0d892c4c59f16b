/**
 * Resolve every law figure a payroll needs on one date, in fen, and record
 * where each came from. Figures are looked up only when the input uses them,
 * so the provenance lists exactly what the result leans on.
 */
import { NoRuleError } from '../errors.js';
import { valueAt, type Dated } from '../model/lookup.js';
import type { Law } from '../model/law-schema.js';
import { yuanToFen, type Fen } from '../money.js';
import { resolveCityRules, type CityRules } from './city-rules.js';
import { toFenTable, type Bracket } from './tax-table.js';
import type { PayrollInput, Provenance } from './types.js';

export type { CityRules } from './city-rules.js';

export interface TaxRules {
  annualTable: Bracket[];
  basicDeduction: Fen;
  /** Housing fund tax-free cap as a fraction of its base; null when no city computation needs it. */
  housingFundTaxFreeRate: number | null;
  /** Special additional deductions a month, itemised ones plus `deduction`. */
  specialDeduction: Fen;
  /** The monthly table for a bonus taxed apart; null when there is no bonus or the rule has ended. */
  bonusTable: Bracket[] | null;
}

export interface Rules {
  tax: TaxRules;
  city: CityRules | null;
}

/** Looks values up on one date and keeps their provenance. */
export interface Lookup {
  date: string;
  use<T>(param: Dated<T>, id: string, label?: string): T;
  provenance: Provenance[];
}

export function createLookup(date: string): Lookup {
  const provenance: Provenance[] = [];
  return {
    date,
    provenance,
    use(param, id, label) {
      const r = valueAt(label ? { ...param, label } : param, date, id);
      const entry: Provenance = { id, label: r.label, value: r.value, unit: r.unit, from: r.from, confidence: r.confidence, ref: r.ref, stale: r.stale };
      if (r.until !== undefined) entry.until = r.until;
      if (r.note !== undefined) entry.note = r.note;
      provenance.push(entry);
      return r.value;
    },
  };
}

export function resolveRules(input: PayrollInput, law: Law): { rules: Rules; provenance: Provenance[] } {
  const lookup = createLookup(input.date);
  const tax = law.tax;
  // The income-tax figures come first, so a date before 2019 is refused with their start date.
  const annualTable = toFenTable(lookup.use(tax.annualTable, 'tax.annualTable'));
  const basicDeduction = yuanToFen(lookup.use(tax.basicDeduction, 'tax.basicDeduction'));
  const city = input.city === undefined ? null : resolveCityRules(input, law, lookup);
  const housingFundTaxFreeRate = city && input.insurance === undefined ? lookup.use(tax.housingFundTaxFreeRate, 'tax.housingFundTaxFreeRate') : null;
  const specialDeduction = resolveSpecialDeduction(input, law, lookup, city);
  const bonusTable = resolveBonusTable(input, law, lookup);
  return {
    rules: { tax: { annualTable, basicDeduction, housingFundTaxFreeRate, specialDeduction, bonusTable }, city },
    provenance: lookup.provenance,
  };
}

function resolveSpecialDeduction(input: PayrollInput, law: Law, lookup: Lookup, city: CityRules | null): Fen {
  const d = law.tax.specialDeductions;
  let yuan = 0;
  if (input.children) yuan += input.children * lookup.use(d.children, 'tax.specialDeductions.children');
  if (input.infants) yuan += input.infants * lookup.use(d.infants, 'tax.specialDeductions.infants');
  if (input.elderly === 'only-child') yuan += lookup.use(d.elderlyOnlyChild, 'tax.specialDeductions.elderlyOnlyChild');
  if (input.elderly === 'shared') yuan += lookup.use(d.elderlyShared, 'tax.specialDeductions.elderlyShared');
  if (input.mortgage) yuan += lookup.use(d.mortgage, 'tax.specialDeductions.mortgage');
  // checkInput refuses rent without a city.
  if (input.rent && city) yuan += lookup.use(d.rent, 'tax.specialDeductions.rent')[city.rentTier];
  return yuanToFen(yuan) + (input.deduction ?? 0);
}

function resolveBonusTable(input: PayrollInput, law: Law, lookup: Lookup): Bracket[] | null {
  if (!input.bonus) return null;
  // The table's `until` is the end of the separate-taxation rule itself, not a
  // period that might be renewed: past it, the bonus is merged (never "stale").
  const resolved = valueAt(law.tax.bonusTable, input.date, 'tax.bonusTable');
  if (!resolved.stale) return toFenTable(lookup.use(law.tax.bonusTable, 'tax.bonusTable'));
  if (input.bonusTax === 'separate') {
    throw new NoRuleError(
      `Separate taxation of the year-end bonus ended on ${resolved.until}; on ${input.date} the bonus is merged into annual income.`,
      'Use --bonus-tax merged (or auto).',
    );
  }
  return null;
}

/** Overtime figures for the pay module (Labor Law Art. 41 and 44, 劳社部发〔2008〕3号). */
export interface OvertimeRules {
  /** Monthly pay ÷ this = hourly pay. */
  hoursPerMonth: number;
  weekday: number;
  restDay: number;
  holiday: number;
  /** Overtime hours allowed a month. */
  monthlyCap: number;
  source: string;
  provenance: Provenance[];
}

export function overtimeRules(law: Law, date: string): OvertimeRules {
  const lookup = createLookup(date);
  const multipliers = lookup.use(law.tax.overtimeMultipliers, 'tax.overtimeMultipliers');
  const divisors = lookup.use(law.tax.payDivisors, 'tax.payDivisors');
  const monthlyCap = lookup.use(law.tax.overtimeMonthlyCap, 'tax.overtimeMonthlyCap');
  return {
    hoursPerMonth: divisors.hour,
    ...multipliers,
    monthlyCap,
    source: lookup.provenance.map((p) => p.ref).join('; '),
    provenance: lookup.provenance,
  };
}
