/**
 * Options (camelCase keys, string or boolean values, as commander, batch lines
 * and inline offer specs give them) -> validated requests. One place, so every
 * entry point reports the same errors for the same mistakes.
 */
import { UsageError } from '../errors.js';
import type { Fen } from '../money.js';
import type { Model } from '../model/model.js';
import type { PayInput } from '../pay/estimate.js';
import { identifyCity, identifyLevel, identifyPlatform } from './identify.js';
import { closest } from './suggest.js';
import {
  parseChoice, parseCount, parseDate, parseHours, parsePercent, parseRange, parseShare, parseYuan,
} from './values.js';

export type RawOptions = Record<string, unknown>;

export const PAY_KEYS = [
  'city', 'level', 'platform', 'nightShifts', 'satisfaction', 'orders', 'kpi', 'overtime',
  'restDayOvertime', 'holidayOvertime', 'percentile', 'base', 'yearEndMonths',
] as const;
export const PAYROLL_KEYS = [
  'city', 'socialBase', 'housingFundRate', 'insurance', 'deduction', 'children', 'infants', 'elderly',
  'rent', 'mortgage', 'bonus', 'bonusTax', 'startMonth', 'firstJob', 'date',
] as const;
export const BONUS_METHODS = ['auto', 'separate', 'merged'] as const;

export interface PayrollRequest {
  city?: string;
  socialBase?: Fen;
  housingFundRate?: number;
  insurance?: Fen;
  deduction?: Fen;
  children?: number;
  infants?: number;
  elderly?: 'only-child' | 'shared';
  rent?: boolean;
  mortgage?: boolean;
  bonus?: Fen;
  bonusTax: (typeof BONUS_METHODS)[number];
  startMonth: number;
  firstJob: boolean;
  date: string;
}

export const flagOf = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
export const keyOf = (flag: string) => flag.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

const str = (v: unknown) => (typeof v === 'number' ? String(v) : (v as string));
const given = (o: RawOptions, k: string) => o[k] !== undefined && o[k] !== null && o[k] !== false;

/** Reject keys no command knows, with a "did you mean" (batch lines, offer specs). */
export function checkKeys(o: RawOptions, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(o)) {
    if (allowed.includes(key)) continue;
    const guess = closest(key, allowed);
    throw new UsageError(
      `Unknown option '${key}' in ${where}.`,
      `${guess ? `Did you mean ${guess}? ` : ''}Options: ${allowed.join(', ')}.`,
    );
  }
}

function bool(o: RawOptions, k: string): boolean {
  const v = o[k];
  if (v === undefined || v === false || v === 'false' || v === 'no') return false;
  if (v === true || v === 'true' || v === 'yes' || v === '') return true;
  throw new UsageError(`${flagOf(k)} is a switch (true or false); got '${String(v)}'.`);
}

export function readPayInput(o: RawOptions, model: Model): PayInput {
  if (!given(o, 'city')) throw new UsageError('estimate needs a city (--city).', `Cities: ${Object.keys(model.cities).join(', ')}.`);
  if (!given(o, 'level')) throw new UsageError('estimate needs a level (--level).', `Levels: ${Object.keys(model.levels).join(', ')}.`);
  const platform = identifyPlatform(model, given(o, 'platform') ? str(o.platform) : 'generic');
  const opt = <T>(k: string, f: (flag: string, raw: string) => T): T | undefined =>
    given(o, k) ? f(flagOf(k), str(o[k])) : undefined;
  return {
    platform,
    city: identifyCity(model, str(o.city)),
    level: identifyLevel(model, platform, str(o.level)),
    percentile: opt('percentile', (f, r) => parseRange(f, r, 0, 100, 'a percentile')) ?? 50,
    satisfaction: opt('satisfaction', (f, r) => parseShare(f, r)),
    kpi: opt('kpi', (f, r) => parsePercent(f, r, 1000)),
    orders: opt('orders', (f, r) => parseCount(f, r, 100_000, 'orders a month cs-pay accepts')),
    nightShifts: opt('nightShifts', (f, r) => parseCount(f, r, 31, 'the days in a month')),
    overtime: opt('overtime', parseHours),
    restDayOvertime: opt('restDayOvertime', parseHours),
    holidayOvertime: opt('holidayOvertime', parseHours),
    base: opt('base', (f, r) => parseYuan(f, r, { allowZero: false })),
    yearEndMonths: opt('yearEndMonths', (f, r) => parseRange(f, r, 0, 24, 'months of base pay')),
  };
}

export function readPayrollRequest(o: RawOptions, model: Model, today: string): PayrollRequest {
  const opt = <T>(k: string, f: (flag: string, raw: string) => T): T | undefined =>
    given(o, k) ? f(flagOf(k), str(o[k])) : undefined;
  const rent = bool(o, 'rent');
  const mortgage = bool(o, 'mortgage');
  if (rent && mortgage) {
    throw new UsageError('--rent and --mortgage cannot be claimed together.', 'The law allows one housing deduction: pick --rent or --mortgage.');
  }
  return {
    city: opt('city', (_, r) => identifyCity(model, r)),
    socialBase: opt('socialBase', (f, r) => parseYuan(f, r, { allowZero: false })),
    housingFundRate: opt('housingFundRate', (f, r) => parseShare(f, r, { max: 1 })),
    insurance: opt('insurance', parseYuan),
    deduction: opt('deduction', parseYuan),
    children: opt('children', (f, r) => parseCount(f, r, 20, 'children cs-pay accepts')),
    infants: opt('infants', (f, r) => parseCount(f, r, 20, 'infants cs-pay accepts')),
    elderly: opt('elderly', (f, r) => parseChoice(f, r, ['only-child', 'shared'] as const)),
    rent: rent || undefined,
    mortgage: mortgage || undefined,
    bonus: opt('bonus', parseYuan),
    bonusTax: opt('bonusTax', (f, r) => parseChoice(f, r, BONUS_METHODS)) ?? 'auto',
    startMonth: opt('startMonth', (f, r) => parseRange(f, r, 1, 12, 'a month number, 1 to 12')) ?? 1,
    firstJob: bool(o, 'firstJob'),
    date: opt('date', parseDate) ?? today,
  };
}
