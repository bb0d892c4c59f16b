/**
 * Batch results as text: JSON lines (the default) or CSV (`--format csv`), one
 * line or row per input line, and the `--summary` totals at the end (CONTRACT,
 * "Clarifications", batch output).
 */
import { csvCell } from '../render/csv-cell.js';
import type { Tail } from '../lean.js';
import type { Result } from '../result.js';
import { type FieldTree, pick, treeOf, valueAt } from './fields.js';

/** One input line, answered. */
export interface Answer {
  line: number;
  id?: string | number;
  /** A CSV row's columns carried through (headers that name no key), in order. */
  columns?: [string, string][];
  result?: Result;
  error?: { code: string; message: string };
  /** The result holds only the lean figures (./lean.ts): plain objects of numbers, strings and null, no lists. */
  lean?: boolean;
  /** A lean whole result as JSON: its members up to the fixed end, and that end (warnings, rules, notes), written once for many lines. */
  head?: string;
  tail?: Tail;
}

/** An output line: text, or text and bytes made once (a lean result's fixed end). */
export type Out = string | (string | Uint8Array)[];

export interface Format {
  /** Text before the first line (the CSV header), once the input's carried columns are known. */
  head(carried: string[]): string;
  line(a: Answer): Out;
  summary(t: Totals): string;
}

/**
 * Sums of the lines that succeeded, in fen: each figure of a result is exact to
 * the fen (0.01 yuan), so rounding it to whole fen before adding loses nothing.
 */
export class Totals {
  count = 0;
  failed = 0;
  annualGross = 0;
  annualNet = 0;
  incomeTax = 0;
  insurance = 0;
  /** Null once a line's employer cost is unknown (no city): a sum without it would be wrong. */
  employerCost: number | null = 0;

  add(result: Result): void {
    const a = result.annual;
    this.annualGross += Math.round(a.gross * 100);
    this.annualNet += Math.round(a.net * 100);
    this.incomeTax += Math.round(a.incomeTax * 100);
    this.insurance += Math.round(a.insurance * 100);
    this.employerCost = a.employerCost === null || this.employerCost === null ? null : this.employerCost + Math.round(a.employerCost * 100);
  }

  /** In yuan, as the contract prints amounts. */
  toJson() {
    return {
      count: this.count,
      failed: this.failed,
      annualGross: this.annualGross / 100,
      annualNet: this.annualNet / 100,
      incomeTax: this.incomeTax / 100,
      insurance: this.insurance / 100,
      employerCost: this.employerCost === null ? null : this.employerCost / 100,
    };
  }
}

/** The summary's figures and the result paths they sum. */
const SUMMED = [
  ['annualGross', 'annual.gross'],
  ['annualNet', 'annual.net'],
  ['incomeTax', 'annual.incomeTax'],
  ['insurance', 'annual.insurance'],
  ['employerCost', 'annual.employerCost'],
] as const;

export function jsonLines(paths?: string[][]): Format {
  const tree = paths && treeOf(paths);
  const pickLean = tree && leanPicker(tree);
  return {
    head: () => '',
    line: (a) => (tree ? `${a.lean && !a.columns ? leanLine(a, pickLean!) : JSON.stringify(pruned(a, tree))}\n` : whole(a)),
    summary: (t) => `${JSON.stringify({ summary: t.toJson() })}\n`,
  };
}

/** A row's carried columns as one object, in input order (a header given twice keeps its first cell). */
function columnsOf(columns: [string, string][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [header, value] of columns) if (!Object.hasOwn(out, header)) out[header] = value;
  return out;
}

/**
 * `{"line":N,"id":…,"columns":{…},` then the result's own keys: the result is not
 * copied to put line first. A lean result's fixed end goes out as the bytes made once.
 */
function whole(a: Answer): Out {
  let start = a.id === undefined ? `{"line":${a.line}` : `{"line":${a.line},"id":${JSON.stringify(a.id)}`;
  if (a.columns) start += `,"columns":${JSON.stringify(columnsOf(a.columns))}`;
  if (a.error) return `${start},"error":${JSON.stringify(a.error)}}\n`;
  if (a.head !== undefined && a.tail) return [`${start},${a.head}`, a.tail.bytes];
  return `${start},${JSON.stringify(a.result).slice(1)}\n`;
}

/** What `JSON.stringify(pruned(a, tree))` writes, for a lean result (no lists, no columns), without the copy. */
function leanLine(a: Answer, pickLean: Picker): string {
  const start = a.id === undefined ? `{"line":${a.line}` : `{"line":${a.line},"id":${JSON.stringify(a.id)}`;
  const rest = pickLean(a.result);
  return rest === '' ? `${start}}` : `${start},${rest}}`;
}

/** The keys a tree names in a plain object, as JSON members ('' for none): pick's choice, written. */
type Picker = (value: object | undefined) => string;

/** A tree's picker, its keys written as JSON once. */
function leanPicker(tree: FieldTree): Picker {
  const parts = [...tree].map(([key, sub]) => ({ key, name: `${JSON.stringify(key)}:`, sub: sub === true ? null : leanPicker(sub) }));
  return (value) => {
    let out = '';
    if (value === undefined) return out;
    for (const { key, name, sub } of parts) {
      if (!Object.hasOwn(value, key)) continue;
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined) continue;
      let text: string;
      if (sub === null) text = JSON.stringify(v);
      else {
        if (v === null || typeof v !== 'object') continue;
        const inner = sub(v);
        if (inner === '') continue;
        text = `{${inner}}`;
      }
      out += out === '' ? `${name}${text}` : `,${name}${text}`;
    }
    return out;
  };
}

function pruned(a: Answer, tree: FieldTree): Record<string, unknown> {
  const out: Record<string, unknown> = { line: a.line };
  if (a.id !== undefined) out.id = a.id;
  if (a.columns) out.columns = columnsOf(a.columns);
  if (a.error) out.error = a.error;
  else Object.assign(out, pick(a.result, tree));
  return out;
}

/** Columns when --fields is not given: who, the answer, and what went wrong. */
const DEFAULT_COLUMNS = [
  'command', 'input.city', 'input.level', 'gross.monthly', 'takeHome.average', 'takeHome.firstMonth', 'annual.gross', 'annual.net',
  'annual.incomeTax', 'annual.insurance', 'annual.employerCost', 'reconciliation.balance', 'warnings.code',
];

/**
 * One row per input line under a header of dotted paths; numbers plain; RFC 4180
 * quoting. A CSV input's carried columns lead each row, under their own headers;
 * `bom` puts a byte-order mark first, for spreadsheet programs.
 */
export function csvRows(paths: string[][] | undefined, withSummary: boolean, bom = false): Format {
  const asked = (paths ?? DEFAULT_COLUMNS.map((c) => c.split('.'))).filter((p) => p[0] !== 'line' && p[0] !== 'id' && p[0] !== 'error' && p[0] !== 'columns');
  const names = ['line', 'id', ...asked.map((p) => p.join('.')), 'error.code', 'error.message', ...(withSummary ? ['count', 'failed'] : [])];
  const row = (cells: string[]) => `${cells.map(csvCell).join(',')}\n`;
  let width = 0;
  // The carried cells of a row, as many as the header has (a short row's are empty).
  const lead = (a?: Answer) => Array.from({ length: width }, (_, i) => a?.columns?.[i]?.[1] ?? '');
  return {
    head: (carried) => {
      width = carried.length;
      return `${bom ? '\uFEFF' : ''}${row([...carried, ...names])}`;
    },
    line: (a) => {
      const cells = [...lead(a), String(a.line), a.id === undefined ? '' : String(a.id)];
      for (const path of asked) cells.push(a.result ? cellOf(valueAt(a.result, path)) : '');
      cells.push(a.error?.code ?? '', a.error?.message ?? '');
      if (withSummary) cells.push('', '');
      return row(cells);
    },
    summary: (t) => {
      const sums = t.toJson();
      const cells = [...lead(), 'total', ''];
      for (const path of asked) {
        const summed = SUMMED.find(([, p]) => p === path.join('.'));
        cells.push(summed ? String(sums[summed[0]] ?? '') : '');
      }
      cells.push('', '', String(t.count), String(t.failed));
      return row(cells);
    },
  };
}

/** A value as one cell: numbers as they are (no separators), lists space-separated, objects as JSON. */
function cellOf(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') {
    if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) return v.map((x) => (x === null ? '' : String(x))).join(' ');
    return JSON.stringify(v);
  }
  return String(v);
}

export { csvCell };
