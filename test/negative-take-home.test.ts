/** Take-home below zero is warned about, never passed off silently (hardening). */
import { describe, expect, it } from 'vitest';
import { cli, json } from './cli-support.js';

describe('negative take-home', () => {
  it('insurance above the gross: a warning naming the months and the worst figure', async () => {
    // 1,500 − 2,000 insurance = −500 a month; nothing is taxable.
    const j = await json(['net', '--gross', '1500', '--insurance', '2000', '--date', '2026-06-01']);
    expect(j.takeHome.average).toBe(-500);
    const w = j.warnings.find((x: { code: string }) => x.code === 'negative-take-home');
    expect(w?.message).toContain('-500.00');
    expect(w?.message).toContain('1, 2, 3');
  });

  it('only the months below zero are named', async () => {
    // From July the gross is 3,000: 1,000 a month after insurance, so months 1–6 only.
    const j = await json(['net', '--gross', '1500', '--insurance', '2000', '--from', '7:gross=3000', '--date', '2026-06-01']);
    const w = j.warnings.find((x: { code: string }) => x.code === 'negative-take-home');
    expect(w?.message).toMatch(/months 1, 2, 3, 4, 5, 6 /);
  });

  it('a normal pay has no such warning, and the table shows it too', async () => {
    const j = await json(['net', '--gross', '9000', '--insurance', '1000', '--date', '2026-06-01']);
    expect(j.warnings.map((x: { code: string }) => x.code)).not.toContain('negative-take-home');
    const table = await cli(['net', '--gross', '1500', '--insurance', '2000', '--date', '2026-06-01', '--no-color']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('negative-take-home');
  });
});
