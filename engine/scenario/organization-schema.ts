// The organization section (MODEL.md §3): the formal tree and the informal
// layer's generators with their parameters, and the checks that need n.
import { z } from 'zod';
import { LIMITS, MAX_SIZE, dataPath, fmt, integer, probability, type Problem } from './blocks.ts';

const hierarchySchema = z.strictObject({
  kind: z.literal('hierarchy'),
  span: integer(2, 1000).describe('reports per manager: a balanced tree filled breadth-first, node 0 is the root'),
});

const formalFileSchema = z.strictObject({
  kind: z.literal('file'),
  nodes: dataPath.optional().describe('nodes file (CSV or JSON), relative to the scenario; a `parent` column builds the tree'),
  edges: dataPath.optional().describe('edges file: arcs from each person to their manager (source reports to target)'),
});

export const formalSchema = z
  .discriminatedUnion('kind', [hierarchySchema, formalFileSchema])
  .describe('the chain of command, always a tree; null or absent = a flat organization');

/** `lambda`/`zeta` of Dodds–Watts–Sabel: a positive length, or null = ∞. */
const lengthOrInfinity = () => z.union([z.number().gt(0).max(1e6), z.null()]).default(null);

export const informalSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('same-as-formal') }),
    z.strictObject({
      kind: z.literal('matrix'),
      lateral: probability().describe('probability of a tie between two people on the same level'),
    }),
    z.strictObject({
      kind: z.literal('multiscale'),
      extra: integer(0, LIMITS.ties).describe('extra ties added to the formal tree'),
      lambda: lengthOrInfinity().describe('λ: preference for close ranks (null = ∞, none)'),
      zeta: lengthOrInfinity().describe('ζ: preference for close teams (null = ∞, none)'),
    }),
    z.strictObject({
      kind: z.literal('small-world'),
      k: integer(2, MAX_SIZE - 1).describe('ring neighbours (even, < n)'),
      p: probability().describe('rewiring probability'),
    }),
    z.strictObject({
      kind: z.literal('scale-free'),
      m: integer(1, MAX_SIZE - 1).describe('ties per newcomer (preferential attachment), < n'),
    }),
    z.strictObject({
      kind: z.literal('random'),
      meanDegree: z.number().min(0).max(MAX_SIZE - 1).describe('expected ties per person, ≤ n − 1'),
    }),
    z.strictObject({
      kind: z.literal('lattice'),
      width: integer(1, MAX_SIZE),
      height: integer(1, MAX_SIZE),
      wrap: z.boolean().default(false).describe('torus: the edges wrap around'),
    }),
    z.strictObject({ kind: z.literal('complete') }),
    z.strictObject({
      kind: z.literal('file'),
      nodes: dataPath.optional().describe('nodes file (CSV or JSON), relative to the scenario'),
      edges: dataPath.describe('edges file (CSV `source,target` or JSON), relative to the scenario'),
      directed: z.boolean().default(false).describe('false: the union of arcs as undirected ties'),
    }),
  ])
  .describe('who actually talks to whom; default same-as-formal when a formal tree exists');

export type FormalLayer = z.output<typeof formalSchema>;
export type InformalLayer = z.output<typeof informalSchema>;

/** The informal kinds that add ties to (or copy) the formal tree. */
const BUILDS_ON_TREE: ReadonlySet<string> = new Set(['same-as-formal', 'matrix', 'multiscale']);

export const organizationSchema = z
  .strictObject({
    size: integer(2, MAX_SIZE)
      .optional()
      .describe('n, the number of people (taken from the file for `file` layers, from width × height for a lattice)'),
    formal: formalSchema.nullable().optional(),
    informal: informalSchema.optional(),
  })
  .transform((o, ctx): { size: number | undefined; formal: FormalLayer | null; informal: InformalLayer } => {
    const formal = o.formal ?? null;
    const hasFile = formal?.kind === 'file' || o.informal?.kind === 'file';
    let size = o.size;
    let ok = true;
    const problem = (path: (string | number)[], message: string) => {
      ctx.addIssue({ code: 'custom', path, message, input: o });
      ok = false;
    };
    if (o.informal?.kind === 'lattice' && size === undefined) {
      size = o.informal.width * o.informal.height;
      if (size < 2 || size > MAX_SIZE) {
        problem(['informal'], `a lattice of width × height = ${size} people is outside 2 … ${MAX_SIZE.toLocaleString('en-US')}; change "width" or "height"`);
      }
    }
    if (size === undefined && !hasFile) {
      problem(['size'], 'expected an integer >= 2, got nothing; add "size" (the number of people), or use a "file" layer that lists them');
    }
    let informal = o.informal;
    if (informal === undefined) {
      if (formal !== null) informal = { kind: 'same-as-formal' };
      else {
        problem(
          ['informal'],
          'a flat organization (no "formal" tree) needs an informal layer, got nothing; add e.g. "informal": {"kind": "small-world", "k": 6, "p": 0.1}, or a "formal": {"kind": "hierarchy", "span": 5}',
        );
      }
    } else if (formal === null && BUILDS_ON_TREE.has(informal.kind)) {
      problem(
        ['informal', 'kind'],
        `"${informal.kind}" builds on the formal tree, but the organization is flat; add "formal": {"kind": "hierarchy", "span": 5}, or choose a kind that stands alone ("small-world", "scale-free", "random", "lattice", "complete", "file")`,
      );
    }
    if (formal?.kind === 'file' && formal.nodes === undefined && formal.edges === undefined) {
      problem(['formal'], 'a formal "file" layer needs "nodes" (with a "parent" column) or "edges" (person → manager), got neither; add one');
    }
    if (informal !== undefined && size !== undefined) {
      for (const p of organizationSizeProblems({ formal, informal }, size)) problem(p.path.slice(1), p.message);
    }
    if (!ok || informal === undefined) return z.NEVER;
    return { size, formal, informal };
  });

function hierarchyLevelSizes(n: number, span: number): number[] {
  const sizes: number[] = [];
  let placed = 0;
  let width = 1;
  while (placed < n) {
    const w = Math.min(width, n - placed);
    sizes.push(w);
    placed += w;
    width *= span;
  }
  return sizes;
}

/** Ties an informal generator materializes for n people (expected value for random ones). */
export function materializedTies(
  org: { formal: FormalLayer | null; informal: InformalLayer },
  n: number,
): number {
  const tree = Math.max(0, n - 1);
  const inf = org.informal;
  switch (inf.kind) {
    case 'same-as-formal':
      return tree;
    case 'matrix': {
      if (org.formal?.kind !== 'hierarchy') return tree; // a file tree's levels are not known here
      let pairs = 0;
      for (const w of hierarchyLevelSizes(n, org.formal.span)) pairs += (w * (w - 1)) / 2;
      return tree + inf.lateral * pairs;
    }
    case 'multiscale':
      return tree + inf.extra;
    case 'small-world':
      return (n * inf.k) / 2;
    case 'scale-free':
      return n * inf.m;
    case 'random':
      return (n * inf.meanDegree) / 2;
    case 'lattice':
      return 2 * n;
    case 'complete':
      return 0;
    case 'file':
      return 0; // the file's own ties; the engine counts them
  }
}

/** Checks of the organization that need n (generator parameters, ties). */
export function organizationSizeProblems(
  org: { formal: FormalLayer | null; informal: InformalLayer },
  n: number,
): Problem[] {
  const out: Problem[] = [];
  const at = (key: string) => ['organization', 'informal', key];
  const inf = org.informal;
  if (inf.kind === 'small-world') {
    if (inf.k % 2 !== 0 || inf.k >= n) {
      out.push({
        path: at('k'),
        message: `expected an even integer < n = ${fmt(n)}, got ${inf.k}; each person ties to k/2 neighbours on each side of the ring, so use ${Math.max(2, Math.min(n - 1, inf.k) & ~1)}`,
      });
    }
  } else if (inf.kind === 'scale-free' && inf.m >= n) {
    out.push({ path: at('m'), message: `expected an integer < n = ${fmt(n)}, got ${fmt(inf.m)}; lower "m" or raise organization.size` });
  } else if (inf.kind === 'random' && inf.meanDegree > n - 1) {
    out.push({
      path: at('meanDegree'),
      message: `expected a number <= n − 1 = ${fmt(n - 1)}, got ${fmt(inf.meanDegree)}; lower "meanDegree" or use "complete"`,
    });
  } else if (inf.kind === 'lattice' && inf.width * inf.height !== n) {
    out.push({
      path: ['organization', 'size'],
      message: `a lattice of width ${inf.width} × height ${inf.height} holds ${fmt(inf.width * inf.height)} people, got size ${fmt(n)}; make width × height = size, or omit "size"`,
    });
  } else if (inf.kind === 'multiscale' && org.formal?.kind === 'hierarchy' && inf.extra > (n * (n - 1)) / 2 - (n - 1)) {
    out.push({
      path: at('extra'),
      message: `expected at most ${fmt((n * (n - 1)) / 2 - (n - 1))} extra ties (every pair not in the tree), got ${fmt(inf.extra)}; lower "extra"`,
    });
  }
  const ties = materializedTies(org, n);
  if (ties > LIMITS.ties) {
    const key = { 'small-world': 'k', 'scale-free': 'm', random: 'meanDegree', matrix: 'lateral', multiscale: 'extra' }[
      inf.kind as string
    ];
    out.push({
      path: key ? at(key) : ['organization', 'size'],
      message: `this layer materializes about ${fmt(Math.round(ties))} ties, over the limit of ${fmt(LIMITS.ties)} materialized ties; lower ${key ? `"${key}" or ` : ''}organization.size, or use "complete" (never materialized)`,
    });
  }
  return out;
}

