/**
 * Pure: requests -> the plain result objects of the contract (CONTRACT.md,
 * "JSON"). Renderers read these; `--json` prints them as they are.
 */
import { fenToYuan, type Fen, sumFen } from './money.js';
import type { Law } from './model/law-schema.js';
import type { Model } from './model/model.js';
import { type Breakdown, estimatePay, type PayInput } from './pay/estimate.js';
import { overtimeRules } from './payroll/rules.js';
import { payrollToJson } from './payroll/json.js';
import { computePayroll, type PayrollInput, type PayrollResult } from './payroll/payroll.js';
import { solveGross } from './payroll/solve.js';
import type { PayrollRequest } from './cli/request.js';

export type Lang = 'en' | 'zh';

export interface Line {
  id: string;
  label: string;
  amount: number;
  taxable: boolean;
  source: string;
  detail?: string;
}

export interface Warning {
  code: string;
  message: string;
}

export type PayrollJson = ReturnType<typeof payrollToJson>;

export interface Result extends PayrollJson {
  schemaVersion: 1;
  command: 'estimate' | 'net' | 'gross';
  asOf: string;
  input: Record<string, unknown>;
  lines: Line[];
  gross: { monthly: number; low: number; high: number };
  yearEnd?: { months: number; bonus: number; source: string };
  notes: string[];
}

export interface EstimateRequest {
  pay: PayInput;
  payroll: PayrollRequest;
}

const y = fenToYuan;

export function estimate(req: EstimateRequest, model: Model, law: Law, lang: Lang): Result {
  const ot = overtimeRules(law, req.payroll.date);
  const at = (percentile: number) => estimatePay(model, { ...req.pay, percentile }, ot);
  const pay = estimatePay(model, req.pay, ot);
  const bonus = req.payroll.bonus ?? pay.yearEndBonus;
  const payroll = computePayroll(payrollInput(req.payroll, pay.monthly, { pay, bonus }), law);
  const notes = pay.notes.filter((n) => n.code !== 'overtime-over-cap');
  const capNotes = pay.notes.filter((n) => n.code === 'overtime-over-cap');
  return assemble('estimate', req.payroll, payroll, {
    input: { ...req.pay, ...pay.used, base: req.pay.base === undefined ? undefined : y(req.pay.base), ...payrollEcho(req.payroll) },
    lines: pay.lines.map((l) => ({
      id: l.id, label: l.label[lang], amount: y(l.amount), taxable: l.taxable, source: l.source, detail: l.detail,
    })),
    gross: { monthly: y(pay.monthly), low: y(at(0).monthly), high: y(at(100).monthly) },
    yearEnd: {
      months: req.payroll.bonus === undefined ? pay.yearEndMonths : 0,
      bonus: y(bonus),
      source: req.payroll.bonus === undefined ? pay.yearEndSource : 'input: --bonus',
    },
    warnings: capNotes.map((n) => ({ code: n.code, message: n.message[lang] })),
    notes: notes.map((n) => n.message[lang]),
  });
}

export function net(req: PayrollRequest, gross: Fen, lang: Lang, law: Law): Result {
  const payroll = computePayroll(payrollInput(req, gross), law);
  return assemble('net', req, payroll, { input: { gross: y(gross), ...payrollEcho(req) }, ...wagesOnly(gross, lang) });
}

export function grossFor(req: PayrollRequest, target: Fen, lang: Lang, law: Law): Result {
  const { wages, result, exact } = solveGross(target, payrollInput(req, 0), law);
  const out = assemble('gross', req, result, { input: { net: y(target), ...payrollEcho(req) }, ...wagesOnly(wages, lang) });
  if (!exact && !out.warnings.some((w) => w.code === 'unreachable-net')) {
    out.warnings.push({
      code: 'unreachable-net',
      message: `No monthly gross gives an average take-home of exactly ${y(target).toFixed(2)}; the nearest is ${out.takeHome.average.toFixed(2)}.`,
    });
  }
  return out;
}

function wagesOnly(gross: Fen, lang: Lang) {
  const label = lang === 'zh' ? '月度税前工资' : 'Monthly gross wages';
  const g = y(gross);
  return {
    lines: [{ id: 'wages', label, amount: g, taxable: true, source: 'input' }],
    gross: { monthly: g, low: g, high: g },
  };
}

function payrollInput(req: PayrollRequest, wages: Fen, from?: { pay: Breakdown; bonus: Fen }): PayrollInput {
  const { bonusTax, startMonth, firstJob, date, ...rest } = req;
  const input: PayrollInput = { ...rest, wages, bonusTax, startMonth, firstJob, date };
  if (from) {
    input.bonus = from.bonus;
    input.taxFree = sumFen(from.pay.lines.filter((l) => !l.taxable).map((l) => l.amount));
    input.minimumWagePay = sumFen(from.pay.lines.filter((l) => l.countsTowardMinimumWage).map((l) => l.amount));
  }
  return input;
}

/** The payroll options as given, in yuan, for `input` (undefined keys drop out of JSON). */
function payrollEcho(req: PayrollRequest): Record<string, unknown> {
  const money = (f?: Fen) => (f === undefined ? undefined : y(f));
  return {
    ...req,
    socialBase: money(req.socialBase),
    insurance: money(req.insurance),
    deduction: money(req.deduction),
    bonus: money(req.bonus),
  };
}

function assemble(
  command: Result['command'],
  req: PayrollRequest,
  payroll: PayrollResult,
  parts: Pick<Result, 'input' | 'lines' | 'gross'> & Partial<Pick<Result, 'yearEnd' | 'warnings' | 'notes'>>,
): Result {
  const json = payrollToJson(payroll);
  return {
    schemaVersion: 1,
    command,
    asOf: req.date,
    input: parts.input,
    lines: parts.lines,
    gross: parts.gross,
    ...(parts.yearEnd ? { yearEnd: parts.yearEnd } : {}),
    ...json,
    warnings: [...(parts.warnings ?? []), ...json.warnings],
    notes: parts.notes ?? [],
  };
}
