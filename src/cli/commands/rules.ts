/**
 * `cs-pay rules --city <city> [--date]`: every law figure in force for a city
 * on a date (the city's own, then the national tax figures), with its value,
 * period, document and confidence. What an HR lead checks before quoting a number.
 */
import { inLanguage } from '../../errors.js';
import { type MessageKey, msg } from '../../i18n/messages.js';
import { refIn } from '../../i18n/law.js';
import { confidenceName, figureName, formatValue } from '../../i18n/names.js';
import type { Report } from '../../render/sections.js';
import type { Lang } from '../../result.js';
import { listRules } from '../../rules.js';
import { loadData } from '../context.js';
import type { Io } from '../io.js';
import { readFormat, readLang, writeResult } from '../output.js';
import { m, UsageError } from '../../errors.js';
import { identifyCity } from '../../request/identify.js';
import type { RawOptions } from '../../request/keys.js';

export async function rulesCommand(o: RawOptions, io: Io): Promise<number> {
  const lang = readLang(o, io);
  try {
    return await rulesIn(lang, o, io);
  } catch (e) {
    throw inLanguage(e, lang, { help: 'cs-pay rules --help' });
  }
}

async function rulesIn(lang: Lang, o: RawOptions, io: Io): Promise<number> {
  if (o.format === 'yaml') return printBlock(o, io);
  const format = readFormat(o);
  const t = (key: MessageKey, params?: Record<string, unknown>) => msg(key, lang, params);
  const data = await loadData(io, undefined, o.cities as string | undefined);
  const value = listRules(o, data, io.today);
  const { city, asOf: date, rounding, rules: rows } = value;
  const c = data.law.cities[city];
  const cityName = (id: string, l: Lang) => data.model.cities[id]?.[l];
  const report = (): Report => ({
    heading: t('rulesHeading', { city: lang === 'zh' ? c.nameZh : `${c.name} ${c.nameZh}`, date }),
    sections: [{
      title: t('rulesTitle'),
      head: ['#', t('figure'), t('value'), t('period'), t('confidence')],
      right: [0],
      rows: rows.map((r, i) => [
        { text: String(i + 1), tone: 'dim' },
        { text: figureName(r.id, r.label, lang, cityName) },
        { text: formatValue(r.value, r.unit, lang) },
        { text: r.until ? `${r.from} → ${r.until}${r.stale ? t('past') : ''}` : `${r.from} →`, tone: r.stale ? 'bad' : undefined },
        { text: confidenceName(r.confidence, lang), tone: r.confidence === 'official' || r.confidence === 'secondary' ? undefined : 'bad' },
      ]),
      wrap: [1, 2, 3],
      drop: [4],
    }],
    // The documents are long; numbered below the table, they leave it room.
    footnotes: [{ title: t('document'), items: rows.map((r, i) => `${i + 1}. ${refIn(r.ref, lang)}${r.url ? ` ${r.url}` : ''}`), tone: 'dim' }, {
      title: t('rounding'),
      items: [
        t('roundingSocial', { unit: t(`round:${rounding.socialInsurance.unit}`), mode: t(`round:${rounding.socialInsurance.mode}`) }),
        t('roundingFund', { unit: t(`round:${rounding.housingFund.unit}`), mode: t(`round:${rounding.housingFund.mode}`) }),
      ],
    }],
  });
  // CSV: one row per figure, the document and its link in columns of their own.
  const csv = () => [
    ['id', t('figure'), t('value'), t('from'), t('until'), t('confidence'), t('document'), 'URL'],
    ...rows.map((r) => [r.id, figureName(r.id, r.label, lang, cityName), formatValue(r.value, r.unit, lang), r.from, r.until ?? '', confidenceName(r.confidence, lang), refIn(r.ref, lang), r.url ?? '']),
  ];
  await writeResult(io, o, format, value, report, csv);
  return 0;
}

/**
 * `--format yaml`: the city's own block of data/law/cities.yaml, every dated figure
 * (not only those in force), ready to copy, edit and read back with --cities.
 */
async function printBlock(o: RawOptions, io: Io): Promise<number> {
  if (o.json) throw new UsageError(m('e:two-formats', { format: 'yaml' }), m('hint:use-one'));
  const data = await loadData(io, undefined, o.cities as string | undefined);
  if (o.city === undefined) throw new UsageError('rules needs a city (--city).', `Cities: ${Object.keys(data.law.cities).join(', ')}.`);
  const id = identifyCity(data.model, String(o.city));
  const { dumpYaml } = await import('../../model/dump-yaml.js');
  // The marks of a city read from a file are cs-pay's, not the schema's: a block read back must validate.
  const block = JSON.parse(JSON.stringify({ [id]: data.law.cities[id] }, (k, v) => (k === 'source' && v === 'file' ? undefined : v)));
  const head = [
    `# ${data.law.cities[id].name}: its block of cs-pay's data/law/cities.yaml (schema as there).`,
    `# Edit it (another id for another city) and use it with: cs-pay net --gross 9000 --city ${id} --cities <this file>`,
  ].join('\n');
  io.stdout(`${head}\n${dumpYaml(block)}`);
  return 0;
}
