// The engine's files import one another without a circle (issue 10, "seams"):
// shared codes and declarations sit below the modules that use them. Type-only
// imports vanish at run time; with them counted, the information layer (the
// circle information ↔ misinformation ↔ context the issue named) is in no circle
// but those through context.ts, the interface every phase receives (it names the
// layers' types, and they name it).
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

/**
 * The import circles of a graph: its strongly connected components of more than
 * one file (Tarjan), each as files relative to engine/; `skip` leaves files out.
 */
function circles(graph: Map<string, string[]>, skip: (file: string) => boolean = () => false): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let next = 0;
  const visit = (u: string): void => {
    index.set(u, next);
    low.set(u, next++);
    stack.push(u);
    onStack.add(u);
    for (const v of graph.get(u) ?? []) {
      if (!graph.has(v) || skip(v)) continue;
      if (!index.has(v)) {
        visit(v);
        low.set(u, Math.min(low.get(u)!, low.get(v)!));
      } else if (onStack.has(v)) low.set(u, Math.min(low.get(u)!, index.get(v)!));
    }
    if (low.get(u) !== index.get(u)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(relative(ENGINE, w));
    } while (w !== u);
    if (component.length > 1) found.push(component.sort());
  };
  for (const f of graph.keys()) if (!index.has(f) && !skip(f)) visit(f);
  return found;
}

describe('engine imports', () => {
  it('the graph is read (sanity: information.ts imports misinformation.ts, not the reverse)', () => {
    const graph = importGraph(true);
    expect(graph.get(join(ENGINE, 'information.ts'))).toContain(join(ENGINE, 'misinformation.ts'));
    expect(graph.get(join(ENGINE, 'misinformation.ts'))).not.toContain(join(ENGINE, 'information.ts'));
  });

  it('no engine file is part of an import circle at run time', () => {
    expect(circles(importGraph(false))).toEqual([]);
  });

  it('counting type imports, the information layer is in no circle but through context.ts', () => {
    const layer = /^(information|misinformation|codes|item-keys|item-spec|messages|frame)\.ts$|^(misinformation|spread)\//;
    const found = circles(importGraph(true), (f) => f === join(ENGINE, 'context.ts'));
    expect(found.filter((c) => c.some((f) => layer.test(f)))).toEqual([]);
  });
});
