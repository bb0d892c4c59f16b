/**
 * The one message catalogue: every word cs-pay writes, in English and Chinese.
 * Renderers, warnings, errors and help all read it through `msg`, so a
 * sentence exists once, in both languages, and a test can check that Chinese
 * output holds no English.
 */
import { errors } from './errors.js';
import { HELP } from './help.js';
import { LAW } from './law.js';
import { REPORT } from './report.js';
import { WARNINGS } from './warnings.js';

export type Lang = 'en' | 'zh';
export type Params = Record<string, unknown>;
/** A template with {name} placeholders, or a function of the params for plurals and lists. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Text = string | ((p: any) => string);
export interface Entry {
  en: Text;
  zh: Text;
}

type Catalogue = typeof REPORT & typeof LAW & typeof WARNINGS & ReturnType<typeof errors> & typeof HELP;
export type MessageKey = keyof Catalogue;

/** A key's entry, from the part that has it (the error part is built on first use); undefined for no message. */
function entryOf(key: string): Entry | undefined {
  for (const part of [REPORT, LAW, WARNINGS, HELP] as Record<string, Entry>[]) if (Object.hasOwn(part, key)) return part[key];
  const own = errors() as Record<string, Entry>;
  return Object.hasOwn(own, key) ? own[key] : undefined;
}

/** A message not yet put into words: the catalogue key and its params (errors and warnings carry these). */
export interface Localized {
  key: MessageKey;
  params?: Params;
}

export function fill(text: Text, params: Params = {}): string {
  if (typeof text === 'function') return text(params);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

export function msg(key: MessageKey, lang: Lang, params?: Params): string {
  const entry = entryOf(key)!;
  return fill(entry[lang], params && inLang(params, lang));
}

/** Params in a language: a nested message is said, a name given as { en, zh } is picked. */
function inLang(params: Params, lang: Lang): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) {
    if (isLocalized(v)) out[k] = say(v, lang);
    else if (isNamed(v)) out[k] = v[lang];
    else out[k] = v;
  }
  return out;
}

export const isMessage = (key: string): boolean => entryOf(key) !== undefined;

export const isLocalized = (v: unknown): v is Localized =>
  typeof v === 'object' && v !== null && typeof (v as Localized).key === 'string' && isMessage((v as Localized).key);
const isNamed = (v: unknown): v is Record<Lang, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { en?: unknown }).en === 'string' && typeof (v as { zh?: unknown }).zh === 'string' && Object.keys(v).length === 2;

export const say = (m: Localized, lang: Lang) => msg(m.key, lang, m.params);

/** The language a locale name asks for: zh, zh-CN, zh_CN.UTF-8, zh-Hans -> zh; anything else -> en. */
export function langOf(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  if (/^zh([-_.@]|$)/i.test(locale.trim())) return 'zh';
  if (/^(en|c|posix)([-_.@]|$)/i.test(locale.trim())) return 'en';
  return undefined;
}

/**
 * The language from the environment: LANGUAGE (a colon-separated preference
 * list, its first entry), then LC_ALL, LC_MESSAGES, LANG. English when nothing
 * says Chinese.
 */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  // LANGUAGE first, even with LANG=C.UTF-8 (as containers often have): it is set on purpose.
  const first = (env.LANGUAGE ?? '').split(':').find((l) => l.trim() !== '');
  if (first) return langOf(first) ?? 'en';
  return langOf(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ?? 'en';
}
