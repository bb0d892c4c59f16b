/** Unit tables for the pure pay computation, on a small model with round numbers. */
import { describe, expect, it } from 'vitest';
import { loadCities, loadModel } from '../src/model/load-data.js';
import { estimatePay, pick } from '../src/pay/estimate.js';
import { OVERTIME } from './support.js';

const cities = loadCities('cities:\n  a: { en: A, zh: 甲 }\n  b: { en: B, zh: 乙 }\n', 'cities.yaml');
const model = loadModel(
  `schemaVersion: 1
asOf: "2025-01-01"
sources: {}
levels:
  junior: { en: Junior, zh: 初级 }
defaults:
  satisfaction: { value: 0.9, source: "assumption: test" }
  kpi: { value: 1, source: "assumption: test" }
  orders: { value: 100, source: "assumption: test" }
  nightShifts: { value: 0, source: "assumption: test" }
platforms:
  p:
    label: { en: P, zh: P }
    source: "assumption: test"
    cityClasses:
      one: { factor: 1, cities: [a], source: "assumption: test" }
      half: { factor: 0.5, cities: [b], source: "assumption: test" }
    yearEndMonths: { low: 1, high: 3, source: "assumption: test" }
    components:
      - { id: performance, label: { en: Perf, zh: 绩效 }, kind: percent-of-base, rate: { low: 0.1, high: 0.3 }, source: "assumption: test" }
      - { id: meal, label: { en: Meal, zh: 餐补 }, kind: fixed, amount: { low: 200, high: 400 }, source: "assumption: test" }
      - { id: order-commission, label: { en: Orders, zh: 提成 }, kind: per-order, amount: { low: 2, high: 4 }, source: "assumption: test" }
      - { id: night-shift, label: { en: Night, zh: 夜班 }, kind: per-night-shift, amount: { low: 50, high: 100 }, source: "assumption: test" }
      - { id: quality-bonus, label: { en: Q, zh: 质量 }, kind: threshold, input: satisfaction, atLeast: 0.95, amount: { low: 600, high: 600 }, per: month, source: "assumption: test" }
      - { id: team-bonus, label: { en: T, zh: 团队 }, kind: threshold, input: kpi, above: 1.1, amount: { low: 3000, high: 3000 }, per: quarter, source: "assumption: test" }
    levels:
      junior:
        base: { low: 4000, high: 6000, source: "assumption: test" }
`,
  'model.yaml',
  cities,
);

const run = (extra: object = {}) => estimatePay(model, { platform: 'p', city: 'a', level: 'junior', percentile: 50, ...extra }, OVERTIME);
const line = (b: ReturnType<typeof run>, id: string) => b.lines.find((l) => l.id === id)?.amount;

describe('estimatePay', () => {
  it('picks every range at the percentile', () => {
    expect(pick({ low: 4000, high: 6000 }, 0)).toBe(4000);
    expect(pick({ low: 4000, high: 6000 }, 25)).toBe(4500);
    expect(pick({ low: 4000, high: 6000 }, 100)).toBe(6000);
  });

  it.each([
    // percentile, base, performance = base × (0.1 + 0.2p), meal, orders 100 × (2 + 2p)
    [0, 4000_00, 400_00, 200_00, 200_00],
    [50, 5000_00, 1000_00, 300_00, 300_00],
    [100, 6000_00, 1800_00, 400_00, 400_00],
  ])('percentile %i: base %i fen, performance %i, meal %i, orders %i', (percentile, base, perf, meal, orders) => {
    const b = run({ percentile });
    expect(line(b, 'base')).toBe(base);
    expect(line(b, 'performance')).toBe(perf);
    expect(line(b, 'meal')).toBe(meal);
    expect(line(b, 'order-commission')).toBe(orders);
    expect(b.monthly).toBe(base + perf + meal + orders);
  });

  it('scales base pay by the city class factor, and percentage components with it', () => {
    const b = run({ city: 'b' });
    expect(line(b, 'base')).toBe(2500_00);
    expect(line(b, 'performance')).toBe(500_00); // 2,500 × 20%
    expect(line(b, 'meal')).toBe(300_00); // allowances are not scaled
  });

  it('pays thresholds at (atLeast) or strictly above (above) the bar, quarterly ones as a monthly third', () => {
    expect(line(run({ satisfaction: 0.95 }), 'quality-bonus')).toBe(600_00);
    expect(line(run({ satisfaction: 0.9499 }), 'quality-bonus')).toBeUndefined();
    expect(line(run({ kpi: 1.1 }), 'team-bonus')).toBeUndefined();
    expect(line(run({ kpi: 1.1001 }), 'team-bonus')).toBe(1000_00);
    expect(run({ kpi: 1 }).notes.map((n) => n.code)).toContain('not-earned');
  });

  it('pays night shifts per shift and keeps them out of minimum-wage pay', () => {
    const b = run({ nightShifts: 8 });
    expect(line(b, 'night-shift')).toBe(8 * 75_00);
    expect(b.lines.find((l) => l.id === 'night-shift')!.countsTowardMinimumWage).toBe(false);
  });

  it('pays overtime on base / 174 at 150%, 200% and 300% (Labor Law Art. 44)', () => {
    // 5,000 / 174 × (10 × 1.5 + 4 × 2 + 2 × 3) = 5,000 × 29 / 174 = 833.333… -> 833.33
    const b = run({ overtime: 10, restDayOvertime: 4, holidayOvertime: 2 });
    expect(line(b, 'overtime')).toBe(833_33);
    expect(b.notes.some((n) => n.code === 'overtime-over-cap')).toBe(false);
    expect(run({ overtime: 37 }).notes.some((n) => n.code === 'overtime-over-cap')).toBe(true);
  });

  it('uses --base as given, without the city factor, and year-end months of that base', () => {
    const b = run({ city: 'b', base: 7000_00, yearEndMonths: 2 });
    expect(line(b, 'base')).toBe(7000_00);
    expect(b.yearEndBonus).toBe(14000_00);
  });

  it('reads year-end months at the percentile', () => {
    expect(run({ percentile: 0 }).yearEndBonus).toBe(4000_00); // 1 × 4,000
    expect(run({ percentile: 50 }).yearEndBonus).toBe(10000_00); // 2 × 5,000
  });

  it('sums the lines to the monthly gross', () => {
    const b = run({ nightShifts: 3, overtime: 5, satisfaction: 0.97, kpi: 1.2 });
    expect(b.monthly).toBe(b.lines.reduce((s, l) => s + l.amount, 0));
  });
});
