/**
 * Parse a YAML text and validate it against a strict zod schema. Every failure
 * becomes one ModelError naming the file, line, column and key path, because a
 * silently ignored key is how wrong numbers ship. Hostile input (deep nesting,
 * alias bombs, tens of thousands of keys) is refused in linear time.
 */
import { CST, isNode, isScalar, Lexer, LineCounter, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import { zhCN } from 'zod/v4/locales';
import { closest } from '../suggest.js';
import { m, ModelError, type Said } from '../errors.js';
import { MAX_NESTING_DEPTH, quote } from '../limits.js';

export interface Located {
  line: number;
  col: number;
}

export function parseYaml<S extends z.ZodType>(text: string, file: string, schema: S, hint?: Said): z.infer<S> {
  checkNesting(text, file, hint);
  const lineCounter = new LineCounter();
  // yaml's own unique-key check compares every key with every earlier one; ours below is linear.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return `${file}:${pos.line}:${pos.col}`;
  };
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const what = err.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
    throw new ModelError(`${at(err.pos[0])}: YAML syntax error: ${what}.`, hint);
  }
  let firstAlias: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      firstAlias ??= alias.range?.[0];
    },
    Map(_, map) {
      const seen = new Set<string>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        const name = String(key.value);
        const where = at(key.range?.[0] ?? 0);
        // toJS would make it an own property; zod would then assign it, and the prototype changes.
        if (name === '__proto__') throw new ModelError(`${where}: YAML syntax error: the key '__proto__' is not allowed.`, hint);
        if (seen.has(name)) throw new ModelError(`${where}: YAML syntax error: map keys must be unique; '${quote(name)}' is repeated.`, hint);
        seen.add(name);
      }
    },
  });
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // yaml refuses alias expansion past maxAliasCount (a "billion laughs" file).
    const where = firstAlias === undefined ? file : at(firstAlias);
    throw new ModelError(`${where}: YAML aliases expand too far (${(e as Error).message.toLowerCase()}).`, hint);
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;

  // One sentence for the first problem (the likeliest cause); `model validate` lists them all.
  const items = problems(result.error.issues, data, schema, doc, lineCounter, file);
  const error = new ModelError(m('e:file-problems', { items: items.slice(0, 1) }), hint);
  throw Object.assign(error, { problems: items.length > 1 ? new ModelError(m('e:file-problems', { items }), hint) : undefined });
}

/** At most this many problems of one file are reported (CONTRACT "model validate"). */
const MAX_PROBLEMS = 20;

interface Problem {
  where: string;
  en: string;
  zh: string;
}

/**
 * Every problem of a file (up to 20), each at its file:line:col and key path, in
 * both languages. Unknown keys come first (the likeliest cause of whatever else
 * fails), each with a "did you mean" from the keys allowed where it stands.
 */
function problems(issues: readonly z.core.$ZodIssue[], data: unknown, schema: z.ZodType, doc: ReturnType<typeof parseDocument>, lc: LineCounter, file: string): Problem[] {
  // Zod's own Chinese words for the same issues: parsed again only when the file is wrong.
  const zh = schema.safeParse(data, { error: zhCN().localeError }).error?.issues ?? [];
  const zhOf = new Map(zh.map((i) => [`${i.code}|${i.path.join('.')}`, i.message]));
  const order = [...issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));
  const out: Problem[] = [];
  // A misspelt key is one mistake, not two: its "did you mean" stands for the missing key.
  const guessed = new Set<string>();
  for (const issue of order) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys) {
      if (out.length >= MAX_PROBLEMS) return out;
      const path = [...issue.path, ...(key === undefined ? [] : [key])].map((p) => (typeof p === 'symbol' ? String(p) : p));
      const pos = locate(doc, lc, path);
      const where = `${file}:${pos.line}:${pos.col}: ${path.length > 0 ? formatPath(path) : '(top level)'}`;
      if (key !== undefined) {
        const guess = closest(key, keysAt(schema, issue.path));
        if (guess) guessed.add([...issue.path, guess].join('\u0000'));
        out.push({
          where,
          en: `unknown key '${quote(key)}'${guess ? ` (did you mean ${guess}?)` : ''}`,
          zh: `未知的键 '${quote(key)}'${guess ? `(是不是想写 ${guess}?)` : ''}`,
        });
      } else if (/received undefined$/.test(issue.message)) {
        if (guessed.has(path.join('\u0000'))) continue;
        out.push({ where, en: 'required key is missing', zh: '缺少必填的键' });
      } else {
        const en = issue.message.replace(/^Invalid input: /, '').replace(/\.$/, '');
        // Zod's Chinese for its own messages; ours (refines, limits) are put in Chinese by the
        // catalogue ('e:file-problems'). A message of our own with no Chinese there is kept.
        const zhText = (zhOf.get(`${issue.code}|${issue.path.join('.')}`) ?? en).replace(/^无效输入[:：]\s*/, '');
        out.push({ where, en, zh: zhText });
      }
    }
  }
  return out;
}

/** The keys an object schema allows at `path` (for "did you mean"); none when the path leads elsewhere. */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  const def = (n: unknown) => (n as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
  const unwrap = (n: unknown): unknown => {
    for (let d = def(n); d; d = def(n)) {
      if (['optional', 'nullable', 'default', 'readonly', 'catch', 'prefault', 'nonoptional'].includes(d.type as string)) n = d.innerType;
      else if (d.type === 'pipe') n = d.in;
      else if (d.type === 'lazy') n = (d.getter as () => unknown)();
      else if (d.type === 'union') n = (d.options as unknown[]).find((o) => def(unwrap(o))?.type === 'object') ?? (d.options as unknown[])[0];
      else break;
    }
    return n;
  };
  for (const step of path) {
    node = unwrap(node);
    const d = def(node);
    if (!d) return [];
    if (d.type === 'object') node = (d.shape as Record<string, unknown>)[String(step)];
    else if (d.type === 'record') node = d.valueType;
    else if (d.type === 'array') node = d.element;
    else return [];
  }
  const d = def(unwrap(node));
  return d?.type === 'object' ? Object.keys(d.shape as object) : [];
}

/**
 * Refuse deep nesting before parsing: the parser and the composer recurse, so a
 * 100,000-deep file costs seconds and then the stack. The lexer does not recurse;
 * counting flow brackets and block indentation from its tokens bounds the depth
 * from above (within one), and stops at the first node too deep.
 */
function checkNesting(text: string, file: string, hint?: Said): void {
  let flow = 0;
  const indents: number[] = [];
  let line = 1;
  let col = 0;
  let marked = false; // the token follows a scalar marker: a plain scalar (or a block scalar's body)
  let body = false; // a block scalar's header was seen: its body comes next
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // Markers take no room in the source.
    if (type === 'doc-mode' || type === 'flow-error-end') continue;
    if (type === 'scalar') {
      marked = true;
      continue;
    }
    const [startLine, startCol] = [line, col];
    const nl = token.lastIndexOf('\n');
    if (nl < 0) col += token.length;
    else {
      for (let i = token.indexOf('\n'); i >= 0; i = token.indexOf('\n', i + 1)) line++;
      col = token.length - nl - 1;
    }
    let node = false;
    if (marked) {
      node = !body;
      body = marked = false;
    } else if (type === 'flow-seq-start' || type === 'flow-map-start') flow++;
    else if (type === 'flow-seq-end' || type === 'flow-map-end') flow = Math.max(0, flow - 1);
    else if (type === 'block-scalar-header') body = true;
    else node = type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'single-quoted-scalar' || type === 'double-quoted-scalar' || type === 'alias';
    if (node && flow === 0) {
      while (indents.length > 0 && indents[indents.length - 1] > startCol) indents.pop();
      if (indents.length === 0 || indents[indents.length - 1] < startCol) indents.push(startCol);
    }
    if (flow + indents.length > MAX_NESTING_DEPTH) {
      throw new ModelError(`${file}:${startLine}:${startCol + 1}: YAML nested more than ${MAX_NESTING_DEPTH} deep; a model or offer file needs a handful of levels.`, hint);
    }
  }
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
