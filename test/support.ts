/** Shared test helpers: the real data files, and `run` with a fake Io. */
import { readFileSync } from 'node:fs';
import { loadCities, loadModel } from '../src/model/load-data.js';
import type { OvertimeRules } from '../src/pay/estimate.js';

export const readData = (rel: string) => readFileSync(new URL(`../data/${rel}`, import.meta.url), 'utf8');

export function loadBuiltinModel() {
  const cities = loadCities(readData('cities.yaml'), 'data/cities.yaml');
  return loadModel(readData('model/compensation.yaml'), 'data/model/compensation.yaml', cities);
}

/** Labor Law Art. 44 and 劳社部发〔2008〕3号, restated here so pay tests do not depend on law files. */
export const OVERTIME: OvertimeRules = { hoursPerMonth: 174, weekday: 1.5, restDay: 2, holiday: 3, monthlyCap: 36, source: 'test' };

/** The built-in city ids, in data order: tests that go over every city read them from the data. */
export function builtinCityIds(): string[] {
  return Object.keys(loadCities(readData('cities.yaml'), 'data/cities.yaml'));
}
