/**
 * Flag values -> typed input. Each parser takes the flag name so its error is
 * one sentence naming the flag, what it expects, and what it got. Messages come
 * from the catalogue (src/i18n), so they read in either language.
 */
import { m, type Said, UsageError } from '../errors.js';
import { isMessage, type Localized } from '../i18n/messages.js';
import { MAX_MONTH_YUAN } from '../limits.js';
import { type Fen, yuanToFen } from '../money.js';
import { closest } from '../suggest.js';

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** Every value error says what the flag takes, on its hint line. */
const bad = (flag: string, message: Localized, takes: Said) =>
  new UsageError(message, m('e:takes', { flag, takes, help: 'cs-pay --help' }));

type What = 'what:yuan' | 'what:count' | 'what:hours' | 'what:percentage' | 'what:percentile' | 'what:months-of-base' | 'what:month-number';
/** A catalogue key, or a phrase given as it is (said the same in every language). */
const phrase = (s: string): Said => (isMessage(s) ? m(s as What) : s);

export function parseNumber(flag: string, raw: string, what: What | string, example: string): number {
  const text = String(raw).trim().replace(/[¥￥]/g, '');
  if (!NUMBER.test(text)) {
    throw bad(flag, m('e:expects', { flag, what: phrase(what), example, raw }), m('takes:like', { what: phrase(what), example }));
  }
  const n = Number(text.replace(/,/g, ''));
  // 400 nines is a number to the pattern and Infinity to JavaScript: say what is wrong, not "Infinity".
  if (!Number.isFinite(n)) throw bad(flag, m('e:too-large', { flag, raw }), m('takes:like', { what: phrase(what), example }));
  return n;
}

/** What a value is, for a message: a list, an object, a BigInt… (never the value itself). */
export function kindOf(v: unknown): Said {
  if (Array.isArray(v)) return m('got:list');
  if (typeof v === 'bigint') return m('got:bigint');
  if (typeof v === 'function') return m('got:function');
  if (typeof v === 'symbol') return m('got:symbol');
  if (typeof v === 'boolean') return m('got:switch');
  if (typeof v === 'number') return m('got:number');
  if (typeof v === 'string') return m('got:string');
  if (v === null || v === undefined) return m('got:null');
  if (v instanceof Map) return m('got:map');
  if (v instanceof Set) return m('got:set');
  if (v instanceof Date) return m('got:date');
  return m('got:object');
}

/**
 * A flag's value as any face hands it in (argv, a batch line, an offer, a library
 * or tool call) -> its text. Text and finite numbers are values; a key given with
 * no value (`--job 7:city`, a bare `true`) and anything else (a list, an object,
 * a Map, a BigInt) is refused naming the flag, so no value is read as something
 * it is not (['1','000'] is not 1,000).
 */
export function textOf(flag: string, v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return String(v);
    if (Number.isNaN(v)) throw new UsageError(m('e:not-a-number', { flag }), m('e:value-takes', { flag }));
    throw new UsageError(m('e:too-large-value', { flag }), m('e:value-takes', { flag }));
  }
  if (v === true) throw new UsageError(m('e:needs-value', { flag }), m('hint:needs-value', { flag }));
  throw new UsageError(m('e:value-type', { flag, got: kindOf(v) }), m('e:value-takes', { flag }));
}

/** Unpaid leave (CONTRACT: a day's pay is the month's base ÷ 21.75, so a month has at most 21.75 unpaid days). */
export function parseUnpaidDays(flag: string, raw: string): number {
  const n = parseNumber(flag, raw, 'what:count', '3');
  const takes = m('takes:unpaid-days');
  if (!Number.isInteger(n) || n < 0) throw bad(flag, m('e:count-whole', { flag, raw }), takes);
  if (n > PAY_DAYS) throw bad(flag, m('e:unpaid-max', { flag, n, max: PAY_DAYS }), takes);
  return n;
}

/** 劳社部发〔2008〕3号: the paid days of a month (21.75), by which a day's pay is computed. */
const PAY_DAYS = 21.75;

/** An amount in yuan, to the fen. */
export function parseYuan(flag: string, raw: string, { allowZero = true } = {}): Fen {
  const yuan = parseNumber(flag, raw, 'what:yuan', '12000');
  if (yuan < 0 || (!allowZero && yuan === 0)) throw bad(flag, m(allowZero ? 'e:yuan-sign' : 'e:yuan-positive', { flag, raw }), m('takes:yuan'));
  if (yuan > MAX_MONTH_YUAN) throw bad(flag, m('e:yuan-beyond', { flag, raw }), m('takes:yuan-max'));
  if (/\.\d{3,}$/.test(String(raw).trim())) throw bad(flag, m('e:yuan-fen', { flag, raw }), m('takes:two-decimals'));
  return yuanToFen(yuan);
}

type Why = 'why:days' | 'why:working-days' | 'why:orders' | 'why:children' | 'why:infants';

export function parseCount(flag: string, raw: string, max: number, why: Why | string): number {
  const n = parseNumber(flag, raw, 'what:count', '8');
  const takes = m('takes:count', { max });
  if (!Number.isInteger(n) || n < 0) throw bad(flag, m('e:count-whole', { flag, raw }), takes);
  if (n > max) throw bad(flag, m('e:count-max', { flag, n, why: phrase(why), max }), takes);
  return n;
}

export function parseHours(flag: string, raw: string): number {
  const n = parseNumber(flag, raw, 'what:hours', '10');
  if (n < 0) throw bad(flag, m('e:hours-sign', { flag, raw }), m('takes:hours'));
  // 31 days × 24 h: anything above is not a month.
  if (n > 744) throw bad(flag, m('e:hours-max', { flag, n }), m('takes:hours'));
  return n;
}

/**
 * A rate people write as a fraction or a percent (--kpi, --satisfaction): a
 * number between 1 and 10 with decimals and no % sign could be either
 * (1.15: 1.15% or 115%?), so it is refused, naming both readings.
 */
function refuseAmbiguous(flag: string, text: string, n: number, { fractionsToo = false } = {}): void {
  if (text.endsWith('%') || Number.isInteger(n) || n <= 0 || n >= 10) return;
  if (n < 1 && !fractionsToo) return;
  const high = Math.round(n * 1e6) / 1e4;
  // `--set performance` is written --set performance=15; a flag, --kpi 115.
  const write = flag.includes(' ') ? `${flag}=` : `${flag} `;
  throw new UsageError(m('e:ambiguous-percent', { write, raw: text, low: n, high }), m('hint:ambiguous-percent', { write, low: n, high, highText: high }));
}

/** "96", "96%" or "0.96" -> 0.96. Without a % sign, values up to 1 are fractions. */
export function parseShare(flag: string, raw: string, { max = 1, ambiguous = false } = {}): number {
  const text = String(raw).trim();
  const percent = text.endsWith('%');
  const n = parseNumber(flag, percent ? text.slice(0, -1) : text, 'what:percentage', '96, 96% or 0.96');
  if (ambiguous) refuseAmbiguous(flag, text, n);
  const share = percent || n > 1 ? n / 100 : n;
  const takes = m('takes:share', { max: max * 100 });
  if (share < 0) throw bad(flag, m('e:negative', { flag, raw }), takes);
  if (share > max + 1e-9) throw bad(flag, m('e:share-max', { flag, max: max * 100, raw }), takes);
  return Math.round(share * 1e6) / 1e6;
}

/** Always a percentage ("115" or "115%" of the team target) -> 1.15. */
export function parsePercent(flag: string, raw: string, max: number, { ambiguous = false } = {}): number {
  const text = String(raw).trim();
  const n = parseNumber(flag, text.replace(/%$/, ''), 'what:percentage', '115');
  // A percent of a target is never sensibly 0.96% or 1.15%: below 10 with decimals, ask.
  if (ambiguous) refuseAmbiguous(flag, text, n, { fractionsToo: true });
  const takes = m('takes:percent', { max });
  if (n < 0) throw bad(flag, m('e:negative', { flag, raw }), takes);
  if (n > max) throw bad(flag, m('e:percent-max', { flag, n, max }), takes);
  return Math.round(n * 1e4) / 1e6;
}

export function parseRange(flag: string, raw: string, low: number, high: number, what: What | string): number {
  const n = parseNumber(flag, raw, what, String(Math.round((low + high) / 2)));
  const takes = m('takes:range', { what: phrase(what), low, high });
  if (n < low || n > high) throw bad(flag, m('e:range', { flag, low, high, raw }), takes);
  if (what === 'what:month-number' && !Number.isInteger(n)) throw bad(flag, m('e:whole-month', { flag, raw }), takes);
  return n;
}

export function parseDate(flag: string, raw: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(raw).trim());
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
  if (!match || !date || date.getUTCMonth() !== +match[2] - 1 || date.getUTCDate() !== +match[3]) {
    throw bad(flag, m('e:date', { flag, raw }), m('takes:date'));
  }
  return match[0];
}

export function parseChoice<T extends string>(flag: string, raw: string, choices: readonly T[]): T {
  const value = String(raw).trim().toLowerCase() as T;
  if (!choices.includes(value)) {
    const guess = closest(value, choices);
    throw new UsageError(
      m('e:choice', { flag, choices: choices.join(', '), raw }),
      guess ? m('hint:did-you-mean', { guess }) : m('hint:choices', { choices: choices.join(', ') }),
    );
  }
  return value;
}
