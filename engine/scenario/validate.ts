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
import { type Node, asNode, unwrap, isObject, branches, child, nodesAt, keysAt, kindsWithKey, formatNumber, numberShape, numberRange, quoteList, expectation } from './schema-walk.ts';
import { closest, describeValue, formatPath } from './words.ts';

/** Re-exported for the CLI and the page, which import them from here. */
export { formatNumber } from './schema-walk.ts';
export { editDistance, closest, describeValue, formatPath } from './words.ts';

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
