/** `cs-pay model validate <file>` and `cs-pay model schema`. Loads yaml and zod on demand. */
import builtin from '../../model/builtin-dev.js';
import type { Io } from '../io.js';

export async function validateCommand(file: string, io: Io): Promise<number> {
  const { readModelFile } = await import('../../request/read-file.js');
  let model;
  try {
    model = readModelFile(io, file, builtin.model.cities);
  } catch (e) {
    // Every problem the file has (up to 20), not only the first.
    throw (e as { problems?: unknown }).problems ?? e;
  }
  const platforms = Object.values(model.platforms);
  const levels = new Set(platforms.flatMap((p) => Object.keys(p.levels)));
  io.stdout(`${file}: valid cs-pay model (${platforms.length} platforms, ${levels.size} levels, ${Object.keys(model.cities).length} cities).\n`);
  return 0;
}

export async function schemaCommand(io: Io): Promise<number> {
  const { modelJsonSchema } = await import('../../json-schemas.js');
  const schema = modelJsonSchema(Object.keys(builtin.model.cities));
  io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
  return 0;
}
