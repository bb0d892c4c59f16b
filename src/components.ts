/** Pure: the pay components of the model, what `--set` takes (`cs-pay components`). */
import type { Component } from './model/model-schema.js';
import type { Model } from './model/model.js';

export interface ComponentItem {
  id: string;
  en: string;
  zh: string;
  kind: Component['kind'] | 'base';
  /** What an amount given with --set means: "yuan a month", "percent of base", ... */
  unit: string;
  paid: string;
  /** The model's range (yuan, or a fraction of base), the platforms and levels it comes from. */
  low: number;
  high: number;
  platforms: string[];
}

export interface ComponentsJson {
  schemaVersion: 1;
  command: 'components';
  components: ComponentItem[];
}

/** The unit an amount is in, by the component's kind (`per` for thresholds). */
export function unitOf(c: Component | { kind: 'base' }): string {
  switch (c.kind) {
    case 'base':
    case 'fixed': return 'yuan a month';
    case 'percent-of-base': return 'percent of base';
    case 'per-order': return 'yuan an order';
    case 'per-night-shift': return 'yuan a shift';
    case 'threshold': return `yuan a ${c.per} when earned`;
  }
}

/** Every component id once, with the platforms paying it; `platform` narrows the list to one. */
export function listComponents(model: Model, platform?: string): ComponentsJson {
  const items = new Map<string, ComponentItem>();
  const platforms = platform ? [platform] : Object.keys(model.platforms);
  const base = { id: 'base', en: 'Base pay', zh: '底薪', kind: 'base' as const, unit: unitOf({ kind: 'base' }), paid: 'monthly', low: Infinity, high: 0, platforms: [] as string[] };
  items.set('base', base);
  for (const pid of platforms) {
    for (const level of Object.values(model.platforms[pid].levels)) {
      base.low = Math.min(base.low, level.base.low);
      base.high = Math.max(base.high, level.base.high);
      if (!base.platforms.includes(pid)) base.platforms.push(pid);
      for (const c of level.components) {
        const range = c.kind === 'percent-of-base' ? c.rate : c.amount;
        const item = items.get(c.id) ?? { id: c.id, en: c.label.en, zh: c.label.zh, kind: c.kind, unit: unitOf(c), paid: c.paid, low: range.low, high: range.high, platforms: [] };
        item.low = Math.min(item.low, range.low);
        item.high = Math.max(item.high, range.high);
        if (!item.platforms.includes(pid)) item.platforms.push(pid);
        items.set(c.id, item);
      }
    }
  }
  return { schemaVersion: 1, command: 'components', components: [...items.values()] };
}
