// npm run bench: start-up (bench/startup.mjs), then batch (bench/batch.mjs), with the same arguments.
//   npm run bench [-- --runs 20 --batch-runs 3 --lines 100000 --million 1000000 | --no-million]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

for (const script of ['startup.mjs', 'batch.mjs']) {
  const r = spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
