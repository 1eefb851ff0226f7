// `file` layers: real organizations read from CSV or JSON text (MODEL.md §3).
// The engine does no I/O: callers read the files and pass their text.
//
// Ids in files are strings, mapped to 0 … n−1 in nodes-file order; every node
// column is kept (as strings) so partitions and colours can use it. Edge files
// are `source,target[,weight]` with a header row; an arc "source → target" in the
// formal layer means "source reports to target". JSON is accepted too:
// `[{"id": …, …}]` for nodes, `[{"source": …, "target": …}]` for edges, or a
// node-link object `{"nodes": […], "links" | "edges": […]}`.
import { buildGraph, type Graph } from './csr.ts';
import { formalFromParents, type Formal } from './formal.ts';
import { parseEdgesCsv, type ParsedNodes } from './file-text.ts';

export { parseNodesCsv, parseEdgesCsv, nodesFromEdges, type ParsedNodes, type ParsedEdges } from './file-text.ts';

/** Arcs over internal ids 0 … n−1, in file order, self-loops included. */
export interface FileArcs {
  src: Int32Array;
  dst: Int32Array;
  weight: Float64Array | null;
}

/** File ids → internal ids 0 … n−1 (nodes-file order). */
export function nodeIndex(nodes: ParsedNodes): Map<string, number> {
  const index = new Map<string, number>();
  nodes.ids.forEach((id, i) => index.set(id, i));
  return index;
}

/** The arcs of an edges file over internal ids; throws naming any id the nodes file lacks. */
export function fileArcs(nodes: ParsedNodes, edgesText: string): FileArcs {
  const edges = parseEdgesCsv(edgesText);
  const index = nodeIndex(nodes);
  const m = edges.source.length;
  const src = new Int32Array(m), dst = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    src[e] = lookUp(index, edges.source[e]!, edges.where[e]!);
    dst[e] = lookUp(index, edges.target[e]!, edges.where[e]!);
  }
  return { src, dst, weight: edges.weight };
}

/**
 * The informal layer from a file, over the nodes file's people. `directed: false`
 * (default): a tie wherever there is an arc either way (the union). `directed: true`:
 * a tie only where both arcs are present (reciprocated nominations), since the layer
 * itself is undirected. Self-loops are dropped; weights do not make ties (see `fileArcs`).
 */
export function fileLayer(nodes: ParsedNodes, edgesText: string, directed = false): Graph {
  const n = nodes.ids.length;
  const { src, dst } = fileArcs(nodes, edgesText);
  if (!directed) return buildGraph(n, src, dst);
  const arcs = new Set<number>();
  for (let e = 0; e < src.length; e++) arcs.add(src[e]! * n + dst[e]!);
  const ms = new Int32Array(src.length), md = new Int32Array(src.length);
  let count = 0;
  for (let e = 0; e < src.length; e++) {
    const u = src[e]!, v = dst[e]!;
    if (u < v && arcs.has(v * n + u)) { ms[count] = u; md[count++] = v; }
  }
  return buildGraph(n, ms, md, count);
}

/**
 * The formal tree from a file: arcs person → manager (source reports to target),
 * or, when `edgesText` is null, the nodes' `parent` column (empty, `-1`, `none` or
 * `null` for the root, when that is not itself an id). Throws in plain words naming
 * the file id at fault: an unknown id, two managers, two roots, no root, a cycle.
 */
export function fileFormal(nodes: ParsedNodes, edgesText: string | null): Formal {
  const n = nodes.ids.length;
  const ids = nodes.ids;
  const index = nodeIndex(nodes);
  const UNSET = -2;
  const parent = new Int32Array(n).fill(UNSET);
  if (edgesText !== null) {
    const edges = parseEdgesCsv(edgesText);
    for (let e = 0; e < edges.source.length; e++) {
      const where = edges.where[e]!;
      const s = lookUp(index, edges.source[e]!, where);
      const t = lookUp(index, edges.target[e]!, where);
      if (s === t) throw new Error(`reports-to edges, ${where}: "${ids[s]}" reports to themself`);
      if (parent[s] !== UNSET && parent[s] !== t) {
        throw new Error(`reports-to edges, ${where}: "${ids[s]}" reports to two managers, "${ids[parent[s]!]}" and "${ids[t]}"`);
      }
      parent[s] = t;
    }
  } else {
    const column = Object.keys(nodes.columns).find((c) => c.toLowerCase() === 'parent');
    if (column === undefined) {
      throw new Error('a formal layer from a file needs reports-to edges (person → manager) or a "parent" column in the nodes file');
    }
    const values = nodes.columns[column]!;
    for (let i = 0; i < n; i++) {
      const value = values[i]!;
      const p = index.get(value);
      if (p !== undefined) {
        if (p === i) throw new Error(`nodes file: "${ids[i]}" has themself as parent`);
        parent[i] = p;
      } else if (ROOT_MARKS.has(value.toLowerCase())) {
        parent[i] = UNSET;
      } else {
        throw new Error(`nodes file: the parent of "${ids[i]}" is "${value}", which is not an id in the nodes file`);
      }
    }
  }
  const roots: number[] = [];
  for (let i = 0; i < n; i++) if (parent[i] === UNSET) roots.push(i);
  if (roots.length > 1) {
    const more = roots.length > 2 ? ` (and ${roots.length - 2} more)` : '';
    throw new Error(`the formal layer has two roots, "${ids[roots[0]!]}" and "${ids[roots[1]!]}"${more}: everyone but one person must report to someone`);
  }
  // Walk up from everyone; a walk that meets itself is a cycle, named by its ids.
  const state = new Uint8Array(n); // 0 unseen, 1 on the current walk, 2 reaches the root
  if (roots.length === 1) state[roots[0]!] = 2;
  const path: number[] = [];
  for (let i = 0; i < n; i++) {
    path.length = 0;
    let v = i;
    while (state[v] === 0) {
      state[v] = 1;
      path.push(v);
      v = parent[v]!;
    }
    if (state[v] === 1) {
      const cycle = path.slice(path.indexOf(v)).map((c) => `"${ids[c]}"`);
      throw new Error(`the reports-to relation has a cycle: ${cycle.join(' → ')} → "${ids[v]}"`);
    }
    for (const u of path) state[u] = 2;
  }
  if (roots.length === 0) throw new Error('the formal layer has no root: everyone reports to someone');
  parent[roots[0]!] = -1;
  return formalFromParents(parent);
}

const ROOT_MARKS = new Set(['', '-1', 'none', 'null', 'na', 'nan', '-']);

function lookUp(index: Map<string, number>, id: string, where: string): number {
  const i = index.get(id);
  if (i === undefined) throw new Error(`edges file, ${where}: id "${id}" is not in the nodes file`);
  return i;
}
