/**
 * Dated parameters (the OpenFisca/PolicyEngine shape): every law figure is a
 * list of values, each with the day it takes effect, an optional end of its
 * stated period, a confidence and a reference. Code never reads a figure
 * directly; it asks `valueAt(parameter, date)`. This module is pure (no zod),
 * so the CLI's start-up path does not load the schema library.
 */
import { NoRuleError } from '../errors.js';

export const CONFIDENCES = ['official', 'secondary', 'derived', 'unverified', 'assumption'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Confidences that make a result an estimate (the `estimated-data` warning). */
export const ESTIMATED: readonly Confidence[] = ['derived', 'unverified', 'assumption'];

export interface DatedEntry<T> {
  from: string;
  until?: string;
  value: T;
  confidence: Confidence;
  ref: string;
  url?: string;
  note?: string;
}

export interface Dated<T> {
  label: string;
  unit: string;
  values: DatedEntry<T>[];
  /** Set (never by the data schema) on the figures of a city read from a cities file. */
  source?: 'file';
}

/** A value looked up at a date, with everything needed to say where it came from. */
export interface Resolved<T> {
  id: string;
  label: string;
  unit: string;
  value: T;
  from: string;
  until?: string;
  confidence: Confidence;
  ref: string;
  url?: string;
  note?: string;
  /** The date asked is past the end of the value's stated period and nothing newer is on file. */
  stale: boolean;
  /** A figure of a city read from a cities file (`--cities`), not cs-pay's own data. */
  source?: 'file';
}

/**
 * The value in force on `date`: the latest entry with `from <= date`. Dates are
 * ISO days, so string comparison is date comparison.
 */
export function valueAt<T>(param: Dated<T>, date: string, id: string): Resolved<T> {
  let found: DatedEntry<T> | undefined;
  for (const entry of param.values) {
    if (entry.from <= date && (found === undefined || entry.from > found.from)) found = entry;
  }
  if (found === undefined) {
    const first = param.values.reduce((a, b) => (b.from < a.from ? b : a)).from;
    throw new NoRuleError(
      { key: 'e:no-rule', params: { label: param.label, date, first } },
      { key: 'hint:no-rule', params: { first } },
    );
  }
  const resolved: Resolved<T> = {
    id,
    label: param.label,
    unit: param.unit,
    value: found.value,
    from: found.from,
    confidence: found.confidence,
    ref: found.ref,
    // A gap before a newer entry counts too: the old value's period is over.
    stale: found.until !== undefined && date > found.until,
  };
  if (found.until !== undefined) resolved.until = found.until;
  if (found.url !== undefined) resolved.url = found.url;
  if (found.note !== undefined) resolved.note = found.note;
  if (param.source !== undefined) resolved.source = param.source;
  return resolved;
}
