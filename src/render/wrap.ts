/** Text to a width in display columns: at spaces, and between Chinese characters. */
import { displayWidth as stringWidth, WIDE } from './width.js';

/** Punctuation that may not start a line (the Chinese rule 避头), kept with what comes before. */
const NO_START = /[,。、;:?!)」』》〉】,.;:?!)%]/;
const SPACE = /^\s+$/;

/** Lines of at most `width` columns; `indent` columns of hanging indent after the first line. */
export function wrapText(text: string, width: number, indent = 0): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    const start = out.length;
    const newLine = () => {
      out.push(line.trimEnd());
      line = ' '.repeat(indent);
      used = indent;
    };
    const fresh = () => used === (out.length > start ? indent : 0);
    for (const token of tokens(paragraph)) {
      const w = stringWidth(token);
      if (SPACE.test(token)) {
        if (!fresh()) (line += token), (used += w);
        continue;
      }
      if (used + w > width && !fresh()) newLine();
      if (used + w <= width) {
        line += token;
        used += w;
        continue;
      }
      // A word longer than the line: break it by characters.
      for (const ch of token) {
        const cw = stringWidth(ch);
        if (used + cw > width && !fresh()) newLine();
        line += ch;
        used += cw;
      }
    }
    out.push(line.trimEnd());
  }
  return out;
}

/** Words, runs of spaces, and each wide character on its own: a line may break before any of them. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let word = '';
  const flush = () => {
    if (word) out.push(word);
    word = '';
  };
  for (const ch of text) {
    if (/\s/.test(ch)) {
      flush();
      if (out.length && SPACE.test(out[out.length - 1])) out[out.length - 1] += ch;
      else out.push(ch);
    } else if (NO_START.test(ch) && (word || (out.length && !SPACE.test(out[out.length - 1])))) {
      if (word) word += ch;
      else out[out.length - 1] += ch;
    } else if (WIDE.test(ch)) {
      flush();
      out.push(ch);
    } else word += ch;
  }
  flush();
  // A separator ("a · b") ends its line rather than starting the next.
  for (let i = 2; i < out.length; i++) {
    if (/^[·|–-]$/.test(out[i]) && SPACE.test(out[i - 1]) && !SPACE.test(out[i - 2])) {
      out.splice(i - 2, 3, out[i - 2] + out[i - 1] + out[i]);
      i -= 2;
    }
  }
  return out;
}

/** Ambiguous-width symbols as ASCII, for `--ascii`. */
export function asciiText(text: string): string {
  return text
    .replace(/[█▉▊▋▌▍▎▏]/g, '#')
    .replace(/[–—−]/g, '-')
    .replace(/×/g, 'x')
    .replace(/·/g, '|')
    .replace(/→/g, '->')
    .replace(/◀/g, '<')
    .replace(/…/g, '...');
}
