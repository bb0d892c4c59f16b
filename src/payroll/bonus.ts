/**
 * Year-end bonus (全年一次性奖金): taxed apart from wages with the monthly
 * table (MOF/STA 2023 No. 30, until the rule's end date), or merged into the
 * year's comprehensive income. `auto` picks the cheaper.
 */
import { applyRate, formatYuan, type Fen } from '../money.js';
import { taxByTable, type Bracket } from './tax-table.js';
import type { BonusComparison, BonusMethod, BonusTaxChoice, Warning } from './types.js';
import { warning } from './warnings.js';

/** Bonus ÷ 12 picks rate and quick deduction; the deduction is not multiplied by 12. */
export function taxBonusSeparately(bonus: Fen, monthlyTable: readonly Bracket[]): Fen {
  // Compare bonus ≤ 12 × limit rather than bonus / 12 ≤ limit: no fractions of a fen.
  const bracket = monthlyTable.find((b) => b.upTo === null || bonus <= b.upTo * 12) ?? monthlyTable[monthlyTable.length - 1];
  return Math.max(0, applyRate(bonus, bracket.rate) - bracket.quickDeduction);
}

/** The extra annual tax when the bonus joins the year's taxable income. */
export function taxBonusMerged(bonus: Fen, yearTaxable: Fen, annualTable: readonly Bracket[]): Fen {
  return taxByTable(annualTable, yearTaxable + bonus) - taxByTable(annualTable, yearTaxable);
}

/**
 * 多发少得: one fen over a threshold moves the whole bonus to the next rate, so
 * just above each threshold a smaller bonus nets more. Net rises within a
 * bracket, so the best smaller bonus is always a threshold.
 */
export function findDeadZone(bonus: Fen, monthlyTable: readonly Bracket[]): { cutTo: Fen; gain: Fen } | null {
  const netOf = (b: Fen) => b - taxBonusSeparately(b, monthlyTable);
  let best: { cutTo: Fen; net: Fen } | null = null;
  for (const bracket of monthlyTable) {
    if (bracket.upTo === null) continue;
    const threshold = bracket.upTo * 12;
    if (threshold >= bonus) break;
    const net = netOf(threshold);
    if (!best || net > best.net) best = { cutTo: threshold, net };
  }
  const own = netOf(bonus);
  return best && best.net > own ? { cutTo: best.cutTo, gain: best.net - own } : null;
}

export interface BonusTaxInput {
  bonus: Fen;
  choice: BonusTaxChoice;
  /** Null once separate taxation is no longer allowed. */
  monthlyTable: readonly Bracket[] | null;
  /** The extra tax when the bonus joins the wages of its month (what the merged method costs). */
  mergedTax: Fen;
}

export function chooseBonusTax(b: BonusTaxInput): { method: BonusMethod; tax: Fen; comparison: BonusComparison; warnings: Warning[] } {
  const merged = b.mergedTax;
  const separate = b.monthlyTable ? taxBonusSeparately(b.bonus, b.monthlyTable) : null;
  const method = pickMethod(b.choice, separate, merged);
  const tax = method === 'separate' ? (separate as Fen) : merged;
  const other = method === 'separate' ? merged : separate;
  const comparison: BonusComparison = { separate, merged, chosen: method, saving: other === null ? null : other - tax };

  const warnings: Warning[] = [];
  const offered = b.monthlyTable && (method === 'separate' || b.choice === 'auto');
  const zone = offered ? findDeadZone(b.bonus, b.monthlyTable as Bracket[]) : null;
  if (zone) {
    warnings.push(warning('bonus-dead-zone', {
      key: 'w:bonus-dead-zone',
      params: { bonus: formatYuan(b.bonus), cutTo: formatYuan(zone.cutTo), gain: formatYuan(zone.gain), merged: method === 'merged' },
    }));
  }
  return { method, tax, comparison, warnings };
}

/** The method a choice leads to; a tie goes to separate, the method employers use by default. */
export function pickMethod(choice: BonusTaxChoice, separate: Fen | null, merged: Fen): BonusMethod {
  if (separate === null || choice === 'merged') return 'merged';
  if (choice === 'separate') return 'separate';
  return separate <= merged ? 'separate' : 'merged';
}
