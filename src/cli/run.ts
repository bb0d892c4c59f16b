/**
 * The CLI entry: argv -> exit code. Never calls process.exit; bin/cs-pay.js
 * sets the exit code from what `run` returns, and tests call `run` with a fake Io.
 */
import { createRequire } from 'node:module';
import { type Command, CommanderError } from 'commander';
import { CsPayError, inLanguage, UsageError } from '../errors.js';
import { clipMessage, quote } from '../limits.js';
import { estimateCommand, grossCommand, netCommand } from './commands/estimate.js';
import { listCommand } from './commands/lists.js';
import { schemaCommand, validateCommand } from './commands/model.js';
import { type Io, processIo } from './io.js';
import { buildProgram } from './program.js';
import { closest } from '../suggest.js';
import { parseDate } from '../request/values.js';
import { describeWriteFailure } from '../io/write.js';
import { langFromEnv, langOf, type Lang, type MessageKey, msg } from '../i18n/messages.js';

declare const CS_PAY_VERSION: string | undefined;
const VERSION = typeof CS_PAY_VERSION === 'string' ? CS_PAY_VERSION : '0.0.0-dev';
const REPORT = 'This is a bug in cs-pay: please report it with the command you ran (set CS_PAY_DEBUG=1 for details).';

export async function run(argv: string[], io: Io): Promise<number> {
  const only = oneCommand(argv);
  if (only !== undefined) {
    const code = await runWith(argv, io, only);
    if (code !== undefined) return code;
  }
  return (await runWith(argv, io)) as number;
}

/** The commands run most often, for which commander need not build the others (nor their help). */
const ONE_COMMAND = new Set(['estimate', 'net', 'gross']);

/**
 * The command a run may be parsed with alone: estimate, net or gross, with no short
 * flag (-h, -V or a bundle of them) and no --help or --version anywhere. A run that
 * commander refuses is parsed again with the whole program (`runWith`), so what it
 * says (unknown options, whose flag it is, help) is the same either way.
 */
function oneCommand(argv: string[]): 'estimate' | 'net' | 'gross' | undefined {
  if (!ONE_COMMAND.has(argv[0])) return undefined;
  if (argv.some((a) => /^-[^-]/.test(a) || /^--(help|version)(=|$)/.test(a))) return undefined;
  return argv[0] as 'estimate' | 'net' | 'gross';
}

/**
 * Parse and run with the whole program, or (`only`) with that one command built:
 * then commander's own output is held back, and a parse it refuses gives undefined
 * (nothing written, no action run) so that the caller runs it again in full.
 */
async function runWith(argv: string[], io: Io, only?: 'estimate' | 'net' | 'gross'): Promise<number | undefined> {
  let code = 0;
  const done = (p: Promise<number>) => p.then((c) => void (code = c));
  const program = buildProgram(io, {
    estimate: (o) => done(estimateCommand(o, io)),
    net: (o) => done(netCommand(o, io)),
    gross: (o) => done(grossCommand(o, io)),
    compare: async (a, b, o) => done((await import('./commands/compare.js')).compareCommand(a, b, o, io)),
    batch: async (file, o) => done((await import('./commands/batch.js')).batchCommand(file, o, io)),
    list: (kind, o) => done(listCommand(kind, o, io)),
    validate: (file) => done(validateCommand(file, io)),
    schema: () => done(schemaCommand(io)),
    rules: async (o) => done((await import('./commands/rules.js')).rulesCommand(o, io)),
    mcp: async (o) => done((await import('../mcp/server.js')).mcpCommand(o, io)),
    components: async (o) => done((await import('./commands/components.js')).componentsCommand(o, io)),
    completion: async (shell, o) => done((await import('./commands/completion.js')).completionCommand(shell, o, io)),
  }, VERSION, langOfArgv(argv, io), only);
  // Commander's own messages are rewritten into ours below, for every command at every depth.
  let commanderMessage = '';
  // The command whose parsing failed, so a hint can name its own help.
  let failing = 'cs-pay';
  let held = '';
  const writeOut = only === undefined ? io.stdout : (s: string) => void (held += s);
  const configure = (cmd: Command, path: string) => {
    cmd.exitOverride().configureOutput({ writeOut, writeErr: (s) => void ((commanderMessage += s), (failing = path)) });
    cmd.commands.forEach((sub) => configure(sub, `${path} ${sub.name()}`));
  };
  configure(program, 'cs-pay');

  try {
    checkToday(io);
    if (argv.length === 0) {
      io.stdout(program.helpInformation());
      return 0;
    }
    await program.parseAsync(argv, { from: 'user' });
    if (held) io.stdout(held);
    return code;
  } catch (e) {
    if (only !== undefined && e instanceof CommanderError) return undefined;
    if (e instanceof CommanderError && e.code === 'commander.help' && e.exitCode !== 0) return helpAsked(argv, program, commanderMessage, io);
    const owners = (flag: string) => program.commands.filter((c) => c.options.some((o) => o.long === flag)).map((c) => c.name());
    return report(e, io, commanderMessage, failing, langOfArgv(argv, io), owners);
  }
}

/** The language asked for on the command line or by the environment (errors come before options are read). */
function langOfArgv(argv: string[], io: Io): Lang {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const raw = at < 0 ? undefined : argv[at].includes('=') ? argv[at].slice(7) : argv[at + 1];
  return langOf(raw) ?? langFromEnv(io.env);
}

/** CS_PAY_TODAY stands in for the clock (tests, replays); a bad one fails every command alike. */
function checkToday(io: Io): void {
  try {
    // Exactly a date: '2026-03-01 ' (a trailing space) is refused here, naming the variable, not later as a bare date.
    if (io.today !== io.today.trim()) throw new Error('spaces');
    parseDate('CS_PAY_TODAY', io.today);
  } catch {
    const name = io.env.CS_PAY_TODAY ? 'CS_PAY_TODAY' : "Today's date";
    throw new UsageError(
      `${name} must be a date as YYYY-MM-DD, like 2026-01-01; got '${quote(io.today)}'.`,
      io.env.CS_PAY_TODAY ? 'Unset CS_PAY_TODAY to use the date in China today.' : undefined,
    );
  }
}

/**
 * Commander shows help as an error in two cases: a command group named without its
 * subcommand (`cs-pay model`), which is a request for help, and `help <unknown>`,
 * which is a usage error.
 */
function helpAsked(argv: string[], program: Command, helpText: string, io: Io): number {
  const at = argv.lastIndexOf('help');
  if (at < 0) {
    io.stdout(helpText);
    return 0;
  }
  const names = [program, ...program.commands].flatMap((c) => c.commands.map((sub) => sub.name()));
  const name = argv[at + 1] ?? '';
  const guess = closest(name, names);
  io.stderr(`cs-pay: ${clipMessage(`Unknown command '${name}'.`)}\n${guess ? `Did you mean ${guess}? ` : ''}See \`cs-pay --help\`.\n`);
  return 2;
}

/** Commander's error codes with a sentence of ours; the name is the quoted part of its message. */
const COMMANDER: Record<string, MessageKey> = {
  'commander.unknownOption': 'cli:unknownOption',
  'commander.unknownCommand': 'cli:unknownCommand',
  'commander.excessArguments': 'cli:excessArguments',
  'commander.missingArgument': 'cli:missingArgument',
  'commander.optionMissingArgument': 'cli:optionMissingArgument',
};

function report(e: unknown, io: Io, commanderMessage: string, failing: string, lang: Lang, owners: (flag: string) => string[] = () => []): number {
  if (e instanceof CsPayError) {
    // In the language asked for, whichever command threw it; a file's problems one to a line.
    inLanguage(e, lang);
    const message = e.message.split('\n').map(clipMessage).join('\n');
    io.stderr(`cs-pay: ${message}\n${e.hint ? `${clipMessage(e.hint)}\n` : ''}`);
    return e.exitCode;
  }
  if (e instanceof CommanderError) {
    if (e.exitCode === 0) return 0; // --help, --version
    // Every commander error is bad usage (exit 2), told by its code, in the language asked for.
    const lines = commanderMessage.trim().split('\n').map((l) => l.replace(/^error: /, ''));
    const key = COMMANDER[e.code];
    const name = /'([^']*)'/.exec(lines[0] ?? '')?.[1] ?? /arguments? (.*)$/.exec(lines[0] ?? '')?.[1] ?? '';
    const sentence = key ? msg(key, lang, { name: quote(name) }) : lines[0] ? `${lines[0].replace(/\.$/, '')}.` : 'bad usage.';
    // Commander suggests at a looser distance than ours (--base → --date): keep only a likely typo.
    const offered = /Did you mean ([^?]+)\?/.exec(commanderMessage)?.[1];
    const guess = offered && closest(name.replace(/^--?/, ''), [offered.replace(/^--?/, '')]) ? offered : undefined;
    // A flag of another command (net --base): say whose it is.
    const elsewhere = e.code === 'commander.unknownOption' && !guess ? owners(name).filter((c) => !failing.endsWith(` ${c}`)) : [];
    const hint = guess ? `${msg('cli:didYouMean', lang, { guess })} `
      : elsewhere.length ? `${msg('cli:otherCommand', lang, { flag: name, commands: elsewhere.join(', ') })} ` : '';
    io.stderr(`cs-pay: ${clipMessage(sentence)}\n${hint}${msg('cli:seeHelp', lang, { help: `${failing} --help` })}\n`);
    return 2;
  }
  io.stderr(`cs-pay: internal error: ${clipMessage((e as Error)?.message ?? String(e))}\n${REPORT}\n`);
  if (io.env.CS_PAY_DEBUG === '1') io.stderr(`${(e as Error)?.stack ?? ''}\n`);
  return 1;
}

/**
 * V8's young generation for batch, in MB per semi-space. Each line allocates a
 * whole year of results; with the default (16 MB) V8 grows the young generation
 * until a long batch peaks near 170 MB, with 4 MB it stays near 120 MB and runs no
 * slower. The flag only works at start-up, so batch runs itself again with it
 * (unless a semi-space size was given).
 */
const BATCH_SEMI_SPACE_MB = 4;

/** The real process, for bin/cs-pay.js. */
export async function main(): Promise<number> {
  // The tool server too: each call allocates a year of results, and 30,000 pipelined calls peak at 158 MB with V8's default, 129 MB with 4 MB.
  if ((process.argv[2] === 'batch' || process.argv[2] === 'mcp') && !process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) {
    if (!(await leanFieldsOnly(process.argv.slice(3)))) return rerunWith([`--max-semi-space-size=${BATCH_SEMI_SPACE_MB}`]);
  }
  const { io, settle } = processIo();
  const code = await run(process.argv.slice(2), io);
  const failure = await settle();
  if (failure === undefined) return code;
  // CONTRACT.md, "Output that cannot be written": a closed pipe is the reader saying it has enough.
  if (failure.code === 'EPIPE') return 0;
  io.stderr(`cs-pay: ${describeWriteFailure(failure)}\n`);
  return 2;
}

/**
 * Whether a batch asks only for --fields the lean figures answer: its plain net
 * lines then allocate little, and a 1,000,000-line run peaks near 117 MB with
 * V8's default young generation (96 MB with 4 MB), so starting Node again
 * would cost more than it saves.
 */
async function leanFieldsOnly(args: string[]): Promise<boolean> {
  if (process.argv[2] !== 'batch') return false;
  const at = args.findIndex((a) => a === '--fields' || a.startsWith('--fields='));
  if (at < 0 || args.indexOf('--fields', at + 1) >= 0) return false;
  const spec = args[at] === '--fields' ? args[at + 1] : args[at].slice('--fields='.length);
  if (spec === undefined) return false;
  const [{ parseFields }, { leanCovers }] = await Promise.all([import('../batch/fields.js'), import('../batch/lean.js')]);
  try {
    return leanCovers(parseFields(spec));
  } catch {
    return false; // batch words the error
  }
}

/** This command again in a child node with `flags`, on the same stdin, stdout and stderr; its exit code. */
async function rerunWith(flags: string[]): Promise<number> {
  // Required, not imported: the CLI script runs from V8's code cache, where import() has no loader.
  const need = createRequire(import.meta.url);
  const { spawn } = need('node:child_process') as typeof import('node:child_process');
  const { constants } = need('node:os') as typeof import('node:os');
  const child = spawn(process.execPath, [...process.execArgv, ...flags, ...process.argv.slice(1)], { stdio: 'inherit' });
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
    child.on('error', (e) => {
      process.stderr.write(`cs-pay: Cannot start ${process.argv[2]}: ${e.message}.\n`);
      resolve(2);
    });
  });
}
