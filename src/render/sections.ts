/**
 * Pure: a result -> neutral sections (title, header, rows). The table and
 * markdown renderers draw from these, so they cannot disagree. The answer comes
 * first (a short summary), then the breakdown; the rules and the sources only
 * when asked for (`details`).
 */
import { msg, type MessageKey } from '../i18n/messages.js';
import { formatMoney } from '../money.js';
import { confidenceName, figureName, formatValue, sourceText } from '../i18n/names.js';
import type { Lang, Result } from '../result.js';

export { formatValue };

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
  /** Columns whose text may wrap when the table is wider than the screen. */
  wrap?: number[];
  /** Columns that may go, first to last, when wrapping is not enough. */
  drop?: number[];
  /** A key-value block without borders or head (the summary). */
  plain?: boolean;
}
export interface Report {
  heading: string;
  sections: Section[];
  footnotes: { title: string; items: string[]; tone?: Tone }[];
  /** One last line: where more is to be found. */
  hint?: string;
}

/** What the report needs besides the result: names from the model, and how much to show. */
export interface ReportOptions {
  heading: string;
  /** The rules table and the sources (`--details`). */
  details?: boolean;
  /** A city id in the language, for law figures of other cities. */
  cityName?: (id: string, lang: Lang) => string | undefined;
  /** A seed's title (`seed-003` -> its article title), for the sources in Chinese. */
  seedTitle?: (id: string) => string | undefined;
}

export const money = formatMoney;
const c = (text: string, tone?: Tone): Cell => ({ text, tone });
const pct = (rate: number) => `${Math.round(rate * 10000) / 100}%`;

/** "seed-003", "derived", "assumption", "input": the short tag of a source. */
export function sourceTag(source: string): string {
  const m = /^(seed-\d{3}|derived|assumption|input)/.exec(source);
  return m ? m[1] : source;
}

/** The tag in the language: "derived" -> 推算; seed ids stay as they are. */
function tagIn(source: string, lang: Lang): string {
  const tag = sourceTag(source);
  return tag === 'derived' || tag === 'assumption' || tag === 'input' ? msg(`tag:${tag}`, lang) : tag;
}

export function toReport(r: Result, lang: Lang, options: ReportOptions | string): Report {
  const o: ReportOptions = typeof options === 'string' ? { heading: options, details: true } : options;
  const t = (key: MessageKey, params?: Record<string, unknown>) => msg(key, lang, params);
  const sections: Section[] = [summarySection(r, lang), grossSection(r, lang)];
  if (r.insurance) sections.push(insuranceSection(r, lang));
  if (r.months) sections.push(scheduleSection(r, lang, o.cityName), yearSection(r, lang));
  if (o.details && r.rules?.length) sections.push(rulesSection(r, lang, o));
  const footnotes: Report['footnotes'] = [];
  const explained = r.lines.filter((l) => l.source !== sourceTag(l.source));
  if (o.details && explained.length) {
    const said = (label: string, source: string) => t('labelled', { label, text: lang === 'en' ? source : sourceText(source, lang, o.seedTitle) });
    const items = explained.map((l) => said(l.label, l.source));
    if (r.yearEnd && r.yearEnd.bonus > 0 && r.yearEnd.source !== sourceTag(r.yearEnd.source)) items.push(said(t('yearEnd'), r.yearEnd.source));
    footnotes.push({ title: t('sources'), items, tone: 'dim' });
  }
  if (r.notes.length) footnotes.push({ title: t('notes'), items: r.notes.map((n) => n.message) });
  if (r.warnings.length) {
    footnotes.push({ title: t('warnings'), items: r.warnings.map((w) => `[${w.code}] ${w.message}`), tone: 'bad' });
  }
  const hint = o.details || !(r.rules?.length || explained.length) ? undefined : t('detailsHint');
  return { heading: o.heading, sections, footnotes, hint };
}

/** The answer: take-home a month and a year, gross, employer cost, the reconciliation. */
function summarySection(r: Result, lang: Lang): Section {
  const t = (key: MessageKey, params?: Record<string, unknown>) => msg(key, lang, params);
  const { average, firstMonth } = r.takeHome;
  const take = average === firstMonth
    ? t('takeHomeValue', { month: money(average), year: money(r.annual.net) })
    : t('takeHomeValueFirst', { month: money(average), first: money(firstMonth), year: money(r.annual.net) });
  const bonus = r.annual.bonus;
  const rows: Cell[][] = [
    [c(t('takeHome'), 'bold'), c(take, 'bold')],
    [c(t('gross')), c(bonus > 0 ? t('grossValueBonus', { month: money(r.gross.monthly), bonus: money(bonus) }) : t('grossValue', { month: money(r.gross.monthly) }))],
    [c(t('employerCost')), c(t('employerCostValue', { year: money(r.annual.employerCost) }))],
    [c(t('reconciliation')), c(reconciliationState(r, lang), r.reconciliation.balance < 0 ? 'good' : undefined)],
  ];
  return { title: t('summary'), head: [], right: [], rows, wrap: [1], plain: true };
}

function grossSection(r: Result, lang: Lang): Section {
  const t = (key: MessageKey, params?: Record<string, unknown>) => msg(key, lang, params);
  const rows = r.lines.map((l) => [c(l.label), c(money(l.amount)), c(l.detail ?? '', 'dim'), c(tagIn(l.source, lang), 'dim')]);
  const range = r.gross.low !== r.gross.high ? t('rangeHow', { low: money(r.gross.low), high: money(r.gross.high) }) : '';
  rows.push([c(t('grossMonthly'), 'bold'), c(money(r.gross.monthly), 'bold'), c(range, 'dim'), c('')]);
  if (r.yearEnd && r.yearEnd.bonus > 0) {
    const how = r.yearEnd.months > 0 ? t('yearEndHow', { months: r.yearEnd.months }) : '';
    rows.push([c(t('yearEnd')), c(money(r.yearEnd.bonus)), c(how, 'dim'), c(tagIn(r.yearEnd.source, lang), 'dim')]);
  }
  return {
    title: t('grossPay'),
    head: [t('line'), t('amount'), t('how'), t('source')],
    right: [1],
    rows,
    wrap: [2, 0],
    drop: [3],
  };
}

function insuranceSection(r: Result, lang: Lang): Section {
  const t = (key: MessageKey) => msg(key, lang);
  const { base, employee, employer } = r.insurance;
  const row = (key: 'pension' | 'medical' | 'unemployment' | 'injury' | 'housingFund', b: number | null, e: number | null, er: number) => [
    c(t(key)), c(b === null ? '' : money(b), 'dim'), c(e === null ? '—' : money(e)), c(money(er)),
  ];
  return {
    title: t('insurance'),
    head: [t('item'), t('base'), t('employee'), t('employer')],
    right: [1, 2, 3],
    rows: [
      row('pension', base.social, employee.pension, employer.pension),
      row('medical', base.medical ?? base.social, employee.medical, employer.medical),
      row('unemployment', base.unemployment ?? base.social, employee.unemployment, employer.unemployment),
      row('injury', base.social, null, employer.injury),
      row('housingFund', base.housingFund, employee.housingFund, employer.housingFund),
      [c(t('total'), 'bold'), c(''), c(money(employee.total), 'bold'), c(money(employer.total), 'bold')],
    ],
    wrap: [0],
    drop: [1],
  };
}

function scheduleSection(r: Result, lang: Lang, cityName?: ReportOptions['cityName']): Section {
  const t = (key: MessageKey) => msg(key, lang);
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
    c(monthNote(r, i, lang, cityName), 'dim'),
  ]);
  return {
    title: t('schedule'),
    head: [t('month'), t('gross'), t('insuranceShort'), t('cumTaxable'), t('rate'), t('tax'), t('net'), '', t('change')],
    right: [0, 1, 2, 3, 4, 5, 6],
    rows,
    wrap: [8],
    // The bar and the cumulative taxable income are the first to go on a narrow screen.
    drop: [7, 3, 4, 2, 1],
  };
}

/** What is new in month i: a new employer, a raise, a one-off payment, new rules, the bonus. */
export function monthNote(r: Result, i: number, lang: Lang, cityName?: ReportOptions['cityName']): string {
  const t = (key: MessageKey, params?: Record<string, unknown>) => msg(key, lang, params);
  const m = r.months[i];
  const prev = i > 0 ? r.months[i - 1] : undefined;
  const notes: string[] = [];
  if (m.employer === null) return t('notEmployed');
  const employers = r.reconciliation.employers;
  if (prev && prev.employer !== null && m.employer !== prev.employer) {
    const e = employers[m.employer - 1];
    notes.push(e?.city ? t('newEmployerIn', { city: cityName?.(e.city, lang) ?? e.city }) : t('newEmployer'));
  } else if (!prev || prev.employer === null) notes.push(t('starts'));
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
    notes.push(t('newBases'));
  }
  if (m.bonus) notes.push(`${t('bonus')} ${money(m.bonus)}`);
  return notes.join(lang === 'zh' ? ';' : '; ');
}

function yearSection(r: Result, lang: Lang): Section {
  const t = (key: MessageKey, params?: Record<string, unknown>) => msg(key, lang, params);
  const a = r.annual;
  const line = (label: string, v: number, tone?: Tone) => [c(label, tone), c(money(v), tone)];
  const bonusTax = a.bonus > 0 ? t('bonusTaxMethod', { method: t(a.bonusTaxMethod === 'merged' ? 'merged' : 'separate') }) : t('bonusTax');
  return {
    title: t('year'),
    head: [t('item'), t('amount')],
    right: [1],
    rows: [
      line(t('annualWages'), a.gross - a.bonus),
      line(t('bonus'), a.bonus),
      line(bonusTax, a.bonusTax),
      line(t('incomeTax'), a.incomeTax),
      line(t('annualInsurance'), a.insurance),
      line(t('annualNet'), a.net, 'bold'),
      line(t('employerCost'), a.employerCost, 'dim'),
      line(t('firstMonth'), r.takeHome.firstMonth),
      line(t('average'), r.takeHome.average, 'bold'),
      [c(reconciliationText(r, lang), r.reconciliation.balance < 0 ? 'good' : undefined), c(money(r.reconciliation.balance))],
    ],
    wrap: [0],
  };
}

/** What the annual reconciliation settles, and when: "refund of 120.00 (2027-03 – 2027-06)". */
export function reconciliationState(r: Result, lang: Lang): string {
  const rec = r.reconciliation;
  const when = `${rec.settle.from.slice(0, 7)} – ${rec.settle.until.slice(0, 7)}`;
  if (rec.balance === 0) return msg('recNothing', lang);
  if (rec.balance < 0) return msg('recRefund', lang, { amount: money(-rec.balance), when });
  if (rec.exempt) {
    const why = msg(rec.exemptReason === 'income' ? 'recExemptIncome' : 'recExemptBalance', lang);
    return msg('recOwedExempt', lang, { amount: money(rec.balance), why });
  }
  return msg('recOwed', lang, { amount: money(rec.balance), when });
}

/** One line: "Reconciliation: nothing to settle". */
export function reconciliationText(r: Result, lang: Lang): string {
  return msg('recLine', lang, { text: reconciliationState(r, lang) });
}

function rulesSection(r: Result, lang: Lang, o: ReportOptions): Section {
  const t = (key: MessageKey) => msg(key, lang);
  return {
    title: t('rules'),
    head: [t('figure'), t('value'), t('from'), t('confidence')],
    right: [],
    rows: r.rules.map((rule) => [
      c(lang === 'en' ? rule.label : figureName(rule.id, rule.label, lang, o.cityName)),
      c(formatValue(rule.value, rule.unit, lang)),
      c((rule.until ? `${rule.from} → ${rule.until}` : rule.from) + monthSpan(rule.months, lang), rule.stale ? 'bad' : undefined),
      c(confidenceName(rule.confidence, lang), rule.confidence === 'official' ? 'good' : 'dim'),
    ]),
    wrap: [0, 1, 2],
    drop: [3],
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
  return msg('monthsUsed', lang, { runs: runs.join(', ') });
}

/** A bar of eighths, so the late-year drop in take-home shows at a glance. */
export function bar(value: number, top: number, width = 16): string {
  if (top <= 0 || value <= 0) return '';
  const eighths = Math.round((value / top) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + (eighths % 8 ? '▏▎▍▌▋▊▉'[(eighths % 8) - 1] : '');
}
