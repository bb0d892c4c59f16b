/**
 * CSV header cells -> the option keys of a batch line. A column may be named as
 * the key (`nightShifts`), the flag (`night-shifts`, `--night-shifts`), in
 * snake_case (`night_shifts`), in any letter case, or by its Chinese name: the
 * flag's Chinese help text up to its first bracket, colon or comma (每月夜班次数,
 * 城市, 月度税前工资). A Chinese name that two keys share, or that begins
 * another's (年终奖 and 年终奖金额), is no one's.
 */
import { OPTION_KEYS } from '../answer.js';
import { flagOf } from '../request/keys.js';
import { COLUMN_ALIASES } from '../i18n/columns.js';
import { isMessage, type MessageKey, msg } from '../i18n/messages.js';

/** Keys of a batch line besides the options of its command. */
export const LINE_KEYS = ['id', 'command', 'lang'] as const;

let names: Map<string, string> | undefined;

/** The option key a header cell names, or undefined. */
export function columnKey(header: string): string | undefined {
  names ??= buildNames();
  return names.get(normalise(header));
}

/** Every key a column can name, for "did you mean". */
export function columnNames(): string[] {
  names ??= buildNames();
  return [...new Set(names.values())];
}

/** A header close to a column name (月新 → 月薪, grss → gross): the name, for "did you mean"; none when nothing is close. */
export function nearColumn(header: string, near: (word: string, candidates: readonly string[]) => string | undefined): string | undefined {
  names ??= buildNames();
  const text = header.trim();
  // Chinese names are short: one character off in two or three is a guess, not a typo; ask for the same length.
  const candidates = [...names.keys()].filter((n) => !/[\u3400-\u9fff]/.test(text) || [...n].length === [...text].length);
  return near(normalise(text), candidates);
}

const normalise = (header: string) => header.trim().replace(/^--/, '').replace(/[_\s]+/g, '-').toLowerCase();

function buildNames(): Map<string, string> {
  const keys = [...new Set([...LINE_KEYS, ...OPTION_KEYS.estimate, ...OPTION_KEYS.net, ...OPTION_KEYS.gross])];
  const map = new Map<string, string>();
  for (const key of keys) {
    map.set(key.toLowerCase(), key);
    map.set(flagOf(key).slice(2), key);
  }
  const chinese = new Map<string, string[]>();
  for (const key of keys) {
    const help = `opt:${flagOf(key)}`;
    if (!isMessage(help)) continue;
    const text = msg(help as MessageKey, 'zh').split(/[(:,(:,]/)[0];
    for (const name of text.split('/').map((n) => n.trim()).filter(Boolean)) chinese.set(name, [...(chinese.get(name) ?? []), key]);
  }
  const all = [...chinese.keys()];
  for (const [name, owners] of chinese) {
    if (owners.length === 1 && !all.some((other) => other !== name && other.startsWith(name))) map.set(normalise(name), owners[0]);
  }
  // The names a sheet uses (工号, 月薪, 夜班次数): these win over help-text names.
  for (const [name, key] of Object.entries(COLUMN_ALIASES)) if (keys.includes(key)) map.set(normalise(name), key);
  return map;
}
