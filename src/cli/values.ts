/**
 * Flag values -> typed input. Each parser takes the flag name so its error is
 * one sentence naming the flag, what it expects, and what it got.
 */
import { UsageError } from '../errors.js';
import { type Fen, yuanToFen } from '../money.js';
import { closest } from './suggest.js';

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** Every value error says what the flag takes, on its hint line. */
const bad = (flag: string, message: string, takes: string) => new UsageError(message, `${flag} takes ${takes}. See \`cs-pay --help\`.`);

export function parseNumber(flag: string, raw: string, what: string, example: string): number {
  const text = String(raw).trim().replace(/[¥￥]/g, '');
  if (!NUMBER.test(text)) throw bad(flag, `${flag} expects ${what}, like ${example}; got '${raw}'.`, `${what}, like ${example}`);
  return Number(text.replace(/,/g, ''));
}

/** An amount in yuan, to the fen. */
export function parseYuan(flag: string, raw: string, { allowZero = true } = {}): Fen {
  const yuan = parseNumber(flag, raw, 'an amount in yuan', '12000');
  const takes = 'an amount in yuan, like 12000 or 12000.50';
  if (yuan < 0 || (!allowZero && yuan === 0)) {
    throw bad(flag, `${flag} must be ${allowZero ? 'zero or more' : 'more than zero'} yuan; got '${raw}'.`, takes);
  }
  if (yuan > 100_000_000) throw bad(flag, `${flag} of ${raw} yuan is beyond what cs-pay models.`, 'at most 100,000,000 yuan');
  if (/\.\d{3,}$/.test(String(raw).trim())) {
    throw bad(flag, `${flag} is an amount in yuan to the fen; got '${raw}'.`, 'two decimals at most');
  }
  return yuanToFen(yuan);
}

export function parseCount(flag: string, raw: string, max: number, why: string): number {
  const n = parseNumber(flag, raw, 'a whole number', '8');
  const takes = `a whole number from 0 to ${max}`;
  if (!Number.isInteger(n) || n < 0) throw bad(flag, `${flag} must be a whole number, zero or more; got '${raw}'.`, takes);
  if (n > max) throw bad(flag, `${flag} of ${n} is more than ${why} (${max}).`, takes);
  return n;
}

export function parseHours(flag: string, raw: string): number {
  const n = parseNumber(flag, raw, 'hours a month', '10');
  const takes = 'hours a month, from 0 to 744';
  if (n < 0) throw bad(flag, `${flag} must be zero or more hours; got '${raw}'.`, takes);
  // 31 days × 24 h: anything above is not a month.
  if (n > 744) throw bad(flag, `${flag} of ${n} hours is more than a month has (744).`, takes);
  return n;
}

/** "96", "96%" or "0.96" -> 0.96. Without a % sign, values up to 1 are fractions. */
export function parseShare(flag: string, raw: string, { max = 1 } = {}): number {
  const text = String(raw).trim();
  const percent = text.endsWith('%');
  const n = parseNumber(flag, percent ? text.slice(0, -1) : text, 'a percentage', '96, 96% or 0.96');
  const share = percent || n > 1 ? n / 100 : n;
  const takes = `a percentage from 0 to ${max * 100}%: 96, 96% or 0.96`;
  if (share < 0) throw bad(flag, `${flag} cannot be negative; got '${raw}'.`, takes);
  if (share > max + 1e-9) throw bad(flag, `${flag} cannot be above ${max * 100}%; got '${raw}'.`, takes);
  return Math.round(share * 1e6) / 1e6;
}

/** Always a percentage ("115" or "115%" of the team target) -> 1.15. */
export function parsePercent(flag: string, raw: string, max: number): number {
  const text = String(raw).trim().replace(/%$/, '');
  const n = parseNumber(flag, text, 'a percentage', '115');
  const takes = `a percentage from 0 to ${max}, like 115`;
  if (n < 0) throw bad(flag, `${flag} cannot be negative; got '${raw}'.`, takes);
  if (n > max) throw bad(flag, `${flag} of ${n}% is above the ${max}% cs-pay accepts.`, takes);
  return Math.round(n * 1e4) / 1e6;
}

export function parseRange(flag: string, raw: string, low: number, high: number, what: string): number {
  const n = parseNumber(flag, raw, what, String(Math.round((low + high) / 2)));
  const takes = `${what} from ${low} to ${high}`;
  if (n < low || n > high) throw bad(flag, `${flag} must be between ${low} and ${high}; got '${raw}'.`, takes);
  if (/month number/.test(what) && !Number.isInteger(n)) throw bad(flag, `${flag} must be a whole month, 1 to 12; got '${raw}'.`, takes);
  return n;
}

export function parseDate(flag: string, raw: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(raw).trim());
  const date = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : undefined;
  if (!m || !date || date.getUTCMonth() !== +m[2] - 1 || date.getUTCDate() !== +m[3]) {
    throw bad(flag, `${flag} expects a date as YYYY-MM-DD, like 2026-01-01; got '${raw}'.`, 'a calendar date as YYYY-MM-DD');
  }
  return m[0];
}

export function parseChoice<T extends string>(flag: string, raw: string, choices: readonly T[]): T {
  const value = String(raw).trim().toLowerCase() as T;
  if (!choices.includes(value)) {
    const guess = closest(value, choices);
    throw new UsageError(`${flag} must be one of ${choices.join(', ')}; got '${raw}'.`, guess ? `Did you mean ${guess}?` : `Choices: ${choices.join(', ')}.`);
  }
  return value;
}
