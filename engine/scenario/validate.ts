// Turns zod's issues into messages a user can act on: every problem at once,
// each as `path: what was expected, got what was written` plus the fix, with a
// "did you mean" for misspelt keys and values (CONTRACT.md, "Scenario files").
//
// The messages are computed from the schema itself (ranges, enums, the keys of
// the object at that path), found by walking the schema along the issue's path
// and the input's values (so a discriminated union shows the keys of the kind
// the user chose).
import type { z } from 'zod';
import { builtinScenarioSchema, schemaOf, type Scenario } from './schema.ts';
import { builtinRegistry, type Registry } from '../modules/registry.ts';
import { modelOneProblems } from './model-version.ts';

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** Validates a parsed JSON value as a scenario (of the built-in modules, or `registry`'s); never throws on a JSON value. */
export function validateScenario(input: unknown, registry?: Registry): ValidationResult {
  const r = validateWith(registry ? schemaOf(registry) : builtinScenarioSchema(), input);
  if (r.ok) {
    const version = modelOneProblems(input, r.value.model, registry ?? builtinRegistry());
    if (version.length > 0) return { ok: false, errors: version };
  }
  // A record (a variant's `set`) would silently drop a "__proto__" key: say so instead.
  const refused = protoKeys(input, ['variants', '*', 'set']);
  if (refused.length > 0) return { ok: false, errors: [...refused, ...(r.ok ? [] : r.errors)] };
  return r.ok ? { ok: true, scenario: r.value } : r;
}

/** `path.__proto__: …` for each own "__proto__" key of the records at `pattern` ("*" = every index). */
export function protoKeys(input: unknown, pattern: readonly string[]): string[] {
  let level: { value: unknown; path: PropertyKey[] }[] = [{ value: input, path: [] }];
  for (const seg of pattern) {
    const next: typeof level = [];
    for (const { value, path } of level) {
      if (seg === '*' && Array.isArray(value)) value.forEach((v, i) => next.push({ value: v, path: [...path, i] }));
      else if (seg !== '*' && isObject(value) && Object.hasOwn(value, seg)) next.push({ value: value[seg], path: [...path, seg] });
    }
    level = next;
  }
  return level
    .filter(({ value }) => isObject(value) && Object.hasOwn(value, '__proto__'))
    .map(({ path }) => `${formatPath([...path, '__proto__'])}: the key "__proto__" is not allowed; remove it`);
}

/** Validates `input` against any schema, with this module's messages. */
export function validateWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.output<S> } | { ok: false; errors: string[] } {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, errors: formatIssues(r.error.issues, input, schema) };
}

// ---------------------------------------------------------------- the schema walker

/** The parts of zod's internal `def` the walker reads. */
interface Def {
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
interface CheckDef {
  check: string;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  format?: string;
}
interface Node {
  def: Def;
}

const asNode = (schema: unknown): Node => schema as Node;

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'readonly', 'catch', 'nonoptional', 'nullable']);

/** The schema that does the work, through optional/default/pipe wrappers. */
function unwrap(node: Node): Node {
  for (let guard = 0; guard < 50; guard++) {
    const d = node.def;
    if (WRAPPERS.has(d.type) && d.innerType) node = d.innerType;
    else if (d.type === 'pipe' && d.in) node = d.in;
    else if (d.type === 'lazy' && d.getter) node = d.getter();
    else break;
  }
  return node;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The literal values an object schema's `key` accepts (for discriminated unions). */
function literalValues(obj: Node, key: string): unknown[] {
  const k = obj.def.shape?.[key];
  if (!k) return [];
  const u = unwrap(k);
  if (u.def.type === 'literal') return u.def.values ?? [];
  if (u.def.type === 'enum') return Object.values(u.def.entries ?? {});
  return [];
}

/** Object branches of a union, flattened. */
function unionOptions(node: Node): Node[] {
  return (node.def.options ?? []).map(unwrap);
}

/** For a union, the branch the value is meant for (or every object branch when unclear). */
function branches(node: Node, value: unknown): Node[] {
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

const child = (value: unknown, seg: string | number): unknown =>
  isObject(value) || Array.isArray(value) ? (Object.hasOwn(value, seg) ? (value as Record<string, unknown>)[seg] : undefined) : undefined;

/** The schema nodes (one, or the union's branches) at `path`, following the input's values. */
function nodesAt(root: Node, path: readonly PropertyKey[], input: unknown): Node[] {
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
function keysAt(root: Node, path: readonly PropertyKey[], input: unknown): string[] {
  const value = path.reduce<unknown>((v, seg) => child(v, seg as string), input);
  const keys = new Set<string>();
  for (const n of nodesAt(root, path, input).flatMap((x) => branches(x, value))) {
    const u = unwrap(n);
    if (u.def.type === 'object') for (const k of Object.keys(u.def.shape ?? {})) keys.add(k);
  }
  return [...keys];
}

/** For an unknown key in a discriminated union: the other kinds that have it. */
function kindsWithKey(root: Node, path: readonly PropertyKey[], input: unknown, key: string): string[] {
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

interface NumberShape {
  noun: string;
  min?: { value: number; inclusive: boolean };
  max?: { value: number; inclusive: boolean };
}

function numberShape(node: Node): NumberShape {
  const shape: NumberShape = { noun: node.def.format !== undefined && /int/.test(node.def.format) ? 'an integer' : 'a number' };
  for (const c of node.def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'greater_than' && d.value !== undefined) shape.min = { value: d.value, inclusive: d.inclusive ?? true };
    if (d.check === 'less_than' && d.value !== undefined) shape.max = { value: d.value, inclusive: d.inclusive ?? true };
    if (d.check === 'number_format' && d.format && /int/.test(d.format)) shape.noun = 'an integer';
  }
  return shape;
}

const bound = (op: string, b: { value: number; inclusive: boolean }) => `${op}${b.inclusive ? '=' : ''} ${formatNumber(b.value)}`;

/** "an integer >= 2" (the lower bound first, as users meet it most). */
function numberMain(s: NumberShape): string {
  if (s.min) return `${s.noun} ${bound('>', s.min)}`;
  if (s.max) return `${s.noun} ${bound('<', s.max)}`;
  return s.noun;
}

/** "; allowed: 2 … 1000" when both bounds exist. */
function numberRange(s: NumberShape): string {
  if (!s.min || !s.max) return '';
  const lo = s.min.inclusive ? formatNumber(s.min.value) : `> ${formatNumber(s.min.value)}`;
  const hi = s.max.inclusive ? formatNumber(s.max.value) : `< ${formatNumber(s.max.value)}`;
  return `; allowed: ${lo} … ${hi}`;
}

const quoteList = (values: unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** What a schema accepts, in words. */
function expectation(node: Node, depth = 0): string {
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

// ---------------------------------------------------------------- did you mean

/** Optimal-string-alignment (Damerau–Levenshtein) distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => {
    const row = new Array<number>(n + 1).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j <= n; j++) d[0]![j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
}

/** The candidate closest to `word`, if it is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 100) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const dist = editDistance(word, c);
    if (dist < bestD) {
      bestD = dist;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(1, Math.floor(Math.max(word.length, best.length) / 3));
  const prefix = word.length >= 3 && best.toLowerCase().startsWith(word.toLowerCase());
  return bestD <= allowed || prefix ? best : undefined;
}

// ---------------------------------------------------------------- messages

/** The value as the user wrote it, short. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  try {
    const text = JSON.stringify(v);
    if (text === undefined) return typeof v;
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  } catch {
    return typeof v;
  }
}

/** `organization.formal.span`; the top level is `(top level)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  // Keys that would not read back as one dotted segment are written as ["key"].
  return path
    .map((seg, i) => {
      const text = String(seg);
      if (/^[A-Za-z0-9_$-]+$/.test(text)) return i === 0 ? text : `.${text}`;
      return `[${JSON.stringify(text)}]`;
    })
    .join('');
}

type Issue = z.core.$ZodIssue;

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((v, seg) => child(v, seg as string | number), input);

/** Formats zod issues against the input and the schema: one line per problem, deduplicated. */
export function formatIssues(issues: readonly Issue[], input: unknown, schema: unknown): string[] {
  const root = asNode(schema);
  const lines: string[] = [];
  for (const issue of issues) lines.push(...formatIssue(issue, [], input, root));
  return [...new Set(lines)];
}

function formatIssue(issue: Issue, prefix: PropertyKey[], input: unknown, root: Node): string[] {
  const path = [...prefix, ...issue.path];
  const where = formatPath(path);
  const value = valueAt(input, path);
  const got = describeValue(value);
  const nodes = nodesAt(root, path, input);
  const node = nodes[0];
  switch (issue.code) {
    case 'invalid_type': {
      const exp = node ? expectation(node) : issue.expected;
      const range = node && unwrap(node).def.type === 'number' ? numberRange(numberShape(unwrap(node))) : '';
      let fix = '';
      if (value === undefined) fix = `; add "${String(path[path.length - 1] ?? '')}"`;
      else if (typeof value === 'string' && /number|int/.test(issue.expected) && value.trim() !== '' && Number.isFinite(Number(value))) {
        fix = '; write the number without quotes';
      } else if (typeof value === 'string' && issue.expected === 'boolean' && /^(true|false)$/i.test(value)) {
        fix = '; write true or false without quotes';
      } else if (typeof value === 'number' && /int/.test(issue.expected) && Number.isFinite(value)) {
        fix = `; use a whole number such as ${Math.round(value)}`;
      }
      return [`${where}: expected ${exp}, got ${got}${range}${fix}`];
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum;
      const lim = Number(limit);
      const inclusive = (issue as { inclusive?: boolean }).inclusive ?? true;
      const origin = (issue as { origin?: string }).origin;
      if (origin === 'array' || origin === 'set') {
        const n = Array.isArray(value) ? value.length : 0;
        return [`${where}: expected ${small ? 'at least' : 'at most'} ${formatNumber(lim)} entries, got ${formatNumber(n)}`];
      }
      if (origin === 'string') {
        if (small && lim <= 1) return [`${where}: expected a non-empty string, got ${got}`];
        const n = typeof value === 'string' ? value.length : 0;
        return [`${where}: expected ${small ? 'at least' : 'at most'} ${formatNumber(lim)} characters, got ${formatNumber(n)}`];
      }
      const shape = node && unwrap(node).def.type === 'number' ? numberShape(unwrap(node)) : { noun: 'a number' };
      const op = small ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<';
      return [`${where}: expected ${shape.noun} ${op} ${formatNumber(lim)}, got ${got}${numberRange(shape)}`];
    }
    case 'invalid_value': {
      const values = (issue as { values: unknown[] }).values;
      const hint = typeof value === 'string' ? closest(value, values.filter((v): v is string => typeof v === 'string')) : undefined;
      const exp = values.length === 1 ? JSON.stringify(values[0]) : `one of ${quoteList(values)}`;
      return [`${where}: expected ${exp}, got ${got}${hint !== undefined ? `; did you mean "${hint}"?` : ''}`];
    }
    case 'unrecognized_keys': {
      const valid = keysAt(root, path, input);
      return issue.keys.map((key) => {
        const at = formatPath([...path, key]);
        const hint = closest(key, valid);
        if (hint !== undefined) return `${at}: unknown key; did you mean "${hint}"?`;
        const kinds = kindsWithKey(root, path, input, key);
        const kind = isObject(value) ? value.kind : undefined;
        if (kinds.length > 0 && typeof kind === 'string') {
          return `${at}: unknown key for kind "${kind}" (it belongs to ${quoteList(kinds)}); remove it, or change "kind"`;
        }
        return `${at}: unknown key; the keys here are ${quoteList(valid)}`;
      });
    }
    case 'invalid_union': {
      const u = issue as { note?: string; discriminator?: string; options?: unknown[]; errors: Issue[][] };
      if (u.note === 'No matching discriminator' || u.discriminator !== undefined) {
        const options = u.options ?? [];
        const strings = options.filter((v): v is string => typeof v === 'string');
        const hint = typeof value === 'string' ? closest(value, strings) : undefined;
        const fix = value === undefined ? `; add "${String(path[path.length - 1] ?? 'kind')}"` : hint !== undefined ? `; did you mean "${hint}"?` : '';
        return [`${where}: expected one of ${quoteList(options)}, got ${got}${fix}`];
      }
      // A plain union: if the value has the shape of one branch, report that branch's problems.
      const inner = u.errors.filter((errs) => errs.length > 0 && errs.every((e) => !(e.code === 'invalid_type' && e.path.length === 0)));
      if (inner.length > 0 && (isObject(value) || Array.isArray(value))) {
        const fewest = inner.reduce((a, b) => (b.length < a.length ? b : a));
        return fewest.flatMap((e) => formatIssue(e, path, input, root));
      }
      const exp = node ? expectation(node) : 'another value';
      return [`${where}: expected ${exp}, got ${got}`];
    }
    case 'invalid_format':
      return [`${where}: ${issue.message.startsWith('Invalid') ? 'expected another format' : issue.message}, got ${got}`];
    case 'custom':
      return [`${where}: ${issue.message}`];
    default:
      return [`${where}: ${issue.message}, got ${got}`];
  }
}

// ---------------------------------------------------------------- dotted paths

/** Path segments that could reach JavaScript's prototypes: refused everywhere. */
export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Checks that a dotted path (`organization.size`, `shocks.0.target`) names a key
 * of the scenario schema, following `input`'s values for kinds and list lengths.
 * Returns null when valid, else a message naming the path and the valid keys at
 * the failing segment.
 */
export function pathProblem(path: string, input: unknown, schema: unknown = builtinScenarioSchema()): string | null {
  if (path === '') return 'the path is empty; name a key such as "organization.size"';
  const segs = path.split('.');
  let nodes = [asNode(schema)];
  let value = input;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const here = segs.slice(0, i).join('.') || '(top level)';
    if (seg === '') return `"${path}": empty segment ${i + 1}; write keys separated by single dots`;
    if (FORBIDDEN_SEGMENTS.has(seg)) return `"${path}": the segment "${seg}" is not allowed`;
    if (i === 0 && seg === 'variants') return `"${path}": variants cannot be overridden; choose one with --variant`;
    const cands = nodes.flatMap((n) => branches(n, value)).map(unwrap);
    const objects = cands.filter((n) => n.def.type === 'object');
    const arrays = cands.filter((n) => n.def.type === 'array');
    const next: Node[] = [];
    if (objects.length > 0) {
      for (const o of objects) if (o.def.shape?.[seg]) next.push(o.def.shape[seg]);
      if (next.length === 0 && arrays.length === 0) {
        const keys = [...new Set(objects.flatMap((o) => Object.keys(o.def.shape ?? {})))];
        const hint = closest(seg, keys);
        return `"${path}": unknown key "${seg}" at ${here}${hint !== undefined ? `; did you mean "${hint}"?` : ''} (valid keys: ${keys.join(', ')})`;
      }
    }
    if (arrays.length > 0 && next.length === 0) {
      if (!/^(0|[1-9][0-9]*)$/.test(seg)) return `"${path}": ${here} is a list; use an index (0, 1, …), got "${seg}"`;
      const length = Array.isArray(value) ? value.length : 0;
      if (Number(seg) >= length) {
        return `"${path}": ${here} has ${length} ${length === 1 ? 'entry' : 'entries'} in the scenario; index ${seg} does not exist`;
      }
      for (const a of arrays) if (a.def.element) next.push(a.def.element);
    }
    if (next.length === 0) {
      return `"${path}": ${here} is ${expectation(nodes[0]!)}, which has no keys; end the path at ${here}`;
    }
    nodes = next;
    value = child(value, seg);
  }
  return null;
}
