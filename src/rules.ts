/**
 * Pure: every law figure in force for a city on a date (the city's own, then
 * the national tax figures), with its value, period, document and confidence.
 * `cs-pay rules` prints it; the library's `rules` returns it.
 */
import type { Data } from './answer.js';
import { identifyCity } from './request/identify.js';
import type { RawOptions } from './request/keys.js';
import { parseDate, textOf } from './request/values.js';
import { UsageError } from './errors.js';
import type { Law } from './model/law-schema.js';
import { valueAt, type Dated } from './model/lookup.js';

export interface RuleRow {
  id: string;
  label: string;
  value: unknown;
  unit: string;
  from: string;
  until: string | null;
  ref: string;
  url: string | null;
  confidence: string;
  note: string | null;
  /** Past its stated period with nothing newer on file. */
  stale: boolean;
  /** A figure of a city read from a cities file. */
  source?: 'file';
}

type CityId = keyof Law['cities'];

export interface RulesJson {
  schemaVersion: 1;
  command: 'rules';
  city: CityId;
  asOf: string;
  rounding: Law['cities'][CityId]['rounding'];
  rules: RuleRow[];
}

/** `city` (any accepted spelling) and `date` (default `today`) -> the figures in force. */
export function listRules(o: RawOptions, { model, law }: Data, today: string): RulesJson {
  if (o.city === undefined) throw new UsageError('rules needs a city (--city).', `Cities: ${Object.keys(law.cities).join(', ')}.`);
  const city = identifyCity(model, textOf('--city', o.city)) as CityId;
  const date = o.date === undefined ? today : parseDate('--date', textOf('--date', o.date));
  const rows: RuleRow[] = [];
  const collect = (prefix: string, params: Record<string, unknown>) => {
    for (const [key, param] of Object.entries(params)) {
      if (param === undefined || param === null || typeof param !== 'object') continue;
      if (!('values' in param)) {
        collect(`${prefix}${key}.`, param as Record<string, unknown>);
        continue;
      }
      const dated = param as Dated<unknown>;
      if (dated.values[0].from > date) continue; // not yet in force
      const r = valueAt(dated, date, `${prefix}${key}`);
      rows.push({
        id: r.id, label: r.label, value: r.value, unit: r.unit, from: r.from, until: r.until ?? null,
        ref: r.ref, url: r.url ?? null, confidence: r.confidence, note: r.note ?? null, stale: r.stale,
        ...(r.source ? { source: r.source } : {}),
      });
    }
  };
  const { name: _n, nameZh: _z, aliases: _a, province: _p, provinceZh: _pz, rentTier: _t, rounding, ...cityParams } = law.cities[city];
  collect(`cities.${city}.`, cityParams);
  collect('tax.', law.tax);
  return { schemaVersion: 1, command: 'rules', city, asOf: date, rounding, rules: rows };
}
