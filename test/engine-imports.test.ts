// The engine's files import one another without a circle (issue 10, "seams"):
// shared codes and declarations sit below the modules that use them. Type-only
// imports vanish at run time; with them counted, the only circles allowed go
// through context.ts, the interface every phase receives (it names the layers'
// types, and they name it).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = resolve(import.meta.dirname, '..', 'engine');

function engineFiles(dir = ENGINE): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? engineFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Each engine file's engine imports (`types`: count `import type` and `{ type A }`-only imports too). */
function importGraph(types: boolean): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of engineFiles()) {
    const src = readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const m of src.matchAll(/^\s*(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s+'(\.[^']+)'/gm)) {
      const typeOnly = m[1] !== undefined || /^\{\s*(?:type\s+\w+(?:\s+as\s+\w+)?\s*,?\s*)+\}$/.test(m[2]!);
      if (typeOnly && !types) continue;
      targets.push(resolve(dirname(file), m[3]!));
    }
    for (const m of src.matchAll(/^\s*import\s+'(\.[^']+)'/gm)) targets.push(resolve(dirname(file), m[1]!));
    graph.set(file, targets.filter((t) => t.startsWith(ENGINE)));
  }
  return graph;
}

/** The import circles of a graph (each as a list of files relative to engine/). */
function cycles(graph: Map<string, string[]>, skip: (file: string) => boolean = () => false): string[][] {
  const mark = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (u: string): void => {
    mark.set(u, 1);
    stack.push(u);
    for (const v of graph.get(u) ?? []) {
      if (!graph.has(v) || skip(v)) continue;
      if (mark.get(v) === 1) found.push([...stack.slice(stack.indexOf(v)), v].map((f) => relative(ENGINE, f)));
      else if (!mark.has(v)) visit(v);
    }
    stack.pop();
    mark.set(u, 2);
  };
  for (const f of graph.keys()) if (!mark.has(f) && !skip(f)) visit(f);
  return found;
}

describe('engine imports', () => {
  it('the graph is read (sanity: information.ts imports misinformation.ts, not the reverse)', () => {
    const graph = importGraph(true);
    expect(graph.get(join(ENGINE, 'information.ts'))).toContain(join(ENGINE, 'misinformation.ts'));
    expect(graph.get(join(ENGINE, 'misinformation.ts'))).not.toContain(join(ENGINE, 'information.ts'));
  });

  it('no engine file is part of an import circle at run time', () => {
    expect(cycles(importGraph(false))).toEqual([]);
  });

  it('counting type imports, every circle goes through context.ts', () => {
    expect(cycles(importGraph(true), (f) => f === join(ENGINE, 'context.ts'))).toEqual([]);
  });
});
