/** `cs-pay mcp` through the SDK's own client over stdio: the real binary, as an assistant would start it. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, net } from '../src/index.js';
import { parse } from 'yaml';
import { builtinCityIds, readData } from './support.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const TODAY = '2026-11-23';
let client: Client;

beforeAll(async () => {
  client = new Client({ name: 'cs-pay-test', version: '1.0.0' });
  const env = { ...(process.env as Record<string, string>), CS_PAY_TODAY: TODAY };
  await client.connect(new StdioClientTransport({ command: process.execPath, args: ['bin/cs-pay.js', 'mcp'], cwd: root, env, stderr: 'pipe' }));
}, 30_000);

afterAll(async () => {
  await client?.close();
});

const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult;
const text = (r: CallToolResult) => r.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');

describe('cs-pay mcp', () => {
  it('lists the tools, each input schema describing its keys', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['estimate', 'net', 'gross', 'compare', 'cities', 'rules']);
    const netTool = tools.find((t) => t.name === 'net')!;
    expect(netTool.inputSchema.required).toEqual(['gross']);
    const props = netTool.inputSchema.properties as Record<string, { description?: string }>;
    expect(props.gross.description).toBe('Monthly gross wages, yuan a month.');
    expect(netTool.inputSchema.additionalProperties).toBe(false);
    expect(props.city.description).toMatch(/hangzhou \(杭州\)/);
    expect(props.housingFundRate.description).toBe('Housing-fund rate, percent as 12.');
    expect(props.from.description).toMatch(/\{"7": \{"gross": 20000\}\}/);
    const est = tools.find((t) => t.name === 'estimate')!.inputSchema.properties as Record<string, { description?: string }>;
    expect(est.satisfaction.description).toMatch(/percent as 96/);
    expect(est.level.description).toMatch(/junior, intermediate, senior/);
    for (const t of tools) expect(t.annotations?.readOnlyHint, t.name).toBe(true);
  });

  it('net with the STA example: month 1 withholds 555, the result is the --json object', async () => {
    const args = { gross: 30000, insurance: 4500, deduction: 2000 };
    const r = await call('net', args);
    expect(r.isError).toBeFalsy();
    const value = r.structuredContent as unknown as ReturnType<typeof net>;
    expect(value.months[0].tax).toBe(555);
    expect(value).toStrictEqual(net(args, { date: TODAY }));
    expect(r.content[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/^Gross 30,000\.00 yuan a month\. Take-home [\d,.]+ yuan a month on average/) });
    expect(JSON.parse((r.content[1] as { text: string }).text)).toStrictEqual(value);
  });

  it('a bad city is a tool error with the CLI message, and the server goes on', async () => {
    const r = await call('net', { gross: 12000, city: 'shangai' });
    expect(r.isError).toBe(true);
    expect(text(r)).toBe(`Unknown city 'shangai'. Did you mean shanghai? Valid cities: ${builtinCityIds().join(', ')} (see \`cs-pay cities\`).`);
    const unknown = await call('net', { gross: 12000, city: 'hangzhou', citi: 'x' });
    expect(unknown.isError).toBe(true);
    expect(text(unknown)).toMatch(/^Unknown option 'citi' in the net options\. Did you mean city\?/);
    const missing = await call('net', { city: 'hangzhou' });
    expect([missing.isError, text(missing)]).toEqual([true, 'net needs the monthly gross (--gross). Example: cs-pay net --gross 12000 --city hangzhou']);
    expect((await call('gross', { net: 9000, city: 'beijing' })).isError).toBeFalsy();
  });

  it('takes a cities file as an object, never as a path', async () => {
    const cities = parse(readData('../test/fixtures/testville-cities.yaml'));
    const r = await call('net', { gross: 9000, city: 'testville', cities, date: '2026-03-01' });
    expect(r.isError).toBeFalsy();
    // 9,000 × (8% + 2% + 0.5% + 0.1%) + 450 housing fund = 1,404 (test/cities-file.test.ts).
    expect((r.structuredContent as { insurance: { employee: { total: number } } }).insurance.employee.total).toBe(1404);
    const path = await call('net', { gross: 9000, city: 'testville', cities: 'test/fixtures/testville-cities.yaml' });
    expect(path.isError).toBe(true);
    expect(text(path)).toMatch(/cities/);
  });

  it('answers in Chinese when asked, and every tool answers', async () => {
    const zh = await call('estimate', { city: '杭州', level: 'senior', lang: 'zh' });
    expect(text(zh)).toMatch(/^月度税前 [\d,.]+ 元。月均到手/);
    const c = await call('compare', { a: 'city=hangzhou,level=senior', b: { city: 'chengdu', gross: 9000, name: 'Chengdu' } });
    expect(c.structuredContent).toStrictEqual(compare({ a: 'city=hangzhou,level=senior', b: { city: 'chengdu', gross: 9000, name: 'Chengdu' } }, { date: TODAY }));
    expect(text(c)).toMatch(/B \(Chengdu\): take-home/);
    expect(((await call('cities', {})).structuredContent as { cities: unknown[] }).cities).toHaveLength(builtinCityIds().length);
    const rules = await call('rules', { city: 'shanghai', lang: 'zh' });
    expect(text(rules)).toMatch(/^shanghai 在 2026-11-23 生效的参数共 \d+ 项/);
  });
});
