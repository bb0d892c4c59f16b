import { describe, expect, test } from 'vitest';
import { findDeadZone, taxBonusMerged, taxBonusSeparately } from '../../src/payroll/bonus.js';
import { toFenTable } from '../../src/payroll/tax-table.js';
import { withholdTax } from '../../src/payroll/withholding.js';
import { loadLaw } from './law.js';

const law = loadLaw();
const monthly = toFenTable(law.tax.bonusTable.values[0].value);
const annual = toFenTable(law.tax.annualTable.values[0].value);

describe('separate bonus tax and its dead zones', () => {
  test('the quick deduction is not multiplied by 12', () => {
    // 60,000 ÷ 12 = 5,000 → 10%: 60,000 × 10% − 210 = 5,790 (not − 2,520).
    expect(taxBonusSeparately(60000_00, monthly)).toBe(5790_00);
  });

  test('the dead zone above 36,000 ends where the net catches up', () => {
    // Net at 36,000 is 36,000 − 1,080 = 34,920. Above it, net = B − (B × 10% − 210) = 0.9 B + 210,
    // which passes 34,920 at B = 38,566.67.
    // 38,566: 0.9 × 38,566 + 210 = 34,919.40 → 0.60 short.   38,567: 34,920.30 → out of the zone.
    expect(findDeadZone(36000_01, monthly)).toEqual({ cutTo: 36000_00, gain: 34920_00 - (36000_01 - 3390_00) });
    expect(findDeadZone(38566_00, monthly)).toEqual({ cutTo: 36000_00, gain: 60 });
    expect(findDeadZone(38567_00, monthly)).toBeNull();
    expect(findDeadZone(36000_00, monthly)).toBeNull();
    expect(findDeadZone(1000_00, monthly)).toBeNull();
  });

  test('past 960,000 the cut is to 960,000', () => {
    // 960,001 × 45% − 15,160 = 416,840.45; 960,000 × 35% − 7,160 = 328,840.
    // Net 631,160 vs 543,160.55: cutting gains 87,999.45.
    expect(findDeadZone(960001_00, monthly)).toEqual({ cutTo: 960000_00, gain: 87999_45 });
  });
});

describe('merged bonus tax', () => {
  test('unused deductions absorb part of the bonus', () => {
    // Year taxable −6,000: 36,000 − 6,000 = 30,000 × 3% = 900.
    expect(taxBonusMerged(36000_00, -6000_00, annual)).toBe(900_00);
    // Year taxable 48,000: (84,001 × 10% − 2,520) − (48,000 × 10% − 2,520) = 3,600.10.
    expect(taxBonusMerged(36001_00, 48000_00, annual)).toBe(3600_10);
  });
});

describe('withholding', () => {
  const month = (m: number, income: number) => ({ month: m, income, deductions: 500_00, basicDeduction: 5000_00, annualTable: annual });
  test('more deductions than income withholds nothing, and the year taxable stays negative', () => {
    const w = withholdTax(Array.from({ length: 12 }, (_, i) => month(i + 1, 5000_00)), { firstJob: false, yearDeduction: null });
    expect(w.total).toBe(0);
    // 12 × (5,000 − 500) − 60,000 = −6,000
    expect(w.months[11].rawCumulative).toBe(-6000_00);
    expect(w.months.every((m) => m.cumulativeTaxable === 0 && m.rate === 0)).toBe(true);
  });

  test('uneven months: the cumulative method catches up after a low month', () => {
    // Jan 10,000, Feb 2,000, Mar 10,000, deductions 500 each: cumulative 4,500, 1,000, 5,500 (× 3%).
    const w = withholdTax([month(1, 10000_00), month(2, 2000_00), month(3, 10000_00)], { firstJob: false, yearDeduction: null });
    // Jan 135; Feb max(0, 30 − 135) = 0; Mar 165 − 135 = 30.
    expect(w.months.map((m) => m.tax)).toEqual([135_00, 0, 30_00]);
  });

  test('STA 2020 No. 19: 60,000 from January', () => {
    const w = withholdTax(Array.from({ length: 12 }, (_, i) => month(i + 1, 8000_00)), { firstJob: false, yearDeduction: 60000_00 });
    // 7,500 a month: month 8 is 60,000 − 60,000 = 0; month 9: 7,500 × 3% = 225.
    expect(w.months.slice(0, 8).every((m) => m.tax === 0)).toBe(true);
    expect(w.months[8].tax).toBe(225_00);
  });
});
