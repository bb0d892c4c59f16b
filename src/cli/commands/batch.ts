/**
 * `cs-pay batch [file | -]`: one JSON request per line in, one JSON result per
 * line out, same order. A bad line yields {"line": N, "error": {...}} and the run
 * goes on; the exit code is 2 at the end if any line failed. No line is dropped.
 */
import { CsPayError, UsageError } from '../../errors.js';
import { estimate, grossFor, net, type Lang } from '../../result.js';
import { langFromEnv } from '../../render/labels.js';
import { loadData, type Data } from '../context.js';
import type { Io } from '../io.js';
import { checkKeys, PAY_KEYS, PAYROLL_KEYS, readPayInput, readPayrollRequest, type RawOptions } from '../request.js';
import { parseChoice, parseYuan } from '../values.js';

const COMMANDS = ['estimate', 'net', 'gross'] as const;
const EXTRA_KEYS = ['command', 'lang', 'gross', 'net'];
const ALL_KEYS = [...new Set([...EXTRA_KEYS, ...PAY_KEYS, ...PAYROLL_KEYS])];

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
      io.stdout(`${JSON.stringify({ line, ...answer(raw, data, io) })}\n`);
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

function answer(raw: string, { model, law }: Data, io: Io) {
  if (raw.trim() === '') throw new UsageError('Empty line; expected a JSON object.');
  let o: unknown;
  try {
    o = JSON.parse(raw);
  } catch (e) {
    throw new UsageError(`Not valid JSON: ${(e as Error).message}.`);
  }
  if (o === null || typeof o !== 'object' || Array.isArray(o)) throw new UsageError('Expected a JSON object, like {"command":"net","gross":12000,"city":"hangzhou"}.');
  const req = o as RawOptions;
  checkKeys(req, ALL_KEYS, 'this batch line');
  const command = parseChoice('command', String(req.command ?? 'estimate'), COMMANDS);
  const lang: Lang = req.lang === undefined ? langFromEnv(io.env) : parseChoice('lang', String(req.lang), ['en', 'zh'] as const);
  const payroll = readPayrollRequest(req, model, io.today);
  if (command === 'estimate') {
    const pay = readPayInput(req, model);
    return estimate({ pay, payroll: { ...payroll, city: pay.city } }, model, law, lang);
  }
  if (payroll.city === undefined && payroll.insurance === undefined) {
    throw new UsageError(`${command} needs "city" (for social insurance) or "insurance" (the monthly total).`);
  }
  const amountKey = command === 'net' ? 'gross' : 'net';
  if (req[amountKey] === undefined) throw new UsageError(`${command} needs "${amountKey}".`);
  const amount = parseYuan(amountKey, String(req[amountKey]), { allowZero: false });
  return command === 'net' ? net(payroll, amount, lang, law) : grossFor(payroll, amount, lang, law);
}
