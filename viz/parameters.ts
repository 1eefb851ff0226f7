// Every parameter a student can change in the page, read from the declarations: the
// scenario schema the registry of modules builds (zod → JSON Schema: description,
// unit, range, default, choices) and the module that declares each key, so the
// panel never lags the engine. This is the one file the page reads parameters
// through; it adds only what a panel needs beyond the declarations: the values of a
// scenario as written, the kind of a union and each branch's fields, the scheduled
// shocks with a switch each, and what the variants set.
import { scenarioJsonSchema } from '../engine/scenario/json-schema.ts';
import { parameterList } from '../engine/modules/parameters.ts';
import { pageRegistry } from '../workers/page-modules.ts';

export type ParamKind = 'number' | 'integer' | 'boolean' | 'enum' | 'kind' | 'shock';

export interface ParamDecl {
  /** The dotted path an override sets (`--set path=value`); a `kind` sets the whole object. */
  path: string;
  group: string;
  label: string;
  description: string;
  unit: string;
  kind: ParamKind;
  min?: number;
  max?: number;
  /** The minimum itself is not allowed (a fraction > 0). */
  openMin?: boolean;
  /** Empty means null (e.g. "λ: null = ∞"). */
  nullable?: boolean;
  options?: string[];
  /** The value now (defaults filled, the page's changes applied). */
  value: unknown;
  /** The value in the scenario as written, before the page's changes. */
  original?: unknown;
  /** Values the scenario's variants set for this path (label → value), if any. */
  byVariant?: Record<string, unknown>;
  /** For a `kind`: the object each kind starts from (its required fields at their default or lowest value). */
  starts?: Record<string, Record<string, unknown>>;
}

interface Js {
  type?: string | string[]; properties?: Record<string, Js>; oneOf?: Js[]; anyOf?: Js[]; enum?: unknown[]; const?: unknown;
  minimum?: number; maximum?: number; exclusiveMinimum?: number; default?: unknown; description?: string; unit?: string; items?: Js;
}

let schemaCache: Js | null = null;
const schema = (): Js => (schemaCache ??= scenarioJsonSchema(pageRegistry()) as Js);

export const GROUPS: Record<string, string> = {
  run: 'Run', organization: 'Organization', population: 'People', environment: 'Situations', protocol: 'Way of working',
  information: 'Information and rumours', shocks: 'Shocks', metrics: 'Measures',
};

/** Units that say what kind of control it is, not what the number counts (the control shows that). */
const NOT_UNITS = new Set(['choice', 'on/off', 'id', 'ids', 'groups', 'weights']);

function unitOf(key: string, js: Js): string {
  if (js.unit !== undefined) return NOT_UNITS.has(js.unit) ? '' : js.unit;
  return key === 'size' ? 'people' : ''; // organization.size has no declared unit yet
}

/** The way of working that declares a key ("client-server" → the group "… — hierarchy only"). */
let owners: Map<string, string> | null = null;
function owner(path: string): string | undefined {
  owners ??= new Map(parameterList(pageRegistry()).map((p) => [p.path, p.module]));
  return owners.get(path);
}

function isType(js: Js, t: string): boolean {
  return js.type === t || (Array.isArray(js.type) && js.type.includes(t));
}

/** "successionDelay" → "Succession delay". */
function words(key: string): string {
  const w = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return w.charAt(0).toUpperCase() + w.slice(1);
}

const at = (obj: unknown, key: string | number): unknown => (obj && typeof obj === 'object' ? (obj as Record<string, unknown>)[key] : undefined);

/** The scalar branch of a union (number | null, integer | list, …), with whether null is allowed. */
function scalar(js: Js): { js: Js; nullable: boolean } | null {
  const branches = js.oneOf ?? js.anyOf;
  if (!branches) return isType(js, 'number') || isType(js, 'integer') || isType(js, 'boolean') || js.enum ? { js, nullable: false } : null;
  const nullable = branches.some((b) => isType(b, 'null'));
  for (const b of branches) {
    const s = scalar(b);
    if (s) return { js: { ...s.js, description: js.description ?? s.js.description, unit: js.unit ?? s.js.unit, default: js.default }, nullable: nullable || s.nullable };
  }
  return null;
}

/** The object branches of a union keyed by their `kind` (null: not such a union). */
function kinds(js: Js): Js[] | null {
  const branches = (js.oneOf ?? js.anyOf)?.flatMap((b) => (b.oneOf ?? b.anyOf) ?? [b]);
  if (!branches?.length) return null;
  const objects = branches.filter((b) => b.properties?.['kind']?.const !== undefined);
  return objects.length ? objects : null;
}

function walk(js: Js, value: unknown, path: string[], group: string, out: ParamDecl[]): void {
  if (path.length > 8) return;
  const key = path.at(-1)!, p = path.join('.');
  const branches = kinds(js);
  if (branches && value && typeof value === 'object' && !Array.isArray(value)) {
    const kind = String(at(value, 'kind'));
    const starts: Record<string, Record<string, unknown>> = {};
    for (const b of branches) {
      const k = String(b.properties!['kind']!.const), o: Record<string, unknown> = { kind: k };
      for (const r of (b as { required?: string[] }).required ?? []) {
        const f = b.properties![r];
        if (r === 'kind' || !f) continue;
        const sc = scalar(f)?.js;
        o[r] = f.default ?? sc?.default ?? (sc && (isType(sc, 'number') || isType(sc, 'integer')) ? sc.minimum ?? sc.exclusiveMinimum ?? 0 : null);
      }
      starts[k] = o;
    }
    out.push({ path: p, group, label: `${words(key)}: kind`, description: js.description ?? '', unit: '', kind: 'kind', options: Object.keys(starts), value: kind, starts });
    const branch = branches.find((b) => b.properties!['kind']!.const === kind);
    if (branch) for (const [k, sub] of Object.entries(branch.properties!)) if (k !== 'kind') walk(sub, at(value, k), [...path, k], group, out);
    return;
  }
  if (js.properties) {
    for (const [k, sub] of Object.entries(js.properties)) walk(sub, at(value, k), [...path, k], group, out);
    return;
  }
  const objects = (js.oneOf ?? js.anyOf)?.filter((b) => b.properties);
  if (objects?.length && value && typeof value === 'object' && !Array.isArray(value)) {
    // A union of shapes without a kind (partition groups: {level} or {attribute}): the shape of the value.
    const keys = Object.keys(value);
    const b = objects.find((o) => keys.every((k) => k in o.properties!));
    if (b) walk({ ...b, description: js.description ?? b.description }, value, path, group, out);
    return;
  }
  const s = scalar(js);
  if (!s) return; // lists of ids, file names, item ids: not a student's knob
  const d = s.js;
  const kind: ParamKind = d.enum ? 'enum' : isType(d, 'boolean') ? 'boolean' : isType(d, 'integer') ? 'integer' : 'number';
  const decl: ParamDecl = { path: p, group, label: words(key), description: (s.js.description ?? '').replace(/^[a-z -]+: (?=\S)/, ''), unit: unitOf(key, d), kind, value: value === undefined ? d.default ?? null : value };
  if (d.enum) decl.options = d.enum.map(String);
  if (d.minimum !== undefined || d.exclusiveMinimum !== undefined) decl.min = d.minimum ?? d.exclusiveMinimum;
  if (d.exclusiveMinimum !== undefined) decl.openMin = true;
  if (d.maximum !== undefined) decl.max = d.maximum;
  if (s.nullable) decl.nullable = true;
  const by = owner(p);
  // A way of working's own keys are grouped under its words ("Protocol — hierarchy").
  const way = by === undefined ? undefined : pageRegistry().protocols.get(by);
  if (way) decl.group = `${group} — ${way.words ?? way.name}`;
  out.push(decl);
}

/**
 * The parameters of a scenario as written (`base`: validated, defaults filled, no
 * variant applied), grouped: the run, the organization, people, situations, the way of
 * working, information, each scheduled shock (with a switch to leave it out), measures.
 */
export function parameters(base: Record<string, unknown>, variants: readonly { label: string; set: Record<string, unknown> }[] = []): ParamDecl[] {
  const root = schema().properties!;
  const out: ParamDecl[] = [];
  walk(root['ticks']!, base['ticks'], ['ticks'], GROUPS['run']!, out);
  for (const section of ['organization', 'population', 'environment', 'protocol', 'information', 'metrics']) {
    const js = root[section]!;
    if (section === 'information') {
      for (const [k, sub] of Object.entries(js.properties!)) if (k !== 'items') walk(sub, at(base[section], k), [section, k], GROUPS[section]!, out);
      const items = (at(base[section], 'items') as unknown[] | undefined) ?? [];
      items.forEach((item, i) => {
        const id = String(at(item, 'id') ?? i);
        walk(js.properties!['items']!.items!, item, [section, 'items', String(i)], `${GROUPS[section]} — item “${id}”`, out);
      });
      continue;
    }
    walk(js, base[section], [section], GROUPS[section]!, out);
  }
  const shocks = (base['shocks'] as Record<string, unknown>[] | undefined) ?? [];
  const shockJs = kinds(root['shocks']!.items!) ?? [];
  shocks.forEach((sh, i) => {
    const group = `${GROUPS['shocks']} — ${i + 1}: ${String(sh['kind'])} at tick ${String(sh['at'] ?? 0)}`;
    out.push({ path: 'shocks', group, label: 'Happens', description: 'Leave this shock out of the run (every variant).', unit: '', kind: 'shock', value: true, options: [String(i)] });
    const branch = shockJs.find((b) => b.properties!['kind']!.const === sh['kind']);
    if (branch) for (const [k, sub] of Object.entries(branch.properties!)) if (k !== 'kind') walk(sub, sh[k], ['shocks', String(i), k], group, out);
  });
  for (const d of out) {
    const by: Record<string, unknown> = {};
    for (const v of variants) for (const [k, x] of Object.entries(v.set)) if (k === d.path || d.path.startsWith(`${k}.`)) by[v.label] = k === d.path ? x : at(x, d.path.slice(k.length + 1));
    if (Object.keys(by).length) d.byVariant = by;
  }
  return out;
}

/** Reads what a student typed for a parameter: the value, or a message naming the range and the fix. */
export function readValue(d: ParamDecl, raw: string | boolean): { value: unknown } | { error: string } {
  if (d.kind === 'boolean' || d.kind === 'shock') return { value: Boolean(raw) };
  if (d.kind === 'enum' || d.kind === 'kind') {
    return d.options?.includes(String(raw)) ? { value: String(raw) } : { error: `choose one of ${d.options?.join(', ')}` };
  }
  const text = String(raw).trim();
  if (text === '' && d.nullable) return { value: null };
  const x = Number(text);
  if (text === '' || !Number.isFinite(x)) return { error: `type a number${d.nullable ? ' (or leave it empty for none)' : ''}` };
  if (d.kind === 'integer' && !Number.isInteger(x)) return { error: `type a whole number, e.g. ${Math.round(x)}` };
  const lo = d.min, hi = d.max;
  if (lo !== undefined && (d.openMin ? x <= lo : x < lo) || hi !== undefined && x > hi) {
    const range = `${d.openMin ? `more than ${lo}` : `at least ${lo ?? '−∞'}`} and at most ${hi ?? '∞'}`;
    return { error: `must be ${range}; got ${x}` };
  }
  return { value: x };
}
