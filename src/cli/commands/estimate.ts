import { answer, type Command } from '../../answer.js';
import type { Result } from '../../result.js';
import { toReport } from '../../render/sections.js';
import { t } from '../../render/labels.js';
import { loadData } from '../context.js';
import type { Io } from '../io.js';
import { readFormat, readLang, writeResult } from '../output.js';
import type { RawOptions } from '../request.js';
import type { Model } from '../../model/model.js';
import type { Lang } from '../../result.js';

const OUTPUT_KEYS = ['json', 'format', 'lang', 'color', 'model', 'details'];

async function runCommand(command: Command, o: RawOptions, io: Io): Promise<number> {
  const format = readFormat(o);
  const lang = readLang(o, io);
  const data = await loadData(io, o.model as string | undefined);
  const options = Object.fromEntries(Object.entries(o).filter(([k]) => !OUTPUT_KEYS.includes(k)));
  const result = answer(command, options, data, io.today, lang);
  await writeResult(io, o, format, result, () => toReport(result, lang, heading(result, data.model, lang)));
  return 0;
}

export const estimateCommand = (o: RawOptions, io: Io) => runCommand('estimate', o, io);
export const netCommand = (o: RawOptions, io: Io) => runCommand('net', o, io);
export const grossCommand = (o: RawOptions, io: Io) => runCommand('gross', o, io);

export function heading(r: Result, model: Model, lang: Lang): string {
  const input = r.input as Record<string, string | number | undefined>;
  const city = input.city ? model.cities[input.city as string] : undefined;
  const parts: string[] = [];
  if (r.command === 'estimate') {
    const level = model.levels[input.level as string];
    parts.push(lang === 'zh' ? level.zh : `${level.en} (${level.zh})`);
  } else {
    parts.push(r.command === 'net' ? `net --gross ${input.gross}` : `gross --net ${input.net}`);
  }
  if (city) parts.push(lang === 'zh' ? city.zh : `${city.en} ${city.zh}`);
  if (r.command === 'estimate') {
    const platform = model.platforms[input.platform as string];
    parts.push(platform.label[lang], `${t('percentile', lang)} ${input.percentile}`);
  }
  parts.push(`${t('asOf', lang)} ${r.asOf}`);
  return parts.join(' · ');
}
