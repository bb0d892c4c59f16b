/**
 * Batch input is UTF-8. A byte that is not part of a valid UTF-8 sequence must fail
 * the line (or CSV row) it is in, not the run, and not turn silently into U+FFFD:
 * a decoder's replacement character cannot be told apart from one that was really
 * there. So the bytes are checked before decoding, and each invalid byte becomes
 * SUB (U+001A, the ASCII "substitute" character), which JSON never holds raw and
 * spreadsheets never write. A line or row holding SUB is refused.
 */
import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { UsageError } from '../errors.js';

export const SUB = '\u001A';
const SUB_BYTE = 0x1a;

/** The error for a line or row that held such bytes. */
export const notUtf8 = (what: string) =>
  new UsageError(`${what} is not UTF-8 text: it holds bytes that are no UTF-8 character.`, 'Save the file as UTF-8 (spreadsheet programs call it "CSV UTF-8").');

export class MarkInvalidUtf8 extends Transform {
  /** The first bytes of a character cut by the end of the previous chunk. */
  private carry: Buffer | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    // The common case: every character is whole and valid (one native pass).
    const tail = incompleteTail(bytes);
    const body = tail === bytes.length ? bytes : bytes.subarray(0, tail);
    if (tail < bytes.length) this.carry = Buffer.from(bytes.subarray(tail));
    if (!isUtf8(body)) markInvalid(body);
    done(null, body);
  }

  override _flush(done: TransformCallback): void {
    // A character cut by the end of the input is invalid.
    done(null, this.carry ? Buffer.alloc(this.carry.length, SUB_BYTE) : undefined);
  }
}

/**
 * Where a multi-byte character that the chunk does not finish starts (the
 * chunk's length when it ends on a whole character). Only the last three bytes
 * can hold one.
 */
function incompleteTail(bytes: Buffer): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back];
    if (b < 0x80) return n; // ASCII: nothing is cut
    if (b >= 0xc0) return back < sequenceLength(b) ? n - back : n; // a lead byte: cut if its sequence is longer than what is left
    // a continuation byte: look further back
  }
  return n;
}

/** Bytes in the sequence a lead byte starts (1 for a byte that cannot lead). */
const sequenceLength = (b: number) => (b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 1);

/** Overwrite each byte that is not part of a valid sequence with SUB (RFC 3629 well-formed sequences). */
export function markInvalid(bytes: Uint8Array): void {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(b);
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlong forms, surrogates or code points past U+10FFFF).
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    let ok = length > 1 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) {
      const c = bytes[i + k];
      ok = k === 1 ? c >= low && c <= high : c >= 0x80 && c <= 0xbf;
    }
    if (ok) i += length;
    else bytes[i++] = SUB_BYTE;
  }
}
