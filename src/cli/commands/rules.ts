/**
 * `cs-pay rules --city <city> [--date]`: every law figure in force for a city
 * on a date (the city's own, then the national tax figures), with its value,
 * period, document and confidence. What an HR lead checks before quoting a number.
 */
import { formatValue, type Report } from '../../render/sections.js';
import type { Lang } from '../../result.js';
import { listRules } from '../../rules.js';
import { loadData } from '../context.js';
import type { Io } from '../io.js';
import { readFormat, readLang, writeResult } from '../output.js';
import type { RawOptions } from '../request.js';

const HEAD: Record<Lang, string[]> = {
  en: ['Figure', 'Value', 'Period', 'Confidence', 'Document'],
  zh: ['参数', '取值', '期间', '可信度', '文件'],
};

export async function rulesCommand(o: RawOptions, io: Io): Promise<number> {
  const format = readFormat(o);
  const lang = readLang(o, io);
  const data = await loadData(io);
  const value = listRules(o, data, io.today);
  const { city, asOf: date, rounding, rules: rows } = value;
  const c = data.law.cities[city];
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
