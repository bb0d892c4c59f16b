/**
 * cs-pay as a library: `import { net } from 'cs-pay'`. Each function takes the
 * options object (the long flag names in camelCase, as in batch lines) and
 * returns the very object that `--json` prints. Synchronous, on the built-in
 * data; bad input throws a CsPayError with the CLI's `code` and `exitCode`.
 */
import { answer, type Command, type Data, dataFor } from './answer.js';
import { todayInChina } from './io/io.js';
import { leanNet } from './lean.js';
import { checkKeys, checkPlain, PAYROLL_KEYS, type RawOptions } from './request/keys.js';
import { parseChoice, parseDate, textOf } from './request/values.js';
import { compareOffers, type Comparison } from './compare/compare.js';
import { priceOffer, readOfferValue } from './compare/price.js';
import { readFileSync } from 'node:fs';
import { CsPayError, m, ModelError, UsageError } from './errors.js';
import { checkCitiesObject, parseCitiesText, withCities } from './model/cities-file.js';
import { listJson, type ListJson } from './lists.js';
import builtin from './model/builtin-dev.js';
import { loadModel } from './model/load-data.js';
import type { CompareOptions, EstimateOptions, GrossOptions, NetOptions, RulesOptions, Settings } from './options.js';
import type { Lang, Result } from './result.js';
import { listRules, type RulesJson } from './rules.js';

export { CsPayError };
export type * from './options.js';
export type { Result, Line, Warning, Note, MonthJson } from './result.js';
export type { OfferResult } from './compare/compare.js';
export type { ListItem, ListJson } from './lists.js';
export type { RuleRow, RulesJson } from './rules.js';

/** `compare --json`: both offers priced, and B − A. */
export type CompareResult = Omit<Comparison, 'rows'>;

/** Gross pay, insurance, tax and take-home of a customer-service job from the compensation model. */
export function estimate(options: EstimateOptions, settings?: Settings): Result {
  return compute('estimate', options, settings);
}

/** Take-home from a known monthly gross. */
export function net(options: NetOptions, settings?: Settings): Result {
  return compute('net', options, settings);
}

/** The monthly gross needed for an average monthly take-home (`options.net`). */
export function gross(options: GrossOptions, settings?: Settings): Result {
  return compute('gross', options, settings);
}

/** Two offers side by side: `{ a, b }` are offer objects or inline specs; other keys apply to both. */
export function compare(options: CompareOptions, settings?: Settings): CompareResult {
  const { a, b, lang: rawLang, ...shared } = objectOf(options, 'compare') as RawOptions & CompareOptions;
  checkPlain(options);
  checkKeys(shared, [...PAYROLL_KEYS.filter((k) => k !== 'city'), 'cities'], 'the compare options');
  if (a === undefined || b === undefined) {
    throw new UsageError('compare needs two offers, a and b.', 'Example: compare({ a: "city=hangzhou,level=senior", b: { city: "chengdu", level: "lead" } })');
  }
  const lang = readLang(rawLang);
  const data = dataOf(settings);
  const today = todayOf(settings);
  const [ra, rb] = [readOfferValue(a, 'A'), readOfferValue(b, 'B')].map((offer) => priceOffer(offer, shared, data, today, lang));
  const { rows: _rows, ...result } = compareOffers(ra, rb, lang);
  return plain(result);
}

/** The cities cs-pay knows: ids, names, aliases, province, rent tier, the period their figures cover and their flags today. */
export function cities(settings?: Settings): ListJson<'cities'> {
  const data = dataOf(settings);
  return plain(listJson('cities', data.model, { law: data.law, date: todayOf(settings) }));
}

/** The levels of the compensation model, and the platforms that pay each. */
export function levels(settings?: Settings): ListJson<'levels'> {
  return plain(listJson('levels', dataOf(settings).model));
}

/** The platforms (employer profiles) of the compensation model. */
export function platforms(settings?: Settings): ListJson<'platforms'> {
  return plain(listJson('platforms', dataOf(settings).model));
}

/** Every law figure in force for a city on a date: value, period, document, confidence. */
export function rules(options: RulesOptions, settings?: Settings): RulesJson {
  const { lang, ...o } = objectOf(options, 'rules');
  checkPlain(o);
  checkKeys(o, ['city', 'date', 'cities'], 'the rules options');
  readLang(lang);
  const { cities: file, ...rest } = o;
  return plain(listRules(rest, dataFor({ cities: file }, dataOf(settings)), todayOf(settings)));
}

function compute(command: Command, options: object, settings: Settings | undefined): Result {
  const { lang, ...o } = objectOf(options, command);
  const data = dataOf(settings);
  const today = todayOf(settings);
  const language = readLang(lang);
  // A plain net year is built lean, and made for this caller alone: no copy needed.
  const lean = command === 'net' ? leanNet(o, data, today, language, true) : undefined;
  if (lean) return lean;
  return plain(answer(command, o, data, today, language, `the ${command} options`));
}

function objectOf(options: unknown, command: string): RawOptions {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new UsageError(`${command} takes an options object, like { city: 'hangzhou', gross: 12000 }.`);
  }
  return options as RawOptions;
}

const readLang = (v: unknown): Lang => (v === undefined ? 'en' : parseChoice('lang', textOf('lang', v), ['en', 'zh'] as const));

const todayOf = (settings: Settings | undefined) =>
  settings?.date === undefined ? todayInChina() : parseDate('date', textOf('date', settings.date));

// The last custom model read, so a caller passing the same YAML text each time parses it once.
let lastModel: { text: string; data: Data } | undefined;

function dataOf(settings: Settings | undefined): Data {
  const text = settings?.model;
  if (text === undefined) return withCitiesOption(builtin);
  if (typeof text !== 'string') throw new UsageError('settings.model is the text of a model file (YAML); read the file and pass its contents.');
  if (lastModel?.text !== text) {
    lastModel = { text, data: withCitiesOption({ model: loadModel(text, 'model', builtin.model.cities), law: builtin.law }) };
  }
  return lastModel.data;
}

const canTakeCities = new WeakMap<Data, Data>();
// The last cities option read: a caller passing the same path or object each time has it read once.
let lastCities: { key: unknown; base: Data; data: Data } | undefined;

/** The library's `cities` option: a path to a cities file, or the parsed object (CONTRACT "Cities"). */
function withCitiesOption(data: Data): Data {
  let able = canTakeCities.get(data);
  if (!able) {
    able = { ...data, withCities: (value: unknown) => readCities(data, value) };
    canTakeCities.set(data, able);
  }
  return able;
}

function readCities(base: Data, value: unknown): Data {
  if (lastCities !== undefined && lastCities.key === value && lastCities.base === base) return lastCities.data;
  let data: Data;
  if (typeof value === 'string') {
    let text: string;
    try {
      text = readFileSync(value, 'utf8');
    } catch (e) {
      throw new ModelError(`Cannot read cities file '${value.slice(0, 40)}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`, 'Give the path of a YAML cities file, or the parsed object.');
    }
    data = withCities(base, parseCitiesText(text, value), value);
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    data = withCities(base, checkCitiesObject(value), 'cities');
  } else {
    throw new UsageError(m('e:cities-object', { kind: Array.isArray(value) ? 'a list' : typeof value }), m('hint:cities-object'));
  }
  lastCities = { key: value, base, data };
  return data;
}

/**
 * The result exactly as `--json` prints it: keys left undefined are gone, and
 * nothing in it is shared with the built-in data, so a caller may change it freely.
 * A copy with JSON's rules (what JSON.parse(JSON.stringify(value)) gives), made
 * without the text in between: that round trip cost a `net` call about 40% of its time.
 */
function plain<T>(value: T): T {
  return jsonCopy(value) as T;
}

function jsonCopy(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) {
    // -0, NaN and the infinities come back from JSON as 0 and null.
    return typeof v === 'number' ? (Number.isFinite(v) ? v + 0 : null) : v;
  }
  // Dates and anything else JSON would ask for its own form: the round trip, as before.
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return JSON.parse(JSON.stringify(v));
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      out[i] = x === undefined || typeof x === 'function' || typeof x === 'symbol' ? null : jsonCopy(x);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
    if (k === '__proto__') Object.defineProperty(out, k, { value: jsonCopy(x), enumerable: true, writable: true, configurable: true });
    else out[k] = jsonCopy(x);
  }
  return out;
}
