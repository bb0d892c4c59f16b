/**
 * Results -> one flat CSV table with a header row (CONTRACT, "Tables, CSV and
 * languages"): numbers plain (no thousands separators, no markers), one row
 * per figure or per result, warnings kept as a column. RFC 4180 quoting.
 */
import { msg, type MessageKey } from '../i18n/messages.js';
import { csvCell } from './csv-cell.js';
import type { MatrixJson } from '../matrix.js';
import type { Lang, Result } from '../result.js';
import { monthNote, reconciliationState, type Report, sourceTag } from './sections.js';

export function renderCsv(rows: string[][]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(Math.round(n * 100) / 100));

/** A report of one table as CSV: its head, then its rows, numbers made plain. */
export function reportRows(report: Report): string[][] {
  const tables = report.sections.filter((s) => !s.plain);
  const plain = (s: string) => (/^[+-]?[\d,]+(\.\d+)?$/.test(s) ? s.replace(/[,+]/g, '') : s);
  if (tables.length === 1) {
    const [s] = tables;
    return [s.head, ...s.rows.map((r) => r.filter((c) => c.tone !== 'bar').map((c) => plain(c.text)))];
  }
  // Several tables: one more column names the table of each row.
  const width = Math.max(...tables.map((s) => s.head.length));
  const pad = (r: string[]) => [...r, ...Array(width - r.length).fill('')];
  return [
    ['', ...pad([])],
    ...tables.flatMap((s) => [[s.title, ...pad(s.head)], ...s.rows.map((r) => ['', ...pad(r.map((c) => plain(c.text)))])]),
  ];
}

/** One estimate, net or gross: one row per figure (section, item, month, amount, note). */
export function resultRows(r: Result, lang: Lang): string[][] {
  const t = (key: MessageKey, params?: Record<string, unknown>) => msg(key, lang, params);
  const rows: string[][] = [[t('csv:section'), t('item'), t('month'), t('amount'), t('csv:note')]];
  const add = (section: MessageKey, item: string, month: number | '', amount: number | null, note = '') =>
    rows.push([t(section), item, month === '' ? '' : String(month), num(amount), note]);

  add('summary', t('average'), '', r.takeHome.average);
  add('summary', t('firstMonth'), '', r.takeHome.firstMonth);
  add('summary', t('annualNet'), '', r.annual.net);
  add('summary', t('grossMonthly'), '', r.gross.monthly);
  add('summary', t('employerCost'), '', r.annual.employerCost);
  add('summary', t('reconciliation'), '', r.reconciliation.balance, reconciliationState(r, lang));

  for (const l of r.lines) add('grossPay', l.label, '', l.amount, [l.detail, tagOf(l.source, lang)].filter(Boolean).join('; '));
  if (r.yearEnd && r.yearEnd.bonus > 0) add('grossPay', t('yearEnd'), '', r.yearEnd.bonus, tagOf(r.yearEnd.source, lang));

  if (r.insurance) {
    const { base, employee, employer } = r.insurance;
    const items: [MessageKey, number | null, number | null, number | null][] = [
      ['pension', base.social, employee.pension, employer.pension],
      ['medical', base.medical ?? base.social, employee.medical, employer.medical],
      ['unemployment', base.unemployment ?? base.social, employee.unemployment, employer.unemployment],
      ['injury', base.social, null, employer.injury],
      ['housingFund', base.housingFund, employee.housingFund, employer.housingFund],
    ];
    for (const [key, b, e, er] of items) {
      add('insurance', `${t(key)}: ${t('base')}`, '', b);
      if (e !== null) add('insurance', `${t(key)}: ${t('employee')}`, '', e);
      add('insurance', `${t(key)}: ${t('employer')}`, '', er);
    }
    add('insurance', `${t('total')}: ${t('employee')}`, '', employee.total);
    add('insurance', `${t('total')}: ${t('employer')}`, '', employer.total);
  }

  r.months.forEach((mo, i) => {
    const note = monthNote(r, i, lang);
    add('schedule', t('gross'), mo.month, mo.gross, note);
    add('schedule', t('insuranceShort'), mo.month, mo.insurance);
    add('schedule', t('cumTaxable'), mo.month, mo.cumulativeTaxable);
    add('schedule', t('rate'), mo.month, mo.rate);
    add('schedule', t('tax'), mo.month, mo.tax);
    add('schedule', t('net'), mo.month, mo.net);
  });

  const a = r.annual;
  add('year', t('annualWages'), '', a.gross - a.bonus);
  add('year', t('bonus'), '', a.bonus, a.bonus > 0 ? t(a.bonusTaxMethod === 'merged' ? 'merged' : 'separate') : '');
  add('year', t('bonusTax'), '', a.bonusTax);
  add('year', t('incomeTax'), '', a.incomeTax);
  add('year', t('annualInsurance'), '', a.insurance);
  add('year', t('annualNet'), '', a.net);
  add('year', t('employerCost'), '', a.employerCost);

  for (const note of r.notes) add('notes', note.code, '', null, note.message);
  for (const w of r.warnings) add('warnings', w.code, '', null, w.message);
  return rows;
}

const tagOf = (source: string, lang: Lang) => {
  const tag = sourceTag(source);
  return tag === 'derived' || tag === 'assumption' || tag === 'input' ? msg(`tag:${tag}`, lang) : tag;
};

/** Several estimates: one row each, warnings in the last column. */
export function matrixRows(mx: MatrixJson, lang: Lang): string[][] {
  const t = (key: MessageKey) => msg(key, lang);
  const head = [
    t('city'), t('level'), t('platform'), t('csv:percentile'), t('grossShort'), t('takeHomeMonth'), t('firstMonth'), t('takeHomeYear'),
    t('incomeTax'), t('annualInsurance'), t('employerCostYear'), t('reconciliation'), t('warnings'),
  ];
  const rows = mx.rows.map((r) => {
    const input = r.input as Record<string, unknown>;
    return [
      String(input.city), String(input.level), String(input.platform), String(input.percentile),
      num(r.gross.monthly), num(r.takeHome.average), num(r.takeHome.firstMonth), num(r.annual.net),
      num(r.annual.incomeTax), num(r.annual.insurance), num(r.annual.employerCost), num(r.reconciliation.balance),
      r.warnings.map((w) => `[${w.code}] ${w.message}`).join(' '),
    ];
  });
  return [head, ...rows];
}
