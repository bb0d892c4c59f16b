/** The library: the same objects as `--json`, synchronous, with the CLI's errors. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { todayIn } from '../src/cli/io.js';
import { cities, compare, CsPayError, estimate, gross, levels, net, platforms, rules } from '../src/index.js';
import { json } from './cli-support.js';

const TODAY = '2026-11-23'; // what cli-support's Io says today is
const at = { date: TODAY };

describe('library', () => {
  it('STA example: the first three months withhold 555, 625 and 1,850', () => {
    const r = net({ gross: 30000, insurance: 4500, deduction: 2000 });
    expect(r.months.slice(0, 3).map((x) => x.tax)).toEqual([555, 625, 1850]);
    expect(r.schemaVersion).toBe(1);
  });

  it('bad input throws a CsPayError with the exit code the CLI uses', () => {
    const fail = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as CsPayError;
      }
      throw new Error('no error');
    };
    const e = fail(() => net({ gross: -5, city: 'hangzhou' }));
    expect(e).toBeInstanceOf(CsPayError);
    expect(e.exitCode).toBe(2);
    expect(e.code).toBe('bad-input');
    expect(e.message).toMatch(/--gross must be more than zero/);
    // @ts-expect-error a misspelt city fails to compile, and at run time says what it is near
    expect(fail(() => net({ gross: 12000, city: 'shangai' })).hint).toMatch(/Did you mean shanghai/);
    expect(fail(() => net({ gross: 12000, citi: 'hangzhou' } as never)).message).toBe("Unknown option 'citi' in the net options.");
    expect(fail(() => estimate({ city: 'hangzhou', level: 'senior', lang: 'fr' } as never)).exitCode).toBe(2);
    expect(fail(() => net({ gross: 10000, city: 'hangzhou', date: '2018-06-01' })).exitCode).toBe(4);
    expect(fail(() => estimate({ city: 'hangzhou', level: 'senior' }, { model: 'levels: [' })).exitCode).toBe(3);
  });

  it('each function returns what its command prints with --json, for the same input and date', async () => {
    expect(estimate({ city: 'hangzhou', level: 'senior', platform: '1688', satisfaction: 96, nightShifts: 4 }, at))
      .toStrictEqual(await json(['estimate', '--city', 'hangzhou', '--level', 'senior', '--platform', '1688', '--satisfaction', '96', '--night-shifts', '4']));
    expect(net({ gross: 12000, city: 'shanghai', from: ['7:gross=14000'], in: ['11:extra=5000'], lang: 'zh' }, at))
      .toStrictEqual(await json(['net', '--gross', '12000', '--city', 'shanghai', '--from', '7:gross=14000', '--in', '11:extra=5000', '--lang', 'zh']));
    expect(net({ gross: 10000, city: 'hangzhou', job: ['7:city=beijing,gross=13000'] }, at))
      .toStrictEqual(await json(['net', '--gross', '10000', '--city', 'hangzhou', '--job', '7:city=beijing,gross=13000']));
    expect(gross({ net: 9000, city: 'beijing' }, at)).toStrictEqual(await json(['gross', '--net', '9000', '--city', 'beijing']));
    expect(compare({ a: 'city=hangzhou,level=senior', b: 'gross=12000,city=beijing', bonus: 20000 }, at))
      .toStrictEqual(await json(['compare', 'city=hangzhou,level=senior', 'gross=12000,city=beijing', '--bonus', '20000']));
    expect(cities()).toStrictEqual(await json(['cities']));
    expect(levels()).toStrictEqual(await json(['levels']));
    expect(platforms()).toStrictEqual(await json(['platforms']));
    expect(rules({ city: '上海' }, at)).toStrictEqual(await json(['rules', '--city', '上海']));
  });

  it('changes by month as objects, as batch lines and offer files give them', () => {
    const strings = net({ gross: 12000, city: 'shanghai', from: ['7:gross=14000'], in: '11:extra=5000' }, at);
    const objects = net({ gross: 12000, city: 'shanghai', from: { 7: { gross: 14000 } }, in: [{ month: 11, extra: 5000 }] }, at);
    expect(objects.months).toStrictEqual(strings.months);
    expect(objects.annual).toStrictEqual(strings.annual);
    const job = net({ gross: 10000, city: 'hangzhou', job: '7:city=beijing,gross=13000' }, at);
    const jobs = net({ gross: 10000, city: 'hangzhou', jobs: [{ month: 7, city: 'beijing', gross: 13000 }] }, at);
    expect(jobs.months).toStrictEqual(job.months);
    expect(jobs.reconciliation).toStrictEqual(job.reconciliation);
  });

  it('compare takes offers as objects, with the offer-file keys', () => {
    const c = compare({ a: { city: 'wuhan', level: 'junior', name: 'Wuhan' }, b: { city: 'shanghai', gross: 9000, probationMonths: 3, probationPayPercent: 80 } }, at);
    expect(c.offers.map((o) => o.name)).toEqual(['Wuhan', 'B']);
    expect(c.offers[1].firstYearNet).toBeLessThan(c.offers[1].annual.net);
    expect(c.delta.annualNet).toBeCloseTo(c.offers[1].annual.net - c.offers[0].annual.net, 2);
    expect(() => compare({ a: 'offers/x.yaml', b: 'city=wuhan,level=junior' }, at)).toThrow(/not an inline spec/);
  });

  it('the date defaults to today in China; a custom model is YAML text', () => {
    expect(net({ gross: 10000, city: 'hangzhou' }).asOf).toBe(todayIn('Asia/Shanghai'));
    const text = readFileSync(new URL('../data/model/compensation.yaml', import.meta.url), 'utf8');
    const o = { city: 'chengdu', level: 'lead' } as const;
    expect(estimate(o, { ...at, model: text })).toStrictEqual(estimate(o, at));
  });

  it('a result is the caller’s own: changing it changes nothing else', () => {
    const a = estimate({ city: 'hangzhou', level: 'senior' }, at);
    a.lines[0].label = 'changed';
    a.lines.length = 0;
    expect(estimate({ city: 'hangzhou', level: 'senior' }, at).lines[0].label).not.toBe('changed');
    const c = cities();
    const n = c.cities.length;
    c.cities.pop();
    expect(cities().cities).toHaveLength(n);
  });
});
