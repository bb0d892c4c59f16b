/**
 * The faster paths a batch runs through give the same answers as the plain ones:
 * rounding without toFixed on most amounts, months worked out once when they are
 * the same, figures and warnings kept per sequence of rules.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundFen, type RoundingMode, type RoundingUnit } from '../src/money.js';
import { net, type NetOptions } from '../src/index.js';

/** roundFen as it was: every amount through toFixed(6). */
function roundFenByToFixed(amount: number, unit: RoundingUnit = 'fen', mode: RoundingMode = 'half-up'): number {
  const step = { fen: 1, jiao: 10, yuan: 100 }[unit];
  const units = Number((amount / step).toFixed(6));
  let whole: number;
  if (mode === 'up') whole = Math.ceil(units);
  else if (mode === 'down') whole = Math.floor(units);
  else whole = Math.sign(units) * Math.floor(Math.abs(units) + 0.5);
  return whole * step + 0;
}

describe('roundFen', () => {
  const units = ['fen', 'jiao', 'yuan'] as const;
  const modes = ['half-up', 'up', 'down'] as const;

  it('equals the toFixed rounding for amounts × rates, halves, noise and large values', () => {
    const rates = [0.08, 0.02, 0.005, 0.07, 0.12, 0.105, 0.003, 0.16, 1 / 3, 0.1 * 3];
    const amounts = fc.oneof(
      fc.integer({ min: -10_000_000, max: 100_000_000 }).chain((a) => fc.constantFrom(...rates).map((r) => a * r)),
      fc.integer({ min: -1_000_000, max: 1_000_000 }).map((a) => a + 0.5),
      fc.integer({ min: -1_000_000, max: 1_000_000 }).map((a) => a + 0.5 + 1e-9),
      fc.integer({ min: -1_000_000, max: 1_000_000 }).map((a) => a - 1e-7),
      fc.double({ min: -1e12, max: 1e12, noNaN: true }),
    );
    fc.assert(
      fc.property(amounts, fc.constantFrom(...units), fc.constantFrom(...modes), (a, unit, mode) => {
        expect(roundFen(a, unit, mode)).toBe(roundFenByToFixed(a, unit, mode));
      }),
      { numRuns: 20_000 },
    );
    for (const a of [0, -0, 0.1 * 3 * 100, 1.005 * 100, 2.5, -2.5, 149.99999999, 150.00000001, 1e15 + 0.5]) {
      for (const unit of units) for (const mode of modes) expect(roundFen(a, unit, mode)).toBe(roundFenByToFixed(a, unit, mode));
    }
  });
});

describe('a batch of lines', () => {
  it('gives each line the answer it gets alone, in any order (caches keep no state between lines)', () => {
    const requests: NetOptions[] = [
      { gross: 12000, city: 'beijing', date: '2026-11-23' },
      { gross: 30000, city: 'shanghai', date: '2026-11-23', from: { 7: { housingFundRate: 7 } } },
      { gross: 9000, city: 'hangzhou', date: '2026-03-01', children: 1, bonus: 20000 },
      { gross: 9000, city: 'hangzhou', date: '2026-03-01', children: 1, jobs: [{ month: 7, city: 'beijing', gross: 15000 }] },
      { gross: 4000, city: 'chengdu', date: '2025-02-01', startMonth: 4 },
    ];
    const alone = requests.map((r) => JSON.stringify(net(r)));
    for (const order of [[4, 3, 2, 1, 0], [1, 1, 0, 3, 3, 2, 4, 0]]) {
      for (const i of order) expect(JSON.stringify(net(requests[i]))).toBe(alone[i]);
    }
  });
});
