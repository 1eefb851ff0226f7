// The schema's bounds of a scenario key, read from the JSON Schema that the zod
// schema generates (engine/scenario/json-schema.ts: the one source of truth), so
// that a point of the skeptic's space never leaves what a scenario file may say:
// `organization.size` is an integer in 2 … 10⁷, `population.attention` a number
// above 0 (or null), `organization.formal.span` an integer ≥ 2 in a hierarchy.
import { scenarioJsonSchema } from '../../engine/scenario/json-schema.ts';

/** A key's type and bounds: a number (integer or not) in [lo, hi] (`open`: lo itself excluded), or a boolean. */
export type Bounds = { type: 'number' | 'integer'; lo: number; hi: number; open: boolean; nullable: boolean } | { type: 'boolean'; nullable: boolean };

type Node = Record<string, unknown>;

let schema: Node | null = null;

/** The nodes a node stands for: itself and its anyOf/oneOf/allOf branches, recursively. */
function branches(node: Node): Node[] {
  const out: Node[] = [node];
  for (const k of ['anyOf', 'oneOf', 'allOf']) {
    const list = node[k];
    if (Array.isArray(list)) for (const b of list) if (typeof b === 'object' && b !== null) out.push(...branches(b as Node));
  }
  return out;
}

/** The bounds of the key at a dotted path (list indices allowed), or null when the schema has no such number or boolean. */
export function schemaBounds(path: string): Bounds | null {
  schema ??= scenarioJsonSchema() as Node;
  let nodes: Node[] = [schema];
  for (const seg of path.split('.')) {
    const next: Node[] = [];
    for (const n of nodes.flatMap(branches)) {
      const props = n.properties as Record<string, Node> | undefined;
      if (props && Object.hasOwn(props, seg)) next.push(props[seg]!);
      else if (/^\d+$/.test(seg) && typeof n.items === 'object' && n.items !== null) next.push(n.items as Node);
    }
    if (next.length === 0) return null;
    nodes = next;
  }
  const leaves = nodes.flatMap(branches);
  const nullable = leaves.some((l) => l.type === 'null');
  const numeric = leaves.filter((l) => l.type === 'number' || l.type === 'integer');
  if (numeric.length > 0) {
    // Several branches (e.g. `span` in two kinds of tree): the widest range they allow.
    let lo = Infinity, hi = -Infinity, open = false, integer = true;
    for (const l of numeric) {
      const exclusive = typeof l.exclusiveMinimum === 'number';
      const min = exclusive ? (l.exclusiveMinimum as number) : typeof l.minimum === 'number' ? l.minimum : -Infinity;
      const max = typeof l.maximum === 'number' ? l.maximum : typeof l.exclusiveMaximum === 'number' ? l.exclusiveMaximum : Infinity;
      if (min < lo) {
        lo = min;
        open = exclusive;
      } else if (min === lo && !exclusive) open = false;
      hi = Math.max(hi, max);
      if (l.type !== 'integer') integer = false;
    }
    return { type: integer ? 'integer' : 'number', lo, hi, open, nullable };
  }
  if (leaves.some((l) => l.type === 'boolean')) return { type: 'boolean', nullable };
  return null;
}

/** `x` within numeric bounds (an integer rounded first; an open lower bound kept just above). */
export function clampTo(bounds: Extract<Bounds, { lo: number }>, x: number): number {
  let v = bounds.type === 'integer' ? Math.round(x) : x;
  if (v > bounds.hi) v = bounds.hi;
  if (v < bounds.lo || (bounds.open && v <= bounds.lo)) v = bounds.open ? (bounds.type === 'integer' ? bounds.lo + 1 : nextUp(bounds.lo)) : bounds.lo;
  return v;
}

/** The smallest double above x (x ≥ 0 here: 0 gives the smallest positive number). */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  buf.setBigUint64(0, buf.getBigUint64(0) + (x > 0 ? 1n : -1n));
  return buf.getFloat64(0);
}
