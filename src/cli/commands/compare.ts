/** `cs-pay compare <a> <b>`: two offers side by side. */
import { fromOptions, isOfferFile, locateOfferError, type Offer, parseInlineOffer } from '../../compare/offer.js';
import { compareOffers, type Comparison } from '../../compare/compare.js';
import { INLINE_KEYS, priceOffer } from '../../compare/price.js';
import type { Lang } from '../../result.js';
import type { Report } from '../../render/sections.js';
import { inLanguage, m } from '../../errors.js';
import { msg } from '../../i18n/messages.js';
import { formatMoney } from '../../money.js';
import { citiesOn, loadData } from '../context.js';
import { dirname, resolve } from 'node:path';
import type { Io } from '../io.js';
import { readFormat, readLang, writeResult } from '../output.js';
import type { RawOptions } from '../../request/keys.js';

const OUTPUT_KEYS = ['json', 'format', 'lang', 'color', 'model', 'ascii', 'bom'];

export async function compareCommand(a: string, b: string, o: RawOptions, io: Io): Promise<number> {
  const lang = readLang(o, io);
  try {
    return await compareIn(lang, a, b, o, io);
  } catch (e) {
    throw inLanguage(e, lang, { help: 'cs-pay compare --help' });
  }
}

async function compareIn(lang: Lang, a: string, b: string, o: RawOptions, io: Io): Promise<number> {
  const format = readFormat(o);
  // --cities is laid over the data for both offers; an offer's own `cities` over that, for its offer.
  const given = await loadData(io, o.model as string | undefined, o.cities as string | undefined);
  const shared = Object.fromEntries(Object.entries(o).filter(([k, v]) => !OUTPUT_KEYS.includes(k) && k !== 'cities' && v !== undefined));
  const offers = await Promise.all([readOffer(a, io, 'A'), readOffer(b, io, 'B')]);
  // The cities reader (yaml, zod) loads only for an offer that names a cities file.
  const data = offers.some(({ offer }) => offer.options.cities !== undefined && offer.options.cities !== null) ? await citiesOn(io, given) : given;
  const [ra, rb] = offers.map(({ offer, locate }) => {
    try {
      return priceOffer(offer, shared, data, io.today, lang);
    } catch (e) {
      throw locate(e);
    }
  });
  const result = compareOffers(ra, rb, lang);
  await writeResult(io, o, format, { ...result, rows: undefined }, () => compareReport(result, lang), () => compareRows(result, lang));
  return 0;
}

async function readOffer(arg: string, io: Io, fallback: string): Promise<{ offer: Offer; locate: (e: unknown) => unknown }> {
  if (!isOfferFile(arg)) return { offer: parseInlineOffer(arg, INLINE_KEYS), locate: (e) => e };
  const [{ readText }, { parseYaml }, { OfferSchema }] = await Promise.all([
    import('../../request/read-file.js'),
    import('../../model/load-yaml.js'),
    import('../../compare/offer-schema.js'),
  ]);
  const text = readText(io, arg, 'offer file');
  const file = parseYaml(text, arg, OfferSchema, m('hint:fix-offer'));
  const locate = (e: unknown) => locateOfferError(e, arg, text);
  // The offer's cities file is found beside the offer file.
  const options: RawOptions = file.cities === undefined ? file : { ...file, cities: resolve(dirname(arg), file.cities) };
  try {
    return { offer: fromOptions(options, arg, file.name ?? fallback), locate };
  } catch (e) {
    throw locate(e);
  }
}

function compareReport(c: Comparison, lang: Lang): Report {
  const money = (n: number | null) => (n === null ? '—' : formatMoney(n));
  const [a, b] = c.offers;
  const sign = (n: number | null) => (n !== null && n > 0 ? `+${money(n)}` : money(n));
  return {
    heading: `A: ${a.name} · B: ${b.name}`,
    sections: [{
      // The answer first: the verdict, then the figures behind it.
      title: msg('verdict', lang),
      head: [],
      right: [],
      rows: [[{ text: msg('verdict', lang), tone: 'bold' as const }, { text: c.verdict, tone: 'bold' as const }]],
      wrap: [1],
      plain: true,
    }, {
      title: msg('sideBySide', lang),
      head: ['', 'A', 'B', 'Δ', 'Δ %', ''],
      right: [1, 2, 3, 4],
      wrap: [0],
      drop: [5, 4],
      rows: c.rows.map((r) => [
        { text: r.label, tone: r.id.startsWith('line:') ? 'dim' as const : undefined },
        { text: money(r.a) + (r.better === 'a' ? ' ◀' : ''), tone: r.better === 'a' ? 'good' as const : undefined },
        { text: money(r.b) + (r.better === 'b' ? ' ◀' : ''), tone: r.better === 'b' ? 'good' as const : undefined },
        { text: sign(r.delta) },
        { text: r.percent === null ? '' : `${r.percent > 0 ? '+' : ''}${r.percent}%`, tone: 'dim' as const },
        { text: r.better ? r.better.toUpperCase() : '' },
      ]),
    }],
    footnotes: [
      ...[a, b].filter((r) => r.warnings.length).map((r) => ({ title: msg('offerWarnings', lang, { name: r.name }), items: r.warnings.map((w) => `[${w.code}] ${w.message}`), tone: 'bad' as const })),
    ],
  };
}

/** Flat CSV: one row per figure, both offers, the difference; numbers plain. */
function compareRows(c: Comparison, lang: Lang): string[][] {
  const [a, b] = c.offers;
  const num = (n: number | null) => (n === null ? '' : String(n));
  return [
    [msg('item', lang), `A: ${a.name}`, `B: ${b.name}`, 'Δ', 'Δ %', msg('better', lang)],
    ...c.rows.map((r) => [r.label, num(r.a), num(r.b), num(r.delta), num(r.percent), r.better ? r.better.toUpperCase() : '']),
    [msg('verdict', lang), '', '', '', '', c.verdict],
    ...[a, b].flatMap((r, i) => r.warnings.map((w) => [msg('warnings', lang), i === 0 ? `[${w.code}] ${w.message}` : '', i === 1 ? `[${w.code}] ${w.message}` : '', '', '', ''])),
  ];
}
