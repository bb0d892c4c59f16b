/** Reading user files (models, offers, batch input) with one-sentence errors. Loaded on demand. */
import { ModelError, UsageError } from '../errors.js';
import { loadModel } from '../model/load-data.js';
import type { CityTable } from '../model/model-schema.js';
import type { Model } from '../model/model.js';
import type { Io } from './io.js';

export function readText(io: Io, file: string, what: string): string {
  try {
    return io.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unreadable');
    throw new UsageError(`Cannot read ${what} '${file}': ${why}.`, 'Check the path.');
  }
}

export function readModelFile(io: Io, file: string, cities: CityTable): Model {
  const text = readText(io, file, 'model file');
  try {
    return loadModel(text, file, cities);
  } catch (e) {
    if (e instanceof ModelError) throw e;
    throw new ModelError(`${file}: ${(e as Error).message}`);
  }
}
