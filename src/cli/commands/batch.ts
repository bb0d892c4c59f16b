/**
 * `cs-pay batch [file | -]`: one request per input line (JSON lines, or CSV rows
 * under a header), one result per output line (JSON lines, or CSV rows), same
 * order. A bad line yields {"line": N, "error": {...}} and the run goes on; the
 * exit code is 2 at the end if any line failed. No line is dropped. Input and
 * output stream (src/batch/lines.ts): memory stays flat however long the input.
 */
import type { Readable } from 'node:stream';
import { answer, type Command } from '../../answer.js';
import { parseFields } from '../../batch/fields.js';
import { leanAnswer, leanCovers, type LeanNeed } from '../../batch/lean.js';
import { LineWriter, streamOf } from '../../batch/lines.js';
import { type Answer, csvRows, type Format, jsonLines, Totals } from '../../batch/output.js';
import { showProgress } from '../../batch/progress.js';
import type { Header } from '../../batch/csv-input.js';
import { COLUMNS, type InputFormat, isFailed, readRequests, type Request } from '../../batch/requests.js';
import { CsPayError, describe, m, UsageError } from '../../errors.js';
import { langFromEnv, msg } from '../../i18n/messages.js';
import { clipMessage } from '../../limits.js';
import type { Lang } from '../../result.js';
import { citiesOn, type Data, loadData } from '../context.js';
import type { Io } from '../io.js';
import { checkRegularFile, readError } from '../../io/read-text.js';
import type { RawOptions } from '../../request/keys.js';
import { kindOf, parseChoice, textOf } from '../../request/values.js';

const COMMANDS = ['estimate', 'net', 'gross'] as const;
const LANGS = ['en', 'zh'] as const;

export async function batchCommand(file: string | undefined, o: RawOptions, io: Io): Promise<number> {
  const inputFormat = o.input === undefined ? undefined : parseChoice<InputFormat>('--input', String(o.input), ['jsonl', 'csv']);
  // json is jsonl here: a batch writes JSON one result a line.
  const outputFormat = parseChoice('--format', String(o.format ?? 'jsonl'), ['jsonl', 'json', 'csv'] as const);
  const paths = o.fields === undefined ? undefined : parseFields(String(o.fields));
  const summary = o.summary === true;
  // Read once: a line without "lang" speaks the language asked for, or of the environment.
  const lang: Lang = o.lang === undefined ? langFromEnv(io.env) : parseChoice('--lang', textOf('--lang', o.lang), LANGS);
  if (o.bom === true && outputFormat !== 'csv') throw new UsageError(m('e:bom-csv'));
  const encoding = o.encoding === undefined ? undefined : ENCODINGS[parseChoice('--encoding', textOf('--encoding', o.encoding), ['utf8', 'utf-8', 'gbk', 'gb18030'] as const)];
  const format: Format = outputFormat === 'csv' ? csvRows(paths, summary, o.bom === true) : jsonLines(paths);
  // Plain net lines take the lean year: only its figures for --fields they cover, the JSON text straight for whole JSON lines.
  const need: LeanNeed = paths !== undefined && leanCovers(paths) ? 'figures' : paths === undefined && outputFormat !== 'csv' ? 'text' : 'object';
  let data = await loadData(io, o.model as string | undefined);
  const input = await openInput(io, file);
  const out = new LineWriter(io);
  const totals = new Totals();
  const counts = { line: 0, failed: 0 };
  const stopProgress = (o.progress ?? io.stderrIsTTY) === true ? showProgress(io.stderr, counts) : () => {};
  // The CSV output's header waits for the input's: its carried columns lead each row.
  let carried: string[] = [];
  let headed = false;
  const head = async () => {
    if (headed) return true;
    headed = true;
    const text = format.head(carried);
    return text === '' || out.push(text);
  };
  const onHeader = (h: Header) => {
    carried = h.output;
    // One note, so a typo in a real key is never silent.
    if (h.carried.length > 0) {
      const columns = h.carried.map((c) => (c.guess ? `${c.header} (${msg('cli:didYouMean', lang, { guess: c.guess })})` : c.header)).join(', ');
      io.stderr(`cs-pay: ${msg('n:batch-carried', lang, { columns })}\n`);
    }
    if (h.modelOnly.length > 0) io.stderr(`cs-pay: ${msg('n:batch-model-only', lang, { columns: h.modelOnly.join(', ') })}\n`);
  };
  try {
    for await (const requests of readRequests(input, inputFormat, encoding, onHeader)) {
      for (const request of requests) {
        if (!headed && !(await head())) return 0;
        // A line with a cities file: the reader (yaml, zod) loads with the first such line.
        if (!isFailed(request) && request.cities !== undefined && !data.withCities) data = await citiesOn(io, data);
        const a = answerLine(++counts.line, request, data, io.today, lang, need);
        if (a.result) totals.add(a.result);
        else counts.failed++;
        // stdout is gone (a closed pipe, a full disk): stop computing; the caller reports it.
        const room = out.push(format.line(a));
        if (room !== true && !(await room)) return 0;
      }
    }
    if (!(await head())) return 0;
    totals.count = counts.line;
    totals.failed = counts.failed;
    if (summary && !(await out.push(format.summary(totals)))) return 0;
    if (!(await out.flush())) return 0;
  } finally {
    stopProgress();
  }
  const { line, failed } = counts;
  if (failed > 0) io.stderr(`cs-pay: ${msg('e:batch-failed', lang, { failed, lines: line })}\n`);
  return failed > 0 ? 2 : 0;
}

const ENCODINGS = { utf8: 'utf8', 'utf-8': 'utf8', gbk: 'gb18030', gb18030: 'gb18030' } as const;

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

/** One request -> its answer or its error, with its id (if it has a good one). */
function answerLine(line: number, request: Request, data: Data, today: string, envLang: Lang, need: LeanNeed = 'object'): Answer {
  const id = request.id;
  // CONTRACT: an id is a string or a finite number (1e999 reads as Infinity: the line fails).
  const hasId = typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));
  const columns = (request as { [COLUMNS]?: [string, string][] })[COLUMNS];
  // The line's own language, when it says one it may; else the run's.
  const said = (request as RawOptions).lang;
  const own = typeof said === 'string' && (LANGS as readonly string[]).includes(said.trim().toLowerCase()) ? (said.trim().toLowerCase() as Lang) : envLang;
  if (isFailed(request)) return { line, id: hasId ? id : undefined, columns, error: errorOf(request.failed, own) };
  try {
    if (id !== undefined && id !== null && !hasId) {
      throw new UsageError(typeof id === 'number' ? m('e:id-too-large') : m('e:id-type', { got: kindOf(id) }));
    }
    if ((request as RawOptions).cities === undefined) {
      const lean = leanAnswer(request as RawOptions, data, today, own, need);
      if (lean) return { line, id: hasId ? id : undefined, columns, result: lean.result, lean: need === 'figures', head: lean.head, tail: lean.tail };
    }
    // No command: a line with a gross is priced from it (net), one with a net target solved for its gross, else the model's estimate.
    let command: Command = request.gross !== undefined && request.gross !== null ? 'net' : request.net !== undefined && request.net !== null ? 'gross' : 'estimate';
    let lang = envLang;
    // The options without id, command and lang, built as a plain object (no rest spread on the hot path).
    const options: RawOptions = {};
    for (const key in request) {
      const v = request[key];
      if (key === 'command') command = v === undefined || v === null ? command : parseChoice('command', textOf('command', v), COMMANDS);
      else if (key === 'lang') lang = v === undefined || v === null ? envLang : parseChoice('lang', textOf('lang', v), LANGS);
      else if (key !== 'id') options[key] = v;
    }
    return { line, id: hasId ? id : undefined, columns, result: answer(command, options, data, today, lang, 'this batch line') };
  } catch (e) {
    return { line, id: hasId ? id : undefined, columns, error: errorOf(e, own) };
  }
}

/** An error in the line's language: the catalogue's words where the error carries its key. */
function errorOf(e: unknown, lang: Lang): { code: string; message: string } {
  if (e instanceof CsPayError) {
    const { message, hint } = describe(e, lang);
    return { code: e.code, message: clipMessage(hint ? `${message} ${hint}` : message) };
  }
  return { code: 'internal', message: clipMessage(`internal error: ${(e as Error)?.message ?? e}`) };
}
