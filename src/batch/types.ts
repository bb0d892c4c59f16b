/** What batch input yields, shared by the line and CSV readers (requests.ts, csv-input.ts). */
import type { UsageError } from '../errors.js';
import type { RawOptions } from '../request/keys.js';

/**
 * The columns of a CSV row carried through unchanged (headers that name no key), in
 * order: a symbol key, so they are never read as options.
 */
export const COLUMNS = Symbol('columns');

/** A request, or the error in its place (with the line's id when it could be read). */
export type Request = RawOptions | Failed;
export interface Failed {
  failed: UsageError;
  id?: unknown;
  [COLUMNS]?: [string, string][];
}
