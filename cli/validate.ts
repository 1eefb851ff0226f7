// `equipotent validate <file>…`: checks scenario and sweep files without running
// them. Prints `ok <file>` on stdout for each valid file, every problem of the
// others on stderr (`<file>: <path>: <message>`); exit 0 when all are valid, else 2.
//
// A scenario is checked as written and as each of its variants (after their
// `set`s), and its data files must exist. A sweep file (one that names its
// `scenario`) is checked by cli/sweep/check.ts: itself, its scenario, each
// design key against the scenario, then the design points as they will run.
import { parseCommandArgs } from './args.ts';
import { isUserInputError } from './errors.ts';
import { loadScenarioSource, type ScenarioSource } from './load-scenario.ts';
import { readDataFiles } from '../io/read-files.ts';
import { sweepProblems } from './sweep/check.ts';
import { expandVariants } from '../engine/scenario/overrides.ts';
import { validateScenario } from '../engine/scenario/validate.ts';
import { builtinRegistry, type Registry } from '../engine/modules/registry.ts';
import { determinismProbe, probeInput, PROBE_ADVICE, PROBE_CHUNK, PROBE_TICKS, type ProbeResult } from '../engine/modules/probe.ts';
import { BUILTINS_ONLY, commandModules, MODULE_OPTIONS, MODULE_USAGE, scenarioModulePaths, type ModuleValues } from './module-options.ts';
import { moduleFacing, type LoadedModules } from '../workers/module-files.ts';
import { UserError } from './errors.ts';

const USAGE = `usage: equipotent validate <file>… [--module F]… [--allow-modules]
       equipotent validate --module F… [<file>…]

Checks scenario files (and their variants) and sweep files (their scenario and
grid) without running them. Prints "ok <file>" for each valid file and every
problem of the others; exits 0 when all are valid, 2 otherwise.

With --module, the module files are loaded and checked, and each module runs the
determinism probe: the same ${PROBE_TICKS} ticks twice, and in chunks of ${PROBE_CHUNK}, must end
with equal state hashes (on a small scenario of its own, and on each scenario
file given).

${MODULE_USAGE}
`;

const MAX_LINES = 50;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Runs the command; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, { command: 'validate', usage: USAGE, options: { ...MODULE_OPTIONS }, positionals: { name: 'file' } });
  if (args === null) return 0;
  if (args.positionals.length === 0 && (args.values.module ?? []).length === 0) throw new UserError(`validate: expected at least 1 file (or --module F)\n${USAGE.trimEnd()}`);
  // The command line's modules: a bad one stops everything (exit 2, the file and the fix).
  const modules = await commandModules(args.values);
  let allValid = true;
  if (modules.files.length > 0) allValid = probeModules(modules) && allValid;
  for (const file of args.positionals) {
    if (isJsonSchema(file)) {
      // `validate scenarios/*.json` also meets scenario.schema.json: not a scenario, not a mistake.
      process.stdout.write(`skip ${file} (a JSON Schema, not a scenario)\n`);
      continue;
    }
    const problems = await checkFile(file, modules, args.values);
    if (problems.length === 0) {
      process.stdout.write(`ok ${file}\n`);
    } else {
      allValid = false;
      process.stderr.write(problems.map((p) => `${p}\n`).join(''));
    }
  }
  return allValid ? 0 : 2;
}

function isJsonSchema(file: string): boolean {
  try {
    const { input } = loadScenarioSource(file);
    return isObject(input) && typeof input.$schema === 'string' && /json-schema\.org/.test(input.$schema) && isObject(input.properties);
  } catch {
    return false;
  }
}

/**
 * The problems of one scenario or sweep file, as printable lines (empty when
 * valid), with the command line's modules and, with --allow-modules, the
 * scenario's own; a valid scenario file runs the determinism probe when user
 * modules are loaded.
 */
export async function checkFile(file: string, cliModules: LoadedModules = BUILTINS_ONLY, values: ModuleValues = {}): Promise<string[]> {
  let source: ScenarioSource;
  let modules = cliModules;
  try {
    source = loadScenarioSource(file);
    if (!isSweepFile(source.input) && scenarioModulePaths(source.input, file).length > 0) {
      modules = await commandModules(values, { input: source.input, baseDir: source.baseDir, label: file });
    }
  } catch (e) {
    if (isUserInputError(e)) return [e.message];
    throw e;
  }
  const problems = isSweepFile(source.input) ? sweepProblems(source, modules.registry) : scenarioProblems(source.input, source.baseDir, [], modules.registry);
  if (problems.length === 0 && !isSweepFile(source.input) && modules.files.length > 0) problems.push(...scenarioProbeProblems(source, modules));
  const lines = problems.map((p) => `${file}: ${p}`);
  return lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `${file}: … and ${lines.length - MAX_LINES} more problems`] : lines;
}

/**
 * The problems of a scenario as written and of each variant (after its `set`s,
 * then `sets`), and of its data files. A variant's problem that the scenario as
 * written already has is reported once.
 */
export function scenarioProblems(input: unknown, baseDir: string, sets: ReadonlyArray<readonly [string, unknown]> = [], registry: Registry = builtinRegistry()): string[] {
  const problems: string[] = [];
  const base = validateScenario(input, registry);
  const seen = new Set<string>();
  if (!base.ok && sets.length === 0) {
    problems.push(...base.errors);
    base.errors.forEach((e) => seen.add(e));
  }
  for (const v of expandVariants(input, sets, registry)) {
    if (!v.ok) {
      for (const e of v.errors) {
        const bare = e.replace(/^variant "[^"]*": /, '');
        if (!seen.has(bare) && !seen.has(e)) problems.push(e);
        seen.add(e);
      }
      continue;
    }
    try {
      readDataFiles(v.scenario, baseDir);
    } catch (e) {
      if (!isUserInputError(e)) throw e;
      if (!seen.has(e.message)) problems.push(e.message);
      seen.add(e.message);
    }
  }
  return problems;
}

/** A sweep file names its scenario (a scenario file has no `scenario` key); v1 sweep files also have a `grid`. */
function isSweepFile(input: unknown): boolean {
  return isObject(input) && (Object.hasOwn(input, 'grid') || Object.hasOwn(input, 'scenario') || Object.hasOwn(input, 'design'));
}

/**
 * The determinism probe of each user module on a small scenario of its own
 * (engine/modules/probe.ts); prints "probe ok" lines on stdout and failures on
 * stderr; true when every module passes.
 */
function probeModules(loaded: LoadedModules): boolean {
  let ok = true;
  for (const file of loaded.files) {
    for (const m of file.modules) {
      const input = probeInput(m);
      const r = validateScenario(input, loaded.registry);
      if (!r.ok) {
        // A shock whose keys have no defaults cannot be exercised alone: the scenarios given are probed instead.
        process.stdout.write(`probe skipped: module "${m.name}" (${file.given}) needs keys of its own to run (${r.errors[0]}); give a scenario that uses it\n`);
        continue;
      }
      const problem = probeProblem(file.given, m.name, 'a small scenario of its own', () => determinismProbe(r.scenario, loaded.registry), loaded.files);
      if (problem === null) process.stdout.write(`probe ok: module "${m.name}" (${file.given}): ${PROBE_TICKS} ticks twice and in chunks of ${PROBE_CHUNK} end with equal hashes\n`);
      else {
        ok = false;
        process.stderr.write(`${problem}\n`);
      }
    }
  }
  return ok;
}

/** The probe on each variant of a valid scenario file that runs with user modules (its problems, as lines). */
function scenarioProbeProblems(source: ScenarioSource, loaded: LoadedModules): string[] {
  const problems: string[] = [];
  for (const v of expandVariants(source.input, [], loaded.registry)) {
    if (!v.ok) continue;
    const data = readDataFiles(v.scenario, source.baseDir);
    const problem = probeProblem(loaded.files.map((f) => f.given).join(', '), loaded.files.flatMap((f) => f.modules.map((m) => m.name)).join('", "'), `variant "${v.label}"`, () => determinismProbe(v.scenario, loaded.registry, data), loaded.files);
    if (problem !== null) problems.push(problem);
  }
  return problems;
}

/** Runs one probe: null when it passes, else the line that says which module, where, and what to fix. */
function probeProblem(given: string, name: string, where: string, probe: () => ProbeResult, files: LoadedModules['files']): string | null {
  const r = moduleFacing(files, probe);
  if (r.problem === null) return null;
  return `${given}: module "${name}" fails the determinism probe on ${where}: ${r.problem}; ${PROBE_ADVICE}`;
}
