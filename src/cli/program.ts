/** The commander program: commands, flags and help. Actions live in ./commands. */
import { Command, Option } from 'commander';
import type { Io } from './io.js';
import type { RawOptions } from './request.js';

export interface Actions {
  estimate: (o: RawOptions) => Promise<void>;
  net: (o: RawOptions) => Promise<void>;
  gross: (o: RawOptions) => Promise<void>;
  compare: (a: string, b: string, o: RawOptions) => Promise<void>;
  batch: (file: string | undefined, o: RawOptions) => Promise<void>;
  list: (kind: 'cities' | 'levels' | 'platforms', o: RawOptions) => Promise<void>;
  validate: (file: string) => Promise<void>;
  schema: () => Promise<void>;
  rules: (o: RawOptions) => Promise<void>;
  mcp: (o: RawOptions) => Promise<void>;
}

const PAY_OPTIONS: [string, string][] = [
  ['--level <level>', 'job level: junior intermediate senior lead supervisor manager operations'],
  ['--platform <id>', 'employer profile: generic (default) alibaba 1688 tmall-logistics'],
  ['--night-shifts <count>', 'night shifts a month'],
  ['--satisfaction <rate>', 'customer satisfaction (CSAT): 96, 96% or 0.96'],
  ['--orders <count>', 'successful orders a month (1688 commission)'],
  ['--kpi <percent>', 'team KPI achievement, percent of target: 115'],
  ['--overtime <hours>', 'weekday overtime hours a month (150%)'],
  ['--rest-day-overtime <hours>', 'rest-day overtime hours a month (200%)'],
  ['--holiday-overtime <hours>', 'statutory-holiday overtime hours a month (300%)'],
  ['--percentile <0-100>', 'where to sit inside each range of the model (default 50)'],
  ['--base <yuan>', 'override the base pay'],
  ['--year-end-months <n>', 'year-end bonus in months of base pay'],
];

const PAYROLL_OPTIONS: [string, string][] = [
  ['--social-base <yuan>', 'social-insurance base (clamped to the city limits)'],
  ['--housing-fund-rate <percent>', 'housing-fund rate, e.g. 12'],
  ['--supplementary-fund-rate <percent>', 'Shanghai supplementary housing fund, 1 to 5'],
  ['--medical-tier <1|2>', 'Shenzhen medical-insurance tier (default 1)'],
  ['--insurance <yuan>', 'employee insurance + housing fund a month (replaces the city computation)'],
  ['--deduction <yuan>', 'special additional deductions a month, as one sum'],
  ['--children <n>', 'children in education (2,000 a month each)'],
  ['--infants <n>', 'children under 3 (2,000 a month each)'],
  ['--elderly <only-child|shared>', 'supporting parents over 60'],
  ['--rent', 'rent deduction (by city tier)'],
  ['--mortgage', 'first-home loan interest deduction (1,000 a month)'],
  ['--bonus <yuan>', 'year-end bonus (replaces the model estimate)'],
  ['--bonus-tax <auto|separate|merged>', 'how the year-end bonus is taxed (default auto: the cheaper)'],
  ['--bonus-month <1-12>', 'month the year-end bonus is paid (default 12)'],
  ['--continuing-education <degree|certificate>', 'continuing education: 400 a month, or 3,600 once'],
  ['--private-pension <yuan>', 'private pension paid this year (deductible up to 12,000)'],
  ['--health-insurance <yuan>', 'tax-preferred health insurance a month (deductible up to 200)'],
  ['--annuity <percent>', "enterprise annuity, employee's share of the base (deductible up to 4%)"],
  ['--start-month <1-12>', 'first month of work this year'],
  ['--first-job', 'first wage income this year (deducts 5,000 for every month since January)'],
  ['--last-year-under-60k', 'at this employer since last year, earning at most 60,000 then (60,000 deducted from January)'],
  ['--earlier-income <yuan>', 'wages this year at earlier employers, before --start-month'],
  ['--earlier-tax <yuan>', 'tax withheld this year at earlier employers'],
  ['--earlier-insurance <yuan>', 'employee insurance and housing fund paid at earlier employers this year'],
  ['--date <YYYY-MM-DD>', 'which rules and rates apply (default today)'],
];

/** Changes over the year, each repeatable (CONTRACT, "The year, month by month"). */
const CHANGE_OPTIONS: [string, string][] = [
  ['--from <month:key=value,...>', 'from that month on: a raise, a promotion (e.g. 7:gross=20000)'],
  ['--in <month:key=value,...>', 'that month only: overtime, extra=, unpaid-days= (e.g. 11:overtime=40)'],
  ['--job <month:key=value,...>', 'a new employer from that month (e.g. 7:city=beijing,gross=12000)'],
];

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

function addOptions(cmd: Command, list: [string, string][]): Command {
  for (const [flags, description] of list) cmd.addOption(new Option(flags, description));
  if (list === PAYROLL_OPTIONS || list.includes(PAYROLL_OPTIONS[0])) {
    for (const [flags, description] of CHANGE_OPTIONS) cmd.addOption(new Option(flags, description).argParser(collect));
  }
  return cmd;
}

function addOutput(cmd: Command, { model = true } = {}): Command {
  cmd
    .option('--json', 'print JSON (same as --format json)')
    .option('--format <format>', 'table, json, csv or markdown')
    .option('--lang <lang>', 'en or zh (default from LANG)')
    .option('--no-color', 'no colours')
    .option('--ascii', 'ASCII borders, for terminals that draw box characters double');
  if (model) cmd.option('--model <file>', 'a custom compensation model (YAML)');
  return cmd;
}

const examples = (lines: string[]) => `Examples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

export function buildProgram(io: Io, actions: Actions, version: string): Command {
  const program = new Command('cs-pay')
    .description('Pay of customer-service jobs in China: gross pay from a sourced model, then insurance, tax and take-home.')
    .version(version, '-V, --version')
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .addHelpText('before', examples([
      'cs-pay estimate --city hangzhou --level senior',
      'cs-pay estimate --city 杭州 --level senior --platform 1688 --satisfaction 96 --json',
      'cs-pay net --gross 12000 --city shanghai',
      'cs-pay gross --net 9000 --city beijing',
      'cs-pay net --gross 10000 --city hangzhou --from 7:gross=12000 --in 11:extra=5000',
      'cs-pay net --gross 10000 --city hangzhou --job 7:city=shanghai,gross=13000',
      'cs-pay rules --city shanghai',
      'cs-pay compare data/offers/hangzhou-1688-senior.yaml "city=chengdu,level=lead"',
    ]) + '\n');

  const city = ['--city <city>', 'city: beijing shanghai guangzhou shenzhen hangzhou chengdu wuhan xian nanjing suzhou (or 杭州 …)'] as [string, string];

  const details = (cmd: Command) => cmd.option('--details', 'also the rules and rates used, and the source of every figure');
  const estimate = addOptions(program.command('estimate').description('gross pay of a job from the model, then insurance, tax and take-home'), [city, ...PAY_OPTIONS, ...PAYROLL_OPTIONS]);
  details(addOutput(estimate)).addHelpText('before', examples([
    'cs-pay estimate --city hangzhou --level senior',
    'cs-pay estimate --city beijing --level junior --platform alibaba --night-shifts 8 --overtime 10',
    'cs-pay estimate --city chengdu --level senior --platform 1688 --satisfaction 96% --kpi 115 --percentile 75',
  ]) + '\n').action((o: RawOptions) => actions.estimate(o));

  const net = addOptions(program.command('net').description('take-home pay from a known monthly gross').option('--gross <yuan>', 'monthly gross wages'), [city, ...PAYROLL_OPTIONS]);
  details(addOutput(net)).addHelpText('before', examples([
    'cs-pay net --gross 12000 --city hangzhou',
    'cs-pay net --gross 30000 --insurance 4500 --deduction 2000 --json',
    'cs-pay net --gross 10000 --city wuhan --bonus 36001 --bonus-tax separate',
  ]) + '\n').action((o: RawOptions) => actions.net(o));

  const gross = addOptions(program.command('gross').description('monthly gross needed for a target average take-home').option('--net <yuan>', 'target monthly take-home'), [city, ...PAYROLL_OPTIONS]);
  details(addOutput(gross)).addHelpText('before', examples(['cs-pay gross --net 9000 --city beijing', 'cs-pay gross --net 6000 --insurance 800 --json']) + '\n')
    .action((o: RawOptions) => actions.gross(o));

  const compare = addOptions(program.command('compare').description('two offers side by side').argument('<a>', 'offer file (YAML) or inline spec key=value,...').argument('<b>', 'the other offer'), PAYROLL_OPTIONS);
  addOutput(compare).addHelpText('before', examples([
    'cs-pay compare data/offers/hangzhou-1688-senior.yaml "city=chengdu,level=lead"',
    'cs-pay compare "gross=12000,city=beijing" "city=hangzhou,level=senior,platform=alibaba"',
  ]) + '\n').action((a: string, b: string, o: RawOptions) => actions.compare(a, b, o));

  program.command('batch').description('one JSON request per input line, one JSON result per output line')
    .argument('[file]', 'a file of JSON lines, or - for standard input (default)')
    .option('--model <file>', 'a custom compensation model (YAML)')
    .addHelpText('before', examples([`echo '{"command":"estimate","city":"hangzhou","level":"senior"}' | cs-pay batch -`]) + '\n')
    .action((file: string | undefined, o: RawOptions) => actions.batch(file, o));

  for (const kind of ['cities', 'levels', 'platforms'] as const) {
    addOutput(program.command(kind).description(`list the ${kind} the model knows`)).action((o: RawOptions) => actions.list(kind, o));
  }

  addOutput(program.command('rules').description('every law figure in force for a city on a date: value, period, document, confidence')
    .option(city[0], city[1]).option('--date <YYYY-MM-DD>', 'the day (default today)'), { model: false })
    .addHelpText('before', examples(['cs-pay rules --city shanghai', 'cs-pay rules --city shenzhen --date 2026-09-01 --json']) + '\n')
    .action((o: RawOptions) => actions.rules(o));

  program.command('mcp').description('serve the calculator to assistants: a Model Context Protocol server over stdio')
    .option('--model <file>', 'a custom compensation model (YAML)')
    .addHelpText('before', examples(['cs-pay mcp']) + '\n')
    .action((o: RawOptions) => actions.mcp(o));

  const model = program.command('model').description('check or describe a compensation model file');
  model.command('validate').argument('<file>', 'model YAML').description('validate a model file (exit 3 if invalid)').action((file: string) => actions.validate(file));
  model.command('schema').description("print the model's JSON Schema").action(() => actions.schema());
  return program;
}
