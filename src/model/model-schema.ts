/**
 * The compensation model's schema. Strict objects everywhere: an unknown key is
 * an error, not a silently ignored number.
 */
import { z } from 'zod';

/** "seed-001", "seed-001: detail", "derived: how" or "assumption: why". */
const Source = z
  .string()
  .regex(/^(seed-\d{3}(: .+)?|derived: .+|assumption: .+)$/, {
    message: "source must be a seed id (seed-000), 'derived: how' or 'assumption: why'",
  });

const Label = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });

const Range = z
  .strictObject({ low: z.number().nonnegative(), high: z.number().nonnegative() })
  .refine((r) => r.low <= r.high, { message: 'low is above high' });

const SourcedRange = z
  .strictObject({ low: z.number().nonnegative(), high: z.number().nonnegative(), source: Source })
  .refine((r) => r.low <= r.high, { message: 'low is above high' });

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'ids are lower-case letters, digits and dashes' });

/** How often a component is paid: monthly, or in full in months 3, 6, 9 and 12 (quarterly) or 12 (yearly). */
export const PAID = ['monthly', 'quarterly', 'yearly'] as const;
const common = { id: Id, label: Label, source: Source, taxable: z.boolean().default(true), paid: z.enum(PAID).default('monthly') };

const Component = z.discriminatedUnion('kind', [
  z.strictObject({ ...common, kind: z.literal('fixed'), amount: Range }),
  z.strictObject({ ...common, kind: z.literal('percent-of-base'), rate: Range }),
  z.strictObject({ ...common, kind: z.literal('per-order'), amount: Range }),
  z.strictObject({ ...common, kind: z.literal('per-night-shift'), amount: Range }),
  z
    .strictObject({
      ...common,
      kind: z.literal('threshold'),
      input: z.enum(['satisfaction', 'kpi']),
      atLeast: z.number().positive().optional(),
      above: z.number().positive().optional(),
      amount: Range,
      per: z.enum(['month', 'quarter', 'year']),
    })
    .refine((c) => (c.atLeast === undefined) !== (c.above === undefined), {
      message: "a threshold needs exactly one of 'atLeast' or 'above'",
    }),
]);

const CityClass = z.strictObject({
  factor: z.number().positive(),
  cities: z.array(z.string()).min(1),
  source: Source,
});

const Level = z.strictObject({
  base: SourcedRange,
  components: z.array(Component).optional(),
  yearEndMonths: SourcedRange.optional(),
});

const Platform = z.strictObject({
  label: Label,
  source: Source,
  extends: z.string().optional(),
  cityClasses: z.record(Id, CityClass).optional(),
  yearEndMonths: SourcedRange.optional(),
  components: z.array(Component).optional(),
  levels: z.record(Id, Level).optional(),
});

const Default = z.strictObject({ value: z.number().nonnegative(), source: Source });

const ModelObject = z.strictObject({
  schemaVersion: z.literal(1),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be YYYY-MM-DD' }),
  sources: z.record(
    z.string().regex(/^seed-\d{3}$/),
    z.strictObject({ title: z.string(), file: z.string(), published: z.string().optional() }),
  ),
  levels: z.record(Id, z.strictObject({ en: z.string(), zh: z.string(), aliases: z.array(z.string()).default([]) })),
  defaults: z.strictObject({ satisfaction: Default, kpi: Default, orders: Default, nightShifts: Default }),
  platforms: z.record(Id, Platform),
});

/**
 * The model schema for a given city list: the object schema plus the
 * cross-references (cities, levels, parent platforms, cited seeds), reported
 * with their key path so the loader can point at the line.
 */
export function modelSchema(cityIds: readonly string[]) {
  return ModelObject.superRefine((m, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    for (const [pid, p] of Object.entries(m.platforms)) {
      if (p.extends !== undefined && !(p.extends in m.platforms)) {
        issue(['platforms', pid, 'extends'], `unknown platform '${p.extends}'; platforms: ${Object.keys(m.platforms).join(', ')}`);
      }
      if (!p.extends && !p.cityClasses) issue(['platforms', pid], 'needs cityClasses (or extends a platform that has them)');
      if (!p.extends && !p.levels) issue(['platforms', pid], 'needs levels (or extends a platform that has them)');
      for (const lid of Object.keys(p.levels ?? {})) {
        if (!(lid in m.levels)) issue(['platforms', pid, 'levels', lid], `unknown level '${lid}'; declare it under 'levels' first`);
        if (!p.levels![lid].yearEndMonths && !p.yearEndMonths && !p.extends) {
          issue(['platforms', pid, 'levels', lid], 'needs yearEndMonths (on the level or the platform)');
        }
      }
      if (p.cityClasses) {
        const seen = new Map<string, string>();
        for (const [cid, cls] of Object.entries(p.cityClasses)) {
          cls.cities.forEach((city, i) => {
            const path = ['platforms', pid, 'cityClasses', cid, 'cities', i];
            if (!cityIds.includes(city)) issue(path, `unknown city '${city}'; cities: ${cityIds.join(', ')}`);
            else if (seen.has(city)) issue(path, `'${city}' is already in class ${seen.get(city)}`);
            seen.set(city, cid);
          });
        }
        const missing = cityIds.filter((c) => !seen.has(c));
        if (missing.length > 0) issue(['platforms', pid, 'cityClasses'], `no class for ${missing.join(', ')}`);
      }
    }
    const cited = JSON.stringify(m.platforms) + JSON.stringify(m.defaults);
    for (const match of cited.matchAll(/"source":"(seed-\d{3})/g)) {
      if (!(match[1] in m.sources)) issue(['sources'], `'${match[1]}' is cited but not listed under sources`);
    }
  });
}

export const CitiesSchema = z.strictObject({
  cities: z.record(Id, z.strictObject({ en: z.string(), zh: z.string(), aliases: z.array(z.string()).default([]) })),
});

export type ModelFile = z.infer<typeof ModelObject>;
export type Component = z.infer<typeof Component>;
export type Range = z.infer<typeof Range>;
export type SourcedRange = z.infer<typeof SourcedRange>;
export type CityTable = z.infer<typeof CitiesSchema>['cities'];
