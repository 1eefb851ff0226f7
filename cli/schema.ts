// `equipotent schema [--out FILE]`: prints the scenario JSON Schema, or writes it
// (the shipped copy is `scenarios/scenario.schema.json`; `npm run build` refreshes it).
import { parseCommandArgs } from './args.ts';
import { writeFilesTogether } from './files.ts';
import { checkOutputPath } from './output-paths.ts';
import { scenarioJsonSchemaText } from '../engine/scenario/json-schema.ts';
import { commandModules, MODULE_OPTIONS, MODULE_USAGE } from './module-options.ts';
import { UserError } from './errors.ts';

const USAGE = `usage: equipotent schema [--out FILE] [--module F]…

Prints the JSON Schema of scenario files (for editors), or writes it to FILE;
with --module, the schema of scenarios that use those modules (their ways of
working, shock kinds and parameters, each with its default, range, unit and
description).

${MODULE_USAGE}
`;

/** Runs the command; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, { command: 'schema', usage: USAGE, options: { out: { type: 'string', short: 'o' }, ...MODULE_OPTIONS }, positionals: { max: 0 } });
  if (args === null) return 0;
  const out = args.values.out !== undefined ? checkOutputPath('--out', args.values.out, 'file', 'scenario.schema.json') : undefined;
  if (args.values['allow-modules'] === true) throw new UserError('schema: --allow-modules is for commands that read a scenario; give the module files with --module');
  const { registry } = await commandModules(args.values);
  const text = scenarioJsonSchemaText(registry);
  if (out === undefined) {
    process.stdout.write(text);
    return 0;
  }
  writeFilesTogether([{ path: out, write: (f) => f.write(text) }]);
  process.stderr.write(`wrote ${args.values.out}\n`);
  return 0;
}
