/**
 * JSON Schemas for the files people write: the compensation model and offer
 * files, with a description on every key an editor completes. They are built
 * from the same zod schemas that check the files (so they cannot drift), and
 * written to data/schema/ by the build; shipped files point at them with a
 * `# yaml-language-server: $schema=` line.
 */
import { z } from 'zod';
import { OfferSchema } from './compare/offer-schema.js';
import { flagOf } from './request/keys.js';
import { isMessage, type MessageKey, msg } from './i18n/messages.js';
import { modelSchema } from './model/model-schema.js';

type Json = Record<string, unknown>;

/** Keys of the model file, described where they stand (a key means the same at every depth). */
const MODEL_KEYS: Record<string, string> = {
  schemaVersion: 'The model format: 1.',
  asOf: 'The day the model\'s figures were last checked, YYYY-MM-DD.',
  sources: 'The seed articles figures may cite, by id (seed-000 …): title, file, published.',
  levels: 'Job levels by id: English and Chinese names and aliases (under a platform: its pay by level).',
  defaults: 'Values assumed when a request does not give them (satisfaction, kpi, orders, nightShifts), each with its source.',
  platforms: 'Employer profiles by id (generic, alibaba, 1688 …): city classes, pay components and levels.',
  label: 'Names in English and Chinese: { en, zh }.',
  aliases: 'Other names people use (阿里, 资深), matched when identifying an id.',
  source: "Where the figure comes from: a seed id (seed-001), 'derived: how' or 'assumption: why'.",
  extends: 'A platform whose city classes, components and levels this one takes, overriding what it gives itself.',
  cityClasses: 'Classes of cities by id, each with a base-pay factor and its cities.',
  factor: 'Base pay of the class as a multiple of the reference class (1).',
  cities: 'City ids in the class.',
  others: 'The class for cities no class names (cities from a file, cities the seeds do not name).',
  yearEndMonths: 'The year-end bonus in months of base pay: { low, high, source }.',
  components: 'Pay components besides base pay: id, label, kind, amounts or rates, when paid, source.',
  low: 'The low end of the range (percentile 0).',
  high: 'The high end of the range (percentile 100).',
  value: 'The value assumed.',
};

/** Offer terms and file keys that are no flag of estimate or net. */
const OFFER_KEYS: Record<string, string> = {
  name: 'The name the comparison shows for this offer.',
  cities: 'A cities file for this offer (a path beside the offer file), as --cities.',
  gross: 'A known monthly gross, yuan (instead of a model estimate from level).',
  set: 'Components as the offer states them, by id (cs-pay components): { meal: 0, night-shift: 100 }.',
  probationMonths: 'Months of probation from the start month, at most 6 (Labour Contract Law Art. 19).',
  probationPayPercent: 'Pay during probation, percent of the agreed pay (e.g. 80).',
  signOnBonus: 'A sign-on bonus, yuan, paid as one-off pay in the first month.',
  scheduledHours: 'Scheduled hours a month (default 174, the pay divisor), for take-home per hour.',
  from: 'Changes from a month on: { 7: { level: lead } }, as --from.',
  in: 'Changes for one month only: { 11: { overtime: 36 } }, as --in.',
  jobs: 'New employers during the year: [ { month: 7, city: shanghai, gross: 13000, probationMonths: 3 } ], as --job.',
};

/** Add `description` to every property whose key `describe` knows. */
function describeKeys(schema: unknown, describe: (key: string) => string | undefined): void {
  if (Array.isArray(schema)) return schema.forEach((s) => describeKeys(s, describe));
  if (schema === null || typeof schema !== 'object') return;
  const node = schema as Json;
  const props = node.properties as Record<string, Json> | undefined;
  if (props) {
    for (const [key, sub] of Object.entries(props)) {
      const text = describe(key);
      if (text && sub.description === undefined) sub.description = text;
    }
  }
  for (const v of Object.values(node)) describeKeys(v, describe);
}

/** The help text of a flag (`opt:--night-shifts`), the offer's own words otherwise. */
function offerDescription(key: string): string | undefined {
  if (OFFER_KEYS[key]) return OFFER_KEYS[key];
  const help = `opt:${flagOf(key)}`;
  return isMessage(help) ? msg(help as MessageKey, 'en') : undefined;
}

export function offerJsonSchema(): Json {
  const schema = z.toJSONSchema(OfferSchema, { unrepresentable: 'any', io: 'input' }) as Json;
  describeKeys(schema, offerDescription);
  return { ...schema, title: 'cs-pay offer file', description: 'An offer for `cs-pay compare`: the long flag names in camelCase (see data/offers/).' };
}

export function modelJsonSchema(cityIds: readonly string[]): Json {
  const schema = z.toJSONSchema(modelSchema(cityIds), { unrepresentable: 'any', io: 'input' }) as Json;
  describeKeys(schema, (key) => MODEL_KEYS[key]);
  return { ...schema, title: 'cs-pay compensation model', description: 'What a customer-service job pays before payroll (data/model/compensation.yaml is the built-in one).' };
}
