// `equipotent list`: the built-in scenarios, one line each: name, then the first
// sentence of its description.
import { parseCommandArgs } from './args.ts';
import { builtinScenarioNames, loadScenarioSource } from './load-scenario.ts';
import { commandModules, MODULE_OPTIONS, MODULE_USAGE } from './module-options.ts';
import { UserError } from './errors.ts';

const USAGE = `usage: equipotent list [--module F]…

Lists the built-in scenarios: a name to give to run, graph or validate, and what
it shows; with --module, then the modules those files declare (kind, name, what
it does, the file's sha256).

${MODULE_USAGE}
`;

/** The first sentence of a description (up to the first ". ", or the whole first line). */
export function firstSentence(text: string): string {
  const line = text.trim().split('\n')[0]!.trim();
  const m = /^(.+?[.!?])(\s|$)/.exec(line);
  return m ? m[1]! : line;
}

/** Runs the command; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, { command: 'list', usage: USAGE, options: { ...MODULE_OPTIONS }, positionals: { max: 0 } });
  if (args === null) return 0;
  if (args.values['allow-modules'] === true) throw new UserError('list: --allow-modules is for commands that read a scenario; give the module files with --module');
  const modules = await commandModules(args.values);
  const names = builtinScenarioNames();
  if (names.length === 0) {
    process.stderr.write('equipotent: no built-in scenarios found\n');
    return 1;
  }
  const width = Math.max(...names.map((n) => n.length));
  for (const name of names) {
    let about: string;
    try {
      const { input } = loadScenarioSource(name);
      const d = typeof input === 'object' && input !== null ? (input as { description?: unknown; name?: unknown }) : {};
      about = typeof d.description === 'string' ? firstSentence(d.description) : typeof d.name === 'string' ? d.name : '';
    } catch {
      about = '(cannot be read: run `equipotent validate` on it)';
    }
    process.stdout.write(`${name.padEnd(width)}  ${about}\n`.replace(/\s+\n$/, '\n'));
  }
  if (modules.files.length > 0) {
    process.stdout.write('\nmodules loaded:\n');
    for (const f of modules.files) {
      for (const m of f.modules) process.stdout.write(`${m.kind.padEnd(8)}  ${m.name}  ${firstSentence(m.description)} (${f.given}, sha256 ${f.sha256})\n`);
    }
  }
  return 0;
}
