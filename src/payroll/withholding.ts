/**
 * Cumulative withholding of income tax on wages (累计预扣法, STA Announcement
 * 2018 No. 61, Art. 6). Month n withholds the annual-table tax on the
 * year-to-date taxable income, less what earlier months withheld; a negative
 * result is not refunded until the annual reconciliation.
 */
import type { Fen } from '../money.js';
import { rateAt, taxByTable, type Bracket } from './tax-table.js';

export interface WithholdingInput {
  /** 1–12: the first month employed at this employer. */
  startMonth: number;
  /** STA 2020 No. 13: first wage income of the year, so k is the calendar month. */
  firstJob: boolean;
  /** Taxable income a month (wages less tax-free pay, plus any taxable housing-fund excess). */
  taxableIncome: Fen;
  /** Employee insurance and housing fund that may be deducted, a month. */
  deductible: Fen;
  specialDeduction: Fen;
  basicDeduction: Fen;
  annualTable: readonly Bracket[];
}

export interface WithheldMonth {
  month: number;
  /** Year-to-date taxable income, never below zero. */
  cumulativeTaxable: Fen;
  rate: number;
  tax: Fen;
}

export interface Withholding {
  /** 12 entries; months before the start are zero. */
  months: WithheldMonth[];
  /** December's year-to-date taxable income before flooring at zero (the merged bonus adds to it). */
  yearTaxable: Fen;
  total: Fen;
}

export function withholdTax(w: WithholdingInput): Withholding {
  const months: WithheldMonth[] = [];
  let withheld = 0;
  let cumulative = 0;
  for (let month = 1; month <= 12; month++) {
    if (month < w.startMonth) {
      months.push({ month, cumulativeTaxable: 0, rate: 0, tax: 0 });
      continue;
    }
    const employed = month - w.startMonth + 1;
    const k = w.firstJob ? month : employed;
    cumulative = employed * (w.taxableIncome - w.deductible - w.specialDeduction) - k * w.basicDeduction;
    const tax = Math.max(0, taxByTable(w.annualTable, cumulative) - withheld);
    withheld += tax;
    months.push({ month, cumulativeTaxable: Math.max(0, cumulative), rate: rateAt(w.annualTable, cumulative), tax });
  }
  return { months, yearTaxable: cumulative, total: withheld };
}
