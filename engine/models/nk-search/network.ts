// The network the agents search on, built by the engine's generators and kept in
// the state as CSR arrays (a complete network is implicit: no arrays).
import type { Rng } from '../../rng.ts';
import type { State } from '../../state.ts';
import { stateArray, stateNumber } from '../../state-handles.ts';
import { buildGraph, completeGraph, tiesOf, type Graph } from '../../graph/csr.ts';
import { smallWorld } from '../../graph/small-world.ts';
import { randomGraph } from '../../graph/random.ts';
import { hierarchy } from '../../graph/hierarchy.ts';
import { buildInformal, type LayerSpec } from '../../graph/generators.ts';
import type { NetworkParams } from './params.ts';

export const OFFSETS = stateArray.i32('nk.offsets');
export const TARGETS = stateArray.i32('nk.targets');
export const COMPLETE = stateNumber('nk.complete');

/** The graph a network spec describes, on n agents. */
export function buildNetwork(n: number, spec: NetworkParams, rng: Rng): Graph {
  switch (spec.kind) {
    case 'linear': return pathGraph(n);
    case 'complete': return completeGraph(n);
    case 'random': return randomGraph(n, spec.meanDegree, rng);
    case 'small-world': return smallWorld(n, spec.k, spec.p, rng);
    case 'formal': return treeGraph(hierarchy(n, spec.span).parent);
    case 'informal': return buildInformal(spec.informal as LayerSpec, { n, formal: hierarchy(n, spec.span), rng });
    case 'formal+informal': {
      const formal = hierarchy(n, spec.span);
      const layer = buildInformal(spec.informal as LayerSpec, { n, formal, rng });
      if (layer.complete) return layer;
      const informal = tiesOf(layer);
      const count = informal.src.length + n - 1;
      const src = new Int32Array(count), dst = new Int32Array(count);
      src.set(informal.src); dst.set(informal.dst);
      let e = informal.src.length;
      for (let i = 0; i < n; i++) if (formal.parent[i]! >= 0) { src[e] = i; dst[e] = formal.parent[i]!; e++; }
      return buildGraph(n, src, dst, e);
    }
  }
}

/** Lazer & Friedman's linear network: agents in a line, each tied to the next (the two ends to one). */
function pathGraph(n: number): Graph {
  const src = new Int32Array(Math.max(0, n - 1)), dst = new Int32Array(Math.max(0, n - 1));
  for (let i = 0; i + 1 < n; i++) { src[i] = i; dst[i] = i + 1; }
  return buildGraph(n, src, dst, n - 1);
}

function treeGraph(parent: Int32Array): Graph {
  const n = parent.length;
  const src = new Int32Array(n), dst = new Int32Array(n);
  let e = 0;
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) { src[e] = i; dst[e] = parent[i]!; e++; }
  return buildGraph(n, src, dst, e);
}

/** Writes a graph into the state. */
export function storeNetwork(state: State, g: Graph): void {
  state.setNum(COMPLETE, g.complete ? 1 : 0);
  state.put(OFFSETS, g.offsets.slice());
  state.put(TARGETS, g.targets.slice());
}
