#!/usr/bin/env node
import('../dist/cli.mjs').then(async ({ main }) => { process.exitCode = await main(); });
