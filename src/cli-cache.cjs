// Build helper: V8's code cache for the CLI script (src/build.mjs runs it in a child node).
// Compiles dist/cli.cjs as bin/cs-pay.js does, runs the commands that start most often
// in this process with a silent Io, and writes the compiled code that start-up uses.
//   node src/cli-cache.cjs dist/cli.cjs dist/cli.cache
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const vm = require('node:vm');

const [file, out] = process.argv.slice(2);
const script = new vm.Script(readFileSync(file, 'latin1'), { filename: file });
const cli = { exports: {} };
script.runInThisContext()(cli.exports, require('node:module').createRequire(require('node:path').resolve(file)), cli, file, require('node:path').dirname(file));

const io = {
  stdout: () => {},
  stderr: () => {},
  env: {},
  isTTY: false,
  today: '2026-03-01',
  readFile: () => {
    throw new Error('no files while warming');
  },
  readStdin: async () => '',
};
const COMMANDS = [
  ['estimate', '--city', 'hangzhou', '--level', 'senior', '--json'],
  ['estimate', '--city', 'hangzhou', '--level', 'senior'],
  ['net', '--gross', '12000', '--city', 'shanghai', '--json'],
  ['net', '--gross', '12000', '--city', 'shanghai'],
  ['gross', '--net', '9000', '--city', 'beijing', '--json'],
  ['compare', 'city=hangzhou,level=senior', 'city=chengdu,level=lead', '--json'],
  ['compare', 'city=hangzhou,level=senior', 'city=chengdu,level=lead'],
  ['--version'],
];

(async () => {
  for (const args of COMMANDS) {
    const code = await cli.exports.run(args, io);
    if (code !== 0) throw new Error(`cs-pay ${args.join(' ')} exited ${code} while warming`);
  }
  writeFileSync(out, script.createCachedData());
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
