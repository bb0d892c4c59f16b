/**
 * Warnings about the result's footing: pay below the minimum wage, and law
 * figures that are out of date or estimated. One warning per kind and run,
 * listing the figures, so a result never drowns in repeats.
 */
import { ESTIMATED } from '../model/lookup.js';
import { formatYuan, type Fen } from '../money.js';
import type { CityRules } from './city-rules.js';
import type { Provenance, Warning } from './types.js';

export function checkMinimumWage(city: CityRules | null, pay: Fen, employeeContributions: Fen): Warning | null {
  const minimum = city?.minimumWage;
  if (!city || !minimum) return null;
  // Shanghai and Beijing set their minimum net of the employee's insurance and housing fund.
  const counted = minimum.excludesEmployeeContributions ? pay - employeeContributions : pay;
  if (counted >= minimum.amount) return null;
  const what = minimum.excludesEmployeeContributions
    ? `Pay counted toward the minimum wage, after employee insurance and housing fund, is ${formatYuan(counted)}`
    : `Pay counted toward the minimum wage is ${formatYuan(counted)}`;
  return {
    code: 'below-minimum-wage',
    message: `${what} a month, below ${city.name}'s minimum of ${formatYuan(minimum.amount)} (overtime and shift allowances do not count).`,
  };
}

export function warnAboutData(provenance: readonly Provenance[]): Warning[] {
  const warnings: Warning[] = [];
  const stale = provenance.filter((p) => p.stale);
  if (stale.length > 0) {
    const list = stale.map((p) => `${p.label} (${p.from} to ${p.until})`).join('; ');
    warnings.push({
      code: 'stale-data',
      message: `These figures are past the end of their stated period and nothing newer is on file, so the old ones are used: ${list}.`,
    });
  }
  const estimated = provenance.filter((p) => ESTIMATED.includes(p.confidence));
  if (estimated.length > 0) {
    const list = estimated.map((p) => `${p.label} (${p.confidence})`).join('; ');
    warnings.push({
      code: 'estimated-data',
      message: `Some figures are estimates, not confirmed by an official notice: ${list}.`,
    });
  }
  return warnings;
}
