/**
 * Parse a YAML text and validate it against a strict zod schema. Every failure
 * becomes one ModelError naming the file, line, column and key path, because a
 * silently ignored key is how wrong numbers ship.
 */
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ModelError } from '../errors.js';

export interface Located {
  line: number;
  col: number;
}

export function parseYaml<S extends z.ZodType>(text: string, file: string, schema: S, hint?: string): z.infer<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const pos = lineCounter.linePos(err.pos[0]);
    const what = err.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
    throw new ModelError(`${file}:${pos.line}:${pos.col}: YAML syntax error: ${what}.`, hint);
  }
  const data = doc.toJS({ maxAliasCount: 100 });
  const result = schema.safeParse(data);
  if (result.success) return result.data;

  // An unknown key is the likeliest cause of whatever else fails: report it first.
  const issues = result.error.issues;
  const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
  // Unknown keys are reported on the object; point at the key itself instead.
  const keys = issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys : [];
  const path = [...issue.path, ...keys.slice(0, 1)].map((p) => (typeof p === 'symbol' ? String(p) : p));
  const at = locate(doc, lineCounter, path);
  const keyPath = path.length > 0 ? formatPath(path) : '(top level)';
  const message =
    issue.code === 'unrecognized_keys'
      ? `unknown key '${keys[0]}'`
      : /received undefined$/.test(issue.message)
        ? 'required key is missing'
        : issue.message.replace(/^Invalid input: /, '').replace(/\.$/, '');
  throw new ModelError(`${file}:${at.line}:${at.col}: ${keyPath}: ${message}.`, hint);
}

function locate(doc: ReturnType<typeof parseDocument>, lc: LineCounter, path: (string | number)[]): Located {
  // Walk down as far as the path exists; report the deepest node found.
  for (let n = path.length; n >= 0; n--) {
    const sub = path.slice(0, n);
    const node = n === 0 ? doc.contents : doc.getIn(sub, true);
    // For a key that is present, point at the key rather than its value.
    if (n > 0 && n === path.length) {
      const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
      const pair = findPair(parent, path[n - 1]);
      if (pair?.key && isNode(pair.key) && pair.key.range) return lc.linePos(pair.key.range[0]);
    }
    if (isNode(node) && node.range) return lc.linePos(node.range[0]);
  }
  return { line: 1, col: 1 };
}

function findPair(parent: unknown, key: string | number): { key: unknown } | undefined {
  const items = (parent as { items?: { key: unknown }[] } | undefined)?.items;
  if (!Array.isArray(items)) return undefined;
  return items.find((item) => {
    const k = item.key as { value?: unknown } | null;
    return k != null && (k.value === key || String(k.value) === String(key));
  });
}

export function formatPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
