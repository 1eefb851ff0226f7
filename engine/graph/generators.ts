// One registry of layer generators (MODEL.md §3): the scenario's layer spec and
// the run's organization stream in, a formal tree or an informal graph out.
// Parameter names are the scenario's (CONTRACT.md). The schema applies defaults
// before this point; the fallbacks here only keep direct callers working.
import { completeGraph, type Graph } from './csr.ts';
import { fileFormal, fileLayer, nodesFromEdges, type ParsedNodes } from './file.ts';
import type { Formal } from './formal.ts';
import { hierarchy } from './hierarchy.ts';
import { lattice } from './lattice.ts';
import { matrix } from './matrix.ts';
import { multiscale } from './multiscale.ts';
import { randomGraph } from './random.ts';
import { sameAsFormal } from './same-as-formal.ts';
import { scaleFree } from './scale-free.ts';
import { smallWorld } from './small-world.ts';
import type { Rng } from '../rng.ts';

/** A layer as the scenario gives it: `kind` plus that kind's parameters. */
export interface LayerSpec {
  kind: string;
  [param: string]: unknown;
}

/** What a generator may use besides its spec; `files` holds file contents already read by the caller. */
export interface LayerContext {
  n: number;
  formal: Formal | null;
  rng: Rng;
  files?: { nodes?: ParsedNodes; edges?: string };
}

/** The informal layer kinds this registry builds (CONTRACT.md). */
export const INFORMAL_KINDS = ['same-as-formal', 'matrix', 'multiscale', 'small-world', 'scale-free', 'random', 'lattice', 'complete', 'file'] as const;
/** The formal layer kinds this registry builds. */
export const FORMAL_KINDS = ['hierarchy', 'file'] as const;

/** The formal tree for a spec (`hierarchy` or `file`), or null for a flat organization. */
export function buildFormal(spec: LayerSpec | null | undefined, ctx: LayerContext): Formal | null {
  if (spec === null || spec === undefined) return null;
  switch (spec.kind) {
    case 'hierarchy':
      return hierarchy(ctx.n, integer(spec, 'span', 5, 'formal'));
    case 'file': {
      const nodes = fileNodes(ctx, 'formal');
      return fileFormal(nodes, ctx.files?.edges ?? inlineEdges(spec) ?? null);
    }
    default:
      throw new Error(`organization.formal.kind: unknown kind "${spec.kind}" (expected one of ${FORMAL_KINDS.join(', ')})`);
  }
}

/** The informal graph for a spec; `matrix`, `multiscale` and `same-as-formal` need ctx.formal. */
export function buildInformal(spec: LayerSpec, ctx: LayerContext): Graph {
  const { n, rng } = ctx;
  switch (spec.kind) {
    case 'same-as-formal':
      return sameAsFormal(needFormal(ctx, spec.kind));
    case 'matrix':
      return matrix(needFormal(ctx, spec.kind), number(spec, 'lateral', 0.1), rng);
    case 'multiscale': {
      const formal = needFormal(ctx, spec.kind);
      const free = n < 2 ? 0 : (n * (n - 1)) / 2 - (n - 1);
      return multiscale(formal, integer(spec, 'extra', Math.min(n, free)), scale(spec, 'lambda'), scale(spec, 'zeta'), rng);
    }
    case 'small-world': {
      const k = integer(spec, 'k', Math.min(6, 2 * Math.floor((n - 1) / 2)));
      return smallWorld(n, k, number(spec, 'p', 0.1), rng);
    }
    case 'scale-free':
      return scaleFree(n, integer(spec, 'm', Math.min(2, n - 1)), rng);
    case 'random':
      return randomGraph(n, number(spec, 'meanDegree', Math.min(6, n - 1)), rng);
    case 'lattice': {
      const [width, height] = latticeShape(spec, n);
      return lattice(width, height, spec.wrap === true);
    }
    case 'complete':
      return completeGraph(n);
    case 'file': {
      const nodes = fileNodes(ctx, 'informal');
      const edges = ctx.files?.edges ?? inlineEdges(spec);
      if (edges === undefined) throw new Error('organization.informal: a file layer needs its edges file ("edges")');
      return fileLayer(nodes, edges, spec.directed === true);
    }
    default:
      throw new Error(`organization.informal.kind: unknown kind "${spec.kind}" (expected one of ${INFORMAL_KINDS.join(', ')})`);
  }
}

function needFormal(ctx: LayerContext, kind: string): Formal {
  if (ctx.formal === null) throw new Error(`organization.informal: "${kind}" builds on the formal tree, but this organization has none (add organization.formal)`);
  return ctx.formal;
}

function fileNodes(ctx: LayerContext, layer: string): ParsedNodes {
  const nodes = ctx.files?.nodes ?? (ctx.files?.edges !== undefined ? nodesFromEdges(ctx.files.edges) : undefined);
  if (nodes === undefined) throw new Error(`organization.${layer}: a file layer needs its nodes file ("nodes") or at least its edges`);
  if (nodes.ids.length !== ctx.n) {
    throw new Error(`organization.${layer}: the nodes file has ${nodes.ids.length} people but the organization's size is ${ctx.n}`);
  }
  return nodes;
}

/** Edges given in the scenario itself (a list of {source, target} objects or [source, target] pairs). */
function inlineEdges(spec: LayerSpec): string | undefined {
  return Array.isArray(spec.edges) ? JSON.stringify(spec.edges) : undefined;
}

function number(spec: LayerSpec, key: string, fallback: number, layer = 'informal'): number {
  const value = spec[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`organization.${layer}.${key}: expected a number, got ${JSON.stringify(value)}`);
  }
  return value;
}

function integer(spec: LayerSpec, key: string, fallback: number, layer = 'informal'): number {
  const value = number(spec, key, fallback, layer);
  if (!Number.isInteger(value)) throw new Error(`organization.${layer}.${key}: expected a whole number, got ${value}`);
  return value;
}

/** lambda / zeta: absent → 1 (DWS's multiscale regime), null → ∞. */
function scale(spec: LayerSpec, key: 'lambda' | 'zeta'): number | null {
  const value = spec[key];
  if (value === null) return null;
  return number(spec, key, 1);
}

/** width × height must be n; a missing side is n divided by the other, both missing → the squarest factorization. */
function latticeShape(spec: LayerSpec, n: number): [number, number] {
  let width = spec.width === undefined ? undefined : integer(spec, 'width', 0);
  let height = spec.height === undefined ? undefined : integer(spec, 'height', 0);
  if (width === undefined && height === undefined) {
    width = Math.floor(Math.sqrt(n));
    while (width > 1 && n % width !== 0) width--;
    height = n / Math.max(1, width);
  } else if (width === undefined) {
    width = n / height!;
  } else if (height === undefined) {
    height = n / width;
  }
  if (!Number.isInteger(width) || !Number.isInteger(height) || width! * height! !== n) {
    throw new Error(`organization.informal: a lattice of width ${spec.width ?? '?'} and height ${spec.height ?? '?'} does not hold the organization's ${n} people (width × height must equal size)`);
  }
  return [width!, height!];
}
