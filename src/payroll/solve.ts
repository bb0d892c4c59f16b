/**
 * Gross from net: the smallest monthly gross whose average monthly take-home
 * (wages only, over the months employed) is the target.
 *
 * Take-home rises with gross almost everywhere, but not strictly: each
 * contribution is rounded on its own, so one more fen of gross can cost a few
 * fen of insurance. So: bisect to the crossing, then look around it fen by fen
 * for the smallest exact hit.
 */
import { UsageError } from '../errors.js';
import type { Law } from '../model/law-schema.js';
import { formatYuan, type Fen } from '../money.js';
import { computePayroll } from './payroll.js';
import type { PayrollInput, PayrollResult } from './types.js';
import { warning } from './warnings.js';
import type { Localized } from '../i18n/messages.js';

const UNIT_FEN = { fen: 1, jiao: 10, yuan: 100 } as const;
const MAX_GROSS = 1e11;

export function solveGross(
  targetNet: Fen,
  input: Omit<PayrollInput, 'wages'>,
  law: Law,
  /** The payroll input for a candidate gross (default: the input with those wages every month). */
  build: (wages: Fen) => PayrollInput = (wages) => ({ ...input, wages }),
): { wages: Fen; result: PayrollResult; exact: boolean } {
  if (!Number.isSafeInteger(targetNet) || targetNet <= 0) {
    throw new UsageError(`The target take-home must be more than zero; got ${formatYuan(targetNet)}.`);
  }
  const cache = new Map<Fen, PayrollResult>();
  const run = (wages: Fen): PayrollResult => {
    let result = cache.get(wages);
    if (!result) cache.set(wages, (result = computePayroll(build(wages), law)));
    return result;
  };
  const net = (wages: Fen) => run(wages).takeHome.average;

  // Gross cannot be below its tax-free part.
  let low = Math.max(input.taxFree ?? 0, 0);
  if (net(low) >= targetNet) return finish(low, targetNet, run);
  let high = Math.max(targetNet, low + 1);
  while (net(high) < targetNet) {
    if (high > MAX_GROSS) throw new UsageError(`No monthly gross reaches an average take-home of ${formatYuan(targetNet)}.`);
    low = high;
    high *= 2;
  }
  // Invariant: net(low) < target ≤ net(high).
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (net(mid) >= targetNet) high = mid;
    else low = mid;
  }

  const window = searchWindow(input, law);
  for (let g = Math.max(input.taxFree ?? 0, high - window); g <= high + window; ) {
    const short = targetNet - net(g);
    if (short === 0) return finish(g, targetNet, run);
    // Take-home rises by at most one fen per fen of gross (contributions only
    // rise with it, and tax falls by less than they rise), so a take-home `short`
    // fen below the target cannot reach it before g + short.
    g += short > 0 ? short : 1;
  }
  const nearest = net(high) - targetNet < targetNet - net(high - 1) ? high : high - 1;
  return finish(nearest, targetNet, run, { below: run(high - 1), above: run(high), gross: high });
}

/**
 * How far (fen) from the crossing a rounding dip can reach. Four employee
 * contributions can each round up by one unit at the same fen of gross, and
 * take-home then recovers at no less than about 0.3 fen per fen of gross
 * (1 − 22.5% insurance at a 12% housing fund − 45% top rate): 4 units / 0.3
 * is about 13 units; 20 leaves room to spare.
 */
function searchWindow(input: Omit<PayrollInput, 'wages'>, law: Law): number {
  const city = input.city === undefined || input.insurance !== undefined ? undefined : law.cities[input.city as keyof Law['cities']];
  const unit = city ? Math.max(UNIT_FEN[city.rounding.socialInsurance.unit], UNIT_FEN[city.rounding.housingFund.unit]) : 1;
  return 20 * unit + 20;
}

function finish(
  wages: Fen,
  target: Fen,
  run: (wages: Fen) => PayrollResult,
  step?: { below: PayrollResult; above: PayrollResult; gross: Fen },
): { wages: Fen; result: PayrollResult; exact: boolean } {
  const result = run(wages);
  if (result.takeHome.average === target) return { wages, result, exact: true };
  const why: Localized = step
    ? {
        key: 'w:unreachable-jump',
        params: { below: formatYuan(step.below.takeHome.average), above: formatYuan(step.above.takeHome.average), from: formatYuan(step.gross - 1), to: formatYuan(step.gross) },
      }
    : { key: 'w:unreachable-floor', params: { gross: formatYuan(wages), net: formatYuan(result.takeHome.average) } };
  const unreachable = warning('unreachable-net', { key: 'w:unreachable-net', params: { target: formatYuan(target), why } });
  return { wages, result: { ...result, warnings: [...result.warnings, unreachable] }, exact: false };
}
