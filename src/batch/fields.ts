/**
 * `--fields a.b,c`: the dotted paths of the result to keep (CONTRACT,
 * "Clarifications", batch output). The paths form a tree; `pick` copies only
 * what the tree names, keeping the nesting, so a small output costs a small
 * object, not the whole result. Through an array (months, lines, warnings) a
 * path applies to each element: `months.net` is every month's take-home.
 */
import { closest } from '../suggest.js';
import { UsageError } from '../errors.js';
import { quote } from '../limits.js';

/** A key -> what to keep under it: `true` for all of it, or a tree of its keys. */
export type FieldTree = Map<string, FieldTree | true>;

/** Always in the output, whatever --fields says. */
export const KEPT = ['line', 'id', 'error'] as const;

/** The top-level keys of a batch result (estimate, net and gross objects, and the keys batch adds). */
const RESULT_KEYS = [
  ...KEPT, 'schemaVersion', 'command', 'asOf', 'input', 'lines', 'gross', 'yearEnd', 'insurance', 'months', 'annual', 'takeHome',
  'bonusComparison', 'reconciliation', 'warnings', 'rules', 'notes',
];
/** Objects whose keys the contract fixes, checked so a typo is refused rather than printed as nothing. */
const FIXED: Record<string, readonly string[]> = {
  gross: ['monthly', 'low', 'high'],
  takeHome: ['firstMonth', 'average'],
  annual: ['gross', 'bonus', 'bonusTax', 'bonusTaxMethod', 'incomeTax', 'insurance', 'net', 'employerCost'],
};

/** `--fields` -> its paths, each checked, in the order given (duplicates dropped). */
export function parseFields(spec: string): string[][] {
  const paths: string[][] = [];
  const seen = new Set<string>();
  for (const text of spec.split(',').map((f) => f.trim()).filter(Boolean)) {
    const path = text.split('.');
    if (path.some((p) => p === '')) throw new UsageError(`--fields: '${quote(text)}' is not a dotted path like annual.net.`);
    checkKey(path[0], RESULT_KEYS, text);
    if (path.length > 1 && FIXED[path[0]]) checkKey(path[1], FIXED[path[0]], text);
    if (!seen.has(text)) paths.push(path);
    seen.add(text);
  }
  if (paths.length === 0) throw new UsageError('--fields names no field.', 'Give dotted paths separated by commas, like --fields gross.monthly,takeHome.average,annual.net.');
  return paths;
}

function checkKey(key: string, keys: readonly string[], text: string): void {
  if (keys.includes(key)) return;
  const guess = closest(key, keys);
  throw new UsageError(`--fields: unknown field '${quote(text)}'.`, guess ? `Did you mean ${guess}?` : `Fields start with one of: ${keys.join(', ')}.`);
}

export function treeOf(paths: readonly string[][]): FieldTree {
  const tree: FieldTree = new Map();
  for (const path of paths) {
    let node = tree;
    for (let i = 0; i < path.length; i++) {
      const key = path[i];
      const have = node.get(key);
      if (have === true) break; // the whole of it is kept already
      if (i === path.length - 1) {
        node.set(key, true);
        break;
      }
      const next: FieldTree = have ?? new Map();
      node.set(key, next);
      node = next;
    }
  }
  return tree;
}

/** What `tree` names in `value`, nested as it was; undefined when it names nothing there. */
export function pick(value: unknown, tree: FieldTree): unknown {
  if (Array.isArray(value)) return value.map((v) => pick(v, tree));
  if (value === null || typeof value !== 'object') return undefined;
  const out: Record<string, unknown> = {};
  let any = false;
  for (const [key, sub] of tree) {
    const v = own(value, key);
    if (v === undefined) continue;
    const kept = sub === true ? v : pick(v, sub);
    if (kept === undefined) continue;
    out[key] = kept;
    any = true;
  }
  return any ? out : undefined;
}

/** The value at a dotted path (through arrays, a list of values). */
export function valueAt(value: unknown, path: readonly string[], from = 0): unknown {
  let v = value;
  for (let i = from; i < path.length; i++) {
    if (Array.isArray(v)) return v.map((x) => valueAt(x, path, i));
    if (v === null || typeof v !== 'object') return undefined;
    v = own(v, path[i]);
  }
  return v;
}

/** A field is an own property of the result: `input.constructor` names nothing (not Object's constructor). */
const own = (value: object, key: string): unknown => (Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined);
