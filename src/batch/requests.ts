/**
 * Batch input -> one request (an options object) or one error per input line or
 * CSV row, in order, as many at a time as have been read. The format is JSON lines or CSV: given (`--input`), or told
 * from the first line that is not blank: one starting with `{` or `[` is JSON, one
 * with a comma is a CSV header, anything else is read as a (bad) JSON line.
 */
import { Readable } from 'node:stream';
import type { RawOptions } from '../request/keys.js';
import { m, UsageError } from '../errors.js';
import { MAX_LINE_BYTES, MAX_NESTING_DEPTH } from '../limits.js';
import type { Header } from './csv-input.js';
import { readLines, type TooLong } from './lines.js';
import { detectEncoding, type Encoding, notUtf8, SUB } from './utf8.js';
import type { Failed, Request } from './types.js';

export type InputFormat = 'jsonl' | 'csv';
export { COLUMNS } from './types.js';
export type { Failed, Request } from './types.js';

export const isFailed = (r: Request): r is Failed => r.failed instanceof UsageError;

/**
 * `encoding`: given (`--encoding`), or told from the first bytes: UTF-8 (with or without
 * a BOM) when they are UTF-8, else GB18030 (GBK) when they decode as it; input that is
 * neither is refused before any line (its header could not be read).
 */
export async function* readRequests(input: Readable, format?: InputFormat, encoding?: Encoding, onHeader?: (h: Header) => void): AsyncGenerator<Request[]> {
  const start = await firstLine(input);
  const stream = start.ended ? Readable.from([start.head]) : Readable.from(chain(start.head, input));
  const code = encoding ?? detectEncoding(start.head);
  if (code === null) throw new UsageError(m('e:not-text'), m('hint:not-text'));
  if ((format ?? detect(start.head)) === 'csv') {
    const { readCsv } = await import('./csv-input.js');
    for await (const row of readCsv(stream, code, onHeader)) yield [row];
    return;
  }
  for await (const read of readLines(stream, code)) yield read.map((raw) => parseLine(raw, code));
}

async function* chain(head: Buffer, rest: Readable): AsyncGenerator<Buffer> {
  if (head.length > 0) yield head;
  yield* rest;
}

/** The bytes up to the end of the first line that is not blank (or up to MAX_LINE_BYTES, or the end). */
function firstLine(input: Readable): Promise<{ head: Buffer; ended: boolean }> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const finish = (ended: boolean) => {
      input.off('readable', onReadable).off('end', onEnd).off('error', onError);
      resolve({ head: Buffer.concat(parts), ended });
    };
    const onReadable = () => {
      let chunk: Buffer | null;
      while ((chunk = input.read() as Buffer | null) !== null) {
        parts.push(chunk);
        size += chunk.length;
        if (size >= MAX_LINE_BYTES || detect(Buffer.concat(parts), false) !== undefined) return finish(false);
      }
    };
    const onEnd = () => finish(true);
    const onError = (e: NodeJS.ErrnoException) => {
      input.off('readable', onReadable).off('end', onEnd);
      reject(new UsageError(`Cannot read the batch input: ${e.code ?? e.message}.`));
    };
    input.on('readable', onReadable).on('end', onEnd).on('error', onError);
  });
}

/** The format the first non-blank line says; undefined while that line is not whole (unless `final`). */
export function detect(head: Buffer, final = true): InputFormat | undefined {
  let at = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (at < head.length && (head[at] === 0x20 || head[at] === 0x09 || head[at] === 0x0a || head[at] === 0x0d)) at++;
  if (at < head.length && (head[at] === 0x7b || head[at] === 0x5b)) return 'jsonl'; // { or [
  let end = at;
  while (end < head.length && head[end] !== 0x0a && head[end] !== 0x0d) end++;
  if (end === head.length && !final) return undefined;
  return head.subarray(at, end).includes(0x2c) ? 'csv' : 'jsonl'; // a comma
}

/** One JSON line -> its options, or the error that takes its place. */
export function parseLine(raw: string | TooLong, encoding: Encoding = 'utf8'): Request {
  if (typeof raw !== 'string') return { failed: new UsageError(m('e:line-too-long', { mb: MAX_LINE_BYTES / 1024 / 1024 })) };
  if (raw.length > 2 * MAX_NESTING_DEPTH && nestingOf(raw) > MAX_NESTING_DEPTH) {
    return fail(`JSON nested more than ${MAX_NESTING_DEPTH} deep; a request is a flat object with a few nested ones.`);
  }
  let o: unknown;
  try {
    o = JSON.parse(raw);
  } catch (e) {
    if (raw.trim() === '') return fail('Empty line; expected a JSON object.');
    // Bytes that are not UTF-8 arrive as SUB, which JSON does not allow raw.
    if (raw.includes(SUB)) return { failed: notUtf8('This line', encoding) };
    if (raw.includes('\u0000')) return { failed: new UsageError(m('e:line-nul')) };
    return fail(`Not valid JSON: ${(e as Error).message}.`);
  }
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return fail('Expected a JSON object, like {"command":"net","gross":12000,"city":"hangzhou"}.');
  // Values of the wrong type (a city that is an object, a gross that is a list) are refused by the request layer,
  // with the sentence a library call or an offer gets for the same mistake.
  return o as RawOptions;
}

const fail = (message: string): Failed => ({ failed: new UsageError(message) });

/** The deepest [ or { outside strings: checked before JSON.parse, which would build it all first. */
function nestingOf(raw: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) deepest = Math.max(deepest, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}
