/**
 * Batch input and output as streams, so a run of any length keeps constant memory.
 *
 * In: node:readline over the byte stream. It decodes UTF-8 with a stateful decoder (a
 * character split between two reads stays whole) and ends lines at LF, CRLF and a lone
 * CR (old Mac files). Bytes that are not UTF-8 arrive as SUB (./utf8.ts), so the line
 * holding them fails alone. A byte-order mark before the first line is dropped. A line
 * longer than MAX_LINE_BYTES is cut there and comes out as one TooLong line, so an
 * input without line breaks cannot fill memory.
 *
 * Out: lines are gathered into chunks, written when a chunk is full or when the input
 * pauses, and the writer waits for the reader of stdout (backpressure).
 */
import { createInterface } from 'node:readline';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import type { Io } from '../cli/io.js';
import { UsageError } from '../errors.js';
import { MAX_LINE_BYTES } from '../limits.js';
import { MarkInvalidUtf8 } from './utf8.js';

/** Marks a line cut at MAX_LINE_BYTES. A NUL cannot appear raw in JSON, so no real line ends like this. */
const CUT = '\u0000';

export interface TooLong {
  tooLong: true;
}

export async function* readLines(input: Readable): AsyncGenerator<string | TooLong> {
  const lines = createInterface({ input: input.pipe(new MarkInvalidUtf8()).pipe(new LineLimit(MAX_LINE_BYTES)), crlfDelay: Infinity });
  input.on('error', (e) => lines.emit('error', e));
  let count = 0;
  try {
    for await (const line of lines) {
      count++;
      if (line.endsWith(CUT)) yield { tooLong: true };
      else if (count === 1 && line.startsWith('\uFEFF')) yield line.slice(1);
      else yield line;
    }
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UsageError(`Cannot read the batch input after line ${count}: ${why}.`);
  } finally {
    lines.close();
    input.destroy();
  }
}

/** Passes bytes through, but no more than `max` of any one line: the rest of it becomes CUT. */
class LineLimit extends Transform {
  /** Bytes of the current line passed on so far. */
  private run = 0;
  private cutting = false;

  constructor(private readonly max: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    // The common case: no line can reach the limit within this chunk.
    if (!this.cutting && this.run + chunk.length <= this.max) {
      const last = Math.max(chunk.lastIndexOf(10), chunk.lastIndexOf(13));
      this.run = last < 0 ? this.run + chunk.length : chunk.length - last - 1;
      return done(null, chunk);
    }
    let from = 0;
    let at = 0;
    while (at < chunk.length) {
      const end = nextBreak(chunk, at);
      if (this.cutting) {
        if (end < 0) {
          from = chunk.length;
          break;
        }
        this.push(CUT);
        this.cutting = false;
        from = end;
      } else if (this.run + ((end < 0 ? chunk.length : end) - at) > this.max) {
        this.push(chunk.subarray(from, at + (this.max - this.run)));
        this.cutting = true;
        continue;
      }
      if (end < 0) {
        this.run += chunk.length - at;
        break;
      }
      this.run = 0;
      at = end + 1;
    }
    if (from < chunk.length && !this.cutting) this.push(chunk.subarray(from));
    done();
  }

  override _flush(done: TransformCallback): void {
    done(null, this.cutting ? CUT : undefined);
  }
}

function nextBreak(chunk: Buffer, from: number): number {
  const lf = chunk.indexOf(10, from);
  const cr = chunk.indexOf(13, from);
  return lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
}

/** Output lines, written in chunks, in order, waiting for the reader. */
export class LineWriter {
  private parts: string[] = [];
  private size = 0;
  private writing: Promise<boolean> = Promise.resolve(true);
  private scheduled = false;

  constructor(
    private readonly io: Io,
    private readonly chunkSize = 64 * 1024,
  ) {}

  /** Queue a line; false once the output is gone (stop producing). */
  async push(line: string): Promise<boolean> {
    if (!(await this.writing)) return false;
    this.parts.push(line);
    this.size += line.length;
    if (this.size >= this.chunkSize) return this.flush();
    if (!this.scheduled) {
      // When the input pauses, what is ready goes out (an interactive `batch -` answers each line).
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        void this.flush();
      });
    }
    return true;
  }

  /** Write what is queued; resolves when the reader has caught up. */
  flush(): Promise<boolean> {
    if (this.size === 0) return this.writing;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    const previous = this.writing;
    this.writing = previous.then((ok) => ok && this.write(text));
    return this.writing;
  }

  private write(text: string): Promise<boolean> {
    if (this.io.writeOut) return this.io.writeOut(text);
    this.io.stdout(text);
    return Promise.resolve(true);
  }
}

/** A whole text as a byte stream, for an Io without streams (tests). */
export const streamOf = (text: string): Readable => Readable.from([Buffer.from(text)]);
