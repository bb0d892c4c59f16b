/**
 * Pure: compensation model + job inputs -> monthly gross pay lines.
 * No files, clock or environment here; the CLI resolves and hands in everything.
 */
import { m, UsageError } from '../errors.js';
import { checkMonthPay } from './month-cap.js';
import { applyRate, type Fen, formatMoney, roundFen, sumFen, yuanToFen } from '../money.js';
import type { Component, Range } from '../model/model-schema.js';
import type { Model } from '../model/model.js';
import type { Localized } from '../i18n/messages.js';

export interface PayInput {
  platform: string;
  city: string;
  level: string;
  /** 0-100: where to sit inside every range of the model. */
  percentile: number;
  satisfaction?: number; // fraction, 0.96
  kpi?: number; // fraction of the team target, 1.15
  orders?: number;
  nightShifts?: number;
  overtime?: number; // weekday hours a month
  restDayOvertime?: number;
  holidayOvertime?: number;
  base?: Fen; // replaces the model's base pay
  yearEndMonths?: number;
  /** 1–12: pay components paid quarterly or yearly land in their months. Without it, they show as a monthly average. */
  month?: number;
  /** Components at the amount an offer states (`--set`), in their own unit: yuan, or a fraction of base. */
  set?: Record<string, number>;
}

/** Labor Law Art. 44 multipliers and the 174-hour divisor, resolved from data/law by the caller. */
export interface OvertimeRules {
  hoursPerMonth: number;
  weekday: number;
  restDay: number;
  holiday: number;
  monthlyCap: number;
  source: string;
}

export interface Text {
  en: string;
  zh: string;
}

export interface PayLine {
  id: string;
  label: Text;
  amount: Fen;
  taxable: boolean;
  /** Overtime and night-shift pay do not count toward the minimum wage (FACTS §5). */
  countsTowardMinimumWage: boolean;
  /** Paid every month (false: a quarterly or yearly payment landing in this month). */
  regular: boolean;
  source: string;
  /** How the amount was reached ("7,250.00 × 20%"), in both languages or as a catalogue key. */
  detail: Words;
}

/** Words the result says in the language asked for: text in both languages, or a catalogue key and params (src/i18n). */
export type Words = Text | Localized;

export interface PayNote {
  code: string;
  message: Words;
}

export interface Breakdown {
  lines: PayLine[];
  monthly: Fen;
  base: Fen;
  yearEndMonths: number;
  yearEndBonus: Fen;
  yearEndSource: string;
  /** The inputs actually used, defaults filled in. */
  used: Required<Pick<PayInput, 'satisfaction' | 'kpi' | 'orders' | 'nightShifts'>>;
  notes: PayNote[];
}

/** The point at `percentile` inside a range. */
export function pick(range: Range, percentile: number): number {
  return range.low + ((range.high - range.low) * percentile) / 100;
}

export function estimatePay(model: Model, input: PayInput, overtime: OvertimeRules): Breakdown {
  const platform = model.platforms[input.platform];
  const level = platform.levels[input.level];
  const named = Object.hasOwn(platform.cityClass, input.city) ? platform.cityClass[input.city] : undefined;
  const cityClass = named ?? platform.otherCities;
  if (!cityClass) {
    const city = model.cities[input.city];
    throw new UsageError(
      m('e:model-no-city', { city: { en: city?.en ?? input.city, zh: city?.zh ?? input.city }, platform: input.platform }),
      m('hint:model-no-city'),
    );
  }
  const p = input.percentile;
  const used = {
    satisfaction: input.satisfaction ?? model.defaults.satisfaction.value,
    kpi: input.kpi ?? model.defaults.kpi.value,
    orders: input.orders ?? model.defaults.orders.value,
    nightShifts: input.nightShifts ?? model.defaults.nightShifts.value,
  };
  const notes: PayNote[] = [];
  if (!named && input.base === undefined) {
    // The seeds give no pay for this city: say which class stands in, and that it is an assumption.
    const city = model.cities[input.city];
    notes.push({
      code: 'city-class-assumed',
      message: { key: 'n:city-class-assumed', params: { city: { en: city?.en ?? input.city, zh: city?.zh ?? input.city }, class: className(cityClass.id), factor: cityClass.factor } },
    });
  }

  const base =
    input.base ?? yuanToFen(pick(level.base, p) * cityClass.factor);
  const lines: PayLine[] = [
    {
      id: 'base',
      label: { en: 'Base pay', zh: '底薪' },
      amount: base,
      taxable: true,
      countsTowardMinimumWage: true,
      regular: true,
      source: input.base !== undefined ? 'input: --base' : level.base.source,
      detail:
        input.base !== undefined
          ? { key: 'given' }
          : { key: 'detail:base', params: { amount: fmt(pick(level.base, p)), factor: cityClass.factor, class: className(cityClass.id) } },
    },
  ];

  for (const model of level.components) {
    const c = settled(model, input.set?.[model.id]);
    const times = paidTimes(c.paid, input.month);
    if (times === 0) continue;
    const line = componentLine(c, base, p, used, notes, times);
    if (line && line.amount > 0) lines.push(line);
  }

  const hours = (input.overtime ?? 0) + (input.restDayOvertime ?? 0) + (input.holidayOvertime ?? 0);
  if (hours > 0) {
    lines.push(overtimeLine(base, input, overtime));
    if (hours > overtime.monthlyCap) {
      notes.push({
        code: 'overtime-over-cap',
        message: {
          en: `${hours} overtime hours a month is over the legal cap of ${overtime.monthlyCap} (Labor Law Art. 41).`,
          zh: `每月加班 ${hours} 小时,超过法定上限 ${overtime.monthlyCap} 小时(劳动法第41条)。`,
        },
      });
    }
  }

  const yearEndMonths = input.yearEndMonths ?? round2(pick(level.yearEndMonths, p));
  const monthly = sumFen(lines.map((l) => l.amount));
  checkMonthPay(lines, monthly, input.month);
  return {
    lines,
    monthly,
    base,
    yearEndMonths,
    yearEndBonus: roundFen(base * yearEndMonths),
    yearEndSource: input.yearEndMonths !== undefined ? 'input: --year-end-months' : level.yearEndMonths.source,
    used,
    notes,
  };
}

/** A component at the amount given with --set: the range closes on it, and the source says so. */
function settled(c: Component, amount: number | undefined): Component {
  if (amount === undefined) return c;
  const range = { low: amount, high: amount };
  const source = `input: --set ${c.id}`;
  return c.kind === 'percent-of-base' ? { ...c, rate: range, source } : { ...c, amount: range, source };
}

/** Months' worth a component pays in `month`: 1 when monthly (or no month given), 3 or 12 in its months, else 0. */
function paidTimes(paid: Component['paid'], month: number | undefined): number {
  if (paid === 'monthly' || month === undefined) return 1;
  if (paid === 'quarterly') return month % 3 === 0 ? 3 : 0;
  return month === 12 ? 12 : 0;
}

function componentLine(
  c: Component,
  base: Fen,
  p: number,
  used: Breakdown['used'],
  notes: PayNote[],
  times: number,
): PayLine | undefined {
  const regular = c.paid === 'monthly';
  const line = { id: c.id, label: c.label, taxable: c.taxable, countsTowardMinimumWage: regular, regular, source: c.source };
  const line1 = componentLine1(c, base, p, used, notes, line, times);
  if (!line1 || times === 1 || c.kind === 'threshold') return line1;
  // A quarterly or yearly payment: the months' worth, paid at once.
  return { ...line1, amount: line1.amount * times, detail: { key: 'detail:times', params: { detail: line1.detail, times } } };
}

function componentLine1(
  c: Component,
  base: Fen,
  p: number,
  used: Breakdown['used'],
  notes: PayNote[],
  line: Omit<PayLine, 'amount' | 'detail'>,
  times: number,
): PayLine | undefined {
  switch (c.kind) {
    case 'fixed': {
      const amount = yuanToFen(pick(c.amount, p));
      return { ...line, amount, detail: same(fmt(amount / 100)) };
    }
    case 'percent-of-base': {
      const rate = pick(c.rate, p);
      return { ...line, amount: applyRate(base, rate), detail: same(`${fmt(base / 100)} × ${pct(rate)}`) };
    }
    case 'per-order': {
      const each = pick(c.amount, p);
      return { ...line, amount: yuanToFen(each * used.orders), detail: same(`${used.orders} × ${fmt(each)}`) };
    }
    case 'per-night-shift': {
      const each = pick(c.amount, p);
      return {
        ...line,
        countsTowardMinimumWage: false,
        amount: yuanToFen(each * used.nightShifts),
        detail: same(`${used.nightShifts} × ${fmt(each)}`),
      };
    }
    case 'threshold': {
      const value = used[c.input];
      const bar = c.atLeast ?? c.above!;
      const earned = c.atLeast !== undefined ? value >= c.atLeast : value > bar;
      if (!earned) {
        const flag = c.input === 'kpi' ? '--kpi' : '--satisfaction';
        const op = c.atLeast !== undefined ? '≥' : '>';
        notes.push({
          code: 'not-earned',
          message: {
            en: `${c.label.en} not earned: ${c.input} ${pct(value)} is not ${op} ${pct(bar)} (set ${flag}).`,
            zh: `${c.label.zh}未达成:${c.input === 'kpi' ? '团队目标达成率' : '满意度'} ${pct(value)},需 ${op} ${pct(bar)}(用 ${flag} 设定)。`,
          },
        });
        return undefined;
      }
      const per = pick(c.amount, p);
      const months = { month: 1, quarter: 3, year: 12 }[c.per];
      // `times` months' worth paid at once: a quarter's bonus paid quarterly is the whole bonus.
      const detail = times === months ? fmt(per) : months === 1 ? `${fmt(per)} × ${times}` : `${fmt(per)} × ${times} / ${months}`;
      return { ...line, amount: yuanToFen((per * times) / months), detail: same(detail) };
    }
  }
}

function overtimeLine(base: Fen, input: PayInput, rules: OvertimeRules): PayLine {
  const parts: [number | undefined, number][] = [
    [input.overtime, rules.weekday],
    [input.restDayOvertime, rules.restDay],
    [input.holidayOvertime, rules.holiday],
  ];
  const weighted = parts.reduce((sum, [h, m]) => sum + (h ?? 0) * m, 0);
  const hours = parts.filter(([h]) => (h ?? 0) > 0).map(([h, m]) => ({ hours: h, rate: pct(m) }));
  return {
    id: 'overtime',
    label: { en: 'Overtime', zh: '加班费' },
    amount: roundFen((base * weighted) / rules.hoursPerMonth),
    taxable: true,
    countsTowardMinimumWage: false,
    regular: true,
    source: rules.source,
    detail: { key: 'overtimeOf', params: { parts: { key: 'hoursAtList', params: { parts: hours } }, base: fmt(base / 100), divisor: rules.hoursPerMonth } },
  };
}

const same = (text: string): Text => ({ en: text, zh: text });
/** The model's city classes by name (src/i18n); a custom class keeps its id. */
const className = (id: string): Localized => ({ key: 'className', params: { id } });
const round2 = (n: number) => Math.round(n * 100) / 100;
const fmt = formatMoney;
const pct = (f: number) => `${round2(f * 100)}%`;
