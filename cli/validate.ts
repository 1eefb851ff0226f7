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

const USAGE = `usage: equipotent validate <file>…

Checks scenario files (and their variants) and sweep files (their scenario and
grid) without running them. Prints "ok <file>" for each valid file and every
problem of the others; exits 0 when all are valid, 2 otherwise.
`;

const MAX_LINES = 50;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Runs the command; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, { command: 'validate', usage: USAGE, options: {}, positionals: { min: 1, name: 'file' } });
  if (args === null) return 0;
  let allValid = true;
  for (const file of args.positionals) {
    if (isJsonSchema(file)) {
      // `validate scenarios/*.json` also meets scenario.schema.json: not a scenario, not a mistake.
      process.stdout.write(`skip ${file} (a JSON Schema, not a scenario)\n`);
      continue;
    }
    const problems = checkFile(file);
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

/** The problems of one scenario or sweep file, as printable lines (empty when valid). */
export function checkFile(file: string): string[] {
  let source: ScenarioSource;
  try {
    source = loadScenarioSource(file);
  } catch (e) {
    if (isUserInputError(e)) return [e.message];
    throw e;
  }
  const problems = isSweepFile(source.input) ? sweepProblems(source) : scenarioProblems(source.input, source.baseDir);
  const lines = problems.map((p) => `${file}: ${p}`);
  return lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `${file}: … and ${lines.length - MAX_LINES} more problems`] : lines;
}

/**
 * The problems of a scenario as written and of each variant (after its `set`s,
 * then `sets`), and of its data files. A variant's problem that the scenario as
 * written already has is reported once.
 */
export function scenarioProblems(input: unknown, baseDir: string, sets: ReadonlyArray<readonly [string, unknown]> = []): string[] {
  const problems: string[] = [];
  const base = validateScenario(input);
  const seen = new Set<string>();
  if (!base.ok && sets.length === 0) {
    problems.push(...base.errors);
    base.errors.forEach((e) => seen.add(e));
  }
  for (const v of expandVariants(input, sets)) {
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
