// Start-up benchmark: cs-pay commands against bare `node` in the same run,
// interleaved so machine noise hits every command alike. Reports medians and
// ratios to node; ratios are what to compare across machines.
//   npm run bench [-- --runs 30]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 20;
const bin = fileURLToPath(new URL('../bin/cs-pay.js', import.meta.url));
const cases = [
  ['node -e 0 (baseline)', ['-e', '0']],
  ['cs-pay --version', [bin, '--version']],
  ['cs-pay estimate --json', [bin, 'estimate', '--city', 'hangzhou', '--level', 'senior', '--json']],
  ['cs-pay estimate (table)', [bin, 'estimate', '--city', 'hangzhou', '--level', 'senior']],
  ['cs-pay gross --net 9000', [bin, 'gross', '--net', '9000', '--city', 'beijing', '--json']],
  ['cs-pay compare (inline)', [bin, 'compare', 'city=hangzhou,level=senior', 'city=chengdu,level=lead', '--json']],
];

const times = cases.map(() => []);
for (let r = 0; r < runs + 2; r++) {
  cases.forEach(([, args], i) => {
    const t0 = process.hrtime.bigint();
    const out = spawnSync(process.execPath, args, { env: { ...process.env, NO_COLOR: '1' } });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (out.status !== 0) throw new Error(`${args.join(' ')} exited ${out.status}: ${out.stderr}`);
    if (r >= 2) times[i].push(ms); // the first two rounds warm the file cache
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times[0]);
console.log(`${runs} interleaved runs each, node ${process.version}`);
console.log('command'.padEnd(28), 'median ms'.padStart(10), 'x node'.padStart(8));
cases.forEach(([name], i) => {
  const m = median(times[i]);
  console.log(name.padEnd(28), m.toFixed(1).padStart(10), (m / base).toFixed(2).padStart(8));
});
