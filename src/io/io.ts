/**
 * What a face hands down from the outside world: output, the environment, today's
 * date and file reading. The terminal builds it from the process (src/cli/io.ts),
 * tests fake it; nothing below the faces reads the process itself.
 */
import type { Readable } from 'node:stream';

/** Everything a face needs from the outside world, so tests can fake it. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (decides colour). */
  isTTY: boolean;
  /** Whether stderr is a terminal (batch shows its progress there). Optional: no. */
  stderrIsTTY?: boolean;
  /** Today's date, YYYY-MM-DD: the default for --date. */
  today: string;
  readFile: (path: string) => string;
  /** Standard input, for `batch -`. */
  readStdin: () => Promise<string>;
  /**
   * Standard input as a stream, so batch runs in constant memory. Optional: without
   * it batch reads `readStdin()`.
   */
  stdin?: () => Readable;
  /** A file as a stream, for batch. Optional: without it batch reads `readFile()`. */
  openFile?: (path: string) => Readable;
  /**
   * Write to stdout and wait while the reader is behind (backpressure). Resolves
   * false once stdout takes no more (a closed pipe, a full disk): stop producing.
   * Optional: without it `stdout` is used.
   */
  writeOut?: (text: string | Uint8Array) => Promise<boolean>;
}

/** China has kept UTC+8 all year since 1991 (no daylight saving). */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** China's date now, worked out once a day (a library call asks for it every time). */
let china = { day: -1, text: '' };
export function todayInChina(): string {
  const day = Math.floor((Date.now() + CHINA_OFFSET_MS) / 86_400_000);
  if (day !== china.day) china = { day, text: new Date(day * 86_400_000).toISOString().slice(0, 10) };
  return china.text;
}

export function todayIn(timeZone: string, now = new Date()): string {
  // Payroll dates are Chinese calendar days, whatever the machine's zone. China's is
  // plain arithmetic: loading ICU for Intl would cost every run a quarter of its start-up.
  if (timeZone === 'Asia/Shanghai') return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

