/**
 * Dated parameters (the OpenFisca/PolicyEngine shape): every law figure is a
 * list of values, each with the day it takes effect, an optional end of its
 * stated period, a confidence and a reference. Code never reads a figure
 * directly; it asks `valueAt(parameter, date)`.
 */
import { z } from 'zod';
import { CONFIDENCES, type DatedEntry } from './lookup.js';

export * from './lookup.js';

/**
 * A calendar day as `YYYY-MM-DD`. YAML 1.2 (the `yaml` package's default) keeps
 * an unquoted 2019-01-01 as a string, but a YAML 1.1 loader turns it into a
 * Date; accept both so the data file cannot silently change meaning.
 */
export const DaySchema = z.union([
  z.iso.date({ message: 'expected a date as YYYY-MM-DD' }),
  z.date().transform((d) => d.toISOString().slice(0, 10)),
]);

/** The zod schema of a dated parameter whose values match `value`. */
export function datedSchema<V extends z.ZodType>(value: V) {
  const entry = z
    .strictObject({
      from: DaySchema,
      until: DaySchema.optional(),
      value,
      confidence: z.enum(CONFIDENCES),
      ref: z.string().min(1),
      url: z.url({ protocol: /^https?$/ }).optional(),
      note: z.string().optional(),
    })
    .refine((e) => e.until === undefined || e.until >= e.from, {
      message: 'until is before from',
      path: ['until'],
    });
  return z.strictObject({
    label: z.string().min(1),
    unit: z.string().min(1),
    values: z
      .array(entry)
      .min(1)
      .superRefine((values, ctx) => {
        for (let i = 1; i < values.length; i++) {
          if (values[i].from <= values[i - 1].from) {
            ctx.addIssue({
              code: 'custom',
              message: `values must be in date order: ${values[i].from} does not come after ${values[i - 1].from}`,
              path: [i, 'from'],
            });
          }
        }
      }),
  });
}

