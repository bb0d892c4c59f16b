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

// An ESM import of a Node module reads every one of its exports, and node:fs's
// include getters that load the whole stream machinery (about twenty internal
// modules): the CLI requires Node's modules instead, so what is not used stays unloaded.
const requireBuiltins = {
  name: 'require-builtins',
  setup(b) {
    // Static imports only: an import() of a Node module on a cold path stays as it is.
    b.onResolve({ filter: /^node:/ }, ({ path, namespace, kind }) =>
      namespace === 'builtin' || kind !== 'import-statement' ? { path, external: true } : { path, namespace: 'builtin' });
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, ({ path }) => ({ contents: `module.exports = require(${JSON.stringify(path)});`, loader: 'js' }));
  },
};

await build({
  ...common,
  entryPoints: { cli: 'src/cli/run.ts' },
  outdir: dist,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  minifyWhitespace: true,
  minifySyntax: true,
  define: { CS_PAY_VERSION: JSON.stringify(version) },
  plugins: [builtinData, lazyChildProcess, requireBuiltins],
});

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
