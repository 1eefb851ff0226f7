// The `equipotent` command: dispatches `equipotent <command> [args]` to
// `cli/<command>.ts`, whose `main(argv)` returns the exit code (CONTRACT.md:
// 0 done, 1 the run failed, 2 the user's input is wrong). User mistakes (the
// UserInputError family of cli/errors.ts) and runs that failed for a reason the
// user can act on (a full disk, a replay that does not verify) are plain lines
// on stderr, never a stack trace; anything else is an internal error (exit 1),
// with the stack only when EQUIPOTENT_DEBUG=1.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isUserInputError, RunFailedError, writeFailure } from './errors.ts';
import { closest } from '../engine/scenario/validate.ts';

/** The commands, in the order `help` lists them, with their one-line synopsis. */
export const COMMANDS = {
  run: ['<scenario> [--seed N] [--ticks N] [--variant L] [--set path=value]… [--json]', 'run a scenario\'s variants and print a summary'],
  sweep: ['<sweep.json> [--jobs N] [--out DIR] [--shard i/N] [--resume]', 'run a parameter grid × seeds × variants'],
  merge: ['<DIR>… --out DIR', 'join sweep shards into one result'],
  graph: ['<scenario> [--at T] [--layer formal|informal] [--out F.csv]', 'export the ties at a tick as source,target'],
  validate: ['<file>…', 'check scenario and sweep files'],
  list: ['', 'list the built-in scenarios'],
  check: ['[--quick]', 'run the validation set (theory and scenario claims)'],
  bench: ['[--quick] [--only W1,W3] [--json]', 'run the benchmark suite'],
  schema: ['[--out FILE]', 'print or write the scenario JSON Schema'],
} as const;

type Command = keyof typeof COMMANDS;

/** A command module: `main(argv)` resolves to the exit code. */
interface CommandModule {
  main?: (argv: string[]) => Promise<number>;
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The usage text listing every command. */
export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, [args, what]]) => `  ${name.padEnd(width)}  ${what}${args ? `\n  ${' '.repeat(width)}    ${name} ${args}` : ''}`);
  return [
    'usage: equipotent <command> [options]',
    '',
    'commands:',
    ...lines,
    '',
    '<scenario> is a scenario file or a built-in scenario\'s name (see `equipotent list`).',
    'Run `equipotent <command> --help` for a command\'s options; `equipotent --version` for the version.',
    '',
  ].join('\n');
}

const isCommand = (name: string): name is Command => Object.hasOwn(COMMANDS, name);

/** Runs one command line; resolves to the exit code. Never throws. */
export async function dispatch(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined) {
      process.stderr.write(usage());
      return 2;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      if (first === 'help' && rest[0] !== undefined) {
        if (!isCommand(rest[0])) return unknownCommand(rest[0]);
        return await runCommand(rest[0], ['--help']);
      }
      process.stdout.write(usage());
      return 0;
    }
    if (first === '--version' || first === '-v' || first === 'version') {
      process.stdout.write(`equipotent ${version()}\n`);
      return 0;
    }
    if (!isCommand(first)) return unknownCommand(first);
    return await runCommand(first, rest);
  } catch (e) {
    return reportError(e);
  }
}

function unknownCommand(name: string): number {
  const hint = closest(name, Object.keys(COMMANDS));
  const what = name.startsWith('-') ? `unknown option ${name}` : `unknown command "${name}"`;
  process.stderr.write(`equipotent: ${what}${hint !== undefined ? `; did you mean "${hint}"?` : ''}\n\n${usage()}`);
  return 2;
}

async function runCommand(name: Command, args: readonly string[]): Promise<number> {
  const file = new URL(`./${name}.ts`, import.meta.url);
  if (!existsSync(fileURLToPath(file))) {
    process.stderr.write(`equipotent: the command "${name}" is not available in this version\n`);
    return 1;
  }
  const mod = (await import(`./${name}.ts`)) as CommandModule;
  if (typeof mod.main !== 'function') throw new Error(`cli/${name}.ts does not export main(argv)`);
  const code = await mod.main([...args]);
  return Number.isInteger(code) ? code : 0;
}

/** Prints an error the CLI way; returns its exit code (2 for a user's mistake, else 1). */
export function reportError(e: unknown): number {
  if (isUserInputError(e)) {
    process.stderr.write(`equipotent: ${e.message}\n`);
    return 2;
  }
  // A failed run the user can act on; a write that found the disk full anywhere
  // (a journal line, a result file) is one too.
  const failed = e instanceof RunFailedError || (e instanceof Error && e.name === 'RunFailedError') ? e : writeFailure(e);
  if (failed) {
    process.stderr.write(`equipotent: ${failed.message}\n`);
    return 1;
  }
  const message = e instanceof Error ? e.message : String(e);
  const debug = process.env.EQUIPOTENT_DEBUG === '1';
  const stack = debug && e instanceof Error && e.stack ? `\n${e.stack}` : '';
  const hint = debug ? '' : '\n(set EQUIPOTENT_DEBUG=1 to see where)';
  process.stderr.write(`equipotent: internal error: ${message}${stack}${hint}\n`);
  return 1;
}

// `equipotent … | head` closes stdout early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  process.exit(e.code === 'EPIPE' ? (process.exitCode ?? 0) : reportError(e));
});
// Errors thrown outside a command's promise (callbacks, streams) get the same treatment.
process.on('uncaughtException', (e) => process.exit(reportError(e)));
process.on('unhandledRejection', (e) => process.exit(reportError(e)));

process.exitCode = await dispatch(process.argv.slice(2));
