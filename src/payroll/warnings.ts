/**
 * Warnings about the result's footing: pay below the minimum wage, take-home
 * below zero, and law figures that are out of date or estimated. One short
 * warning per kind and run, naming the figures; the JSON keeps the detail.
 */
import { ESTIMATED } from '../model/lookup.js';
import { formatYuan, type Fen } from '../money.js';
import type { CityRules } from './city-rules.js';
import type { MonthResult, Provenance, Warning } from './types.js';

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

export function warnNegativeTakeHome(months: readonly MonthResult[]): Warning | null {
  const negative = months.filter((m) => m.net < 0);
  if (negative.length === 0) return null;
  const worst = negative.reduce((a, b) => (b.net < a.net ? b : a));
  return {
    code: 'negative-take-home',
    message:
      `Take-home is below zero in month${negative.length > 1 ? 's' : ''} ${negative.map((m) => m.month).join(', ')} ` +
      `(${formatYuan(worst.net)} in month ${worst.month}): insurance and tax are more than the pay. Check the gross and --insurance.`,
  };
}

/** The provenance of every month, one entry per figure and period, with the months that used it. */
export function mergeProvenance(perMonth: readonly Provenance[][]): Provenance[] {
  const byKey = new Map<string, Provenance>();
  for (const list of perMonth) {
    for (const p of list) {
      const key = `${p.id}|${p.from}`;
      const seen = byKey.get(key);
      if (!seen) {
        byKey.set(key, { ...p, months: p.months ? [...p.months] : undefined });
        continue;
      }
      seen.stale ||= p.stale;
      if (p.early) seen.early = true;
      for (const m of p.months ?? []) if (!seen.months?.includes(m)) (seen.months ??= []).push(m);
    }
  }
  const out = [...byKey.values()];
  for (const p of out) {
    if (p.months) p.months.sort((a, b) => a - b);
    else delete p.months;
  }
  return out;
}

/** "Hangzhou: Social-insurance base limits (社保缴费基数上下限)" -> "Hangzhou: social-insurance base limits". */
function shortName(p: Provenance): string {
  return p.label.replace(/\s*\([^)]*[\u4e00-\u9fff][^)]*\)\s*$/, '').replace(/: ([A-Z])(?=[a-z])/, (_, c: string) => `: ${c.toLowerCase()}`);
}

export function warnAboutData(rules: readonly Provenance[]): Warning[] {
  const warnings: Warning[] = [];
  const stale = rules.filter((p) => p.stale);
  if (stale.length > 0) {
    warnings.push({
      code: 'stale-data',
      message:
        `Past their period, nothing newer on file: ${stale.map((p) => `${shortName(p)} (to ${p.until})`).join('; ')}. ` +
        'Give --social-base to set the base yourself.',
      figures: stale.map((p) => p.id),
    });
  }
  const early = rules.filter((p) => p.early);
  const estimated = rules.filter((p) => ESTIMATED.includes(p.confidence) || p.early);
  if (estimated.length > 0) {
    const months = [...new Set(early.flatMap((p) => p.months ?? []))].sort((a, b) => a - b);
    const earlyNote = months.length > 0 ? ` No city figure is on file for month${months.length > 1 ? 's' : ''} ${months.join(', ')}: the earliest stands in.` : '';
    const tagged = estimated.filter((p) => ESTIMATED.includes(p.confidence));
    warnings.push({
      code: 'estimated-data',
      message: `${tagged.length > 0 ? `Estimates, not confirmed by a notice: ${[...new Set(tagged.map((p) => `${shortName(p)} (${p.confidence})`))].join('; ')}.` : ''}${earlyNote}`.trim(),
      figures: [...new Set(estimated.map((p) => p.id))],
    });
  }
  return warnings;
}
