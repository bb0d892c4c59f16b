/** `cs-pay cities | levels | platforms`: the identifiers the model accepts. */
import { loadData } from '../context.js';
import type { Io } from '../io.js';
import { readFormat, readLang, writeResult } from '../output.js';
import type { RawOptions } from '../../request/keys.js';
import type { Report } from '../../render/sections.js';
import { type MessageKey, msg } from '../../i18n/messages.js';
import { listJson, type ListItem, type ListKind as Kind } from '../../lists.js';
import { parseDate } from '../../request/values.js';
import type { Lang } from '../../result.js';

export async function listCommand(kind: Kind, o: RawOptions, io: Io): Promise<number> {
  const format = readFormat(o);
  const lang = readLang(o, io);
  const data = await loadData(io, o.model as string | undefined, o.cities as string | undefined);
  const date = o.date === undefined ? io.today : parseDate('--date', String(o.date));
  const value = listJson(kind, data.model, kind === 'cities' ? { law: data.law, date } : undefined);
  const items = value[kind];
  if (kind === 'cities') {
    await writeResult(io, o, format, value, () => citiesReport(items, lang, date), () => citiesCsv(items));
    return 0;
  }
  const head = (['list:id', 'list:en', 'list:zh', 'list:more'] as const).map((k) => msg(k, lang));
  const more = (i: Record<string, unknown>) =>
    ((i.levels ?? i.platforms ?? i.aliases) as string[]).join(' ');
  const report = (): Report => ({
    heading: msg(`list:${kind}`, lang),
    sections: [{ title: msg(`list:${kind}`, lang), head, right: [], rows: items.map((i) => [i.id, i.en, i.zh, more(i)].map((text) => ({ text }))), wrap: [1, 3] }],
    footnotes: [],
  });
  await writeResult(io, o, format, value, report);
  return 0;
}

/** One row a city: names, province, rent tier, the period its figures cover and its flags, every word from the catalogue. */
function cityCells(c: ListItem, lang: Lang): string[] {
  const t = (key: string) => msg(key as MessageKey, lang);
  const covered = `${c.coveredFrom ?? ''} → ${c.coveredUntil ?? t('list:open')}`;
  return [
    c.id,
    lang === 'zh' ? c.zh : c.en,
    (lang === 'zh' ? c.provinceZh : c.province) ?? '',
    c.rentTier ? t(`key:${c.rentTier}`) : '',
    covered,
    (c.flags ?? []).map((f) => t(`flag:${f}`)).join(lang === 'zh' ? '、' : ', '),
  ];
}

function citiesHead(lang: Lang): string[] {
  return (['list:id', lang === 'zh' ? 'list:zh' : 'list:en', 'list:province', 'list:rentTier', 'list:covered', 'list:flags'] as const).map((k) => msg(k, lang));
}

function citiesReport(items: ListItem[], lang: Lang, date: string): Report {
  return {
    heading: msg('list:cities', lang),
    sections: [{
      title: `${msg('list:cities', lang)} (${date})`,
      head: citiesHead(lang),
      right: [],
      rows: items.map((c) => cityCells(c, lang).map((text, i) => ({ text, tone: i === 5 && text ? ('bad' as const) : undefined }))),
      wrap: [1, 3, 4, 5],
    }],
    footnotes: [],
  };
}

function citiesCsv(items: ListItem[]): string[][] {
  const head = ['id', 'en', 'zh', 'province', 'provinceZh', 'rentTier', 'coveredFrom', 'coveredUntil', 'flags'];
  return [head, ...items.map((c) => [c.id, c.en, c.zh, c.province ?? '', c.provinceZh ?? '', c.rentTier ?? '', c.coveredFrom ?? '', c.coveredUntil ?? '', (c.flags ?? []).join(' ')])];
}
