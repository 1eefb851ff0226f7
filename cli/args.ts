// Command-line options for every command, on node's own `util.parseArgs`, with
// the errors a user can act on: an unknown option is named with a "did you
// mean", a bad integer names the option and its range. All are UserErrors (exit 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from './errors.ts';
import { parseSetArg } from '../engine/scenario/overrides.ts';
import { findJsonProblem } from './json-text.ts';
import { closest, formatNumber } from '../engine/scenario/validate.ts';

/** Option declarations as `util.parseArgs` takes them. */
export type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** What a command accepts: its name (for messages), its usage text, its options. */
export interface CommandSpec<O extends ParseArgsOptionsConfig> {
  /** The command's name, e.g. `run`. */
  command: string;
  /** Printed by `--help`/`-h` (added to every command). */
  usage: string;
  options: O;
  /** How many positional arguments (default: any number). */
  positionals?: { min?: number; max?: number; name?: string };
}

type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>
>;

/** Parsed options and positionals. */
export interface CommandArgs<O extends ParseArgsOptionsConfig> {
  values: Parsed<O>['values'];
  positionals: string[];
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * Parses `argv` (the words after the command) against `spec`; returns null when
 * `--help` was asked for (the usage is then printed on stdout and the command
 * should return 0). Throws UserError for unknown options, missing values and a
 * wrong number of positionals.
 */
export function parseCommandArgs<const O extends ParseArgsOptionsConfig>(
  argv: readonly string[],
  spec: CommandSpec<O>,
): CommandArgs<O> | null {
  const options = { ...spec.options, ...HELP };
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true }) as typeof parsed;
  } catch (e) {
    throw new UserError(argError(e, spec.command, options));
  }
  if (parsed.values.help === true) {
    process.stdout.write(spec.usage.endsWith('\n') ? spec.usage : `${spec.usage}\n`);
    return null;
  }
  const { min = 0, max = Infinity, name = 'argument' } = spec.positionals ?? {};
  const n = parsed.positionals.length;
  if (n < min) {
    throw new UserError(`${spec.command}: expected ${min === max ? min : `at least ${min}`} ${name}${min === 1 ? '' : 's'}, got ${n}\n${spec.usage.trimEnd()}`);
  }
  if (n > max) {
    const extra = parsed.positionals.slice(max).map((p) => JSON.stringify(p)).join(' ');
    throw new UserError(`${spec.command}: unexpected argument ${extra} (takes ${max === 0 ? 'none' : `at most ${max}`})\n${spec.usage.trimEnd()}`);
  }
  delete parsed.values.help;
  return { values: parsed.values as Parsed<O>['values'], positionals: parsed.positionals };
}

function argError(e: unknown, command: string, options: ParseArgsOptionsConfig): string {
  const err = e as { code?: string; message?: string };
  const message = String(err.message ?? e);
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = /option '([^']+)'/i.exec(message)?.[1] ?? message;
    const longs = Object.keys(options).map((k) => `--${k}`);
    const hint = closest(name.replace(/^-+/, '--'), longs);
    return `${command}: unknown option ${name}${hint !== undefined ? `; did you mean ${hint}?` : `; the options are ${longs.join(', ')}`}`;
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /Option '(--?[A-Za-z0-9-]+)/.exec(message)?.[1];
    if (/ambiguous/.test(message) && name) return `${command}: ${name} needs a value; to give one starting with "-", write ${name}=-…`;
    if (/missing/.test(message) && name) return `${command}: ${name} needs a value`;
    if (/does not take an argument/.test(message) && name) return `${command}: ${name} is a switch and takes no value`;
  }
  return `${command}: ${message.split('\n')[0]}`;
}

/**
 * Reads an integer option: undefined when absent, else an integer in
 * [min, max], or a UserError naming the option and the range.
 */
export function intOption(name: string, raw: string | undefined, range: { min: number; max: number }): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  const value = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw new UserError(`--${name}: expected an integer ${formatNumber(range.min)} … ${formatNumber(range.max)}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** A positive number of seconds (e.g. `--timeout 90`, `--timeout 2.5`), or undefined when absent. */
export function secondsOption(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  const value = /^\+?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
  if (!(value > 0) || value > 7 * 24 * 3600) {
    throw new UserError(`--${name}: expected a number of seconds > 0 (at most a week, 604800), got ${JSON.stringify(raw)}`);
  }
  return value;
}

/**
 * Parses one `--set path=value` (see `parseSetArg`); a JSON value is held to
 * the rules of JSON files (cli/json-text.ts): a repeated key, a number that
 * overflows (1e999) or deep nesting is a UserError, not a silent Infinity.
 */
export function setOption(arg: string): [string, unknown] {
  const parsed = parseSetArg(arg);
  const text = arg.slice(arg.indexOf('=') + 1);
  if (parsed[1] !== text) {
    const problem = findJsonProblem(text.trim());
    if (problem !== null && !problem.syntax) throw new UserError(`--set "${arg}": ${problem.message}`);
  }
  return parsed;
}

/** Parses repeated `--set path=value` options (see `setOption`); throws OverrideError or UserError. */
export function setOptions(raw: readonly string[] | undefined): [string, unknown][] {
  return (raw ?? []).map(setOption);
}
