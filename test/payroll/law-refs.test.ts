/**
 * Every figure in the law files points at a document: a URL, or a ref with a
 * document number or a named law's article, or it is an assumption that says
 * so and why. No figure cites our own notes. And in 2026 the cities whose
 * notices keep their figures in force (Beijing, Shanghai, Nanjing, Suzhou,
 * Wuhan) have every parameter in force, none past its stated period.
 *
 * Each check is a plain function returning the problems it finds, so the same
 * function is also run on a deliberately broken copy to show it can fail.
 */
import { describe, expect, test } from 'vitest';
import type { Law } from '../../src/model/law-schema.js';
import { valueAt, type Dated, type DatedEntry } from '../../src/model/lookup.js';
import { cloneLaw, loadLaw } from './law.js';

type Param = Dated<unknown>;

function isParam(node: unknown): node is Param {
  return (
    typeof node === 'object' &&
    node !== null &&
    typeof (node as Param).label === 'string' &&
    typeof (node as Param).unit === 'string' &&
    Array.isArray((node as Param).values)
  );
}

/** Every dated parameter under `node`, with its path (e.g. cities.beijing.socialBase). */
function params(node: unknown, path: string): [string, Param][] {
  if (isParam(node)) return [[path, node]];
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return [];
  return Object.entries(node).flatMap(([key, child]) => params(child, path ? `${path}.${key}` : key));
}

function entries(law: Law): [string, DatedEntry<unknown>][] {
  return [...params(law.tax, 'tax'), ...params(law.cities, 'cities')].flatMap(([path, p]) =>
    p.values.map((e, i): [string, DatedEntry<unknown>] => [`${path}.values[${i}] (${e.from})`, e]),
  );
}

/** Document numbers and article references a ref may carry. */
const DOCUMENT = [
  /〔\d{4}〕\d+号/u, // 京人社发〔2026〕7号
  /\d{4}年第\d+号/u, // 财政部 税务总局公告2023年第32号
  /\b\d{4} No\. \d+\b/u, // STA Announcement 2020 No. 19
  /令第\d+号/u, // 国务院令第844号
  /(?:Law|法|条例)[^;]{0,40}?\bArt\. \d+/u, // Labor Law Art. 44, 住房公积金管理条例 Art. 18
];

function hasDocument(e: DatedEntry<unknown>): boolean {
  if (e.url !== undefined) return true;
  if (DOCUMENT.some((re) => re.test(e.ref))) return true;
  // An assumption names itself and gives its reason (more than a word or two).
  return e.confidence === 'assumption' && /^assumption: .{20,}/u.test(e.ref);
}

/** Entries with no document reference. */
function missingDocuments(law: Law): string[] {
  return entries(law)
    .filter(([, e]) => !hasDocument(e))
    .map(([where, e]) => `${where}: ${e.ref}`);
}

/** An assumption says so at the start of its ref, and only an assumption does. */
function mislabelledAssumptions(law: Law): string[] {
  return entries(law)
    .filter(([, e]) => (e.confidence === 'assumption') !== e.ref.startsWith('assumption:'))
    .map(([where, e]) => `${where}: ${e.confidence}: ${e.ref}`);
}

const OWN_NOTES = /FACTS\.md|FACTS §|fact[ -]?sheet|law-2026|research sheet/iu;

/** Refs and notes that cite our own documents instead of the notice. */
function ownNotesCited(law: Law): string[] {
  return entries(law)
    .filter(([, e]) => OWN_NOTES.test(e.ref) || OWN_NOTES.test(e.note ?? '') || /\bvia\b/iu.test(e.ref))
    .map(([where, e]) => `${where}: ${e.ref} / ${e.note ?? ''}`);
}

function badUrls(law: Law): string[] {
  return entries(law)
    .filter(([, e]) => {
      if (e.url === undefined) return false;
      try {
        const u = new URL(e.url);
        return !(u.protocol === 'https:' || u.protocol === 'http:') || u.hostname === '';
      } catch {
        return true;
      }
    })
    .map(([where, e]) => `${where}: ${e.url}`);
}

const CONTINUING = ['beijing', 'shanghai', 'nanjing', 'suzhou', 'wuhan'] as const;
const FIRSTS_2026 = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}-01`);

/** Parameters of the five cities with no figure, or only a stale one, on a 1st of 2026. */
function gapsIn2026(law: Law): string[] {
  const problems: string[] = [];
  for (const id of CONTINUING) {
    for (const [path, param] of params(law.cities[id], `cities.${id}`)) {
      for (const date of FIRSTS_2026) {
        try {
          const r = valueAt(param, date, path);
          if (r.stale) problems.push(`${path} on ${date}: past its period (${r.from} to ${r.until})`);
        } catch {
          problems.push(`${path} on ${date}: no figure in force`);
        }
      }
    }
  }
  return problems;
}

const law = loadLaw();

describe('every law figure points at a document', () => {
  test('the walk finds the parameters of both files', () => {
    const found = entries(law).map(([where]) => where);
    expect(found.some((w) => w.startsWith('tax.reconciliationExemption.values[2]'))).toBe(true);
    expect(found.some((w) => w.startsWith('cities.shenzhen.medicalTiers.values[0]'))).toBe(true);
    expect(found.length).toBeGreaterThan(120);
  });

  test('each entry has a url, a document number or article, or is an assumption that says why', () => {
    expect(missingDocuments(law)).toEqual([]);
  });

  test('assumptions, and only assumptions, start their ref with "assumption:"', () => {
    expect(mislabelledAssumptions(law)).toEqual([]);
  });

  test('no ref or note cites our own notes', () => {
    expect(ownNotesCited(law)).toEqual([]);
  });

  test('urls are http or https', () => {
    expect(badUrls(law)).toEqual([]);
  });
});

describe('2026 has no gap and nothing stale where the notices carry on', () => {
  test('Beijing, Shanghai, Nanjing, Suzhou and Wuhan on the 1st of every month', () => {
    expect(gapsIn2026(law)).toEqual([]);
  });

  test('a figure whose stated period ran out, with nothing newer on file, is flagged', () => {
    // Read from the data: every parameter whose latest entry ends before a day is stale on it,
    // and one that has no end never is (Zhejiang's 2025 limits, Guangdong's 2025-07 pension year, …).
    const day = '2026-12-01';
    const ran = params(law.cities, 'cities').filter(([, p]) => p.values.at(-1)!.until !== undefined && p.values.at(-1)!.until! < day);
    expect(ran.length).toBeGreaterThan(0);
    for (const [path, p] of ran) expect(valueAt(p, day, path).stale, path).toBe(true);
    const open = params(law.cities, 'cities').filter(([, p]) => p.values.at(-1)!.until === undefined && p.values[0].from <= day);
    for (const [path, p] of open) expect(valueAt(p, day, path).stale, path).toBe(false);
  });
});

describe('the checks catch a broken copy', () => {
  test('a ref with neither number nor url', () => {
    const broken = cloneLaw(law);
    const entry = broken.cities.beijing.socialBase.values[1];
    entry.ref = 'Beijing social-insurance base notice';
    delete entry.url;
    expect(missingDocuments(broken)).toEqual(['cities.beijing.socialBase.values[1] (2025-07-01): Beijing social-insurance base notice']);
  });

  test('an assumption that gives no reason, and a guess not tagged as one', () => {
    const broken = cloneLaw(law);
    const assumed = broken.cities.beijing.housingFundDefaultRate.values[0];
    assumed.ref = 'assumption: 5%';
    expect(missingDocuments(broken)).toHaveLength(1);
    const untagged = broken.cities.wuhan.housingFundBase.values[0];
    untagged.confidence = 'secondary';
    expect(mislabelledAssumptions(broken)).toHaveLength(1);
  });

  test('a ref or note citing our own notes', () => {
    const broken = cloneLaw(law);
    broken.cities.shanghai.socialBase.values[1].ref = 'Shanghai 2025 base, via FACTS.md §4';
    broken.tax.basicDeduction.values[0].note = 'See the fact sheet.';
    expect(ownNotesCited(broken)).toHaveLength(2);
  });

  test('a url that is not http or https', () => {
    const broken = cloneLaw(law);
    broken.cities.nanjing.socialBase.values[1].url = 'ftp://jshrss.jiangsu.gov.cn/notice.html';
    expect(badUrls(broken)).toEqual(['cities.nanjing.socialBase.values[1] (2025-01-01): ftp://jshrss.jiangsu.gov.cn/notice.html']);
  });

  test('a period that ends mid-2026 with nothing after it, and a missing year', () => {
    const broken = cloneLaw(law);
    // Drop Beijing's limits from 2026-07 on: July to December fall past 2026-06-30.
    broken.cities.beijing.socialBase.values = broken.cities.beijing.socialBase.values.filter((v) => v.from < '2026-07-01');
    // Start Wuhan's minimum wage in March 2026: January and February have none.
    broken.cities.wuhan.minimumWage.values = [{ ...broken.cities.wuhan.minimumWage.values[1], from: '2026-03-01' }];
    const problems = gapsIn2026(broken);
    expect(problems.filter((p) => p.startsWith('cities.beijing.socialBase'))).toHaveLength(6);
    expect(problems.filter((p) => p.startsWith('cities.wuhan.minimumWage'))).toEqual([
      'cities.wuhan.minimumWage on 2026-01-01: no figure in force',
      'cities.wuhan.minimumWage on 2026-02-01: no figure in force',
    ]);
  });
});
