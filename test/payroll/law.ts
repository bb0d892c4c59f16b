/** The real law files, parsed the way the CLI's build parses them. */
import { readFileSync } from 'node:fs';
import { LawSchema, type Law } from '../../src/model/law-schema.js';
import { parseYaml } from '../../src/model/load-yaml.js';

export const read = (rel: string): string => readFileSync(new URL(`../../${rel}`, import.meta.url), 'utf8');

export function loadLaw(): Law {
  return {
    tax: parseYaml(read('data/law/tax.yaml'), 'data/law/tax.yaml', LawSchema.shape.tax),
    cities: parseYaml(read('data/law/cities.yaml'), 'data/law/cities.yaml', LawSchema.shape.cities),
  };
}

/** A deep copy to edit in a test without touching the shared one. */
export function cloneLaw(law: Law): Law {
  return structuredClone(law);
}
