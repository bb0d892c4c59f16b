/**
 * `--cities <file.yaml>` on the command line and in batch lines: a path, read with
 * the file limits of read-text.ts and validated with file:line:col (exit 3). Each
 * path is read once per run, so a batch naming one file on every line parses it once.
 */
import type { Data } from '../model/data.js';
import { UsageError } from '../errors.js';
import { quote } from '../limits.js';
import { parseCitiesText, withCities } from '../model/cities-file.js';
import type { Io } from '../io/io.js';
import { readText } from '../io/read-text.js';

export function citiesReader(io: Io, base: Data): (value: unknown) => Data {
  const read = new Map<string, Data>();
  return (value) => {
    if (typeof value !== 'string' || value === '') {
      throw new UsageError(`cities is the path of a cities file (YAML); got ${quote(JSON.stringify(value) ?? String(value))}.`, 'Example: --cities my-cities.yaml');
    }
    let data = read.get(value);
    if (!data) {
      data = withCities(base, parseCitiesText(readText(io, value, 'cities file'), value), value);
      read.set(value, data);
    }
    return data;
  };
}
