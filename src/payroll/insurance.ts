/**
 * Monthly social insurance and housing fund (五险一金), employee and employer
 * side, from a city's rules. Each contribution is rounded on its own with the
 * city's rounding setting; each insurance is clamped to its own base range.
 */
import { applyRate, clampFen, formatYuan, type Fen } from '../money.js';
import type { BaseRange, CityRules } from './city-rules.js';
import type { InsuranceResult, MonthFields, Warning } from './types.js';
import { warning } from './warnings.js';

const ZERO = { pension: 0, medical: 0, unemployment: 0, housingFund: 0, supplementaryFund: 0, total: 0 };
const NO_BASE = { social: 0, medical: 0, unemployment: 0, housingFund: 0 };
/** Long-term care and a separate injury base are shown only where a city has them. */
const careOf = (city: CityRules, amount: Fen) => (city.longTermCare ? { longTermCare: amount } : {});

/** The employee's enterprise annuity: rate × base, deductible up to capRate × base. */
function annuityShare(input: MonthFields, base: Fen, capRate: number | null): { annuity: Fen; annuityDeductible: Fen } {
  if (!input.annuity) return { annuity: 0, annuityDeductible: 0 };
  const annuity = applyRate(base, input.annuity);
  return { annuity, annuityDeductible: Math.min(annuity, capRate === null ? 0 : applyRate(base, capRate)) };
}

export function computeInsurance(
  input: MonthFields,
  city: CityRules | null,
  taxFreeRate: number | null,
  annuityCapRate: number | null = null,
): { insurance: InsuranceResult; warnings: Warning[] } {
  const warnings: Warning[] = [];
  if (!city) {
    // A given insurance sum replaces the city computation and is all deductible.
    const { annuity, annuityDeductible } = annuityShare(input, input.socialBase ?? input.wages, annuityCapRate);
    const total = (input.insurance ?? 0) + annuity;
    const employer = { ...ZERO, injury: 0 };
    const employee = { ...ZERO, annuity, total };
    return { insurance: { base: NO_BASE, employee, employer, deductible: input.insurance ?? 0, taxableExcess: 0, annuityDeductible }, warnings };
  }

  const declared = input.socialBase ?? input.contributionPay ?? input.wages;
  const clamp = (range: BaseRange) => clampFen(declared, range.floor, range.ceiling);
  const base = {
    social: clamp(city.socialBase),
    medical: clamp(city.medicalBase),
    unemployment: clamp(city.unemploymentBase),
    housingFund: clamp(city.housingFundBase),
    ...(city.injuryBaseApart ? { injury: clamp(city.injuryBase) } : {}),
  };
  if (input.socialBase !== undefined && Object.values(base).some((b) => b !== declared)) {
    warnings.push(clampWarning(city, declared));
  }

  const si = city.rounding.socialInsurance;
  const hf = city.rounding.housingFund;
  const siRate = (amount: Fen, rate: number) => applyRate(amount, rate, si.unit, si.mode);
  // Shanghai rounds the basic and the supplementary fund each on its own (沪公积金管委会).
  const hfRate = (rate: number) => applyRate(base.housingFund, rate, hf.unit, hf.mode);
  const housingFund = hfRate(city.housingFundRate);
  const supplementaryFund = city.supplementaryFundRate > 0 ? hfRate(city.supplementaryFundRate) : 0;
  const er = city.employer;
  // Fixed charges (大额医疗, Taiyuan's employer 14 yuan) are added to their line as they are, unrounded.
  const employerParts = {
    pension: siRate(base.social, er.pension),
    medical: siRate(base.medical, er.medical) + (er.maternity > 0 ? siRate(base.medical, er.maternity) : 0) + er.fixed.medical,
    unemployment: siRate(base.unemployment, er.unemployment),
    injury: siRate(base.injury ?? base.social, er.injury),
    ...careOf(city, (er.longTermCare > 0 ? siRate(base.medical, er.longTermCare) : 0) + er.fixed.longTermCare),
    housingFund,
    supplementaryFund,
  };
  const employer = { ...employerParts, total: sum(employerParts) };

  // 财税〔2006〕10号: housing fund (basic and supplementary together) is exempt
  // only up to 12% of a base capped at 3× the city average wage (the
  // housing-fund ceiling); the rest is taxable.
  // The cap is rounded as the city rounds the fund itself, so a 12% fund rounded
  // to the yuan is never taxed on its rounding.
  const taxFreeCap = taxFreeRate === null ? Infinity : applyRate(base.housingFund, taxFreeRate, hf.unit, hf.mode);
  const fund = housingFund + supplementaryFund;
  const taxableExcess = Math.max(0, fund - taxFreeCap);

  // 财税〔2013〕103号: the annuity is deductible up to 4% of the contribution base.
  const { annuity, annuityDeductible } = annuityShare(input, base.social, annuityCapRate);
  if (!city.employee) {
    const given = input.insurance ?? 0;
    const employee = { ...ZERO, annuity, total: given + annuity };
    return { insurance: { base, employee, employer, deductible: given, taxableExcess, annuityDeductible }, warnings };
  }
  const ee = city.employee;
  const employeeParts = {
    pension: siRate(base.social, ee.pension),
    // A fixed charge a month on top of the rate (Beijing 大额医疗互助 3 yuan, Nanjing 大病救助 10 yuan, …).
    medical: siRate(base.medical, ee.medical) + ee.fixed.medical,
    unemployment: siRate(base.unemployment, ee.unemployment),
    ...careOf(city, (ee.longTermCare > 0 ? siRate(base.medical, ee.longTermCare) : 0) + ee.fixed.longTermCare),
    housingFund,
    supplementaryFund,
    annuity,
  };
  const employee = { ...employeeParts, total: sum(employeeParts) };
  const deductible = employee.total - annuity - fund + Math.min(fund, taxFreeCap);
  return { insurance: { base, employee, employer, deductible, taxableExcess, annuityDeductible }, warnings };
}

function sum(parts: Record<string, Fen | undefined>): Fen {
  return Object.values(parts).reduce<Fen>((a, b) => a + (b ?? 0), 0);
}

function clampWarning(city: CityRules, declared: Fen): Warning {
  const range = (r: BaseRange) => `${formatYuan(r.floor)}–${r.ceiling === Infinity ? '' : formatYuan(r.ceiling)}`;
  return warning('social-base-clamped', {
    key: 'w:social-base-clamped',
    params: { declared: formatYuan(declared), city: { en: city.name, zh: city.nameZh }, social: range(city.socialBase), fund: range(city.housingFundBase) },
  });
}
