/**
 * Pure: two offer results -> rows with B − A to the fen, a winner per line and
 * a one-line verdict. Amounts stay in yuan at the edges and are subtracted in fen.
 */
import { fenToYuan, formatMoney, yuanToFen } from '../money.js';
import type { Lang, Result } from '../result.js';

export interface OfferResult extends Result {
  name: string;
  origin: string;
  terms: { probationMonths: number; probationPayPercent: number; signOnBonus: number; scheduledHours: number };
  /** The first tax year, month by month: probation months at probation pay, the sign-on bonus in the first month. */
  firstYearNet: number;
  /** The first month as paid: probation pay and the sign-on bonus included. */
  firstMonthNet: number;
  /** That year's reconciliation balance: positive owed, negative refunded. */
  firstYearBalance: number;
  /** Average monthly take-home ÷ (scheduled + overtime hours). */
  hourlyNet: number;
}

/** higher: more is better for the employee; none: shown without a winner. */
type Better = 'higher' | 'lower' | 'none';
export interface CompareRow {
  id: string;
  label: string;
  a: number | null;
  b: number | null;
  /** B − A; null when either side is unknown (employer cost without a city). */
  delta: number | null;
  /** Δ as a percent of A; null where that means nothing (A zero or below, or B of the other sign). */
  percent: number | null;
  better: 'a' | 'b' | null;
}

export interface Comparison {
  schemaVersion: 1;
  command: 'compare';
  offers: [OfferResult, OfferResult];
  delta: Record<string, number | null>;
  rows: CompareRow[];
  verdict: string;
}

const LABELS: Record<string, [string, string, Better]> = {
  grossMonthly: ['Gross a month', '月度税前', 'higher'],
  employeeInsurance: ['Employee insurance', '个人社保', 'none'],
  housingFund: ['Housing fund (yours, locked)', '住房公积金(个人账户)', 'higher'],
  netFirstMonth: ['Take-home, first month', '首月到手', 'higher'],
  netMonthly: ['Take-home, monthly average', '月均到手', 'higher'],
  annualGross: ['Gross a year', '全年税前', 'higher'],
  yearEndBonus: ['Year-end bonus', '年终奖', 'higher'],
  annualNet: ['Take-home a year', '全年到手', 'higher'],
  firstYearNet: ['First-year take-home (probation, sign-on)', '首年到手(含试用期、签约奖)', 'higher'],
  reconciliation: ['Reconciliation: owed (+) or refunded (−)', '年度汇算:补税(+)/退税(−)', 'lower'],
  employerCost: ['Employer cost a year', '企业年度用工成本', 'none'],
  hourlyNet: ['Take-home per hour worked', '每小时到手', 'higher'],
};

const fen = (yuan: number | null | undefined) => (yuan == null ? 0 : yuanToFen(yuan));

/** Figures that may be unknown (null) rather than zero. */
const MAY_BE_UNKNOWN = new Set(['employerCost']);

function figures(r: OfferResult): Record<string, number | null> {
  return {
    grossMonthly: r.gross.monthly,
    employeeInsurance: fenToYuan(fen(r.insurance.employee.total) - fen(r.insurance.employee.housingFund)),
    housingFund: r.insurance.employee.housingFund ?? 0,
    netFirstMonth: r.firstMonthNet,
    netMonthly: r.takeHome.average,
    annualGross: r.annual.gross,
    yearEndBonus: r.annual.bonus,
    annualNet: r.annual.net,
    firstYearNet: r.firstYearNet,
    reconciliation: r.firstYearBalance,
    employerCost: r.annual.employerCost,
    hourlyNet: r.hourlyNet,
  };
}

export function compareOffers(a: OfferResult, b: OfferResult, lang: Lang): Comparison {
  const rows: CompareRow[] = [];
  const lineIds = [...new Set([...a.lines, ...b.lines].map((l) => l.id))];
  for (const id of lineIds) {
    const la = a.lines.find((l) => l.id === id);
    const lb = b.lines.find((l) => l.id === id);
    rows.push(row(`line:${id}`, (la ?? lb)!.label, la?.amount ?? null, lb?.amount ?? null, 'higher'));
  }
  const fa = figures(a);
  const fb = figures(b);
  const delta: Record<string, number | null> = {};
  for (const [id, [en, zh, better]] of Object.entries(LABELS)) {
    const r = row(id, lang === 'zh' ? zh : en, fa[id], fb[id], better, MAY_BE_UNKNOWN.has(id));
    delta[id] = r.delta;
    rows.push(r);
  }
  return { schemaVersion: 1, command: 'compare', offers: [a, b], delta, rows, verdict: verdict(a, b, delta, lang) };
}

function row(id: string, label: string, a: number | null, b: number | null, better: Better, unknown = false): CompareRow {
  if (unknown && (a === null || b === null)) return { id, label, a, b, delta: null, percent: null, better: null };
  const d = fen(b) - fen(a);
  const winner = better === 'none' || d === 0 ? null : (d > 0) === (better === 'higher') ? 'b' : 'a';
  return { id, label, a, b, delta: fenToYuan(d), percent: percentOf(d, a, b), better: winner };
}

/** B − A as a percent of A, the one base throughout; none where A is zero or below, or B is below zero. */
function percentOf(d: number, a: number | null, b: number | null): number | null {
  if (a === null || a <= 0 || (b ?? 0) < 0) return null;
  return Math.round((d / fen(a)) * 10000) / 100;
}

function verdict(a: OfferResult, b: OfferResult, delta: Record<string, number | null>, lang: Lang): string {
  const d = delta.annualNet ?? 0;
  const money = (n: number) => formatMoney(Math.abs(n));
  if (d === 0) return lang === 'zh' ? '两份offer全年到手相同。' : 'Both offers take home the same a year.';
  const [win, lose] = d > 0 ? [b, a] : [a, b];
  // The table's base (A) here too: B's take-home as a percent above or below A's.
  const p = percentOf(yuanToFen(d), a.annual.net, b.annual.net);
  const pct = p === null ? '' : lang === 'zh'
    ? `(B 比 A ${p > 0 ? '高' : '低'} ${Math.abs(p)}%)`
    : ` (B ${p > 0 ? '+' : '−'}${Math.abs(p)}% on A)`;
  const firstYear = Math.sign(delta.firstYearNet ?? 0) !== Math.sign(d) && delta.firstYearNet !== 0;
  if (lang === 'zh') {
    return `${win.name} 全年多到手 ${money(d)} 元${pct}${firstYear ? `;但因试用期/签约奖,首年是 ${lose.name} 更多` : ''}。`;
  }
  return `${win.name} takes home ${money(d)} more a year${pct}${firstYear ? `, though ${lose.name} pays more in the first year (probation, sign-on)` : ''}.`;
}
