/**
 * `cs-pay batch [file | -]`: one JSON request per line in, one JSON result per
 * line out, same order. A bad line yields {"line": N, "error": {...}} and the run
 * goes on; the exit code is 2 at the end if any line failed. No line is dropped.
 */
import { CsPayError, UsageError } from '../../errors.js';
import { answer } from '../../answer.js';
import type { Lang } from '../../result.js';
import { langFromEnv } from '../../render/labels.js';
import { loadData, type Data } from '../context.js';
import type { Io } from '../io.js';
import type { RawOptions } from '../request.js';
import { parseChoice } from '../values.js';

const COMMANDS = ['estimate', 'net', 'gross'] as const;

export async function batchCommand(file: string | undefined, o: RawOptions, io: Io): Promise<number> {
  const data = await loadData(io, o.model as string | undefined);
  let text: string;
  if (file === undefined || file === '-') text = await io.readStdin();
  else text = (await import('../read-file.js')).readText(io, file, 'batch file');

  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop(); // the newline that ends the last line
  let failed = 0;
  lines.forEach((raw, i) => {
    const line = i + 1;
    try {
      io.stdout(`${JSON.stringify({ line, ...answerLine(raw, data, io) })}\n`);
    } catch (e) {
      failed++;
      const error =
        e instanceof CsPayError
          ? { code: e.code, message: e.hint ? `${e.message} ${e.hint}` : e.message }
          : { code: 'internal', message: `internal error: ${(e as Error)?.message ?? e}` };
      io.stdout(`${JSON.stringify({ line, error })}\n`);
    }
  });
  if (failed > 0) io.stderr(`cs-pay: ${failed} of ${lines.length} batch lines failed; see their "error" objects.\n`);
  return failed > 0 ? 2 : 0;
}

function answerLine(raw: string, { model, law }: Data, io: Io) {
  if (raw.trim() === '') throw new UsageError('Empty line; expected a JSON object.');
  let o: unknown;
  try {
    o = JSON.parse(raw);
  } catch (e) {
    throw new UsageError(`Not valid JSON: ${(e as Error).message}.`);
  }
  if (o === null || typeof o !== 'object' || Array.isArray(o)) throw new UsageError('Expected a JSON object, like {"command":"net","gross":12000,"city":"hangzhou"}.');
  const req = o as RawOptions;
  const command = parseChoice('command', String(req.command ?? 'estimate'), COMMANDS);
  const lang: Lang = req.lang === undefined ? langFromEnv(io.env) : parseChoice('lang', String(req.lang), ['en', 'zh'] as const);
  const { command: _c, lang: _l, ...options } = req;
  return answer(command, options, { model, law }, io.today, lang, 'this batch line');
}
