/**
 * Reading a model file: text (src/io/read-text.ts, shared with offers and batch) and then
 * the YAML loader, which brings zod and yaml. Loaded on demand, for `--model` and
 * `model validate` only.
 */
import { ModelError } from '../errors.js';
import { loadModel } from '../model/load-data.js';
import type { CityTable } from '../model/model-schema.js';
import type { Model } from '../model/model.js';
import type { Io } from '../io/io.js';
import { readText } from '../io/read-text.js';

export { readText } from '../io/read-text.js';

export function readModelFile(io: Io, file: string, cities: CityTable): Model {
  const text = readText(io, file, 'model file');
  try {
    return loadModel(text, file, cities);
  } catch (e) {
    if (e instanceof ModelError) throw e;
    throw new ModelError(`${file}: ${(e as Error).message}`);
  }
}
