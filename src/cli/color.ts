import type { ChalkInstance } from 'chalk';
import type { Io } from './io.js';

/**
 * The one place colour is decided. chalk alone does not honour NO_COLOR, so:
 * off with --no-color, NO_COLOR (any non-empty value), TERM=dumb, or when stdout
 * is not a terminal; FORCE_COLOR=1..3 turns it on (useful for screenshots).
 * chalk is loaded only when colour is on: without it the text passes as it is.
 */
export async function decideColor(io: Io, flag: boolean | undefined): Promise<ChalkInstance> {
  const level = colorLevel(io, flag);
  if (level === 0) return PLAIN;
  const { Chalk } = await import('chalk');
  return new Chalk({ level });
}

export function colorLevel(io: Io, flag: boolean | undefined): 0 | 1 | 2 | 3 {
  const { env } = io;
  if (flag === false || (env.NO_COLOR ?? '') !== '' || env.TERM === 'dumb') return 0;
  if (env.FORCE_COLOR && /^[123]$/.test(env.FORCE_COLOR)) return Number(env.FORCE_COLOR) as 1 | 2 | 3;
  if (io.isTTY) return /truecolor|24bit/.test(env.COLORTERM ?? '') ? 3 : 2;
  return 0;
}

/** chalk at level 0, without chalk: every style (chalk.bold.underline too) gives its text back, joined as chalk joins it. */
const PLAIN: ChalkInstance = new Proxy((...texts: unknown[]) => texts.join(' '), {
  // Not a thenable: it is returned from an async function.
  get: (_target, key) => (key === 'level' ? 0 : key === 'then' ? undefined : PLAIN),
}) as unknown as ChalkInstance;
