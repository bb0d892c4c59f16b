/**
 * Files that explain themselves to editors, and a library that brings little:
 * the JSON Schemas in data/schema/ are the checking schemas' own (no drift), every
 * key of an offer is described, shipped files name their schema; and a runtime
 * install holds only what the library uses.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modelJsonSchema, offerJsonSchema } from '../src/json-schemas.js';
import { loadBuiltinModel } from './support.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (rel: string) => readFileSync(join(root, rel), 'utf8');

describe('JSON Schemas', () => {
  it('data/schema/ holds the schemas the files are checked with', () => {
    expect(JSON.parse(read('data/schema/offer.schema.json'))).toEqual(JSON.parse(JSON.stringify(offerJsonSchema())));
    const model = loadBuiltinModel();
    expect(JSON.parse(read('data/schema/model.schema.json'))).toEqual(JSON.parse(JSON.stringify(modelJsonSchema(Object.keys(model.cities)))));
  });

  it('every key of an offer file has a description', () => {
    const offer = JSON.parse(read('data/schema/offer.schema.json'));
    const missing = Object.entries(offer.properties as Record<string, { description?: string }>).filter(([, p]) => !p.description).map(([k]) => k);
    expect(missing).toEqual([]);
  });

  it('the model schema describes its top-level keys', () => {
    const model = JSON.parse(read('data/schema/model.schema.json'));
    for (const key of ['schemaVersion', 'asOf', 'sources', 'levels', 'defaults', 'platforms']) expect(model.properties[key].description, key).toBeTruthy();
  });

  it('shipped offer and model files name their schema, which exists', () => {
    const files = [...readdirSync(join(root, 'data/offers')).map((f) => `data/offers/${f}`), 'data/model/compensation.yaml'];
    for (const file of files) {
      const first = read(file).split('\n')[0];
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, file).not.toBeNull();
      expect(existsSync(join(root, dirname(file), m![1])), file).toBe(true);
    }
  });
});

it('a runtime install holds at most 20 packages', () => {
  const out = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8' });
  const packages = out.stdout.trim().split('\n').filter(Boolean).slice(1);
  expect(packages.length).toBeGreaterThan(0);
  expect(packages.length).toBeLessThanOrEqual(20);
  const pkg = JSON.parse(read('package.json'));
  expect(pkg.files).toContain('data');
});
