// `--module F` (repeatable) and `--allow-modules`, shared by run, sweep, check,
// validate, graph, list and schema (CONTRACT.md "v2 additions" → Modules): the
// user's module files, plus a scenario's own `"modules": [...]` (paths relative
// to the scenario file) — loaded only with --allow-modules, so that a scenario
// downloaded from somewhere never runs code by surprise.
import { UserError } from './errors.ts';
import { loadModules, moduleHashes, type LoadedModules } from '../workers/module-files.ts';
import { builtinRegistry } from '../engine/modules/registry.ts';

export const MODULE_OPTIONS = {
  module: { type: 'string', multiple: true },
  'allow-modules': { type: 'boolean' },
} as const;

export const MODULE_USAGE = `  --module F       load a module file of your own (.mjs or .js; .ts through this
                   command): ways of working, shocks, metrics, whole models;
                   repeat for several (docs/extending.md)
  --allow-modules  also load the module files the scenario names in "modules"
                   (a scenario never runs code without it)`;

/** The module options as parsed. */
export interface ModuleValues {
  module?: string[] | undefined;
  'allow-modules'?: boolean | undefined;
}

/** No user modules: the built-ins alone. */
export const BUILTINS_ONLY: LoadedModules = { registry: builtinRegistry(), files: [] };

/** The module paths a scenario's JSON names in `"modules"` (an empty list when none); a bad value is a UserError. */
export function scenarioModulePaths(input: unknown, label: string): string[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || !Object.hasOwn(input, 'modules')) return [];
  const list = (input as { modules: unknown }).modules;
  if (!Array.isArray(list) || !list.every((p) => typeof p === 'string' && p.trim() !== '')) {
    throw new UserError(`${label}: modules: expected a list of module file paths (relative to the scenario file), e.g. ["./market.mjs"], got ${JSON.stringify(list)}`);
  }
  return list as string[];
}

/**
 * The command line's modules and, with --allow-modules, the scenario's (`input`
 * read from a file in `scenarioDir`). A scenario that names modules without
 * --allow-modules is refused, naming them.
 */
export async function commandModules(values: ModuleValues, scenario?: { input: unknown; baseDir: string; label: string }): Promise<LoadedModules> {
  const fromScenario = scenario ? scenarioModulePaths(scenario.input, scenario.label) : [];
  if (fromScenario.length > 0 && values['allow-modules'] !== true) {
    throw new UserError(
      `${scenario!.label} names module files (${fromScenario.join(', ')}), which are code; a scenario runs code only with --allow-modules: read those files, then add --allow-modules (or give them with --module)`,
    );
  }
  const files = [
    ...(values.module ?? []).map((given) => ({ given })),
    ...fromScenario.map((given) => ({ given, fromDir: scenario!.baseDir, label: `${scenario!.label}: modules: ${given}` })),
  ];
  if (files.length === 0) return BUILTINS_ONLY;
  return loadModules(files);
}

/** The provenance of a command's user modules (`{name: sha256}`), or undefined when there are none. */
export function provenance(loaded: LoadedModules): Record<string, string> | undefined {
  return loaded.files.length > 0 ? moduleHashes(loaded.files) : undefined;
}
