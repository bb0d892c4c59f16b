/** Decide the format and write a result. Table rendering (cli-table3) loads only when used. */
import { UsageError } from '../errors.js';
import { langFromEnv } from '../render/labels.js';
import type { Report } from '../render/sections.js';
import { renderCsv, renderMarkdown } from '../render/text.js';
import type { Lang } from '../result.js';
import type { Io } from './io.js';
import { parseChoice } from './values.js';

export interface OutputOptions {
  json?: boolean;
  format?: string;
  lang?: string;
  color?: boolean;
}

export type Format = 'table' | 'json' | 'csv' | 'markdown';

export function readFormat(o: OutputOptions): Format {
  const format = o.format === undefined ? 'table' : parseChoice('--format', o.format, ['table', 'json', 'csv', 'markdown'] as const);
  if (o.json && o.format !== undefined && format !== 'json') {
    throw new UsageError(`--json and --format ${format} ask for two formats.`, 'Use one of them.');
  }
  return o.json ? 'json' : format;
}

export function readLang(o: OutputOptions, io: Io): Lang {
  return o.lang === undefined ? langFromEnv(io.env) : parseChoice('--lang', o.lang, ['en', 'zh'] as const);
}

export async function writeResult(io: Io, o: OutputOptions, format: Format, value: unknown, report: () => Report): Promise<void> {
  switch (format) {
    case 'json':
      io.stdout(`${JSON.stringify(value, null, 2)}\n`);
      return;
    case 'csv':
      io.stdout(renderCsv(report()));
      return;
    case 'markdown':
      io.stdout(renderMarkdown(report()));
      return;
    case 'table': {
      // chalk and cli-table3 load only for tables: JSON, CSV and markdown start faster.
      const [{ renderTable }, { decideColor }] = await Promise.all([import('../render/table.js'), import('./color.js')]);
      io.stdout(renderTable(report(), decideColor(io, o.color)));
    }
  }
}
