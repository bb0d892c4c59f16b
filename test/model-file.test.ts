/** A broken model file is one ModelError naming the file, line, column and key path. */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../src/errors.js';
import { loadCities, loadModel } from '../src/model/load-data.js';
import { readData } from './support.js';

const cities = loadCities(readData('cities.yaml'), 'data/cities.yaml');
const good = readData('model/compensation.yaml');

function errorOf(text: string): ModelError {
  try {
    loadModel(text, 'my-model.yaml', cities);
  } catch (e) {
    if (e instanceof ModelError) return e;
    throw e;
  }
  throw new Error('expected a ModelError');
}

/** Line (1-based) of the first occurrence of `needle` in the built-in model, after `after`. */
const lineOf = (text: string, needle: string, after = '') => text.slice(0, text.indexOf(needle, text.indexOf(after))).split('\n').length;

describe('model file errors', () => {
  it('the built-in model is valid', () => {
    expect(() => loadModel(good, 'data/model/compensation.yaml', cities)).not.toThrow();
  });

  it('an unknown key names file, line, column and key path', () => {
    const text = good.replace('  alibaba:\n    label:', '  alibaba:\n    lable: x\n    label:');
    const e = errorOf(text);
    expect(e.exitCode).toBe(3);
    expect(e.message).toBe(`my-model.yaml:${lineOf(text, 'lable')}:5: platforms.alibaba.lable: unknown key 'lable' (did you mean label?).`);
  });

  it('a wrong type names the key', () => {
    const text = good.replace('factor: 0.83', 'factor: high');
    expect(errorOf(text).message).toMatch(new RegExp(`^my-model.yaml:${lineOf(text, 'factor: high')}:\\d+: platforms\\.alibaba\\.cityClasses\\.new-tier-1\\.factor: expected number`));
  });

  it('a range whose low is above its high', () => {
    const text = good.replace('base: { low: 4100, high: 5800', 'base: { low: 5900, high: 5800');
    expect(errorOf(text).message).toMatch(/^my-model.yaml:\d+:\d+: platforms\.alibaba\.levels\.junior\.base: low is above high\.$/);
  });

  it('a source that is neither a seed, a derivation nor an assumption', () => {
    const text = good.replace('source: "assumption: seed-000 lists 餐补', 'source: "I think so: seed-000 lists 餐补');
    expect(errorOf(text).message).toMatch(/platforms\.generic\.components\[1\]\.source: source must be a seed id/);
  });

  it('an unknown city in a class, with the valid cities', () => {
    const text = good.replace('cities: [wuhan, xian]\n        others: true\n        source: "derived: 0.81 / 1.21', 'cities: [wuhan, xain]\n        others: true\n        source: "derived: 0.81 / 1.21');
    expect(errorOf(text).message).toMatch(/platforms\.alibaba\.cityClasses\.tier-2\.cities\[1\]: unknown city 'xain'; cities: beijing/);
  });

  it('a platform extending an unknown platform', () => {
    expect(errorOf(good.replace('extends: generic', 'extends: generik')).message).toMatch(/platforms\.tmall-logistics\.extends: unknown platform 'generik'/);
  });

  it('a YAML syntax error points at the line', () => {
    expect(errorOf('schemaVersion: 1\nlevels: [junior\n').message).toMatch(/^my-model.yaml:\d+:\d+: YAML syntax error/);
  });

  it('a duplicate key is an error, not a silent overwrite', () => {
    expect(errorOf(good.replace('schemaVersion: 1', 'schemaVersion: 1\nschemaVersion: 1')).message).toMatch(/YAML syntax error/);
  });
});
