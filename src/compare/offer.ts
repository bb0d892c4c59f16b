/**
 * Offers: a YAML offer file or an inline spec (`city=hangzhou,level=senior`).
 * Offer files fail like model files (exit 3, file:line:col and key); inline
 * specs fail like flags (exit 2).
 */
import { CsPayError, ModelError, UsageError } from '../errors.js';
import type { RawOptions } from '../cli/request.js';
import { checkKeys, keyOf } from '../cli/request.js';

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

/** Labour Contract Law Art. 19: a probation period is at most six months. */
const MAX_PROBATION_MONTHS = 6;

export const TERM_KEYS = ['name', 'probationMonths', 'probationPayPercent', 'signOnBonus', 'scheduledHours'];

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
  checkKeys(options, allowed, `the offer '${spec}'`);
  return fromOptions(options, spec, spec);
}

export function fromOptions(o: RawOptions, origin: string, fallbackName: string): Offer {
  const { name, probationMonths, probationPayPercent, signOnBonus, scheduledHours, ...options } = o;
  const num = (v: unknown, d: number) => (v === undefined ? d : Number(v));
  const terms = { probationMonths: num(probationMonths, 0), probationPayPercent: num(probationPayPercent, 100), signOnBonus: num(signOnBonus, 0) };
  for (const [k, v] of Object.entries(terms)) {
    if (!Number.isFinite(v) || v < 0) throw new UsageError(`${k} in the offer '${origin}' must be a number, zero or more; got '${String(o[k])}'.`);
  }
  if (terms.probationMonths > MAX_PROBATION_MONTHS || !Number.isInteger(terms.probationMonths)) {
    throw new UsageError(`probationMonths in the offer '${origin}' must be a whole number up to ${MAX_PROBATION_MONTHS} (Labour Contract Law Art. 19).`);
  }
  if (terms.probationPayPercent > 100) throw new UsageError(`probationPayPercent in the offer '${origin}' cannot be above 100.`);
  return {
    name: (name as string | undefined) ?? fallbackName,
    origin,
    options,
    ...terms,
    scheduledHours: scheduledHours === undefined ? undefined : Number(scheduledHours),
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
  return new ModelError(`${where}: ${e.message.replace(/\.$/, '')}.`, e.hint ?? 'Fix the offer file.');
}
