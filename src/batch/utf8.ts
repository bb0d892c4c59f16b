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
import { m, UsageError } from '../errors.js';

export const SUB = '\u001A';
const SUB_BYTE = 0x1a;

/** The error for a line or row that held such bytes. */
export const notUtf8 = (what: string, encoding: Encoding = 'utf8') =>
  encoding === 'utf8'
    ? new UsageError(m('e:not-utf8', { what: m(what === 'The CSV header' ? 'w:the-header' : what === 'This row' ? 'w:this-row' : 'w:this-line') }), m('hint:not-utf8'))
    : new UsageError(m('e:not-gb18030', { what: m(what === 'The CSV header' ? 'w:the-header' : what === 'This row' ? 'w:this-row' : 'w:this-line') }), m('hint:not-gb18030'));

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

/** The encodings batch input may be in: UTF-8, or GB18030 (GBK's superset, Excel's "CSV" on Chinese Windows). */
export type Encoding = 'utf8' | 'gb18030';

/**
 * The encoding of the input, told from its first bytes: UTF-8 when they are valid
 * UTF-8 (a character cut by the end of what was read aside), or when they hold any
 * well-formed UTF-8 character (then a bad byte fails its own line); else GB18030
 * when they decode as it, strictly. Null when the first line is neither: the
 * header cannot be read.
 */
export function detectEncoding(head: Buffer): Encoding | null {
  const whole = head.subarray(0, incompleteTail(head));
  if (isUtf8(whole) || hasUtf8Character(whole)) return 'utf8';
  // Up to the last line break, so a double-byte character cut by the end of the read is not judged.
  const lf = head.lastIndexOf(0x0a);
  const lines = lf > 0 ? head.subarray(0, lf) : head.subarray(0, Math.max(0, head.length - 3));
  if (decodesAs(lines)) return 'gb18030';
  const firstBreak = head.findIndex((b) => b === 0x0a || b === 0x0d);
  const first = head.subarray(0, firstBreak < 0 ? head.length : firstBreak);
  return isUtf8(first) ? 'utf8' : decodesAs(first) ? 'gb18030' : null;
}

/**
 * Whether the bytes read as UTF-8 with a few bad bytes rather than as another
 * encoding: more well-formed multi-byte UTF-8 characters than bytes that are none.
 * GBK text forms one by chance now and then, never most of the time.
 */
function hasUtf8Character(bytes: Buffer): boolean {
  const copy = Buffer.from(bytes);
  markInvalid(copy);
  let bad = 0;
  let good = 0;
  for (const b of copy) {
    if (b === SUB_BYTE) bad++;
    else if (b >= 0xc0) good++; // a lead byte that survived: one whole character
  }
  return good > bad;
}

const gb18030 = new TextDecoder('gb18030', { fatal: true });

function decodesAs(bytes: Buffer): boolean {
  try {
    gb18030.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** One line of GB18030 bytes as text; a line that is not GB18030 becomes SUB, and fails alone. */
export function decodeGb18030(bytes: Buffer): string {
  try {
    return gb18030.decode(bytes);
  } catch {
    return SUB;
  }
}
