/**
 * City, level and platform names -> model ids, accepting Chinese names and
 * aliases, with a "did you mean" and the valid choices when nothing matches.
 */
import { m, UsageError } from '../errors.js';
import type { Model } from '../model/model.js';
import { closest } from '../suggest.js';

interface Named {
  en?: string;
  zh?: string;
  aliases?: string[];
}

type Kind = 'city' | 'level' | 'platform';

/** 成都市 is 成都, 杭州市 is 杭州: a city's full name ends in 市. */
const plainName = (kind: Kind, key: string) => (kind === 'city' ? key.replace(/市$/, '') : key);

/** Each table's names, built once: a batch identifies a city on every line. */
const namesOf = new WeakMap<Record<string, Named>, Map<string, string>>();

function identify(kind: Kind, list: string, raw: string, table: Record<string, Named>): string {
  const key = raw.trim().toLowerCase();
  let names = namesOf.get(table);
  if (!names) {
    names = new Map<string, string>();
    for (const [id, n] of Object.entries(table)) {
      for (const name of [id, n.en, n.zh, ...(n.aliases ?? [])]) if (name) names.set(name.toLowerCase(), id);
    }
    namesOf.set(table, names);
  }
  const hit = names.get(key) ?? names.get(plainName(kind, key));
  if (hit) return hit;
  const guess = closest(key, [...names.keys()]);
  const ids = Object.keys(table);
  throw new UsageError(m('e:unknown', { kind, raw }), m('hint:unknown', { kind, guess: guess && names.get(guess), ids: ids.join(', '), list }));
}

export const identifyCity = (model: Model, raw: string) => identify('city', 'cities', raw, model.cities);

const platformTables = new WeakMap<Model['platforms'], Record<string, Named>>();

export function identifyPlatform(model: Model, raw: string): string {
  let table = platformTables.get(model.platforms);
  if (!table) {
    table = Object.fromEntries(Object.entries(model.platforms).map(([id, p]) => [id, { ...p.label, aliases: p.aliases }]));
    platformTables.set(model.platforms, table);
  }
  return identify('platform', 'platforms', raw, table);
}

/** A level of the model, whatever the platform. */
export const identifyLevelName = (model: Model, raw: string) => identify('level', 'levels', raw, model.levels);

/** A level must exist in the model and be offered by the platform. */
export function identifyLevel(model: Model, platform: string, raw: string): string {
  const id = identifyLevelName(model, raw);
  const offered = Object.keys(model.platforms[platform].levels);
  if (!offered.includes(id)) {
    const others = Object.keys(model.platforms).filter((p) => id in model.platforms[p].levels);
    throw new UsageError(m('e:level-not-offered', { platform, level: id }), m('hint:level-not-offered', { offered: offered.join(', '), level: id, others }));
  }
  return id;
}
