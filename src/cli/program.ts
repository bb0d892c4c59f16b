/**
 * The commander program: commands, flags and help. Actions live in ./commands.
 * Descriptions come from the catalogue (src/i18n/help.ts) when help is shown,
 * in the language of `--lang` or the environment.
 */
import { Argument, Command, Help, Option } from 'commander';
import { langFromEnv, langOf, type Lang, type MessageKey, isMessage, msg } from '../i18n/messages.js';
import { displayWidth } from '../render/width.js';
import { wrapText } from '../render/wrap.js';
import type { Io } from './io.js';
import { screenWidth } from './output.js';
import type { RawOptions } from '../request/keys.js';

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
  components?: (o: RawOptions) => Promise<void>;
  completion?: (shell: string, o: RawOptions) => Promise<void>;
}

/** Flags of the job (estimate). City, level and platform take lists there (CONTRACT, "Several at once"). */
export const PAY_FLAGS = [
  '--level <level>', '--platform <id>', '--night-shifts <count>', '--satisfaction <rate>', '--orders <count>', '--kpi <percent>',
  '--overtime <hours>', '--rest-day-overtime <hours>', '--holiday-overtime <hours>', '--percentile <0-100>', '--base <yuan>',
  '--year-end-months <n>',
];

export const PAYROLL_FLAGS = [
  '--social-base <yuan>', '--housing-fund-rate <percent>', '--supplementary-fund-rate <percent>', '--medical-tier <n>',
  '--insurance <yuan>', '--deduction <yuan>', '--children <n>', '--infants <n>', '--elderly <only-child|shared>', '--rent', '--mortgage',
  '--child-share <100|50>', '--elderly-share <yuan>', '--mortgage-share <100|50>', '--serious-illness <yuan>',
  '--bonus <yuan>', '--bonus-tax <auto|separate|merged>', '--bonus-month <1-12>', '--continuing-education <degree|certificate>',
  '--private-pension <yuan>', '--health-insurance <yuan>', '--annuity <percent>', '--start-month <1-12>', '--first-job',
  '--last-year-under-60k', '--earlier-income <yuan>', '--earlier-tax <yuan>', '--earlier-insurance <yuan>', '--date <YYYY-MM-DD>',
];

/** Changes over the year, each repeatable (CONTRACT, "The year, month by month"). */
const CHANGE_FLAGS = ['--from <month:key=value,...>', '--in <month:key=value,...>', '--job <month:key=value,...>'];

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];
const en = (key: MessageKey) => msg(key, 'en');
const longOf = (flags: string) => /--[a-z0-9-]+/.exec(flags)![0];

/** The catalogue key of each option's help text. */
const optionKeys = new WeakMap<Option, string>();

/** The catalogue key of an option's help text. */
export const optionKey = (o: Option) => optionKeys.get(o) ?? `opt:${o.long}`;

/** An option whose help text is the catalogue's `opt:<long name>` (or the key given). */
function option(flags: string, key = `opt:${longOf(flags)}`): Option {
  const o = new Option(flags, isMessage(key) ? en(key as MessageKey) : '');
  optionKeys.set(o, key);
  return o;
}

/** An example command, continued with ` \\` on the next lines when it is wider than the screen. */
function exampleLines(command: string, width: number): string {
  const lines: string[] = [];
  let line = '  $';
  for (const word of command.split(' ')) {
    if (line.length > 3 && displayWidth(`${line} ${word}`) > width - 2) {
      lines.push(`${line} \\`);
      line = '     ';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}

function addFlags(cmd: Command, flags: string[], { repeat = [] as string[], keys = {} as Record<string, string> } = {}): Command {
  for (const f of flags) {
    const o = option(f, keys[longOf(f)]);
    cmd.addOption(repeat.includes(longOf(f)) ? o.argParser(collect) : o);
  }
  return cmd;
}

const addPayroll = (cmd: Command) => addFlags(cmd, [...PAYROLL_FLAGS, ...CHANGE_FLAGS, '--cities <file.yaml>'], { repeat: ['--from', '--in', '--job'] });

function addOutput(cmd: Command, setLang: (lang: string) => void, { model = true, csv = true } = {}): Command {
  addFlags(cmd, ['--json', '--format <format>', '--lang <lang>', '--no-color', '--ascii', ...(csv ? ['--bom'] : []), ...(model ? ['--model <file>'] : [])]);
  // --help comes after the options are read, so `--lang zh --help` is Chinese.
  cmd.on('option:lang', setLang);
  return cmd;
}

/**
 * `startLang`: the language the command line asks for, so help shown before a command's options are read (the top level's) speaks it.
 * `only`: build that one command and no other, for a run of it that asks for no help (src/cli/run.ts); the whole program otherwise.
 */
export function buildProgram(io: Io, actions: Actions, version: string, startLang?: Lang, only?: 'estimate' | 'net' | 'gross'): Command {
  const want = (name: string) => only === undefined || only === name;
  let lang: Lang = startLang ?? langFromEnv(io.env);
  const setLang = (v: string) => void (lang = langOf(v) ?? lang);
  const say = (key: string, fallback: string) => (isMessage(key) ? msg(key as MessageKey, lang) : fallback);
  const examples = (lines: string[]) => () => `${msg('help:examples', lang)}\n${lines.map((l) => exampleLines(l, screenWidth(io))).join('\n')}\n`;
  const words = (text: string) => text.replace('[options]', say('help:[options]', '[options]')).replace('[command]', say('help:[command]', '[command]'));
  const argKeys = new Map<string, string>();
  const argument = (cmd: string, name: string, key: string) => {
    argKeys.set(en(key as MessageKey), key);
    return new Argument(name, en(key as MessageKey));
  };

  const program = new Command('cs-pay')
    .description(en('cmd:cs-pay'))
    .version(version, '-V, --version', en('opt:--version'))
    .helpOption('-h, --help', en('opt:--help'))
    .helpCommand('help [command]', en('cmd:help'))
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, getOutHelpWidth: () => screenWidth(io), getErrHelpWidth: () => screenWidth(io) })
    .configureHelp({
      styleTitle: (title: string) => say(`help:${title}`, title),
      commandUsage(cmd: Command) {
        return words(Help.prototype.commandUsage.call(this, cmd));
      },
      subcommandTerm(cmd: Command) {
        return words(Help.prototype.subcommandTerm.call(this, cmd));
      },
      // Long flag names leave little room; wrap the descriptions anyway.
      minWidthToWrap: 24,
      commandDescription: (cmd: Command) => say(`cmd:${cmd.name()}`, cmd.description()),
      subcommandDescription: (cmd: Command) => say(`cmd:${cmd.name()}`, cmd.summary() || cmd.description()),
      optionDescription(o: Option) {
        const own = Help.prototype.optionDescription.call(this, o);
        const key = optionKey(o);
        return isMessage(key) ? own.replace(o.description, msg(key as MessageKey, lang)) : own;
      },
      argumentDescription: (a: Argument) => say(argKeys.get(a.description) ?? '', a.description),
      displayWidth,
      // Chinese has no spaces to wrap at: wrap by display width, between characters too.
      boxWrap(str: string, width: number) {
        return width < 24 ? str : wrapText(str, width).join('\n');
      },
    })
    .addHelpText('before', examples([
      'cs-pay estimate --city hangzhou --level senior',
      'cs-pay estimate --city 杭州 --level senior --platform 1688 --satisfaction 96 --json',
      'cs-pay estimate --city all --level senior --format csv --bom',
      'cs-pay net --gross 12000 --city shanghai',
      'cs-pay gross --net 9000 --city beijing',
      'cs-pay net --gross 10000 --city hangzhou --from 7:gross=12000 --in 11:extra=5000',
      'cs-pay net --gross 10000 --city hangzhou --job 7:city=shanghai,gross=13000',
      'cs-pay rules --city shanghai',
      'cs-pay compare data/offers/hangzhou-1688-senior.yaml "city=chengdu,level=lead"',
    ]));

  const details = (cmd: Command) => cmd.addOption(option('--details'));

  // estimate: --city, --level and --platform collect, so a list, `all` or a repeated flag is never silently cut to one.
  if (want('estimate')) {
    const estimate = addFlags(program.command('estimate').description(en('cmd:estimate')), ['--city <city>', ...PAY_FLAGS, '--set <component=amount>'], {
      repeat: ['--city', '--level', '--platform', '--set'],
      keys: { '--city': 'opt:--city-list' },
    });
    details(addOutput(addPayroll(estimate), setLang)).addHelpText('before', examples([
      'cs-pay estimate --city hangzhou --level senior',
      'cs-pay estimate --city beijing --level junior --platform alibaba --night-shifts 8 --overtime 10',
      'cs-pay estimate --city chengdu --level senior --platform 1688 --satisfaction 96% --kpi 115 --percentile 75',
      'cs-pay estimate --city 成都 --level junior --base 6500 --night-shifts 8 --set night-shift=100 --set meal=0 --set transport=0',
      'cs-pay estimate --city all --level senior',
    ])).action((o: RawOptions) => actions.estimate(o));
  }

  // --city collects here too, so a repeated flag is refused rather than cut to its last value.
  // A known gross takes no pay options: only the model prices them (an unknown option names itself).
  if (want('net')) {
    const net = addFlags(program.command('net').description(en('cmd:net')), ['--gross <yuan>', '--city <city>'], { repeat: ['--city'] });
    details(addOutput(addPayroll(net), setLang)).addHelpText('before', examples([
      'cs-pay net --gross 12000 --city hangzhou',
      'cs-pay net --gross 30000 --insurance 4500 --deduction 2000 --json',
      'cs-pay net --gross 10000 --city wuhan --bonus 36001 --bonus-tax separate',
    ])).action((o: RawOptions) => actions.net(o));
  }

  if (want('gross')) {
    const gross = addFlags(program.command('gross').description(en('cmd:gross')), ['--net <yuan>', '--city <city>'], { repeat: ['--city'] });
    details(addOutput(addPayroll(gross), setLang))
      .addHelpText('before', examples(['cs-pay gross --net 9000 --city beijing', 'cs-pay gross --net 6000 --insurance 800 --json']))
      .action((o: RawOptions) => actions.gross(o));
  }
  if (only !== undefined) return program;

  const compare = program.command('compare').description(en('cmd:compare'))
    .addArgument(argument('compare', '<a>', 'arg:compare:a')).addArgument(argument('compare', '<b>', 'arg:compare:b'));
  addOutput(addPayroll(compare), setLang).addHelpText('before', examples([
    'cs-pay compare data/offers/hangzhou-1688-senior.yaml "city=chengdu,level=lead"',
    'cs-pay compare "gross=12000,city=beijing" "city=hangzhou,level=senior,platform=alibaba"',
  ])).action((a: string, b: string, o: RawOptions) => actions.compare(a, b, o));

  program.command('batch').description(en('cmd:batch'))
    .addArgument(argument('batch', '[file]', 'arg:batch:file'))
    .addOption(option('--model <file>'))
    .addOption(option('--input <jsonl|csv>', 'opt:batch:--input'))
    .addOption(option('--encoding <utf8|gbk>', 'opt:batch:--encoding'))
    .addOption(option('--format <jsonl|csv>', 'opt:batch:--format'))
    .addOption(option('--fields <paths>', 'opt:batch:--fields'))
    .addOption(option('--bom'))
    .addOption(option('--lang <lang>')).on('option:lang', setLang)
    .addOption(option('--summary', 'opt:batch:--summary'))
    .addOption(option('--progress', 'opt:batch:--progress'))
    .addOption(option('--no-progress', 'opt:batch:--no-progress'))
    .addHelpText('before', examples([
      `echo '{"command":"estimate","city":"hangzhou","level":"senior"}' | cs-pay batch -`,
      'cs-pay batch data/examples/team.csv --format csv --bom --summary > results.csv',
      'cs-pay batch data/examples/team.jsonl --fields id,takeHome.average,annual.net',
    ]))
    .action((file: string | undefined, o: RawOptions) => actions.batch(file, o));

  const listExamples = {
    cities: ['cs-pay cities', 'cs-pay cities --lang zh', 'cs-pay cities --json', 'cs-pay cities --cities my-cities.yaml --format csv'],
    levels: ['cs-pay levels', 'cs-pay levels --format csv'],
    platforms: ['cs-pay platforms', 'cs-pay platforms --json'],
  };
  for (const kind of ['cities', 'levels', 'platforms'] as const) {
    const cmd = program.command(kind).description(en(`cmd:${kind}`));
    if (kind === 'cities') addFlags(cmd, ['--date <YYYY-MM-DD>', '--cities <file.yaml>'], { keys: { '--date': 'opt:--cities-date' } });
    addOutput(cmd, setLang).addHelpText('before', examples(listExamples[kind])).action((o: RawOptions) => actions.list(kind, o));
  }
  if (actions.components) {
    const run = actions.components;
    addOutput(program.command('components').description(en('cmd:components')), setLang)
      .addHelpText('before', examples(['cs-pay components', 'cs-pay components --platform 1688']))
      .addOption(option('--platform <id>', 'opt:--platform'))
      .action((o: RawOptions) => run(o));
  }

  const rules = program.command('rules').description(en('cmd:rules')).addOption(option('--city <city>')).addOption(option('--date <YYYY-MM-DD>', 'opt:--rules-date'))
    .addOption(option('--cities <file.yaml>'));
  addOutput(rules, setLang, { model: false })
    .addHelpText('before', examples(['cs-pay rules --city shanghai', 'cs-pay rules --city shenzhen --date 2026-09-01 --json', 'cs-pay rules --city hangzhou --format yaml > my-cities.yaml']))
    .action((o: RawOptions) => actions.rules(o));

  program.command('mcp').description(en('cmd:mcp'))
    .addOption(option('--model <file>'))
    .addHelpText('before', examples(['cs-pay mcp']))
    .action((o: RawOptions) => actions.mcp(o));

  if (actions.completion) {
    const run = actions.completion;
    program.command('completion').description(en('cmd:completion'))
      .addArgument(argument('completion', '<shell>', 'arg:completion:shell'))
      .addHelpText('before', examples(['cs-pay completion bash >> ~/.bashrc', 'cs-pay completion zsh > "${fpath[1]}/_cs-pay"', 'cs-pay completion fish > ~/.config/fish/completions/cs-pay.fish']))
      .action((shell: string, o: RawOptions) => run(shell, o));
  }

  const model = program.command('model').description(en('cmd:model'))
    .addHelpText('before', examples(['cs-pay model validate data/model/compensation.yaml', 'cs-pay model schema > model.schema.json']));
  model.command('validate').addArgument(argument('validate', '<file>', 'arg:validate:file')).description(en('cmd:validate'))
    .addOption(option('--lang <lang>')).on('option:lang', setLang)
    .addHelpText('before', examples(['cs-pay model validate data/model/compensation.yaml', 'cs-pay estimate --model my-model.yaml --city hangzhou --level senior']))
    .action((file: string) => actions.validate(file));
  model.command('schema').description(en('cmd:schema'))
    .addOption(option('--lang <lang>')).on('option:lang', setLang)
    .addHelpText('before', examples(['cs-pay model schema > model.schema.json']))
    .action(() => actions.schema());
  return program;
}
