/** Pure: the identifiers the model accepts (cities, levels, platforms), as `cs-pay cities --json` prints them. */
import type { Model } from './model/model.js';

export type ListKind = 'cities' | 'levels' | 'platforms';

export type ListItem = {
  id: string;
  en: string;
  zh: string;
  aliases?: string[];
  /** levels: the platforms that pay the level */
  platforms?: string[];
  /** platforms: the seed the profile comes from */
  source?: string;
  /** platforms: the levels it pays */
  levels?: string[];
};

export type ListJson<K extends ListKind = ListKind> = { schemaVersion: 1; command: K } & { [P in K]: ListItem[] };

export function listItems(kind: ListKind, model: Model): ListItem[] {
  const platformsWith = (level: string) => Object.keys(model.platforms).filter((p) => level in model.platforms[p].levels);
  return kind === 'cities'
    ? Object.entries(model.cities).map(([id, c]) => ({ id, en: c.en, zh: c.zh, aliases: c.aliases }))
    : kind === 'levels'
      ? Object.entries(model.levels).map(([id, l]) => ({ id, en: l.en, zh: l.zh, aliases: l.aliases, platforms: platformsWith(id) }))
      : Object.values(model.platforms).map((p) => ({ id: p.id, en: p.label.en, zh: p.label.zh, source: p.source, levels: Object.keys(p.levels) }));
}

export function listJson<K extends ListKind>(kind: K, model: Model): ListJson<K> {
  return { schemaVersion: 1, command: kind, [kind]: listItems(kind, model) } as ListJson<K>;
}
