/**
 * One path from an options object (flags, an offer, a batch line, a library
 * call) to a result: check the keys, read the request, compute.
 */
import { m, UsageError } from './errors.js';
import type { Law } from './model/law-schema.js';
import type { Model } from './model/model.js';
import { checkKeys, checkPlain, MONTH_KEYS, PAY_KEYS, PAYROLL_KEYS, readRequest, type RawOptions } from './cli/request.js';
import { parseYuan, textOf } from './cli/values.js';
import { estimate, grossFor, type Lang, net, type Result } from './result.js';

export type Command = 'estimate' | 'net' | 'gross';

/** The option keys each command takes, as camelCase names. */
export const OPTION_KEYS: Record<Command, readonly string[]> = {
  estimate: [...new Set([...PAY_KEYS, ...PAYROLL_KEYS, 'extra', 'unpaidDays'])],
  net: [...new Set(['gross', ...PAYROLL_KEYS, 'extra', 'unpaidDays'])],
  gross: [...new Set(['net', ...PAYROLL_KEYS, 'extra', 'unpaidDays'])],
};

export interface Data {
  model: Model;
  law: Law;
}

/** `where` names the source in errors ("this batch line"); keys are checked unless the caller did. */
export function answer(command: Command, o: RawOptions, data: Data, today: string, lang: Lang, where?: string): Result {
  checkPlain(o);
  if (where) checkKeys(o, OPTION_KEYS[command], where);
  const { model, law } = data;
  const req = readRequest(o, command, model, today);
  if (command === 'estimate') return estimate(req, model, law, lang);
  if (req.months.every((m) => m.payroll.city === undefined && m.payroll.insurance === undefined)) {
    throw new UsageError(
      m('e:payroll-needs-city', { command }),
      m('hint:example', { example: `cs-pay ${command} --${command === 'net' ? 'gross 12000' : 'net 9000'} --city hangzhou` }),
    );
  }
  const amountKey = command === 'net' ? 'gross' : 'net';
  if (o[amountKey] === undefined || o[amountKey] === null) {
    throw new UsageError(
      m(command === 'net' ? 'e:net-needs-gross' : 'e:gross-needs-net'),
      m('hint:example', { example: `cs-pay ${command} --${amountKey} ${command === 'net' ? 12000 : 8000} --city hangzhou` }),
    );
  }
  const amount = parseYuan(`--${amountKey}`, textOf(`--${amountKey}`, o[amountKey]), { allowZero: false });
  return command === 'net' ? net(req, amount, lang, law) : grossFor(req, amount, lang, law);
}

export { MONTH_KEYS };
