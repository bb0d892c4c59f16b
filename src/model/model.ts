/**
 * A validated compensation model with `extends` resolved, so the pure pay code
 * sees complete platforms. Cross-references (cities, levels, parents, seeds) are
 * checked here, after the schema, with the key path in the message.
 */
import { ModelError } from '../errors.js';
import type { CityTable, Component, ModelFile, SourcedRange } from './model-schema.js';

export interface PlatformLevel {
  base: SourcedRange;
  yearEndMonths: SourcedRange;
  components: Component[];
}

export interface CityClass {
  id: string;
  factor: number;
  source: string;
}

export interface ResolvedPlatform {
  id: string;
  label: { en: string; zh: string };
  aliases: string[];
  source: string;
  /** city id -> class */
  cityClass: Record<string, CityClass>;
  /** The class of every city no class names (`others: true`), if the platform has one. */
  otherCities?: CityClass;
  levels: Record<string, PlatformLevel>;
}

export interface Model {
  asOf: string;
  sources: ModelFile['sources'];
  levels: ModelFile['levels'];
  defaults: ModelFile['defaults'];
  platforms: Record<string, ResolvedPlatform>;
  cities: CityTable;
}

export function resolveModel(file: ModelFile, cities: CityTable): Model {
  // Each platform is resolved once and shared by the platforms extending it: a long
  // chain costs its length, not its length squared.
  const resolved = new Map<string, ResolvedPlatform>();
  const resolve = (id: string, seen: Set<string>): ResolvedPlatform => {
    const done = resolved.get(id);
    if (done) return done;
    // The schema refuses cycles and chains past MAX_EXTENDS_CHAIN; this guards the recursion anyway.
    if (seen.has(id)) throw new ModelError(`platforms.${id}.extends: extends itself through ${[...seen, id].join(' -> ')}.`);
    const own = file.platforms[id];
    const parent = own.extends !== undefined ? resolve(own.extends, seen.add(id)) : undefined;
    const platform = resolvePlatform(id, own, parent);
    resolved.set(id, platform);
    return platform;
  };
  const platforms: Record<string, ResolvedPlatform> = {};
  for (const id of Object.keys(file.platforms)) platforms[id] = resolve(id, new Set());
  return { asOf: file.asOf, sources: file.sources, levels: file.levels, defaults: file.defaults, platforms, cities };
}

function resolvePlatform(id: string, own: ModelFile['platforms'][string], parent: ResolvedPlatform | undefined): ResolvedPlatform {
  const cityClass = own.cityClasses ? classifyCities(own.cityClasses) : parent!.cityClass;
  const others = own.cityClasses ? Object.entries(own.cityClasses).find(([, cls]) => cls.others) : undefined;
  const otherCities = own.cityClasses
    ? others && { id: others[0], factor: others[1].factor, source: others[1].source }
    : parent!.otherCities;
  const levels: Record<string, PlatformLevel> = { ...(parent?.levels ?? {}) };
  for (const [levelId, level] of Object.entries(own.levels ?? {})) {
    levels[levelId] = {
      base: level.base,
      yearEndMonths: (level.yearEndMonths ?? own.yearEndMonths ?? parent?.levels[levelId]?.yearEndMonths)!,
      components: mergeComponents(own.components ?? [], level.components ?? []),
    };
  }
  return { id, label: own.label, aliases: own.aliases ?? [], source: own.source, cityClass, ...(otherCities ? { otherCities } : {}), levels };
}

function classifyCities(classes: NonNullable<ModelFile['platforms'][string]['cityClasses']>): ResolvedPlatform['cityClass'] {
  const out: ResolvedPlatform['cityClass'] = {};
  for (const [classId, cls] of Object.entries(classes)) {
    for (const city of cls.cities) out[city] = { id: classId, factor: cls.factor, source: cls.source };
  }
  return out;
}

/** Level components replace platform components with the same id, or add to them. */
function mergeComponents(platform: Component[], level: Component[]): Component[] {
  const byId = new Map(platform.map((c) => [c.id, c]));
  for (const c of level) byId.set(c.id, c);
  return [...byId.values()];
}
