/**
 * Batch streams (CONTRACT, "Batch at team scale"): a result is written before the
 * input ends, and memory does not grow with the input. The 1,000,000-line run is
 * in `npm run bench` (docs/speed.md); here the same property at a small scale,
 * through the built binary. No timing is asserted.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const BIN = join(root, 'bin/cs-pay.js');
const PROBE = join(root, 'bench/max-rss.cjs');
const ENV = { ...process.env, CS_PAY_TODAY: '2026-11-23', NO_COLOR: '1' };
const CITIES = ['beijing', 'shanghai', 'hangzhou', 'chengdu', 'wuhan'];
const line = (i: number) => `${JSON.stringify({ id: i, command: 'net', gross: 5000 + (i % 3000) * 7 + (i % 100) / 100, city: CITIES[i % 5], date: '2026-11-23' })}\n`;

/** Feed `count` lines to `batch -`, read every result; the peak RSS of the process that answered, in MB. */
function peakMb(count: number): Promise<{ mb: number; lines: number }> {
  return new Promise((resolve, reject) => {
    // The semi-space flag is the one batch gives itself: with it, batch answers in this very process, which the probe watches.
    const child = spawn(process.execPath, ['--max-semi-space-size=4', '-r', PROBE, BIN, 'batch', '-'], { env: ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      for (let i = d.indexOf(10); i >= 0; i = d.indexOf(10, i + 1)) lines++;
    });
    child.stderr.on('data', (d) => void (stderr += d));
    let sent = 0;
    const feed = () => {
      while (sent < count) {
        let chunk = '';
        for (let k = 0; k < 200 && sent < count; k++) chunk += line(sent++);
        if (!child.stdin.write(chunk)) return void child.stdin.once('drain', feed);
      }
      child.stdin.end();
    };
    feed();
    child.on('error', reject);
    child.on('close', (code) => {
      const peak = /cs-pay-max-rss (\d+)/.exec(stderr);
      if (code !== 0 || !peak) return reject(new Error(`exit ${code}: ${stderr.slice(0, 300)}`));
      resolve({ mb: Number(peak[1]) / 1024, lines });
    });
  });
}

describe('batch in constant memory', () => {
  it('ten times the input (the whole result of each line) does not take more memory', async () => {
    const small = await peakMb(3_000);
    const large = await peakMb(30_000);
    expect(small.lines).toBe(3_000);
    expect(large.lines).toBe(30_000);
    // 30,000 whole results are about 330 MB of output; kept in memory they would show. A generous margin for the collector.
    expect(large.mb, `${small.mb.toFixed(0)} MB for 3,000 lines, ${large.mb.toFixed(0)} MB for 30,000`).toBeLessThan(small.mb + 40);
  }, 300_000);

  it('answers a line before the input ends', async () => {
    const child = spawn(process.execPath, [BIN, 'batch', '-', '--fields', 'id,takeHome.average'], { env: ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.write(line(1));
    const first = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (d: Buffer) => resolve(String(d)));
      child.on('close', () => reject(new Error('batch ended before it answered')));
    });
    expect(JSON.parse(first)).toMatchObject({ line: 1, id: 1, takeHome: { average: expect.any(Number) } });
    child.stdin.end(line(2));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
  }, 60_000);
});
