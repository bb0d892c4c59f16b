/**
 * The option keys every face shares (camelCase, as commander, batch lines, offer
 * files, library and tool calls give them), their flag names, and the checks on
 * an options object as a whole: plain data, known keys.
 */
import { m, UsageError } from '../errors.js';
import type { Localized } from '../i18n/messages.js';
import { MAX_NESTING_DEPTH, quote } from '../limits.js';
import { closest } from '../suggest.js';
import { kindOf } from './values.js';

export type RawOptions = Record<string, unknown>;

/** Keys of the pay model (estimate). */
export const PAY_KEYS = [
  'city', 'level', 'platform', 'nightShifts', 'satisfaction', 'orders', 'kpi', 'overtime',
  'restDayOvertime', 'holidayOvertime', 'percentile', 'base', 'yearEndMonths', 'set',
] as const;
/** Payroll keys that may differ by month (the keys of --from, --in and --job besides pay keys). */
export const MONTH_PAYROLL_KEYS = [
  'city', 'socialBase', 'housingFundRate', 'supplementaryFundRate', 'medicalTier', 'insurance', 'deduction',
  'children', 'infants', 'elderly', 'rent', 'mortgage', 'continuingEducation', 'healthInsurance', 'annuity',
  'childShare', 'elderlyShare', 'mortgageShare',
] as const;
/** Payroll keys for the whole year. */
export const YEAR_KEYS = [
  'bonus', 'bonusTax', 'bonusMonth', 'startMonth', 'firstJob', 'lastYearUnder60k', 'privatePension',
  'earlierIncome', 'earlierTax', 'earlierInsurance', 'seriousIllness', 'date',
] as const;
/** Month keys that are deductions: the only ones `--in` may give for a month before the start (they count at the reconciliation). */
export const DEDUCTION_KEYS = [
  'deduction', 'children', 'infants', 'childShare', 'elderly', 'elderlyShare', 'rent', 'mortgage', 'mortgageShare', 'continuingEducation',
] as const;
/** Terms agreed with an employer, which may stand in a `--job` spec or a `jobs:` entry and apply from its first month. */
export const JOB_TERM_KEYS = ['probationMonths', 'probationPayPercent', 'signOnBonus'] as const;
/** Labour Contract Law Art. 19: a probation period is at most six months. */
export const MAX_PROBATION_MONTHS = 6;
/** How the year changes: --from, --in, --job (offer files and batch lines: from, in, jobs). */
export const CHANGE_KEYS = ['from', 'in', 'job', 'jobs'] as const;
export const PAYROLL_KEYS = [...new Set([...MONTH_PAYROLL_KEYS, ...YEAR_KEYS, ...CHANGE_KEYS])] as const;
/** Keys a single month may change (CONTRACT "The year, month by month"); `city` only with a new employer. */
export const MONTH_KEYS = [
  'gross', 'base', 'level', 'platform', 'nightShifts', 'overtime', 'restDayOvertime', 'holidayOvertime',
  'satisfaction', 'kpi', 'orders', 'percentile', ...MONTH_PAYROLL_KEYS.filter((k) => k !== 'city'), 'extra', 'unpaidDays',
  'payPercent',
] as const;
export const BONUS_METHODS = ['auto', 'separate', 'merged'] as const;

/** lastYearUnder60k <-> --last-year-under-60k: a dash before each capital and before digits after a letter, as commander names them. */
export const flagOf = (key: string) => `--${key.replace(/[A-Z]|(?<=[a-z])\d+/g, (c) => `-${c.toLowerCase()}`)}`;
export const keyOf = (flag: string) => flag.replace(/^--/, '').replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * Options as any face gives them must be plain data: text, numbers, switches,
 * null, lists and plain objects. A Map, a Set, a Date, a BigInt or a function
 * (a library caller's) is refused here, naming where it is, before anything reads
 * it as something else (a Map's entries are not an object's keys).
 */
export function checkPlain(value: unknown, path = 'options', depth = 0): void {
  if (value === null || value === undefined) return;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return;
  const plain = t === 'object' && (Array.isArray(value) || [Object.prototype, null].includes(Object.getPrototypeOf(value)));
  if (!plain) throw new UsageError(m('e:not-plain', { path: quote(path), got: kindOf(value) }));
  if (depth >= MAX_NESTING_DEPTH) throw new UsageError(m('e:not-plain-deep', { max: MAX_NESTING_DEPTH }));
  for (const key of Object.keys(value as object)) {
    checkPlain((value as Record<string, unknown>)[key], path === 'options' ? key : `${path}.${key}`, depth + 1);
  }
}

/**
 * Reject keys no command knows, with a "did you mean" (batch lines, offer specs).
 * `spell` writes a key as the user wrote keys there (kebab-case in an inline spec).
 */
export function checkKeys(o: RawOptions, allowed: readonly string[], where: string | Localized, spell: (key: string) => string = (k) => k): void {
  for (const key of Object.keys(o)) {
    if (allowed.includes(key)) continue;
    const guess = closest(key, allowed);
    throw new UsageError(m('e:unknown-option', { key: spell(key), where }), m('hint:options', { guess: guess && spell(guess), options: allowed.map(spell).join(', ') }));
  }
}
