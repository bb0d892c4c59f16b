/**
 * Check a PayrollInput before any rule is looked up. The CLI validates its
 * flags too, but the engine is also called by batch lines and tests, so it
 * refuses impossible input itself (exit 2) rather than computing nonsense.
 */
import { UsageError } from '../errors.js';
import { CITY_IDS } from '../model/city-ids.js';
import type { PayrollInput } from './types.js';

const MONEY_FIELDS = ['wages', 'taxFree', 'minimumWagePay', 'socialBase', 'insurance', 'deduction', 'bonus'] as const;

export function checkInput(input: PayrollInput): void {
  checkDate(input.date);
  for (const field of MONEY_FIELDS) {
    const v = input[field];
    if (v !== undefined && !(Number.isSafeInteger(v) && v >= 0)) {
      throw new UsageError(`${field} must be a whole number of fen, zero or more; got ${v}.`);
    }
  }
  if ((input.taxFree ?? 0) > input.wages) {
    throw new UsageError('The tax-free part of the wages is larger than the wages.');
  }
  if (input.city !== undefined && !(CITY_IDS as readonly string[]).includes(input.city)) {
    throw new UsageError(`Unknown city '${input.city}'.`, `Valid cities: ${CITY_IDS.join(', ')}.`, 'unknown-city');
  }
  if (input.city === undefined && input.insurance === undefined) {
    throw new UsageError(
      'Say where the job is (a city) or how much insurance is withheld a month.',
      `Give --city (${CITY_IDS.join(', ')}) or --insurance <yuan>.`,
    );
  }
  const start = input.startMonth ?? 1;
  if (!Number.isInteger(start) || start < 1 || start > 12) {
    throw new UsageError(`The start month must be 1 to 12; got ${start}.`);
  }
  for (const field of ['children', 'infants'] as const) {
    const n = input[field];
    if (n !== undefined && !(Number.isInteger(n) && n >= 0)) {
      throw new UsageError(`${field} must be a whole number, zero or more; got ${n}.`);
    }
  }
  if (input.elderly !== undefined && input.elderly !== 'only-child' && input.elderly !== 'shared') {
    throw new UsageError(`Unknown elderly-support case '${String(input.elderly)}'.`, 'Valid choices: only-child, shared.');
  }
  if (input.rent && input.mortgage) {
    throw new UsageError('The rent and mortgage-interest deductions cannot be claimed together (国发〔2023〕13号).');
  }
  if (input.rent && input.city === undefined) {
    throw new UsageError('The rent deduction depends on the city.', 'Give --city, or put the amount in --deduction.');
  }
  const choice = input.bonusTax ?? 'auto';
  if (choice !== 'auto' && choice !== 'separate' && choice !== 'merged') {
    throw new UsageError(`Unknown bonus tax method '${String(choice)}'.`, 'Valid choices: auto, separate, merged.');
  }
  const rate = input.housingFundRate;
  if (rate !== undefined && !(Number.isFinite(rate) && rate >= 0 && rate <= 1)) {
    throw new UsageError(`The housing-fund rate must be a fraction between 0 and 1; got ${rate}.`);
  }
}

function checkDate(date: string): void {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const day = match ? new Date(`${date}T00:00:00Z`) : undefined;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== date) {
    throw new UsageError(`'${date}' is not a date.`, 'Write dates as YYYY-MM-DD, e.g. 2025-07-01.');
  }
}
