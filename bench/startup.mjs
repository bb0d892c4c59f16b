// Start-up benchmark: cs-pay commands against bare `node` in the same run,
// interleaved so machine noise hits every command alike. Reports medians and
// ratios to node; ratios are what to compare across machines. Then the library
// row: the average µs of a warm `net({ gross, city })` call (bench/library.mjs).
//   node bench/startup.mjs [--runs 20] [--calls 100000] [--library-runs 1] [--no-library]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : Number(process.argv[at + 1]) || fallback;
};
const runs = arg('runs', 20);
const calls = arg('calls', 100_000);
const libraryRuns = process.argv.includes('--no-library') ? 0 : arg('library-runs', 1);
const bin = fileURLToPath(new URL('../bin/cs-pay.js', import.meta.url));
const library = fileURLToPath(new URL('./library.mjs', import.meta.url));
// [name, node arguments, target ratio to node -e 0 (issue 21)]
const cases = [
  ['node -e 0 (baseline)', ['-e', '0']],
  ['cs-pay --version', [bin, '--version']],
  ['cs-pay estimate --json', [bin, 'estimate', '--city', 'hangzhou', '--level', 'senior', '--json'], 1.3],
  ['cs-pay estimate (table)', [bin, 'estimate', '--city', 'hangzhou', '--level', 'senior'], 1.6],
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
console.log(`start-up: ${runs} interleaved runs each, stdout to a pipe, node ${process.version}`);
console.log('command'.padEnd(28), 'median ms'.padStart(10), 'x node'.padStart(8), 'target'.padStart(8));
cases.forEach(([name, , target], i) => {
  const m = median(times[i]);
  console.log(name.padEnd(28), m.toFixed(1).padStart(10), (m / base).toFixed(2).padStart(8), (target ? `${target}x` : '').padStart(8));
});

if (libraryRuns > 0) {
  const us = [];
  for (let r = 0; r < libraryRuns; r++) {
    const out = spawnSync(process.execPath, [library, String(calls)], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`bench/library.mjs exited ${out.status}: ${out.stderr}`);
    us.push(Number(out.stdout.trim()));
  }
  console.log(`\nlibrary: net({ gross, city }) through dist/index.mjs, ${calls} warm calls, ${libraryRuns} run(s): median ${median(us).toFixed(1)} µs a call (target under 20 µs)`);
}
