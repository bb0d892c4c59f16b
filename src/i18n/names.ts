/** Law figures, their values and the model's sources, in a language. */
import { type Lang, type MessageKey, msg } from './messages.js';
import { LAW } from './law.js';
import { REPORT } from './report.js';

const has = (key: string): boolean => key in LAW || key in REPORT;
const pct = (rate: number) => `${Math.round(rate * 10000) / 100}%`;

/**
 * A law figure's name: `cities.hangzhou.socialBase` -> "杭州:社保缴费基数上下限".
 * English keeps the data's own label; a figure the catalogue does not know keeps it too.
 */
export function figureName(id: string, label: string, lang: Lang, cityName?: (id: string, lang: Lang) => string | undefined): string {
  if (lang === 'en') return label;
  const parts = id.split('.');
  const key = `law:${parts.at(-1)}`;
  const own = has(key) ? msg(key as MessageKey, lang) : (/\(([^)]*[\u4e00-\u9fff][^)]*)\)/.exec(label)?.[1] ?? label);
  if (parts[0] !== 'cities') return own;
  const city = cityName?.(parts[1], lang) ?? parts[1];
  return `${city}:${own}`;
}

export function confidenceName(confidence: string, lang: Lang): string {
  const key = `conf:${confidence}`;
  return has(key) ? msg(key as MessageKey, lang) : confidence;
}

/** Law values as a person reads them: 8%, 5,000, "floor 5,060 · ceiling 25,299", "7 brackets, 3%–45%". */
export function formatValue(value: unknown, unit = '', lang: Lang = 'en'): string {
  if (typeof value === 'number') {
    return /rate|%|fraction|share/i.test(unit) || (value > 0 && value < 1) ? pct(value) : value.toLocaleString('en-US');
  }
  if (typeof value === 'boolean') return msg(`key:${value}`, lang);
  // null: no such limit (a base with a floor and no ceiling).
  if (value === null) return msg('key:none', lang);
  // A word of the data (employee, year, medical): its name in the catalogue where it has one.
  if (typeof value === 'string' && has(`key:${value}`)) return msg(`key:${value}` as MessageKey, lang);
  if (Array.isArray(value)) {
    const rates = value.map((row) => (row as { rate?: number }).rate).filter((r): r is number => typeof r === 'number');
    if (rates.length === value.length && rates.length > 0) {
      return msg('brackets', lang, { n: value.length, low: pct(rates[0]), high: pct(rates.at(-1)!) });
    }
    return value.map((v) => formatValue(v, '', lang)).join(', ');
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      // A group inside a value (a medical tier) stays together in parentheses.
      .map(([k, v]) => {
        const text = formatValue(v, '', lang);
        const grouped = v !== null && typeof v === 'object' && !Array.isArray(v) ? `(${text})` : text;
        return `${has(`key:${k}`) ? msg(`key:${k}` as MessageKey, lang) : k} ${grouped}`;
      })
      .join(' · ');
  }
  return String(value);
}

/**
 * A model source in Chinese. The explanations in the model file are English
 * prose; Chinese output names the kind of source and the articles it rests on
 * (their titles are Chinese), and leaves the prose to `--lang en`.
 */
export function sourceText(source: string, lang: Lang, seedTitle?: (id: string) => string | undefined): string {
  const tag = /^(derived|assumption|input)/.exec(source)?.[1] ?? 'seed';
  const kind = msg(`tag:${tag}` as MessageKey, lang);
  const seeds = [...new Set(source.match(/seed-\d{3}/g) ?? [])].map((id) => {
    const title = seedTitle?.(id);
    return title ? `${id}《${title}》` : id;
  });
  const flag = /--[a-z-]+/.exec(source)?.[0];
  if (seeds.length === 0) return flag ? `${kind}(${flag})` : kind;
  return msg('sourceSeeds', lang, { kind, seeds: seeds.join('、') });
}
