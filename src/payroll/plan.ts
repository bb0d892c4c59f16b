/**
 * The year as a value: twelve months, each with its own input, its employer
 * and the day whose rules apply, built once from a request. `--from` changes
 * carry over to later months, `--in` changes touch one month, and `--job`
 * starts a new employer (its changes carry over too).
 */
import { UsageError } from '../errors.js';

const text = (key: 'e:change-month' | 'hint:change-form' | 'e:job-twice' | 'e:change-twice' | 'hint:change-twice' | 'e:job-before-start' | 'hint:job-before-start', params?: Record<string, unknown>) => ({ key, params });
import type { ChangeKind, MonthFields, PayrollInput } from './types.js';

export interface Change<T> {
  kind: ChangeKind;
  month: number;
  values: Partial<T>;
}

export interface PlanMonth {
  month: number;
  /** Index into `employers`; null before the start month. */
  employer: number | null;
  /** YYYY-MM-01: the rules of the month. */
  date: string;
  fields: MonthFields;
}

export interface Employment {
  fromMonth: number;
  toMonth: number;
  firstJob: boolean;
  lastYearUnder60k: boolean;
}

export interface YearPlan {
  year: number;
  /** The month shown on top: the month of `date`, or the first month employed if later. */
  focus: number;
  startMonth: number;
  months: PlanMonth[];
  employers: Employment[];
}

const FLAG: Record<ChangeKind, string> = { from: '--from', in: '--in', job: '--job' };

/** One options object per month (1–12): the base, with each change applied where it belongs. */
export function monthOptions<T extends object>(base: T, changes: readonly Change<T>[]): T[] {
  checkChanges(changes);
  const out: T[] = [];
  let current = base;
  for (let month = 1; month <= 12; month++) {
    for (const c of changes) if (c.month === month && c.kind !== 'in') current = { ...current, ...c.values };
    let own = current;
    for (const c of changes) if (c.month === month && c.kind === 'in') own = { ...own, ...c.values };
    out.push(own);
  }
  return out;
}

/** Months 1–12, no key set twice to different values for one month, one employer change a month. */
function checkChanges<T>(changes: readonly Change<T>[]): void {
  const seen = new Map<string, { kind: ChangeKind; value: unknown }>();
  const jobs = new Set<number>();
  for (const c of changes) {
    if (!Number.isInteger(c.month) || c.month < 1 || c.month > 12) {
      throw new UsageError(text('e:change-month', { flag: FLAG[c.kind], raw: String(c.month) }), text('hint:change-form', { flag: FLAG[c.kind] }));
    }
    if (c.kind === 'job') {
      if (jobs.has(c.month)) throw new UsageError(text('e:job-twice', { month: c.month }));
      jobs.add(c.month);
    }
    for (const [key, value] of Object.entries(c.values as object)) {
      const where = `${c.month}:${key}`;
      const before = seen.get(where);
      if (before && JSON.stringify(before.value) !== JSON.stringify(value)) {
        const flags = before.kind === c.kind ? FLAG[c.kind] : `${FLAG[before.kind]} and ${FLAG[c.kind]}`;
        throw new UsageError(text('e:change-twice', { flags, key, month: c.month }), text('hint:change-twice'));
      }
      seen.set(where, { kind: c.kind, value });
    }
  }
}

/** Build the plan of a payroll request. */
export function planYear(input: PayrollInput): YearPlan {
  const year = Number(input.date.slice(0, 4));
  const startMonth = input.startMonth ?? 1;
  const changes = input.changes ?? [];
  const jobMonths = changes.filter((c) => c.kind === 'job').map((c) => c.month).sort((a, b) => a - b);
  for (const m of jobMonths) {
    if (m <= startMonth) {
      throw new UsageError(text('e:job-before-start', { month: m, start: startMonth }), text('hint:job-before-start'));
    }
  }
  const employers: Employment[] = [startMonth, ...jobMonths].map((from, i, all) => ({
    fromMonth: from,
    toMonth: (all[i + 1] ?? 13) - 1,
    // The first-job and last-year rules belong to the first employer only.
    firstJob: i === 0 && (input.firstJob ?? false),
    lastYearUnder60k: i === 0 && (input.lastYearUnder60k ?? false),
  }));
  const perMonth = input.monthly ?? monthOptions<MonthFields>(monthFieldsOf(input), changes);
  if (perMonth.length !== 12) throw new UsageError(`A year has 12 months; got ${perMonth.length}.`);
  const months = perMonth.map((fields, i) => {
    const month = i + 1;
    const employer = month < startMonth ? null : employers.findIndex((e) => month >= e.fromMonth && month <= e.toMonth);
    return { month, employer, date: `${year}-${String(month).padStart(2, '0')}-01`, fields };
  });
  const focus = Math.max(Number(input.date.slice(5, 7)), startMonth);
  return { year, focus, startMonth, months, employers };
}

const YEAR_KEYS = [
  'date', 'bonus', 'bonusTax', 'bonusMonth', 'startMonth', 'firstJob', 'lastYearUnder60k', 'privatePension',
  'earlierIncome', 'earlierTax', 'earlierInsurance', 'seriousIllness', 'changes', 'monthly',
] as const;

function monthFieldsOf(input: PayrollInput): MonthFields {
  const fields: Record<string, unknown> = { ...input };
  for (const key of YEAR_KEYS) delete fields[key];
  return fields as unknown as MonthFields;
}
