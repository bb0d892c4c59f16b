/**
 * `cs-pay completion bash|zsh|fish`: a completion script for the commands,
 * their flags, and the values of --city, --level, --platform and the other
 * flags with a fixed set of values. Built from the program itself, so a new
 * flag completes without a change here.
 */
import type { Command, Option } from 'commander';
import { m, UsageError, inLanguage } from '../../errors.js';
import { listComponents } from '../../components.js';
import { type Lang, msg, isMessage, type MessageKey } from '../../i18n/messages.js';
import type { Model } from '../../model/model.js';
import { loadData } from '../context.js';
import type { Io } from '../io.js';
import { readLang } from '../output.js';
import { buildProgram, optionKey } from '../program.js';
import type { RawOptions } from '../../request/keys.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

interface Flag {
  long: string;
  takesValue: boolean;
  repeat: boolean;
  description: string;
  values?: string[];
  files?: boolean;
}
interface Sub {
  name: string;
  description: string;
  flags: Flag[];
  subs: Sub[];
  files: boolean;
}

export async function completionCommand(shell: string, o: RawOptions, io: Io): Promise<number> {
  const lang = readLang(o, io);
  try {
    const which = String(shell).toLowerCase() as Shell;
    if (!SHELLS.includes(which)) throw new UsageError(m('e:completion-shell', { raw: shell }), m('hint:choices', { choices: SHELLS.join(', ') }));
    const { model } = await loadData(io);
    const program = buildProgram(io, new Proxy({}, { get: () => async () => {} }) as never, '');
    const tree = describe(program, model, lang);
    io.stdout({ bash, zsh, fish }[which](tree));
    return 0;
  } catch (e) {
    throw inLanguage(e, lang, { help: 'cs-pay completion --help' });
  }
}

/** The values a flag takes, where they are a known set. */
function valuesOf(long: string, model: Model): string[] | undefined {
  const fixed: Record<string, string[]> = {
    '--city': [...Object.keys(model.cities), 'all'],
    '--level': [...Object.keys(model.levels), 'all'],
    '--platform': [...Object.keys(model.platforms), 'all'],
    '--format': ['table', 'json', 'csv', 'markdown'],
    '--lang': ['en', 'zh'],
    '--bonus-tax': ['auto', 'separate', 'merged'],
    '--elderly': ['only-child', 'shared'],
    '--child-share': ['100', '50'],
    '--mortgage-share': ['100', '50'],
    '--continuing-education': ['degree', 'certificate'],
    '--medical-tier': ['1', '2', '3'],
    '--set': listComponents(model).components.map((c) => `${c.id}=`),
  };
  return fixed[long];
}

function describe(cmd: Command, model: Model, lang: Lang): Sub {
  const say = (key: string, fallback: string) => (isMessage(key) ? msg(key as MessageKey, lang) : fallback);
  const flags = (cmd.options as Option[])
    .filter((o) => o.long && !o.hidden)
    .map((o) => ({
      long: o.long!,
      takesValue: o.required || o.optional,
      repeat: Boolean(o.parseArg) && o.long !== '--version',
      description: say(optionKey(o), o.description),
      values: valuesOf(o.long!, model),
      files: /<file>/.test(o.flags),
    }));
  const subs = cmd.commands.filter((c) => c.name() !== 'help').map((c) => describe(c, model, lang));
  return { name: cmd.name(), description: say(`cmd:${cmd.name()}`, cmd.description()), flags, subs, files: cmd.registeredArguments.some((a) => ['file', 'a', 'b'].includes(a.name())) };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function bash(root: Sub): string {
  const cases = (subs: Sub[], depth: number): string[] =>
    subs.map((s) => {
      const inner = s.subs.length
        ? [`      if [[ $cword -eq ${depth + 1} ]]; then COMPREPLY=($(compgen -W "${s.subs.map((x) => x.name).join(' ')}" -- "$cur")); return; fi`]
        : [];
      return [`    ${s.name})`, ...inner, `      opts="${s.flags.map((f) => f.long).join(' ')}"${s.files ? '; files=1' : ''};;`].join('\n');
    });
  const values = new Map<string, string>();
  const files = new Set<string>();
  const walk = (s: Sub) => {
    for (const f of s.flags) {
      if (f.values) values.set(f.long, f.values.join(' '));
      if (f.files) files.add(f.long);
    }
    s.subs.forEach(walk);
  };
  walk(root);
  return `# cs-pay completion for bash. Load it with:
#   source <(cs-pay completion bash)        (or add that line to ~/.bashrc)
_cs_pay() {
  local cur prev cword opts="" files=0
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cword=$COMP_CWORD
  case "$prev" in
${[...values].map(([flag, list]) => `    ${flag}) COMPREPLY=($(compgen -W "${list}" -- "$cur")); return;;`).join('\n')}
${[...files].map((flag) => `    ${flag}) COMPREPLY=($(compgen -f -- "$cur")); return;;`).join('\n')}
  esac
  if [[ $cword -eq 1 ]]; then
    COMPREPLY=($(compgen -W "${root.subs.map((s) => s.name).join(' ')} ${root.flags.map((f) => f.long).join(' ')}" -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases(root.subs, 1).join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif [[ $files -eq 1 ]]; then
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o default -F _cs_pay cs-pay
`;
}

function zsh(root: Sub): string {
  const esc = (s: string) => oneLine(s).replace(/\\/g, '\\\\').replace(/'/g, "'\\''").replace(/([[\]:])/g, '\\$1');
  const spec = (f: Flag) => {
    const head = `${f.repeat ? '*' : ''}${f.long}[${esc(f.description)}]`;
    if (!f.takesValue) return `'${head}'`;
    const name = f.long.slice(2);
    const action = f.values ? `(${f.values.join(' ')})` : f.files ? '_files' : ' ';
    return `'${head}:${name}:${action}'`;
  };
  const fn = (s: Sub, path: string): string[] => {
    const name = `_cs_pay${path}`;
    const own = s.subs.length
      ? [
          `${name}() {`,
          `  local -a commands`,
          `  commands=(${s.subs.map((x) => `'${x.name}:${esc(x.description)}'`).join(' ')})`,
          `  if (( CURRENT == 2 )); then _describe -t commands 'cs-pay command' commands; return; fi`,
          `  local cmd=$words[2]`,
          `  shift words; (( CURRENT-- ))`,
          `  case $cmd in`,
          ...s.subs.map((x) => `    ${x.name}) ${name}_${x.name.replace(/-/g, '_')} ;;`),
          `  esac`,
          `}`,
        ]
      : [`${name}() {`, `  _arguments -s ${[...s.flags.map(spec), ...(s.files ? ["'*:file:_files'"] : [])].join(' \\\n    ')}`, `}`];
    return [...own, ...s.subs.flatMap((x) => fn(x, `${path}_${x.name.replace(/-/g, '_')}`))];
  };
  return `#compdef cs-pay
# cs-pay completion for zsh. Save it as _cs-pay in a directory of $fpath, or load it with:
#   source <(cs-pay completion zsh)
${fn(root, '').join('\n')}
if [[ $funcstack[1] != _cs_pay ]]; then compdef _cs_pay cs-pay; else _cs_pay "$@"; fi
`;
}

function fish(root: Sub): string {
  const esc = (s: string) => `'${oneLine(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const lines = [
    '# cs-pay completion for fish. Save it as ~/.config/fish/completions/cs-pay.fish, or load it with:',
    '#   cs-pay completion fish | source',
    'complete -c cs-pay -f',
    ...root.subs.map((s) => `complete -c cs-pay -n __fish_use_subcommand -a ${s.name} -d ${esc(s.description)}`),
  ];
  const flagsOf = (s: Sub, condition: string) =>
    s.flags.map((f) => {
      const value = f.takesValue ? (f.values ? ` -x -a ${esc(f.values.join(' '))}` : f.files ? ' -r -F' : ' -x') : '';
      return `complete -c cs-pay -n ${esc(condition)} -l ${f.long.slice(2)}${value} -d ${esc(f.description)}`;
    });
  for (const s of root.subs) {
    const here = `__fish_seen_subcommand_from ${s.name}`;
    lines.push(...flagsOf(s, here));
    if (s.files) lines.push(`complete -c cs-pay -n ${esc(here)} -F`);
    for (const x of s.subs) {
      lines.push(`complete -c cs-pay -n ${esc(`${here}; and not __fish_seen_subcommand_from ${s.subs.map((y) => y.name).join(' ')}`)} -a ${x.name} -d ${esc(x.description)}`);
      lines.push(...flagsOf(x, `${here}; and __fish_seen_subcommand_from ${x.name}`));
      if (x.files) lines.push(`complete -c cs-pay -n ${esc(`${here}; and __fish_seen_subcommand_from ${x.name}`)} -F`);
    }
  }
  return `${lines.join('\n')}\n`;
}
