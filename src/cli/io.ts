import { createReadStream, fstatSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Io, todayIn } from '../io/io.js';
import { type Sink, sinkOf } from '../io/write.js';

export { type Io, todayIn } from '../io/io.js';

/**
 * The real process as an Io, and `settle` to call when the run is over: it waits
 * for what is still being written and gives the write failure, if any.
 *
 * Start-up is most of a single command's time, so this touches as little as it
 * can: whether fd 1 and 2 are terminals is read with fstat (isatty only for a
 * character device), and a command's one result is written with writeSync, so
 * process.stdout (a socket for a pipe) is only made for batch, which streams.
 */
export function processIo(): { io: Io; settle: () => Promise<NodeJS.ErrnoException | undefined> } {
  let failure: NodeJS.ErrnoException | undefined;
  let sink: Sink | undefined;
  const streamed = () => (sink ??= sinkOf(process.stdout));
  const io: Io = {
    stdout: (text) => {
      if (sink) return sink.write(text);
      if (failure === undefined) failure = writeAll(1, text);
    },
    // With stderr gone too there is no one left to tell.
    stderr: (text) => void writeAll(2, text),
    env: process.env,
    isTTY: isTerminal(1),
    stderrIsTTY: isTerminal(2),
    today: process.env.CS_PAY_TODAY || todayIn('Asia/Shanghai'),
    readFile: (path) => readFileSync(path, 'utf8'),
    readStdin: async () => {
      let text = '';
      // A stateful decoder: a character split between two reads stays whole.
      process.stdin.setEncoding('utf8');
      for await (const chunk of process.stdin) text += chunk;
      return text;
    },
    stdin: () => process.stdin,
    // Opened here, synchronously, so a missing file is an error now rather than an event later.
    openFile: (path) => createReadStream(path, { fd: openSync(path, 'r') }),
    writeOut: (text) => (failure === undefined ? streamed().writeAndWait(text) : Promise.resolve(false)),
  };
  return { io, settle: async () => failure ?? (sink ? sink.settle() : undefined) };
}

function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  // /dev/null is a character device too. node:tty loads node:net, so only now.
  const { isatty } = createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
  return isatty(fd);
}

/**
 * All of `text` to `fd`, blocking; the error that stopped it, if any. A descriptor
 * left non-blocking by another process answers EAGAIN while its reader is behind:
 * wait a moment and go on.
 */
function writeAll(fd: number, text: string): NodeJS.ErrnoException | undefined {
  let bytes = Buffer.from(text);
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(fd, bytes));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') return e as NodeJS.ErrnoException;
      Atomics.wait(PAUSE, 0, 0, 1);
    }
  }
  return undefined;
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));
