/**
 * The annual table as FACTS.md §2 prints it, in integers only, independent of
 * the engine's tables: [up to (yuan), rate in basis points, quick deduction (yuan)].
 */
const ANNUAL: [number, number, number][] = [
  [36000, 300, 0], [144000, 1000, 2520], [300000, 2000, 16920], [420000, 2500, 31920],
  [660000, 3000, 52920], [960000, 3500, 85920], [Infinity, 4500, 181920],
];

/** Annual tax in fen: round(taxable × rate) − quick deduction. */
export function annualFormula(taxableFen: number): number {
  if (taxableFen <= 0) return 0;
  const [, bp, qd] = ANNUAL.find(([upTo]) => taxableFen <= upTo * 100)!;
  return Math.floor((taxableFen * bp + 5000) / 10000) - qd * 100;
}
