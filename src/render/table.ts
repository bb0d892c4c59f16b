/**
 * Report -> boxed tables that fit the screen. Widths are display widths
 * (中文 counts two), so Chinese labels align. A table wider than the screen
 * first wraps its text columns (cli-table3's colWidths and wordWrap), then
 * drops its low-value columns (the bar, cumulative taxable income).
 */
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { displayWidth as stringWidth, WIDE } from './width.js';
import type { Cell, Report, Section, Tone } from './sections.js';
import { asciiText, wrapText } from './wrap.js';

export interface TableOptions {
  /** Columns of the screen. */
  width: number;
  /** Plain ASCII borders and symbols, for terminals that draw ambiguous-width characters double. */
  ascii?: boolean;
}

const ASCII_CHARS = {
  top: '-', 'top-mid': '+', 'top-left': '+', 'top-right': '+',
  bottom: '-', 'bottom-mid': '+', 'bottom-left': '+', 'bottom-right': '+',
  left: '|', 'left-mid': '+', mid: '-', 'mid-mid': '+',
  right: '|', 'right-mid': '+', middle: '|',
};
const NO_CHARS = Object.fromEntries(Object.keys(ASCII_CHARS).map((k) => [k, '']));

export function renderTable(report: Report, chalk: ChalkInstance, options: TableOptions = { width: 80 }): string {
  const width = Math.max(40, options.width);
  const text = (s: string) => (options.ascii ? asciiText(s) : s);
  const paint = (s: string, tone?: Tone): string => {
    switch (tone) {
      case 'bold': return chalk.bold(s);
      case 'dim': return chalk.dim(s);
      case 'good': return chalk.green(s);
      case 'bad': return chalk.yellow(s);
      case 'bar': return chalk.cyan(s);
      default: return s;
    }
  };
  const out: string[] = [...wrapText(text(report.heading), width).map((l) => chalk.bold(l)), ''];
  for (const s of report.sections) {
    const section = fitSection({ ...s, title: text(s.title), head: s.head.map(text), rows: s.rows.map((r) => r.map((cell) => ({ ...cell, text: text(cell.text) }))) }, width, s.plain ? 0 : 1);
    if (!s.plain) out.push(...wrapText(section.title, width).map((l) => chalk.bold.underline(l)));
    out.push(drawSection(section, paint, options.ascii), '');
  }
  for (const f of report.footnotes) {
    out.push(paint(text(f.title), 'bold'));
    for (const item of f.items) out.push(...wrapText(text(item), width - 2, 2).map((l) => `  ${paint(l, f.tone)}`));
    out.push('');
  }
  if (report.hint) out.push(...wrapText(text(report.hint), width).map((l) => chalk.dim(l)), '');
  return out.join('\n');
}

interface Fitted extends Section {
  /** Display width of each column's content (without padding). */
  widths: number[];
}

/** The width below which a text column would rather see a droppable column go. */
const COMFORT = 16;

const cellWidth = (s: string) => Math.max(0, ...s.split('\n').map((l) => stringWidth(l)));

/** Widths that fit: wrap columns shrink toward their longest word, then columns in `drop` go. */
function fitSection(s: Section, width: number, border: number): Fitted {
  let section = s;
  for (;;) {
    const n = section.head.length || (section.rows[0]?.length ?? 0);
    const cells = Array.from({ length: n }, (_, i) => Math.max(0, ...section.rows.map((r) => cellWidth(r[i]?.text ?? ''))));
    const natural = cells.map((w, i) => Math.max(w, cellWidth(section.head[i] ?? '')));
    // Each column has two spaces of padding, and a border between and around columns.
    const frame = n * 2 + (border ? n + 1 : 0);
    const wrap = section.wrap ?? [];
    // Text columns may wrap down to a short word; the others keep their cells whole but may wrap their heading.
    const bars = barColumns(section);
    const least = natural.map((w, i) =>
      bars.has(i) ? Math.min(w, BAR_LEAST)
      : wrap.includes(i) ? Math.min(w, Math.max(Math.min(longestWord(section, i), 16), 6)) : Math.max(cells[i], headLeast(section.head[i] ?? '')),
    );
    const room = width - frame;
    if (sum(least) <= room || !section.drop?.length) {
      // Bars take what the text leaves: they come last.
      const others = natural.map((_, i) => i).filter((i) => !wrap.includes(i)).sort((a, b) => Number(bars.has(a)) - Number(bars.has(b)));
      const widths = share(natural, share(natural, least, wrap, room), others, room, true);
      // A text column squeezed to a sliver reads worse than a low-value column gone.
      const squeezed = wrap.some((i) => widths[i] < Math.min(natural[i], COMFORT));
      if (!squeezed || !section.drop?.length) return { ...section, widths };
    }
    section = dropColumn(section, section.drop[0]);
  }
}

/**
 * Give `cols` what is left, up to their natural width: evenly, or (`whole`)
 * the smallest need first, so as many as possible show whole.
 */
function share(natural: number[], least: number[], wrap: number[], room: number, whole = false): number[] {
  const widths = [...least];
  let spare = room - sum(widths);
  if (whole) {
    for (const i of [...wrap].sort((a, b) => natural[a] - widths[a] - (natural[b] - widths[b]))) {
      const add = Math.min(natural[i] - widths[i], spare);
      if (add < natural[i] - widths[i]) break;
      widths[i] += add;
      spare -= add;
    }
  }
  while (spare > 0) {
    const want = wrap.filter((i) => widths[i] < natural[i]);
    if (want.length === 0) break;
    const per = Math.max(1, Math.floor(spare / want.length));
    for (const i of want) {
      const add = Math.min(per, natural[i] - widths[i], spare);
      widths[i] += add;
      spare -= add;
      if (spare <= 0) break;
    }
  }
  return widths;
}

/** A bar column may shrink to this many columns (32 eighths) before it is dropped. */
const BAR_LEAST = 4;

/** Columns whose cells are all bars (or empty). */
function barColumns(s: Section): Set<number> {
  const n = s.head.length || (s.rows[0]?.length ?? 0);
  const out = new Set<number>();
  for (let i = 0; i < n; i++) if (s.rows.length && s.rows.every((r) => r[i]?.fill !== undefined)) out.add(i);
  return out;
}

/** A bar of `fill` (0–1) of `width` columns, in eighths. */
function barOf(fill: number, width: number): string {
  const eighths = Math.round(Math.max(0, Math.min(1, fill)) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + (eighths % 8 ? '▏▎▍▌▋▊▉'[(eighths % 8) - 1] : '');
}

/** A number column's heading: whole if it is a short Chinese word (月份 over 月/份), else down to its longest word. */
function headLeast(head: string): number {
  if (WIDE.test(head) && cellWidth(head) <= 8) return cellWidth(head);
  return Math.min(wordWidth(head), 16);
}

function longestWord(s: Section, col: number): number {
  let most = 0;
  for (const text of [s.head[col] ?? '', ...s.rows.map((r) => r[col]?.text ?? '')]) most = Math.max(most, wordWidth(text));
  return most;
}

const words = new Map<string, number>();
/** The widest word of a text: Chinese wraps between any two characters, other text at spaces. */
function wordWidth(text: string): number {
  let w = words.get(text);
  if (w === undefined) {
    w = Math.max(0, ...text.split(/\s+/).map((word) => (WIDE.test(word) ? 2 : stringWidth(word))));
    words.set(text, w);
  }
  return w;
}

function dropColumn(s: Section, col: number): Section {
  const keep = (_: unknown, i: number) => i !== col;
  const shift = (i: number) => (i > col ? i - 1 : i);
  return {
    ...s,
    head: s.head.filter(keep),
    rows: s.rows.map((r) => r.filter(keep)),
    right: s.right.filter((i) => i !== col).map(shift),
    wrap: s.wrap?.filter((i) => i !== col).map(shift),
    drop: s.drop?.filter((i) => i !== col).map(shift),
  };
}

function drawSection(s: Fitted, paint: (s: string, tone?: Tone) => string, ascii?: boolean): string {
  const bar = (fill: number, width: number) => (ascii ? asciiText(barOf(fill, width)) : barOf(fill, width));
  const wrapCell = (cell: Cell | string, i: number) => {
    const raw = typeof cell === 'string' ? cell : cell.fill !== undefined ? bar(cell.fill, s.widths[i]) : cell.text;
    // cli-table3 wraps at spaces; Chinese text is broken up here, by display width.
    const lines = cellWidth(raw) > s.widths[i] ? wrapText(raw, s.widths[i]).join('\n') : raw;
    return paint(lines, typeof cell === 'string' ? undefined : cell.tone);
  };
  const table = new Table({
    ...(s.plain ? {} : { head: s.head.map((h, i) => paint(wrapCell(h, i), 'bold')) }),
    chars: s.plain ? NO_CHARS : ascii ? ASCII_CHARS : {},
    style: { head: [], border: [], compact: true, 'padding-left': s.plain ? 0 : 1, 'padding-right': s.plain ? 2 : 1 },
    colWidths: s.widths.map((w) => w + 2),
    colAligns: s.widths.map((_, i) => (s.right.includes(i) ? 'right' : 'left')),
    wordWrap: true,
  });
  for (const row of s.rows) table.push(row.map((cell, i) => wrapCell(cell, i)));
  return table.toString().split('\n').map((l) => l.trimEnd()).join('\n');
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
