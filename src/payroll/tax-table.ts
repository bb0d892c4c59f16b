/**
 * Progressive tables in fen: find the bracket, apply "amount × rate − quick
 * deduction". Both the annual table (cumulative withholding, merged bonus) and
 * the monthly table (separate bonus) go through here.
 */
import { applyRate, yuanToFen, type Fen } from '../money.js';

export interface Bracket {
  /** Upper limit in fen; null for the open top bracket. */
  upTo: Fen | null;
  rate: number;
  quickDeduction: Fen;
}

/** Convert a table as written in tax.yaml (yuan) to fen. */
export function toFenTable(rows: readonly { upTo: number | null; rate: number; quickDeduction: number }[]): Bracket[] {
  return rows.map((r) => ({
    upTo: r.upTo === null ? null : yuanToFen(r.upTo),
    rate: r.rate,
    quickDeduction: yuanToFen(r.quickDeduction),
  }));
}

/** The bracket of an amount ("over the previous limit, up to this one"). */
export function findBracket(table: readonly Bracket[], amount: Fen): Bracket {
  return table.find((b) => b.upTo === null || amount <= b.upTo) ?? table[table.length - 1];
}

/** Tax on a taxable amount; nothing on zero or less. */
export function taxByTable(table: readonly Bracket[], taxable: Fen): Fen {
  if (taxable <= 0) return 0;
  const bracket = findBracket(table, taxable);
  return Math.max(0, applyRate(taxable, bracket.rate) - bracket.quickDeduction);
}

/** The marginal rate at a taxable amount (0 when nothing is taxable). */
export function rateAt(table: readonly Bracket[], taxable: Fen): number {
  return taxable <= 0 ? 0 : findBracket(table, taxable).rate;
}
