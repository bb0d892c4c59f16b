/**
 * Several cities, levels or platforms at once (CONTRACT, "Several cities,
 * levels or platforms at once"): `--city a,b`, `--city all` or a repeated
 * flag become one estimate per combination. Pure: options and model in, the
 * combinations out.
 */
import { answer, type Data } from './answer.js';
import { identifyCity, identifyLevel, identifyLevelName, identifyPlatform } from './request/identify.js';
import type { RawOptions } from './request/keys.js';
import { m, UsageError } from './errors.js';
import type { Model } from './model/model.js';
import type { Lang, Result } from './result.js';

/** More would be a batch job: 10 cities × 7 levels × 4 platforms is 280. */
export const MAX_ROWS = 300;

export interface MatrixJson {
  schemaVersion: 1;
  command: 'matrix';
  rows: Result[];
}

/** The combinations asked for that no platform pays (a level a platform has no figures for). */
export interface LeftOut {
  level: string;
  platform: string;
}

type Key = 'city' | 'level' | 'platform';

/** The values given for a key: a repeated flag, a comma list (also ,、), or `all`. */
function valuesOf(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return list.flatMap((v) => String(v).split(/[,,、]/)).map((v) => v.trim()).filter(Boolean);
}

/** Whether the options ask for several at once (the answer is then a matrix, even of one row). */
export function isMatrix(o: RawOptions): boolean {
  return (['city', 'level', 'platform'] as Key[]).some((k) => {
    const raw = o[k];
    return (Array.isArray(raw) && raw.length > 1) || valuesOf(raw).length > 1 || valuesOf(raw).some((v) => v.toLowerCase() === 'all');
  });
}

/** One value per key, for a single estimate: a one-element list is unwrapped. */
export function single(o: RawOptions): RawOptions {
  const out = { ...o };
  for (const k of ['city', 'level', 'platform'] as Key[]) if (Array.isArray(out[k])) out[k] = (out[k] as unknown[])[0];
  return out;
}

function expand(model: Model, key: Key, raw: unknown): string[] {
  const all: Record<Key, string[]> = { city: Object.keys(model.cities), level: Object.keys(model.levels), platform: Object.keys(model.platforms) };
  const ids = valuesOf(raw).flatMap((v) => {
    if (v.toLowerCase() === 'all') return all[key];
    if (key === 'city') return [identifyCity(model, v)];
    if (key === 'platform') return [identifyPlatform(model, v)];
    // Levels are checked against each platform below; here only the name.
    return [identifyLevelName(model, v)];
  });
  return [...new Set(ids)];
}

/** The options of each combination, in the order city, level, platform. Combinations a platform does not pay are left out. */
export function combinations(o: RawOptions, model: Model): RawOptions[] {
  return plan(o, model).rows;
}

/** The combinations, and the level–platform pairs left out because the platform has no figures for the level. */
export function plan(o: RawOptions, model: Model): { rows: RawOptions[]; leftOut: LeftOut[] } {
  const cities = expand(model, 'city', o.city);
  const levels = expand(model, 'level', o.level);
  const platforms = o.platform === undefined ? ['generic'] : expand(model, 'platform', o.platform);
  if (cities.length === 0) throw new UsageError(m('e:needs-city'), m('hint:cities', { ids: Object.keys(model.cities).join(', ') }));
  if (levels.length === 0) throw new UsageError(m('e:needs-level'), m('hint:levels', { ids: Object.keys(model.levels).join(', ') }));
  const paid = levels.flatMap((level) => platforms.filter((p) => level in model.platforms[p].levels).map((platform) => ({ level, platform })));
  if (paid.length === 0) {
    // Nothing to show: say why for the first level, as a single estimate would.
    identifyLevel(model, platforms[0], levels[0]);
  }
  const rows = cities.flatMap((city) => paid.map(({ level, platform }) => ({ ...o, city, level, platform })));
  if (rows.length > MAX_ROWS) throw new UsageError(m('e:matrix-too-big', { n: rows.length, max: MAX_ROWS }), m('hint:matrix-too-big'));
  const leftOut = levels.flatMap((level) => platforms.filter((p) => !(level in model.platforms[p].levels)).map((platform) => ({ level, platform })));
  return { rows, leftOut };
}

export function estimateMatrix(o: RawOptions, data: Data, today: string, lang: Lang): MatrixJson & { leftOut: LeftOut[] } {
  const { rows, leftOut } = plan(o, data.model);
  const json: MatrixJson = { schemaVersion: 1, command: 'matrix', rows: rows.map((row) => answer('estimate', row, data, today, lang)) };
  // leftOut is for the table's footnote; JSON prints the contract's keys only.
  return Object.defineProperty(json, 'leftOut', { value: leftOut, enumerable: false }) as MatrixJson & { leftOut: LeftOut[] };
}
