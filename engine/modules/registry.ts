// The registry of modules: built-ins plus a user's own (issue 12), by kind and
// name. It refuses a module without a name or a known apiVersion, and a name that
// is already taken; everything that lists ways of working, shocks or metrics
// (the schema, the JSON Schema, the page's panel, the codebook, the CLI table)
// reads it.
import { BUILTIN_MODULES } from './builtin.ts';
import { API_VERSION, type MechanismModule, type MetricFamilyModule, type ModelModule, type Module, type ProtocolModule, type ShockModule } from './types.ts';
import type { MetricDeclaration } from './metric-declaration.ts';

/** A module that cannot be registered (the message says what to fix). */
export class ModuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModuleError';
  }
}

const KINDS = ['protocol', 'shock', 'metrics', 'model', 'mechanism'] as const;

export class Registry {
  readonly protocols = new Map<string, ProtocolModule>();
  readonly shocks = new Map<string, ShockModule>();
  readonly metricFamilies: MetricFamilyModule[] = [];
  readonly models = new Map<string, ModelModule>();
  readonly mechanisms = new Map<string, MechanismModule>();
  /** Every module, in registration order. */
  readonly all: Module[] = [];
  /** Names of the modules that came with the engine. */
  private readonly builtinNames = new Set<string>();

  /** Adds a module; `builtin` marks the engine's own. */
  add(m: Module, builtin = false): this {
    const where = typeof m?.name === 'string' && m.name ? `module "${m.name}"` : 'a module';
    if (typeof m !== 'object' || m === null) throw new ModuleError(`${where}: expected a declaration object, got ${m === null ? 'null' : typeof m}`);
    if (typeof m.name !== 'string' || !/^[a-z][a-z0-9-]{0,63}$/.test(m.name)) {
      throw new ModuleError(`${where}: "name" must be a short lowercase word (letters, digits, "-"), got ${JSON.stringify(m.name)}`);
    }
    if (m.apiVersion !== API_VERSION) {
      throw new ModuleError(`${where}: "apiVersion" must be ${API_VERSION} (this engine's module API), got ${JSON.stringify(m.apiVersion)}`);
    }
    if (!(KINDS as readonly string[]).includes(m.kind)) {
      throw new ModuleError(`${where}: "kind" must be one of ${KINDS.join(', ')}, got ${JSON.stringify((m as { kind?: unknown }).kind)}`);
    }
    const taken = this.all.find((o) => o.kind === m.kind && o.name === m.name);
    if (taken) {
      throw new ModuleError(
        `${where}: the name "${m.name}" is taken by ${this.builtinNames.has(m.name) ? 'a built-in' : 'another'} ${m.kind} module; rename yours`,
      );
    }
    if (m.kind === 'protocol') this.protocols.set(m.name, m);
    else if (m.kind === 'shock') this.shocks.set(m.name, m);
    else if (m.kind === 'metrics') this.metricFamilies.push(m);
    else if (m.kind === 'mechanism') this.mechanisms.set(m.name, m);
    else this.models.set(m.name, m);
    this.all.push(m);
    if (builtin) this.builtinNames.add(m.name);
    return this;
  }

  /** A copy of this registry with more modules. */
  with(modules: readonly Module[]): Registry {
    const r = new Registry();
    for (const m of this.all) r.add(m, this.builtinNames.has(m.name));
    for (const m of modules) r.add(m);
    return r;
  }

  /** A copy of this registry with one module swapped for another of the same kind and name (tests, experiments). */
  replacing(m: Module): Registry {
    const r = new Registry();
    for (const o of this.all) r.add(o.kind === m.kind && o.name === m.name ? m : o, this.builtinNames.has(o.name));
    return r;
  }

  /** True for a module that came with the engine. */
  isBuiltin(name: string): boolean {
    return this.builtinNames.has(name);
  }

  /** Every metric declared, families first, then the ways of working's and the models' own. */
  metricDeclarations(): MetricDeclaration[] {
    const out: MetricDeclaration[] = [];
    for (const f of this.metricFamilies) out.push(...f.metrics);
    for (const p of this.protocols.values()) out.push(...(p.metrics ?? []));
    for (const m of this.mechanisms.values()) out.push(...(m.metrics ?? []));
    for (const m of this.models.values()) out.push(...m.metrics);
    return out;
  }
}

let builtins: Registry | undefined;

/** The engine's own modules. */
export function builtinRegistry(): Registry {
  if (builtins === undefined) {
    const r = new Registry();
    for (const m of BUILTIN_MODULES) r.add(m, true);
    builtins = r;
  }
  return builtins;
}
