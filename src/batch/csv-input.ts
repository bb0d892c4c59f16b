/**
 * CSV batch input (RFC 4180): the input is cut into rows by ./frames.ts, which
 * follows quotes and bounds each row at MAX_LINE_BYTES, then each row's cells are
 * parsed by csv-parse. A header row of keys (./columns.ts), then one request per
 * row. A row that is not valid CSV, is longer than the limit, has more cells than
 * the header, or holds bytes that are not UTF-8 becomes an error in its place; the
 * rows after it are read as usual.
 */
import { parse } from 'csv-parse/sync';
import type { Readable } from 'node:stream';
import { OPTION_KEYS } from '../answer.js';
import type { RawOptions } from '../request/keys.js';
import { closest } from '../suggest.js';
import { m, UsageError } from '../errors.js';
import { MAX_LINE_BYTES, quote } from '../limits.js';
import { columnKey, nearColumn } from './columns.js';
import { Frames, isTooLong, type Row, type TooLong } from './frames.js';
import { COLUMNS, type Request } from './types.js';
import { decodeGb18030, type Encoding, MarkInvalidUtf8, notUtf8, SUB } from './utf8.js';

/** Keys whose cells may hold several changes: `7:gross=12000; 11:extra=5000`, or JSON. */
const CHANGE_KEYS = new Set(['from', 'in', 'job', 'jobs']);

/** What the header row says: each column's key, or its header when it is carried through. */
export interface Header {
  keys: (string | undefined)[];
  /** Headers of the columns carried through, in order, each with a column name it is close to (if any). */
  carried: { header: string; guess?: string }[];
  /** Columns a row priced from its gross carries through (level, platform, night shifts: the model's). */
  modelOnly: string[];
  /** Every column carried into the output, in input order: those above and the model's when there is a gross column. */
  output: string[];
}

export async function* readCsv(input: Readable, encoding: Encoding = 'utf8', onHeader?: (h: Header) => void): AsyncGenerator<Request> {
  const rows = encoding === 'utf8'
    ? input.pipe(new MarkInvalidUtf8()).pipe(new Frames(MAX_LINE_BYTES, true))
    : input.pipe(new Frames(MAX_LINE_BYTES, true, undefined, decodeGb18030));
  input.on('error', (e) => rows.destroy(e));
  let header: (Header & { names: string[]; outIndex: number[] }) | undefined;
  let first = true;
  try {
    for await (const row of rows as AsyncIterable<Row | TooLong>) {
      if (isTooLong(row)) {
        if (!header) throw new UsageError(m('e:csv-header-too-long', { mb: MAX_LINE_BYTES / 1024 / 1024 }));
        yield { failed: new UsageError(m('e:csv-row-too-long', { mb: MAX_LINE_BYTES / 1024 / 1024, line: row.line }), m('hint:csv-row-too-long')) };
        continue;
      }
      const text = first && row.text.startsWith('\uFEFF') ? row.text.slice(1) : row.text;
      first = false;
      let cells: string[];
      try {
        cells = cellsOf(text);
      } catch (e) {
        const failed = csvError(e as Error & { code?: string }, row.line);
        if (header) yield { failed };
        else throw new UsageError(m('e:csv-header-invalid', { inner: failed.text?.message ?? failed.message }));
        continue;
      }
      if (!header) {
        // Blank lines before the header are not rows.
        if (!(cells.length === 1 && cells[0] === '')) {
          header = readHeader(cells, encoding);
          onHeader?.(header);
        }
        continue;
      }
      yield optionsOf(cells, header, encoding);
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UsageError(m('e:batch-read', { why }));
  } finally {
    rows.destroy();
    input.destroy();
  }
}

/** One row's cells (csv-parse); an empty row is one empty cell. */
function cellsOf(text: string): string[] {
  if (text === '') return [''];
  const records = parse(text, { relax_column_count: true }) as string[][];
  return records[0] ?? [''];
}

/**
 * Each column's key; a header that names no key is carried through (a name, a
 * department, a cost centre), so a team's own sheet runs as it is. One key named
 * by two columns stops the run before any row.
 */
function readHeader(header: string[], encoding: Encoding): Header & { names: string[]; outIndex: number[] } {
  if (header.some((h) => h.includes(SUB))) throw notUtf8('The CSV header', encoding);
  const keys = header.map((h) => (h.trim() === '' ? undefined : columnKey(h)));
  const carried: Header['carried'] = [];
  header.forEach((h, i) => {
    if (h.trim() !== '' && keys[i] === undefined) carried.push({ header: h.trim(), guess: nearColumn(h, closest) });
    const first = keys.indexOf(keys[i]);
    if (keys[i] !== undefined && first !== i) {
      throw new UsageError(m('e:csv-columns-twice', { a: first + 1, b: i + 1, key: keys[i] }), m('hint:csv-columns-twice'));
    }
  });
  if (keys.every((k) => k === undefined) && carried.length === 0) throw new UsageError(m('e:csv-header-empty'));
  // With a gross column, the model's columns ride along on every row (used by a row without a gross).
  const withGross = keys.includes('gross');
  const out = header.map((h, i) => (h.trim() !== '' && (keys[i] === undefined || (withGross && MODEL_ONLY.has(keys[i]!))) ? i : -1)).filter((i) => i >= 0);
  const modelOnly = out.filter((i) => keys[i] !== undefined).map((i) => header[i].trim());
  return { keys, carried, modelOnly, output: out.map((i) => header[i].trim()), names: header.map((h) => h.trim()), outIndex: out };
}

/** Keys only the model prices (estimate): a row with a gross carries them through instead. */
const MODEL_ONLY = new Set(OPTION_KEYS.estimate.filter((k) => !OPTION_KEYS.net.includes(k)));

function optionsOf(row: string[], header: Header & { names: string[]; outIndex: number[] }, encoding: Encoding): Request {
  const { keys, names, outIndex } = header;
  if (row.length === 1 && row[0] === '') return { failed: new UsageError(m('e:csv-empty-row')) };
  const options: RawOptions = {};
  const columns: [string, string][] = [];
  let failed: UsageError | undefined;
  // A row with a gross is priced from it (net), unless a command column says otherwise.
  const priced = keys.includes('gross') && row[keys.indexOf('gross')]?.trim() && !row[keys.indexOf('command')]?.trim();
  for (const i of outIndex) columns.push([names[i], row[i] ?? '']);
  for (let i = 0; i < Math.max(row.length, names.length); i++) {
    const cell = row[i] ?? '';
    const key = keys[i];
    // Carried (above), and not read: a column no key names, or the model's on a row priced from its gross.
    if (i < names.length && names[i] !== '' && (key === undefined || (priced && MODEL_ONLY.has(key)))) continue;
    if (cell === '') continue; // an empty cell is a key not given
    if (cell.includes(SUB)) failed ??= notUtf8('This row', encoding);
    else if (key === undefined) {
      failed ??= new UsageError(i >= names.length ? m('e:csv-row-cells', { cells: row.length, header: names.length }) : m('e:csv-cell-no-column', { cell: i + 1 }));
    } else options[key] = CHANGE_KEYS.has(key) ? changesOf(key, cell) : cell;
  }
  if (priced) options.command = 'net';
  const carried = columns.length > 0 ? { [COLUMNS]: columns } : {};
  // A failed row keeps its id, if that cell was good, and its carried columns.
  return failed ? { failed, id: options.id as string | undefined, ...carried } : Object.assign(options, carried);
}

/** A cell of changes: JSON as in a JSON line, or flag specs separated by semicolons. */
function changesOf(key: string, cell: string): unknown {
  const text = cell.trim();
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      return JSON.parse(text);
    } catch {
      return text; // read as a spec, whose error names what is wrong
    }
  }
  if (key === 'jobs') return text;
  const specs = text.split(';').map((s) => s.trim()).filter(Boolean);
  return specs.length === 1 ? specs[0] : specs;
}

function csvError(e: Error & { code?: string }, line: number): UsageError {
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new UsageError(m('e:csv-quote-open', { line }));
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new UsageError(m('e:csv-quote-inside', { line }), m('hint:csv-quote-inside'));
    default:
      return new UsageError(m('e:csv-invalid', { line, why: String(e.message).replace(/\.$/, '') }));
  }
}
