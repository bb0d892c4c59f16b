/** Report -> markdown. (CSV: ./csv.ts.) */
import type { Report } from './sections.js';

export function renderMarkdown(report: Report): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const bold = (s: string) => (s ? `**${s}**` : s);
  const out = [`## ${esc(report.heading)}`, ''];
  for (const s of report.sections) {
    if (s.plain) {
      // The summary: a short list, not a table.
      out.push(...s.rows.map((r) => `- ${bold(esc(r[0].text))}: ${esc(r.slice(1).map((c) => c.text).join(' '))}`), '');
      continue;
    }
    out.push(`### ${esc(s.title)}`, '');
    out.push(`| ${s.head.map(esc).join(' | ')} |`);
    out.push(`|${s.head.map((_, i) => (s.right.includes(i) ? ' ---: ' : ' --- ')).join('|')}|`);
    for (const row of s.rows) out.push(`| ${row.map((c) => esc(c.tone === 'bold' ? bold(c.text) : c.text)).join(' | ')} |`);
    out.push('');
  }
  for (const f of report.footnotes) out.push(`**${esc(f.title)}**`, '', ...f.items.map((i) => `- ${esc(i)}`), '');
  if (report.hint) out.push(`_${esc(report.hint)}_`, '');
  return out.join('\n');
}
