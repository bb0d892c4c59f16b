/**
 * `--set <component>=<amount>` (CONTRACT, "Offers as they are"): a model
 * component at the amount an offer states, in the component's own unit (yuan a
 * month, yuan a shift, yuan an order, percent of base); 0 switches it off.
 * Flags give a list of "meal=0"; offer files and batch lines an object
 * {meal: 0}; an inline spec a string, several joined by ";" or "+".
 */
import { m, UsageError } from '../errors.js';
import { fenToYuan } from '../money.js';
import type { Model } from '../model/model.js';
import { closest } from '../suggest.js';
import { parsePercent, parseYuan, textOf } from './values.js';

/** Component id -> amount: yuan for amounts, a fraction for percents; `base` in fen. */
export type Settings = Record<string, number>;

/** The (id, value) pairs as given, in any of the accepted shapes. */
function pairsOf(raw: unknown): [string, string][] {
  if (raw === undefined || raw === null || raw === false) return [];
  if (Array.isArray(raw)) return raw.flatMap(pairsOf);
  if (typeof raw === 'object') return Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k.trim(), textOf(`--set ${k.trim()}`, v)]);
  const text = textOf('--set', raw);
  // `--set ''` sets nothing: refused, not silently ignored.
  if (text.trim() === '') throw new UsageError(m('e:set-empty'), m('hint:set-empty'));
  return text
    .split(/[;+](?=\s*[a-z][a-z0-9-]*\s*=)/i)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq <= 0) throw new UsageError(m('e:set-shape', { raw: part.slice(0, 40) }));
      return [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
    });
}

/** The settings for a job: each id a component the platform pays at that level (or `base`). */
export function readSettings(raw: unknown, model: Model, platform: string, level: string): Settings | undefined {
  const pairs = pairsOf(raw);
  if (pairs.length === 0) return undefined;
  const components = model.platforms[platform].levels[level].components;
  const ids = ['base', ...components.map((c) => c.id)];
  const out: Settings = {};
  for (const [rawId, value] of pairs) {
    const id = rawId.toLowerCase();
    if (!ids.includes(id)) {
      const known = Object.values(model.platforms).some((p) => Object.values(p.levels).some((l) => l.components.some((c) => c.id === id)));
      if (known) throw new UsageError(m('e:set-not-paid', { id, platform }), m('hint:set-not-paid', { ids: ids.join(', ') }));
      throw new UsageError(m('e:unknown', { kind: 'component', raw: rawId }), m('hint:components', { ids: ids.join(', '), guess: closest(id, ids) }));
    }
    if (id in out) throw new UsageError(m('e:set-twice', { id }));
    const flag = `--set ${id}`;
    const kind = components.find((c) => c.id === id)?.kind;
    out[id] =
      id === 'base' ? parseYuan(flag, value, { allowZero: false })
      : kind === 'percent-of-base' ? parsePercent(flag, value, 1000, { ambiguous: true })
      : fenToYuan(parseYuan(flag, value));
  }
  return out;
}
