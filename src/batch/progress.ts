/**
 * A progress line on stderr while a long batch runs: lines done, lines a second,
 * failures. Only on a terminal, rewritten in place a few times a second, and
 * wiped at the end so what follows starts on a clean line.
 */
const EVERY_MS = 250;

export interface Counts {
  line: number;
  failed: number;
}

export function showProgress(write: (text: string) => void, counts: Counts, now: () => number = Date.now): () => void {
  const start = now();
  let shown = false;
  const draw = () => {
    const seconds = (now() - start) / 1000;
    const rate = seconds > 0 ? Math.round(counts.line / seconds) : 0;
    const failed = counts.failed === 0 ? '' : ` · ${group(counts.failed)} failed`;
    // \r goes back to the start of the line, ESC [K clears what a longer previous line left.
    write(`\rcs-pay batch: ${group(counts.line)} lines · ${group(rate)} lines/s${failed}\u001b[K`);
    shown = true;
  };
  const timer = setInterval(draw, EVERY_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    if (shown) write('\r\u001b[K');
  };
}

/** 1234567 -> "1,234,567", with integer arithmetic rather than ICU. */
function group(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  let out = '';
  for (let i = 0; i < digits.length; i++) out += (i > 0 && (digits.length - i) % 3 === 0 ? ',' : '') + digits[i];
  return (n < 0 ? '-' : '') + out;
}
