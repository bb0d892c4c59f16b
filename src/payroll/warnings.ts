/**
 * Warnings about the result's footing: pay below the minimum wage, take-home
 * below zero, and law figures that are out of date or estimated. One short
 * warning per kind and run, naming the figures; the JSON keeps the detail.
 */
import { inEnglish } from '../errors.js';
import type { Localized } from '../i18n/messages.js';
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
  return warning('below-minimum-wage', {
    key: 'w:below-minimum-wage',
    params: { city: { en: city.name, zh: city.nameZh }, counted: formatYuan(counted), minimum: formatYuan(minimum.amount), net: Boolean(minimum.excludesEmployeeContributions) },
  });
}

/**
 * A warning from the catalogue: its code and `text` (key and params), which the result
 * says in the language asked for, and the English `message` (errors.ts words it, as it
 * does an error's: scripts match it).
 */
export function warning(code: string, text: Localized, figures?: string[]): Warning {
  return { code, message: inEnglish(text), text, ...(figures ? { figures } : {}) };
}

export function warnNegativeTakeHome(months: readonly MonthResult[]): Warning | null {
  const negative = months.filter((m) => m.net < 0);
  if (negative.length === 0) return null;
  const worst = negative.reduce((a, b) => (b.net < a.net ? b : a));
  return warning('negative-take-home', {
    key: 'w:negative-take-home',
    params: { months: negative.map((m) => m.month), worst: formatYuan(worst.net), worstMonth: worst.month },
  });
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

/** `cityName` gives a city id in Chinese, for the Chinese names of city figures. */
export function warnAboutData(rules: readonly Provenance[], cityName?: (id: string) => string | undefined): Warning[] {
  const warnings: Warning[] = [];
  // The Chinese name is made from the id and label where the warning is said (src/i18n/warnings.ts).
  const cityOf = (p: Provenance) => (p.id.startsWith('cities.') ? cityName?.(p.id.split('.')[1]) : undefined);
  const named = (p: Provenance) => ({ en: shortName(p), id: p.id, label: p.label, city: cityOf(p), until: p.until, confidence: p.confidence });
  const stale = rules.filter((p) => p.stale);
  if (stale.length > 0) {
    warnings.push(warning('stale-data', { key: 'w:stale-data', params: { figures: stale.map(named) } }, stale.map((p) => p.id)));
  }
  const early = rules.filter((p) => p.early);
  const estimated = rules.filter((p) => ESTIMATED.includes(p.confidence) || p.early);
  if (estimated.length > 0) {
    const months = [...new Set(early.flatMap((p) => p.months ?? []))].sort((a, b) => a - b);
    const tagged = estimated.filter((p) => ESTIMATED.includes(p.confidence));
    const figures = tagged.map(named).filter((f, i, all) => all.findIndex((g) => g.en === f.en && g.confidence === f.confidence) === i);
    warnings.push(warning('estimated-data', { key: 'w:estimated-data', params: { figures, early: months } }, [...new Set(estimated.map((p) => p.id))]));
  }
  return warnings;
}
