/** Several estimates -> one table, a row per combination (city, level, gross, take-home, employer cost). */
import { msg, type MessageKey } from '../i18n/messages.js';
import type { LeftOut, MatrixJson } from '../matrix.js';
import type { Lang } from '../result.js';
import { type Cell, money, type Report } from './sections.js';

export interface Names {
  city: (id: string) => string;
  level: (id: string) => string;
  platform: (id: string) => string;
}

export function matrixReport(mx: MatrixJson, names: Names, lang: Lang, leftOut: LeftOut[] = []): Report {
  const t = (key: MessageKey, params?: Record<string, unknown>) => msg(key, lang, params);
  const input = (i: number) => mx.rows[i].input as Record<string, string>;
  const platforms = new Set(mx.rows.map((_, i) => input(i).platform));
  const showPlatform = platforms.size > 1;
  const c = (text: string, tone?: Cell['tone']): Cell => ({ text, tone });
  const rows = mx.rows.map((r, i) => [
    c(names.city(input(i).city)),
    c(names.level(input(i).level)),
    ...(showPlatform ? [c(names.platform(input(i).platform))] : []),
    c(money(r.gross.monthly)),
    c(money(r.takeHome.average), 'bold'),
    c(money(r.annual.net)),
    c(r.annual.employerCost === null ? t('unknown') : money(r.annual.employerCost), 'dim'),
  ]);
  const head = [t('city'), t('level'), ...(showPlatform ? [t('platform')] : []), t('grossShort'), t('takeHomeMonth'), t('takeHomeYear'), t('employerCostYear')];
  const first = showPlatform ? 3 : 2;
  const warned = mx.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.warnings.length > 0);
  const label = (i: number) => [names.city(input(i).city), names.level(input(i).level), ...(showPlatform ? [names.platform(input(i).platform)] : [])].join(' · ');
  const asOf = mx.rows[0]?.asOf;
  return {
    heading: [t('matrix', { n: mx.rows.length }), ...(showPlatform ? [] : [names.platform([...platforms][0])]), ...(asOf ? [`${t('asOf')} ${asOf}`] : [])].join(' · '),
    sections: [{
      title: t('summary'),
      head,
      right: [first, first + 1, first + 2, first + 3],
      rows,
      wrap: showPlatform ? [0, 1, 2] : [0, 1],
      // The year's take-home goes first on a narrow screen: the month's is the answer.
      drop: [first + 2, first + 3],
    }],
    footnotes: [
      ...(leftOut.length ? [{ title: t('notes'), items: [t('matrixLeftOut', { list: leftOut.map((x) => `${names.level(x.level)} · ${names.platform(x.platform)}`).join(lang === 'zh' ? ';' : '; ') })] }] : []),
      ...(warned.length ? [{ title: t('matrixWarnings'), items: byCode(warned.map(({ r, i }) => ({ codes: r.warnings.map((w) => w.code), label: label(i) })), mx.rows.length, lang), tone: 'bad' as const }] : []),
    ],
  };
}

/** "[stale-data] Hangzhou · Senior agent; Beijing · Senior agent": each warning once, with the rows it concerns. */
function byCode(rows: { codes: string[]; label: string }[], total: number, lang: Lang): string[] {
  const labels = new Map<string, string[]>();
  for (const { codes, label } of rows) for (const code of new Set(codes)) labels.set(code, [...(labels.get(code) ?? []), label]);
  return [...labels].map(([code, list]) => `[${code}] ${list.length === total ? msg('allRows', lang) : list.join(lang === 'zh' ? ';' : '; ')}`);
}
