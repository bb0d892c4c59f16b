/**
 * One short paragraph per tool result, in the language asked: the take-home a
 * month and a year first, as the table leads with it. The JSON object itself
 * goes along as structured content.
 */
import type { CompareResult } from '../index.js';
import type { ListJson } from '../lists.js';
import type { Lang, Result } from '../result.js';
import type { RulesJson } from '../rules.js';

const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function warningsOf(r: Result, lang: Lang): string {
  if (!r.warnings?.length) return '';
  const codes = [...new Set(r.warnings.map((w) => w.code))].join(', ');
  return lang === 'zh' ? `警告:${codes}。` : ` Warnings: ${codes}.`;
}

export function summariseResult(r: Result, lang: Lang): string {
  const { takeHome: th, annual: a } = r;
  const balance = r.reconciliation?.balance ?? 0;
  if (lang === 'zh') {
    const lead = r.command === 'gross' ? `需月度税前 ${money(r.gross.monthly)} 元。` : `月度税前 ${money(r.gross.monthly)} 元。`;
    const settle = balance > 0 ? `年度汇算补税 ${money(balance)} 元。` : balance < 0 ? `年度汇算退税 ${money(-balance)} 元。` : '';
    return `${lead}月均到手 ${money(th.average)} 元(首月 ${money(th.firstMonth)} 元),全年到手 ${money(a.net)} 元;`
      + `全年个税 ${money(a.incomeTax)} 元,个人五险一金 ${money(a.insurance)} 元,规则日期 ${r.asOf}。${settle}${warningsOf(r, lang)}`;
  }
  const lead = r.command === 'gross' ? `Needs a gross of ${money(r.gross.monthly)} yuan a month.` : `Gross ${money(r.gross.monthly)} yuan a month.`;
  const settle = balance > 0 ? ` The annual reconciliation owes ${money(balance)}.` : balance < 0 ? ` The annual reconciliation refunds ${money(-balance)}.` : '';
  return `${lead} Take-home ${money(th.average)} yuan a month on average (first month ${money(th.firstMonth)}), ${money(a.net)} a year; `
    + `income tax ${money(a.incomeTax)} and employee insurance ${money(a.insurance)} a year, rules as of ${r.asOf}.${settle}${warningsOf(r, lang)}`;
}

export function summariseComparison(c: CompareResult, lang: Lang): string {
  const each = c.offers.map((o, i) => {
    const side = i === 0 ? 'A' : 'B';
    return lang === 'zh'
      ? `${side}(${o.name}):月均到手 ${money(o.takeHome.average)} 元,全年到手 ${money(o.annual.net)} 元。`
      : `${side} (${o.name}): take-home ${money(o.takeHome.average)} yuan a month on average, ${money(o.annual.net)} a year.`;
  });
  return [c.verdict, ...each].join(lang === 'zh' ? '' : ' ');
}

export function summariseCities(c: ListJson<'cities'>, lang: Lang): string {
  const names = c.cities.map((x) => (lang === 'zh' ? `${x.zh}(${x.id})` : `${x.id} (${x.en}, ${x.zh})`));
  return lang === 'zh' ? `共 ${names.length} 个城市:${names.join('、')}。` : `${names.length} cities: ${names.join(', ')}.`;
}

export function summariseRules(r: RulesJson, lang: Lang): string {
  const stale = r.rules.filter((x) => x.stale).length;
  if (lang === 'zh') return `${r.city} 在 ${r.asOf} 生效的参数共 ${r.rules.length} 项${stale ? `,其中 ${stale} 项已过期` : ''};每项附取值、期间、文件与可信度。`;
  return `${r.rules.length} figures in force for ${r.city} on ${r.asOf}${stale ? `, ${stale} of them past their period` : ''}; each with its value, period, document and confidence.`;
}

/** Any result: one of the above, or a result with rows (several cities or levels at once). */
export function summarise(value: unknown, lang: Lang): string {
  const v = value as { command?: string; rows?: Result[] };
  if (v.command === 'compare') return summariseComparison(value as CompareResult, lang);
  if (v.command === 'cities') return summariseCities(value as ListJson<'cities'>, lang);
  if (v.command === 'rules') return summariseRules(value as RulesJson, lang);
  if (Array.isArray(v.rows)) return v.rows.map((r) => summariseResult(r, lang)).join('\n');
  return summariseResult(value as Result, lang);
}
