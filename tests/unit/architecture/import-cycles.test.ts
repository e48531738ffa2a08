/**
 * No runtime import cycles in lib/: a module must be able to load without a module that imports it
 * being half-loaded. Imports that vanish at build time do not count (`import type`, `export type`,
 * and imports whose every name is marked `type`). Reads the sources with the TypeScript compiler's parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const LIB = join(ROOT, 'lib');
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** True for an import or export that survives compilation (it loads the other module at run time). */
function isRuntime(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return false;
    const clause = node.exportClause;
    return !(
      clause &&
      ts.isNamedExports(clause) &&
      clause.elements.length > 0 &&
      clause.elements.every((e) => e.isTypeOnly)
    );
  }
  const clause = node.importClause;
  if (!clause) return true; // a side-effect import
  if (clause.phaseModifier === ts.SyntaxKind.TypeKeyword) return false;
  if (clause.name) return true;
  const bindings = clause.namedBindings;
  if (!bindings || ts.isNamespaceImport(bindings)) return true;
  return bindings.elements.length === 0 || bindings.elements.some((e) => !e.isTypeOnly);
}

/** The lib/ files `file` loads at run time (relative specifiers only; packages cannot import lib/). */
export function runtimeImports(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const node of source.statements) {
    if (!(ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) || !isRuntime(node)) continue;
    const spec = node.moduleSpecifier;
    if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith('.')) continue;
    const base = resolve(dirname(file), spec.text);
    const target = EXTENSIONS.map((ext) => base + ext).find((path) => files.has(path));
    if (target) found.push(target);
  }
  return found;
}

/** Every cycle in `graph`, each once, as the list of files around it. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

const files = new Set(sourceFiles(LIB));

describe('imports in lib/', () => {
  it('form no runtime cycle', () => {
    const graph = new Map([...files].map((file) => [file, runtimeImports(file)]));
    const cycles = findCycles(graph).map((cycle) => cycle.map((f) => relative(ROOT, f)).join(' -> '));
    expect(cycles).toEqual([]);
  });

  it('the check sees a runtime cycle, and not one made of type imports', () => {
    const a = join(LIB, 'a.ts');
    const b = join(LIB, 'b.ts');
    files.add(a).add(b);
    try {
      const graphOf = (aText: string, bText: string) =>
        new Map([
          [a, runtimeImports(a, aText)],
          [b, runtimeImports(b, bText)],
        ]);
      expect(findCycles(graphOf("import { x } from './b';", "export { y } from './a';"))).toHaveLength(1);
      expect(findCycles(graphOf("import { type x } from './b';", "import './a';"))).toEqual([]);
      expect(findCycles(graphOf("import type { X } from './b';", "import { a } from './a';"))).toEqual([]);
      expect(findCycles(graphOf("import { x, type X } from './b';", "export * from './a';"))).toHaveLength(1);
    } finally {
      files.delete(a);
      files.delete(b);
    }
  });
});
