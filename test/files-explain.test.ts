/**
 * Files that explain themselves and suggestions that help: an offer or model
 * file's mistakes named at file:line:col with a "did you mean", all of them by
 * `model validate`, in Chinese when asked; no unrelated suggestion.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-support.js';

const MODEL = readFileSync(new URL('../data/model/compensation.yaml', import.meta.url), 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** The built-in model with three mistakes: a misspelt top-level key, a misspelt nested key, a value of the wrong type. */
function threeMistakes(): string {
  return MODEL.replace(/^levels:/m, 'levles:').replace('factor: 1.21', 'factr: 1.21').replace(/value: 0\.9\d*\n/, 'value: "high"\n');
}

describe('offer files', () => {
  const files = { 'levle.yaml': 'name: x\ncity: hangzhou\nlevle: senior\n' };
  it('a misspelt key suggests the key it is near, at its line', async () => {
    const r = await cli(['compare', 'levle.yaml', 'city=hangzhou,gross=9000'], { files });
    expect(r.code).toBe(3);
    expect(r.stderr.split('\n')[0]).toBe("cs-pay: levle.yaml:3:1: levle: unknown key 'levle' (did you mean level?).");
  });
  it('says it in Chinese with --lang zh or LANG=zh_CN.UTF-8', async () => {
    for (const opts of [{ args: ['--lang', 'zh'], env: {} as Record<string, string> }, { args: [], env: { LANG: 'zh_CN.UTF-8' } }]) {
      const r = await cli(['compare', 'levle.yaml', 'city=hangzhou,gross=9000', ...opts.args], { files, env: opts.env });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/^cs-pay: levle\.yaml:3:1: levle:未知的键 'levle'\(是不是想写 level\?\)。/);
      expect(r.stderr).toMatch(/请修改报价文件/);
      expect(r.stderr).not.toMatch(/unknown key|Fix the/);
    }
  });
});

describe('model files', () => {
  it('model validate lists every mistake, each at file:line:col, then exits 3', async () => {
    const text = threeMistakes();
    const r = await cli(['model', 'validate', 'm.yaml'], { files: { 'm.yaml': text } });
    expect(r.code).toBe(3);
    const lines = r.stderr.trim().split('\n').filter((l) => l.startsWith('cs-pay: m.yaml:'));
    expect(lines).toHaveLength(3);
    expect(lines).toContain(`cs-pay: m.yaml:${lineOf(text, 'levles:')}:1: levles: unknown key 'levles' (did you mean levels?).`);
    expect(lines.some((l) => /: platforms\.generic\.cityClasses\.tier-1\.factr: unknown key 'factr' \(did you mean factor\?\)\.$/.test(l))).toBe(true);
    expect(lines.some((l) => new RegExp(`^cs-pay: m\\.yaml:${lineOf(text, 'value: "high"')}:\\d+: defaults\\.satisfaction\\.value: `).test(l))).toBe(true);
  });
  it('a command that loads a broken model names its first mistake in one sentence', async () => {
    const r = await cli(['estimate', '--city', 'hangzhou', '--level', 'senior', '--model', 'm.yaml'], { files: { 'm.yaml': threeMistakes() } });
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
  });
  it('model validate speaks Chinese when asked', async () => {
    const r = await cli(['model', 'validate', 'm.yaml', '--lang', 'zh'], { files: { 'm.yaml': threeMistakes() } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/levles:未知的键 'levles'\(是不是想写 levels\?\)/);
    expect(r.stderr).not.toMatch(/unknown key|expected|Fix the/);
  });
});

describe('suggestions', () => {
  it('an option of another command is named as such, not as a typo (net --base)', async () => {
    const r = await cli(['net', '--gross', '9000', '--city', 'hangzhou', '--base', '100']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/--date/);
    expect(r.stderr).toMatch(/--base is an option of estimate/);
  });
  it('a short value suggests only what starts the same (--lang zn → zh)', async () => {
    const r = await cli(['net', '--gross', '9000', '--city', 'hangzhou', '--lang', 'zn']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Did you mean zh\?/);
  });
  it('an inline offer suggests the key a short word begins, in the spelling written there', async () => {
    const r = await cli(['compare', 'city=hangzhou,gross=9000,probation=3', 'city=hangzhou,gross=9000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Did you mean probation-months\?/);
    expect(r.stderr).toMatch(/night-shifts/);
    expect(r.stderr).not.toMatch(/nightShifts/);
  });
  it('a typo of a flag still gets its suggestion', async () => {
    const r = await cli(['net', '--grss', '9000', '--city', 'hangzhou']);
    expect(r.stderr).toMatch(/Did you mean --gross\?/);
  });
});

it('the rules list their documents in Chinese under --lang zh', async () => {
  const r = await cli(['rules', '--city', 'shanghai', '--date', '2026-03-01', '--lang', 'zh'], { env: { COLUMNS: '120' } });
  expect(r.code).toBe(0);
  // Document numbers and articles are said the Chinese way; a free-text note (an assumption) stays as written.
  const documents = r.stdout.slice(r.stdout.indexOf('文件')).split(/\n {2}(?=\d+\. )/).filter((d) => !/assumption:/.test(d));
  for (const d of documents) expect(d).not.toMatch(/Announcement \d{4} No\.|\bArts?\. \d|Labor Law|IIT Law/);
  expect(documents.join('\n')).toMatch(/财政部 税务总局公告2023年第32号/);
  expect(r.stdout).toMatch(/四舍五入/);
});
