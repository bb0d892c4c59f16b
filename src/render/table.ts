/** Report -> boxed tables for a terminal. cli-table3 measures display width, so 中文 labels align. */
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Cell, Report, Tone } from './sections.js';

export function renderTable(report: Report, chalk: ChalkInstance): string {
  const paint = (cell: Cell | string, tone?: Tone): string => {
    const text = typeof cell === 'string' ? cell : cell.text;
    switch (tone ?? (typeof cell === 'string' ? undefined : cell.tone)) {
      case 'bold': return chalk.bold(text);
      case 'dim': return chalk.dim(text);
      case 'good': return chalk.green(text);
      case 'bad': return chalk.yellow(text);
      case 'bar': return chalk.cyan(text);
      default: return text;
    }
  };
  const out: string[] = [chalk.bold(report.heading), ''];
  for (const s of report.sections) {
    const table = new Table({
      head: s.head.map((h) => chalk.bold(h)),
      style: { head: [], border: [], compact: true },
      colAligns: s.head.map((_, i) => (s.right.includes(i) ? 'right' : 'left')),
      wordWrap: false,
    });
    for (const row of s.rows) table.push(row.map((cell) => paint(cell)));
    out.push(chalk.bold.underline(s.title), table.toString(), '');
  }
  for (const f of report.footnotes) {
    out.push(paint(f.title, 'bold'), ...f.items.map((i) => `  ${paint(i, f.tone)}`), '');
  }
  return out.join('\n');
}
