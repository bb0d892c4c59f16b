/**
 * Monthly social insurance and housing fund (五险一金), employee and employer
 * side, from a city's rules. Each contribution is rounded on its own with the
 * city's rounding setting.
 */
import { applyRate, clampFen, formatYuan, type Fen } from '../money.js';
import type { BaseRange, CityRules } from './city-rules.js';
import type { InsuranceResult, PayrollInput, Warning } from './types.js';

const ZERO = { pension: 0, medical: 0, unemployment: 0, housingFund: 0, total: 0 };

export function computeInsurance(
  input: PayrollInput,
  city: CityRules | null,
  taxFreeRate: number | null,
): { insurance: InsuranceResult; warnings: Warning[] } {
  const warnings: Warning[] = [];
  if (!city) {
    // A given insurance sum replaces the city computation and is all deductible.
    const total = input.insurance ?? 0;
    const employer = { ...ZERO, injury: 0 };
    return { insurance: { base: { social: 0, housingFund: 0 }, employee: { ...ZERO, total }, employer, deductible: total, taxableExcess: 0 }, warnings };
  }

  const declared = input.socialBase ?? input.wages;
  const social = clampFen(declared, city.socialBase.floor, city.socialBase.ceiling);
  const medicalBase = clampFen(declared, city.medicalBase.floor, city.medicalBase.ceiling);
  const housingFundBase = clampFen(declared, city.housingFundBase.floor, city.housingFundBase.ceiling);
  if (input.socialBase !== undefined && (social !== declared || medicalBase !== declared || housingFundBase !== declared)) {
    warnings.push(clampWarning(city, declared, city.socialBase, city.housingFundBase));
  }

  const si = city.rounding.socialInsurance;
  const hf = city.rounding.housingFund;
  const siRate = (base: Fen, rate: number) => applyRate(base, rate, si.unit, si.mode);
  const employerHousingFund = applyRate(housingFundBase, city.housingFundRate, hf.unit, hf.mode);
  const er = city.employer;
  const employerParts = {
    pension: siRate(social, er.pension),
    medical: siRate(medicalBase, er.medical),
    unemployment: siRate(social, er.unemployment),
    injury: siRate(social, er.injury),
    housingFund: employerHousingFund,
  };
  const employer = { ...employerParts, total: sum(employerParts) };

  // 财税〔2006〕10号: housing fund is exempt only up to 12% of a base capped at
  // 3× the city average wage (the housing-fund ceiling); the rest is taxable.
  const taxFreeCap = taxFreeRate === null ? Infinity : applyRate(housingFundBase, taxFreeRate);
  const taxableExcess = Math.max(0, employerHousingFund - taxFreeCap);

  if (!city.employee) {
    const total = input.insurance ?? 0;
    return { insurance: { base: { social, housingFund: housingFundBase }, employee: { ...ZERO, total }, employer, deductible: total, taxableExcess }, warnings };
  }
  const ee = city.employee;
  const employeeParts = {
    pension: siRate(social, ee.pension),
    // Beijing adds a fixed 3 yuan a month (大额医疗互助) to the 2%.
    medical: siRate(medicalBase, ee.medical) + ee.medicalAddOn,
    unemployment: siRate(social, ee.unemployment),
    housingFund: applyRate(housingFundBase, city.housingFundRate, hf.unit, hf.mode),
  };
  const employee = { ...employeeParts, total: sum(employeeParts) };
  const deductible = employee.total - employee.housingFund + Math.min(employee.housingFund, taxFreeCap);
  return { insurance: { base: { social, housingFund: housingFundBase }, employee, employer, deductible, taxableExcess }, warnings };
}

function sum(parts: Record<string, Fen>): Fen {
  return Object.values(parts).reduce((a, b) => a + b, 0);
}

function clampWarning(city: CityRules, declared: Fen, social: BaseRange, housingFund: BaseRange): Warning {
  return {
    code: 'social-base-clamped',
    message:
      `A contribution base of ${formatYuan(declared)} is outside ${city.name}'s limits ` +
      `(social insurance ${formatYuan(social.floor)}–${formatYuan(social.ceiling)}, ` +
      `housing fund ${formatYuan(housingFund.floor)}–${formatYuan(housingFund.ceiling)}); the nearest limit is used.`,
  };
}
