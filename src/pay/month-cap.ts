/** The largest month cs-pay models: a rule on pay lines, so it lives with the pay (request checks use it too). */
import { m, UsageError } from '../errors.js';
import { MAX_MONTH_YUAN } from '../limits.js';
import { type Fen, formatYuan, yuanToFen } from '../money.js';

/**
 * Every line, and the month's total, at most MAX_MONTH_YUAN: a rate times a count
 * (`--set order-commission=100000000` × `--orders 100000`) can pass each flag's own
 * limit and still be no month's pay.
 */
export function checkMonthPay(lines: readonly { id: string; amount: Fen }[], monthly: Fen, month?: number): void {
  const cap = yuanToFen(MAX_MONTH_YUAN);
  const big = lines.find((l) => l.amount > cap);
  if (big) throw new UsageError(m('e:line-beyond', { id: big.id, amount: formatYuan(big.amount), max: formatYuan(cap, 0) }), m('hint:line-beyond'));
  if (monthly > cap) {
    throw new UsageError(m(month === undefined ? 'e:month-beyond' : 'e:month-n-beyond', { month, amount: formatYuan(monthly), max: formatYuan(cap, 0) }), m('hint:line-beyond'));
  }
}
