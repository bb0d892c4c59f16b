/**
 * The data a command runs on: the built-in model and law (embedded at build
 * time), or a `--model` file validated on the spot.
 */
import builtin from '../model/builtin-dev.js';
import type { Law } from '../model/law-schema.js';
import type { Model } from '../model/model.js';
import type { Io } from './io.js';

export interface Data {
  model: Model;
  law: Law;
}

export async function loadData(io: Io, modelFile?: string): Promise<Data> {
  if (modelFile === undefined) return builtin;
  const { readModelFile } = await import('./read-file.js');
  return { model: readModelFile(io, modelFile, builtin.model.cities), law: builtin.law };
}
