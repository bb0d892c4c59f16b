/**
 * Cumulative withholding of income tax on wages (累计预扣法, STA Announcement
 * 2018 No. 61, Art. 6) at one employer. Month n withholds the annual-table tax
 * on the year-to-date taxable income at that employer, less what its earlier
 * months withheld; a negative result is not refunded until the annual
 * reconciliation. Months may differ: each brings its own income and deductions.
 */
import type { Fen } from '../money.js';
import { rateAt, taxByTable, type Bracket } from './tax-table.js';

export interface WithholdingMonth {
  month: number;
  /** Taxable income this month (wages and extras less tax-free pay, plus any taxable housing-fund excess). */
  income: Fen;
  /** Deductible insurance, special and other deductions this month. */
  deductions: Fen;
  /** The basic deduction in force this month (5,000). */
  basicDeduction: Fen;
  annualTable: readonly Bracket[];
}

export interface WithholdingOptions {
  /** STA 2020 No. 13: first wage income of the year, so the basic deduction counts every month since January. */
  firstJob: boolean;
  /** STA 2020 No. 19: this much basic deduction from January (60,000), when last year's wages here were at most 60,000. */
  yearDeduction: Fen | null;
}

export interface WithheldMonth {
  month: number;
  /** Year-to-date taxable income at this employer, never below zero. */
  cumulativeTaxable: Fen;
  /** The same before flooring at zero. */
  rawCumulative: Fen;
  rate: number;
  tax: Fen;
}

/** `months` are the consecutive months at one employer, in order. */
export function withholdTax(months: readonly WithholdingMonth[], options: WithholdingOptions): { months: WithheldMonth[]; total: Fen } {
  const out: WithheldMonth[] = [];
  let withheld = 0;
  let net = 0;
  let employed = 0;
  for (const m of months) {
    employed += 1;
    net += m.income - m.deductions;
    // k: months counted for the basic deduction.
    const k = options.firstJob ? m.month : employed;
    const basic = Math.max(options.yearDeduction ?? 0, k * m.basicDeduction);
    const cumulative = net - basic;
    const tax = Math.max(0, taxByTable(m.annualTable, cumulative) - withheld);
    withheld += tax;
    out.push({ month: m.month, cumulativeTaxable: Math.max(0, cumulative), rawCumulative: cumulative, rate: rateAt(m.annualTable, cumulative), tax });
  }
  return { months: out, total: withheld };
}
