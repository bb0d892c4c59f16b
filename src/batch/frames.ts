/**
 * Batch input cut into its lines (JSON lines) or rows (CSV), each at most `max`
 * bytes, as a stream of objects. A line or row past the limit is dropped as it
 * comes and stands as one `TooLong` in its place, so no input (a 600 MB cell, a
 * quote never closed, bytes without a line break) holds more than `max` bytes in
 * memory, and every line or row after it is read as usual.
 *
 * Lines end at LF, CRLF or a lone CR (old Mac files), as node:readline ends them.
 * CSV rows end there too, but not inside a quoted field (RFC 4180): the framer
 * follows each field's quotes, so a row of many lines stays whole and a quote
 * inside an unquoted field (`5"6`) is a fault of that row alone, for csv-parse to
 * name. csv-parse cannot do this itself: past its `max_record_size` it stops,
 * losing the rows after.
 *
 * Cutting is on bytes; line breaks, commas and quotes are ASCII, and no byte of a
 * multi-byte UTF-8 or GB18030 character is one of them, so a character is never
 * split and each whole line decodes on its own.
 */
import { Transform, type TransformCallback } from 'node:stream';

export interface TooLong {
  tooLong: true;
  /** The physical line (1-based) the row started on (CSV). */
  line: number;
}

/** A CSV row as text, and the physical line (1-based) it started on. */
export interface Row {
  text: string;
  line: number;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;

/** Where a CSV field stands after a byte. */
const enum Field {
  Start,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: the field's end, or the first of two ("" is one quote). */
  QuoteInQuoted,
}

export class Frames extends Transform {
  private parts: Buffer[] = [];
  private size = 0;
  /** Past `max`: the rest of this line or row is dropped. */
  private cutting = false;
  /** The last chunk ended with a CR: an LF first in the next one completes a CRLF. */
  private afterCR = false;
  private field = Field.Start;
  private line = 1;
  private rowLine = 1;

  constructor(
    private readonly max: number,
    private readonly csv: boolean,
    /** Lines waiting to be read (default 16). */
    queued?: number,
    /** A whole line's bytes as text (default UTF-8, whose invalid bytes ./utf8.ts marked before). */
    private readonly decode: (bytes: Buffer) => string = (bytes) => bytes.toString('utf8'),
  ) {
    super({ readableObjectMode: true, readableHighWaterMark: queued });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let at = 0;
    if (this.afterCR && chunk.length > 0) {
      this.afterCR = false;
      if (chunk[0] === LF) at = 1;
    }
    if (this.csv) this.rows(chunk, at);
    else this.lines(chunk, at);
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.size > 0 || this.cutting) this.flushLine();
    done();
  }

  /** JSON lines: every break ends a line. indexOf for both kinds, each remembered until passed. */
  private lines(chunk: Buffer, from: number): void {
    let at = from;
    let lf = chunk.indexOf(LF, at);
    let cr = chunk.indexOf(CR, at);
    while (at < chunk.length) {
      if (lf >= 0 && lf < at) lf = chunk.indexOf(LF, at);
      if (cr >= 0 && cr < at) cr = chunk.indexOf(CR, at);
      const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (end < 0) {
        this.keep(chunk, at, chunk.length);
        return;
      }
      this.keep(chunk, at, end);
      this.flushLine();
      at = this.skipBreak(chunk, end);
    }
  }

  /** CSV: a break ends a row only outside a quoted field. */
  private rows(chunk: Buffer, from: number): void {
    let start = from;
    let field = this.field;
    for (let i = from; i < chunk.length; i++) {
      const b = chunk[i];
      if (field === Field.Quoted) {
        if (b === QUOTE) field = Field.QuoteInQuoted;
        else if (b === LF || (b === CR && chunk[i + 1] !== LF)) this.line++;
        continue;
      }
      if (b === LF || b === CR) {
        this.keep(chunk, start, i);
        this.flushLine();
        this.line++;
        field = Field.Start;
        i = this.skipBreak(chunk, i) - 1;
        start = i + 1;
        this.rowLine = this.line;
      } else if (b === COMMA) field = Field.Start;
      else if (b === QUOTE) field = field === Field.Start ? Field.Quoted : field === Field.QuoteInQuoted ? Field.Quoted : Field.Unquoted;
      else field = Field.Unquoted;
    }
    this.field = field;
    this.keep(chunk, start, chunk.length);
  }

  /** Past a line break at `at` (a CRLF counts once, also across two chunks): where the next line starts. */
  private skipBreak(chunk: Buffer, at: number): number {
    if (chunk[at] !== CR) return at + 1;
    if (at + 1 < chunk.length) return chunk[at + 1] === LF ? at + 2 : at + 1;
    this.afterCR = true;
    return at + 1;
  }

  /** Bytes `from`..`to` of `chunk` belong to the current line, unless it is already too long. */
  private keep(chunk: Buffer, from: number, to: number): void {
    if (this.cutting || to <= from) return;
    if (this.size + (to - from) > this.max) {
      this.cutting = true;
      this.parts = [];
      this.size = 0;
      return;
    }
    this.parts.push(chunk.subarray(from, to));
    this.size += to - from;
  }

  /** The current line or row is whole: out it goes, as text or as TooLong. */
  private flushLine(): void {
    if (this.cutting) this.push({ tooLong: true, line: this.rowLine } satisfies TooLong);
    else {
      const text = this.decode(this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.size));
      this.push(this.csv ? ({ text, line: this.rowLine } satisfies Row) : text);
    }
    this.parts = [];
    this.size = 0;
    this.cutting = false;
  }
}

export const isTooLong = (v: unknown): v is TooLong => typeof v === 'object' && v !== null && (v as TooLong).tooLong === true;
