/**
 * Batch input and output as streams, so a run of any length keeps constant memory.
 *
 * In: the byte stream cut into lines (./frames.ts) at LF, CRLF and a lone CR (old Mac
 * files); each whole line is decoded on its own, so a character split between two reads
 * stays whole. Bytes that are not UTF-8 arrive as SUB (./utf8.ts), so the line holding
 * them fails alone. A byte-order mark before the first line is dropped. A line longer
 * than MAX_LINE_BYTES is dropped as it comes and stands as one TooLong line, so an
 * input without line breaks cannot fill memory.
 *
 * Out: lines are gathered into chunks, written when a chunk is full or when the input
 * pauses, and the writer waits for the reader of stdout (backpressure).
 */
import { Readable } from 'node:stream';
import type { Io } from '../io/io.js';
import { UsageError } from '../errors.js';
import { MAX_LINE_BYTES } from '../limits.js';
import { Frames, isTooLong, type TooLong } from './frames.js';
import { decodeGb18030, type Encoding, MarkInvalidUtf8 } from './utf8.js';

export type { TooLong };

/** The input's lines, in order, as many at a time as have been read (one async step per read, not per line). */
export async function* readLines(input: Readable, encoding: Encoding = 'utf8'): AsyncGenerator<(string | TooLong)[]> {
  const lines = encoding === 'utf8'
    ? input.pipe(new MarkInvalidUtf8()).pipe(new Frames(MAX_LINE_BYTES, false))
    : input.pipe(new Frames(MAX_LINE_BYTES, false, undefined, decodeGb18030));
  input.on('error', (e) => lines.destroy(e));
  let count = 0;
  try {
    for await (const read of drained<string | TooLong>(lines)) {
      if (count === 0 && typeof read[0] === 'string' && read[0].startsWith('\uFEFF')) read[0] = read[0].slice(1);
      count += read.length;
      yield read;
    }
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UsageError(`Cannot read the batch input after line ${count}: ${why}.`);
  } finally {
    lines.destroy();
    input.destroy();
  }
}

/** What an object stream holds each time it is readable, all of it at once, until it ends. */
async function* drained<T>(stream: Readable): AsyncGenerator<T[]> {
  for (;;) {
    const got: T[] = [];
    for (let item = stream.read() as T | null; item !== null; item = stream.read() as T | null) got.push(item);
    if (got.length > 0) {
      yield got;
      continue;
    }
    if (stream.readableEnded || stream.destroyed) {
      if (stream.errored) throw stream.errored;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const done = (e?: Error) => {
        stream.off('readable', ok).off('end', ok).off('close', ok).off('error', done);
        if (e instanceof Error) reject(e);
        else resolve();
      };
      const ok = () => done();
      stream.on('readable', ok).on('end', ok).on('close', ok).on('error', done);
    });
  }
}

/** Output lines, written in chunks, in order, waiting for the reader. */
export class LineWriter {
  private parts: (string | Uint8Array)[] = [];
  private bytes = false;
  private size = 0;
  private writing: Promise<boolean> = Promise.resolve(true);
  /** The output took no more (a closed pipe, a full disk). */
  private gone = false;
  private scheduled = false;

  constructor(
    private readonly io: Io,
    private readonly chunkSize = 64 * 1024,
  ) {}

  /**
   * Queue a line (text, or text and bytes). True when it is queued and the writer
   * has room; else a promise, to wait for, of whether the output still takes
   * lines (false: stop producing). At most a chunk waits beside the one being written.
   */
  push(line: string | readonly (string | Uint8Array)[]): true | Promise<boolean> {
    if (this.gone) return Promise.resolve(false);
    if (typeof line === 'string') {
      this.parts.push(line);
      this.size += line.length;
    } else {
      for (const part of line) {
        this.parts.push(part);
        this.size += part.length;
        if (typeof part !== 'string') this.bytes = true;
      }
    }
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
    // Text alone is joined; with bytes among it, each part is encoded and the whole copied once.
    const text = this.bytes ? Buffer.concat(this.parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))) : this.parts.join('');
    this.parts = [];
    this.bytes = false;
    this.size = 0;
    const previous = this.writing;
    this.writing = previous.then(async (ok) => {
      const still = ok && (await this.write(text));
      if (!still) this.gone = true;
      return still;
    });
    return this.writing;
  }

  private write(text: string | Uint8Array): Promise<boolean> {
    if (this.io.writeOut) return this.io.writeOut(text);
    this.io.stdout(typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString());
    return Promise.resolve(true);
  }
}

/** A whole text as a byte stream, for an Io without streams (tests). */
export const streamOf = (text: string): Readable => Readable.from([Buffer.from(text)]);
