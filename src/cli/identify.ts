/**
 * City, level and platform names -> model ids, accepting Chinese names and
 * aliases, with a "did you mean" and the valid choices when nothing matches.
 */
import { UsageError } from '../errors.js';
import type { Model } from '../model/model.js';
import { closest } from './suggest.js';

interface Named {
  en?: string;
  zh?: string;
  aliases?: string[];
}

function identify(kind: string, command: string, raw: string, table: Record<string, Named>): string {
  const plural = kind === 'city' ? 'cities' : `${kind}s`;
  const key = raw.trim().toLowerCase();
  const names = new Map<string, string>();
  for (const [id, n] of Object.entries(table)) {
    for (const name of [id, n.en, n.zh, ...(n.aliases ?? [])]) if (name) names.set(name.toLowerCase(), id);
  }
  const hit = names.get(key);
  if (hit) return hit;
  const guess = closest(key, [...names.keys()]);
  const ids = Object.keys(table);
  const hint = `${guess ? `Did you mean ${names.get(guess)}? ` : ''}Valid ${plural}: ${ids.join(', ')} (see \`cs-pay ${command}\`).`;
  throw new UsageError(`Unknown ${kind} '${raw}'.`, hint);
}

export const identifyCity = (model: Model, raw: string) => identify('city', 'cities', raw, model.cities);

export function identifyPlatform(model: Model, raw: string): string {
  const table = Object.fromEntries(Object.entries(model.platforms).map(([id, p]) => [id, p.label]));
  return identify('platform', 'platforms', raw, table);
}

/** A level must exist in the model and be offered by the platform. */
export function identifyLevel(model: Model, platform: string, raw: string): string {
  const id = identify('level', 'levels', raw, model.levels);
  const offered = Object.keys(model.platforms[platform].levels);
  if (!offered.includes(id)) {
    const others = Object.keys(model.platforms).filter((p) => id in model.platforms[p].levels);
    throw new UsageError(
      `Platform ${platform} has no pay figures for level ${id}.`,
      `Its levels: ${offered.join(', ')}.${others.length ? ` Platforms with ${id}: ${others.join(', ')} (--platform ${others[0]}).` : ''}`,
    );
  }
  return id;
}
