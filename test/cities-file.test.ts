/**
 * Cities from a file (--cities, batch lines, offer files, the library): a made-up city
 * computes through every payroll command, a broken file is refused with file:line:col
 * (exit 3), and a built-in city's block printed by `rules --format yaml` and read back
 * gives the same answers as the built-in city.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cities as libCities, net as libNet } from '../src/index.js';
import { cli, json } from './cli-support.js';
import { builtinCityIds, readData } from './support.js';

const FILE = fileURLToPath(new URL('./fixtures/testville-cities.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cs-pay-cities-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a made-up city from a file', () => {
  it('net: the arithmetic of its own figures, marked as from the file', async () => {
    const j = await json(['net', '--gross', '9000', '--city', 'testville', '--cities', FILE, '--date', '2026-03-01']);
    // Base 9,000 (inside 4,000–20,000; housing fund inside 2,000–30,000).
    // Employee: 9,000 × 8% = 720; × 2% = 180; × 0.5% = 45; long-term care × 0.1% = 9; housing fund × 5% = 450. Total 1,404.
    // Employer: × 16% = 1,440; × 8% = 720; × 0.5% = 45; injury × 0.2% = 18; long-term care 9; housing fund 450. Total 2,682.
    expect(j.insurance.employee).toEqual({ pension: 720, medical: 180, unemployment: 45, longTermCare: 9, housingFund: 450, total: 1404 });
    expect(j.insurance.employer).toEqual({ pension: 1440, medical: 720, unemployment: 45, injury: 18, longTermCare: 9, housingFund: 450, total: 2682 });
    const cityRules = j.rules.filter((r: { id: string }) => r.id.startsWith('cities.'));
    expect(cityRules.length).toBeGreaterThan(0);
    for (const r of cityRules) expect(r.source).toBe('file');
    expect(j.rules.filter((r: { id: string }) => r.id.startsWith('tax.')).every((r: { source?: string }) => r.source === undefined)).toBe(true);
    expect(j.notes.map((n: { code: string }) => n.code)).toContain('city-from-file');
  });

  it('estimate (the model reads an unnamed city at its "others" class, and says so), by its alias too', async () => {
    const j = await json(['estimate', '--city', 'tv', '--level', 'junior', '--cities', FILE, '--date', '2026-03-01']);
    expect(j.input.city).toBe('testville');
    expect(j.notes.map((n: { code: string }) => n.code)).toEqual(expect.arrayContaining(['city-class-assumed', 'city-from-file']));
  });

  it('compare and batch', async () => {
    const c = await json(['compare', 'city=testville,gross=9000', 'city=hangzhou,gross=9000', '--cities', FILE, '--date', '2026-03-01']);
    expect(c.offers[0].insurance.employee.total).toBe(1404);
    const line = (o: object) => JSON.stringify({ command: 'net', gross: 9000, date: '2026-03-01', ...o });
    const r = await cli(['batch', '-'], { stdin: [line({ city: 'testville', cities: FILE }), line({ city: 'testville' })].join('\n') });
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out[0].insurance.employee.total).toBe(1404);
    expect(out[1].error.message).toMatch(/^Unknown city 'testville'/);
    expect(r.code).toBe(2);
  });

  it('an offer file names its cities file beside it', async () => {
    const offer = join(dir, 'offer.yaml');
    writeFileSync(join(dir, 'c.yaml'), readData('../test/fixtures/testville-cities.yaml'));
    writeFileSync(offer, 'name: Testville\ncity: testville\ngross: 9000\ncities: c.yaml\n');
    const c = await json(['compare', offer, 'city=hangzhou,gross=9000', '--date', '2026-03-01']);
    expect(c.offers[0].insurance.employee.total).toBe(1404);
  });

  it('the library takes a path or the parsed object', () => {
    const object = parse(readData('../test/fixtures/testville-cities.yaml'));
    const byPath = libNet({ gross: 9000, city: 'testville', cities: FILE, date: '2026-03-01' });
    const byObject = libNet({ gross: 9000, city: 'testville', cities: object, date: '2026-03-01' });
    expect(byPath.insurance.employee.total).toBe(1404);
    expect(byObject.insurance).toEqual(byPath.insurance);
    expect(() => libNet({ gross: 9000, city: 'testville', cities: { testville: { name: 'x' } }, date: '2026-03-01' })).toThrow(/^cities: testville\.nameZh: required key is missing\.$/);
  });
});

describe('a broken cities file', () => {
  it.each([
    ['an unknown key', (t: string) => t.replace('medical: 0.08,', 'medcal: 0.08,'), /^cs-pay: broken\.yaml:\d+:\d+: testville\.employerRates\.values\[0\]\.value\.medcal: unknown key 'medcal' \(did you mean medical\?\)\.$/m],
    ['a floor above the ceiling', (t: string) => t.replace('floor: 4000, ceiling: 20000', 'floor: 40000, ceiling: 20000'), /^cs-pay: broken\.yaml:\d+:\d+: testville\.socialBase\.values\[0\]\.value\.floor: floor is above ceiling\.$/m],
    ['YAML that does not parse', (t: string) => `${t}\n  bad: [\n`, /^cs-pay: broken\.yaml:\d+:\d+: YAML syntax error/m],
    ['an id that is not one', (t: string) => t.replace(/^testville:/m, 'Test_ville:'), /^cs-pay: broken\.yaml:\d+:\d+: Test_ville: city ids are lower-case/m],
  ])('%s: exit 3, file:line:col, one sentence and no stack', async (_what, edit, message) => {
    const r = await cli(['net', '--gross', '9000', '--city', 'testville', '--cities', 'broken.yaml'], { files: { 'broken.yaml': edit(readData('../test/fixtures/testville-cities.yaml')) } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('rules --format yaml read back through --cities', () => {
  const block = join(dir, 'hangzhou.yaml');
  const strip = ({ rules: _r, notes: _n, ...rest }: Record<string, unknown>) => rest;

  it('prints the city block, which validates', async () => {
    const r = await cli(['rules', '--city', '杭州', '--format', 'yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Hangzhou: /);
    expect(Object.keys(parse(r.stdout))).toEqual(['hangzhou']);
    writeFileSync(block, r.stdout);
  });

  it.each([['2026-03-01', '3000'], ['2026-03-01', '9000'], ['2026-03-01', '30000'], ['2026-12-01', '3000'], ['2026-12-01', '9000'], ['2026-12-01', '30000']])(
    'Hangzhou on %s at %s: the same answer from the file as built in', async (date, gross) => {
      const own = await json(['net', '--gross', gross, '--city', 'hangzhou', '--date', date]);
      const read = await json(['net', '--gross', gross, '--city', 'hangzhou', '--date', date, '--cities', block]);
      expect(strip(read)).toEqual(strip(own));
      expect(read.rules.map((r: { id: string; value: unknown }) => [r.id, r.value])).toEqual(own.rules.map((r: { id: string; value: unknown }) => [r.id, r.value]));
      expect(read.notes.map((n: { code: string }) => n.code)).toContain('city-from-file');
      const est = await json(['estimate', '--level', 'senior', '--city', 'hangzhou', '--date', date]);
      expect(strip(await json(['estimate', '--level', 'senior', '--city', 'hangzhou', '--date', date, '--cities', block]))).toEqual(strip(est));
    });
});

describe('cs-pay cities', () => {
  it('lists every city of the data with province, rent tier, covered period and flags', async () => {
    const j = await json(['cities']);
    expect(j.cities.map((c: { id: string }) => c.id)).toEqual(builtinCityIds());
    for (const c of j.cities) {
      expect(c.province, c.id).toMatch(/^[A-Z][a-z]+$/);
      expect(c.provinceZh, c.id).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(['major', 'large', 'other']).toContain(c.rentTier);
      expect(c.coveredFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(c.coveredUntil === null || c.coveredUntil >= c.coveredFrom).toBe(true);
      expect(c.flags.every((f: string) => ['stale', 'estimated', 'file'].includes(f))).toBe(true);
    }
    expect(libCities({ date: '2026-11-23' })).toEqual(j);
  });

  it('a city from a file is flagged; the table and CSV speak Chinese with --lang zh', async () => {
    const j = await json(['cities', '--cities', FILE]);
    expect(j.cities.at(-1)).toMatchObject({ id: 'testville', province: 'Nowhere', rentTier: 'other', coveredFrom: '2026-01-01', coveredUntil: null, flags: ['estimated', 'file'] });
    const zh = await cli(['cities', '--lang', 'zh', '--cities', FILE], { env: { COLUMNS: '200' } });
    expect(zh.stdout).toMatch(/省份/);
    expect(zh.stdout).toMatch(/测试市.*无名省.*其他城市.*至今.*含估计、来自文件/);
    const csv = await cli(['cities', '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe('id,en,zh,province,provinceZh,rentTier,coveredFrom,coveredUntil,flags');
  });
});
