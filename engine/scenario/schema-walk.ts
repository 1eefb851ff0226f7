// Walks a zod schema along an issue's path and the input's values, and says in
// words what a node expects (ranges, enums, the keys of the object there): the
// schema side of validate.ts's messages. Reads zod's internal `def` (v4).

/** The parts of zod's internal `def` the walker reads. */
export interface Def {
  type: string;
  innerType?: Node;
  in?: Node;
  options?: Node[];
  discriminator?: string;
  shape?: Record<string, Node>;
  element?: Node;
  valueType?: Node;
  values?: unknown[];
  entries?: Record<string, string | number>;
  format?: string;
  getter?: () => Node;
  checks?: { _zod: { def: CheckDef } }[];
}
export interface CheckDef {
  check: string;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  format?: string;
}
export interface Node {
  def: Def;
}

export const asNode = (schema: unknown): Node => schema as Node;

export const WRAPPERS = new Set(['optional', 'default', 'prefault', 'readonly', 'catch', 'nonoptional', 'nullable']);

/** The schema that does the work, through optional/default/pipe wrappers. */
export function unwrap(node: Node): Node {
  for (let guard = 0; guard < 50; guard++) {
    const d = node.def;
    if (WRAPPERS.has(d.type) && d.innerType) node = d.innerType;
    else if (d.type === 'pipe' && d.in) node = d.in;
    else if (d.type === 'lazy' && d.getter) node = d.getter();
    else break;
  }
  return node;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The literal values an object schema's `key` accepts (for discriminated unions). */
export function literalValues(obj: Node, key: string): unknown[] {
  const k = obj.def.shape?.[key];
  if (!k) return [];
  const u = unwrap(k);
  if (u.def.type === 'literal') return u.def.values ?? [];
  if (u.def.type === 'enum') return Object.values(u.def.entries ?? {});
  return [];
}

/** Object branches of a union, flattened. */
export function unionOptions(node: Node): Node[] {
  return (node.def.options ?? []).map(unwrap);
}

/** For a union, the branch the value is meant for (or every object branch when unclear). */
export function branches(node: Node, value: unknown): Node[] {
  node = unwrap(node);
  if (node.def.type !== 'union') return [node];
  const options = unionOptions(node);
  const disc = node.def.discriminator;
  if (disc !== undefined) {
    const chosen = isObject(value) ? options.filter((o) => literalValues(o, disc).includes(value[disc])) : [];
    return chosen.length > 0 ? chosen : options;
  }
  const fits = options.filter((o) => {
    const t = o.def.type;
    if (Array.isArray(value)) return t === 'array';
    if (isObject(value)) return t === 'object' || t === 'record' || t === 'union';
    return false;
  });
  if (fits.length <= 1 || !isObject(value)) return fits.length > 0 ? fits : options;
  // Several object shapes: the one that knows most of the value's keys.
  const score = (o: Node) => Object.keys(value).filter((k) => o.def.shape?.[k] !== undefined).length;
  const best = Math.max(...fits.map(score));
  return fits.filter((o) => score(o) === best);
}

export const child = (value: unknown, seg: string | number): unknown =>
  isObject(value) || Array.isArray(value) ? (Object.hasOwn(value, seg) ? (value as Record<string, unknown>)[seg] : undefined) : undefined;

/** The schema nodes (one, or the union's branches) at `path`, following the input's values. */
export function nodesAt(root: Node, path: readonly PropertyKey[], input: unknown): Node[] {
  let nodes = [root];
  let value = input;
  for (const seg of path) {
    const next: Node[] = [];
    for (const n of nodes.flatMap((x) => branches(x, value))) {
      const u = unwrap(n);
      if (u.def.type === 'object' && typeof seg === 'string' && u.def.shape?.[seg]) next.push(u.def.shape[seg]);
      else if (u.def.type === 'array' && u.def.element) next.push(u.def.element);
      else if (u.def.type === 'record' && u.def.valueType) next.push(u.def.valueType);
    }
    if (next.length === 0) return [];
    nodes = next;
    value = child(value, seg as string | number);
  }
  return nodes;
}

/** The keys an object at `path` accepts (for the kind the input chose). */
export function keysAt(root: Node, path: readonly PropertyKey[], input: unknown): string[] {
  const value = path.reduce<unknown>((v, seg) => child(v, seg as string), input);
  const keys = new Set<string>();
  for (const n of nodesAt(root, path, input).flatMap((x) => branches(x, value))) {
    const u = unwrap(n);
    if (u.def.type === 'object') for (const k of Object.keys(u.def.shape ?? {})) keys.add(k);
  }
  return [...keys];
}

/** For an unknown key in a discriminated union: the other kinds that have it. */
export function kindsWithKey(root: Node, path: readonly PropertyKey[], input: unknown, key: string): string[] {
  const kinds: string[] = [];
  for (const n of nodesAt(root, path, input)) {
    const u = unwrap(n);
    if (u.def.type !== 'union' || u.def.discriminator === undefined) continue;
    for (const o of unionOptions(u)) {
      if (o.def.shape?.[key]) kinds.push(...literalValues(o, u.def.discriminator).map(String));
    }
  }
  return kinds;
}

// ---------------------------------------------------------------- expectations

/** Thousands separators for large integers, so limits read at a glance. */
export function formatNumber(x: number): string {
  return Number.isInteger(x) && Math.abs(x) >= 10_000 ? x.toLocaleString('en-US') : String(x);
}

export interface NumberShape {
  noun: string;
  min?: { value: number; inclusive: boolean };
  max?: { value: number; inclusive: boolean };
}

export function numberShape(node: Node): NumberShape {
  const shape: NumberShape = { noun: node.def.format !== undefined && /int/.test(node.def.format) ? 'an integer' : 'a number' };
  for (const c of node.def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'greater_than' && d.value !== undefined) shape.min = { value: d.value, inclusive: d.inclusive ?? true };
    if (d.check === 'less_than' && d.value !== undefined) shape.max = { value: d.value, inclusive: d.inclusive ?? true };
    if (d.check === 'number_format' && d.format && /int/.test(d.format)) shape.noun = 'an integer';
  }
  return shape;
}

export const bound = (op: string, b: { value: number; inclusive: boolean }) => `${op}${b.inclusive ? '=' : ''} ${formatNumber(b.value)}`;

/** "an integer >= 2" (the lower bound first, as users meet it most). */
export function numberMain(s: NumberShape): string {
  if (s.min) return `${s.noun} ${bound('>', s.min)}`;
  if (s.max) return `${s.noun} ${bound('<', s.max)}`;
  return s.noun;
}

/** "; allowed: 2 … 1000" when both bounds exist. */
export function numberRange(s: NumberShape): string {
  if (!s.min || !s.max) return '';
  const lo = s.min.inclusive ? formatNumber(s.min.value) : `> ${formatNumber(s.min.value)}`;
  const hi = s.max.inclusive ? formatNumber(s.max.value) : `< ${formatNumber(s.max.value)}`;
  return `; allowed: ${lo} … ${hi}`;
}

export const quoteList = (values: unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** What a schema accepts, in words. */
export function expectation(node: Node, depth = 0): string {
  if (depth > 6) return 'a value';
  const d = node.def;
  switch (d.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return d.innerType ? expectation(d.innerType, depth + 1) : 'a value';
    case 'nullable':
      return d.innerType ? `${expectation(d.innerType, depth + 1)} or null` : 'null';
    case 'pipe':
      return d.in ? expectation(d.in, depth + 1) : 'a value';
    case 'number':
      return numberMain(numberShape(node));
    case 'string': {
      const min = (d.checks ?? []).map((c) => c._zod.def).find((c) => c.check === 'min_length');
      return min && (min.minimum ?? 0) > 0 ? 'a non-empty string' : 'a string';
    }
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'null';
    case 'literal':
      return (d.values ?? []).map((v) => JSON.stringify(v)).join(' or ');
    case 'enum':
      return `one of ${quoteList(Object.values(d.entries ?? {}))}`;
    case 'array':
      return 'a list';
    case 'record':
      return 'an object';
    case 'object': {
      const kind = literalValues(node, 'kind');
      return kind.length === 1 ? `an object {"kind": ${JSON.stringify(kind[0])}, …}` : 'an object';
    }
    case 'union': {
      if (d.discriminator !== undefined) {
        const kinds = unionOptions(node).flatMap((o) => literalValues(o, d.discriminator!));
        return `an object with "${d.discriminator}": one of ${quoteList(kinds)}`;
      }
      const parts = [...new Set((d.options ?? []).map((o) => expectation(o, depth + 1)))];
      return parts.join(' or ');
    }
    default:
      return 'a value';
  }
}
