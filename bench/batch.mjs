// Batch benchmark: cs-pay batch against a bare-Node pass over the same file (read
// the lines, JSON.parse and JSON.stringify each, write them out), interleaved so
// machine noise hits both alike. Reports seconds, lines a second and the ratio to
// the bare pass; then the peak memory of a 1,000,000-line batch written to a pipe.
//   node bench/batch.mjs [--lines 100000] [--batch-runs 3] [--million 1000000] [--no-million]
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
};
const lines = arg('lines', 100_000);
const runs = arg('batch-runs', 3);
const million = process.argv.includes('--no-million') ? 0 : arg('million', 1_000_000);
const bin = fileURLToPath(new URL('../bin/cs-pay.js', import.meta.url));
const FIELDS = 'line,id,gross.monthly,takeHome.average,annual.net';
const CITIES = ['beijing', 'shanghai', 'guangzhou', 'shenzhen', 'hangzhou', 'chengdu', 'wuhan', 'xian', 'nanjing', 'suzhou'];
const LEVELS = ['junior', 'intermediate', 'senior', 'lead'];

/** n request lines: `net` lines with grosses from 3,000 to 42,999.xx, or `estimate` lines. */
async function writeInput(path, n, command) {
  const out = createWriteStream(path);
  for (let i = 0; i < n; i++) {
    const line = command === 'net'
      ? { id: i + 1, command, gross: 3000 + ((i * 7919) % 40000) + (i % 100) / 100, city: CITIES[i % 10], date: '2026-11-23' }
      : { id: i + 1, command, city: CITIES[i % 10], level: LEVELS[i % 4], nightShifts: i % 9, date: '2026-11-23' };
    if (!out.write(`${JSON.stringify(line)}\n`)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
}

// The bare pass: what any line-by-line JSON tool must do at least.
const BARE = `
const rl = require('node:readline').createInterface({ input: require('node:fs').createReadStream(process.argv[1]), crlfDelay: Infinity });
let chunk = [];
const flush = () => new Promise((resolve) => (process.stdout.write(chunk.join('')) ? resolve() : process.stdout.once('drain', resolve)));
(async () => {
  for await (const line of rl) {
    chunk.push(JSON.stringify(JSON.parse(line)) + '\\n');
    if (chunk.length === 1000) { await flush(); chunk = []; }
  }
  await flush();
})();`;

/** Run node with `args`, stdout drained through a pipe; seconds, output lines, and peak RSS (KB) when `rss`. */
function timed(args, { rss = false } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    // The peak resident memory of the process that does the work, reported at its exit.
    const probe = rss ? ['-r', fileURLToPath(new URL('./max-rss.cjs', import.meta.url))] : [];
    const child = spawn(process.execPath, [...probe, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let count = 0;
    let stderr = '';
    child.stdout.on('data', (d) => {
      for (let i = d.indexOf(10); i >= 0; i = d.indexOf(10, i + 1)) count++;
    });
    child.stderr.on('data', (d) => void (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(0, 500)}`));
      const peak = /cs-pay-max-rss (\d+)/.exec(stderr);
      resolve({ seconds, count, rssKB: peak ? Number(peak[1]) : undefined });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dir = mkdtempSync(join(tmpdir(), 'cs-pay-bench-'));
try {
  const net = join(dir, 'net.jsonl');
  const estimate = join(dir, 'estimate.jsonl');
  const estimateLines = Math.max(1, Math.round(lines / 10));
  await writeInput(net, lines, 'net');
  await writeInput(estimate, estimateLines, 'estimate');
  const cases = [
    [`bare parse+stringify, ${lines} lines`, ['-e', BARE, net], lines],
    [`batch net --fields (${lines})`, [bin, 'batch', net, '--fields', FIELDS], lines],
    [`batch net, whole result (${lines})`, [bin, 'batch', net], lines],
    [`bare parse+stringify, ${estimateLines} lines`, ['-e', BARE, estimate], estimateLines],
    [`batch estimate, whole result (${estimateLines})`, [bin, 'batch', estimate], estimateLines],
  ];
  const times = cases.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (const [i, [name, args, n]] of cases.entries()) {
      const { seconds, count } = await timed(args);
      if (count !== n) throw new Error(`${name}: ${count} lines out for ${n} in`);
      times[i].push(seconds);
    }
  }
  console.log(`\nbatch: ${runs} interleaved runs each, node ${process.version}; ratio to the bare pass over the same file`);
  console.log('case'.padEnd(40), 'median s'.padStart(9), 'lines/s'.padStart(10), 'x bare'.padStart(8));
  cases.forEach(([name, , n], i) => {
    const base = median(times[i < 3 ? 0 : 3]);
    const m = median(times[i]);
    console.log(name.padEnd(40), m.toFixed(2).padStart(9), String(Math.round(n / m)).padStart(10), (m / base).toFixed(2).padStart(8));
  });

  if (million > 0) {
    const big = join(dir, 'million.jsonl');
    await writeInput(big, million, 'net');
    // The semi-space flag is the one batch gives itself (src/cli/run.ts); given here, batch runs in this process, which the probe watches.
    const { seconds, count, rssKB } = await timed(['--max-semi-space-size=4', bin, 'batch', big, '--fields', FIELDS], { rss: true });
    console.log(`\n${million} net lines to a pipe (--fields ${FIELDS}): ${count} lines out, ${seconds.toFixed(1)} s, peak RSS ${(rssKB / 1024).toFixed(0)} MB`);
    if (count !== million) throw new Error(`${count} lines out for ${million} in`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
