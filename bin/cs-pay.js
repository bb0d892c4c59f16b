#!/usr/bin/env node
'use strict';
// The CLI is one script (dist/cli.cjs). V8's compiled code for its start-up is kept
// beside it (dist/cli.cache, made by the build): with it a run skips parsing and
// compiling; without it, or when this node's V8 cannot use it, it compiles as usual.
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

const dist = join(__dirname, '../dist');
const file = join(dist, 'cli.cjs');
let cachedData;
try {
  cachedData = readFileSync(join(dist, 'cli.cache'));
} catch {
  // no cache: compile
}
// The script is ASCII (the build escapes the rest): read as one-byte text, the fastest.
const script = new vm.Script(readFileSync(file, 'latin1'), { filename: file, cachedData });
const cli = { exports: {} };
// Its require() is the script's own: dist/mcp-sdk.cjs, zod and yaml are found from there.
script.runInThisContext()(cli.exports, createRequire(file), cli, file, dist);
cli.exports.main().then((code) => {
  process.exitCode = code;
});
