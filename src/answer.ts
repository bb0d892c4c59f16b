/**
 * One path from an options object (flags, an offer, a batch line, a library
 * call) to a result: check the keys, read the request, compute.
 */
import { m, UsageError } from './errors.js';
import type { Data } from './model/data.js';
import { readRequest } from './request/request.js';
import { checkKeys, checkPlain, MONTH_KEYS, PAY_KEYS, PAYROLL_KEYS, type RawOptions } from './request/keys.js';
import { parseYuan, textOf } from './request/values.js';
import { estimate, grossFor, type Lang, net, type Result } from './result.js';

export type Command = 'estimate' | 'net' | 'gross';

/** The option keys each command takes, as camelCase names. */
export const OPTION_KEYS: Record<Command, readonly string[]> = {
  estimate: [...new Set([...PAY_KEYS, ...PAYROLL_KEYS, 'extra', 'unpaidDays', 'cities'])],
  net: [...new Set(['gross', ...PAYROLL_KEYS, 'extra', 'unpaidDays', 'cities'])],
  gross: [...new Set(['net', ...PAYROLL_KEYS, 'extra', 'unpaidDays', 'cities'])],
};

export type { Data } from './model/data.js';

/** The data a request runs on: `cities` (a cities file) laid over the face's data. */
export function dataFor(o: RawOptions, data: Data): Data {
  if (o.cities === undefined || o.cities === null) return data;
  if (!data.withCities) throw new UsageError(m('e:cities-path'), m('hint:cities-path'));
  return data.withCities(o.cities);
}

/** `where` names the source in errors ("this batch line"); keys are checked unless the caller did. */
export function answer(command: Command, o: RawOptions, data: Data, today: string, lang: Lang, where?: string): Result {
  checkPlain(o);
  if (where) checkKeys(o, OPTION_KEYS[command], where);
  const { model, law } = dataFor(o, data);
  if (o.cities !== undefined) {
    const { cities: _file, ...rest } = o;
    o = rest;
  }
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
