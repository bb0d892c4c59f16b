/** Report -> markdown or CSV. */
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

/** One CSV block per section (first header cell names the section), RFC 4180 quoting. */
export function renderCsv(report: Report): string {
  const q = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  // Numbers go out plain (no thousands separators) so spreadsheets read them.
  const plain = (s: string) => (/^-?[\d,]+(\.\d+)?$/.test(s) ? s.replace(/,/g, '') : s);
  const blocks = report.sections.filter((s) => !s.plain).map((s) =>
    [[s.title, ...s.head], ...s.rows.filter((r) => r[0].tone !== 'bar').map((r) => ['', ...r.filter((c) => c.tone !== 'bar').map((c) => plain(c.text))])]
      .map((r) => r.map(q).join(','))
      .join('\n'),
  );
  return `${blocks.join('\n\n')}\n`;
}
