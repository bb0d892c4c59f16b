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
import type { RawOptions } from '../request/keys.js';
import { closest } from '../suggest.js';
import { m, UsageError } from '../errors.js';
import { MAX_LINE_BYTES, quote } from '../limits.js';
import { columnKey, columnNames } from './columns.js';
import { Frames, isTooLong, type Row, type TooLong } from './frames.js';
import type { Request } from './types.js';
import { MarkInvalidUtf8, notUtf8, SUB } from './utf8.js';

/** Keys whose cells may hold several changes: `7:gross=12000; 11:extra=5000`, or JSON. */
const CHANGE_KEYS = new Set(['from', 'in', 'job', 'jobs']);

export async function* readCsv(input: Readable): AsyncGenerator<Request> {
  const rows = input.pipe(new MarkInvalidUtf8()).pipe(new Frames(MAX_LINE_BYTES, true));
  input.on('error', (e) => rows.destroy(e));
  let keys: (string | undefined)[] | undefined;
  let first = true;
  try {
    for await (const row of rows as AsyncIterable<Row | TooLong>) {
      if (isTooLong(row)) {
        if (!keys) throw new UsageError(m('e:csv-header-too-long', { mb: MAX_LINE_BYTES / 1024 / 1024 }));
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
        if (keys) yield { failed };
        else throw new UsageError(`The CSV header is not valid CSV: ${failed.message}`);
        continue;
      }
      if (!keys) {
        // Blank lines before the header are not rows.
        if (!(cells.length === 1 && cells[0] === '')) keys = headerKeys(cells);
        continue;
      }
      yield optionsOf(cells, keys);
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UsageError(`Cannot read the batch input: ${why}.`);
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

/** The key of each column; a header that names no key, or one key twice, stops the run before any row. */
function headerKeys(header: string[]): (string | undefined)[] {
  if (header.some((h) => h.includes(SUB))) throw notUtf8('The CSV header');
  const keys = header.map((h) => (h.trim() === '' ? undefined : columnKey(h)));
  header.forEach((h, i) => {
    if (h.trim() !== '' && keys[i] === undefined) {
      const guess = closest(h.trim(), columnNames());
      throw new UsageError(
        `Unknown column '${quote(h)}' in the CSV header.`,
        `${guess ? `Did you mean ${guess}? ` : ''}Columns are the keys of a batch line (id, command, city, gross, level, …), as camelCase, kebab-case or snake_case.`,
      );
    }
    const first = keys.indexOf(keys[i]);
    if (keys[i] !== undefined && first !== i) {
      throw new UsageError(`Columns ${first + 1} and ${i + 1} of the CSV header both name '${keys[i]}'.`, 'Keep one of them.');
    }
  });
  if (keys.every((k) => k === undefined)) throw new UsageError('The CSV header is empty; the first row names the columns, like id,command,gross,city.');
  return keys;
}

function optionsOf(row: string[], keys: (string | undefined)[]): Request {
  if (row.length === 1 && row[0] === '') return { failed: new UsageError('Empty row; expected the cells of a request.') };
  const options: RawOptions = {};
  let failed: UsageError | undefined;
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    if (cell === '') continue; // an empty cell is a key not given
    const key = keys[i];
    if (cell.includes(SUB)) failed ??= notUtf8('This row');
    else if (key === undefined) {
      failed ??= new UsageError(
        i >= keys.length ? `This row has ${row.length} cells; the header has ${keys.length}.` : `Cell ${i + 1} has a value, but its column has no name in the header.`,
      );
    } else options[key] = CHANGE_KEYS.has(key) ? changesOf(key, cell) : cell;
  }
  // A failed row keeps its id, if that cell was good.
  return failed ? { failed, id: options.id as string | undefined } : options;
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
  const at = ` at line ${line}`;
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new UsageError(`Not valid CSV${at}: a quote is not closed, so the rest of the input was read as one field.`);
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new UsageError(
        `Not valid CSV${at}: a quote inside a field.`,
        'A field that holds a quote, comma or line break is quoted as a whole, with its quotes doubled: "say ""hi""".',
      );
    default:
      return new UsageError(`Not valid CSV${at}: ${String(e.message).replace(/\.$/, '')}.`);
  }
}
