/**
 * CSV batch input (RFC 4180, parsed by csv-parse as a stream): a header row of
 * keys (./columns.ts), then one request per row. A row that is not valid CSV,
 * has more cells than the header, or holds bytes that are not UTF-8 becomes an
 * error in its place; the rows after it are read as usual.
 */
import { parse } from 'csv-parse';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import type { RawOptions } from '../cli/request.js';
import { closest } from '../cli/suggest.js';
import { UsageError } from '../errors.js';
import { MAX_LINE_BYTES, quote } from '../limits.js';
import { columnKey, columnNames } from './columns.js';
import type { Request } from './requests.js';
import { MarkInvalidUtf8, notUtf8, SUB } from './utf8.js';

const SKIPPED = Symbol('skipped');
type Parsed = string[] | { [SKIPPED]: Error & { code?: string; lines?: number } };

/** Keys whose cells may hold several changes: `7:gross=12000; 11:extra=5000`, or JSON. */
const CHANGE_KEYS = new Set(['from', 'in', 'job', 'jobs']);

export async function* readCsv(input: Readable): AsyncGenerator<Request> {
  // Bytes read since the last whole row: an unclosed quote would read the rest of the input into one field.
  let pending = 0;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_records_with_error: true,
    on_record: (record: string[]) => ((pending = 0), record),
    on_skip: (err) => {
      pending = 0;
      if (err) parser.push({ [SKIPPED]: err });
      return undefined;
    },
  });
  const guard = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      pending += chunk.length;
      done(null, chunk);
    },
  });
  input.on('error', (e) => parser.destroy(e));
  input.pipe(new MarkInvalidUtf8()).pipe(guard).pipe(parser);

  let keys: (string | undefined)[] | undefined;
  try {
    for await (const row of parser as AsyncIterable<Parsed>) {
      if (!Array.isArray(row)) {
        if (keys) yield { failed: csvError(row[SKIPPED]) };
        else throw new UsageError(`The CSV header is not valid CSV: ${csvError(row[SKIPPED]).message}`);
        continue;
      }
      if (!keys) {
        // Blank lines before the header are not rows.
        if (!(row.length === 1 && row[0] === '')) keys = headerKeys(row);
        continue;
      }
      yield optionsOf(row, keys);
      if (pending > MAX_LINE_BYTES) {
        yield { failed: tooLong() };
        return;
      }
    }
    if (pending > MAX_LINE_BYTES) yield { failed: tooLong() };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UsageError(`Cannot read the batch input: ${why}.`);
  } finally {
    parser.destroy();
    input.destroy();
  }
}

const tooLong = () => new UsageError(`A row longer than ${MAX_LINE_BYTES / 1024 / 1024} MB: a quote is probably not closed; the rest of the input is not read.`);

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

function csvError(e: Error & { code?: string; lines?: number }): UsageError {
  const at = e.lines === undefined ? '' : ` at line ${e.lines}`;
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
      return new UsageError(`Not valid CSV${at}: ${e.message.replace(/\.$/, '')}.`);
  }
}
