/** `cs-pay estimate`, `net` and `gross`: one result, as a table, JSON, CSV or markdown. */
import { answer, type Command } from '../../answer.js';
import { msg } from '../../i18n/messages.js';
import type { Model } from '../../model/model.js';
import { type ReportOptions, toReport } from '../../render/sections.js';
import type { Lang, Result } from '../../result.js';
import { loadData } from '../context.js';
import type { Io } from '../io.js';
import { readFormat, readLang, writeResult } from '../output.js';
import type { RawOptions } from '../request.js';

const OUTPUT_KEYS = ['json', 'format', 'lang', 'color', 'model', 'details', 'ascii', 'bom'];

async function runCommand(command: Command, o: RawOptions, io: Io): Promise<number> {
  const format = readFormat(o);
  const lang = readLang(o, io);
  const data = await loadData(io, o.model as string | undefined);
  const options = Object.fromEntries(Object.entries(o).filter(([k]) => !OUTPUT_KEYS.includes(k)));
  const result = answer(command, options, data, io.today, lang);
  const details = Boolean(o.details) || format === 'markdown';
  await writeResult(io, o, format, result, () => toReport(result, lang, reportOptions(result, data.model, lang, details)));
  return 0;
}

export const estimateCommand = (o: RawOptions, io: Io) => runCommand('estimate', o, io);
export const netCommand = (o: RawOptions, io: Io) => runCommand('net', o, io);
export const grossCommand = (o: RawOptions, io: Io) => runCommand('gross', o, io);

export function reportOptions(r: Result, model: Model, lang: Lang, details: boolean): ReportOptions {
  return {
    heading: heading(r, model, lang),
    details,
    cityName: (id, l) => model.cities[id]?.[l],
    seedTitle: (id) => model.sources[id]?.title,
  };
}

export function heading(r: Result, model: Model, lang: Lang): string {
  const input = r.input as Record<string, string | number | undefined>;
  const city = input.city ? model.cities[input.city as string] : undefined;
  const parts: string[] = [];
  if (r.command === 'estimate') {
    const level = model.levels[input.level as string];
    parts.push(lang === 'zh' ? level.zh : `${level.en} (${level.zh})`);
  } else {
    const money = (v: unknown) => Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    parts.push(r.command === 'net' ? msg('netHeading', lang, { gross: money(input.gross) }) : msg('grossHeading', lang, { net: money(input.net) }));
  }
  if (city) parts.push(lang === 'zh' ? city.zh : `${city.en} ${city.zh}`);
  if (r.command === 'estimate') {
    const platform = model.platforms[input.platform as string];
    parts.push(platform.label[lang], `${msg('percentile', lang)} ${input.percentile}`);
  }
  parts.push(`${msg('asOf', lang)} ${r.asOf}`);
  return parts.join(' · ');
}
