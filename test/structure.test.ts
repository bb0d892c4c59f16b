/**
 * The map of the layers in CONTRIBUTING.md, checked against the imports of src/:
 * every static import and export-from, every dynamic import(), type imports too.
 * A rule below is a line of the map; break one and this test names the import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

export interface Edge {
  from: string;
  to: string;
  /** Only types cross (import type, export type, every specifier `type`, or `import('…').T` in a type). */
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = posix.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    // The program is its .ts files; src/build.mjs builds it and is no part of it.
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** The src/ files a file imports, as paths from the repository root. */
export function importsOf(file: string, text: string): Edge[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const edges: Edge[] = [];
  const add = (spec: string, typeOnly: boolean) => {
    if (!spec.startsWith('.')) return;
    const to = posix.normalize(posix.join(posix.dirname(file), spec)).replace(/\.js$/, '.ts');
    edges.push({ from: file, to, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = Boolean(clause && (clause.isTypeOnly || (!clause.name && named && named.length > 0 && named.every((e) => e.isTypeOnly))));
      add(node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      add(node.moduleSpecifier.text, node.isTypeOnly || Boolean(named && named.length > 0 && named.every((e) => e.isTypeOnly)));
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) add(arg.text, false);
      else throw new Error(`${file}: an import() of a computed path cannot be checked; name the module.`);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

function graph(): Edge[] {
  return sourceFiles('src').flatMap((f) => importsOf(f, readFileSync(join(root, f), 'utf8')));
}

/** The room a file lives in: its directory under src/, or the file itself for the files at the top of src/. */
const roomOf = (file: string) => (file.split('/').length > 2 ? `${file.split('/')[1]}/` : file.slice(4));
const inRoom = (file: string, ...rooms: string[]) => rooms.some((r) => roomOf(file) === r);

/**
 * The map, top to bottom (CONTRIBUTING.md): an import may run down or stay level,
 * never up. Faces may not import each other but as the first rule allows.
 */
const LAYERS: string[][] = [
  ['cli/', 'batch/', 'index.ts', 'mcp/'],
  ['render/'],
  ['answer.ts', 'lean.ts', 'result.ts', 'rules.ts', 'lists.ts', 'matrix.ts', 'components.ts', 'options.ts', 'json-schemas.ts', 'compare/'],
  ['request/', 'io/'],
  ['pay/', 'payroll/', 'model/'],
  ['errors.ts', 'limits.ts', 'money.ts', 'suggest.ts'],
  ['i18n/'],
];
const [FACES, , , , CORE] = LAYERS;
const layerOf = (file: string) => LAYERS.findIndex((rooms) => rooms.includes(roomOf(file)));

interface Rule {
  name: string;
  broken: (e: Edge) => boolean;
}

export const RULES: Rule[] = [
  {
    name: 'every file of src/ is in a layer of the map',
    broken: (e) => layerOf(e.from) < 0 || layerOf(e.to) < 0,
  },
  {
    name: 'imports run down the map, never up',
    broken: (e) => layerOf(e.to) < layerOf(e.from),
  },
  {
    name: 'nothing outside src/cli/ imports src/cli/',
    broken: (e) => inRoom(e.to, 'cli/') && !inRoom(e.from, 'cli/'),
  },
  {
    // The terminal runs batch and the tool server; the tool server sits on the library
    // and frames its messages with batch's bounded line framer.
    name: 'no face imports another (but cli/ runs batch/ and mcp/, and mcp/ stands on index.ts and batch/frames.ts)',
    broken: (e) => {
      if (!inRoom(e.from, ...FACES) || !inRoom(e.to, ...FACES) || roomOf(e.to) === roomOf(e.from)) return false;
      if (inRoom(e.from, 'cli/')) return false;
      return !(inRoom(e.from, 'mcp/') && (e.to === 'src/index.ts' || e.to === 'src/batch/frames.ts'));
    },
  },
  {
    name: 'src/pay/, src/payroll/ and src/model/ import only types from src/i18n/',
    broken: (e) => inRoom(e.from, ...CORE) && inRoom(e.to, 'i18n/') && !e.typeOnly,
  },
];

export function brokenRules(edges: readonly Edge[]): string[] {
  return RULES.flatMap((r) => edges.filter(r.broken).map((e) => `${r.name}: ${e.from} -> ${e.to}${e.typeOnly ? ' (types)' : ''}`));
}

/** Import circles among src/ files outside src/i18n/ (the catalogue's parts may name each other), type imports included. */
export function circles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (inRoom(e.from, 'i18n/') || inRoom(e.to, 'i18n/')) continue;
    next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  }
  // Tarjan's strongly connected components: a component of two or more files, or a file importing itself, is a circle.
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const connect = (v: string) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    for (const w of next.get(v) ?? []) {
      if (!order.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!order.has(v)) connect(v);
  return out;
}

describe('the layers of src/ (CONTRIBUTING.md, "The map")', () => {
  const edges = graph();

  it('reads the imports of every file, static, dynamic and type-only', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges.some((e) => e.typeOnly)).toBe(true);
    expect(edges.some((e) => e.from === 'src/cli/context.ts' && e.to === 'src/request/read-file.ts')).toBe(true); // a dynamic import()
    const missing = edges.filter((e) => !readdirSync(join(root, dirname(e.to))).includes(e.to.split('/').at(-1)!));
    expect(missing.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('every import runs the way the map says', () => {
    expect(brokenRules(edges)).toEqual([]);
  });

  it('no import circle outside src/i18n/', () => {
    expect(circles(edges)).toEqual([]);
  });

  it('the map names every room of src/', () => {
    const map = /```\n([\s\S]*?)```/.exec(readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8'))![1];
    const rooms = readdirSync(join(root, 'src'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `src/${e.name}/`);
    expect(rooms.filter((r) => !map.includes(r))).toEqual([]);
  });

  it('fails on a wrong-way import and on a circle', () => {
    const wrong = [
      ...importsOf('src/pay/x.ts', "import { run } from '../cli/run.js';"),
      ...importsOf('src/payroll/x.ts', "import { msg } from '../i18n/messages.js';"),
      ...importsOf('src/model/x.ts', "const r = await import('../render/table.js');"),
      ...importsOf('src/batch/x.ts', "export { flagOf } from '../cli/flags.js';"),
    ];
    for (const e of wrong) expect(brokenRules([e]), `${e.from} -> ${e.to}`).not.toEqual([]);
    expect(brokenRules(importsOf('src/payroll/x.ts', "import type { Localized } from '../i18n/messages.js';"))).toEqual([]);
    expect(brokenRules(importsOf('src/payroll/x.ts', "import { type Localized } from '../i18n/messages.js';"))).toEqual([]);
    const loop = [...importsOf('src/a.ts', "import type { B } from './b.js';"), ...importsOf('src/b.ts', "const a = () => import('./a.js');")];
    expect(circles(loop)).toEqual([['src/a.ts', 'src/b.ts']]);
  });
});
