import { describe, expect, test } from 'vitest';
import { ModelError } from '../../src/errors.js';
import { CITY_IDS, LawSchema, parseLaw } from '../../src/model/law-schema.js';
import { parseYaml } from '../../src/model/load-yaml.js';
import { valueAt } from '../../src/model/dated.js';
import { loadDataDir } from '../../src/model/load-data.js';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLaw, read } from './law.js';

const taxText = read('data/law/tax.yaml');
const citiesText = read('data/law/cities.yaml');
const law = loadLaw();

/** Replace one exact piece of the real file (it must be there) and parse the result. */
function parseEdited(which: 'tax' | 'cities', from: string, to: string) {
  const text = which === 'tax' ? taxText : citiesText;
  expect(text).toContain(from);
  const edited = text.replace(from, to);
  return () => (which === 'tax' ? parseLaw(edited, citiesText) : parseLaw(taxText, edited));
}

describe('the law files', () => {
  test('parse, with every city of data/cities.yaml', () => {
    expect(Object.keys(law.cities).sort()).toEqual([...CITY_IDS].sort());
    expect(LawSchema.safeParse(law).success).toBe(true);
    expect(parseLaw(taxText, citiesText)).toEqual(law);
  });

  test('carry the facts the engine depends on', () => {
    const at = '2025-09-15';
    expect(law.cities.suzhou.rentTier).toBe('large');
    // Not a provincial capital, a municipality or a city under separate state planning (国发〔2018〕41号 Art. 17).
    expect(law.cities.suzhou.rentTier).not.toBe('major');
    for (const id of ['beijing', 'shanghai'] as const) {
      expect(valueAt(law.cities[id].minimumWage, at, id).value.excludesEmployeeContributions).toBe(true);
    }
    expect(valueAt(law.cities.guangzhou.housingFundBase, '2025-06-01', 'g').value.floor).toBe(2500);
    // Beijing's housing-fund floor is its minimum wage (FACTS.md §4).
    expect(valueAt(law.cities.beijing.housingFundBase, at, 'b').value.floor).toBe(valueAt(law.cities.beijing.minimumWage, at, 'b').value.amount);
    expect(law.tax.bonusTable.values.at(-1)!.until).toBe('2027-12-31');
    // No shared placeholder: these four cities once gave the same take-home to the fen.
    const four = (['hangzhou', 'chengdu', 'nanjing', 'suzhou'] as const).map((id) => {
      const rates = (p: { values: { from: string }[] }) => JSON.stringify(valueAt(p as never, '2026-08-01', id).value);
      const c = law.cities[id];
      return [rates(c.employeeRates), rates(c.employerRates), rates(c.housingFundBase), rates(c.socialBase)].join('|');
    });
    expect(new Set(four).size).toBe(4);
    // The default housing-fund rate is a choice cs-pay made, never presented as law.
    for (const id of CITY_IDS) {
      for (const entry of law.cities[id].housingFundDefaultRate.values) expect(entry.confidence, id).toBe('assumption');
    }
  });
});

describe('strict schemas fail loudly, with file:line:col', () => {
  test('an unknown key', () => {
    const run = parseEdited('tax', 'basicDeduction:\n  label:', 'basicDeduction:\n  lable: x\n  label:');
    expect(run).toThrow(ModelError);
    // The inserted key sits on the line after `basicDeduction:`, indented by two.
    const line = taxText.split('\n').indexOf('basicDeduction:') + 2;
    expect(run).toThrow(`data/law/tax.yaml:${line}:3: basicDeduction.lable: unknown key 'lable' (did you mean label?).`);
  });

  test('a base floor above its ceiling', () => {
    const run = parseEdited('cities', 'value: { floor: 7162, ceiling: 35811 }', 'value: { floor: 37162, ceiling: 35811 }');
    expect(run).toThrow(/cities\.yaml:\d+:\d+: beijing\.socialBase\.values\[1\]\.value\.floor: floor is above ceiling\./);
  });

  test('a rate range whose low is above its high', () => {
    const run = parseEdited('cities', 'value: { low: 0.05, high: 0.07 }', 'value: { low: 0.08, high: 0.07 }');
    expect(run).toThrow(/shanghai\.housingFundRates\.values\[0\]\.value\.low: low is above high/);
  });

  test('a mistyped quick deduction breaks the table', () => {
    const run = parseEdited('tax', '{ upTo: 300000, rate: 0.20, quickDeduction: 16920 }', '{ upTo: 300000, rate: 0.20, quickDeduction: 16290 }');
    expect(run).toThrow(/annualTable\.values\[0\]\.value\[2\]\.quickDeduction: quick deduction 16290 does not continue the table \(expected 16920\)/);
  });

  test('a bracket limit out of order', () => {
    const run = parseEdited('tax', '{ upTo: 144000, rate: 0.10', '{ upTo: 14400, rate: 0.10');
    expect(run).toThrow(/upTo 14400 is not above the previous 36000/);
  });

  test('a default housing-fund rate outside the range', () => {
    const shanghai = citiesText.indexOf('shanghai:');
    const at = citiesText.indexOf('value: 0.05\n', shanghai);
    const edited = citiesText.slice(0, at) + 'value: 0.08\n' + citiesText.slice(at + 'value: 0.05\n'.length);
    expect(() => parseLaw(taxText, edited)).toThrow(/shanghai\.housingFundDefaultRate\.values\[0\]\.value: default rate 0\.08 is outside the range 0\.05–0\.07/);
  });

  test('a city id that is not lower-case letters, digits and dashes', () => {
    expect(() => parseYaml(citiesText.replace(/^suzhou:/m, 'Su_zhou:'), 'cities.yaml', LawSchema.shape.cities)).toThrow(/Su_zhou: city ids are lower-case/);
  });

  test('a city with law and no names, or names and no law, stops the data from loading', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-pay-data-'));
    cpSync(fileURLToPath(new URL('../../data', import.meta.url)), dir, { recursive: true });
    writeFileSync(join(dir, 'law/cities.yaml'), citiesText.replace(/^suzhou:/m, 'soochow:'));
    expect(() => loadDataDir(dir)).toThrow(/names suzhou, with no entry in data\/law\/cities\.yaml\. data\/law\/cities\.yaml has soochow, with no entry in data\/cities\.yaml/);
    rmSync(dir, { recursive: true, force: true });
  });

  test('a rate above 100%', () => {
    const run = parseEdited('cities', 'pension: 0.16, medical: 0.098', 'pension: 16, medical: 0.098');
    expect(run).toThrow(/beijing\.employerRates\.values\[0\]\.value\.pension/);
  });
});
