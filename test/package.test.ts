/**
 * The package as others install it: `import 'cs-pay'` through package.json's
 * exports (the built dist/), its declarations in a consumer's compile, and a
 * start-up path that loads neither zod nor the MCP SDK.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

const CONSUMER = `
import { compare, CsPayError, estimate, net, rules, type NetOptions, type Result } from 'cs-pay';

const options: NetOptions = { gross: 30000, insurance: 4500, deduction: 2000 };
const r: Result = net(options, { date: '2026-03-01' });
const taxes: number[] = r.months.map((m) => m.tax);
const average: number = r.takeHome.average;
const offers: string[] = compare({ a: 'city=hangzhou,level=senior', b: { city: 'chengdu', gross: 9000 } }).offers.map((o) => o.name);
const figures: number = rules({ city: 'shanghai' }).rules.length;
const level: string = estimate({ city: 'hangzhou', level: 'senior', satisfaction: '96%' }).lines[0].label;
try {
  net({ gross: -5, city: 'hangzhou' });
} catch (e) {
  if (e instanceof CsPayError) console.log(e.code, e.exitCode satisfies 2 | 3 | 4);
}
// @ts-expect-error net needs a gross
net({ city: 'hangzhou' });
// @ts-expect-error a misspelt city fails to compile
net({ gross: 9000, city: 'hangzou' });
// @ts-expect-error a misspelt level fails to compile
estimate({ city: 'hangzhou', level: 'senoir' });
// @ts-expect-error a misspelt platform fails to compile
estimate({ city: 'hangzhou', level: 'senior', platform: 'alibba' });
// With a cities file, any city it names.
net({ gross: 9000, city: 'testville', cities: 'my-cities.yaml' });
// @ts-expect-error amounts are numbers or text
net({ gross: true });
// @ts-expect-error a result's amounts are numbers (and the types are not any: skipLibCheck would hide a broken import as any)
const wrong: string = r.annual.net;
console.log(taxes, average, offers, figures, level, wrong);
`;

describe('the package', () => {
  it("import('cs-pay') in the checkout runs on the built library (acceptance 1)", () => {
    const code = "import('cs-pay').then(m => console.log(m.net({gross: 30000, insurance: 4500, deduction: 2000}).months.slice(0,3).map(x => x.tax)))";
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' });
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe('[ 555, 625, 1850 ]\n');
  });

  it('the declarations compile in a consumer that imports cs-pay', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-pay-consumer-'));
    try {
      mkdirSync(join(dir, 'node_modules'));
      symlinkSync(root, join(dir, 'node_modules', 'cs-pay'), 'dir');
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module', private: true }));
      writeFileSync(join(dir, 'consumer.ts'), CONSUMER);
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: [], skipLibCheck: true },
        files: ['consumer.ts'],
      }));
      const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
      const out = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
      expect(out.stdout + out.stderr).toBe('');
      expect(out.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('the CLI starts without zod, yaml or the MCP SDK: only the commands that use them load them', () => {
    // What the CLI script requires, recorded by a hook loaded before it.
    const hook = join(mkdtempSync(join(tmpdir(), 'cs-pay-hook-')), 'hook.cjs');
    writeFileSync(hook, `const Module = require('node:module');
const load = Module._load;
const seen = new Set();
Module._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); };
process.on('exit', () => process.stderr.write('\\nrequired: ' + [...seen].join(' ') + '\\n'));`);
    const required = (...args: string[]) => {
      const r = spawnSync(process.execPath, ['-r', hook, join(root, 'bin/cs-pay.js'), ...args], { encoding: 'utf8', input: '' });
      const line = /required: (.*)/.exec(r.stderr);
      expect(line, r.stderr).not.toBeNull();
      return line![1].split(' ');
    };
    const heavy = (list: string[]) => list.filter((r) => /^(zod|yaml)(\/|$)|mcp-sdk/.test(r));
    for (const args of [['estimate', '--city', 'hangzhou', '--level', 'senior', '--json'], ['estimate', '--city', 'hangzhou', '--level', 'senior'], ['net', '--gross', '9000', '--city', 'hefei'], ['compare', 'city=hangzhou,level=senior', 'city=chengdu,level=lead'], ['--version']]) {
      expect(heavy(required(...args)), args.join(' ')).toEqual([]);
    }
    expect(heavy(required('model', 'validate', join(root, 'data/model/compensation.yaml')))).toEqual(expect.arrayContaining(['yaml', 'zod']));
    expect(heavy(required('mcp'))).toEqual(expect.arrayContaining(['./mcp-sdk.cjs']));
  });
});
