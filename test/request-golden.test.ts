/**
 * Runs the YAML golden cases in test/golden/requests through the library, so the
 * request layer (option keys, month changes, jobs and their terms, the model) is
 * part of what they check. Expected figures are the law's arithmetic written in
 * each file's comments; `noteCodes` is the exact list of the result's note codes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { compare, CsPayError, estimate, gross, net } from '../src/index.js';
import { parseYaml } from '../src/model/load-yaml.js';

const CaseSchema = z.strictObject({
  name: z.string().regex(/^Case \d+, .+\.$/, 'name must read "Case N, claim."'),
  command: z.enum(['estimate', 'net', 'gross', 'compare']),
  options: z.record(z.string(), z.unknown()),
  expect: z.record(z.string(), z.unknown()),
});
const FileSchema = z.strictObject({ cases: z.array(CaseSchema).min(1) });
const RUN = { estimate, net, gross, compare } as const;

const dir = new URL('golden/requests/', import.meta.url);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  const { cases } = parseYaml(readFileSync(new URL(file, dir), 'utf8'), `test/golden/requests/${file}`, FileSchema);
  describe(file, () => {
    test('case numbers are unique', () => {
      const numbers = cases.map((c) => /^Case (\d+),/.exec(c.name)![1]);
      expect(new Set(numbers).size).toBe(numbers.length);
    });
    for (const c of cases) {
      test(c.name, () => {
        const { error, noteCodes, ...want } = c.expect as { error?: { exitCode: number; message: string }; noteCodes?: string[] };
        const call = () => (RUN[c.command] as (o: unknown) => Record<string, unknown>)(c.options);
        if (error) {
          let caught: unknown;
          try {
            call();
          } catch (e) {
            caught = e;
          }
          expect(caught).toBeInstanceOf(CsPayError);
          expect((caught as CsPayError).exitCode).toBe(error.exitCode);
          expect((caught as CsPayError).message).toContain(error.message);
          return;
        }
        const got = call();
        const months = (want as { months?: Record<string, object> }).months;
        const { months: _, ...rest } = want as Record<string, unknown>;
        for (const [month, fields] of Object.entries(months ?? {})) {
          expect((got.months as object[])[Number(month) - 1], `month ${month}`).toMatchObject(fields);
        }
        expect(got).toMatchObject(rest);
        if (noteCodes) expect((got.notes as { code: string }[]).map((n) => n.code)).toEqual(noteCodes);
      });
    }
  });
}
