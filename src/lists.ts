/** Pure: the identifiers the model accepts (cities, levels, platforms), as `cs-pay cities --json` prints them. */
import type { Law } from './model/law-schema.js';
import { type Dated, ESTIMATED, valueAt } from './model/lookup.js';
import type { Model } from './model/model.js';

export type ListKind = 'cities' | 'levels' | 'platforms';

export type CityFlag = 'stale' | 'estimated' | 'file';

export type ListItem = {
  id: string;
  en: string;
  zh: string;
  aliases?: string[];
  /** cities: the province (or municipality), in English and Chinese; null when the data gives none */
  province?: string | null;
  provinceZh?: string | null;
  /** cities: the rent-deduction tier (major 1,500; large 1,100; other 800) */
  rentTier?: string;
  /** cities: the day of the earliest figure on file (a figure that starts later is carried back, flagged estimated) */
  coveredFrom?: string;
  /** cities: the first stated end among the latest figures (past it, that figure is stale); null when none has one */
  coveredUntil?: string | null;
  /** cities: on the day asked, a figure is past its period (stale), estimated (derived, unverified, assumed, or carried back), or the city comes from a cities file */
  flags?: CityFlag[];
  /** levels: the platforms that pay the level */
  platforms?: string[];
  /** platforms: the seed the profile comes from */
  source?: string;
  /** platforms: the levels it pays */
  levels?: string[];
};

export type ListJson<K extends ListKind = ListKind> = { schemaVersion: 1; command: K } & { [P in K]: ListItem[] };

/** The law and the day the cities' flags are read on; without it, names only. */
export interface CityContext {
  law: Law;
  date: string;
}

export function listItems(kind: ListKind, model: Model, context?: CityContext): ListItem[] {
  const platformsWith = (level: string) => Object.keys(model.platforms).filter((p) => level in model.platforms[p].levels);
  return kind === 'cities'
    ? Object.entries(model.cities).map(([id, c]) => ({ id, en: c.en, zh: c.zh, aliases: c.aliases, ...(context ? cityFacts(id, context) : {}) }))
    : kind === 'levels'
      ? Object.entries(model.levels).map(([id, l]) => ({ id, en: l.en, zh: l.zh, aliases: l.aliases, platforms: platformsWith(id) }))
      : Object.values(model.platforms).map((p) => ({ id: p.id, en: p.label.en, zh: p.label.zh, source: p.source, levels: Object.keys(p.levels) }));
}

export function listJson<K extends ListKind>(kind: K, model: Model, context?: CityContext): ListJson<K> {
  return { schemaVersion: 1, command: kind, [kind]: listItems(kind, model, context) } as ListJson<K>;
}

/** Parameters every payroll in the city reads (the housing-fund default rate is cs-pay's own choice, not the city's). */
const CORE = ['socialBase', 'medicalBase', 'unemploymentBase', 'injuryBase', 'employeeRates', 'employerRates', 'housingFundRates', 'housingFundBase'] as const;

function cityFacts(id: string, { law, date }: CityContext): Partial<ListItem> {
  const city = law.cities[id];
  if (!city) return {};
  const params = [
    ...CORE.map((key) => city[key] as Dated<unknown> | undefined),
    ...Object.values(city.fixedCharges ?? {}),
  ].filter((p): p is Dated<unknown> => p !== undefined);
  const core = CORE.map((key) => city[key] as Dated<unknown> | undefined).filter((p): p is Dated<unknown> => p !== undefined);
  const coveredFrom = core.map((p) => p.values[0].from).reduce((a, b) => (b < a ? b : a));
  const complete = core.map((p) => p.values[0].from).reduce((a, b) => (b > a ? b : a));
  const ends = core.map((p) => p.values.at(-1)!.until).filter((u): u is string => u !== undefined);
  const flags: CityFlag[] = [];
  let stale = false;
  // Before every figure is on file, the missing ones are carried back: an estimate.
  let estimated = date < complete;
  for (const p of params) {
    if (p.values[0].from > date) continue; // not yet in force (a fixed charge that starts later)
    const r = valueAt(p, date, id);
    stale ||= r.stale;
    estimated ||= ESTIMATED.includes(r.confidence);
  }
  if (stale) flags.push('stale');
  if (estimated) flags.push('estimated');
  if (law.fromFile && Object.hasOwn(law.fromFile, id)) flags.push('file');
  return {
    province: city.province ?? null,
    provinceZh: city.provinceZh ?? null,
    rentTier: city.rentTier,
    coveredFrom,
    coveredUntil: ends.length === 0 ? null : ends.reduce((a, b) => (b < a ? b : a)),
    flags,
  };
}
