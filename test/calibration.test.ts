/**
 * Calibration: the model against every numbered figure of FACTS.md §1.
 * Each test runs the model at the inputs the seed describes and checks that
 * percentile 50 falls inside the seed's range and percentiles 0 and 100 sit
 * near its ends (within NEAR, relative).
 *
 * Where seeds conflict: seed-000 calls Hangzhou tier-1 (with Beijing and
 * Shanghai); seed-001 puts it in new tier-1 with Chengdu. The alibaba platform
 * follows seed-000 (it is seed-000's employer); 1688 and generic follow seed-001,
 * whose classes carry base figures.
 */
import { describe, expect, it } from 'vitest';
import { estimatePay, type PayInput } from '../src/pay/estimate.js';
import { loadBuiltinModel, OVERTIME } from './support.js';

const model = loadBuiltinModel();
const NEAR = 0.1;

type Job = Omit<PayInput, 'percentile'>;
const at = (job: Job, percentile: number) => estimatePay(model, { ...job, percentile }, OVERTIME);
const monthly = (job: Job, p: number) => at(job, p).monthly / 100;
/** A year of the seed's sense: twelve months plus the year-end bonus. */
const annual = (job: Job, p: number) => {
  const b = at(job, p);
  return (b.monthly * 12 + b.yearEndBonus) / 100;
};
const base = (job: Job, p: number) => at(job, p).base / 100;

function expectCalibrated(figure: (job: Job, p: number) => number, jobs: Job[], low: number, high: number, { orHigher = false } = {}) {
  for (const job of jobs) {
    const mid = figure(job, 50);
    expect(mid, `${job.platform}/${job.level}/${job.city} p50`).toBeGreaterThanOrEqual(low);
    if (!orHigher) expect(mid, `${job.platform}/${job.level}/${job.city} p50`).toBeLessThanOrEqual(high);
  }
  const bottom = Math.min(...jobs.map((j) => figure(j, 0)));
  const top = Math.max(...jobs.map((j) => figure(j, 100)));
  expect(Math.abs(bottom - low) / low, `p0 ${bottom} near ${low}`).toBeLessThanOrEqual(NEAR);
  expect(Math.abs(top - high) / high, `p100 ${top} near ${high}`).toBeLessThanOrEqual(NEAR);
}

const job = (platform: string, level: string, city: string, extra: Partial<Job> = {}): Job => ({ platform, level, city, ...extra });

describe('seed-000: Alibaba after-sales monthly pay by level (tier-1: Hangzhou, Beijing, Shanghai)', () => {
  const cities = ['hangzhou', 'beijing', 'shanghai'];
  it('Figure 1, junior 5,000–9,000 a month', () => {
    expectCalibrated(monthly, cities.map((c) => job('alibaba', 'junior', c)), 5000, 9000);
  });
  it('Figure 2, senior and team lead 9,000–15,000 a month', () => {
    expectCalibrated(monthly, cities.flatMap((c) => [job('alibaba', 'senior', c), job('alibaba', 'lead', c)]), 9000, 15000);
  });
  it('Figure 3, management and the operations/training track 15,000–25,000 "or higher"', () => {
    const jobs = cities.flatMap((c) => ['supervisor', 'manager', 'operations'].map((l) => job('alibaba', l, c)));
    expectCalibrated(monthly, jobs, 15000, 25000, { orHigher: true });
  });
  it('Figure 4, tier-1 cities pay more than tier-2 cities, on every platform and level', () => {
    for (const [pid, platform] of Object.entries(model.platforms)) {
      for (const level of Object.keys(platform.levels)) {
        for (const high of ['beijing', 'shanghai']) {
          for (const low of ['wuhan', 'xian']) {
            expect(monthly(job(pid, level, high), 50), `${pid}/${level}: ${high} > ${low}`).toBeGreaterThan(monthly(job(pid, level, low), 50));
          }
        }
      }
    }
  });
  it('Hangzhou is tier-1 for alibaba (seed-000) but new tier-1 for 1688 (seed-001)', () => {
    expect(model.platforms.alibaba.cityClass.hangzhou.id).toBe(model.platforms.alibaba.cityClass.beijing.id);
    expect(model.platforms['1688'].cityClass.hangzhou.id).toBe(model.platforms['1688'].cityClass.chengdu.id);
    expect(model.platforms['1688'].cityClass.hangzhou.id).not.toBe(model.platforms['1688'].cityClass.beijing.id);
  });
});

describe('seed-001: 1688 customer service', () => {
  const frontline = ['junior', 'intermediate', 'senior'];
  const classes: [string, string[], number, number][] = [
    ['tier-1', ['beijing', 'shanghai'], 3500, 5000],
    ['new tier-1', ['hangzhou', 'chengdu'], 2800, 4200],
    ['tier-2/3', ['wuhan', 'xian'], 2200, 3500],
  ];
  for (const [name, cities, low, high] of classes) {
    it(`Figure 5, base pay in ${name} (${cities.join(', ')}) ${low}–${high}`, () => {
      // The seed gives one base range per class; the model spreads the frontline levels across it.
      expectCalibrated(base, cities.flatMap((c) => frontline.map((l) => job('1688', l, c))), low, high);
    });
  }
  it('Figure 6, 3–8 yuan per successful order', () => {
    const line = (p: number) => at(job('1688', 'senior', 'hangzhou', { orders: 100 }), p).lines.find((l) => l.id === 'order-commission')!;
    expect(line(0).amount).toBe(100 * 3 * 100);
    expect(line(100).amount).toBe(100 * 8 * 100);
  });
  it('Figure 7, satisfaction of 95% pays an extra 800–1,500; below 95% nothing', () => {
    const quality = (satisfaction: number, p: number) =>
      at(job('1688', 'junior', 'wuhan', { satisfaction }), p).lines.find((l) => l.id === 'quality-bonus')?.amount;
    expect(quality(0.95, 0)).toBe(800 * 100);
    expect(quality(0.95, 100)).toBe(1500 * 100);
    expect(quality(0.9499, 50)).toBeUndefined();
  });
  it('Figure 8, quarterly team KPI over 110% pays 3,000 a quarter (1,000 a month); exactly 110% does not', () => {
    const team = (kpi: number) => at(job('1688', 'senior', 'chengdu', { kpi }), 50).lines.find((l) => l.id === 'team-bonus')?.amount;
    expect(team(1.1)).toBeUndefined();
    expect(team(1.11)).toBe((3000 / 3) * 100);
  });
  it('Figure 9, base is usually more than 60% of pay (percentile 50, default inputs, every city)', () => {
    for (const city of Object.keys(model.cities)) {
      for (const level of frontline) {
        const b = at(job('1688', level, city), 50);
        expect(b.base / b.monthly, `${level} in ${city}`).toBeGreaterThan(0.6);
      }
    }
  });
  it('Figure 10, a Hangzhou senior can reach 80,000–120,000 a year including the year-end bonus', () => {
    // "可达": a senior who earns the quality bonus (≥95%) and whose team beats 110%.
    expectCalibrated(annual, [job('1688', 'senior', 'hangzhou', { satisfaction: 0.96, kpi: 1.15 })], 80000, 120000);
  });
});

describe('seed-003: after-sales customer service in China, a year (generic platform, reference class)', () => {
  const figures: [string, number, number][] = [
    ['junior', 40000, 60000],
    ['intermediate', 60000, 100000],
    ['senior', 100000, 150000],
  ];
  for (const [level, low, high] of figures) {
    it(`Figure 11, ${level} ${low}–${high} a year`, () => {
      expectCalibrated(annual, ['hangzhou', 'chengdu'].map((c) => job('generic', level, c)), low, high);
    });
  }
  it('tmall-logistics has no seed figures (seed-002) and follows generic', () => {
    expect(monthly(job('tmall-logistics', 'senior', 'hangzhou'), 50)).toBe(monthly(job('generic', 'senior', 'hangzhou'), 50));
  });
});

describe('every model figure is traceable', () => {
  it('every component, base and year-end range names a seed, a derivation or an assumption', () => {
    for (const platform of Object.values(model.platforms)) {
      for (const level of Object.values(platform.levels)) {
        for (const s of [level.base.source, level.yearEndMonths.source, ...level.components.map((c) => c.source)]) {
          expect(s).toMatch(/^(seed-\d{3}|derived: |assumption: )/);
        }
      }
    }
  });
});
