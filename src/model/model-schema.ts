/**
 * The compensation model's schema. Strict objects everywhere: an unknown key is
 * an error, not a silently ignored number.
 */
import { z } from 'zod';
import { MAX_EXTENDS_CHAIN } from '../limits.js';

/**
 * Bounds on the model's numbers. Far above any real pay, they keep a typo (1e300)
 * from passing validation and failing later as bad input; every sum of money stays
 * an exact integer number of fen.
 */
const MAX_YUAN = 1_000_000; // one pay line, a month (or a quarter, a year)
const MAX_RATE = 10; // a share of base pay, or a KPI bar (1000%)
const MAX_FACTOR = 10; // a city class against the reference class
const MAX_MONTHS = 24; // a year-end bonus in months of base pay, as --year-end-months

const yuan = z.number().nonnegative().max(MAX_YUAN, { message: `at most ${MAX_YUAN.toLocaleString('en-US')} yuan` });

/** "seed-001", "seed-001: detail", "derived: how" or "assumption: why". */
const Source = z
  .string()
  .regex(/^(seed-\d{3}(: .+)?|derived: .+|assumption: .+)$/, {
    message: "source must be a seed id (seed-000), 'derived: how' or 'assumption: why'",
  });

const Label = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });

const range = (n: z.ZodNumber) => z.strictObject({ low: n, high: n }).refine((r) => r.low <= r.high, { message: 'low is above high' });
const sourcedRange = (n: z.ZodNumber) =>
  z.strictObject({ low: n, high: n, source: Source }).refine((r) => r.low <= r.high, { message: 'low is above high' });

const Range = range(yuan);
const RateRange = range(z.number().nonnegative().max(MAX_RATE, { message: `at most ${MAX_RATE} (${MAX_RATE * 100}% of base)` }));
const SourcedRange = sourcedRange(yuan);
const MonthsRange = sourcedRange(z.number().nonnegative().max(MAX_MONTHS, { message: `at most ${MAX_MONTHS} months` }));
const bar = z.number().positive().max(MAX_RATE, { message: `at most ${MAX_RATE} (${MAX_RATE * 100}%)` });

const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'ids are lower-case letters, digits and dashes' })
  // Ids become object keys: 'constructor' would read as Object's own.
  .refine((id) => !(id in Object.prototype), { message: 'this id is reserved' });

/** How often a component is paid: monthly, or in full in months 3, 6, 9 and 12 (quarterly) or 12 (yearly). */
export const PAID = ['monthly', 'quarterly', 'yearly'] as const;
const common = { id: Id, label: Label, source: Source, taxable: z.boolean().default(true), paid: z.enum(PAID).default('monthly') };

const Component = z.discriminatedUnion('kind', [
  z.strictObject({ ...common, kind: z.literal('fixed'), amount: Range }),
  z.strictObject({ ...common, kind: z.literal('percent-of-base'), rate: RateRange }),
  z.strictObject({ ...common, kind: z.literal('per-order'), amount: Range }),
  z.strictObject({ ...common, kind: z.literal('per-night-shift'), amount: Range }),
  z
    .strictObject({
      ...common,
      kind: z.literal('threshold'),
      input: z.enum(['satisfaction', 'kpi']),
      atLeast: bar.optional(),
      above: bar.optional(),
      amount: Range,
      per: z.enum(['month', 'quarter', 'year']),
    })
    .refine((c) => (c.atLeast === undefined) !== (c.above === undefined), {
      message: "a threshold needs exactly one of 'atLeast' or 'above'",
    }),
]);

/**
 * A class of cities and its pay factor. `others: true` makes it the class of every
 * city no class names (the cities the seeds say nothing about, and cities from a
 * cities file), so a new city needs no change to the model.
 */
const CityClass = z
  .strictObject({
    factor: z.number().positive().max(MAX_FACTOR, { message: `at most ${MAX_FACTOR}` }),
    cities: z.array(z.string()).default([]),
    others: z.literal(true).optional(),
    source: Source,
  })
  .refine((c) => c.cities.length > 0 || c.others, { message: 'a class names its cities, or says others: true', path: ['cities'] });

const Level = z.strictObject({
  base: SourcedRange,
  components: z.array(Component).optional(),
  yearEndMonths: MonthsRange.optional(),
});

const Platform = z.strictObject({
  label: Label,
  /** Other names people use for the employer (阿里, 天猫). */
  aliases: z.array(z.string()).optional(),
  source: Source,
  extends: z.string().optional(),
  cityClasses: z.record(Id, CityClass).optional(),
  yearEndMonths: MonthsRange.optional(),
  components: z.array(Component).optional(),
  levels: z.record(Id, Level).optional(),
});

const fallback = (value: z.ZodNumber) => z.strictObject({ value, source: Source });
const count = (max: number, what: string) => z.number().int().nonnegative().max(max, { message: `at most ${max} (${what})` });

const ModelObject = z.strictObject({
  schemaVersion: z.literal(1),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be YYYY-MM-DD' }),
  sources: z.record(
    z.string().regex(/^seed-\d{3}$/),
    z.strictObject({ title: z.string(), file: z.string(), published: z.string().optional() }),
  ),
  levels: z.record(Id, z.strictObject({ en: z.string(), zh: z.string(), aliases: z.array(z.string()).default([]) })),
  defaults: z.strictObject({
    satisfaction: fallback(z.number().nonnegative().max(1, { message: 'at most 1 (100%)' })),
    kpi: fallback(z.number().nonnegative().max(MAX_RATE, { message: `at most ${MAX_RATE} (${MAX_RATE * 100}%)` })),
    // The same limits as --orders and --night-shifts.
    orders: fallback(count(100_000, 'orders a month cs-pay accepts')),
    nightShifts: fallback(count(31, 'the days in a month')),
  }),
  platforms: z.record(Id, Platform),
});

/**
 * The model schema for a given city list: the object schema plus the
 * cross-references (cities, levels, parent platforms, cited seeds), reported
 * with their key path so the loader can point at the line. Every check is linear
 * in the size of the model; a name is looked up as an own key only (a level named
 * 'constructor' is not inherited from Object).
 */
export function modelSchema(cityIds: readonly string[]) {
  return ModelObject.superRefine((m, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const platformIds = Object.keys(m.platforms);
    for (const [pid, p] of Object.entries(m.platforms)) {
      if (p.extends !== undefined && !Object.hasOwn(m.platforms, p.extends)) {
        issue(['platforms', pid, 'extends'], `unknown platform '${p.extends}'; platforms: ${listOf(platformIds)}`);
      }
      if (!p.extends && !p.cityClasses) issue(['platforms', pid], 'needs cityClasses (or extends a platform that has them)');
      if (!p.extends && !p.levels) issue(['platforms', pid], 'needs levels (or extends a platform that has them)');
      for (const lid of Object.keys(p.levels ?? {})) {
        if (!Object.hasOwn(m.levels, lid)) issue(['platforms', pid, 'levels', lid], `unknown level '${lid}'; declare it under 'levels' first`);
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
        const others = Object.entries(p.cityClasses).filter(([, cls]) => cls.others).map(([cid]) => cid);
        if (others.length > 1) issue(['platforms', pid, 'cityClasses', others[1], 'others'], `only one class may take the other cities; ${others[0]} already does`);
        const missing = cityIds.filter((c) => !seen.has(c));
        if (missing.length > 0 && others.length === 0) {
          issue(['platforms', pid, 'cityClasses'], `no class for ${listOf(missing)} (name them in a class, or give one class others: true)`);
        }
      }
    }
    const lengths = chainLengths(m.platforms, issue);
    if ([...lengths.values()].every((n) => n <= MAX_EXTENDS_CHAIN)) checkInheritedYearEnd(m.platforms, lengths, issue);
    const cited = JSON.stringify(m.platforms) + JSON.stringify(m.defaults);
    for (const match of cited.matchAll(/"source":"(seed-\d{3})/g)) {
      if (!Object.hasOwn(m.sources, match[1])) issue(['sources'], `'${match[1]}' is cited but not listed under sources`);
    }
  });
}

type Issue = (path: (string | number)[], message: string) => void;
type Platforms = z.infer<typeof ModelObject>['platforms'];

/** At most ten names, so a message stays one line however large the model. */
const listOf = (ids: string[]) => (ids.length > 10 ? `${ids.slice(0, 10).join(', ')}, … (${ids.length} in all)` : ids.join(', '));

/**
 * The number of `extends` steps from each platform to one that extends nothing.
 * Each platform is walked once (a chain is not re-walked from every member); a
 * cycle is an issue, and so is a chain longer than MAX_EXTENDS_CHAIN. Broken
 * chains (a cycle, an unknown parent, reported above) count as Infinity.
 */
function chainLengths(platforms: Platforms, issue: Issue): Map<string, number> {
  const lengths = new Map<string, number>();
  for (const start of Object.keys(platforms)) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let id: string | undefined = start;
    while (id !== undefined && !lengths.has(id) && Object.hasOwn(platforms, id) && !onPath.has(id)) {
      path.push(id);
      onPath.add(id);
      id = platforms[id].extends;
    }
    let n = id === undefined ? -1 : (lengths.get(id) ?? Infinity);
    if (id !== undefined && onPath.has(id)) {
      issue(['platforms', id, 'extends'], `extends itself through ${listOf([...path.slice(path.indexOf(id)), id]).replace(/, /g, ' -> ')}`);
    }
    for (let i = path.length - 1; i >= 0; i--) {
      lengths.set(path[i], ++n);
      if (n === MAX_EXTENDS_CHAIN + 1) {
        issue(['platforms', path[i], 'extends'], `a chain of more than ${MAX_EXTENDS_CHAIN} platforms extending each other; make it shorter`);
      }
    }
  }
  return lengths;
}

/** A level must get its yearEndMonths from itself, its platform or the same level of the parent, as model.ts resolves it. */
function checkInheritedYearEnd(platforms: Platforms, lengths: Map<string, number>, issue: Issue): void {
  const resolved = new Map<string, Map<string, boolean>>();
  for (const pid of [...lengths.keys()].sort((a, b) => lengths.get(a)! - lengths.get(b)!)) {
    const p = platforms[pid];
    const parent = p.extends === undefined ? undefined : resolved.get(p.extends);
    const levels = new Map(parent ?? []);
    for (const [lid, level] of Object.entries(p.levels ?? {})) {
      const has = Boolean(level.yearEndMonths || p.yearEndMonths || parent?.get(lid));
      if (!has && p.extends !== undefined) {
        issue(['platforms', pid, 'levels', lid], `needs yearEndMonths (on the level, the platform, or level ${lid} of ${p.extends})`);
      }
      levels.set(lid, has);
    }
    resolved.set(pid, levels);
  }
}

export const CitiesSchema = z.strictObject({
  cities: z.record(Id, z.strictObject({ en: z.string(), zh: z.string(), aliases: z.array(z.string()).default([]) })),
});

export type ModelFile = z.infer<typeof ModelObject>;
export type Component = z.infer<typeof Component>;
export type Range = z.infer<typeof Range>;
export type SourcedRange = z.infer<typeof SourcedRange>;
export type CityTable = z.infer<typeof CitiesSchema>['cities'];
