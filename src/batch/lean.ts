/**
 * Batch lines that are plain `net` requests take the lean year (src/lean.ts):
 * with --fields that name only the figures it yields (gross, takeHome, annual,
 * command, schemaVersion), those figures alone; otherwise the whole result, its
 * fixed parts shared from line to line and written as JSON once. Any other line
 * takes the whole path, which stays the reference: test/lean.test.ts runs a
 * mixed file through both and requires the same output.
 */
import type { Data } from '../answer.js';
import { leanFigures, leanNet, leanNetText, type Tail } from '../lean.js';
import type { RawOptions } from '../request/keys.js';
import type { Lang, Result } from '../result.js';

/** The top-level result keys a lean year's figures answer (line, id and error are batch's own). */
const COVERED = new Set(['line', 'id', 'error', 'schemaVersion', 'command', 'gross', 'takeHome', 'annual']);

/** Whether every --fields path can be answered from the lean figures alone. */
export const leanCovers = (paths: readonly (readonly string[])[]): boolean => paths.every((p) => COVERED.has(p[0]));

/** Keys of a batch line the batch deals with itself. */
const BATCH_KEYS: ReadonlySet<string> = new Set(['id', 'command', 'lang']);

/**
 * What a batch needs of a lean line: the figures alone (`--fields` they cover),
 * the whole result as JSON text (JSON lines without `--fields`), or as objects
 * (CSV, other `--fields`).
 */
export type LeanNeed = 'figures' | 'text' | 'object';

/**
 * The lean answer to a batch line in `lang` (the line's own or the run's). With
 * `text`, `head` and `tail` are its JSON and `result` holds only its annual
 * figures (for the sums). Undefined when the line is not one the lean year
 * covers (the caller then answers it the whole way, errors included).
 */
export function leanAnswer(request: RawOptions, data: Data, today: string, lang: Lang, need: LeanNeed): { result: Result; head?: string; tail?: Tail } | undefined {
  const command = request.command;
  if (command !== 'net' && command !== undefined && command !== null) return undefined;
  const said = request.lang;
  if (said !== 'en' && said !== 'zh' && said !== undefined && said !== null) return undefined;
  if (need === 'figures') {
    const result = leanFigures(request, data, today, BATCH_KEYS);
    return result && { result };
  }
  if (need === 'text') return leanNetText(request, data, today, lang, BATCH_KEYS);
  const result = leanNet(request, data, today, lang, false, BATCH_KEYS);
  return result && { result };
}
