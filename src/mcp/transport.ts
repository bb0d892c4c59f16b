/**
 * The tool server's stdio transport (the SDK's Transport interface): JSON-RPC
 * messages, one a line. The SDK's own StdioServerTransport reads all it is sent at
 * once (memory grows with every call pipelined: 1.67 GB for 10,000), drops a message
 * over its buffer size and closes without a word, answers nothing to a line that is
 * not JSON, and lets a write error crash the process. This one
 *
 * - reads a line only while fewer than MAX_CALLS_IN_FLIGHT calls await their answer,
 *   and waits for the reader of stdout (backpressure), so memory stays flat whatever
 *   the client sends;
 * - refuses a message over MAX_MESSAGE_BYTES with JSON-RPC -32600 and goes on (the
 *   line is dropped as it comes, never held);
 * - answers a line that is not JSON with -32700, and one that is no JSON-RPC message
 *   with -32600, with "id": null when the id cannot be read (JSON-RPC 2.0, 5.1);
 * - records a write failure (a closed pipe, a full disk) and closes, for the command
 *   to end as the CLI does.
 */
import type { Readable, Writable } from 'node:stream';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { type JSONRPCMessage, JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';
import { Frames, isTooLong, type TooLong } from '../batch/frames.js';
import { type Sink, sinkOf } from '../io/write.js';
import { msg } from '../i18n/messages.js';
import { MAX_CALLS_IN_FLIGHT, MAX_MESSAGE_BYTES, quote } from '../limits.js';

type Id = string | number;

/** JSON-RPC 2.0 error codes (section 5.1). */
export const PARSE_ERROR = -32700;
export const INVALID_REQUEST = -32600;
export const INVALID_PARAMS = -32602;

/** A request refused before it reaches the server: its JSON-RPC error code and one sentence. */
export interface Refusal {
  code: number;
  message: string;
}

export class LineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  /** Write failure (EPIPE, ENOSPC…), once output has failed. */
  failure?: NodeJS.ErrnoException;
  private readonly sink: Sink;
  private frames?: Frames;
  /** Calls received and not yet answered, by id (a client may reuse an id). */
  private readonly pending = new Map<Id, number>();
  private inFlight = 0;
  /** Resolves when a call is answered: the reader waits on it when MAX_CALLS_IN_FLIGHT are out. */
  private answered?: () => void;
  private closed = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly input: Readable,
    output: Writable,
    /** Checks a request's params before the server sees it (the SDK answers a bad shape with -32603 and a dump). */
    private readonly check: (message: JSONRPCMessage) => Refusal | undefined = () => undefined,
  ) {
    this.sink = sinkOf(output);
  }

  async start(): Promise<void> {
    // One frame waiting at most: with lines up to 4 MB, a queue of them would be memory.
    this.frames = this.input.pipe(new Frames(MAX_MESSAGE_BYTES, false, 1));
    this.input.on('error', () => void this.frames?.end());
    void this.read();
  }

  private async read(): Promise<void> {
    try {
      for await (const frame of this.frames as AsyncIterable<string | TooLong>) {
        while (this.inFlight >= MAX_CALLS_IN_FLIGHT && !this.closed) await new Promise<void>((resolve) => (this.answered = resolve));
        if (this.closed) break;
        await this.take(frame);
      }
    } catch (e) {
      this.onerror?.(e as Error);
    }
    // The input has ended: answer what is still being computed, then close.
    while (this.inFlight > 0 && !this.closed) await new Promise<void>((resolve) => (this.answered = resolve));
    await this.sink.settle().then((failure) => void (this.failure ??= failure));
    await this.close();
  }

  private async take(frame: string | TooLong): Promise<void> {
    if (isTooLong(frame)) return this.refuse(null, INVALID_REQUEST, msg('rpc:too-large', 'en', { mb: MAX_MESSAGE_BYTES / 1024 / 1024 }));
    if (frame.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(frame);
    } catch (e) {
      return this.refuse(null, PARSE_ERROR, msg('rpc:parse', 'en', { why: quote(String((e as Error).message).replace(/\.$/, '')) }));
    }
    const parsed = JSONRPCMessageSchema.safeParse(value);
    if (!parsed.success) return this.refuse(idOf(value), INVALID_REQUEST, msg('rpc:invalid', 'en', { what: shapeOf(value) }));
    const message = parsed.data;
    if ('method' in message && 'id' in message) {
      const refusal = this.check(message);
      if (refusal) return this.refuse(message.id, refusal.code, refusal.message);
      this.pending.set(message.id, (this.pending.get(message.id) ?? 0) + 1);
      this.inFlight++;
    } else if ('method' in message && message.method === 'notifications/cancelled') {
      // A cancelled call gets no answer (the SDK drops it): it is no longer in flight.
      const id = (message.params as { requestId?: Id } | undefined)?.requestId;
      if (id !== undefined) this.settle(id);
    }
    this.onmessage?.(message);
  }

  private refuse(id: Id | null, code: number, message: string): Promise<void> {
    return this.write({ jsonrpc: '2.0', id, error: { code, message } });
  }

  async send(message: JSONRPCMessage): Promise<void> {
    await this.write(message);
    if (('result' in message || 'error' in message) && 'id' in message) this.settle(message.id as Id);
  }

  private settle(id: Id): void {
    const n = this.pending.get(id);
    if (n === undefined) return;
    if (n > 1) this.pending.set(id, n - 1);
    else this.pending.delete(id);
    this.inFlight--;
    this.answered?.();
    this.answered = undefined;
  }

  /** One message a line; waits while the reader of stdout is behind. After a failure, nothing more is written. */
  private write(message: unknown): Promise<void> {
    // One write at a time: the answers of calls in flight queue here, and only one waits for 'drain'.
    this.writing = this.writing.then(async () => {
      if (this.closed || this.failure) return;
      if (await this.sink.writeAndWait(`${JSON.stringify(message)}\n`)) return;
      this.failure ??= (await this.sink.settle()) ?? Object.assign(new Error('output closed'), { code: 'EPIPE' });
      await this.close();
    });
    return this.writing;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.answered?.();
    this.frames?.destroy();
    this.input.unpipe();
    this.input.destroy();
    this.onclose?.();
  }
}

/** The id of a message that is not valid JSON-RPC, when it can be read (a string or a finite number), else null. */
function idOf(value: unknown): Id | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : null;
}

/** What a message that is no JSON-RPC message is, in a few words (never the message itself). */
function shapeOf(value: unknown): string {
  const say = (key: Parameters<typeof msg>[0], params?: Record<string, unknown>) => msg(key, 'en', params);
  if (Array.isArray(value)) return say('rpc:shape-list');
  if (value === null || typeof value !== 'object') return say('rpc:shape-scalar', { type: value === null ? 'null' : typeof value });
  const o = value as Record<string, unknown>;
  if (o.jsonrpc !== '2.0') return say('rpc:shape-version');
  if ('id' in o && idOf(o) === null && o.id !== null) return say('rpc:shape-id');
  if ('method' in o && typeof o.method !== 'string') return say('rpc:shape-method');
  return say('rpc:shape-other');
}
