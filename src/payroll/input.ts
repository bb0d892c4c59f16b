/**
 * Check a PayrollInput before any rule is looked up. The CLI validates its
 * flags too, but the engine is also called by batch lines, the library and
 * tests, so it refuses impossible input itself (exit 2) rather than computing
 * nonsense. Each month's own input is checked the same way.
 */
import { m, UsageError } from '../errors.js';
import type { MonthFields, PayrollInput } from './types.js';

const MONTH_MONEY = ['wages', 'extra', 'dailyBase', 'taxFree', 'minimumWagePay', 'contributionPay', 'socialBase', 'insurance', 'deduction', 'healthInsurance', 'elderlyShare'] as const;
const YEAR_MONEY = ['bonus', 'privatePension', 'earlierIncome', 'earlierTax', 'earlierInsurance', 'seriousIllness'] as const;

/** `cities`: the cities the law in use knows (the built-in ones, and any from a cities file). */
export function checkInput(input: PayrollInput, cities: Record<string, unknown>): void {
  const known = Object.keys(cities);
  checkDate(input.date);
  for (const field of YEAR_MONEY) checkFen(field, input[field]);
  const start = input.startMonth ?? 1;
  checkMonthNumber('The start month', start);
  if (input.bonusMonth !== undefined) checkMonthNumber('The bonus month', input.bonusMonth);
  const choice = input.bonusTax ?? 'auto';
  if (choice !== 'auto' && choice !== 'separate' && choice !== 'merged') {
    throw new UsageError(`Unknown bonus tax method '${String(choice)}'.`, 'Valid choices: auto, separate, merged.');
  }
  if (input.lastYearUnder60k && start !== 1) {
    throw new UsageError(m('e:last-year-start'), m('hint:last-year-start'));
  }
  if (input.lastYearUnder60k && input.firstJob) {
    throw new UsageError(m('e:first-job-last-year'), m('hint:pick-one'));
  }
  const earlier = (['earlierIncome', 'earlierTax', 'earlierInsurance'] as const).filter((k) => input[k]);
  if (input.firstJob && earlier.length > 0) {
    const flags = earlier.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ');
    throw new UsageError(m('e:first-job-earlier', { flags }), m('hint:first-job-earlier'));
  }
  if ((input.earlierIncome || input.earlierTax || input.earlierInsurance) && start === 1) {
    throw new UsageError(m('e:earlier-income'), m('hint:earlier-income'));
  }
  // Months that share one input object are checked once (the first names the month).
  if (input.monthly) input.monthly.forEach((f, i) => input.monthly!.indexOf(f) === i && checkMonth(f, `month ${i + 1}`, known));
  else {
    checkMonth(input, 'the input', known);
    for (const change of input.changes ?? []) checkMonth({ ...input, ...change.values }, `month ${change.month}`, known);
  }
}

function checkMonth(f: MonthFields, where: string, known: string[]): void {
  for (const field of MONTH_MONEY) checkFen(field, f[field]);
  if (f.city !== undefined && !(typeof f.city === 'string' && known.includes(f.city))) {
    throw new UsageError(`Unknown city '${String(f.city).slice(0, 40)}' in ${where}.`, `Valid cities: ${known.join(', ')}.`, 'unknown-city');
  }
  if (f.city === undefined && f.insurance === undefined) {
    throw new UsageError(
      'Say where the job is (a city) or how much insurance is withheld a month.',
      `Give --city (${known.join(', ')}) or --insurance <yuan>.`,
    );
  }
  for (const field of ['children', 'infants', 'unpaidDays'] as const) {
    const n = f[field];
    if (n !== undefined && !(Number.isInteger(n) && n >= 0)) {
      throw new UsageError(`${field} must be a whole number, zero or more; got ${n}.`);
    }
  }
  if (f.elderly !== undefined && f.elderly !== 'only-child' && f.elderly !== 'shared') {
    throw new UsageError(`Unknown elderly-support case '${String(f.elderly)}'.`, 'Valid choices: only-child, shared.');
  }
  if (f.continuingEducation !== undefined && f.continuingEducation !== 'degree' && f.continuingEducation !== 'certificate') {
    throw new UsageError(`Unknown continuing-education case '${String(f.continuingEducation)}'.`, 'Valid choices: degree, certificate.');
  }
  if (f.elderlyShare !== undefined && f.elderly !== 'shared') {
    throw new UsageError(m('e:elderly-share-needs-shared'), m('hint:elderly-share-needs-shared'));
  }
  for (const field of ['childShare', 'mortgageShare'] as const) {
    const n = f[field];
    if (n !== undefined && !(typeof n === 'number' && Number.isFinite(n))) throw new UsageError(`${field} must be a percent, 100 or 50; got ${String(n).slice(0, 40)}.`);
  }
  if (f.rent && f.mortgage) {
    throw new UsageError('The rent and mortgage-interest deductions cannot be claimed together (国发〔2023〕13号).');
  }
  if (f.rent && f.city === undefined) {
    throw new UsageError(m('e:rent-city'), m('hint:rent-city'));
  }
  if ((f.taxFree ?? 0) > f.wages + (f.extra ?? 0)) {
    throw new UsageError('The tax-free part of the wages is larger than the wages.');
  }
  for (const field of ['housingFundRate', 'supplementaryFundRate', 'annuity'] as const) {
    const rate = f[field];
    if (rate !== undefined && !(Number.isFinite(rate) && rate >= 0 && rate <= 1)) {
      throw new UsageError(`${field} must be a fraction between 0 and 1; got ${rate}.`);
    }
  }
  if (f.medicalTier !== undefined && !(Number.isInteger(f.medicalTier) && f.medicalTier >= 1 && f.medicalTier <= 9)) {
    throw new UsageError(`The medical tier is a whole number from 1 to 9; got ${String(f.medicalTier)}.`);
  }
}

function checkFen(field: string, v: number | undefined): void {
  if (v !== undefined && !(Number.isSafeInteger(v) && v >= 0)) {
    throw new UsageError(`${field} must be a whole number of fen, zero or more; got ${v}.`);
  }
}

function checkMonthNumber(what: string, n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 12) throw new UsageError(`${what} must be 1 to 12; got ${n}.`);
}

function checkDate(date: string): void {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const day = match ? new Date(`${date}T00:00:00Z`) : undefined;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== date) {
    throw new UsageError(`'${date}' is not a date.`, 'Write dates as YYYY-MM-DD, e.g. 2025-07-01.');
  }
}
