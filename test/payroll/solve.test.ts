import { describe, expect, test } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { computePayroll, type PayrollInput } from '../../src/payroll/payroll.js';
import { solveGross } from '../../src/payroll/solve.js';
import { cloneLaw, loadLaw } from './law.js';

const law = loadLaw();
const TARGETS = [3000, 4500, 6000, 8000, 10000, 15000, 20000, 30000, 45000, 60000].map((y) => y * 100);

const SETUPS: [string, Omit<PayrollInput, 'wages'>][] = [
  ['no city, insurance 10%-ish', { date: '2025-09-15', insurance: 800_00, deduction: 1000_00 }],
  ['Beijing', { date: '2025-09-15', city: 'beijing' }],
  ['Shanghai, 7% housing fund, rent', { date: '2025-09-15', city: 'shanghai', housingFundRate: 0.07, rent: true }],
  ['Xi’an from July', { date: '2025-06-01', city: 'xian', startMonth: 7 }],
  ['Hangzhou first job from April with a bonus', { date: '2025-06-01', city: 'hangzhou', startMonth: 4, firstJob: true, bonus: 50000_00 }],
];

describe.each(SETUPS)('solveGross: %s', (_, input) => {
  test.each(TARGETS)('target %i fen comes back to the fen, from the smallest gross', (target) => {
    const { wages, result, exact } = solveGross(target, input, law);
    expect(exact).toBe(true);
    expect(result.takeHome.average).toBe(target);
    // Recomputing from scratch gives the same take-home.
    const again = computePayroll({ ...input, wages }, law);
    expect(Math.abs(again.takeHome.average - target)).toBeLessThanOrEqual(1);
    // No smaller gross nearby reaches the target exactly (rounding dips are a few fen wide).
    for (let g = Math.max(0, wages - 200); g < wages; g++) {
      expect(computePayroll({ ...input, wages: g }, law).takeHome.average).not.toBe(target);
    }
  });
});

test('with yuan rounding, take-home dips as gross rises, and the smallest exact gross is still found', () => {
  const edited = cloneLaw(law);
  edited.cities.wuhan.rounding = { socialInsurance: { unit: 'jiao', mode: 'up' }, housingFund: { unit: 'yuan', mode: 'half-up' } };
  const input = { date: '2025-06-01', city: 'wuhan' };
  const net = (wages: number) => computePayroll({ ...input, wages }, edited).takeHome.average;
  // A dip exists: one more fen of gross lowers take-home (the housing fund steps by a yuan).
  let dip = false;
  for (let g = 8000_00; g < 8100_00 && !dip; g++) dip = net(g + 1) < net(g);
  expect(dip).toBe(true);
  for (const target of [6543_21, 7000_00, 7123_45]) {
    const { wages, exact } = solveGross(target, input, edited);
    expect(exact).toBe(true);
    expect(net(wages)).toBe(target);
    for (let g = wages - 3000; g < wages; g++) expect(net(g)).not.toBe(target);
  }
});

test('a target below what the smallest gross takes home: the nearest, with a warning saying why', () => {
  // 5,000 of the wages is tax-free pay, so the gross cannot be lower, and it takes home 5,000.
  const { wages, result, exact } = solveGross(3000_00, { date: '2025-06-01', insurance: 0, taxFree: 5000_00 }, law);
  expect(exact).toBe(false);
  expect(wages).toBe(5000_00);
  const warning = result.warnings.find((w) => w.code === 'unreachable-net');
  expect(warning?.message).toContain('exactly 3,000.00');
  expect(warning?.message).toContain('even a gross of 5,000.00 takes home 5,000.00');
});

test('a target of zero or less is a usage error', () => {
  expect(() => solveGross(0, { date: '2025-06-01', insurance: 0 }, law)).toThrow(UsageError);
});
