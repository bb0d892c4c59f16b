/** The offer file: any estimate/net option by its camelCase name, plus the terms of the offer. */
import { z } from 'zod';

const Value = z.union([z.string(), z.number()]);
const Switch = z.boolean();
const Percent = z.number().min(0).max(100);

export const OfferSchema = z.strictObject({
  name: z.string().min(1).optional(),
  /** A cities file for this offer (a path, relative to the offer file). */
  cities: z.string().min(1).optional(),
  // the job: either a model estimate (city, level, platform, pay options) or a known gross
  city: Value,
  level: Value.optional(),
  platform: Value.optional(),
  gross: Value.optional(),
  nightShifts: Value.optional(),
  satisfaction: Value.optional(),
  orders: Value.optional(),
  kpi: Value.optional(),
  overtime: Value.optional(),
  restDayOvertime: Value.optional(),
  holidayOvertime: Value.optional(),
  percentile: Value.optional(),
  base: Value.optional(),
  yearEndMonths: Value.optional(),
  // components as the offer states them: set: {meal: 0, night-shift: 100} (cs-pay components)
  set: z.record(z.string(), Value).optional(),
  // payroll options
  socialBase: Value.optional(),
  housingFundRate: Value.optional(),
  insurance: Value.optional(),
  deduction: Value.optional(),
  children: Value.optional(),
  infants: Value.optional(),
  elderly: z.enum(['only-child', 'shared']).optional(),
  rent: Switch.optional(),
  mortgage: Switch.optional(),
  childShare: Value.optional(),
  elderlyShare: Value.optional(),
  mortgageShare: Value.optional(),
  seriousIllness: Value.optional(),
  bonus: Value.optional(),
  bonusTax: z.enum(['auto', 'separate', 'merged']).optional(),
  startMonth: Value.optional(),
  firstJob: Switch.optional(),
  date: z.string().optional(),
  supplementaryFundRate: Value.optional(),
  medicalTier: Value.optional(),
  bonusMonth: Value.optional(),
  lastYearUnder60k: Switch.optional(),
  continuingEducation: z.enum(['degree', 'certificate']).optional(),
  privatePension: Value.optional(),
  healthInsurance: Value.optional(),
  annuity: Value.optional(),
  earlierIncome: Value.optional(),
  earlierTax: Value.optional(),
  earlierInsurance: Value.optional(),
  // changes over the year: from: {7: {base: 8000}}, in: {11: {overtime: 40}}, jobs: [{month: 7, city: shanghai, gross: 13000}]
  from: z.record(z.string(), z.record(z.string(), z.union([Value, Switch]))).optional(),
  in: z.record(z.string(), z.record(z.string(), z.union([Value, Switch]))).optional(),
  jobs: z.array(z.record(z.string(), z.union([Value, Switch]))).optional(),
  // the terms
  probationMonths: z.number().int().min(0).optional(), // the legal cap is checked in offer.ts, for files and inline specs alike
  probationPayPercent: Percent.optional(),
  signOnBonus: z.number().nonnegative().max(100_000_000, { message: 'at most 100,000,000 yuan, as for every amount' }).optional(),
  scheduledHours: z.number().positive().max(744).optional(),
}).refine((o) => o.gross !== undefined || o.level !== undefined, { message: "an offer needs 'level' (a model estimate) or 'gross' (a known monthly gross)" });

export type OfferFile = z.infer<typeof OfferSchema>;
