/** What batch input yields, shared by the line and CSV readers (requests.ts, csv-input.ts). */
import type { UsageError } from '../errors.js';
import type { RawOptions } from '../request/keys.js';

/** A request, or the error in its place (with the line's id when it could be read). */
export type Request = RawOptions | Failed;
export interface Failed {
  failed: UsageError;
  id?: unknown;
}
