import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { NoRuleError } from '../../src/errors.js';
import { datedSchema, DaySchema, valueAt, type Dated } from '../../src/model/dated.js';
import { parseYaml } from '../../src/model/load-yaml.js';

const base: Dated<number> = {
  label: 'basic deduction',
  unit: 'CNY/month',
  values: [
    { from: '2019-01-01', value: 5000, confidence: 'official', ref: 'IIT Law Art. 6' },
    { from: '2024-07-01', until: '2025-06-30', value: 6000, confidence: 'derived', ref: 'test', note: 'n' },
  ],
};

describe('valueAt', () => {
  test('takes the latest entry in force, with its provenance', () => {
    expect(valueAt(base, '2024-06-30', 'x')).toEqual({
      id: 'x', label: 'basic deduction', unit: 'CNY/month', value: 5000, from: '2019-01-01',
      confidence: 'official', ref: 'IIT Law Art. 6', stale: false,
    });
    expect(valueAt(base, '2024-07-01', 'x')).toMatchObject({ value: 6000, from: '2024-07-01', until: '2025-06-30', note: 'n', stale: false });
    expect(valueAt(base, '2025-06-30', 'x').stale).toBe(false);
  });

  test('a date past the last period is served the old value, marked stale', () => {
    expect(valueAt(base, '2025-07-01', 'x')).toMatchObject({ value: 6000, stale: true });
  });

  test('a gap before a newer entry is stale too', () => {
    const gap: Dated<number> = { ...base, values: [...base.values, { from: '2025-09-01', value: 7000, confidence: 'official', ref: 'r' }] };
    expect(valueAt(gap, '2025-08-01', 'x')).toMatchObject({ value: 6000, stale: true });
    expect(valueAt(gap, '2025-09-01', 'x')).toMatchObject({ value: 7000, stale: false });
  });

  test('before the first entry: NoRuleError saying when the rules start', () => {
    expect(() => valueAt(base, '2018-06-01', 'x')).toThrow(NoRuleError);
    expect(() => valueAt(base, '2018-06-01', 'x')).toThrow(
      "No rule for 'basic deduction' is in force on 2018-06-01: cs-pay's rules start on 2019-01-01.",
    );
    try {
      valueAt(base, '2018-12-31', 'x');
    } catch (err) {
      expect((err as NoRuleError).exitCode).toBe(4);
      expect((err as NoRuleError).hint).toContain('2019-01-01');
    }
  });
});

describe('datedSchema', () => {
  const Schema = z.strictObject({ p: datedSchema(z.number()) });
  const yaml = (values: string) => `p:\n  label: L\n  unit: U\n  values:\n${values}`;

  test('unquoted YAML dates stay YYYY-MM-DD strings', () => {
    const parsed = parseYaml(yaml('    - { from: 2019-01-01, until: 2019-12-31, value: 1, confidence: official, ref: r }\n'), 'f.yaml', Schema);
    expect(parsed.p.values[0].from).toBe('2019-01-01');
    expect(parsed.p.values[0].until).toBe('2019-12-31');
  });

  test('a Date from a YAML 1.1 loader is normalised to a day', () => {
    expect(DaySchema.parse(new Date('2019-01-01T00:00:00Z'))).toBe('2019-01-01');
    expect(DaySchema.safeParse('2019-02-30').success).toBe(false);
    expect(DaySchema.safeParse('2019-1-1').success).toBe(false);
  });

  test('entries out of date order fail, naming both dates', () => {
    const text = yaml('    - { from: 2020-01-01, value: 1, confidence: official, ref: r }\n    - { from: 2019-01-01, value: 2, confidence: official, ref: r }\n');
    expect(() => parseYaml(text, 'f.yaml', Schema)).toThrow(/f\.yaml:\d+:\d+: p\.values\[1\]\.from: values must be in date order: 2019-01-01 does not come after 2020-01-01/);
  });

  test('until before from fails', () => {
    const text = yaml('    - { from: 2020-01-01, until: 2019-12-31, value: 1, confidence: official, ref: r }\n');
    expect(() => parseYaml(text, 'f.yaml', Schema)).toThrow(/until is before from/);
  });

  test('an unknown key or confidence fails', () => {
    expect(() => parseYaml(yaml('    - { from: 2020-01-01, value: 1, confidence: official, ref: r, sorce: x }\n'), 'f.yaml', Schema)).toThrow(/unknown key 'sorce'/);
    expect(() => parseYaml(yaml('    - { from: 2020-01-01, value: 1, confidence: guess, ref: r }\n'), 'f.yaml', Schema)).toThrow(/confidence/);
  });
});
