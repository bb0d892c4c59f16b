/** `cs-pay estimate`, `net` and `gross`: one result (or, for estimate, several at once) as a table, JSON, CSV or markdown. */
import { answer, type Command } from '../../answer.js';
import { inLanguage, m, UsageError } from '../../errors.js';
import { msg } from '../../i18n/messages.js';
import { formatMoney } from '../../money.js';
import { estimateMatrix, isMatrix, single } from '../../matrix.js';
import type { Model } from '../../model/model.js';
import type { ReportOptions } from '../../render/sections.js';
import type { Lang, Result } from '../../result.js';
import { loadData } from '../context.js';
import type { Io } from '../io.js';
import { readFormat, readLang, writeResult } from '../output.js';
import type { RawOptions } from '../../request/keys.js';

const OUTPUT_KEYS = ['json', 'format', 'lang', 'color', 'model', 'details', 'ascii', 'bom'];

async function runCommand(command: Command, o: RawOptions, io: Io): Promise<number> {
  const lang = readLang(o, io);
  try {
    return await answerCommand(command, o, io, lang);
  } catch (e) {
    throw inLanguage(e, lang, { help: `cs-pay ${command} --help` });
  }
}

async function answerCommand(command: Command, o: RawOptions, io: Io, lang: Lang): Promise<number> {
  const format = readFormat(o);
  const data = await loadData(io, o.model as string | undefined, o.cities as string | undefined);
  // --cities is already laid over the data.
  const options = Object.fromEntries(Object.entries(o).filter(([k]) => !OUTPUT_KEYS.includes(k) && k !== 'cities'));
  if (command === 'estimate' && isMatrix(options)) {
    const mx = estimateMatrix(options, data, io.today, lang);
    const [{ matrixReport }, { matrixRows }] = await Promise.all([import('../../render/matrix.js'), import('../../render/csv.js')]);
    const model = data.model;
    const names = {
      city: (id: string) => model.cities[id]?.[lang] ?? id,
      level: (id: string) => model.levels[id]?.[lang] ?? id,
      platform: (id: string) => model.platforms[id]?.label[lang] ?? id,
    };
    await writeResult(io, o, format, mx, () => matrixReport(mx, names, lang, mx.leftOut), () => matrixRows(mx, lang));
    return 0;
  }
  const result = answer(command, command === 'estimate' ? single(options) : oneCity(options), data, io.today, lang);
  const details = Boolean(o.details) || format === 'markdown';
  // The report (src/render/sections.js) loads only for a table or markdown: --json and CSV do not use it.
  const { toReport } = format === 'table' || format === 'markdown' ? await import('../../render/sections.js') : { toReport: undefined };
  await writeResult(io, o, format, result, () => toReport!(result, lang, reportOptions(result, data.model, lang, details)), async () => {
    const { resultRows } = await import('../../render/csv.js');
    return resultRows(result, lang);
  });
  return 0;
}

/** net and gross answer for one city: a repeated --city is refused, not cut to its last value. */
function oneCity(o: RawOptions): RawOptions {
  const list = Array.isArray(o.city) ? [...new Set(o.city as string[])] : undefined;
  if (!list) return o;
  if (list.length > 1) throw new UsageError(m('e:repeated-flag', { flag: '--city', values: list.join(', ') }), m('e:list-only-estimate', { flag: '--city' }));
  return { ...o, city: list[0] };
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
    parts.push(r.command === 'net' ? msg('netHeading', lang, { gross: formatMoney(Number(input.gross)) }) : msg('grossHeading', lang, { net: formatMoney(Number(input.net)) }));
  }
  if (city) parts.push(lang === 'zh' ? city.zh : `${city.en} ${city.zh}`);
  if (r.command === 'estimate') {
    const platform = model.platforms[input.platform as string];
    parts.push(platform.label[lang], `${msg('percentile', lang)} ${input.percentile}`);
  }
  parts.push(`${msg('asOf', lang)} ${r.asOf}`);
  return parts.join(' · ');
}
