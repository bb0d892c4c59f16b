/**
 * Pure: requests -> the plain result objects of the contract (CONTRACT.md,
 * "JSON"). One path for every entry point: a request becomes twelve months of
 * payroll input (pay lines from the model for an estimate, a known gross for
 * net), the payroll engine works out the year, and the result is assembled.
 * Renderers read these objects; `--json` prints them as they are.
 */
import { msg, say } from './i18n/messages.js';
import { fenToYuan, formatMoney, type Fen, roundFen, sumFen } from './money.js';
import type { Law } from './model/law-schema.js';
import type { Model } from './model/model.js';
import { type Breakdown, estimatePay, type PayLine, type Words } from './pay/estimate.js';
import { overtimeRules } from './payroll/rules.js';
import { payrollToJson } from './payroll/json.js';
import { computePayroll, type MonthFields, type PayrollInput, type PayrollResult } from './payroll/payroll.js';
import { solveGross } from './payroll/solve.js';
import type { MonthRequest, Request } from './request/request.js';
import { checkMonthPay } from './pay/month-cap.js';

export type Lang = 'en' | 'zh';

export interface Line {
  id: string;
  label: string;
  amount: number;
  taxable: boolean;
  source: string;
  detail?: string;
}

export interface Warning {
  code: string;
  message: string;
  figures?: string[];
}

/** A fact about the answer that is not a warning (the model's own notes, an unknown employer cost, a prorated bonus, a city class assumed, a city from a file). */
export interface Note {
  code: string;
  message: string;
}

type PayrollJson = ReturnType<typeof payrollToJson>;
export type MonthJson = PayrollJson['months'][number] & { lines: Line[] };

export interface Result extends Omit<PayrollJson, 'months'> {
  schemaVersion: 1;
  command: 'estimate' | 'net' | 'gross';
  asOf: string;
  input: Record<string, unknown>;
  lines: Line[];
  gross: { monthly: number; low: number; high: number };
  months: MonthJson[];
  /** `monthsEmployed` and `full`: an estimated bonus prorated to the months worked for the employer that pays it. */
  yearEnd?: { months: number; bonus: number; source: string; monthsEmployed?: number; full?: number };
  notes: Note[];
}

const y = fenToYuan;

/** Labels of the lines the payroll adds to a month's pay. */
const LABELS = {
  wages: (lang: Lang) => msg('wages', lang),
  extra: (lang: Lang) => msg('extra', lang),
  unpaid: (lang: Lang) => msg('unpaid', lang),
};

export function estimate(req: Request, model: Model, law: Law, lang: Lang): Result {
  const year = Number(req.year.date.slice(0, 4));
  const focus = focusMonth(req);
  const pays = req.months.map((m, i) => {
    const ot = overtimeRules(law, monthDate(year, i + 1));
    return { pay: scalePay(estimatePay(model, { ...m.pay!, month: i + 1 }, ot), m.payPercent), ot };
  });
  const bonusPay = pays[req.year.bonusMonth - 1].pay;
  // An estimated bonus is for a full year's work: prorated by the months employed by the
  // employer that pays it. A bonus given is kept as given.
  const worked = req.year.bonus === undefined ? monthsAtPayer(req) : 12;
  const bonus = req.year.bonus ?? roundFen((bonusPay.yearEndBonus * worked) / 12);
  const prorated = req.year.bonus === undefined && worked < 12 && bonusPay.yearEndBonus > 0;
  const monthly = req.months.map((m, i) => fieldsFromPay(m, pays[i].pay, i + 1));
  const payroll = computePayroll(payrollInput(req, monthly, bonus), law);
  const focusPay = pays[focus - 1];
  const at = (percentile: number) => estimatePay(model, { ...req.months[focus - 1].pay!, month: focus, percentile }, focusPay.ot);
  const allNotes = pays.flatMap((p) => p.pay.notes);
  const unique = <T extends { code: string }>(list: T[]) => list.filter((n, i) => list.findIndex((x) => x.code === n.code) === i);
  const notes = unique(allNotes.filter((n) => n.code !== 'overtime-over-cap'));
  const capNotes = unique(allNotes.filter((n) => n.code === 'overtime-over-cap'));
  const lineSets = payroll.months.map((m, i) => monthLines(payLines(pays[i].pay.lines, lang), m, lang));
  return assemble(lang, 'estimate', req, payroll, lineSets, {
    input: { ...echoPay(req, focusPay.pay), ...echoPayroll(req) },
    gross: { monthly: y(payroll.months[focus - 1].gross), low: y(at(0).monthly), high: y(at(100).monthly) },
    yearEnd: {
      months: req.year.bonus === undefined ? bonusPay.yearEndMonths : 0,
      bonus: y(bonus),
      source: req.year.bonus === undefined ? bonusPay.yearEndSource : 'input: --bonus',
      ...(prorated ? { monthsEmployed: worked, full: y(bonusPay.yearEndBonus) } : {}),
    },
    warnings: capNotes.map((n) => ({ code: n.code, message: wordsIn(n.message, lang) })),
    notes: [
      ...notes.map((n) => ({ code: n.code, message: wordsIn(n.message, lang) })),
      ...(prorated
        ? [{ code: 'bonus-prorated', message: say({ key: 'n:bonus-prorated', params: { full: formatMoney(y(bonusPay.yearEndBonus)), months: worked, bonus: formatMoney(y(bonus)) } }, lang) }]
        : []),
    ],
  }, law);
}

export function net(req: Request, gross: Fen, lang: Lang, law: Law): Result {
  const payroll = computePayroll(payrollInput(req, knownGross(req, gross), req.year.bonus ?? 0), law);
  return assemble(lang, 'net', req, payroll, wageLines(payroll, lang), { input: { gross: y(gross), ...echoPayroll(req) }, ...grossOf(payroll, req) }, law);
}

export function grossFor(req: Request, target: Fen, lang: Lang, law: Law): Result {
  const build = (wages: Fen) => payrollInput(req, knownGross(req, wages), req.year.bonus ?? 0);
  const { wages, result, exact } = solveGross(target, build(0), law, build);
  const out = assemble(lang, 'gross', req, result, wageLines(result, lang), { input: { net: y(target), ...echoPayroll(req) }, ...grossOf(result, req) }, law);
  out.input.gross = y(wages);
  if (!exact && !out.warnings.some((w) => w.code === 'unreachable-net')) {
    const text = { key: 'w:unreachable-nearest' as const, params: { target: y(target).toFixed(2), nearest: out.takeHome.average.toFixed(2) } };
    out.warnings.push({ code: 'unreachable-net', message: say(text, lang) });
  }
  return out;
}

/** Months worked in the year for the employer that pays the year-end bonus (the one of the bonus month). */
function monthsAtPayer(req: Request): number {
  const { startMonth, bonusMonth } = req.year;
  const starts = [startMonth, ...req.jobs].filter((m) => m <= bonusMonth);
  const from = Math.max(...starts);
  const to = Math.min(13, ...req.jobs.filter((m) => m > bonusMonth)) - 1;
  return Math.max(0, to - from + 1);
}

/** The month shown on top: the month of --date, or the first month employed if later. */
export function focusMonth(req: Request): number {
  return Math.max(Number(req.year.date.slice(5, 7)), req.year.startMonth);
}

const monthDate = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-01`;

function fieldsFromPay(m: MonthRequest, pay: Breakdown, month: number): MonthFields {
  if (m.extra) checkMonthPay([], pay.monthly + m.extra, month);
  const sum = (keep: (l: PayLine) => boolean) => sumFen(pay.lines.filter(keep).map((l) => l.amount));
  return {
    ...m.payroll,
    wages: pay.monthly,
    extra: m.extra,
    unpaidDays: m.unpaidDays,
    dailyBase: pay.base,
    taxFree: sum((l) => !l.taxable),
    minimumWagePay: sum((l) => l.countsTowardMinimumWage),
    contributionPay: sum((l) => l.regular),
  };
}

/** net and gross: each month's own gross, or the one asked about. */
function knownGross(req: Request, gross: Fen): MonthFields[] {
  // Equal months share one request (readRequest), so they share one input too, and the payroll works it out once.
  const made = new Map<MonthRequest, MonthFields>();
  return req.months.map((m) => {
    let fields = made.get(m);
    if (!fields) made.set(m, (fields = { ...m.payroll, wages: scaled(m.gross ?? gross, m.payPercent), extra: m.extra, unpaidDays: m.unpaidDays }));
    return fields;
  });
}

const scaled = (amount: Fen, share = 1) => (share === 1 ? amount : roundFen(amount * share));

/** Probation pay: every line at a share of the agreed amount. */
function scalePay(pay: Breakdown, share = 1): Breakdown {
  if (share === 1) return pay;
  const lines = pay.lines.map((l) => {
    const times = ` × ${Math.round(share * 10000) / 100}%`;
    return { ...l, amount: scaled(l.amount, share), detail: { en: wordsIn(l.detail, 'en') + times, zh: wordsIn(l.detail, 'zh') + times } };
  });
  return { ...pay, lines, monthly: sumFen(lines.map((l) => l.amount)), base: scaled(pay.base, share) };
}

function payrollInput(req: Request, monthly: MonthFields[], bonus: Fen): PayrollInput {
  const { bonusTax, bonusMonth, startMonth, firstJob, lastYearUnder60k, privatePension, earlierIncome, earlierTax, earlierInsurance, seriousIllness, date } = req.year;
  return {
    ...monthly[focusMonth(req) - 1],
    date, bonus, bonusTax, bonusMonth, startMonth, firstJob, lastYearUnder60k, privatePension, earlierIncome, earlierTax, earlierInsurance, seriousIllness,
    monthly,
    changes: req.jobs.map((month) => ({ kind: 'job' as const, month, values: {} })),
  };
}

function payLines(lines: PayLine[], lang: Lang): Line[] {
  return lines.map((l) => ({ id: l.id, label: l.label[lang], amount: y(l.amount), taxable: l.taxable, source: l.source, detail: wordsIn(l.detail, lang) }));
}

/** The core's words in a language: text given in both, or a catalogue key said here. */
function wordsIn(w: Words, lang: Lang): string {
  return 'key' in w ? say(w, lang) : w[lang];
}

/** A month's pay lines plus what the payroll adds: one-off pay and unpaid leave. Nothing before work starts. */
function monthLines(pay: Line[], m: PayrollResult['months'][number], lang: Lang): Line[] {
  if (m.employer === null) return [];
  const lines = [...pay];
  if (m.extra) lines.push({ id: 'extra', label: LABELS.extra(lang), amount: y(m.extra), taxable: true, source: 'input: extra' });
  if (m.unpaid) lines.push({ id: 'unpaid-leave', label: LABELS.unpaid(lang), amount: -y(m.unpaid), taxable: true, source: 'input: unpaid-days' });
  return lines;
}

function wageLines(payroll: PayrollResult, lang: Lang): Line[][] {
  return payroll.months.map((m) => {
    const wages = m.gross - m.extra + m.unpaid;
    return monthLines([{ id: 'wages', label: LABELS.wages(lang), amount: y(wages), taxable: true, source: 'input' }], m, lang);
  });
}

function grossOf(payroll: PayrollResult, req: Request) {
  const g = y(payroll.months[focusMonth(req) - 1].gross);
  return { gross: { monthly: g, low: g, high: g } };
}

function echoPay(req: Request, pay: Breakdown): Record<string, unknown> {
  const given = req.months[focusMonth(req) - 1].pay!;
  const { month: _, ...rest } = given;
  return { ...rest, ...pay.used, base: given.base === undefined ? undefined : y(given.base) };
}

/** The payroll options as given, in yuan, for `input` (undefined keys drop out of JSON). */
function echoPayroll(req: Request): Record<string, unknown> {
  const money = (f?: Fen) => (f === undefined ? undefined : y(f));
  const m = req.months[focusMonth(req) - 1].payroll;
  const r = req.raw;
  return {
    ...m,
    ...req.year,
    socialBase: money(m.socialBase),
    insurance: money(m.insurance),
    deduction: money(m.deduction),
    healthInsurance: money(m.healthInsurance),
    elderlyShare: money(m.elderlyShare),
    seriousIllness: money(req.year.seriousIllness),
    bonus: money(req.year.bonus),
    privatePension: money(req.year.privatePension),
    earlierIncome: money(req.year.earlierIncome),
    earlierTax: money(req.year.earlierTax),
    earlierInsurance: money(req.year.earlierInsurance),
    lastYearUnder60k: req.year.lastYearUnder60k || undefined,
    from: r.from,
    in: r.in,
    job: r.job,
    jobs: r.jobs,
  };
}

function assemble(
  lang: Lang,
  command: Result['command'],
  req: Request,
  payroll: PayrollResult,
  lineSets: Line[][],
  parts: Pick<Result, 'input' | 'gross'> & Partial<Pick<Result, 'yearEnd' | 'warnings' | 'notes'>>,
  law: Law,
): Result {
  const json = payrollToJson(payroll);
  const focus = focusMonth(req);
  return {
    schemaVersion: 1,
    command,
    asOf: req.year.date,
    input: parts.input,
    lines: lineSets[focus - 1],
    gross: parts.gross,
    ...(parts.yearEnd ? { yearEnd: parts.yearEnd } : {}),
    ...json,
    // payrollToJson made these objects for this result alone: add the lines in place rather than copy each month.
    months: json.months.map((m, i) => Object.assign(m, { lines: lineSets[i] })),
    // The payroll's warnings in the language asked for (JSON keeps code, message and figures).
    warnings: [...(parts.warnings ?? []), ...json.warnings.map((w, i) => {
      const text = payroll.warnings[i]?.text;
      return text ? { ...w, message: say(text, lang) } : w;
    })],
    notes: [
      ...(parts.notes ?? []),
      // Without a city the employer's side is not computed: say so rather than show the gross as its cost.
      ...(payroll.annual.employerCost === null ? [{ code: 'employer-cost-unknown', message: say({ key: 'n:employer-cost-unknown' }, lang) }] : []),
      ...fileNotes(payroll, law, lang),
    ],
  };
}

/** A note for each city whose figures came from a cities file (CONTRACT "Cities": code city-from-file). */
function fileNotes(payroll: PayrollResult, law: Law, lang: Lang): Note[] {
  if (!law.fromFile) return [];
  const ids = [...new Set(payroll.rules.filter((r) => r.source === 'file').map((r) => r.id.split('.')[1]))];
  return ids.map((id) => {
    const city = law.cities[id];
    return { code: 'city-from-file', message: msg('n:city-from-file', lang, { city: lang === 'zh' ? city.nameZh : city.name, file: law.fromFile![id] }) };
  });
}
