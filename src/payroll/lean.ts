/**
 * The year of a plain wage, lean: a batch asks for a few numbers of thousands of
 * years that differ only in the gross. The rules of the twelve months are
 * compiled once into flat numbers in fen (bases, rates, rounding, fixed charges,
 * the tax table), and a year is then twelve months of plain arithmetic: no month
 * objects, provenance or warnings. It covers one employer all year, the same
 * wage every month, no bonus, no unpaid leave, tax-free pay, annuity or private
 * pension, and a city computation; anything else is computePayroll's, which
 * stays the reference (test/lean.test.ts compares both).
 *
 * The arithmetic is computeInsurance's and withholdTax's, step by step in the
 * same order, so every figure rounds the same way.
 */
import { roundFen, type Fen, type RoundingMode, type RoundingUnit } from '../money.js';
import type { Rules } from './rules.js';
import type { InsuranceResult } from './types.js';

/** One distinct month's rules, flat. */
interface Flat {
  socialFloor: Fen; socialCeiling: Fen;
  medicalFloor: Fen; medicalCeiling: Fen;
  unemploymentFloor: Fen; unemploymentCeiling: Fen;
  fundFloor: Fen; fundCeiling: Fen;
  injuryApart: boolean; injuryFloor: Fen; injuryCeiling: Fen;
  siUnit: RoundingUnit; siMode: RoundingMode;
  hfUnit: RoundingUnit; hfMode: RoundingMode;
  fundRate: number; supplementaryRate: number; taxFreeRate: number | null;
  care: boolean;
  ee: { pension: number; medical: number; unemployment: number; longTermCare: number; fixedMedical: Fen; fixedCare: Fen };
  er: { pension: number; medical: number; maternity: number; unemployment: number; injury: number; longTermCare: number; fixedMedical: Fen; fixedCare: Fen };
  /** Monthly deductions besides insurance: special and certificate (the reconciliation's special), health insurance (its other). */
  special: Fen;
  other: Fen;
  basicDeduction: Fen;
  /** The annual table as parallel arrays (upTo Infinity for the open bracket). */
  upTo: number[]; rate: number[]; quick: Fen[];
}

/** A year's rules compiled: twelve months pointing at their distinct flat rules. */
export interface LeanYear {
  flats: Flat[];
  /** The flat index of each month (0-11). */
  monthOf: number[];
}

/** What a lean year yields, in fen. */
export interface LeanResult {
  wages: Fen;
  firstMonth: Fen;
  average: Fen;
  gross: Fen;
  incomeTax: Fen;
  insurance: Fen;
  net: Fen;
  employerCost: Fen;
}

/** The year's twelve months of rules (as computePayroll resolves them for a plain wage), or null when a month needs more than the lean year covers. */
export function compileYear(months: readonly Rules[]): LeanYear | null {
  if (months.length !== 12) return null;
  const seen = new Map<Rules, number>();
  const flats: Flat[] = [];
  const monthOf: number[] = [];
  for (const rules of months) {
    let at = seen.get(rules);
    if (at === undefined) {
      const flat = flatten(rules);
      if (!flat) return null;
      seen.set(rules, (at = flats.length));
      flats.push(flat);
    }
    monthOf.push(at);
  }
  return { flats, monthOf };
}

function flatten({ tax, city }: Rules): Flat | null {
  if (!city || !city.employee || tax.annuityCapRate !== null) return null;
  const ee = city.employee;
  const er = city.employer;
  return {
    socialFloor: city.socialBase.floor, socialCeiling: city.socialBase.ceiling,
    medicalFloor: city.medicalBase.floor, medicalCeiling: city.medicalBase.ceiling,
    unemploymentFloor: city.unemploymentBase.floor, unemploymentCeiling: city.unemploymentBase.ceiling,
    fundFloor: city.housingFundBase.floor, fundCeiling: city.housingFundBase.ceiling,
    injuryApart: city.injuryBaseApart, injuryFloor: city.injuryBase.floor, injuryCeiling: city.injuryBase.ceiling,
    siUnit: city.rounding.socialInsurance.unit, siMode: city.rounding.socialInsurance.mode,
    hfUnit: city.rounding.housingFund.unit, hfMode: city.rounding.housingFund.mode,
    fundRate: city.housingFundRate, supplementaryRate: city.supplementaryFundRate, taxFreeRate: tax.housingFundTaxFreeRate,
    care: city.longTermCare,
    ee: { pension: ee.pension, medical: ee.medical, unemployment: ee.unemployment, longTermCare: ee.longTermCare, fixedMedical: ee.fixed.medical, fixedCare: ee.fixed.longTermCare },
    er: {
      pension: er.pension, medical: er.medical, maternity: er.maternity, unemployment: er.unemployment, injury: er.injury, longTermCare: er.longTermCare,
      fixedMedical: er.fixed.medical, fixedCare: er.fixed.longTermCare,
    },
    special: tax.specialDeduction + tax.certificate,
    other: tax.healthInsurance,
    basicDeduction: tax.basicDeduction,
    upTo: tax.annualTable.map((b) => (b.upTo === null ? Infinity : b.upTo)),
    rate: tax.annualTable.map((b) => b.rate),
    quick: tax.annualTable.map((b) => b.quickDeduction),
  };
}

const clamp = (v: Fen, low: Fen, high: Fen) => Math.min(Math.max(v, low), high);

// Per distinct month of one year: filled by insure(), read by the month loop (one year at a time, never re-entered).
let eeTotal = 0;
let erTotal = 0;
let deductible = 0;
let taxableExcess = 0;
/** The last insure()'s parts, for leanInsurance. */
const parts = {
  social: 0, medical: 0, unemployment: 0, fundBase: 0, injury: 0, fund: 0, supplementary: 0,
  erPension: 0, erMedical: 0, erUnemployment: 0, erInjury: 0, erCare: 0,
  eePension: 0, eeMedical: 0, eeUnemployment: 0, eeCare: 0,
};

/** computeInsurance for a declared base `w`, no social base, annuity or insurance sum given: the four sums the year needs. */
function insure(f: Flat, w: Fen): void {
  const p = parts;
  const social = (p.social = clamp(w, f.socialFloor, f.socialCeiling));
  const medical = (p.medical = clamp(w, f.medicalFloor, f.medicalCeiling));
  const unemployment = (p.unemployment = clamp(w, f.unemploymentFloor, f.unemploymentCeiling));
  const fundBase = (p.fundBase = clamp(w, f.fundFloor, f.fundCeiling));
  const injury = (p.injury = f.injuryApart ? clamp(w, f.injuryFloor, f.injuryCeiling) : social);
  const su = f.siUnit;
  const sm = f.siMode;
  const fund = (p.fund = roundFen(fundBase * f.fundRate, f.hfUnit, f.hfMode));
  const supplementary = (p.supplementary = f.supplementaryRate > 0 ? roundFen(fundBase * f.supplementaryRate, f.hfUnit, f.hfMode) : 0);
  const er = f.er;
  p.erPension = roundFen(social * er.pension, su, sm);
  p.erMedical = roundFen(medical * er.medical, su, sm) + (er.maternity > 0 ? roundFen(medical * er.maternity, su, sm) : 0) + er.fixedMedical;
  p.erUnemployment = roundFen(unemployment * er.unemployment, su, sm);
  p.erInjury = roundFen(injury * er.injury, su, sm);
  p.erCare = f.care ? (er.longTermCare > 0 ? roundFen(medical * er.longTermCare, su, sm) : 0) + er.fixedCare : 0;
  const cap = f.taxFreeRate === null ? Infinity : roundFen(fundBase * f.taxFreeRate, f.hfUnit, f.hfMode);
  const funds = fund + supplementary;
  const ee = f.ee;
  p.eePension = roundFen(social * ee.pension, su, sm);
  p.eeMedical = roundFen(medical * ee.medical, su, sm) + ee.fixedMedical;
  p.eeUnemployment = roundFen(unemployment * ee.unemployment, su, sm);
  p.eeCare = f.care ? (ee.longTermCare > 0 ? roundFen(medical * ee.longTermCare, su, sm) : 0) + ee.fixedCare : 0;
  eeTotal = p.eePension + p.eeMedical + p.eeUnemployment + p.eeCare + funds;
  erTotal = p.erPension + p.erMedical + p.erUnemployment + p.erInjury + p.erCare + funds;
  taxableExcess = Math.max(0, funds - cap);
  deductible = eeTotal - funds + Math.min(funds, cap);
}

/** computeInsurance's result for month `month` (0–11) of a lean year, at monthly wages `wages`. */
export function leanInsurance(year: LeanYear, month: number, wages: Fen): InsuranceResult {
  const f = year.flats[year.monthOf[month]];
  insure(f, wages);
  const p = parts;
  const base = f.injuryApart
    ? { social: p.social, medical: p.medical, unemployment: p.unemployment, housingFund: p.fundBase, injury: p.injury }
    : { social: p.social, medical: p.medical, unemployment: p.unemployment, housingFund: p.fundBase };
  const employee = f.care
    ? { pension: p.eePension, medical: p.eeMedical, unemployment: p.eeUnemployment, longTermCare: p.eeCare, housingFund: p.fund, supplementaryFund: p.supplementary, annuity: 0, total: eeTotal }
    : { pension: p.eePension, medical: p.eeMedical, unemployment: p.eeUnemployment, housingFund: p.fund, supplementaryFund: p.supplementary, annuity: 0, total: eeTotal };
  const employer = f.care
    ? { pension: p.erPension, medical: p.erMedical, unemployment: p.erUnemployment, injury: p.erInjury, longTermCare: p.erCare, housingFund: p.fund, supplementaryFund: p.supplementary, total: erTotal }
    : { pension: p.erPension, medical: p.erMedical, unemployment: p.erUnemployment, injury: p.erInjury, housingFund: p.fund, supplementaryFund: p.supplementary, total: erTotal };
  return { base, employee, employer, deductible, taxableExcess, annuityDeductible: 0 };
}

/** A year's months as leanMonths leaves them: per month in fen (rate a fraction), and the year's sums. */
export class LeanMonths {
  /** Employee insurance, taxable income to date (never below zero), marginal rate, tax withheld, take-home. */
  readonly insurance = new Float64Array(12);
  readonly cumulative = new Float64Array(12);
  readonly rate = new Float64Array(12);
  readonly tax = new Float64Array(12);
  readonly net = new Float64Array(12);
  /** The year: taxable income, deductible insurance, special and other deductions, tax withheld, employee insurance, employer cost, take-home. */
  income = 0;
  deductible = 0;
  special = 0;
  other = 0;
  withheld = 0;
  insuranceSum = 0;
  employerCost = 0;
  netSum = 0;
}

const EE = [0, 0, 0];
const ER = [0, 0, 0];
const DED = [0, 0, 0];
const EXCESS = [0, 0, 0];

/**
 * The twelve months of monthly wages `wages` (fen) under `year`'s rules, into
 * `out`: withholdTax's cumulative method step by step (one employer, from
 * January, no first-job or 60,000 rule).
 */
export function leanMonths(year: LeanYear, wages: Fen, out: LeanMonths): LeanMonths {
  const { flats, monthOf } = year;
  // Distinct months are few (one to three): their insurance is worked out once each.
  const n = flats.length;
  const ee = n <= 3 ? EE : new Array<number>(n);
  const er = n <= 3 ? ER : new Array<number>(n);
  const ded = n <= 3 ? DED : new Array<number>(n);
  const excess = n <= 3 ? EXCESS : new Array<number>(n);
  for (let i = 0; i < n; i++) {
    insure(flats[i], wages);
    ee[i] = eeTotal;
    er[i] = erTotal;
    ded[i] = deductible;
    excess[i] = taxableExcess;
  }
  let running = 0;
  let withheld = 0;
  out.income = out.deductible = out.special = out.other = out.insuranceSum = out.employerCost = out.netSum = 0;
  for (let m = 0; m < 12; m++) {
    const i = monthOf[m];
    const f = flats[i];
    running += wages + excess[i] - (ded[i] + f.special + f.other);
    const cumulative = running - (m + 1) * f.basicDeduction;
    let tax = 0;
    let rate = 0;
    if (cumulative > 0) {
      const upTo = f.upTo;
      let b = 0;
      while (b < upTo.length - 1 && cumulative > upTo[b]) b++;
      rate = f.rate[b];
      tax = Math.max(0, roundFen(cumulative * rate) - f.quick[b]);
    }
    tax = Math.max(0, tax - withheld);
    withheld += tax;
    const net = wages - ee[i] - tax;
    out.insurance[m] = ee[i];
    out.cumulative[m] = Math.max(0, cumulative);
    out.rate[m] = rate;
    out.tax[m] = tax;
    out.net[m] = net;
    out.income += wages + excess[i];
    out.deductible += ded[i];
    out.special += f.special;
    out.other += f.other;
    out.insuranceSum += ee[i];
    out.employerCost += wages + er[i];
    out.netSum += net;
  }
  out.withheld = withheld;
  return out;
}

const scratch = new LeanMonths();

/** The year of monthly wages `wages` (fen) under `year`'s rules. */
export function leanYear(year: LeanYear, wages: Fen): LeanResult {
  const r = leanMonths(year, wages, scratch);
  const gross = wages * 12;
  return {
    wages,
    firstMonth: r.net[0],
    average: roundFen(r.netSum / 12),
    gross,
    incomeTax: r.withheld,
    insurance: r.insuranceSum,
    net: gross - r.insuranceSum - r.withheld,
    employerCost: r.employerCost,
  };
}
