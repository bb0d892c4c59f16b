/**
 * Every help screen fits 80 columns in both languages and leads with an
 * example; the month chart keeps its bars at 80 columns. The commands are read
 * from the program itself, so a new command is checked without naming it here.
 */
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/program.js';
import { displayWidth } from '../src/render/width.js';
import { cli } from './cli-support.js';

function paths(): string[][] {
  const noop = new Proxy({}, { get: () => async () => {} }) as never;
  const program = buildProgram({ stdout: () => {}, stderr: () => {}, env: {}, isTTY: false, today: '2026-11-23', readFile: () => '', readStdin: async () => '' }, noop, '0.0.0');
  const walk = (cmd: Command, path: string[]): string[][] => [path, ...cmd.commands.flatMap((c) => walk(c, [...path, c.name()]))];
  return walk(program, []);
}

describe.each(['en', 'zh'])('help in %s', (lang) => {
  it.each(paths().map((p) => [p.join(' ') || '(top level)', p]))('%s fits 80 columns and shows an example', async (_, path) => {
    const r = await cli([...(path as string[]), '--help', '--lang', lang], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    const wide = r.stdout.split('\n').filter((l) => displayWidth(l) > 80);
    expect(wide).toEqual([]);
    expect(r.stdout).toMatch(lang === 'zh' ? /^示例:\n {2}\$ .*cs-pay/m : /^Examples:\n {2}\$ .*cs-pay/m);
    // Chinese help speaks Chinese: its usage line and headings too.
    if (lang === 'zh') expect(r.stdout).toMatch(/^用法:/m);
  });
});

it('LANG=zh_CN.UTF-8 turns the top-level help Chinese, commands included', async () => {
  const r = await cli(['--help'], { env: { COLUMNS: '80', LANG: 'zh_CN.UTF-8' } });
  expect(r.stdout).toMatch(/^命令:/m);
  expect(r.stdout).toMatch(/已知月度税前工资/);
});

it('the month chart keeps its bars at 80 columns, in both languages', async () => {
  for (const lang of ['en', 'zh']) {
    const r = await cli(['net', '--gross', '10000', '--city', 'hangzhou', '--job', '7:city=shanghai,gross=13000', '--lang', lang], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    const months = r.stdout.split('\n').filter((l) => /^│\s+\d+ │/.test(l));
    expect(months.length).toBeGreaterThanOrEqual(12);
    // July's take-home (the highest) fills its bar; January's is shorter but there.
    for (const l of months.filter((m) => !/^│\s+│/.test(m))) expect(l).toMatch(/█/);
    expect(r.stdout.split('\n').every((l) => displayWidth(l) <= 80)).toBe(true);
  }
});
