/**
 * The tools' input schemas: the options objects of the library (answer.ts's
 * OPTION_KEYS, the keys batch lines take), each key described for a model that
 * has never seen cs-pay: its unit, how a percent is written, the valid ids.
 * The schemas only describe the input to the client; at run time a tool takes any
 * object, and the values are checked where every other entry point checks them, so
 * a tool error is the CLI's sentence (not a validator's dump) and the same mistake
 * reads the same in a batch line, an offer, a library call and a tool call.
 */
import { z } from 'zod';
import { OPTION_KEYS } from '../answer.js';
import { flagOf, MONTH_KEYS, PAYROLL_KEYS } from '../request/keys.js';
import { INLINE_KEYS } from '../compare/price.js';
import type { Model } from '../model/model.js';

type Schema = z.ZodType;

// Numbers may come as text too ("12,000", "96%"), as on the command line.
const num = (what: string) => z.union([z.number(), z.string()]).describe(what);
const flag = (what: string) => z.boolean().describe(what);
const scalar = z.union([z.number(), z.string(), z.boolean()]);
const SWITCHES = ['rent', 'mortgage', 'firstJob', 'lastYearUnder60k'];
/** `set` as batch lines, offer files and the library take it: {"meal": 0}, or "meal=0" (a list of them too). */
const settings = z.union([z.record(z.string(), z.union([z.number(), z.string()])), z.string(), z.array(z.string())]);
const CHANGES = ['from', 'in', 'jobs'];

/** Each key for a model that has never seen cs-pay: its unit, how a percent is written, the valid ids. */
function described(model: Model): Record<string, Schema> {
  const ids = (table: object) => Object.keys(table).join(', ');
  const cityNames = Object.entries(model.cities).map(([id, c]) => `${id} (${c.zh})`).join(', ');
  const monthKeys = MONTH_KEYS.filter((k) => k !== 'payPercent').join(', ');
  const changes = (what: string, example: string) =>
    z.record(z.string(), z.record(z.string(), scalar)).describe(
      `${what} An object by month number (1-12) of the keys that change, like ${example}. Keys: ${monthKeys}. Keys not given keep their values.`,
    );
  return {
    city: z.string().describe(`City: ${cityNames}. Chinese names and "xi'an" also work; with cities, any city that object adds.`),
    cities: z.record(z.string(), z.unknown()).describe('More cities, or other figures for a built-in city: an object shaped like cs-pay\'s data/law/cities.yaml ({ "my-city": { name, nameZh, rentTier, rounding, socialBase, … } }). An object only, never a path.'),
    level: z.string().describe(`Job level: ${ids(model.levels)}.`),
    platform: z.string().describe(`Employer profile: ${ids(model.platforms)} (default generic).`),
    nightShifts: num('Night shifts a month, 0-31.'),
    satisfaction: num('Customer satisfaction (CSAT), percent as 96 ("96%" and 0.96 also work).'),
    orders: num('Successful orders a month (the 1688 order commission).'),
    kpi: num('Team KPI achievement, percent of target as 115.'),
    overtime: num('Weekday overtime, hours a month (paid 150%).'),
    restDayOvertime: num('Rest-day overtime, hours a month (paid 200%).'),
    holidayOvertime: num('Statutory-holiday overtime, hours a month (paid 300%).'),
    percentile: num('Where to sit inside each pay range of the model, 0-100 (default 50).'),
    base: num('Base pay, yuan a month, instead of the model\'s figure.'),
    yearEndMonths: num('Year-end bonus in months of base pay, 0-24.'),
    gross: num('Monthly gross wages, yuan a month.'),
    net: num('The average monthly take-home to aim for, yuan a month.'),
    socialBase: num('Social-insurance base, yuan a month (clamped to the city\'s limits; default the gross).'),
    housingFundRate: num('Housing-fund rate, percent as 12.'),
    supplementaryFundRate: num('Shanghai supplementary housing fund, percent 1-5.'),
    medicalTier: num('Medical-insurance tier the employer chose where the city has several (Shenzhen, Dongguan, Foshan): 1 (default), 2 or 3.'),
    insurance: num('Employee social insurance plus housing fund, yuan a month, all together: replaces the city computation (city may then be left out).'),
    deduction: num('Special additional deductions, yuan a month, as one sum (instead of children, elderly, rent...).'),
    children: num('Children in education (2,000 yuan a month each).'),
    infants: num('Children under 3 (2,000 yuan a month each).'),
    elderly: z.enum(['only-child', 'shared']).describe('Supporting parents over 60: only-child (3,000 yuan a month) or shared.'),
    rent: flag('Claim the rent deduction (by city tier). Not with mortgage.'),
    mortgage: flag('Claim the first-home loan interest deduction (1,000 yuan a month). Not with rent.'),
    childShare: num("Percent of the children's and infants' deductions this parent takes: 100 (default) or 50."),
    elderlyShare: num('With elderly shared: the agreed share, yuan a month, at most 1,500 (default 1,500).'),
    mortgageShare: num('Percent of the loan-interest deduction this spouse takes: 100 (default) or 50.'),
    seriousIllness: num('Serious-illness medical costs (大病医疗) paid yourself this year, yuan: deducted at the reconciliation above 15,000, up to 80,000.'),
    continuingEducation: z.enum(['degree', 'certificate']).describe('degree (400 yuan a month) or certificate (3,600 once, in December).'),
    healthInsurance: num('Tax-preferred health insurance, yuan a month (deductible up to 200).'),
    annuity: num('Enterprise annuity, the employee\'s share, percent of the base as 4.'),
    bonus: num('Year-end bonus, yuan for the year (for estimate: instead of the model\'s).'),
    bonusTax: z.enum(['auto', 'separate', 'merged']).describe('How the year-end bonus is taxed: auto (default, the cheaper), separate or merged.'),
    bonusMonth: num('Month the year-end bonus is paid, 1-12 (default 12).'),
    startMonth: num('First month of work this year, 1-12 (default 1).'),
    firstJob: flag('First wage income this year: 5,000 is deducted for every month since January.'),
    lastYearUnder60k: flag('At this employer since last year, earning at most 60,000 then: 60,000 deducted from January.'),
    privatePension: num('Private pension paid this year, yuan a year (deductible up to 12,000).'),
    earlierIncome: num('Wages this year at earlier employers before startMonth, yuan in all.'),
    earlierTax: num('Tax withheld this year at earlier employers, yuan in all.'),
    earlierInsurance: num('Employee insurance and housing fund paid this year at earlier employers, yuan in all.'),
    date: z.string().describe('YYYY-MM-DD: the rules and rates in force, and the tax year (default today in China).'),
    from: changes('From that month on (a raise, a promotion).', '{"7": {"gross": 20000}}'),
    in: changes('That month only (overtime, a 13th month, unpaid leave).', '{"11": {"overtime": 40}, "12": {"extra": 10000}}'),
    jobs: z.array(z.record(z.string(), scalar)).describe(
      `New employers during the year, each withholding afresh from its month: [{"month": 7, "city": "shanghai", "gross": 13000}]. Keys: month, city, ${monthKeys}, and the terms agreed with that employer: probationMonths, probationPayPercent, signOnBonus.`,
    ),
    extra: num('One-off pay taxed as wages, yuan, in every month; for one month use "in".'),
    unpaidDays: num('Days of unpaid leave in every month (base / 21.75 a day, at most 21); for one month use "in".'),
    set: settings.describe('Model components at the amount the offer states, by id (see the tool\'s level and platform): {"meal": 0, "night-shift": 100}; 0 switches one off.'),
  };
}

const lang = z.enum(['en', 'zh']).describe('Language of labels, warnings and the summary (default en; zh for a question in Chinese).');

/**
 * An object of these keys. Unknown and missing keys still reach the calculator, whose
 * messages name the option and suggest one ("Did you mean city?"); the JSON Schema
 * the client sees says they are not allowed, or required.
 */
function options(shape: Record<string, Schema>, required: string[] = []) {
  const optional = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()]));
  return z.looseObject(optional).meta({ additionalProperties: false, ...(required.length ? { required } : {}) });
}

/** `job` is the command line's spelling of `jobs`; `payPercent` is compare's own. */
const keysOf = (keys: readonly string[]) => keys.filter((k) => k !== 'job' && k !== 'payPercent');

/** A key without a description of its own is named by its flag. */
const shapeOf = (keys: readonly string[], d: Record<string, Schema>) =>
  Object.fromEntries(keysOf(keys).map((k) => [k, d[k] ?? scalar.describe(`As the command-line flag ${flagOf(k)}.`)]));

/**
 * What the client is shown (the JSON Schema of `documented`) over a schema that takes
 * any object: the SDK lists a schema's JSON Schema with its meta on top.
 */
function permissive(documented: Schema) {
  const { $schema: _, ...json } = z.toJSONSchema(documented, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  return z.looseObject({}).meta(json);
}

export function toolSchemas(model: Model) {
  const documented = documentedSchemas(model);
  return Object.fromEntries(Object.entries(documented).map(([name, schema]) => [name, permissive(schema)])) as Record<keyof typeof documented, ReturnType<typeof permissive>>;
}

function documentedSchemas(model: Model) {
  const d = described(model);
  // An offer's keys are described in the estimate and net tools, not twice more here.
  const bareChanges = z.record(z.string(), z.record(z.string(), scalar));
  const bareOf = (k: string) =>
    SWITCHES.includes(k) ? z.boolean() : k === 'set' ? settings : k === 'jobs' ? z.array(z.record(z.string(), scalar)) : CHANGES.includes(k) ? bareChanges : z.union([z.number(), z.string()]);
  const bare = Object.fromEntries(keysOf(INLINE_KEYS).map((k) => [k, bareOf(k)]));
  const offer = z.union([
    z.string().describe('An inline spec: key=value pairs with the command-line flag names, like "city=hangzhou,level=senior,night-shifts=8".'),
    options(bare).describe(
      'An offer object: a job of the model (city, level, platform, pay options: as for estimate) or a known gross (city, gross: as for net), '
        + 'plus its terms: name, probationMonths (0-6), probationPayPercent (percent as 80), signOnBonus (yuan), scheduledHours (hours a month).',
    ),
  ]);
  return {
    estimate: options({ ...shapeOf(OPTION_KEYS.estimate, d), lang }, ['city', 'level']),
    net: options({ ...shapeOf(OPTION_KEYS.net, d), lang }, ['gross']),
    gross: options({ ...shapeOf(OPTION_KEYS.gross, d), lang }, ['net']),
    compare: options({
      a: offer.describe('Offer A: an inline spec or an offer object.'),
      b: offer.describe('Offer B, the same way.'),
      ...shapeOf([...PAYROLL_KEYS.filter((k) => k !== 'city'), 'cities'], d),
      lang,
    }, ['a', 'b']),
    cities: options({ lang }),
    rules: options({ city: d.city, date: d.date, cities: d.cities, lang }, ['city']),
  };
}

export type ToolSchemas = ReturnType<typeof toolSchemas>;
