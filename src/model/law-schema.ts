/**
 * Strict schemas of the law files: data/law/tax.yaml (income tax, deductions,
 * working time) and data/law/cities.yaml (social insurance, housing fund,
 * minimum wage per city). Amounts are yuan as written in the notices; rates
 * are fractions (0.08 for 8%). Every object is strict, so a misspelt key fails.
 */
import { z } from 'zod';
import { datedSchema } from './dated.js';
import { parseYaml } from './load-yaml.js';

export { CITY_IDS, type CityId } from './city-ids.js';

const Yuan = z.number().nonnegative();
const MonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'expected a day of the year as MM-DD' });
const Rate = z.number().min(0).max(1);

/** One bracket: "over the previous upTo, up to this one" (null: no upper limit). */
const BracketSchema = z.strictObject({ upTo: Yuan.nullable(), rate: Rate, quickDeduction: Yuan });

/**
 * A progressive table. The quick deduction is fixed by the brackets
 * (qd[i] = qd[i-1] + upTo[i-1] × (rate[i] − rate[i-1])), so checking it
 * catches a mistyped figure.
 */
const TableSchema = z
  .array(BracketSchema)
  .min(1)
  .superRefine((rows, ctx) => {
    rows.forEach((row, i) => {
      const last = i === rows.length - 1;
      if (last !== (row.upTo === null)) {
        ctx.addIssue({ code: 'custom', message: 'only the last bracket has upTo: null', path: [i, 'upTo'] });
      }
      if (i === 0) {
        if (row.quickDeduction !== 0) {
          ctx.addIssue({ code: 'custom', message: 'the first bracket has no quick deduction', path: [i, 'quickDeduction'] });
        }
        return;
      }
      const prev = rows[i - 1];
      if (prev.upTo !== null && row.upTo !== null && row.upTo <= prev.upTo) {
        ctx.addIssue({ code: 'custom', message: `upTo ${row.upTo} is not above the previous ${prev.upTo}`, path: [i, 'upTo'] });
      }
      if (row.rate <= prev.rate) {
        ctx.addIssue({ code: 'custom', message: `rate ${row.rate} is not above the previous ${prev.rate}`, path: [i, 'rate'] });
      }
      const expected = Math.round((prev.quickDeduction + (prev.upTo ?? 0) * (row.rate - prev.rate)) * 100) / 100;
      if (prev.upTo !== null && Math.abs(row.quickDeduction - expected) > 0.005) {
        ctx.addIssue({
          code: 'custom',
          message: `quick deduction ${row.quickDeduction} does not continue the table (expected ${expected})`,
          path: [i, 'quickDeduction'],
        });
      }
    });
  });

/** floor ≤ ceiling, in yuan a month; ceiling null: a floor and no ceiling (Hebei's medical base). */
export const BaseRangeSchema = z
  .strictObject({ floor: Yuan, ceiling: Yuan.nullable() })
  .refine((r) => r.ceiling === null || r.floor <= r.ceiling, { message: 'floor is above ceiling', path: ['floor'] });

const RateRangeSchema = z
  .strictObject({ low: Rate, high: Rate })
  .refine((r) => r.low <= r.high, { message: 'low is above high', path: ['low'] });

const RENT_TIERS = ['major', 'large', 'other'] as const;
export type RentTier = (typeof RENT_TIERS)[number];

export const TaxLawSchema = z.strictObject({
  annualTable: datedSchema(TableSchema),
  bonusTable: datedSchema(TableSchema),
  basicDeduction: datedSchema(Yuan),
  specialDeductions: z.strictObject({
    children: datedSchema(Yuan),
    infants: datedSchema(Yuan),
    elderlyOnlyChild: datedSchema(Yuan),
    elderlyShared: datedSchema(Yuan),
    rent: datedSchema(z.strictObject({ major: Yuan, large: Yuan, other: Yuan })),
    mortgage: datedSchema(Yuan),
    /** 400 a month for a degree; 3,600 once (in December) for a certificate. */
    continuingEducation: datedSchema(z.strictObject({ degreeMonthly: Yuan, certificateOnce: Yuan })),
    /** The shares (percent) one parent, or one spouse, may deduct: 100 alone or 50 each. */
    childShares: datedSchema(z.array(z.number().int().min(1).max(100)).min(1)),
    mortgageShares: datedSchema(z.array(z.number().int().min(1).max(100)).min(1)),
    /** 大病医疗: costs above `threshold`, at most `cap`, deducted only at the reconciliation. */
    seriousIllness: datedSchema(z.strictObject({ threshold: Yuan, cap: Yuan })),
  }),
  /** Other deductions (其他扣除) with their legal limits. */
  otherDeductions: z.strictObject({
    privatePensionYearly: datedSchema(Yuan),
    healthInsuranceMonthly: datedSchema(Yuan),
    /** Enterprise annuity, employee share: deductible up to this fraction of the base. */
    annuityRate: datedSchema(Rate),
  }),
  /** STA 2020 No. 19: wages at most `threshold` last year → `deduction` from January. */
  lastYearUnder60k: datedSchema(z.strictObject({ threshold: Yuan, deduction: Yuan })),
  /** Annual reconciliation: a balance owed need not be paid at or under these limits. */
  reconciliationExemption: datedSchema(z.strictObject({ incomeUpTo: Yuan, balanceUpTo: Yuan })),
  /** The days of the next year in which the reconciliation is settled, as MM-DD. */
  reconciliationWindow: datedSchema(z.strictObject({ from: MonthDay, until: MonthDay })),
  housingFundTaxFreeRate: datedSchema(Rate),
  overtimeMultipliers: datedSchema(
    z.strictObject({ weekday: z.number().min(1), restDay: z.number().min(1), holiday: z.number().min(1) }),
  ),
  payDivisors: datedSchema(z.strictObject({ day: z.number().positive(), hour: z.number().positive() })),
  overtimeMonthlyCap: datedSchema(z.number().nonnegative()),
  statutoryHolidays: datedSchema(z.number().int().nonnegative()),
});

const RoundingSchema = z.strictObject({
  unit: z.enum(['fen', 'jiao', 'yuan']),
  mode: z.enum(['half-up', 'up']),
});

/**
 * A fixed charge in yuan, not a rate (大额医疗互助, 长期护理保险 set per person): paid by one
 * side, shown in one contribution line, stated by the month or by the year. A yearly
 * amount is charged every month as amount ÷ 12, rounded to the fen.
 */
const FixedChargeSchema = z.strictObject({
  side: z.enum(['employee', 'employer']),
  line: z.enum(['medical', 'longTermCare']),
  amount: Yuan,
  per: z.enum(['month', 'year']),
});

/** One alternative medical tier the employer may choose: it replaces the medical rates. */
const MedicalTierSchema = z.strictObject({ employee: Rate, employer: Rate, maternity: Rate.optional() });

/** City ids: lower-case letters, digits and dashes, as on the command line. */
const CITY_ID = /^[a-z][a-z0-9-]*$/;

export const CitySchema = z
  .strictObject({
    name: z.string().min(1),
    nameZh: z.string().min(1),
    /** Other names accepted for the city (a city from a file; built-in cities list theirs in data/cities.yaml). */
    aliases: z.array(z.string().min(1)).optional(),
    province: z.string().min(1).optional(),
    provinceZh: z.string().min(1).optional(),
    rentTier: z.enum(RENT_TIERS),
    rounding: z.strictObject({ socialInsurance: RoundingSchema, housingFund: RoundingSchema }),
    /** Pension and work injury; medical and unemployment too unless they have their own base. */
    socialBase: datedSchema(BaseRangeSchema),
    /** Medical and maternity (and long-term care), where the city sets their base apart (Guangzhou, Shenzhen, Xi'an). */
    medicalBase: datedSchema(BaseRangeSchema).optional(),
    unemploymentBase: datedSchema(BaseRangeSchema).optional(),
    /** Work injury, where the province sets its base apart (Fujian). */
    injuryBase: datedSchema(BaseRangeSchema).optional(),
    /**
     * medicalAddOn: a fixed employee charge a month on top of the medical rate (Beijing 大额医疗互助).
     * longTermCare: long-term-care insurance (长期护理保险) as its own rate, on the medical base.
     */
    employeeRates: datedSchema(
      z.strictObject({ pension: Rate, medical: Rate, unemployment: Rate, medicalAddOn: Yuan.optional(), longTermCare: Rate.optional() }),
    ),
    /** medical includes maternity unless the city sets maternity apart; injury is the lowest class. */
    employerRates: datedSchema(
      z.strictObject({ pension: Rate, medical: Rate, maternity: Rate.optional(), unemployment: Rate, injury: Rate, longTermCare: Rate.optional() }),
    ),
    /** Fixed charges by name, each with its own dates and source (Tianjin 大额医疗救助 260 a year, Taiyuan employer 14 a month). */
    fixedCharges: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, { message: 'charge names are letters and digits' }), datedSchema(FixedChargeSchema)).optional(),
    /**
     * Medical tiers the employer may choose instead of the city's own rates (tier 1), by number:
     * Shenzhen 2, Dongguan 2 and 3, Foshan 2. `--medical-tier <n>` picks one.
     */
    medicalTiers: datedSchema(
      z.record(z.string().regex(/^([2-9])$/, { message: 'tiers are numbered 2 to 9 (tier 1 is the city\'s own rates)' }), MedicalTierSchema),
    ).optional(),
    housingFundRates: datedSchema(RateRangeSchema),
    /** Shanghai's supplementary housing fund (补充公积金), on the housing-fund base, rounded on its own. */
    supplementaryFundRates: datedSchema(RateRangeSchema).optional(),
    housingFundDefaultRate: datedSchema(Rate),
    housingFundBase: datedSchema(BaseRangeSchema),
    minimumWage: datedSchema(
      z.strictObject({ amount: Yuan, excludesEmployeeContributions: z.boolean().optional() }),
    ),
  })
  .superRefine((city, ctx) => {
    // The default rate must be one an employer may choose at the time it applies.
    city.housingFundDefaultRate.values.forEach((entry, i) => {
      const range = [...city.housingFundRates.values].reverse().find((r) => r.from <= entry.from);
      if (range && (entry.value < range.value.low || entry.value > range.value.high)) {
        ctx.addIssue({
          code: 'custom',
          message: `default rate ${entry.value} is outside the range ${range.value.low}–${range.value.high}`,
          path: ['housingFundDefaultRate', 'values', i, 'value'],
        });
      }
    });
  });

export const CitiesSchema = z.record(z.string(), CitySchema).superRefine((cities, ctx) => {
  for (const id of Object.keys(cities)) {
    if (!CITY_ID.test(id) || id in Object.prototype) {
      ctx.addIssue({ code: 'custom', path: [id], message: 'city ids are lower-case letters, digits and dashes, starting with a letter' });
    }
  }
});

export const LawSchema = z.strictObject({ tax: TaxLawSchema, cities: CitiesSchema });

export type TaxLaw = z.infer<typeof TaxLawSchema>;
export type CityLaw = z.infer<typeof CitySchema>;
export type FixedCharge = z.infer<typeof FixedChargeSchema>;
export type MedicalTier = z.infer<typeof MedicalTierSchema>;
/** `fromFile`: cities a cities file added or replaced, by id, with the file they came from. */
export type Law = z.infer<typeof LawSchema> & { fromFile?: Record<string, string> };

/** Parse both law files (text in, validated Law out; the caller reads the files). */
export function parseLaw(taxText: string, citiesText: string, dir = 'data/law'): Law {
  return {
    tax: parseYaml(taxText, `${dir}/tax.yaml`, TaxLawSchema),
    cities: parseYaml(citiesText, `${dir}/cities.yaml`, CitiesSchema),
  };
}
