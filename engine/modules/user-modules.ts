// A user's own modules (issue 12), checked before they join a registry: every
// mistake a researcher can make in a declaration is found here, at load time,
// with the declaration named and the fix said — not as a crash in the middle of
// a run. Pure: the files are read by workers/module-files.ts; library users pass
// declarations to `createSimulation(scenario, seed, { modules })` directly.
import { z } from 'zod';
import { ModuleError, builtinRegistry, type Registry } from './registry.ts';
import { API_VERSION, type Module, type SectionName } from './types.ts';
import { moduleApi, type ModuleFactory } from './api.ts';
import { scenarioSchemaFor } from '../scenario/schema.ts';
import { moduleClaimSchema } from './module-claim.ts';

const KINDS = ['protocol', 'shock', 'metrics', 'model'] as const;
const SECTIONS: readonly SectionName[] = ['population', 'environment', 'protocol', 'information', 'metrics'];
/** The functions each kind must have (the engine calls them). */
const HOOKS: Record<(typeof KINDS)[number], readonly string[]> = {
  protocol: ['create'],
  shock: ['apply'],
  metrics: ['appliesTo', 'record', 'summarize'],
  model: ['setup', 'step', 'record', 'summarize'],
};
const METRIC_FIELDS = ['name', 'label', 'unit', 'description'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What the built-in modules are, for "the name is taken" messages. */
function builtinKindOf(name: string, base: Registry): string | undefined {
  return base.all.find((m) => m.name === name && base.isBuiltin(m.name))?.kind;
}

/**
 * The declarations a module's default export returned (one object or a list),
 * checked one by one; `origin` names where they come from in messages (a file,
 * or `createSimulation`). Throws ModuleError with what to fix.
 */
export function checkDeclarations(value: unknown, origin: string, base: Registry = builtinRegistry()): Module[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw new ModuleError(`${origin}: the default export returned an empty list; return a declaration ({ kind, name, apiVersion, … }) or a list of them`);
  return list.map((d, i) => checkOne(d, list.length > 1 ? `${origin}: declaration ${i + 1}` : origin, base));
}

function checkOne(d: unknown, where: string, base: Registry): Module {
  if (!isObject(d)) throw new ModuleError(`${where}: expected a declaration object ({ kind, name, apiVersion, … }), got ${d === null ? 'null' : Array.isArray(d) ? 'a list' : typeof d}`);
  if (d.name === undefined) throw new ModuleError(`${where}: the declaration has no "name"; add a short lowercase name, e.g. name: "market" (it is what scenarios write, e.g. "protocol": {"kind": "market"})`);
  if (typeof d.name !== 'string' || !/^[a-z][a-z0-9-]{0,63}$/.test(d.name)) {
    throw new ModuleError(`${where}: "name" must be a short lowercase word (letters, digits, "-", starting with a letter), got ${JSON.stringify(d.name)}`);
  }
  const at = `${where} (module "${d.name}")`;
  if (d.apiVersion === undefined) throw new ModuleError(`${at}: the declaration has no "apiVersion"; add apiVersion: api.apiVersion (this engine's module API is version ${API_VERSION})`);
  if (d.apiVersion !== API_VERSION) {
    throw new ModuleError(`${at}: written for module API version ${JSON.stringify(d.apiVersion)}, but this engine's is ${API_VERSION}; update the module to version ${API_VERSION} (docs/extending.md) or use the engine it was written for`);
  }
  if (!(KINDS as readonly unknown[]).includes(d.kind)) {
    const hint = d.kind === 'mechanism' ? ' (mechanisms are the organization model\'s own rules; a rule of yours is a way of working, a shock or a metric family)' : '';
    throw new ModuleError(`${at}: "kind" must be one of ${KINDS.join(', ')}, got ${JSON.stringify(d.kind)}${hint}`);
  }
  const kind = d.kind as (typeof KINDS)[number];
  const builtin = builtinKindOf(d.name, base);
  if (builtin !== undefined) throw new ModuleError(`${at}: the name "${d.name}" is a built-in ${builtin} module's; rename yours (e.g. "${d.name}-2" or a name of your own)`);
  if (typeof d.description !== 'string' || d.description.trim() === '') throw new ModuleError(`${at}: the declaration has no "description"; add one sentence saying what it does (listings and the codebook show it)`);
  for (const hook of HOOKS[kind]) {
    if (typeof d[hook] !== 'function') throw new ModuleError(`${at}: a ${kind} module needs a function "${hook}"; see docs/extending.md`);
  }
  if (kind === 'protocol') {
    if (typeof d.handlesSituations !== 'boolean') throw new ModuleError(`${at}: a way of working says whether it handles situations: add handlesSituations: true (or false)`);
    if (d.draws !== 'formal' && d.draws !== 'informal') throw new ModuleError(`${at}: a way of working says which layer the page draws: add draws: "informal" (or "formal")`);
  }
  if (kind === 'shock') {
    if (!isObject(d.body)) throw new ModuleError(`${at}: a shock needs a "body": its keys besides kind, at, every and until (an object of api.z schemas; {} for none)`);
    if (typeof d.label !== 'string') throw new ModuleError(`${at}: a shock needs a "label": the words on the page's button`);
    for (const [key, schema] of Object.entries(d.body)) zodOf(schema, `${at}: shock key "${key}"`);
  }
  checkParams(d, at);
  if (kind === 'model') {
    const p = zodOf(d.modelParams, `${at}: "modelParams"`);
    if (!(p instanceof z.ZodObject)) throw new ModuleError(`${at}: "modelParams" must be an api.z.object({ … }) of the model's parameters`);
    for (const [key, schema] of Object.entries(p.shape)) checkParam(schema, `${d.name}.${key}`, at);
  }
  checkMetrics(d, kind, at, base);
  const checked: Record<string, unknown> = d.claims === undefined ? d : { ...d, claims: checkClaims(d.claims, at) };
  return kind === 'protocol' ? agreeingProtocol(checked) : (checked as unknown as Module);
}

/**
 * A way of working whose instances say what its declaration says: the engine
 * reads `kind` and `handlesSituations` from the instance (`create()`), and a
 * class written on api.QuietProtocol would otherwise say "quiet" and false —
 * its situations never arriving and its metrics never recorded, silently.
 */
function agreeingProtocol(d: Record<string, unknown>): Module {
  const create = d.create as () => Record<string, unknown>;
  const name = d.name as string;
  const handles = d.handlesSituations as boolean;
  return {
    ...d,
    create() {
      const p = create();
      if (typeof p !== 'object' || p === null) throw new ModuleError(`module "${name}": create() must return a way of working (an instance of a class extending api.QuietProtocol), got ${p === null ? 'null' : typeof p}`);
      if (p.kind !== name) Object.defineProperty(p, 'kind', { value: name, configurable: true });
      if (p.handlesSituations !== handles) Object.defineProperty(p, 'handlesSituations', { value: handles, configurable: true });
      return p;
    },
  } as unknown as Module;
}

/** A zod schema of the engine's own zod (`api.z`), or a ModuleError. */
function zodOf(schema: unknown, what: string): z.ZodType {
  if (schema instanceof z.ZodType) return schema;
  const foreign = isObject(schema) && ('_zod' in schema || '_def' in schema);
  throw new ModuleError(`${what}: expected a schema made with api.z${foreign ? ' (this one comes from another copy of zod: use the api.z the module receives, never an imported zod)' : `, got ${typeof schema}`}`);
}

function checkParams(d: Record<string, unknown>, at: string): void {
  if (d.params === undefined) return;
  if (!isObject(d.params)) throw new ModuleError(`${at}: "params" must be an object of scenario sections (${SECTIONS.join(', ')}) → keys`);
  for (const [section, keys] of Object.entries(d.params)) {
    if (!(SECTIONS as readonly string[]).includes(section)) throw new ModuleError(`${at}: params.${section}: a module adds keys to ${SECTIONS.join(', ')} only`);
    if (!isObject(keys)) throw new ModuleError(`${at}: params.${section} must be an object of key → api.z schema`);
    for (const [key, schema] of Object.entries(keys)) checkParam(schema, `${section}.${key}`, at);
  }
}

/** A parameter has a default (a scenario that omits it still runs), a unit and a description. */
function checkParam(schema: unknown, path: string, at: string): void {
  const s = zodOf(schema, `${at}: parameter ${path}`);
  if (!s.safeParse(undefined).success) {
    throw new ModuleError(`${at}: parameter ${path} has no default; add one (e.g. api.z.number().min(0).max(1).default(0.5)) so that a scenario that does not set it still runs`);
  }
  const meta = metaOf(s);
  if (typeof meta?.description !== 'string' || typeof meta.unit !== 'string') {
    throw new ModuleError(`${at}: parameter ${path} has no unit or description; declare it with api.param(schema, unit, description)`);
  }
}

/** A schema's unit and description, looking through wrappers (`param(…).default(…)` keeps them on the inner schema). */
function metaOf(s: z.ZodType): { unit?: unknown; description?: unknown } | undefined {
  for (let t: unknown = s, depth = 0; t !== undefined && depth < 8; depth++) {
    const meta = z.globalRegistry.get(t as z.ZodType) as { unit?: unknown; description?: unknown } | undefined;
    if (meta?.unit !== undefined || meta?.description !== undefined) return meta;
    t = (t as { _zod?: { def?: { innerType?: unknown } } })._zod?.def?.innerType;
  }
  return undefined;
}

function checkMetrics(d: Record<string, unknown>, kind: string, at: string, base: Registry): void {
  if (d.metrics === undefined && kind !== 'metrics' && kind !== 'model') return;
  if (!Array.isArray(d.metrics)) throw new ModuleError(`${at}: "metrics" must be a list of metric declarations (name, label, unit, description, per, type)`);
  const taken = new Set(base.metricDeclarations().map((m) => m.name));
  for (const [i, m] of d.metrics.entries()) {
    const w = `${at}: metrics[${i}]`;
    if (!isObject(m)) throw new ModuleError(`${w}: expected { name, label, unit, description, per, type }`);
    for (const f of METRIC_FIELDS) if (typeof m[f] !== 'string' || m[f] === '') throw new ModuleError(`${w}: "${f}" is missing; a metric declares name, label, unit, description, per and type`);
    if (m.per !== 'tick' && m.per !== 'run') throw new ModuleError(`${w} ("${String(m.name)}"): "per" must be "tick" (a series) or "run" (a summary)`);
    if (m.type !== 'integer' && m.type !== 'number') throw new ModuleError(`${w} ("${String(m.name)}"): "type" must be "integer" or "number"`);
    if (!/^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/.test(m.name as string)) throw new ModuleError(`${w}: metric name ${JSON.stringify(m.name)} must be a word (letters, digits, "_", ".", ":", "-"): it names CSV columns`);
    if (taken.has(m.name as string)) throw new ModuleError(`${w}: the metric name "${String(m.name)}" is already declared (by a built-in or another module); rename yours`);
    taken.add(m.name as string);
  }
}

/**
 * The built-ins plus `modules` (checked declarations): refuses two of them with
 * one name, and a parameter key another module declares (the schema is built
 * here so that the clash is found now, naming both).
 */
export function withUserModules(modules: readonly Module[], base: Registry = builtinRegistry()): Registry {
  const seen = new Map<string, Module>();
  for (const m of modules) {
    const other = seen.get(m.name);
    if (other) throw new ModuleError(`two modules are named "${m.name}" (a ${other.kind} and a ${m.kind}); rename one (its streams and provenance are keyed by name)`);
    seen.set(m.name, m);
  }
  // Modules run in name order (CONTRACT.md), whatever order the files were given in.
  const registry = base.with([...modules].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
  scenarioSchemaFor(registry);
  return registry;
}

const factoriesDone = new WeakMap<readonly unknown[], Registry>();

/**
 * The registry of `createSimulation(…, { modules })` for library users: a list
 * of declarations or of module functions (a module file's default export, given
 * the API here), checked and joined to the built-ins once per list.
 */
export function registryOf(modules: readonly (Module | ModuleFactory)[]): Registry {
  let r = factoriesDone.get(modules);
  if (r === undefined) {
    const declared = modules.flatMap((m, i) => {
      if (typeof m !== 'function') return checkDeclarations(m, `modules[${i}]`);
      // Each module function gets an API of its own, whose streams are its declarations' names.
      const { api, own } = moduleApi();
      const checked = checkDeclarations(m(api), `modules[${i}]`);
      own(checked.map((d) => d.name));
      return checked;
    });
    r = withUserModules(declared);
    factoriesDone.set(modules, r);
  }
  return r;
}

/** A module's `claims` (module-claim.ts): each checked, ids unique; the defaults filled in. */
function checkClaims(claims: unknown, at: string): unknown[] {
  if (!Array.isArray(claims)) throw new ModuleError(`${at}: "claims" must be a list of claims ({ id, title, compared, scenario, a, b, metric, side, mechanism, control }); see docs/extending.md`);
  const seen = new Set<string>();
  return claims.map((c, i) => {
    const r = moduleClaimSchema.safeParse(c);
    if (!r.success) {
      const lines = r.error.issues.map((x) => `claims[${i}]${x.path.map((p) => `.${String(p)}`).join('')}: ${x.message}`);
      throw new ModuleError(`${at}: ${lines.join('; ')}`);
    }
    if (seen.has(r.data.id)) throw new ModuleError(`${at}: claims[${i}].id: "${r.data.id}" is used twice; give each claim its own id`);
    seen.add(r.data.id);
    return r.data;
  });
}
