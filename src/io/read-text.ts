/**
 * Reading user files with one-sentence errors, within the limits of src/limits.ts.
 * No zod or yaml here: batch loads this module, and only `--model` needs those.
 */
import { type Stats, statSync } from 'node:fs';
import { ModelError, UsageError } from '../errors.js';
import { MAX_FILE_BYTES, quote } from '../limits.js';
import type { Io } from './io.js';

/** Model and offer files that cannot be read as such are invalid files (exit 3); anything else is bad input (exit 2). */
const refuse = (what: string, message: string, hint: string) =>
  what === 'model file' || what === 'offer file' || what === 'cities file' ? new ModelError(message, hint) : new UsageError(message, hint);

/**
 * Refuse what is not a regular file before opening it: a FIFO with no writer blocks
 * the open for ever, and /dev/zero or /dev/urandom never end. stat() does neither.
 * A path that does not exist here is left to the reader (it says "no such file").
 */
export function checkRegularFile(file: string, what: string, maxBytes?: number): void {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch {
    return;
  }
  if (!stats.isFile()) {
    const kind = stats.isDirectory() ? 'a directory' : stats.isFIFO() ? 'a named pipe' : stats.isSocket() ? 'a socket' : 'a device';
    const hint = what === 'batch file' ? 'To read from a pipe or a device, send it to standard input: `… | cs-pay batch -`.' : `Give the path of a YAML ${what}.`;
    throw refuse(what, `Cannot read ${what} '${quote(file)}': it is ${kind}, not a file.`, hint);
  }
  if (maxBytes !== undefined && stats.size > maxBytes) throw tooBig(file, what, stats.size, maxBytes);
}

const tooBig = (file: string, what: string, size: number, maxBytes: number) =>
  refuse(
    what,
    `${what[0].toUpperCase()}${what.slice(1)} '${quote(file)}' is ${megabytes(size)}; cs-pay reads ${what}s of up to ${megabytes(maxBytes)}.`,
    `A ${what} is a few kilobytes of YAML; check the path.`,
  );

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export function readError(e: unknown, file: string, what: string): UsageError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
  return new UsageError(`Cannot read ${what} '${quote(file)}': ${why}.`, 'Check the path.');
}

/** A whole model or offer file, as text: a regular file of at most MAX_FILE_BYTES. */
export function readText(io: Io, file: string, what: string): string {
  checkRegularFile(file, what, MAX_FILE_BYTES);
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    throw readError(e, file, what);
  }
  // Io.readFile may not be the disk (tests); the size is checked again on the text.
  if (text.length > MAX_FILE_BYTES) throw tooBig(file, what, Buffer.byteLength(text), MAX_FILE_BYTES);
  return text;
}
