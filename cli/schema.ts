// `equipotent schema [--out FILE]`: prints the scenario JSON Schema, or writes it
// (the shipped copy is `scenarios/scenario.schema.json`; `npm run build` refreshes it).
import { writeFileSync } from 'node:fs';
import { parseCommandArgs } from './args.ts';
import { UserError } from './errors.ts';
import { scenarioJsonSchemaText } from '../engine/scenario/json-schema.ts';

const USAGE = `usage: equipotent schema [--out FILE]

Prints the JSON Schema of scenario files (for editors), or writes it to FILE.
`;

/** Runs the command; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, { command: 'schema', usage: USAGE, options: { out: { type: 'string', short: 'o' } }, positionals: { max: 0 } });
  if (args === null) return 0;
  const text = scenarioJsonSchemaText();
  if (args.values.out === undefined) {
    process.stdout.write(text);
    return 0;
  }
  try {
    writeFileSync(args.values.out, text);
  } catch (e) {
    throw new UserError(`--out ${args.values.out}: cannot write it (${(e as Error).message})`);
  }
  process.stderr.write(`wrote ${args.values.out}\n`);
  return 0;
}
