/**
 * Cities from a file (`--cities`, key `cities` of batch lines, offer files and the
 * library): the schema of data/law/cities.yaml, validated with file:line:col, then
 * laid over the built-in data. Loaded on demand only: it brings yaml and zod.
 */
import type { Data } from './data.js';
import { ModelError } from '../errors.js';
import { CitiesSchema, type CityLaw, type Law } from './law-schema.js';
import { formatPath, parseYaml } from './load-yaml.js';
import type { Model } from './model.js';

export type CityTable = Record<string, CityLaw>;

const HINT = 'A cities file has the shape of data/law/cities.yaml; `cs-pay rules --city hangzhou --format yaml` prints a block to start from.';

/** A cities file's text -> its validated cities (exit 3 with file:line:col on any mistake). */
export function parseCitiesText(text: string, file: string): CityTable {
  return parseYaml(text, file, CitiesSchema, HINT);
}

/** An already-parsed cities object (the library, the tool server) -> its validated cities, errors naming the key path. */
export function checkCitiesObject(value: unknown, name = 'cities'): CityTable {
  const result = CitiesSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues.find((i) => i.code === 'unrecognized_keys') ?? result.error.issues[0];
  const keys = issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys : [];
  const path = [...issue.path, ...keys.slice(0, 1)].map((p) => (typeof p === 'symbol' ? String(p) : p));
  const message = issue.code === 'unrecognized_keys'
    ? `unknown key '${keys[0]}'`
    : /received undefined$/.test(issue.message) ? 'required key is missing' : issue.message.replace(/^Invalid input: /, '').replace(/\.$/, '');
  throw new ModelError(`${name}: ${path.length > 0 ? formatPath(path) : '(top level)'}: ${message}.`, HINT);
}

/**
 * The data with the file's cities added (or replacing built-in ones of the same id).
 * Every figure of such a city is marked `source: file`, so results say where it came
 * from; its names join the model's, so --city accepts its id, name and aliases.
 */
export function withCities(data: Data, cities: CityTable, file: string): Data {
  const lawCities: Law['cities'] = { ...data.law.cities };
  const names: Model['cities'] = { ...data.model.cities };
  const fromFile: Record<string, string> = { ...data.law.fromFile };
  for (const [id, city] of Object.entries(cities)) {
    lawCities[id] = markFromFile(structuredClone(city));
    const known = Object.hasOwn(names, id) ? names[id].aliases : [];
    names[id] = { en: city.name, zh: city.nameZh, aliases: city.aliases ?? known };
    fromFile[id] = file;
  }
  return { model: { ...data.model, cities: names }, law: { ...data.law, cities: lawCities, fromFile } };
}

function markFromFile(city: CityLaw): CityLaw {
  const mark = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    if ('values' in node && Array.isArray((node as { values: unknown }).values)) {
      (node as { source?: string }).source = 'file';
      return;
    }
    for (const child of Object.values(node)) mark(child);
  };
  mark(city);
  return city;
}
