// Overrides: `--set path=value` on the command line and each variant's `set`
// (CONTRACT.md). A path is dotted keys and list indices (`organization.size`,
// `shocks.0.target`, `information.items.1.spread.mode`); it may name a whole
// object (`"protocol": {…}`).
//
// Order: a variant's own `set` is applied first, then the command line's
// `--set`s (and a sweep's grid values), so what the user types wins over what
// the file says. Every variant is validated after its overrides.
import type { Scenario } from './schema.ts';
import type { Registry } from '../modules/registry.ts';
import { FORBIDDEN_SEGMENTS, describeValue, validateScenario } from './validate.ts';

/** A bad override path or `--set` argument; the CLI reports it and exits 2. */
export class OverrideError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OverrideError';
  }
}

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null;
const INDEX = /^(0|[1-9][0-9]*)$/;

/** Splits a dotted path, refusing empty and prototype-reaching segments. */
export function splitPath(path: string): string[] {
  if (typeof path !== 'string' || path === '') throw new OverrideError('an override path is empty; write e.g. "organization.size"');
  const segs = path.split('.');
  segs.forEach((seg, i) => {
    if (seg === '') throw new OverrideError(`"${path}": segment ${i + 1} is empty; separate keys with single dots`);
    if (FORBIDDEN_SEGMENTS.has(seg)) throw new OverrideError(`"${path}": the path segment "${seg}" is not allowed`);
  });
  return segs;
}

/**
 * Sets `value` (a deep copy) at the dotted `path` inside `obj`, in place,
 * creating missing objects (or a list, when the next segment is an index) on
 * the way. Throws OverrideError for a path through a non-object, a non-index
 * into a list, or an index past the end (one past the end appends).
 */
export function applySet(obj: unknown, path: string, value: unknown): void {
  const segs = splitPath(path);
  if (!isContainer(obj)) throw new OverrideError(`"${path}": the scenario is ${describeValue(obj)}, not an object`);
  let cur: Record<string, unknown> | unknown[] = obj;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const last = i === segs.length - 1;
    const here = segs.slice(0, i).join('.') || 'the scenario';
    let key: string | number = seg;
    if (Array.isArray(cur)) {
      if (!INDEX.test(seg)) throw new OverrideError(`"${path}": ${here} is a list; use an index (0, 1, …) instead of "${seg}"`);
      key = Number(seg);
      if (key > cur.length) {
        throw new OverrideError(`"${path}": ${here} has ${cur.length} entries; use an index 0 … ${cur.length} (${cur.length} appends)`);
      }
    }
    const container: Record<string, unknown> = cur as Record<string, unknown>;
    if (last) {
      try {
        container[key] = value === undefined ? undefined : structuredClone(value);
      } catch {
        throw new OverrideError(`"${path}": the value ${describeValue(value)} is not plain data`);
      }
      return;
    }
    let next = Object.hasOwn(container, key) ? container[key] : undefined;
    if (next === undefined || next === null) {
      next = INDEX.test(segs[i + 1]!) ? [] : {};
      container[key] = next;
    } else if (!isContainer(next)) {
      const at = segs.slice(0, i + 1).join('.');
      throw new OverrideError(`"${path}": ${at} is ${describeValue(next)}, not an object, so it has no key "${segs[i + 1]}"`);
    }
    cur = next as Record<string, unknown> | unknown[];
  }
}

/**
 * Parses `path=value` (a `--set` argument): the value is JSON when it parses as
 * JSON (numbers, true/false/null, objects, lists, quoted strings), else the raw
 * text (so `--set protocol.kind=p2p` needs no quotes).
 */
export function parseSetArg(arg: string): [string, unknown] {
  const eq = arg.indexOf('=');
  if (eq < 0) throw new OverrideError(`--set "${arg}": expected path=value, e.g. --set organization.size=2000`);
  const path = arg.slice(0, eq).trim();
  splitPath(path);
  const text = arg.slice(eq + 1);
  let value: unknown = text;
  try {
    value = JSON.parse(text);
  } catch {
    value = text;
  }
  return [path, value];
}

/** One variant of a scenario, after its overrides: its label, input, and scenario or problems. */
export type ExpandedVariant =
  | { label: string; input: unknown; ok: true; scenario: Scenario; errors?: undefined }
  | { label: string; input: unknown; ok: false; scenario?: undefined; errors: string[] };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The variants of a scenario, in file order, each with its `set` applied, then
 * `cliSets` (so the command line wins), then validated. A scenario without
 * variants has one, labelled `default`. Problems of a declared variant are
 * prefixed `variant "<label>": `. Never throws on a JSON value.
 */
export function expandVariants(input: unknown, cliSets: ReadonlyArray<readonly [string, unknown]> = [], registry?: Registry): ExpandedVariant[] {
  const declared = isPlainObject(input) && Array.isArray(input.variants) && input.variants.length > 0 ? input.variants : null;
  const list: { label: string; set: unknown; where: string }[] = declared
    ? declared.map((v, i) => ({
        label: isPlainObject(v) && typeof v.label === 'string' ? v.label : `#${i}`,
        set: isPlainObject(v) ? (v.set ?? {}) : {},
        where: `variants.${i}.set`,
      }))
    : [{ label: 'default', set: {}, where: '' }];
  // The variants list itself (labels, shapes) is checked once, as written, and its
  // problems reported with every variant: each variant's copy drops the list.
  const listProblems = isPlainObject(input) && Object.hasOwn(input, 'variants') ? variantListProblems(input, registry) : [];
  return list.map(({ label, set, where }) => {
    const prefix = declared ? `variant "${label}": ` : '';
    const errors: string[] = [...listProblems];
    let copy: unknown;
    try {
      copy = structuredClone(input);
    } catch {
      copy = input;
    }
    if (isPlainObject(copy)) delete copy.variants;
    if (!isPlainObject(set)) {
      errors.push(`${where}: expected an object of "dotted.path": value, got ${describeValue(set)}`);
    } else {
      for (const [path, value] of Object.entries(set)) {
        try {
          if (path.split('.')[0] === 'variants') throw new OverrideError(`"${path}": a variant cannot change the variants`);
          applySet(copy, path, value);
        } catch (e) {
          if (!(e instanceof OverrideError)) throw e;
          errors.push(`${where}: ${e.message}`);
        }
      }
    }
    for (const [path, value] of cliSets) {
      try {
        if (path.split('.')[0] === 'variants') throw new OverrideError(`"${path}": --set cannot change the variants; pick one with --variant`);
        applySet(copy, path, value);
      } catch (e) {
        if (!(e instanceof OverrideError)) throw e;
        errors.push(`--set ${e.message}`);
      }
    }
    if (errors.length === 0) {
      const r = validateScenario(copy, registry);
      if (r.ok) return { label, input: copy, ok: true as const, scenario: r.scenario };
      errors.push(...r.errors);
    }
    return { label, input: copy, ok: false as const, errors: errors.map((e) => prefix + e) };
  });
}

/** Problems of a scenario's `variants` key as written (its shape, labels and `set` keys). */
function variantListProblems(input: Record<string, unknown>, registry?: Registry): string[] {
  const r = validateScenario(input, registry);
  if (r.ok) return [];
  return r.errors.filter((e) => e.startsWith('variants:') || e.startsWith('variants.'));
}
