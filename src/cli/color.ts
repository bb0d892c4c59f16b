import { Chalk, type ChalkInstance } from 'chalk';
import type { Io } from './io.js';

/**
 * The one place colour is decided. chalk alone does not honour NO_COLOR, so:
 * off with --no-color, NO_COLOR (any non-empty value), TERM=dumb, or when stdout
 * is not a terminal; FORCE_COLOR=1..3 turns it on (useful for screenshots).
 */
export function decideColor(io: Io, flag: boolean | undefined): ChalkInstance {
  const { env } = io;
  let level: 0 | 1 | 2 | 3 = 0;
  if (flag === false || (env.NO_COLOR ?? '') !== '' || env.TERM === 'dumb') level = 0;
  else if (env.FORCE_COLOR && /^[123]$/.test(env.FORCE_COLOR)) level = Number(env.FORCE_COLOR) as 1 | 2 | 3;
  else if (io.isTTY) level = /truecolor|24bit/.test(env.COLORTERM ?? '') ? 3 : 2;
  return new Chalk({ level });
}
