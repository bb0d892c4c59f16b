/**
 * Reading and validating the YAML data files (compensation model, cities, law).
 * Used at build time (to embed the built-in data), by tests, by `--model` and
 * by `cs-pay model validate`. The CLI's default path never parses YAML.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { m } from '../errors.js';
import { type Law, parseLaw } from './law-schema.js';
import { parseYaml } from './load-yaml.js';
import { CitiesSchema, type CityTable, modelSchema } from './model-schema.js';
import { type Model, resolveModel } from './model.js';
import { ModelError } from '../errors.js';

export interface BuiltinData {
  model: Model;
  law: Law;
}

const VALIDATE_HINT = m('hint:fix-model');

export function loadCities(text: string, file: string): CityTable {
  return parseYaml(text, file, CitiesSchema, VALIDATE_HINT).cities;
}

export function loadModel(text: string, file: string, cities: CityTable): Model {
  return resolveModel(parseYaml(text, file, modelSchema(Object.keys(cities)), VALIDATE_HINT), cities);
}

export function loadLaw(taxText: string, citiesText: string, dir = 'data/law'): Law {
  return parseLaw(taxText, citiesText, dir);
}

export const DATA_FILES = {
  cities: 'cities.yaml',
  model: 'model/compensation.yaml',
  tax: 'law/tax.yaml',
  lawCities: 'law/cities.yaml',
} as const;

export function loadDataDir(dir: string): BuiltinData {
  const read = (rel: string) => readFileSync(join(dir, rel), 'utf8');
  const file = (rel: string) => `data/${rel}`;
  const cities = loadCities(read(DATA_FILES.cities), file(DATA_FILES.cities));
  const law = loadLaw(read(DATA_FILES.tax), read(DATA_FILES.lawCities));
  // A city's names (data/cities.yaml) and its law (data/law/cities.yaml) come together.
  const named = Object.keys(cities);
  const lawful = Object.keys(law.cities);
  const noLaw = named.filter((id) => !lawful.includes(id));
  const noName = lawful.filter((id) => !named.includes(id));
  if (noLaw.length > 0 || noName.length > 0) {
    throw new ModelError(
      [
        noLaw.length > 0 ? `${file(DATA_FILES.cities)} names ${noLaw.join(', ')}, with no entry in ${file(DATA_FILES.lawCities)}.` : '',
        noName.length > 0 ? `${file(DATA_FILES.lawCities)} has ${noName.join(', ')}, with no entry in ${file(DATA_FILES.cities)}.` : '',
      ].filter(Boolean).join(' '),
      'Add each city to both files (CONTRIBUTING.md, "Add a year of rates, or a city").',
    );
  }
  return { model: loadModel(read(DATA_FILES.model), file(DATA_FILES.model), cities), law };
}
