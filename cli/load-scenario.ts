// Finding and reading scenario files for the commands: a path, or the name of a
// built-in scenario (`scenarios/<name>.json` in the package), with JSON errors
// located by line and column. The data files of `file` layers are read by
// io/read-files.ts (the sweep's workers read them too).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from './errors.ts';
import { closest } from '../engine/scenario/validate.ts';
import { statOrNull } from '../io/read-files.ts';
import { decodeJsonBytes, findJsonProblem, JsonBytesProblem, locate } from './json-text.ts';

/** The package's root directory (where package.json is). */
export const packageRoot: string = fileURLToPath(new URL('..', import.meta.url));
/** Where the built-in scenarios live. */
export const scenariosDir: string = resolve(packageRoot, 'scenarios');

const MAX_SCENARIO_BYTES = 50 * 1024 * 1024;

/** A scenario (or sweep) file's parsed JSON, the directory its relative paths start from, and its name. */
export interface ScenarioSource {
  input: unknown;
  baseDir: string;
  sourceName: string;
  /** The absolute path of the file read. */
  path: string;
}

/** The built-in scenarios' names: `scenarios/*.json` without the schema, sorted, `classroom` first. */
export function builtinScenarioNames(): string[] {
  let entries: string[];
  try {
    entries = readdirSync(scenariosDir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.json') && e.name !== 'scenario.schema.json')
      .map((e) => e.name.slice(0, -'.json'.length));
  } catch {
    return [];
  }
  entries.sort();
  const i = entries.indexOf('classroom');
  if (i > 0) entries.unshift(...entries.splice(i, 1));
  return entries;
}

const looksLikePath = (s: string) => /[\\/]/.test(s) || /\.json$/i.test(s) || s.startsWith('.');

/**
 * Reads a scenario given as a path (relative to `fromDir`, default the working
 * directory) or a built-in name. Throws UserError when it is missing, unreadable
 * or not JSON (with line and column).
 */
export function loadScenarioSource(nameOrPath: string, fromDir: string = process.cwd()): ScenarioSource {
  if (typeof nameOrPath !== 'string' || nameOrPath.trim() === '') {
    throw new UserError('expected a scenario file or a built-in scenario name, got nothing');
  }
  const asPath = resolve(fromDir, nameOrPath);
  const stat = statOrNull(asPath);
  if (stat?.isDirectory()) throw new UserError(`${nameOrPath}: is a directory; give a scenario .json file`);
  if (stat?.isFile()) return { input: readJsonFile(asPath, nameOrPath), baseDir: dirname(asPath), sourceName: nameOrPath, path: asPath };
  const names = builtinScenarioNames();
  if (!looksLikePath(nameOrPath) && names.includes(nameOrPath)) {
    const path = resolve(scenariosDir, `${nameOrPath}.json`);
    return { input: readJsonFile(path, nameOrPath), baseDir: scenariosDir, sourceName: nameOrPath, path };
  }
  const hint = closest(nameOrPath.replace(/\.json$/i, ''), names);
  const list = names.length > 0 ? `; built-in scenarios: ${names.join(', ')}` : '';
  throw new UserError(
    `no scenario "${nameOrPath}": not a file${looksLikePath(nameOrPath) ? '' : ', nor a built-in scenario'}${hint !== undefined ? `; did you mean "${hint}"?` : ''}${list}`,
  );
}

/** The file at `path` checked (exists, a file, not over `maxBytes`) and read as bytes; UserError otherwise. */
function readBytes(path: string, label: string, maxBytes: number): Buffer {
  const stat = statOrNull(path);
  if (stat === null) throw new UserError(`${label}: no such file (${path})`);
  if (!stat.isFile()) throw new UserError(`${label}: not a file (${path})`);
  if (stat.size > maxBytes) {
    throw new UserError(`${label}: ${Math.round(stat.size / 2 ** 20)} MB is over the limit of ${Math.round(maxBytes / 2 ** 20)} MB for this file`);
  }
  try {
    return readFileSync(path);
  } catch (e) {
    throw new UserError(`${label}: cannot read it (${(e as Error).message})`);
  }
}

/**
 * Reads and parses a JSON file the user gives (scenario, sweep file, replay
 * bundle, manifest). Everything that is not plain UTF-8 JSON is a UserError
 * that says what and where (cli/json-text.ts): the encoding (UTF-16, invalid
 * UTF-8 by byte offset), a syntax error (`file:line:column`), and what
 * JSON.parse would accept silently (a repeated key, 1e999, deep nesting).
 */
export function readJsonFile(path: string, label: string = path): unknown {
  const text = decodeJsonBytes(readBytes(path, label, MAX_SCENARIO_BYTES));
  if (text instanceof JsonBytesProblem) throw new UserError(`${label}: ${text.message}`);
  const problem = findJsonProblem(text);
  if (problem !== null) throw new UserError(locate(text, label, problem));
  try {
    return JSON.parse(text);
  } catch (e) {
    // findJsonProblem accepts only what JSON.parse does: reaching here is a bug in it.
    throw new Error(`${label}: JSON.parse refused a text the checker accepted: ${(e as Error).message}`);
  }
}

/**
 * The offset and a plain description of the first JSON syntax error (or
 * refused construct: a repeated key, an overflowing number, deep nesting), or null.
 */
export function findJsonError(text: string): { at: number; message: string } | null {
  const p = findJsonProblem(text);
  return p === null ? null : { at: p.at, message: p.message };
}
