// npm run bench: start-up and the library call (bench/startup.mjs), then batch (bench/batch.mjs), with the same arguments.
//   npm run bench [-- --runs 20 --calls 100000 --library-runs 1 --batch-runs 3 --lines 100000 --million 1000000 | --no-million | --no-library | --no-batch]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const scripts = process.argv.includes('--no-batch') ? ['startup.mjs'] : ['startup.mjs', 'batch.mjs'];
for (const script of scripts) {
  const r = spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
