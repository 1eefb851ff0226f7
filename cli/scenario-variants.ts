// The step `run` and `graph` share: a scenario (path or built-in name) plus the
// command line's overrides → its validated variants (or the one `--variant`
// names), with every problem reported at once as a user error (exit 2).
import { UserError } from './errors.ts';
import { loadScenarioSource } from './load-scenario.ts';
import { expandVariants } from '../engine/scenario/overrides.ts';
import { variantErrors } from '../engine/scenario/variant-errors.ts';
import { setOption } from './args.ts';
import { ScenarioError } from '../engine/simulation.ts';
import { OrganizationError } from '../engine/organization.ts';
import { ShockError } from '../engine/shocks.ts';
import { ReplayError } from '../engine/replay.ts';
import type { Scenario } from '../engine/scenario/schema.ts';
import { commandModules, type ModuleValues } from './module-options.ts';
import type { LoadedModules } from '../workers/module-files.ts';

/** An integer option within [min, max], or a user error naming it. */
export function integerOption(name: string, text: string, min: number, max: number): number {
  const x = Number(text);
  if (!Number.isInteger(x) || x < min || x > max) throw new UserError(`${name}: expected an integer from ${min} to ${max}, got "${text}"`);
  return x;
}

/**
 * The scenario's variants after `--set` (and extra sets such as the seed),
 * filtered by `--variant`, validated with the built-ins plus the user's modules
 * (`--module`, and the scenario's own with --allow-modules).
 */
export async function scenarioVariants(
  nameOrPath: string,
  setArgs: string[],
  extraSets: [string, unknown][],
  variant: string | undefined,
  moduleValues: ModuleValues = {},
): Promise<{ baseDir: string; sourceName: string; variants: { label: string; scenario: Scenario }[]; modules: LoadedModules }> {
  const source = loadScenarioSource(nameOrPath);
  const modules = await commandModules(moduleValues, { input: source.input, baseDir: source.baseDir, label: source.sourceName });
  const sets: [string, unknown][] = [...setArgs.map((s) => setOption(s)), ...extraSets];
  const expanded = expandVariants(source.input as never, sets, modules.registry);
  const problems = variantErrors(expanded);
  if (problems.length) throw new UserError(`${source.sourceName} is not a valid scenario:\n  ${problems.join('\n  ')}`);
  let variants = expanded.map((v) => ({ label: v.label, scenario: (v as { scenario: Scenario }).scenario }));
  if (variant !== undefined) {
    const chosen = variants.filter((v) => v.label === variant);
    if (!chosen.length) throw new UserError(`--variant: no variant "${variant}" (variants: ${variants.map((v) => v.label).join(', ')})`);
    variants = chosen;
  }
  return { baseDir: source.baseDir, sourceName: source.sourceName, variants, modules };
}

/** Runs `f`, turning the engine's user-facing errors (a bad file, an unknown id…) into exit code 2. */
export function userFacing<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ScenarioError || e instanceof OrganizationError || e instanceof ShockError || e instanceof ReplayError) throw new UserError(e.message);
    throw e;
  }
}
