/**
 * The process's stdout as the CLI writes it: a write that fails (a closed pipe, a
 * full disk) is recorded, never thrown or left as an unhandled 'error' event, and
 * writers can wait for the reader (backpressure) instead of queueing in memory.
 */
import type { Writable } from 'node:stream';

export interface Sink {
  /** Write and move on (one result). */
  write: (text: string) => void;
  /** Write, then wait while the stream is full. False once the output has failed. */
  writeAndWait: (text: string | Uint8Array) => Promise<boolean>;
  /** After the run: wait until everything is written; the failure, if any. */
  settle: () => Promise<NodeJS.ErrnoException | undefined>;
}

export function sinkOf(stream: Writable): Sink {
  let failure: NodeJS.ErrnoException | undefined;
  stream.on('error', (e: NodeJS.ErrnoException) => void (failure ??= e));

  const write = (text: string | Uint8Array): boolean => {
    if (failure || stream.destroyed) return false;
    try {
      return stream.write(text);
    } catch (e) {
      failure ??= e as NodeJS.ErrnoException;
      return false;
    }
  };

  // Resolves on 'drain', or on the error or close that means no drain will come. A
  // write refused without a drain to wait for has failed: its error comes on the next tick.
  const drained = () =>
    new Promise<void>((resolve) => {
      if (failure || stream.destroyed) return resolve();
      if (!stream.writableNeedDrain) return void setImmediate(resolve);
      const done = () => {
        for (const event of ['drain', 'error', 'close']) stream.off(event, done);
        resolve();
      };
      for (const event of ['drain', 'error', 'close']) stream.on(event, done);
    });

  return {
    write: (text) => void write(text),
    writeAndWait: async (text) => {
      if (!write(text)) await drained();
      return failure === undefined && !stream.destroyed;
    },
    settle: async () => {
      await drained();
      // A failed write reports its error on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      return failure;
    },
  };
}

/** The one sentence for a write failure other than a closed pipe. */
export function describeWriteFailure(e: NodeJS.ErrnoException): string {
  const why = e.code === 'ENOSPC' ? 'no space left on the device' : e.code === 'EIO' ? 'an input/output error' : 'the system refused it';
  return `Cannot write the output: ${why}${e.code ? ` (${e.code})` : ''}.`;
}
