/**
 * Typed errors carry the contract's exit codes (CONTRACT.md, "Exit codes").
 * The CLI prints `message` and `hint` and exits with `exitCode`; anything else
 * that escapes is a bug (exit 1).
 *
 * A message may be given as a catalogue key and params (`{ key, params }`):
 * `message` is then its English text, and `describe(e, lang)` says it in
 * either language.
 */
import { type Lang, type Localized, type Params, say } from './i18n/messages.js';
import { clipMessage, quote } from './limits.js';

export type Said = string | Localized;

// Every face (the CLI, batch, the library, the tool server) gets a message whose quotes of input are cut to 40 characters.
const english = (s: Said | undefined) => (s === undefined ? s : clipMessage(typeof s === 'string' ? s : say(s, 'en')));

/**
 * A catalogue message in English, as the core's warnings carry it beside their code
 * (scripts match `message`). Here, with errors, so that the pure core (src/pay,
 * src/payroll, src/model) imports no words from src/i18n itself.
 */
export const inEnglish = (s: Localized): string => say(s, 'en');

export class CsPayError extends Error {
  readonly hint?: string;
  /** The message and hint as catalogue entries, when they were given so. */
  readonly text?: { message: Said; hint?: Said };

  constructor(
    message: Said,
    readonly exitCode: 2 | 3 | 4,
    hint?: Said,
    readonly code = 'error',
  ) {
    super(english(message));
    this.name = new.target.name;
    this.hint = english(hint);
    if (typeof message !== 'string' || (hint !== undefined && typeof hint !== 'string')) this.text = { message, hint };
  }
}

/** Bad usage or input: exit 2. */
export class UsageError extends CsPayError {
  constructor(message: Said, hint?: Said, code = 'bad-input') {
    super(message, 2, hint, code);
  }
}

/** Invalid model, law or offer file: exit 3. */
export class ModelError extends CsPayError {
  constructor(message: Said, hint?: Said) {
    super(message, 3, hint, 'invalid-file');
  }
}

/** No rule in force for the date asked: exit 4. */
export class NoRuleError extends CsPayError {
  constructor(message: Said, hint?: Said) {
    super(message, 4, hint, 'no-rule');
  }
}

/** An error's message and hint in a language (English text when it was given as plain text). */
export function describe(e: CsPayError, lang: Lang): { message: string; hint?: string } {
  if (!e.text || lang === 'en') return { message: e.message, hint: e.hint };
  const { message, hint } = e.text;
  const put = (s: Said) => clipMessage(typeof s === 'string' ? s : say(s, lang));
  return { message: put(message), hint: hint === undefined ? undefined : put(hint) };
}

/** A catalogue message, for `throw new UsageError(m('unknown', { kind, raw }))`. */
export const m = (key: Localized['key'], params?: Localized['params']): Localized =>
  // `raw` is always the user's own input: quoted at most MAX_QUOTE_CHARS long, whatever the message does with it.
  ({ key, params: params && 'raw' in params ? { ...params, raw: quote(params.raw) } : params });

/**
 * The error said in `lang`, for the CLI to print. `fill` gives params the
 * thrower could not know, such as the command's own help (`help`).
 */
export function inLanguage(e: unknown, lang: Lang, fill: Params = {}): unknown {
  if (!(e instanceof CsPayError) || !e.text) return e;
  const put = (s: Said | undefined) => {
    if (s === undefined || typeof s === 'string') return s;
    const own = s.params ?? {};
    const extra = Object.fromEntries(Object.entries(fill).filter(([k]) => k in own));
    return clipMessage(say({ key: s.key, params: { ...own, ...extra } }, lang));
  };
  Object.assign(e, { message: put(e.text.message), hint: put(e.text.hint) });
  return e;
}
