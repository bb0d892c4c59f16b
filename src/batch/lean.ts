/**
 * Batch lines that are plain `net` requests take the lean year (src/lean.ts):
 * with --fields that name only the figures it yields (gross, takeHome, annual,
 * command, schemaVersion), those figures alone; otherwise the whole result, its
 * fixed parts shared from line to line and written as JSON once. Any other line
 * takes the whole path, which stays the reference: test/lean.test.ts runs a
 * mixed file through both and requires the same output.
 */
import type { Data } from '../answer.js';
import { leanFigures, leanNet, leanPath, type Tail } from '../lean.js';
import type { RawOptions } from '../request/keys.js';
import type { Lang, Result } from '../result.js';

/** The top-level result keys a lean year's figures answer (line, id and error are batch's own). */
const COVERED = new Set(['line', 'id', 'error', 'schemaVersion', 'command', 'gross', 'takeHome', 'annual']);

/** Whether every --fields path can be answered from the lean figures alone. */
export const leanCovers = (paths: readonly (readonly string[])[]): boolean => paths.every((p) => COVERED.has(p[0]));

/** Keys of a batch line the batch deals with itself. */
const BATCH_KEYS: ReadonlySet<string> = new Set(['id', 'command', 'lang']);

/**
 * The lean answer to a batch line in `lang` (the line's own or the run's):
 * `figures` for the figures alone; `tail` is the JSON of the whole result's fixed
 * end. Undefined when the line is not one the lean year covers (the caller then
 * answers it the whole way, errors included).
 */
export function leanAnswer(request: RawOptions, data: Data, today: string, lang: Lang, figures: boolean): { result: Result; tail?: Tail } | undefined {
  const command = request.command;
  if (command !== 'net' && command !== undefined && command !== null) return undefined;
  const said = request.lang;
  if (said !== 'en' && said !== 'zh' && said !== undefined && said !== null) return undefined;
  if (figures) {
    const result = leanFigures(request, data, today, BATCH_KEYS);
    return result && { result };
  }
  return leanNet(request, data, today, lang, false, BATCH_KEYS);
}

export { leanPath };
