/**
 * Resolve every law figure a payroll needs on one date, in fen, and record
 * where each came from. Figures are looked up only when the input uses them,
 * so the provenance lists exactly what the result leans on.
 */
import { m, NoRuleError, UsageError } from '../errors.js';
import { valueAt, type Dated } from '../model/lookup.js';
import type { CityId, Law } from '../model/law-schema.js';
import { fenToYuan, roundFen, yuanToFen, type Fen } from '../money.js';
import { resolveCityRules, type CityRules } from './city-rules.js';
import { toFenTable, type Bracket } from './tax-table.js';
import type { Lookup, MonthFields, PayrollInput, Provenance } from './types.js';

export type { Lookup } from './types.js';

export type { CityRules } from './city-rules.js';

export interface TaxRules {
  annualTable: Bracket[];
  basicDeduction: Fen;
  /** Housing fund tax-free cap as a fraction of its base; null when no city computation needs it. */
  housingFundTaxFreeRate: number | null;
  /** Special additional deductions a month: itemised ones (a degree's continuing education included) plus `deduction`. */
  specialDeduction: Fen;
  /** A certificate's continuing-education deduction, taken once (0 when not claimed). */
  certificate: Fen;
  /** Tax-preferred health insurance deductible this month (capped). */
  healthInsurance: Fen;
  /** The annuity's deductible share of the base; null when no annuity is paid. */
  annuityCapRate: number | null;
  /** The monthly table for a bonus taxed apart; null when there is no bonus or the rule has ended. */
  bonusTable: Bracket[] | null;
  /** Monthly pay ÷ this = daily pay (unpaid leave); null when unused. */
  payDayDivisor: number | null;
}

export interface Rules {
  tax: TaxRules;
  city: CityRules | null;
}

export function createLookup(date: string): Lookup {
  const provenance: Provenance[] = [];
  return {
    date,
    provenance,
    use(param, id, label, options) {
      const named = label ? { ...param, label } : param;
      const first = param.values[0];
      const early = options?.early === true && first !== undefined && date < first.from;
      const r = valueAt(named, early ? first.from : date, id);
      const entry: Provenance = { id, label: r.label, value: r.value, unit: r.unit, from: r.from, confidence: r.confidence, ref: r.ref, stale: r.stale };
      if (r.until !== undefined) entry.until = r.until;
      if (r.url !== undefined) entry.url = r.url;
      if (r.note !== undefined) entry.note = r.note;
      if (early) entry.early = true;
      if (r.source !== undefined) entry.source = r.source;
      provenance.push(entry);
      return r.value;
    },
  };
}

/** Every figure one month needs, looked up on `date` (the month's first day). */
type RuleFlags = { bonus?: Fen; bonusTax?: string; lastMonth?: boolean };
type Resolution = { rules: Rules; provenance: Provenance[] };

/**
 * Resolved rules depend only on the law, the day and a few inputs, and a year
 * asks for the same ones month after month (a batch, line after line), so they
 * are kept per law object. The results are never mutated by their users.
 */
const resolved = new WeakMap<Law, Map<string, Resolution>>();
const MAX_CACHED = 5000;

export function resolveRules(input: PayrollInput | MonthFields, law: Law, date: string, flags: RuleFlags = {}): Resolution {
  const key = [
    date, input.city, input.insurance === undefined, input.housingFundRate, input.supplementaryFundRate, input.medicalTier,
    input.children, input.infants, input.elderly, input.rent, input.mortgage, input.deduction, input.continuingEducation,
    input.childShare, input.elderlyShare, input.mortgageShare,
    input.healthInsurance, input.annuity, Boolean(input.unpaidDays), Boolean(flags.bonus), flags.bonusTax, flags.lastMonth,
  ].join('|');
  let byKey = resolved.get(law);
  if (!byKey) resolved.set(law, (byKey = new Map()));
  let hit = byKey.get(key);
  if (!hit) {
    hit = resolveRulesNow(input, law, date, flags);
    hit.rules = sameRules(hit.rules);
    if (byKey.size >= MAX_CACHED) byKey.clear();
    byKey.set(key, hit);
  }
  return hit;
}

/**
 * Months whose figures are the same (January to June, mostly) get the same Rules
 * object, so the payroll can work such months out once (payroll.ts keys its
 * insurance by it). Rules are compared by value, once per cache entry.
 */
const byValue = new Map<string, Rules>();

function sameRules(rules: Rules): Rules {
  const key = JSON.stringify(rules, (_, v) => (v === Infinity ? 'Infinity' : v));
  const kept = byValue.get(key);
  if (kept) return kept;
  if (byValue.size >= MAX_CACHED) byValue.clear();
  byValue.set(key, rules);
  return rules;
}

function resolveRulesNow(input: PayrollInput | MonthFields, law: Law, date: string, flags: RuleFlags): Resolution {
  const lookup = createLookup(date);
  const tax = law.tax;
  // The income-tax figures come first, so a date before 2019 is refused with their start date.
  const annualTable = toFenTable(lookup.use(tax.annualTable, 'tax.annualTable'));
  const basicDeduction = yuanToFen(lookup.use(tax.basicDeduction, 'tax.basicDeduction'));
  const city = input.city === undefined ? null : resolveCityRules(input, law, lookup);
  const housingFundTaxFreeRate = city && input.insurance === undefined ? lookup.use(tax.housingFundTaxFreeRate, 'tax.housingFundTaxFreeRate') : null;
  const specialDeduction = resolveSpecialDeduction(input, law, lookup);
  const other = tax.otherDeductions;
  const certificate = input.continuingEducation === 'certificate' && flags.lastMonth
    ? yuanToFen(lookup.use(tax.specialDeductions.continuingEducation, 'tax.specialDeductions.continuingEducation').certificateOnce)
    : 0;
  const healthInsurance = input.healthInsurance
    ? Math.min(input.healthInsurance, yuanToFen(lookup.use(other.healthInsuranceMonthly, 'tax.otherDeductions.healthInsuranceMonthly')))
    : 0;
  const annuityCapRate = input.annuity ? lookup.use(other.annuityRate, 'tax.otherDeductions.annuityRate') : null;
  const bonusTable = flags.bonus ? resolveBonusTable(flags.bonusTax, law, lookup) : null;
  const payDayDivisor = input.unpaidDays ? lookup.use(tax.payDivisors, 'tax.payDivisors').day : null;
  return {
    rules: { tax: { annualTable, basicDeduction, housingFundTaxFreeRate, specialDeduction, certificate, healthInsurance, annuityCapRate, bonusTable, payDayDivisor }, city },
    provenance: lookup.provenance,
  };
}

function resolveSpecialDeduction(input: MonthFields, law: Law, lookup: Lookup): Fen {
  const d = law.tax.specialDeductions;
  let fen = 0;
  const amount = (yuan: number) => yuanToFen(yuan);
  // A share given is checked even with nothing to share yet (a later month may add a child).
  if (input.children || input.infants || input.childShare !== undefined) {
    const share = chooseShare(input.childShare, lookup.use(d.childShares, 'tax.specialDeductions.childShares'), '--child-share');
    if (input.children) fen += roundFen(input.children * amount(lookup.use(d.children, 'tax.specialDeductions.children')) * share);
    if (input.infants) fen += roundFen(input.infants * amount(lookup.use(d.infants, 'tax.specialDeductions.infants')) * share);
  }
  if (input.elderly === 'only-child') fen += amount(lookup.use(d.elderlyOnlyChild, 'tax.specialDeductions.elderlyOnlyChild'));
  if (input.elderly === 'shared') {
    const most = amount(lookup.use(d.elderlyShared, 'tax.specialDeductions.elderlyShared'));
    if (input.elderlyShare !== undefined && input.elderlyShare > most) {
      throw new UsageError(m('e:elderly-share', { raw: fenToYuan(input.elderlyShare), most: fenToYuan(most) }), m('hint:elderly-share', { most: fenToYuan(most) }));
    }
    fen += input.elderlyShare ?? most;
  }
  if (input.mortgage || input.mortgageShare !== undefined) {
    const share = chooseShare(input.mortgageShare, lookup.use(d.mortgageShares, 'tax.specialDeductions.mortgageShares'), '--mortgage-share');
    if (input.mortgage) fen += roundFen(amount(lookup.use(d.mortgage, 'tax.specialDeductions.mortgage')) * share);
  }
  // checkInput refuses rent without a city.
  if (input.rent && input.city !== undefined) fen += amount(lookup.use(d.rent, 'tax.specialDeductions.rent')[law.cities[input.city as CityId].rentTier]);
  if (input.continuingEducation === 'degree') {
    fen += amount(lookup.use(d.continuingEducation, 'tax.specialDeductions.continuingEducation').degreeMonthly);
  }
  return fen + (input.deduction ?? 0);
}

/** A share (percent) among the ones the law allows (100 alone, 50 each); default the first. */
function chooseShare(share: number | undefined, allowed: readonly number[], flag: string): number {
  if (share === undefined) return allowed[0] / 100;
  if (!allowed.includes(share)) {
    throw new UsageError(m('e:share', { flag, raw: share, choices: allowed.join(' or ') }), m('hint:share', { flag }));
  }
  return share / 100;
}

/**
 * The special deductions of a month in which no employer of ours withholds (before
 * the start month): they still count at the reconciliation when their condition
 * holds that month (国发〔2018〕41号). Cached like the months' rules.
 */
const specialKept = new WeakMap<Law, Map<string, { fen: Fen; provenance: Provenance[] }>>();

export function specialDeductionOf(input: MonthFields, law: Law, date: string, lastMonth: boolean): { fen: Fen; provenance: Provenance[] } {
  const key = [
    date, input.city, input.children, input.infants, input.childShare, input.elderly, input.elderlyShare, input.rent, input.mortgage,
    input.mortgageShare, input.deduction, input.continuingEducation, lastMonth,
  ].join('|');
  let byKey = specialKept.get(law);
  if (!byKey) specialKept.set(law, (byKey = new Map()));
  let hit = byKey.get(key);
  if (!hit) {
    const lookup = createLookup(date);
    let fen = resolveSpecialDeduction(input, law, lookup);
    if (input.continuingEducation === 'certificate' && lastMonth) {
      fen += yuanToFen(lookup.use(law.tax.specialDeductions.continuingEducation, 'tax.specialDeductions.continuingEducation').certificateOnce);
    }
    hit = { fen, provenance: lookup.provenance };
    if (byKey.size >= MAX_CACHED) byKey.clear();
    byKey.set(key, hit);
  }
  return hit;
}

function resolveBonusTable(choice: string | undefined, law: Law, lookup: Lookup): Bracket[] | null {
  // The table's `until` is the end of the separate-taxation rule itself, not a
  // period that might be renewed: past it, the bonus is merged (never "stale").
  const resolved = valueAt(law.tax.bonusTable, lookup.date, 'tax.bonusTable');
  if (!resolved.stale) return toFenTable(lookup.use(law.tax.bonusTable, 'tax.bonusTable'));
  if (choice === 'separate') {
    throw new NoRuleError(
      `Separate taxation of the year-end bonus ended on ${resolved.until}; on ${lookup.date} the bonus is merged into annual income.`,
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
