/**
 * Runs the YAML golden cases in test/golden/payroll. Each case gives a payroll
 * input in yuan and the figures the law's arithmetic (written in the file's
 * comments) says it must produce; the runner only converts yuan to fen.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { CsPayError } from '../../src/errors.js';
import { parseYaml } from '../../src/model/load-yaml.js';
import { yuanToFen } from '../../src/money.js';
import { payrollToJson } from '../../src/payroll/json.js';
import { computePayroll, type PayrollInput } from '../../src/payroll/payroll.js';
import { loadLaw, read } from './law.js';

const Partial = z.record(z.string(), z.unknown());
const CaseSchema = z.strictObject({
  name: z.string().regex(/^Case \d+, .+\.$/, 'name must read "Case N, claim."'),
  input: Partial,
  expect: z.strictObject({
    insurance: Partial.optional(),
    months: z.record(z.string().regex(/^([1-9]|1[0-2])$/), Partial).optional(),
    annual: Partial.optional(),
    takeHome: Partial.optional(),
    bonusComparison: Partial.optional(),
    reconciliation: Partial.optional(),
    /** The exact set of warning codes. */
    warnings: z.array(z.string()).optional(),
    /** Text each expected somewhere in the warnings. */
    messages: z.array(z.string()).optional(),
    error: z.strictObject({ exitCode: z.number(), message: z.string() }).optional(),
  }),
});
const FileSchema = z.strictObject({ cases: z.array(CaseSchema).min(1) });

const MONEY = [
  'wages', 'extra', 'dailyBase', 'taxFree', 'minimumWagePay', 'contributionPay', 'socialBase', 'insurance', 'deduction',
  'healthInsurance', 'bonus', 'privatePension', 'earlierIncome', 'earlierTax', 'earlierInsurance',
];
function toFen(yaml: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...yaml };
  for (const key of MONEY) if (typeof out[key] === 'number') out[key] = yuanToFen(out[key] as number);
  return out;
}
/** Amounts in yuan, also inside `changes: [{ kind, month, values }]`. */
function toInput(yaml: Record<string, unknown>): PayrollInput {
  const input = toFen(yaml);
  if (Array.isArray(input.changes)) {
    input.changes = input.changes.map((c: Record<string, unknown>) => ({ ...c, values: toFen(c.values as Record<string, unknown>) }));
  }
  return input as unknown as PayrollInput;
}

const dir = 'test/golden/payroll';
const files = readdirSync(new URL(`../../${dir}`, import.meta.url)).filter((f) => f.endsWith('.yaml')).sort();
const law = loadLaw();
const seen = new Set<string>();

test('golden files exist and case numbers are unique', () => {
  expect(files.length).toBeGreaterThanOrEqual(6);
  const numbers = files.flatMap((f) =>
    parseYaml(read(`${dir}/${f}`), `${dir}/${f}`, FileSchema).cases.map((c) => /^Case (\d+),/.exec(c.name)![1]),
  );
  expect(new Set(numbers).size).toBe(numbers.length);
});

for (const file of files) {
  const { cases } = parseYaml(read(`${dir}/${file}`), `${dir}/${file}`, FileSchema);
  describe(file, () => {
    for (const c of cases) {
      seen.add(c.name);
      test(c.name, () => {
        const input = toInput(c.input);
        const want = c.expect;
        if (want.error) {
          let caught: unknown;
          try {
            computePayroll(input, law);
          } catch (err) {
            caught = err;
          }
          expect(caught).toBeInstanceOf(CsPayError);
          expect((caught as CsPayError).exitCode).toBe(want.error.exitCode);
          expect((caught as CsPayError).message).toContain(want.error.message);
          return;
        }
        const got = payrollToJson(computePayroll(input, law));
        if (want.insurance) expect(got.insurance).toMatchObject(want.insurance);
        for (const [month, fields] of Object.entries(want.months ?? {})) {
          expect(got.months[Number(month) - 1], `month ${month}`).toMatchObject(fields);
        }
        if (want.annual) expect(got.annual).toMatchObject(want.annual);
        if (want.takeHome) expect(got.takeHome).toMatchObject(want.takeHome);
        if (want.bonusComparison) expect(got.bonusComparison).toMatchObject(want.bonusComparison);
        if (want.reconciliation) expect(got.reconciliation).toMatchObject(want.reconciliation);
        if (want.warnings) expect(got.warnings.map((w) => w.code).sort()).toEqual([...want.warnings].sort());
        const text = got.warnings.map((w) => w.message).join('\n');
        for (const part of want.messages ?? []) expect(text).toContain(part);
      });
    }
  });
}
