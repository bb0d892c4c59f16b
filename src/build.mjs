// Build: validate data/ and embed it as JSON, then bundle the CLI into dist/.
// Runs on `npm ci` (prepare) and before `npm test`. The embedded data means the
// CLI never parses YAML or builds zod schemas unless a user file is involved.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// CommonJS dependencies (cli-table3, yaml) call require(); give ESM chunks one.
const banner = { js: "import { createRequire as __csPayRequire } from 'node:module'; const require = __csPayRequire(import.meta.url);" };
const common = { bundle: true, platform: 'node', target: 'node20', format: 'esm', banner, logLevel: 'warning', absWorkingDir: root };

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// 1. Validate the data files with the same code the CLI uses for user files.
const loader = join(dist, 'load-data.tmp.mjs');
await build({ ...common, entryPoints: ['src/model/load-data.ts'], outfile: loader });
const { loadDataDir } = await import(pathToFileURL(loader).href);
let data;
try {
  data = loadDataDir(join(root, 'data'));
} catch (e) {
  console.error(`build: data/ is invalid: ${e.message}${e.hint ? `\n${e.hint}` : ''}`);
  process.exit(3);
} finally {
  rmSync(loader, { force: true });
}
writeFileSync(join(dist, 'builtin-data.json'), JSON.stringify(data));

// 1b. The built-in city ids, for the library's types: written from data/cities.yaml, so
// adding a city stays a change to data/ alone (the file is kept in git for type checks).
const idsFile = join(root, 'src/model/city-ids.ts');
const ids = Object.keys(data.law.cities);
const idsText = [
  '/** The built-in cities (no zod here: the payroll code imports this at start-up). Written by src/build.mjs from data/; do not edit. */',
  'export const CITY_IDS = [',
  ...ids.map((id) => `  '${id}',`),
  '] as const;',
  'export type CityId = (typeof CITY_IDS)[number];',
  '/** The built-in model\'s levels and platforms, for the library\'s types. */',
  `export type LevelId = ${Object.keys(data.model.levels).map((id) => `'${id}'`).join(' | ')};`,
  `export type PlatformId = ${Object.keys(data.model.platforms).map((id) => `'${id}'`).join(' | ')};`,
  '',
].join('\n');
let idsBefore = '';
try {
  idsBefore = readFileSync(idsFile, 'utf8');
} catch { /* first build */ }
if (idsBefore !== idsText) {
  writeFileSync(idsFile, idsText);
  console.error(`build: src/model/city-ids.ts now lists ${ids.length} cities, and the model's levels and platforms, from data/.`);
}

// 1c. JSON Schemas of the model and offer files, for editors (data/schema/, shipped and kept
// in git like the city ids; the shipped files name them in a yaml-language-server line).
const schemas = join(dist, 'json-schemas.tmp.mjs');
await build({ ...common, entryPoints: ['src/json-schemas.ts'], outfile: schemas });
try {
  const { modelJsonSchema, offerJsonSchema } = await import(pathToFileURL(schemas).href);
  mkdirSync(join(root, 'data/schema'), { recursive: true });
  for (const [file, schema] of [['model.schema.json', modelJsonSchema(Object.keys(data.model.cities))], ['offer.schema.json', offerJsonSchema()]]) {
    const path = join(root, 'data/schema', file);
    const text = `${JSON.stringify(schema, null, 2)}\n`;
    let before = '';
    try {
      before = readFileSync(path, 'utf8');
    } catch { /* first build */ }
    if (before !== text) writeFileSync(path, text);
  }
} finally {
  rmSync(schemas, { force: true });
}

// 2. Bundle the CLI; the dev data module is swapped for the validated JSON.
const builtinData = {
  name: 'builtin-data',
  setup(b) {
    b.onResolve({ filter: /builtin-dev(\.js)?$/ }, () => ({ path: join(dist, 'builtin-data.json'), namespace: 'builtin-data' }));
    // One JSON.parse of a string: V8 reads the 200 KB of data about 3 ms faster so than it compiles the same object as a literal.
    b.onLoad({ filter: /.*/, namespace: 'builtin-data' }, ({ path }) => ({ contents: `export default JSON.parse(${JSON.stringify(readFileSync(path, 'utf8'))});`, loader: 'js' }));
  },
};
// commander requires node:child_process at load, for subcommands that are separate
// executables, which cs-pay has none of; loading it (and node:net with it) costs
// every run a few milliseconds. Here it is required on first use instead.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, ({ path }) => {
      const eager = "const childProcess = require('node:child_process');";
      const source = readFileSync(path, 'utf8');
      if (!source.includes(eager)) return undefined; // a commander that no longer does this
      const lazy = "let childProcessModule; const childProcess = new Proxy({}, { get: (_, key) => (childProcessModule ??= require('node:child_process'))[key] });";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

// The CLI is one CommonJS script, wrapped as a function: bin/cs-pay.js compiles it
// with vm.Script and V8's code cache (dist/cli.cache, made below), so a run skips
// parsing and compiling what start-up needs. Non-ASCII characters are written as
// escapes, so the script reads as one-byte text.
const cliFile = join(dist, 'cli.cjs');
// zod and yaml (dependencies) and the MCP SDK (bundled apart, in dist/mcp-sdk.cjs) are
// required only by the commands that use them: a user's model or cities file, the tool server.
const apart = {
  name: 'apart',
  setup(b) {
    b.onResolve({ filter: /^@modelcontextprotocol\/sdk\// }, () => ({ path: './mcp-sdk.cjs', external: true }));
    b.onResolve({ filter: /^(zod|yaml)(\/|$)/ }, ({ path }) => ({ path, external: true }));
  },
};
await build({
  ...common,
  stdin: {
    contents: "export * from '@modelcontextprotocol/sdk/server/mcp.js'; export * from '@modelcontextprotocol/sdk/types.js';",
    resolveDir: root,
    loader: 'js',
  },
  banner: undefined,
  format: 'cjs',
  outfile: join(dist, 'mcp-sdk.cjs'),
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [{ name: 'zod-apart', setup: (b) => b.onResolve({ filter: /^zod(\/|$)/ }, ({ path }) => ({ path, external: true })) }],
});
await build({
  ...common,
  banner: { js: "(function (exports, require, module, __filename, __dirname) {const __csPayUrl = require('node:url').pathToFileURL(__filename).href;" },
  footer: { js: '})' },
  format: 'cjs',
  entryPoints: ['src/cli/run.ts'],
  outfile: cliFile,
  minifyWhitespace: true,
  minifySyntax: true,
  charset: 'ascii',
  define: { CS_PAY_VERSION: JSON.stringify(version), 'import.meta.url': '__csPayUrl' },
  plugins: [builtinData, lazyChildProcess, apart],
});
// esbuild leaves regular expressions as written: escape what is left.
const cliText = readFileSync(cliFile, 'utf8');
// eslint-disable-next-line no-control-regex
const ascii = cliText.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
if (ascii !== cliText) writeFileSync(cliFile, ascii);
// A script run from V8's code cache has no loader for import(): everything is bundled or required.
if (/\bimport\(/.test(ascii)) {
  console.error(`build: dist/cli.cjs still has an import(): ${/.{0,60}\bimport\(.{0,40}/.exec(ascii)[0]}`);
  process.exit(1);
}

// V8's compiled code for start-up, made by running the commands that start most
// often in a child node (the cache is only good for this node's V8 and flags; on
// another, bin/cs-pay.js compiles as usual).
const warm = spawnSync(process.execPath, [join(root, 'src/cli-cache.cjs'), cliFile, join(dist, 'cli.cache')], { cwd: root, encoding: 'utf8' });
if (warm.status !== 0) {
  console.error(`build: the start-up cache failed:\n${warm.stdout}${warm.stderr}`);
  process.exit(1);
}

// 3. The library (`import { net } from 'cs-pay'`): one module on the same embedded data.
// Its dependencies stay packages, as a library's should.
await build({
  ...common,
  banner: undefined,
  entryPoints: { index: 'src/index.ts' },
  outdir: dist,
  outExtension: { '.js': '.mjs' },
  packages: 'external',
  plugins: [builtinData],
});

// 4. The library's declarations, from the sources (tsconfig.lib.json).
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const types = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.lib.json')], { cwd: root, encoding: 'utf8' });
if (types.status !== 0) {
  console.error(`build: declarations failed:\n${types.stdout}${types.stderr}`);
  process.exit(1);
}
