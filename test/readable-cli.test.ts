/**
 * Readable answers, through the real binary: the answer comes first, tables fit
 * the screen (display width: 中文 counts two), details on request.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/cs-pay.js', import.meta.url));

export function csPay(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', CS_PAY_TODAY: '2026-12-01', LANG: 'C.UTF-8', NO_COLOR: '1', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));
const JOB = ['estimate', '--city', 'hangzhou', '--level', 'senior'];

describe('tables fit the screen', () => {
  it.each([
    ['en', '80'], ['zh', '80'], ['en', '120'], ['zh', '120'],
  ])('--lang %s with COLUMNS=%s: no line wider, take-home first', (lang, columns) => {
    const r = csPay([...JOB, '--lang', lang], { COLUMNS: columns });
    expect(r.code).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(Number(columns));
    // The answer within the first lines: the monthly and the yearly take-home.
    const top = r.stdout.split('\n').slice(0, 5).join('\n');
    expect(top).toMatch(lang === 'zh' ? /到手\s+每月 7,854\.71 · 全年 104,805\.27/ : /Take-home\s+7,854\.71 a month · 104,805\.27 a year/);
  });

  it('piped without COLUMNS: 80, with the details too', () => {
    for (const lang of ['en', 'zh']) {
      const r = csPay([...JOB, '--lang', lang, '--details']);
      expect(widest(r.stdout)).toBeLessThanOrEqual(80);
      expect(r.stdout).toContain(lang === 'zh' ? '所用规则与费率' : 'Rules and rates used');
    }
  });

  it('a wide screen keeps every column; a narrow one drops the bar and cumulative taxable income first', () => {
    const wide = csPay(JOB, { COLUMNS: '160' });
    expect(wide.stdout).toContain('Cum. taxable');
    expect(wide.stdout).toContain('█');
    const narrow = csPay(JOB, { COLUMNS: '80' });
    expect(narrow.stdout).not.toContain('Cum. taxable');
    expect(narrow.stdout).toContain('Take-home');
  });

  it('--ascii draws with ASCII only', () => {
    const r = csPay([...JOB, '--ascii', '--details'], { COLUMNS: '100' });
    expect(r.code).toBe(0);
    const ambiguous = r.stdout.replace(/[\u3000-\u9fff\uff00-\uffef]/g, '').replace(/[\x20-\x7e\n]/g, '');
    expect(ambiguous).toBe('');
  });

  it('the rules and sources come with --details; without it one line says so', () => {
    const r = csPay(JOB);
    expect(r.stdout).not.toContain('Rules and rates used');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/add --details/);
  });
});
