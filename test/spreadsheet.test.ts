/**
 * A team lead's sheet as Excel on Chinese Windows saves it: 工号,姓名,部门,城市,级别,
 * 月薪,夜班次数, as GBK with CRLF ("CSV") and as UTF-8 with a BOM ("CSV UTF-8"),
 * through the real binary. Every row priced, the columns cs-pay does not use
 * carried through, a total row, a BOM first; errors in the language asked for.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cs-pay-sheet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEAM = readFileSync(join(root, 'data/examples/team.csv'), 'utf8');
const rows = TEAM.trim().split(/\r?\n/).slice(1).map((l) => l.split(','));

function csPay(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/cs-pay.js', ...args], { cwd: root, encoding: 'buffer', env: { ...process.env, LANG: 'en_US.UTF-8', CS_PAY_TODAY: '2026-03-01', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/** GBK bytes of a text, as Excel's "CSV" writes it on Chinese Windows (iconv from Debian, else Node's own table). */
function gbk(text: string): Buffer {
  try {
    return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text });
  } catch {
    throw new Error('iconv is needed to write a GBK fixture');
  }
}

/** A CSV text's rows (RFC 4180 enough for these files: no quotes in them). */
const table = (text: string) => text.replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((l) => l.split(','));

describe.each([
  ['GBK with CRLF', () => gbk(TEAM.replace(/\r?\n/g, '\r\n'))],
  ['UTF-8 with a BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEAM)])],
])('the team sheet saved as %s', (_, bytes) => {
  const file = join(dir, `team-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, bytes());
  const r = csPay(['batch', file, '--format', 'csv', '--bom', '--summary']);
  const out = r.stdout.toString('utf8');

  it('runs with exit 0, a BOM first', () => {
    expect(r.code, r.stderr).toBe(0);
    expect([...r.stdout.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('prices every row, keeps 姓名 and 部门 in order as leading columns, and ends with a total row', () => {
    const [head, ...body] = table(out);
    expect(head.slice(0, 2)).toEqual(['姓名', '部门']);
    const total = body.at(-1)!;
    const priced = body.slice(0, -1);
    expect(priced).toHaveLength(rows.length);
    const at = (name: string) => head.indexOf(name);
    priced.forEach((cells, i) => {
      expect(cells.slice(0, 2)).toEqual([rows[i][1], rows[i][2]]);
      expect(cells[at('id')]).toBe(rows[i][0]);
      expect(cells[at('error.code')]).toBe('');
      // A row with 月薪 is priced from it; one without, by the model at its 级别.
      if (rows[i][5]) expect([cells[at('command')], Number(cells[at('gross.monthly')])]).toEqual(['net', Number(rows[i][5])]);
      else expect(cells[at('command')]).toBe('estimate');
    });
    expect(total[at('line')]).toBe('total');
    const sum = priced.reduce((s, c) => s + Math.round(Number(c[at('annual.net')]) * 100), 0);
    expect(Math.round(Number(total[at('annual.net')]) * 100)).toBe(sum);
  });

  it('names the carried columns once on stderr', () => {
    expect(r.stderr.match(/columns carried through, not used: 姓名, 部门/g)).toHaveLength(1);
    expect(r.stderr).toMatch(/rows with a gross are priced from it \(net\); their 级别, 夜班次数 are carried through/);
  });
});

describe('JSON lines output of a sheet', () => {
  it('carries the unused columns as an object of their own, in input order', () => {
    const file = join(dir, 'small.csv');
    writeFileSync(file, '部门,工号,城市,月薪,备注\n售后一组,A1,杭州,9000,新人\n');
    const r = csPay(['batch', file, '--fields', 'id,takeHome.average']);
    expect(r.code, r.stderr).toBe(0);
    const line = JSON.parse(r.stdout.toString('utf8'));
    expect(Object.keys(line.columns)).toEqual(['部门', '备注']);
    expect(line.columns).toEqual({ 部门: '售后一组', 备注: '新人' });
    expect(line.id).toBe('A1');
  });

  it('a misspelt Chinese header is carried with a did-you-mean', () => {
    const file = join(dir, 'typo.csv');
    writeFileSync(file, '工号,城市,月新\nA1,杭州,9000\n');
    const r = csPay(['batch', file]);
    expect(r.stderr).toMatch(/月新 \(Did you mean 月薪\?\)/);
  });
});

describe('encodings and languages', () => {
  it('--encoding forces one; a GBK file read as UTF-8 is refused at its header', () => {
    const file = join(dir, 'gbk.csv');
    writeFileSync(file, gbk('工号,城市,月薪\r\nA1,杭州,9000\r\n'));
    expect(csPay(['batch', file, '--encoding', 'gbk']).code).toBe(0);
    const r = csPay(['batch', file, '--encoding', 'utf8']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cs-pay: The CSV header is not UTF-8 text/);
  });

  it('a row that is neither GB18030 nor UTF-8 fails alone; the rows after it are answered', () => {
    const file = join(dir, 'bad-row.csv');
    writeFileSync(file, Buffer.concat([gbk('工号,城市,月薪\r\nA1,杭州,9000\r\nA2,'), Buffer.from([0xff, 0xff]), gbk(',9000\r\nA3,上海,9000\r\n')]));
    const r = csPay(['batch', file, '--fields', 'id']);
    expect(r.code).toBe(2);
    const lines = r.stdout.toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.error?.code ?? l.id)).toEqual(['A1', 'bad-input', 'A3']);
  });

  it('line errors and the summary line speak Chinese with LANG=zh_CN.UTF-8, or a line\'s own "lang"', () => {
    const file = join(dir, 'errors.jsonl');
    writeFileSync(file, '{"command":"net","gross":9000,"city":"hangzou"}\n{"command":"net","gross":9000,"city":"hangzou","lang":"en"}\n');
    const zh = csPay(['batch', file], { LANG: 'zh_CN.UTF-8' });
    const [first, second] = zh.stdout.toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(first.error.message).toMatch(/未知的城市|未知城市/);
    expect(second.error.message).toMatch(/^Unknown city/);
    expect(zh.stderr).toMatch(/^cs-pay: 2 行中有 2 行失败/m);
    const en = csPay(['batch', file, '--lang', 'en'], { LANG: 'zh_CN.UTF-8' });
    expect(en.stderr).toMatch(/2 of 2 batch lines failed/);
  });

  it('--bom is for CSV output', () => {
    const r = csPay(['batch', join(root, 'data/examples/team.jsonl'), '--bom']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--bom is for --format csv/);
  });

  it('the shipped JSON lines twin gives the same answers as the sheet', () => {
    const fields = ['--fields', 'id,takeHome.average,annual.net'];
    const sheet = csPay(['batch', join(root, 'data/examples/team.csv'), ...fields]).stdout.toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
    const twin = csPay(['batch', join(root, 'data/examples/team.jsonl'), ...fields]).stdout.toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(twin.map((l) => [l.id, l.takeHome, l.annual])).toEqual(sheet.map((l) => [l.id, l.takeHome, l.annual]));
  });
});
