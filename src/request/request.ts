/**
 * Options (camelCase keys, string or boolean values, as commander, batch lines
 * and inline offer specs give them) -> validated requests. One place, so every
 * entry point reports the same errors for the same mistakes.
 */
import { m, UsageError } from '../errors.js';
import { fenToYuan, type Fen } from '../money.js';
import { checkMonthPay } from '../pay/month-cap.js';
import type { Model } from '../model/model.js';
import type { PayInput } from '../pay/estimate.js';
import { type Change, monthOptions } from '../payroll/plan.js';
import type { ChangeKind, MonthFields } from '../payroll/types.js';
import { identifyCity, identifyLevel, identifyPlatform } from './identify.js';
import { readSettings } from './set.js';
import { closest } from '../suggest.js';
import {
  kindOf, parseChoice, parseCount, parseDate, parseHours, parsePercent, parseRange, parseShare, parseUnpaidDays, parseYuan, textOf,
} from './values.js';
import { quote } from '../limits.js';
import {
  CHANGE_KEYS, DEDUCTION_KEYS, flagOf, JOB_TERM_KEYS, keyOf, MAX_PROBATION_MONTHS, MONTH_KEYS, MONTH_PAYROLL_KEYS, PAY_KEYS, PAYROLL_KEYS, type RawOptions, BONUS_METHODS,
} from './keys.js';

/** The payroll options of one month, parsed. */
/** The payroll options of one month, parsed: the payroll engine's own month keys (MONTH_PAYROLL_KEYS). */
export type MonthPayroll = Pick<MonthFields, (typeof MONTH_PAYROLL_KEYS)[number]>;

/** One month of a request: its payroll options, and its pay (estimate) or its gross (net). */
export interface MonthRequest {
  payroll: MonthPayroll;
  pay?: PayInput;
  gross?: Fen;
  extra?: Fen;
  unpaidDays?: number;
  /** Share of the agreed pay paid this month (probation pay), a fraction; default 1. */
  payPercent?: number;
}

export interface YearRequest {
  bonus?: Fen;
  bonusTax: (typeof BONUS_METHODS)[number];
  bonusMonth: number;
  startMonth: number;
  firstJob: boolean;
  lastYearUnder60k: boolean;
  privatePension?: Fen;
  earlierIncome?: Fen;
  earlierTax?: Fen;
  earlierInsurance?: Fen;
  seriousIllness?: Fen;
  date: string;
}

/** A whole request: the year's options, twelve months, and the months a new employer starts. */
export interface Request {
  year: YearRequest;
  months: MonthRequest[];
  jobs: number[];
  /** The options as given, for the result's `input`. */
  raw: RawOptions;
}

/** Kept for callers that read one month (compare's probation figure). */
export type PayrollRequest = MonthPayroll & YearRequest;

const given = (o: RawOptions, k: string) => o[k] !== undefined && o[k] !== null && o[k] !== false;
/** The value of key `k` as text (see textOf: a value with none, a list or an object is refused, naming the flag). */
const str = (o: RawOptions, k: string) => textOf(flagOf(k), o[k]);

function bool(o: RawOptions, k: string): boolean {
  const v = o[k];
  if (v === undefined || v === false || v === 'false' || v === 'no') return false;
  if (v === true || v === 'true' || v === 'yes' || v === '') return true;
  if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) throw new UsageError(m('e:switch', { flag: flagOf(k), raw: String(v) }));
  throw new UsageError(m('e:switch-got', { flag: flagOf(k), got: kindOf(v) }));
}

export function readPayInput(o: RawOptions, model: Model): PayInput {
  if (!given(o, 'city')) throw new UsageError(m('e:needs-city'), m('hint:cities', { ids: Object.keys(model.cities).join(', ') }));
  if (!given(o, 'level')) throw new UsageError(m('e:needs-level'), m('hint:levels', { ids: Object.keys(model.levels).join(', ') }));
  const platform = identifyPlatform(model, given(o, 'platform') ? str(o, 'platform') : 'generic');
  const opt = <T>(k: string, f: (flag: string, raw: string) => T): T | undefined =>
    given(o, k) ? f(flagOf(k), str(o, k)) : undefined;
  const level = identifyLevel(model, platform, str(o, 'level'));
  const set = readSettings(o.set, model, platform, level);
  const base = opt('base', (f, r) => parseYuan(f, r, { allowZero: false }));
  if (set?.base !== undefined && base !== undefined && set.base !== base) throw new UsageError(m('e:set-twice', { id: 'base' }));
  return {
    platform,
    city: identifyCity(model, str(o, 'city')),
    level,
    percentile: opt('percentile', (f, r) => parseRange(f, r, 0, 100, 'what:percentile')) ?? 50,
    satisfaction: opt('satisfaction', (f, r) => parseShare(f, r, { ambiguous: true })),
    kpi: opt('kpi', (f, r) => parsePercent(f, r, 1000, { ambiguous: true })),
    orders: opt('orders', (f, r) => parseCount(f, r, 100_000, 'why:orders')),
    nightShifts: opt('nightShifts', (f, r) => parseCount(f, r, 31, 'why:days')),
    overtime: opt('overtime', parseHours),
    restDayOvertime: opt('restDayOvertime', parseHours),
    holidayOvertime: opt('holidayOvertime', parseHours),
    base: set?.base ?? base,
    yearEndMonths: opt('yearEndMonths', (f, r) => parseRange(f, r, 0, 24, 'what:months-of-base')),
    ...(set ? { set: Object.fromEntries(Object.entries(set).filter(([id]) => id !== 'base')) } : {}),
  };
}

export function readYear(o: RawOptions, today: string): YearRequest {
  const opt = <T>(k: string, f: (flag: string, raw: string) => T): T | undefined =>
    given(o, k) ? f(flagOf(k), str(o, k)) : undefined;
  return {
    bonus: opt('bonus', parseYuan),
    bonusTax: opt('bonusTax', (f, r) => parseChoice(f, r, BONUS_METHODS)) ?? 'auto',
    bonusMonth: opt('bonusMonth', (f, r) => parseRange(f, r, 1, 12, 'what:month-number')) ?? 12,
    startMonth: opt('startMonth', (f, r) => parseRange(f, r, 1, 12, 'what:month-number')) ?? 1,
    firstJob: bool(o, 'firstJob'),
    lastYearUnder60k: bool(o, 'lastYearUnder60k'),
    privatePension: opt('privatePension', parseYuan),
    earlierIncome: opt('earlierIncome', parseYuan),
    earlierTax: opt('earlierTax', parseYuan),
    earlierInsurance: opt('earlierInsurance', parseYuan),
    seriousIllness: opt('seriousIllness', parseYuan),
    date: opt('date', parseDate) ?? today,
  };
}

export function readMonthPayroll(o: RawOptions, model: Model): MonthPayroll {
  const opt = <T>(k: string, f: (flag: string, raw: string) => T): T | undefined =>
    given(o, k) ? f(flagOf(k), str(o, k)) : undefined;
  const rent = bool(o, 'rent');
  const mortgage = bool(o, 'mortgage');
  if (rent && mortgage) {
    throw new UsageError(m('e:rent-mortgage'), m('hint:rent-mortgage'));
  }
  return {
    city: opt('city', (_, r) => identifyCity(model, r)),
    socialBase: opt('socialBase', (f, r) => parseYuan(f, r, { allowZero: false })),
    housingFundRate: opt('housingFundRate', (f, r) => parseShare(f, r, { max: 1 })),
    supplementaryFundRate: opt('supplementaryFundRate', (f, r) => parsePercent(f, r, 5)),
    medicalTier: opt('medicalTier', (f, r) => Number(parseChoice(f, r, ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const))),
    insurance: opt('insurance', parseYuan),
    deduction: opt('deduction', parseYuan),
    children: opt('children', (f, r) => parseCount(f, r, 20, 'why:children')),
    infants: opt('infants', (f, r) => parseCount(f, r, 20, 'why:infants')),
    elderly: opt('elderly', (f, r) => parseChoice(f, r, ['only-child', 'shared'] as const)),
    rent: rent || undefined,
    mortgage: mortgage || undefined,
    continuingEducation: opt('continuingEducation', (f, r) => parseChoice(f, r, ['degree', 'certificate'] as const)),
    healthInsurance: opt('healthInsurance', parseYuan),
    annuity: opt('annuity', (f, r) => parsePercent(f, r, 100)),
    // The shares the law allows (100 or 50) are data: the payroll checks them.
    childShare: opt('childShare', (f, r) => parseRange(f, String(r).trim().replace(/%$/, ''), 0, 100, 'what:percentage')),
    elderlyShare: opt('elderlyShare', (f, r) => parseYuan(f, r, { allowZero: false })),
    mortgageShare: opt('mortgageShare', (f, r) => parseRange(f, String(r).trim().replace(/%$/, ''), 0, 100, 'what:percentage')),
  };
}

/** Both halves of the old single-month request, for one month's options. */
export function readPayrollRequest(o: RawOptions, model: Model, today: string): PayrollRequest {
  return { ...readYear(o, today), ...readMonthPayroll(o, model) };
}

type Command = 'estimate' | 'net' | 'gross';
const NET_ONLY = ['gross'];
const ESTIMATE_ONLY = ['base', 'level', 'platform', 'nightShifts', 'overtime', 'restDayOvertime', 'holidayOvertime', 'satisfaction', 'kpi', 'orders', 'percentile'];

/** Options (flags, an offer file, a batch line) -> the whole request: the year, its twelve months, its employers. */
export function readRequest(o: RawOptions, command: Command, model: Model, today: string): Request {
  const year = readYear(o, today);
  const changes = readChanges(o, command);
  checkBeforeStart(changes, year.startMonth);
  const jobs = changes.filter((c) => c.kind === 'job').map((c) => c.month).sort((a, b) => a - b);
  const base: RawOptions = {};
  for (const k of [...PAY_KEYS, ...MONTH_PAYROLL_KEYS, 'gross', 'extra', 'unpaidDays', 'payPercent']) if (o[k] !== undefined) base[k] = o[k];
  const perMonth = monthOptions(base, changes);
  const cache = new Map<string, MonthRequest>();
  const months = perMonth.map((raw, i) => {
    const key = JSON.stringify(raw);
    let month = cache.get(key);
    if (!month) {
      month = readMonth(raw, command, model, i + 1, changedBy(changes, i + 1));
      cache.set(key, month);
    }
    return month;
  });
  return { year, months, jobs, raw: o };
}

/**
 * Before the start month there is no pay at this employer: `--in` may give only
 * deductions there (they count at the reconciliation), never pay that would be
 * silently dropped. A `--from` before the start takes effect from the start month.
 */
function checkBeforeStart(changes: readonly Change<RawOptions>[], start: number): void {
  for (const c of changes) {
    if (c.kind !== 'in' || c.month >= start) continue;
    const pay = Object.keys(c.values).filter((k) => !(DEDUCTION_KEYS as readonly string[]).includes(k));
    if (pay.length > 0) {
      throw new UsageError(
        m('e:in-before-start', { month: c.month, start, keys: pay.map((k) => flagOf(k).slice(2)).join(', ') }),
        m('hint:in-before-start'),
      );
    }
  }
}

/** The flag whose change shaped month m ("--in 7"), or null when the month is the base input. */
function changedBy(changes: readonly Change<RawOptions>[], m: number): string | null {
  const own = changes.filter((c) => (c.kind === 'in' ? c.month === m : c.month <= m));
  const last = own.sort((a, b) => (a.kind === 'in' ? 1 : 0) - (b.kind === 'in' ? 1 : 0) || a.month - b.month).at(-1);
  return last ? `--${last.kind} ${last.month}` : null;
}

function readMonth(o: RawOptions, command: Command, model: Model, month: number, changed: string | null): MonthRequest {
  const opt = <T>(k: string, f: (flag: string, raw: string) => T): T | undefined =>
    given(o, k) ? f(flagOf(k), str(o, k)) : undefined;
  try {
    const payroll = readMonthPayroll(o, model);
    const out: MonthRequest = {
      payroll,
      extra: opt('extra', parseYuan),
      unpaidDays: opt('unpaidDays', parseUnpaidDays),
      payPercent: opt('payPercent', (f, r) => parsePercent(f, r, 100)),
    };
    if (command === 'estimate') {
      out.pay = readPayInput(o, model);
      out.payroll.city = out.pay.city;
    } else if (given(o, 'gross')) {
      out.gross = parseYuan('--gross', str(o, 'gross'), { allowZero: false });
      if (out.extra) checkMonthPay([], out.gross + out.extra, month);
    }
    return out;
  } catch (e) {
    // Name the month when a change made it wrong.
    if (changed && e instanceof UsageError && !/month \d/.test(e.message)) {
      throw new UsageError(m('e:prefixed', { prefix: changed, inner: e.text?.message ?? e.message }), e.text?.hint ?? e.hint, e.code);
    }
    throw e;
  }
}

/** --from/--in/--job strings ("7:gross=20000,base=8000") or objects ({"7": {...}}, jobs: [{month: 7, ...}]). */
export function readChanges(o: RawOptions, command: Command): Change<RawOptions>[] {
  const changes: Change<RawOptions>[] = [];
  const terms: JobTerms[] = [];
  const add = (kind: ChangeKind, month: unknown, values: RawOptions, flag: string) => {
    const n = typeof month === 'number' ? month : typeof month === 'string' && /^\s*\d{1,2}\s*$/.test(month) ? Number(month) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > 12) {
      if (typeof month === 'string' || (typeof month === 'number' && Number.isFinite(month))) {
        throw new UsageError(m('e:change-month', { flag, raw: String(month) }), m('hint:change-form', { flag }));
      }
      throw new UsageError(m('e:change-month-got', { flag, got: kindOf(month) }), m('hint:change-form', { flag }));
    }
    const allowed: readonly string[] = kind === 'job' ? ['city', ...MONTH_KEYS, ...JOB_TERM_KEYS] : MONTH_KEYS;
    const clean: RawOptions = {};
    for (const [k, v] of Object.entries(values)) {
      const key = keyOf(k);
      // night-shifts and nightShifts are one key: given both ways it is given twice.
      if (key in clean) throw new UsageError(m('e:change-key-twice', { flag, month: n, key: flagOf(key).slice(2) }), m('hint:change-twice'));
      if (!allowed.includes(key)) {
        const guess = closest(key, allowed);
        const known = [...PAY_KEYS, ...PAYROLL_KEYS, 'gross'].includes(key);
        const what = key === 'city'
          ? m('e:change-city', { flag, month: n })
          : known ? m('e:change-fixed', { flag, month: n, key: flagOf(key).slice(2) }) : m('e:change-unknown', { flag, month: n, key: flagOf(key).slice(2, 42) });
        throw new UsageError(what, m('hint:change-keys', { guess: guess && flagOf(guess).slice(2), keys: allowed.map((a) => flagOf(a).slice(2)).join(', ') }));
      }
      if (command === 'estimate' && NET_ONLY.includes(key)) {
        throw new UsageError(m('e:change-gross', { flag, month: n }));
      }
      if (command !== 'estimate' && ESTIMATE_ONLY.includes(key)) {
        throw new UsageError(m('e:change-pay-option', { flag, month: n, key: flagOf(key).slice(2) }));
      }
      clean[key] = v;
    }
    const agreed = kind === 'job' ? readJobTerms(n, clean, flag) : null;
    if (agreed) terms.push(agreed);
    changes.push({ kind, month: n, values: clean });
  };
  for (const [key, kind, flag] of [['from', 'from', '--from'], ['in', 'in', '--in'], ['job', 'job', '--job']] as const) {
    const v = o[key];
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) {
      for (const spec of v) {
        if (spec !== null && typeof spec === 'object') {
          const { month, ...values } = objectOf(spec, flag);
          add(kind, month, values, flag);
        } else if (typeof spec === 'string') add(kind, ...splitSpec(spec, flag), flag);
        else throw new UsageError(m('e:change-shape-got', { flag, got: kindOf(spec) }));
      }
    }
    else if (typeof v === 'string') add(kind, ...splitSpec(v, flag), flag);
    else if (typeof v === 'object') {
      for (const [month, values] of Object.entries(v as Record<string, unknown>)) add(kind, month, objectOf(values, flag), flag);
    } else throw new UsageError(m('e:change-shape-got', { flag, got: kindOf(v) }));
  }
  if (o.jobs !== undefined) {
    if (!Array.isArray(o.jobs)) throw new UsageError(m('e:change-jobs'));
    for (const job of o.jobs) {
      const { month, ...values } = objectOf(job, 'jobs');
      add('job', month, values, 'jobs');
    }
  }
  const starts = changes.filter((c) => c.kind === 'job').map((c) => c.month);
  for (const t of terms) changes.push(...termChanges(t, Math.min(13, ...starts.filter((s) => s > t.month))));
  return changes;
}

/** Probation and a sign-on bonus agreed with one employer. */
export interface JobTerms {
  /** The employer's first month. */
  month: number;
  probationMonths: number;
  /** Percent of the agreed pay paid during probation (100: none cut). */
  probationPayPercent: number;
  /** Yuan, paid as `extra` in the first month. */
  signOnBonus: number;
}

/** The terms a `--job` spec or `jobs:` entry states (taken out of `values`), or null. */
function readJobTerms(month: number, values: RawOptions, flag: string): JobTerms | null {
  if (!JOB_TERM_KEYS.some((k) => k in values)) return null;
  const terms: RawOptions = {};
  for (const k of JOB_TERM_KEYS) (terms[k] = values[k]), delete values[k];
  return { month, ...readTerms(terms, (key) => `${flag} ${month}: ${flagOf(key)}`) };
}

/**
 * Probation and a sign-on bonus as agreed (an offer's own, or a job's), read like
 * flags: `flagFor` names the key in an error. Defaults: no probation, full pay, no bonus.
 */
export function readTerms(terms: RawOptions, flagFor: (key: string) => string = flagOf): Omit<JobTerms, 'month'> {
  const read = <T>(key: string, f: (flag: string, raw: string) => T) => {
    const v = terms[key];
    return v === undefined || v === null || v === false ? undefined : f(flagFor(key), str(terms, key));
  };
  return {
    probationMonths: read('probationMonths', (f, r) => parseCount(f, r, MAX_PROBATION_MONTHS, 'the months of probation the law allows')) ?? 0,
    probationPayPercent: read('probationPayPercent', (f, r) => parseRange(f, r, 0, 100, 'a percentage of the full pay')) ?? 100,
    signOnBonus: fenToYuan(read('signOnBonus', parseYuan) ?? 0),
  };
}

/**
 * Terms as `--in` changes: the employer's first months at the probation share of
 * the pay, the sign-on bonus as `extra` in its first month. Probation ends where
 * the next employer starts (`until`, exclusive): terms never carry over to a later job.
 */
export function termChanges(t: JobTerms, until = 13): Change<RawOptions>[] {
  const out: Change<RawOptions>[] = [];
  if (t.probationPayPercent < 100) {
    for (let m = t.month; m < Math.min(t.month + t.probationMonths, until, 13); m++) out.push({ kind: 'in', month: m, values: { payPercent: t.probationPayPercent } });
  }
  if (t.signOnBonus > 0) out.push({ kind: 'in', month: t.month, values: { extra: t.signOnBonus } });
  return out;
}

function objectOf(v: unknown, flag: string): RawOptions {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new UsageError(m('e:change-object', { flag }));
  }
  return v as RawOptions;
}

function splitSpec(spec: string, flag: string): [string, RawOptions] {
  const colon = spec.indexOf(':');
  if (colon < 0) throw new UsageError(m('e:change-spec', { flag, raw: spec.slice(0, 40) }), m('hint:change-example', { flag }));
  const values: RawOptions = {};
  for (const part of spec.slice(colon + 1).split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq).trim();
    // The same key twice in one change is refused, as it is across two flags: neither value silently wins.
    if (Object.hasOwn(values, key)) {
      throw new UsageError(m('e:change-key-twice', { flag, month: spec.slice(0, colon).trim().slice(0, 40), key: quote(key) }), m('hint:change-twice'));
    }
    values[key] = eq < 0 ? true : part.slice(eq + 1).trim();
  }
  if (Object.keys(values).length === 0) throw new UsageError(m('e:change-empty', { flag, month: spec.slice(0, colon) }), m('hint:change-example', { flag }));
  return [spec.slice(0, colon), values];
}
