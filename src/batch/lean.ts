/**
 * Build only what is asked: a batch line `{"gross": …, "city": …, "date": …}`
 * (a `net` line and nothing else) whose --fields name only the figures a lean
 * year yields (gross, takeHome, annual, command, schemaVersion) is answered
 * from rules compiled once per (city, date) (src/payroll/lean.ts), without the
 * whole result. Any other line, or a field it does not cover, takes the whole
 * path, which stays the reference: test/lean.test.ts runs a mixed file through
 * both and requires the same output.
 */
import { answer, type Data } from '../answer.js';
import type { Law } from '../model/law-schema.js';
import { MAX_MONTH_YUAN } from '../limits.js';
import { fenToYuan, yuanToFen } from '../money.js';
import { compileYear, leanYear, type LeanYear } from '../payroll/lean.js';
import { resolveRules, type Rules } from '../payroll/rules.js';
import type { RawOptions } from '../request/keys.js';
import { readRequest } from '../request/request.js';
import { parseYuan, textOf } from '../request/values.js';
import type { Result } from '../result.js';

/** The top-level result keys a lean year answers (line, id and error are batch's own). */
const COVERED = new Set(['line', 'id', 'error', 'schemaVersion', 'command', 'gross', 'takeHome', 'annual']);

/** Off: every line takes the whole path (the reference, for tests). */
export const leanPath = { on: true, answered: 0 };

/** Whether every --fields path can be answered lean. */
export const leanCovers = (paths: readonly (readonly string[])[]): boolean => leanPath.on && paths.every((p) => COVERED.has(p[0]));


const PLAIN = /^\d+(\.\d{1,2})?$/;

/** Compiled years by law, then the city and the date as the line writes them. */
const compiled = new WeakMap<Law, Map<string, Map<string, LeanYear | null>>>();
const MAX_COMPILED = 5000;

/**
 * The lean answer to a batch line, or undefined when the line is not one the lean
 * path covers (the caller then answers it the whole way, errors included).
 */
export function leanAnswer(request: RawOptions, data: Data, today: string): Result | undefined {
  let city: unknown;
  let date: unknown;
  let gross: unknown;
  for (const key in request) {
    const v = request[key];
    switch (key) {
      case 'city': city = v; break;
      case 'date': date = v; break;
      case 'gross': gross = v; break;
      case 'id': break;
      case 'command': if (v !== 'net' && v !== undefined && v !== null) return undefined; break;
      case 'lang': if (v !== 'en' && v !== 'zh' && v !== undefined && v !== null) return undefined; break;
      default: return undefined;
    }
  }
  if (typeof city !== 'string' || (typeof gross !== 'number' && typeof gross !== 'string')) return undefined;
  if (date === undefined || date === null) date = today;
  else if (typeof date !== 'string') return undefined;
  const law = data.law;
  let byCity = compiled.get(law);
  if (!byCity) compiled.set(law, (byCity = new Map()));
  let byDate = byCity.get(city);
  if (!byDate) {
    if (byCity.size >= MAX_COMPILED) byCity.clear();
    byCity.set(city, (byDate = new Map()));
  }
  let year = byDate.get(date as string);
  if (year === undefined) {
    year = compile(city, date as string, data, today);
    if (byDate.size >= MAX_COMPILED) byDate.clear();
    byDate.set(date as string, year);
  }
  if (year === null) return undefined;
  let wages: number;
  // A plain amount in yuan to the fen is what parseYuan reads it as; anything else goes through parseYuan.
  if (typeof gross === 'number' && gross > 0 && gross <= MAX_MONTH_YUAN && PLAIN.test(String(gross))) wages = yuanToFen(gross);
  else {
    try {
      wages = parseYuan('--gross', textOf('--gross', gross), { allowZero: false });
    } catch {
      return undefined; // the whole path words the error
    }
  }
  leanPath.answered++;
  return toResult(leanYear(year, wages));
}

/** The figures in the result's own shape (only the keys a lean year answers). */
function toResult(r: ReturnType<typeof leanYear>): Result {
  const y = fenToYuan;
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

/** Amounts the compiled year is checked on against the whole path: near the floors, and over the ceilings in a high bracket. */
const PROBES = ['3000', '43210.98'];

/**
 * A (city, date)'s twelve months of rules, resolved as computePayroll resolves
 * them for a plain wage; null when the whole path refuses the line whatever its
 * gross, or a month needs more than the lean year covers, or the lean year
 * disagrees with the whole path on a probe. The rules depend on the city and the
 * year only (the date's month is the one shown on top), so they are compiled once
 * per city and year, however the city is written and whatever the day.
 */
const years = new WeakMap<Law, Map<string, LeanYear | null>>();

function compile(city: string, date: string, data: Data, today: string): LeanYear | null {
  try {
    const req = readRequest({ gross: '10000', city, date }, 'net', data.model, today);
    if (req.jobs.length > 0 || req.year.startMonth !== 1 || req.year.bonus !== undefined || req.year.firstJob || req.year.lastYearUnder60k) return null;
    const first = req.months[0];
    if (req.months.some((m) => m !== first)) return null;
    if (first.extra || first.unpaidDays || (first.payPercent !== undefined && first.payPercent !== 1) || first.payroll.city === undefined || first.payroll.insurance !== undefined) return null;
    const year = Number(req.year.date.slice(0, 4));
    const key = `${year}|${req.year.bonusTax}|${JSON.stringify(first.payroll)}`;
    let byKey = years.get(data.law);
    if (!byKey) years.set(data.law, (byKey = new Map()));
    let lean = byKey.get(key);
    if (lean === undefined) {
      lean = compileNow(req, year, city, date, data, today);
      if (byKey.size >= MAX_COMPILED) byKey.clear();
      byKey.set(key, lean);
    }
    return lean;
  } catch {
    return null;
  }
}

function compileNow(req: ReturnType<typeof readRequest>, year: number, city: string, date: string, data: Data, today: string): LeanYear | null {
  try {
    const m = req.months[0];
    const fields = { ...m.payroll, wages: 0, extra: m.extra, unpaidDays: m.unpaidDays };
    const months: Rules[] = [];
    for (let i = 0; i < 12; i++) {
      const monthDate = `${year}-${String(i + 1).padStart(2, '0')}-01`;
      months.push(resolveRules(fields, data.law, monthDate, { bonus: 0, bonusTax: req.year.bonusTax, lastMonth: i === 11 }).rules);
    }
    const lean = compileYear(months);
    if (!lean) return null;
    for (const gross of PROBES) {
      const whole = answer('net', { gross, city, date }, data, today, 'en');
      const mine = toResult(leanYear(lean, parseYuan('--gross', gross, { allowZero: false })));
      if (JSON.stringify([whole.gross, whole.takeHome, whole.annual]) !== JSON.stringify([mine.gross, mine.takeHome, mine.annual])) return null;
    }
    return lean;
  } catch {
    return null;
  }
}
