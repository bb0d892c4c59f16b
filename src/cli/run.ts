/**
 * The CLI entry: argv -> exit code. Never calls process.exit; bin/cs-pay.js
 * sets the exit code from what `run` returns, and tests call `run` with a fake Io.
 */
import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import { CsPayError } from '../errors.js';
import { estimateCommand, grossCommand, netCommand } from './commands/estimate.js';
import { listCommand } from './commands/lists.js';
import { schemaCommand, validateCommand } from './commands/model.js';
import { type Io, todayIn } from './io.js';
import { buildProgram } from './program.js';

declare const CS_PAY_VERSION: string | undefined;
const VERSION = typeof CS_PAY_VERSION === 'string' ? CS_PAY_VERSION : '0.0.0-dev';
const REPORT = 'This is a bug in cs-pay: please report it with the command you ran (set CS_PAY_DEBUG=1 for details).';

export async function run(argv: string[], io: Io): Promise<number> {
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
  }, VERSION);
  // Commander's own messages are rewritten into ours below.
  let commanderMessage = '';
  program.exitOverride();
  program.configureOutput({ writeOut: io.stdout, writeErr: (s) => void (commanderMessage += s) });
  for (const sub of program.commands) sub.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: (s) => void (commanderMessage += s) });

  try {
    if (argv.length === 0) {
      io.stdout(program.helpInformation());
      return 0;
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    return report(e, io, commanderMessage);
  }
}

function report(e: unknown, io: Io, commanderMessage: string): number {
  if (e instanceof CsPayError) {
    io.stderr(`cs-pay: ${e.message}\n${e.hint ? `${e.hint}\n` : ''}`);
    return e.exitCode;
  }
  if (e instanceof CommanderError) {
    if (e.exitCode === 0) return 0; // --help, --version
    const lines = commanderMessage.trim().split('\n').map((l) => l.replace(/^error: /, ''));
    const sentence = lines[0] ? `${lines[0].replace(/\.$/, '')}.` : 'bad usage.';
    const hint = lines.slice(1).join(' ').replace(/^\((.*)\)$/, '$1');
    io.stderr(`cs-pay: ${sentence}\n${hint ? `${hint} ` : ''}See \`cs-pay --help\`.\n`);
    return 2;
  }
  io.stderr(`cs-pay: internal error: ${(e as Error)?.message ?? String(e)}\n${REPORT}\n`);
  if (io.env.CS_PAY_DEBUG === '1') io.stderr(`${(e as Error)?.stack ?? ''}\n`);
  return 1;
}

/** The real process, for bin/cs-pay.js. */
export function main(): Promise<number> {
  const io: Io = {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    today: process.env.CS_PAY_TODAY ?? todayIn('Asia/Shanghai'),
    readFile: (path) => readFileSync(path, 'utf8'),
    readStdin: async () => {
      let text = '';
      for await (const chunk of process.stdin) text += chunk;
      return text;
    },
  };
  return run(process.argv.slice(2), io);
}
