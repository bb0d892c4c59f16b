/**
 * Pure: a result -> neutral sections (title, header, rows). The table,
 * markdown and CSV renderers all draw from these, so they cannot disagree.
 */
import type { Lang, Result } from '../result.js';
import { t } from './labels.js';

export type Tone = 'plain' | 'bold' | 'dim' | 'good' | 'bad' | 'bar';
export interface Cell {
  text: string;
  tone?: Tone;
}
export interface Section {
  title: string;
  head: string[];
  /** Columns aligned right (numbers). */
  right: number[];
  rows: Cell[][];
}
export interface Report {
  heading: string;
  sections: Section[];
  footnotes: { title: string; items: string[]; tone?: Tone }[];
}

export const money = (n: number) =>
  n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const c = (text: string, tone?: Tone): Cell => ({ text, tone });
const pct = (rate: number) => `${Math.round(rate * 10000) / 100}%`;

/** "seed-003", "derived", "assumption", "input": the short tag of a source. */
export function sourceTag(source: string): string {
  const m = /^(seed-\d{3}|derived|assumption|input)/.exec(source);
  return m ? m[1] : source;
}

export function toReport(r: Result, lang: Lang, heading: string): Report {
  const sections: Section[] = [grossSection(r, lang)];
  if (r.insurance) sections.push(insuranceSection(r, lang));
  if (r.months) sections.push(scheduleSection(r, lang), yearSection(r, lang));
  if (r.rules?.length) sections.push(rulesSection(r, lang));
  const footnotes: Report['footnotes'] = [];
  const explained = r.lines.filter((l) => l.source !== sourceTag(l.source));
  if (explained.length) {
    footnotes.push({ title: t('sources', lang), items: explained.map((l) => `${l.label}: ${l.source}`), tone: 'dim' });
  }
  if (r.notes.length) footnotes.push({ title: t('notes', lang), items: r.notes });
  if (r.warnings.length) {
    footnotes.push({ title: t('warnings', lang), items: r.warnings.map((w) => `[${w.code}] ${w.message}`), tone: 'bad' });
  }
  return { heading, sections, footnotes };
}

function grossSection(r: Result, lang: Lang): Section {
  const rows = r.lines.map((l) => [c(l.label), c(money(l.amount)), c(l.detail ?? '', 'dim'), c(sourceTag(l.source), 'dim')]);
  rows.push([c(t('grossMonthly', lang), 'bold'), c(money(r.gross.monthly), 'bold'), c(''), c('')]);
  if (r.gross.low !== r.gross.high) {
    rows.push([c(t('range', lang)), c(`${money(r.gross.low)} – ${money(r.gross.high)}`, 'dim'), c(''), c('')]);
  }
  if (r.yearEnd && r.yearEnd.bonus > 0) {
    const how = r.yearEnd.months > 0 ? `${r.yearEnd.months} × base` : '';
    rows.push([c(t('yearEnd', lang)), c(money(r.yearEnd.bonus)), c(how, 'dim'), c(sourceTag(r.yearEnd.source), 'dim')]);
  }
  return { title: t('grossPay', lang), head: [t('line', lang), t('amount', lang), t('how', lang), t('source', lang)], right: [1], rows };
}

function insuranceSection(r: Result, lang: Lang): Section {
  const { base, employee, employer } = r.insurance;
  const row = (key: 'pension' | 'medical' | 'unemployment' | 'injury' | 'housingFund', b: number | null, e: number | null, er: number) => [
    c(t(key, lang)), c(b === null ? '' : money(b), 'dim'), c(e === null ? '—' : money(e)), c(money(er)),
  ];
  return {
    title: t('insurance', lang),
    head: [t('item', lang), t('base', lang), t('employee', lang), t('employer', lang)],
    right: [1, 2, 3],
    rows: [
      row('pension', base.social, employee.pension, employer.pension),
      row('medical', base.social, employee.medical, employer.medical),
      row('unemployment', base.social, employee.unemployment, employer.unemployment),
      row('injury', base.social, null, employer.injury),
      row('housingFund', base.housingFund, employee.housingFund, employer.housingFund),
      [c(t('total', lang), 'bold'), c(''), c(money(employee.total), 'bold'), c(money(employer.total), 'bold')],
    ],
  };
}

function scheduleSection(r: Result, lang: Lang): Section {
  const top = Math.max(...r.months.map((m) => m.net), 0);
  const rows = r.months.map((m, i) => [
    c(String(m.month)),
    c(money(m.gross)),
    c(money(m.insurance)),
    c(money(m.cumulativeTaxable)),
    c(pct(m.rate)),
    c(money(m.tax)),
    c(money(m.net), 'bold'),
    c(bar(m.net, top), 'bar'),
    c(monthNote(r, i, lang), 'dim'),
  ]);
  return {
    title: t('schedule', lang),
    head: [t('month', lang), t('gross', lang), t('insuranceShort', lang), t('cumTaxable', lang), t('rate', lang), t('tax', lang), t('net', lang), '', t('change', lang)],
    right: [0, 1, 2, 3, 4, 5, 6],
    rows,
  };
}

/** What is new in month i: a new employer, a raise, a one-off payment, new rules, the bonus. */
export function monthNote(r: Result, i: number, lang: Lang): string {
  const m = r.months[i];
  const prev = i > 0 ? r.months[i - 1] : undefined;
  const notes: string[] = [];
  const zh = lang === 'zh';
  if (m.employer === null) return zh ? '未入职' : 'not employed';
  const employers = r.reconciliation.employers;
  if (prev && prev.employer !== null && m.employer !== prev.employer) {
    const e = employers[m.employer - 1];
    notes.push(zh ? `换工作${e?.city ? `(${e.city})` : ''}` : `new employer${e?.city ? ` (${e.city})` : ''}`);
  } else if (!prev || prev.employer === null) notes.push(zh ? '入职' : 'starts');
  const ids = (x: typeof m) => new Map(x.lines.map((l) => [l.id, l.amount]));
  const now = ids(m);
  const before = prev ? ids(prev) : now;
  for (const l of m.lines) {
    if (l.id === 'extra' || l.id === 'unpaid-leave') notes.push(`${l.label} ${money(l.amount)}`);
    else if (prev && prev.employer !== null && before.get(l.id) !== l.amount) {
      const d = l.amount - (before.get(l.id) ?? 0);
      notes.push(`${l.label} ${d > 0 ? '+' : ''}${money(d)}`);
    }
  }
  if (prev && prev.employer !== null) {
    for (const l of prev.lines) if (!now.has(l.id) && l.id !== 'extra' && l.id !== 'unpaid-leave') notes.push(`${l.label} −`);
  }
  if (prev && prev.employer !== null && m.employer === prev.employer && m.gross === prev.gross && m.insurance !== prev.insurance) {
    notes.push(zh ? '新缴费基数' : 'new contribution bases');
  }
  if (m.bonus) notes.push(`${t('bonus', lang)} ${money(m.bonus)}`);
  return notes.join('; ');
}

function yearSection(r: Result, lang: Lang): Section {
  const a = r.annual;
  const method = a.bonus > 0 ? ` (${t('method', lang)}: ${t(a.bonusTaxMethod === 'merged' ? 'merged' : 'separate', lang)})` : '';
  const line = (key: Parameters<typeof t>[0], v: number, tone?: Tone, suffix = '') => [c(t(key, lang) + suffix, tone), c(money(v), tone)];
  return {
    title: t('year', lang),
    head: [t('item', lang), t('amount', lang)],
    right: [1],
    rows: [
      line('annualWages', a.gross - a.bonus),
      line('bonus', a.bonus),
      line('bonusTax', a.bonusTax, undefined, method),
      line('incomeTax', a.incomeTax),
      line('annualInsurance', a.insurance),
      line('annualNet', a.net, 'bold'),
      line('employerCost', a.employerCost, 'dim'),
      line('firstMonth', r.takeHome.firstMonth),
      line('average', r.takeHome.average, 'bold'),
      [c(reconciliationText(r, lang), r.reconciliation.balance < 0 ? 'good' : undefined), c(money(r.reconciliation.balance))],
    ],
  };
}

/** One line: what the annual reconciliation settles, and when. */
export function reconciliationText(r: Result, lang: Lang): string {
  const rec = r.reconciliation;
  const when = `${rec.settle.from.slice(0, 7)} – ${rec.settle.until.slice(0, 7)}`;
  const zh = lang === 'zh';
  if (rec.balance === 0) return zh ? `年度汇算:无需补退税` : 'Reconciliation: nothing to settle';
  if (rec.balance < 0) return zh ? `年度汇算:退税 ${money(-rec.balance)}(${when})` : `Reconciliation: refund of ${money(-rec.balance)} (${when})`;
  if (rec.exempt) {
    const why = rec.exemptReason === 'income' ? (zh ? '年收入不超过12万元' : 'income up to 120,000') : zh ? '补税不超过400元' : 'balance up to 400';
    return zh ? `年度汇算:应补 ${money(rec.balance)},免予补缴(${why})` : `Reconciliation: ${money(rec.balance)} owed, exempt (${why})`;
  }
  return zh ? `年度汇算:补税 ${money(rec.balance)}(${when})` : `Reconciliation: ${money(rec.balance)} to pay (${when})`;
}

function rulesSection(r: Result, lang: Lang): Section {
  return {
    title: t('rules', lang),
    head: [t('figure', lang), t('value', lang), t('from', lang), t('confidence', lang)],
    right: [1],
    rows: r.rules.map((rule) => [
      c(rule.label),
      c(formatValue(rule.value, rule.unit)),
      c((rule.until ? `${rule.from} → ${rule.until}` : rule.from) + monthSpan(rule.months, lang), rule.stale ? 'bad' : undefined),
      c(rule.confidence, rule.confidence === 'official' ? 'good' : 'dim'),
    ]),
  };
}

/** " (months 1–6)" when a figure was used for only part of the year. */
function monthSpan(months: number[] | undefined, lang: Lang): string {
  if (!months || months.length === 0 || months.length === 12) return '';
  const runs: string[] = [];
  for (let i = 0; i < months.length; i++) {
    let j = i;
    while (j + 1 < months.length && months[j + 1] === months[j] + 1) j++;
    runs.push(i === j ? `${months[i]}` : `${months[i]}–${months[j]}`);
    i = j;
  }
  return lang === 'zh' ? ` (${runs.join(', ')}月)` : ` (months ${runs.join(', ')})`;
}

/** Law values as a person reads them: 8%, 5,000, "floor 5,060 · ceiling 25,299", "7 brackets, 3%–45%". */
export function formatValue(value: unknown, unit = ''): string {
  if (typeof value === 'number') {
    return /rate|%|fraction|share/i.test(unit) || (value > 0 && value < 1) ? pct(value) : value.toLocaleString('en-US');
  }
  if (Array.isArray(value)) {
    const rates = value.map((row) => (row as { rate?: number }).rate).filter((r): r is number => typeof r === 'number');
    if (rates.length === value.length && rates.length > 0) return `${value.length} brackets, ${pct(rates[0])}–${pct(rates.at(-1)!)}`;
    return value.map((v) => formatValue(v)).join(', ');
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${k} ${formatValue(v)}`)
      .join(' · ');
  }
  return String(value);
}

/** A bar of eighths, so the late-year drop in take-home shows at a glance. */
export function bar(value: number, top: number, width = 16): string {
  if (top <= 0 || value <= 0) return '';
  const eighths = Math.round((value / top) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + (eighths % 8 ? '▏▎▍▌▋▊▉'[(eighths % 8) - 1] : '');
}
