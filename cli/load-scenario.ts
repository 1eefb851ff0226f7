// Finding and reading scenario files for the commands: a path, or the name of a
// built-in scenario (`scenarios/<name>.json` in the package), with JSON errors
// located by line and column. The data files of `file` layers are read by
// io/read-files.ts (the sweep's workers read them too).
import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from './errors.ts';
import { closest } from '../engine/scenario/validate.ts';
import { readText, statOrNull } from '../io/read-files.ts';

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

/** Reads and parses a JSON file; a syntax error becomes a UserError `file:line:column: …`. */
export function readJsonFile(path: string, label: string = path): unknown {
  let text = readText(path, label, MAX_SCENARIO_BYTES);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (e) {
    const found = findJsonError(text) ?? { at: text.length, message: (e as Error).message };
    const { line, column, lineText } = lineAndColumn(text, found.at);
    const caret = `${' '.repeat(Math.max(0, Math.min(column - 1, 200)))}^`;
    throw new UserError(`${label}:${line}:${column}: not valid JSON: ${found.message}\n  ${lineText.slice(0, 200)}\n  ${caret}`);
  }
}

function lineAndColumn(text: string, at: number): { line: number; column: number; lineText: string } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  return { line, column: at - start + 1, lineText: text.slice(start, end).replace(/\r$/, '').replace(/\t/g, ' ') };
}

/**
 * The offset and a plain description of the first JSON syntax error, or null.
 * (JSON.parse's messages do not always give a position.)
 */
export function findJsonError(text: string): { at: number; message: string } | null {
  let i = 0;
  const fail = (message: string, at = i) => {
    throw { at, message };
  };
  const ws = () => {
    for (;;) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) fail('JSON does not allow comments');
      else return;
    }
  };
  const str = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) fail('a string is not closed; add the closing "');
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 32) fail(c === 10 ? 'a string runs past the end of the line; close it with "' : 'a control character inside a string; escape it');
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('a \\u escape needs four hex digits');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`unknown escape \\${e ?? ''}`);
      } else i++;
    }
  };
  const num = () => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m) fail('expected a value (a number, string, true, false, null, object or list)');
    i += m![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 5000) fail('nested too deeply');
    ws();
    const c = text[i];
    if (c === undefined) fail('the file ends where a value was expected');
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(text[i] === '}' ? 'JSON does not allow a trailing comma; remove the last ","' : 'expected a key in double quotes');
        str();
        ws();
        if (text[i] !== ':') fail('expected ":" after the key');
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(text[i] === undefined ? 'the file ends inside an object; add "}"' : 'expected "," or "}" after a value');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === ']') fail('JSON does not allow a trailing comma; remove the last ","');
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(text[i] === undefined ? 'the file ends inside a list; add "]"' : 'expected "," or "]" after a value');
      }
    }
    if (c === '"') return str();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (c === "'") fail('JSON strings use double quotes');
    num();
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail('unexpected text after the end of the JSON value');
    return null;
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'at' in e) return e as { at: number; message: string };
    throw e;
  }
}
