/**
 * The data a command runs on: the built-in model and law (embedded at build
 * time), a `--model` file validated on the spot, and a `--cities` file laid over
 * the law. YAML and zod load only when a file is given.
 */
import type { Data } from '../answer.js';
import builtin from '../model/builtin-dev.js';
import type { Io } from './io.js';

export type { Data } from '../answer.js';

export async function loadData(io: Io, modelFile?: string, citiesFile?: string): Promise<Data> {
  let data: Data = builtin;
  if (modelFile !== undefined) {
    const { readModelFile } = await import('../request/read-file.js');
    data = { model: readModelFile(io, modelFile, builtin.model.cities), law: builtin.law };
  }
  if (citiesFile !== undefined) data = (await citiesOn(io, data)).withCities!(citiesFile);
  return data;
}

/** The data able to take `cities` per request (batch lines, offer files): the reader loads once, here. */
export async function citiesOn(io: Io, data: Data): Promise<Data> {
  if (data.withCities) return data;
  const { citiesReader } = await import('../request/cities-file.js');
  return { ...data, withCities: citiesReader(io, data) };
}
