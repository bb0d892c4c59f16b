/**
 * Offers: a YAML offer file or an inline spec (`city=hangzhou,level=senior`).
 * Offer files fail like model files (exit 3, file:line:col and key); inline
 * specs fail like flags (exit 2).
 */
import { CsPayError, m, ModelError, UsageError } from '../errors.js';
import type { RawOptions } from '../request/keys.js';
import { checkKeys, flagOf, keyOf, PAY_KEYS } from '../request/keys.js';
import { readTerms } from '../request/request.js';
import { parseHours, textOf } from '../request/values.js';
import { quote } from '../limits.js';
import { fenToYuan } from '../money.js';

export interface Offer {
  name: string;
  /** Where the offer came from: the file name or the spec. */
  origin: string;
  options: RawOptions;
  probationMonths: number;
  probationPayPercent: number;
  signOnBonus: number;
  scheduledHours?: number;
}

export const TERM_KEYS = ['name', 'probationMonths', 'probationPayPercent', 'signOnBonus', 'scheduledHours'];

/** Pay options only the model prices: with a known gross they would be silently dropped. */
const MODEL_ONLY_KEYS = PAY_KEYS.filter((k) => k !== 'city');

export function isOfferFile(arg: string): boolean {
  return /\.ya?ml$/i.test(arg) || !arg.includes('=');
}

/** `city=hangzhou,level=senior,night-shifts=8` (keys are the long flag names). */
export function parseInlineOffer(spec: string, allowed: readonly string[]): Offer {
  const options: RawOptions = {};
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = keyOf(eq < 0 ? part : part.slice(0, eq).trim());
    options[key] = eq < 0 ? true : part.slice(eq + 1).trim();
  }
  checkKeys(options, allowed, `the offer '${quote(spec)}'`, (k) => flagOf(k).slice(2));
  try {
    return fromOptions(options, spec, spec);
  } catch (e) {
    // Two offers side by side: say which one.
    if (e instanceof UsageError) throw new UsageError(`In the offer '${quote(spec)}': ${e.message}`, e.hint);
    throw e;
  }
}

/**
 * An offer from its options (inline strings or offer-file values). The terms are
 * read like flags, so `scheduled-hours=0` or `sign-on-bonus=1e308` fail here naming
 * the key instead of printing NaN or ∞ later.
 */
export function fromOptions(o: RawOptions, origin: string, fallbackName: string): Offer {
  const { name, probationMonths, probationPayPercent, signOnBonus, scheduledHours, ...options } = o;
  const term = <T>(v: unknown, read: (raw: string) => T, flag: string): T | undefined => (v === undefined ? undefined : read(textOf(flag, v)));
  if (name !== undefined && typeof name !== 'string') throw new UsageError(`--name needs a value, like name=Offer A; got '${quote(name)}'.`);
  if (options.gross !== undefined) {
    const unpriced = MODEL_ONLY_KEYS.filter((k) => options[k] !== undefined && options[k] !== false);
    if (unpriced.length > 0) {
      throw new UsageError(
        `An offer with a known gross has no use for ${unpriced.map(flagOf).join(', ')}: only the model prices them.`,
        'Drop them, or drop gross to have the model estimate the pay.',
      );
    }
  }
  const hours = term(scheduledHours, (r) => parseHours('--scheduled-hours', r), '--scheduled-hours');
  if (hours === 0) throw new UsageError("--scheduled-hours must be more than zero hours a month; got '0'.", '--scheduled-hours takes hours a month, from 1 to 744.');
  return {
    name: (name as string | undefined) ?? fallbackName,
    origin,
    options,
    ...readTerms({ probationMonths, probationPayPercent, signOnBonus }),
    scheduledHours: hours,
  };
}

/**
 * Turn an error raised while reading an offer file's options into a ModelError
 * that points at the key's line: the flag in the message names the key.
 */
export function locateOfferError(e: unknown, file: string, text: string): unknown {
  if (!(e instanceof CsPayError) || e.exitCode !== 2) return e;
  const flag = /--([a-z-]+)/.exec(e.message)?.[1];
  const kind = /^Unknown (city|level|platform)/.exec(e.message)?.[1] ?? (/has no pay figures for level/.test(e.message) ? 'level' : undefined);
  const key = flag ? keyOf(flag) : kind ?? (/^([a-zA-Z]+) in the offer/.exec(e.message)?.[1]);
  const line = key ? text.split('\n').findIndex((l) => new RegExp(`^\\s*${key}\\s*:`).test(l)) : -1;
  const where = line >= 0 ? `${file}:${line + 1}:${text.split('\n')[line].search(/\S/) + 1}: ${key}` : file;
  // Said in the language asked for when the inner error can be (its catalogue entry).
  const inner = e.text?.message ?? e.message;
  return new ModelError(m('e:at', { where, inner }), e.text?.hint ?? e.hint ?? m('hint:fix-offer'));
}
