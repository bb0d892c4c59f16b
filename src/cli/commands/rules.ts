/**
 * `cs-pay rules --city <city> [--date]`: every law figure in force for a city
 * on a date (the city's own, then the national tax figures), with its value,
 * period, document and confidence. What an HR lead checks before quoting a number.
 */
import { UsageError } from '../../errors.js';
import { valueAt, type Dated } from '../../model/lookup.js';
import { formatValue, type Report } from '../../render/sections.js';
import type { Lang } from '../../result.js';
import { loadData } from '../context.js';
import type { Io } from '../io.js';
import { identifyCity } from '../identify.js';
import { readFormat, readLang, writeResult } from '../output.js';
import type { RawOptions } from '../request.js';
import { parseDate } from '../values.js';

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
}

const HEAD: Record<Lang, string[]> = {
  en: ['Figure', 'Value', 'Period', 'Confidence', 'Document'],
  zh: ['参数', '取值', '期间', '可信度', '文件'],
};

export async function rulesCommand(o: RawOptions, io: Io): Promise<number> {
  const format = readFormat(o);
  const lang = readLang(o, io);
  const { model, law } = await loadData(io);
  if (o.city === undefined) throw new UsageError('rules needs a city (--city).', `Cities: ${Object.keys(law.cities).join(', ')}.`);
  const city = identifyCity(model, String(o.city)) as keyof typeof law.cities;
  const date = o.date === undefined ? io.today : parseDate('--date', String(o.date));
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
      });
    }
  };
  const { name: _n, nameZh: _z, rentTier: _t, rounding, ...cityParams } = law.cities[city];
  collect(`cities.${city}.`, cityParams);
  collect('tax.', law.tax);
  const c = law.cities[city];
  const value = { schemaVersion: 1, command: 'rules', city, asOf: date, rounding, rules: rows };
  const report = (): Report => ({
    heading: `${lang === 'zh' ? c.nameZh : `${c.name} ${c.nameZh}`} · ${lang === 'zh' ? '规则日期' : 'rules in force on'} ${date}`,
    sections: [{
      title: lang === 'zh' ? '城市与全国参数' : 'City and national figures',
      head: HEAD[lang],
      right: [],
      rows: rows.map((r) => [
        { text: r.label },
        { text: formatValue(r.value, r.unit) },
        { text: r.until ? `${r.from} → ${r.until}${r.stale ? (lang === 'zh' ? ' (已过期)' : ' (past)') : ''}` : `${r.from} →`, tone: r.stale ? 'bad' : undefined },
        { text: r.confidence, tone: r.confidence === 'official' || r.confidence === 'secondary' ? undefined : 'bad' },
        { text: r.url ? `${r.ref} ${r.url}` : r.ref, tone: 'dim' },
      ]),
    }],
    footnotes: [{
      title: lang === 'zh' ? '取整' : 'Rounding',
      items: [
        `${lang === 'zh' ? '社保' : 'Social insurance'}: ${rounding.socialInsurance.unit}, ${rounding.socialInsurance.mode}`,
        `${lang === 'zh' ? '公积金' : 'Housing fund'}: ${rounding.housingFund.unit}, ${rounding.housingFund.mode}`,
      ],
    }],
  });
  await writeResult(io, o, format, value, report);
  return 0;
}
