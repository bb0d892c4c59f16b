/**
 * Pure: one offer -> its priced result for a comparison (the estimate or net
 * object, plus the first year, the terms and the take-home per hour). The CLI
 * and the library both price offers here.
 */
import { answer, type Data } from '../answer.js';
import { termChanges } from '../request/request.js';
import { checkKeys, MONTH_KEYS, PAY_KEYS, PAYROLL_KEYS, type RawOptions } from '../request/keys.js';
import { UsageError } from '../errors.js';
import { fenToYuan, yuanToFen } from '../money.js';
import { overtimeRules } from '../payroll/rules.js';
import type { Lang } from '../result.js';
import type { OfferResult } from './compare.js';
import { fromOptions, isOfferFile, type Offer, parseInlineOffer, TERM_KEYS } from './offer.js';

/** The keys an offer takes (an inline spec, or an offer given as an object). */
export const INLINE_KEYS = [...new Set(['gross', ...PAY_KEYS, ...PAYROLL_KEYS, ...MONTH_KEYS, ...TERM_KEYS, 'cities'])];

/** An offer given in memory: an inline spec string or an object with the offer-file keys. Files are the CLI's to read. */
export function readOfferValue(value: unknown, fallback: string): Offer {
  if (typeof value === 'string') {
    if (isOfferFile(value)) {
      throw new UsageError(
        `Offer ${fallback} '${value.slice(0, 60)}' is not an inline spec.`,
        'Give an offer as key=value pairs (city=hangzhou,level=senior) or as an object with the offer-file keys.',
      );
    }
    return parseInlineOffer(value, INLINE_KEYS);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`Offer ${fallback} must be an object or an inline spec, like {"city": "hangzhou", "level": "senior"}.`);
  }
  checkKeys(value as RawOptions, INLINE_KEYS, `offer ${fallback}`);
  return fromOptions(value as RawOptions, fallback, fallback);
}

export function priceOffer(offer: Offer, shared: RawOptions, data: Data, today: string, lang: Lang): OfferResult {
  const o = { ...shared, ...offer.options };
  const command = o.gross !== undefined ? 'net' : 'estimate';
  const result = answer(command, o, data, today, lang);
  const { probationMonths: p, probationPayPercent: pct, signOnBonus } = offer;
  // The first year (CONTRACT, "compare's first year"): the tax year of --date from the
  // start month, probation months at probation pay, the sign-on bonus paid in the first month.
  // Top-level terms belong to the employer of the start month: they end where a new job starts.
  const start = Number(result.input.startMonth ?? 1);
  const firstJob = Math.min(13, ...result.reconciliation.employers.map((e) => e.fromMonth).filter((m) => m > start));
  const firstYearChanges = termChanges({ month: start, probationMonths: p, probationPayPercent: pct, signOnBonus }, firstJob)
    .map((c) => ({ month: c.month, ...c.values }));
  const firstYear = firstYearChanges.length
    ? answer(command, { ...o, in: [...changeList(o.in), ...firstYearChanges] }, data, today, lang)
    : result;
  const ot = overtimeRules(data.law, result.asOf);
  const scheduled = offer.scheduledHours ?? ot.hoursPerMonth;
  // Validated overtime hours from the result's input (a known-gross offer has none).
  const worked = result.input as Record<string, number | undefined>;
  const hours = scheduled + (worked.overtime ?? 0) + (worked.restDayOvertime ?? 0) + (worked.holidayOvertime ?? 0);
  return {
    ...result,
    name: offer.name,
    origin: offer.origin,
    terms: { probationMonths: p, probationPayPercent: pct, signOnBonus, scheduledHours: scheduled },
    firstYearNet: firstYear.annual.net,
    // What the first month really pays: at probation pay, with the sign-on bonus.
    firstMonthNet: firstYear.takeHome.firstMonth,
    firstYearBalance: firstYear.reconciliation.balance,
    hourlyNet: fenToYuan(Math.round(yuanToFen(result.takeHome.average) / hours)),
  };
}

/** `--in` as given (a spec, a list of specs, or an offer file's map) as a list the request reader takes. */
function changeList(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([month, values]) => ({ ...(values as object), month }));
  return [v];
}
