/** "Did you mean" for identifiers: the closest candidate within a small edit distance. */
import { MAX_SUGGEST_CHARS } from './limits.js';

export function closest(input: string, candidates: readonly string[]): string | undefined {
  // Nothing that long is a typo of an identifier, and the table below is length².
  if (input.length > MAX_SUGGEST_CHARS) return undefined;
  const word = input.toLowerCase();
  if (word.length === 0) return undefined;
  let best: string[] = [];
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c.length > MAX_SUGGEST_CHARS) continue;
    const d = distance(word, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [[c], d];
    else if (d === bestDistance) best.push(c);
  }
  const allowed = Math.max(1, Math.floor(word.length / 3));
  if (bestDistance > allowed) return cutShort(word, candidates);
  // In a short word one edit is half of it: only a candidate that starts the same is a likely typo (zn → zh, not en).
  if (word.length <= 3 && bestDistance > 0) best = best.filter((c) => c[0].toLowerCase() === word[0]);
  // A tie is a guess: keep the one sharing the longest start, or none.
  if (best.length > 1) {
    const common = (c: string) => { let i = 0; while (i < c.length && c[i].toLowerCase() === word[i]) i++; return i; };
    const top = Math.max(...best.map(common));
    best = best.filter((c) => common(c) === top);
  }
  return best.length === 1 ? best[0] : undefined;
}

/** Damerau-Levenshtein (optimal string alignment): a swap counts as one edit. */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** A word cut short (probation for probation-months): the shortest key it begins. */
function cutShort(word: string, candidates: readonly string[]): string | undefined {
  if (word.length < 4) return undefined;
  const plain = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const started = candidates.filter((c) => plain(c).startsWith(plain(word)) && plain(c) !== plain(word));
  return started.length > 0 ? started.reduce((a, b) => (plain(b).length < plain(a).length ? b : a)) : undefined;
}
