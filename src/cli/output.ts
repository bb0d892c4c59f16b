/** Decide the format, language and width, and write a result. Table rendering (cli-table3) loads only when used. */
import { m, UsageError } from '../errors.js';
import { langFromEnv, langOf } from '../i18n/messages.js';
import type { Report } from '../render/sections.js';
import { renderMarkdown } from '../render/text.js';
import type { Lang } from '../result.js';
import type { Io } from './io.js';
import { parseChoice } from '../request/values.js';

export interface OutputOptions {
  json?: boolean;
  format?: string;
  lang?: string;
  color?: boolean;
  ascii?: boolean;
  bom?: boolean;
}

export type Format = 'table' | 'json' | 'csv' | 'markdown';

export function readFormat(o: OutputOptions): Format {
  const format = o.format === undefined ? 'table' : parseChoice('--format', o.format, ['table', 'json', 'csv', 'markdown'] as const);
  if (o.json && o.format !== undefined && format !== 'json') {
    throw new UsageError(m('e:two-formats', { format }), m('hint:use-one'));
  }
  return o.json ? 'json' : format;
}

/** --lang en|zh (also zh-CN, zh_CN.UTF-8, en-US), else the environment. */
export function readLang(o: OutputOptions, io: Io): Lang {
  if (o.lang === undefined) return langFromEnv(io.env);
  return langOf(String(o.lang)) ?? parseChoice('--lang', String(o.lang), ['en', 'zh'] as const);
}

/**
 * Columns to fit: the terminal's when stdout is one, else COLUMNS if set, else 80
 * (CONTRACT, "Tables, CSV and languages").
 */
export function screenWidth(io: Io): number {
  const tty = io.isTTY ? (io as Io & { columns?: number }).columns ?? process.stdout.columns : undefined;
  if (tty && tty > 0) return tty;
  const env = Number(io.env.COLUMNS);
  return Number.isInteger(env) && env > 0 ? env : 80;
}

/**
 * `csv` gives the flat table (a header row, then one row per figure or result);
 * without it, a report of one table is written as it is.
 */
export async function writeResult(
  io: Io,
  o: OutputOptions,
  format: Format,
  value: unknown,
  report: () => Report,
  csv?: () => string[][] | Promise<string[][]>,
): Promise<void> {
  switch (format) {
    case 'json':
      io.stdout(`${JSON.stringify(value, null, 2)}\n`);
      return;
    case 'csv': {
      const { renderCsv, reportRows } = await import('../render/csv.js');
      // --bom: Excel on Chinese Windows reads UTF-8 only with a byte-order mark.
      io.stdout((o.bom ? '\ufeff' : '') + renderCsv(csv ? await csv() : reportRows(report())));
      return;
    }
    case 'markdown':
      io.stdout(renderMarkdown(report()));
      return;
    case 'table': {
      // chalk and cli-table3 load only for tables: JSON, CSV and markdown start faster.
      const [{ renderTable }, { decideColor }] = await Promise.all([import('../render/table.js'), import('./color.js')]);
      io.stdout(renderTable(report(), await decideColor(io, o.color), { width: screenWidth(io), ascii: o.ascii }));
    }
  }
}
