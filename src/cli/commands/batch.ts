/**
 * `cs-pay batch [file | -]`: one JSON request per line in, one JSON result per
 * line out, same order. A bad line yields {"line": N, "error": {...}} and the run
 * goes on; the exit code is 2 at the end if any line failed. No line is dropped.
 * Input and output stream (../lines.ts): memory stays flat however long the input.
 */
import type { Readable } from 'node:stream';
import { answer } from '../../answer.js';
import { CsPayError, UsageError } from '../../errors.js';
import { clipMessage, MAX_LINE_BYTES, MAX_NESTING_DEPTH, quote } from '../../limits.js';
import type { Lang } from '../../result.js';
import { langFromEnv } from '../../render/labels.js';
import { loadData, type Data } from '../context.js';
import type { Io } from '../io.js';
import { LineWriter, readLines, streamOf } from '../lines.js';
import { checkRegularFile, readError } from '../read-text.js';
import type { RawOptions } from '../request.js';
import { parseChoice } from '../values.js';

const COMMANDS = ['estimate', 'net', 'gross'] as const;
/** Keys read as names, at any depth (a job's city): a number is a name too, an object or a switch is not. */
const NAME_KEYS = ['command', 'lang', 'city', 'level', 'platform'];

export async function batchCommand(file: string | undefined, o: RawOptions, io: Io): Promise<number> {
  const data = await loadData(io, o.model as string | undefined);
  const input = await openInput(io, file);
  const out = new LineWriter(io);
  let line = 0;
  let failed = 0;
  for await (const raw of readLines(input)) {
    line++;
    let text: string;
    try {
      text = `${JSON.stringify({ line, ...answerLine(raw, data, io) })}\n`;
    } catch (e) {
      failed++;
      text = `${JSON.stringify({ line, error: errorOf(e) })}\n`;
    }
    // stdout is gone (a closed pipe, a full disk): stop computing; the caller reports it.
    if (!(await out.push(text))) return 0;
  }
  if (!(await out.flush())) return 0;
  if (failed > 0) io.stderr(`cs-pay: ${failed} of ${line} batch lines failed; see their "error" objects.\n`);
  return failed > 0 ? 2 : 0;
}

async function openInput(io: Io, file: string | undefined): Promise<Readable> {
  if (file === undefined || file === '-') return io.stdin ? io.stdin() : streamOf(await io.readStdin());
  // Only a regular file: a FIFO without a writer would block, a device may never end.
  checkRegularFile(file, 'batch file');
  try {
    return io.openFile ? io.openFile(file) : streamOf(io.readFile(file));
  } catch (e) {
    throw readError(e, file, 'batch file');
  }
}

function errorOf(e: unknown): { code: string; message: string } {
  if (e instanceof CsPayError) return { code: e.code, message: clipMessage(e.hint ? `${e.message} ${e.hint}` : e.message) };
  return { code: 'internal', message: clipMessage(`internal error: ${(e as Error)?.message ?? e}`) };
}

function answerLine(raw: string | { tooLong: true }, data: Data, io: Io) {
  if (typeof raw !== 'string') throw new UsageError(`Line longer than ${MAX_LINE_BYTES / 1024 / 1024} MB; a request is a JSON object of a few hundred bytes.`);
  if (raw.trim() === '') throw new UsageError('Empty line; expected a JSON object.');
  if (raw.length > 2 * MAX_NESTING_DEPTH && nestingOf(raw) > MAX_NESTING_DEPTH) {
    throw new UsageError(`JSON nested more than ${MAX_NESTING_DEPTH} deep; a request is a flat object with a few nested ones.`);
  }
  let o: unknown;
  try {
    o = JSON.parse(raw);
  } catch (e) {
    throw new UsageError(`Not valid JSON: ${(e as Error).message}.`);
  }
  if (o === null || typeof o !== 'object' || Array.isArray(o)) throw new UsageError('Expected a JSON object, like {"command":"net","gross":12000,"city":"hangzhou"}.');
  checkNames(o);
  const req = o as RawOptions;
  const command = parseChoice('command', String(req.command ?? 'estimate'), COMMANDS);
  const lang: Lang = req.lang === undefined || req.lang === null ? langFromEnv(io.env) : parseChoice('lang', String(req.lang), ['en', 'zh'] as const);
  const { command: _c, lang: _l, ...options } = req;
  return answer(command, options, data, io.today, lang, 'this batch line');
}

/** A city, level or platform (here or in a month's change) that is an object or a switch is bad input, said before anything reads it as text. */
function checkNames(value: object): void {
  for (const [key, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    if (NAME_KEYS.includes(key) && typeof v !== 'string' && typeof v !== 'number') {
      throw new UsageError(`"${key}" must be a name (a string); got ${quote(JSON.stringify(v))}.`);
    }
    // Depth is bounded: lines nested deeper than MAX_NESTING_DEPTH were refused above.
    if (typeof v === 'object') checkNames(v);
  }
}

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
