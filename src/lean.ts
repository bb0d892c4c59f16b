/**
 * A plain `net` year, lean. Thousands of batch lines, or library calls, differ
 * only in the gross: the same city, date and options, the same wage every month.
 * For those the request is read, the twelve months' rules resolved, and the
 * result's fixed parts (input echo, warnings, the rules list, notes) made once
 * per (city, date, options, language); a line then costs the year's arithmetic
 * on flat figures in fen (./payroll/lean.ts: computeInsurance's and withholdTax's
 * steps, in their order) and the objects of its result.
 *
 * Two forms, both from rules compiled once:
 * - figures (`leanFigures`): only gross, takeHome and annual, from flat numbers
 *   in fen (./payroll/lean.ts), for batch `--fields` that ask for no more;
 * - the whole result (`leanNet`), the very object `answer('net', …)` returns.
 *
 * A template is used only after its result, serialised, is byte-for-byte the
 * whole path's on sample grosses. A line whose gross brings a warning (pay below
 * the minimum wage, take-home below zero) or a balance to pay at the
 * reconciliation (the exemption rule is looked up only then) takes the whole
 * path, as does every other request: answer() stays the reference, and
 * test/lean.test.ts answers a mixed file both ways and requires the same output.
 */
import { answer, type Data } from './answer.js';
import { MAX_MONTH_YUAN } from './limits.js';
import { type Fen, fenToYuan, roundFen } from './money.js';
import { insuranceToJson } from './payroll/json.js';
import { compileYear, leanInsurance, LeanMonths, leanMonths, leanYear, type LeanYear } from './payroll/lean.js';
import { createLookup, resolveRules, type Rules } from './payroll/rules.js';
import { yearTaxRules } from './payroll/reconcile.js';
import { type Bracket, taxByTable } from './payroll/tax-table.js';
import { checkMinimumWage } from './payroll/warnings.js';
import type { RawOptions } from './request/keys.js';
import { readRequest } from './request/request.js';
import { parseYuan, textOf } from './request/values.js';
import { focusMonth, type Lang, type Line, type MonthJson, type Result } from './result.js';

const y = fenToYuan;

/** Options a lean year takes besides the gross: the same all year, none adding a month's structure. */
const CONSTANT_KEYS = new Set([
  'city', 'date', 'housingFundRate', 'supplementaryFundRate', 'medicalTier', 'children', 'infants', 'elderly', 'elderlyShare',
  'rent', 'mortgage', 'mortgageShare', 'childShare', 'deduction', 'continuingEducation',
]);

/** The parts of a whole `net` result that do not depend on the gross, and what a year needs to compute the rest. */
interface Whole {
  /** The distinct rules of the year (in the order of `lean.flats`), and the first month (0–11) of each. */
  rules: Rules[];
  firstOf: number[];
  /** The same rules as flat figures in fen. */
  lean: LeanYear;
  /** The month shown on top (1–12). */
  focus: number;
  rulesFrom: string[];
  asOf: string;
  input: Record<string, unknown>;
  line: Line;
  city: string | null;
  /** The reconciliation's table and basic deduction, looked up on the year's last day. */
  yearTable: Bracket[];
  yearBasic: Fen;
  settle: { from: string; until: string };
  warnings: Result['warnings'];
  provenance: Result['rules'];
  notes: Result['notes'];
  tail: Tail;
  /** The JSON around the gross in `input` and in a wage line, and around each month's figures. */
  inputText: [string, string];
  lineText: [string, string];
  monthText: string[];
  reconciliationEnd: string;
}

/** The end of a whole result as JSON, `,"warnings":…,"rules":…,"notes":…}`, written once: as text, and as a line's last bytes (with the newline). */
export interface Tail {
  text: string;
  bytes: Uint8Array;
}

interface Compiled {
  /** The request read and its rules compiled, once for both forms; null when it is not a plain year. */
  plain: Plain | null | undefined;
  /** For `leanFigures`; null when the year needs more than flat figures cover. */
  figures: LeanYear | null | undefined;
  whole: Partial<Record<Lang, Whole | null>>;
  /** The options as given (gross aside), for the probes. */
  options: RawOptions;
  ok: boolean;
}

/**
 * Compiled years by data and today: a request of a city and a date alone (most
 * batch lines) by the two as written; any other by all its options as written.
 */
interface Cache {
  today: string;
  byCity: Map<string, Map<string | undefined, Compiled>>;
  byKey: Map<string, Compiled>;
}
const compiled = new WeakMap<Data, Cache>();
const MAX_COMPILED = 5000;

/** Lean answers given, for tests and the bench; `on: false` sends every request the whole way (the reference, for tests). */
export const leanPath = { on: true, figures: 0, whole: 0 };

/**
 * A number that is a whole number of fen (the double nearest to fen / 100, so it
 * prints with at most two decimals) is what parseYuan reads it as; anything else
 * goes through parseYuan.
 */
function wagesOf(gross: unknown): Fen | undefined {
  if (typeof gross === 'number' && gross > 0 && gross <= MAX_MONTH_YUAN) {
    const fen = Math.round(gross * 100);
    if (fen / 100 === gross) return fen;
  }
  if (typeof gross !== 'number' && typeof gross !== 'string') return undefined;
  try {
    return parseYuan('--gross', textOf('--gross', gross), { allowZero: false });
  } catch {
    return undefined; // the whole path words the error
  }
}

/**
 * The compiled year for `options` (a `net` request: gross, city and constant
 * options only; `skip` names keys the caller has dealt with, such as a batch
 * line's id), or undefined when the request is not one a lean year covers.
 */
function compiledFor(options: RawOptions, data: Data, today: string, skip?: ReadonlySet<string>): { year: Compiled; wages: Fen } | undefined {
  if (!leanPath.on) return undefined;
  let gross: unknown;
  let city: unknown;
  let date: unknown;
  let more = false;
  for (const k in options) {
    const v = options[k];
    if (k === 'gross') gross = v;
    else if (k === 'city') city = v;
    else if (k === 'date') date = v;
    else if (skip?.has(k)) continue;
    else if (!CONSTANT_KEYS.has(k)) return undefined;
    else if (v === undefined) continue;
    else if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return undefined;
    else more = true;
  }
  if (typeof city !== 'string' || (date !== undefined && typeof date !== 'string')) return undefined;
  const wages = wagesOf(gross);
  if (wages === undefined) return undefined;
  let cache = compiled.get(data);
  if (!cache || cache.today !== today) compiled.set(data, (cache = { today, byCity: new Map(), byKey: new Map() }));
  let year: Compiled | undefined;
  if (!more) {
    let byDate = cache.byCity.get(city);
    if (!byDate) {
      if (cache.byCity.size >= MAX_COMPILED) cache.byCity.clear();
      cache.byCity.set(city, (byDate = new Map()));
    }
    year = byDate.get(date as string | undefined);
    if (!year) {
      year = compiledYear(options, skip);
      if (byDate.size >= MAX_COMPILED) byDate.clear();
      byDate.set(date as string | undefined, year);
    }
  } else {
    let key = '';
    for (const k in options) if (k !== 'gross' && !skip?.has(k) && options[k] !== undefined) key += `${JSON.stringify(k)}:${JSON.stringify(options[k])},`;
    year = cache.byKey.get(key);
    if (!year) {
      year = compiledYear(options, skip);
      if (cache.byKey.size >= MAX_COMPILED) cache.byKey.clear();
      cache.byKey.set(key, year);
    }
  }
  if (!year.ok) return undefined;
  return { year, wages };
}

/** A compiled year not yet compiled: its options as given (gross aside), for the request and the probes. */
function compiledYear(options: RawOptions, skip?: ReadonlySet<string>): Compiled {
  const kept: RawOptions = {};
  for (const k in options) if (k !== 'gross' && !skip?.has(k) && options[k] !== undefined) kept[k] = options[k];
  return { plain: undefined, figures: undefined, whole: {}, options: kept, ok: true };
}

interface Plain {
  req: ReturnType<typeof readRequest>;
  year: number;
  /** The twelve months' rules, as computePayroll resolves them, and compiled into flat figures. */
  rules: Rules[];
  lean: LeanYear;
}

/** The compiled year's plain request, read once (null when it is not one: the whole path answers it). */
function plainOf(year: Compiled, data: Data, today: string): Plain | null {
  if (year.plain === undefined) year.plain = plainYear(year.options, data, today);
  if (year.plain === null) year.ok = false;
  return year.plain;
}

/**
 * A plain year's request read as computePayroll reads it: one employer all year,
 * the same wage and options every month, no bonus, a city, and months the flat
 * figures cover. Null otherwise.
 */
function plainYear(options: RawOptions, data: Data, today: string): Plain | null {
  try {
    const req = readRequest({ ...options, gross: '10000' }, 'net', data.model, today);
    if (req.jobs.length > 0 || req.year.startMonth !== 1 || req.year.bonus !== undefined || req.year.firstJob || req.year.lastYearUnder60k) return null;
    if (req.year.privatePension || req.year.earlierIncome || req.year.earlierTax || req.year.earlierInsurance || req.year.seriousIllness) return null;
    const first = req.months[0];
    if (req.months.some((m) => m !== first)) return null;
    if (first.extra || first.unpaidDays || (first.payPercent !== undefined && first.payPercent !== 1)) return null;
    const p = first.payroll;
    if (p.city === undefined || p.insurance !== undefined || p.socialBase !== undefined || p.annuity || p.healthInsurance) return null;
    const year = Number(req.year.date.slice(0, 4));
    const fields = { ...p, wages: 0, extra: first.extra, unpaidDays: first.unpaidDays };
    const rules: Rules[] = [];
    for (let i = 0; i < 12; i++) {
      const date = `${year}-${String(i + 1).padStart(2, '0')}-01`;
      rules.push(resolveRules(fields, data.law, date, { bonus: 0, bonusTax: req.year.bonusTax, lastMonth: i === 11 }).rules);
    }
    if (rules.some((r) => !r.city || !r.city.employee || r.tax.annuityCapRate !== null)) return null;
    const lean = compileYear(rules);
    return lean && { req, year, rules, lean };
  } catch {
    return null;
  }
}

/** Grosses a template is checked on against the whole path: low, middle, and over every ceiling in a high bracket. */
const PROBES = ['3000', '9876.54', '43210.98'];
/** The probes' answers check the options' keys too (a key the whole path refuses keeps a request off the lean year); the words are never shown. */
const CHECKED = 'the options';
/** The gross whose whole result gives a template its fixed parts: high enough for no minimum-wage warning. */
const SOURCE = '43210.98';

function figuresOf(year: Compiled, data: Data, today: string): LeanYear | null {
  if (year.figures !== undefined) return year.figures;
  year.figures = null;
  const plain = plainOf(year, data, today);
  if (!plain) return null;
  const { lean } = plain;
  try {
    for (const gross of PROBES) {
      const whole = answer('net', { ...year.options, gross }, data, today, 'en', CHECKED);
      const mine = figuresResult(leanYear(lean, parseYuan('--gross', gross, { allowZero: false })));
      if (JSON.stringify([whole.gross, whole.takeHome, whole.annual]) !== JSON.stringify([mine.gross, mine.takeHome, mine.annual])) return null;
    }
  } catch {
    return null; // the whole path words the error
  }
  return (year.figures = lean);
}

function wholeOf(year: Compiled, data: Data, today: string, lang: Lang): Whole | null {
  const known = year.whole[lang];
  if (known !== undefined) return known;
  year.whole[lang] = null;
  const plain = plainOf(year, data, today);
  if (!plain) return null;
  try {
    const source = answer('net', { ...year.options, gross: SOURCE }, data, today, lang, CHECKED);
    const distinct = [...new Set(plain.rules)];
    const { lean } = plain;
    const { table, basic } = yearTaxRules(data.law.tax, createLookup(`${plain.year}-12-31`));
    const text = `,"warnings":${JSON.stringify(source.warnings)},"rules":${JSON.stringify(source.rules)},"notes":${JSON.stringify(source.notes)}}`;
    const tail = { text, bytes: Buffer.from(`${text}\n`) };
    const city = source.reconciliation.employers[0]?.city ?? null;
    const settle = source.reconciliation.settle;
    const whole: Whole = {
      rules: distinct,
      firstOf: distinct.map((_, i) => lean.monthOf.indexOf(i)),
      lean,
      focus: focusMonth(plain.req),
      rulesFrom: source.months.map((m) => m.rulesFrom),
      asOf: source.asOf,
      input: source.input,
      line: source.lines[0],
      city,
      yearTable: table,
      yearBasic: basic,
      settle,
      warnings: source.warnings,
      provenance: source.rules,
      notes: source.notes,
      tail,
      inputText: around(source.input, 'gross'),
      lineText: around(source.lines[0], 'amount'),
      monthText: source.months.map((m) => `,"rulesFrom":${JSON.stringify(m.rulesFrom)},"employer":1,"lines":[`),
      reconciliationEnd: `}],"settle":${JSON.stringify(settle)}}`,
    };
    if (whole.rulesFrom.some((d, i) => d !== `${plain.year}-${String(i + 1).padStart(2, '0')}-01`)) return null;
    if (source.lines.length !== 1 || source.months.some((m) => m.lines.length !== 1)) return null;
    for (const gross of PROBES) {
      const wages = parseYuan('--gross', gross, { allowZero: false });
      const mine = build(whole, wages, false);
      if (!mine) continue; // this gross takes the whole path (a warning, a balance to pay)
      const reference = JSON.stringify(answer('net', { ...year.options, gross }, data, today, lang, CHECKED));
      if (reference !== JSON.stringify(mine) || reference !== `{${headOf(whole, wages)}${whole.tail.text}`) return null;
    }
    return (year.whole[lang] = whole);
  } catch {
    return null;
  }
}

/** The lean figures of a plain `net` request (gross, takeHome, annual), or undefined when it is not one. */
export function leanFigures(options: RawOptions, data: Data, today: string, skip?: ReadonlySet<string>): Result | undefined {
  const found = compiledFor(options, data, today, skip);
  if (!found) return undefined;
  const lean = figuresOf(found.year, data, today);
  if (!lean) return undefined;
  leanPath.figures++;
  return figuresResult(leanYear(lean, found.wages));
}

/** The figures in the result's own shape (only the keys a lean year answers). */
function figuresResult(r: ReturnType<typeof leanYear>): Result {
  const g = y(r.wages);
  return {
    schemaVersion: 1,
    command: 'net',
    gross: { monthly: g, low: g, high: g },
    annual: {
      gross: y(r.gross), bonus: 0, bonusTax: 0, bonusTaxMethod: null, incomeTax: y(r.incomeTax), insurance: y(r.insurance), net: y(r.net),
      employerCost: y(r.employerCost),
    },
    takeHome: { firstMonth: y(r.firstMonth), average: y(r.average) },
  } as unknown as Result;
}

/**
 * The whole result of a plain `net` request, or undefined when it is not one.
 * `own`: nothing in the result is shared with another (the library's promise;
 * its warnings and rules are copied when first read). Without it the fixed parts
 * are shared with other results.
 */
export function leanNet(options: RawOptions, data: Data, today: string, lang: Lang, own: boolean, skip?: ReadonlySet<string>): Result | undefined {
  const found = compiledFor(options, data, today, skip);
  if (!found) return undefined;
  const whole = wholeOf(found.year, data, today, lang);
  if (!whole) return undefined;
  const result = build(whole, found.wages, own);
  if (!result) return undefined;
  leanPath.whole++;
  return result;
}

const months = new LeanMonths();

/** The year of `wages` a month on a template (into `months`), and its reconciliation; undefined when the gross brings what a template cannot hold. */
function yearOf(w: Whole, wages: Fen): { year: LeanMonths; deductions: Fen; taxDue: Fen; balance: Fen } | undefined {
  const year = leanMonths(w.lean, wages, months);
  for (let i = 0; i < w.rules.length; i++) {
    if (checkMinimumWage(w.rules[i].city, wages, year.insurance[w.firstOf[i]]) !== null) return undefined;
  }
  for (let m = 0; m < 12; m++) if (year.net[m] < 0) return undefined;
  const deductions = w.yearBasic + year.deductible + year.special + year.other;
  const taxDue = taxByTable(w.yearTable, year.income - deductions);
  const balance = taxDue - year.withheld;
  // A balance to pay looks up the exemption rule, a figure the template's rules list lacks.
  if (balance > 0) return undefined;
  return { year, deductions, taxDue, balance };
}

/** The whole result of `wages` a month on a template, as objects. */
function build(w: Whole, wages: Fen, own: boolean): Result | undefined {
  const found = yearOf(w, wages);
  if (!found) return undefined;
  const { year, deductions, taxDue, balance } = found;
  const focus = w.focus - 1;
  const g = y(wages);
  const shared = own ? null : [{ ...w.line, amount: g }];
  const list: MonthJson[] = new Array(12);
  for (let m = 0; m < 12; m++) {
    list[m] = {
      month: m + 1, gross: g, insurance: y(year.insurance[m]), cumulativeTaxable: y(year.cumulative[m]), rate: year.rate[m], tax: y(year.tax[m]),
      net: y(year.net[m]), rulesFrom: w.rulesFrom[m], employer: 1, lines: shared ?? [{ ...w.line, amount: g }],
    } as MonthJson;
  }
  const gross = wages * 12;
  const withheld = y(year.withheld);
  const result = {
    schemaVersion: 1,
    command: 'net',
    asOf: w.asOf,
    input: { ...w.input, gross: g },
    lines: shared ?? [{ ...w.line, amount: g }],
    gross: { monthly: g, low: g, high: g },
    insurance: insuranceToJson(leanInsurance(w.lean, focus, wages)),
    months: list,
    annual: annualOf(wages, year),
    takeHome: { firstMonth: list[0].net, average: y(roundFen(year.netSum / 12)) },
    bonusComparison: null,
    reconciliation: {
      income: y(year.income),
      deductions: y(deductions),
      deductionDetail: { basic: y(w.yearBasic), insurance: y(year.deductible), special: y(year.special), seriousIllness: 0, other: y(year.other) },
      taxableIncome: y(Math.max(0, year.income - deductions)),
      taxDue: y(taxDue),
      withheld,
      balance: y(balance),
      exempt: false,
      exemptReason: null,
      bonusMethod: null,
      employers: [{ fromMonth: 1, toMonth: 12, city: w.city, withheld }],
      settle: own ? { ...w.settle } : w.settle,
    },
    warnings: w.warnings,
    rules: w.provenance,
    notes: own && w.notes.length > 0 ? structuredClone(w.notes) : own ? [] : w.notes,
  } as unknown as Result;
  if (own) {
    Object.defineProperty(result, TEMPLATE, { value: w });
    Object.defineProperties(result, COPIED);
  }
  return result;
}

function annualOf(wages: Fen, year: LeanMonths): Result['annual'] {
  const gross = wages * 12;
  return {
    gross: y(gross), bonus: 0, bonusTax: 0, bonusTaxMethod: null, incomeTax: y(year.withheld), insurance: y(year.insuranceSum),
    net: y(gross - year.insuranceSum - year.withheld), employerCost: y(year.employerCost),
  };
}

/**
 * The same result written straight as JSON, up to the fixed tail: the members
 * `"schemaVersion":1,…,"reconciliation":{…}`, without the objects. build() and
 * this say the same result two ways; a template is used only when both give the
 * whole path's text on the probes.
 */
function headOf(w: Whole, wages: Fen): string | undefined {
  const found = yearOf(w, wages);
  if (!found) return undefined;
  const { year, deductions, taxDue, balance } = found;
  const g = yuanText(wages);
  const line = `${w.lineText[0]}${g}${w.lineText[1]}`;
  let out = `"schemaVersion":1,"command":"net","asOf":"${w.asOf}","input":${w.inputText[0]}${g}${w.inputText[1]},"lines":[${line}]`;
  out += `,"gross":{"monthly":${g},"low":${g},"high":${g}},"insurance":${JSON.stringify(insuranceToJson(leanInsurance(w.lean, w.focus - 1, wages)))},"months":[`;
  for (let m = 0; m < 12; m++) {
    out += `${m === 0 ? '' : ','}{"month":${m + 1},"gross":${g},"insurance":${yuanText(year.insurance[m])},"cumulativeTaxable":${yuanText(year.cumulative[m])}`;
    out += `,"rate":${rateText(year.rate[m])},"tax":${yuanText(year.tax[m])},"net":${yuanText(year.net[m])}${w.monthText[m]}${line}]}`;
  }
  const gross = wages * 12;
  const withheld = yuanText(year.withheld);
  out += `],"annual":{"gross":${yuanText(gross)},"bonus":0,"bonusTax":0,"bonusTaxMethod":null,"incomeTax":${withheld},"insurance":${yuanText(year.insuranceSum)}`;
  out += `,"net":${yuanText(gross - year.insuranceSum - year.withheld)},"employerCost":${yuanText(year.employerCost)}}`;
  out += `,"takeHome":{"firstMonth":${yuanText(year.net[0])},"average":${yuanText(roundFen(year.netSum / 12))}},"bonusComparison":null`;
  out += `,"reconciliation":{"income":${yuanText(year.income)},"deductions":${yuanText(deductions)},"deductionDetail":{"basic":${yuanText(w.yearBasic)}`;
  out += `,"insurance":${yuanText(year.deductible)},"special":${yuanText(year.special)},"seriousIllness":0,"other":${yuanText(year.other)}}`;
  out += `,"taxableIncome":${yuanText(Math.max(0, year.income - deductions))},"taxDue":${yuanText(taxDue)},"withheld":${withheld},"balance":${yuanText(balance)}`;
  out += `,"exempt":false,"exemptReason":null,"bonusMethod":null,"employers":[{"fromMonth":1,"toMonth":12,"city":${JSON.stringify(w.city)},"withheld":${withheld}`;
  return out + w.reconciliationEnd;
}

/**
 * A whole number of fen as JSON writes the yuan amount (`fen / 100`): the digits
 * with the point put in, trailing zeros dropped. Below 10^15 fen that is the
 * shortest decimal that reads back as the same double, which is what JSON writes.
 */
export function yuanText(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen >= 1e15 || fen <= -1e15) return JSON.stringify(fen / 100);
  if (fen < 0) return `-${yuanText(-fen)}`;
  const cents = fen % 100;
  const whole = (fen - cents) / 100;
  if (cents === 0) return `${whole}`;
  return cents % 10 === 0 ? `${whole}.${cents / 10}` : `${whole}.${cents < 10 ? '0' : ''}${cents}`;
}

const rates = new Map<number, string>();
const rateText = (rate: number): string => {
  let text = rates.get(rate);
  if (text === undefined) rates.set(rate, (text = JSON.stringify(rate)));
  return text;
};

/** `value` as JSON, cut around its `key`'s value: what comes before it, and after. */
function around(value: object, key: string): [string, string] {
  const mark = '\u0000cs-pay\u0000';
  const text = JSON.stringify({ ...value, [key]: mark });
  const at = text.indexOf(JSON.stringify(mark));
  return [text.slice(0, at), text.slice(at + JSON.stringify(mark).length)];
}

/**
 * The whole result of a plain `net` request as JSON members up to its fixed tail
 * (for `{…}` write `{`, the head, then `tail.text`), with its annual figures for
 * sums; undefined when it is not one.
 */
export function leanNetText(options: RawOptions, data: Data, today: string, lang: Lang, skip?: ReadonlySet<string>): { head: string; tail: Tail; result: Result } | undefined {
  const found = compiledFor(options, data, today, skip);
  if (!found) return undefined;
  const whole = wholeOf(found.year, data, today, lang);
  if (!whole) return undefined;
  const head = headOf(whole, found.wages);
  if (head === undefined) return undefined;
  leanPath.whole++;
  return { head, tail: whole.tail, result: { annual: annualOf(found.wages, months) } as Result };
}

/** Where a result built for its caller alone keeps its template, for the copies below. */
const TEMPLATE = Symbol('template');

/**
 * `warnings` and `rules` of a result built for its caller alone read as deep
 * copies of the template's, made when first read (or replaced when first set).
 * The same accessors for every result, so every result keeps one shape.
 */
const COPIED: PropertyDescriptorMap = {
  warnings: copiedOnRead('warnings', (w) => w.warnings),
  rules: copiedOnRead('rules', (w) => w.provenance),
  // console.log and util.inspect show the copies, not two getters.
  [Symbol.for('nodejs.util.inspect.custom')]: {
    value(this: Result) {
      void this.warnings;
      void this.rules;
      return this;
    },
  },
};

/** The copies read from results that could not keep them (frozen or sealed by the caller), so each reads the same copy. */
const kept = new WeakMap<object, Map<string, unknown>>();

function copiedOnRead(key: string, of: (w: Whole) => unknown): PropertyDescriptor {
  const settle = (target: object, v: unknown) => Object.defineProperty(target, key, { value: v, writable: true, enumerable: true, configurable: true });
  return {
    get(this: { [TEMPLATE]: Whole }) {
      const known = kept.get(this)?.get(key);
      if (known !== undefined) return known;
      const copy = structuredClone(of(this[TEMPLATE]));
      if (Object.isExtensible(this)) settle(this, copy);
      else {
        // Frozen or sealed: the property cannot become a plain one, so the copy is kept beside it.
        if (!kept.has(this)) kept.set(this, new Map());
        kept.get(this)!.set(key, copy);
      }
      return copy;
    },
    set(this: object, v: unknown) {
      settle(this, v);
    },
    enumerable: true,
    configurable: true,
  };
}
