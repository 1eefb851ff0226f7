// Loading a user's module files (`--module ./file.mjs`, a scenario's `modules`
// with --allow-modules; CONTRACT.md "v2 additions" → Modules): each file is read,
// its sha256 taken (the provenance recorded beside the state hash), imported
// under a URL that carries that hash (so a changed file is a new module, never a
// cached old one), and its default export called with the module API. Every way
// a file can be wrong is a ModuleFileError (exit 2) naming the file and the fix;
// an error thrown by the module's own code shows the module's stack frames, not
// the engine's.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserInputError, isUserInputError } from '../io/errors.ts';
import { moduleApi, type ModuleApi } from '../engine/modules/api.ts';
import { checkDeclarations, withUserModules } from '../engine/modules/user-modules.ts';
import { builtinRegistry, type Registry } from '../engine/modules/registry.ts';
import type { Module } from '../engine/modules/types.ts';

/** A module file that cannot be used: which file, what is wrong, the fix. Exit 2. */
export class ModuleFileError extends UserInputError {
  constructor(message: string) {
    super(message);
    this.name = 'ModuleFileError';
  }
}

/** One module file as loaded. */
export interface ModuleFile {
  /** The path as the user wrote it (messages). */
  given: string;
  /** The absolute path. */
  path: string;
  /** SHA-256 of the file's bytes (hex). */
  sha256: string;
  /** The declarations its default export returned, checked. */
  modules: Module[];
}

/** Files given on a command line or in a scenario, loaded and joined to the built-ins. */
export interface LoadedModules {
  registry: Registry;
  files: ModuleFile[];
}

/**
 * True when this process runs TypeScript through a loader (the `equipotent`
 * command registers tsx; this very file is then a `.ts` URL). A bundled sweep
 * worker runs plain JavaScript: there a `.ts` module cannot load.
 */
export const TYPESCRIPT_LOADER = import.meta.url.endsWith('.ts');

const SOURCE_EXTENSIONS = new Set(['.mjs', '.js']);
const TS_EXTENSIONS = new Set(['.ts', '.mts']);

/** SHA-256 (hex) of a file's bytes. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The provenance record: module name → the sha256 of the file that declared it. */
export function moduleHashes(files: readonly ModuleFile[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of files) for (const m of f.modules) out[m.name] = f.sha256;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Loads one module file (`given`, relative to `fromDir`); with `expected`, its
 * sha256 must be that one (a sweep's workers and a resumed sweep refuse a file
 * changed since). `label` prefixes messages (`--module ./x.mjs`).
 */
export async function loadModuleFile(given: string, fromDir: string = process.cwd(), expected?: string, label = `--module ${given}`): Promise<ModuleFile> {
  const path = resolve(fromDir, given);
  const ext = extname(path).toLowerCase();
  if (TS_EXTENSIONS.has(ext)) {
    if (!TYPESCRIPT_LOADER) {
      throw new ModuleFileError(`${label}: a ${ext} module loads only through the TypeScript loader of the equipotent command (bin/equipotent.mjs); run it with that command, or compile it to .mjs`);
    }
  } else if (!SOURCE_EXTENSIONS.has(ext)) {
    throw new ModuleFileError(`${label}: a module is an ES module file ending in .mjs or .js (or .ts with the equipotent command), got "${ext || 'no extension'}"`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ModuleFileError(`${label}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a module file' : `cannot read it (${(e as Error).message})`} (${path})`);
  }
  const sha256 = sha256Of(bytes);
  if (expected !== undefined && expected !== sha256) {
    throw new ModuleFileError(`${label}: the file changed: its sha256 is ${sha256}, but this sweep was started with ${expected}; restore that file, or start the sweep again in another --out`);
  }
  const url = `${pathToFileURL(path).href}?sha256=${sha256}`;
  let exported: Record<string, unknown>;
  try {
    exported = (await import(url)) as Record<string, unknown>;
  } catch (e) {
    throw new ModuleFileError(`${label}: ${await importProblem(e, path, bytes, ext)}`);
  }
  const factory = exported.default;
  if (factory === undefined) {
    throw new ModuleFileError(`${label}: the file has no default export; end it with \`export default function (api) { return { kind, name, apiVersion: api.apiVersion, … }; }\` (docs/extending.md)`);
  }
  if (typeof factory !== 'function') {
    throw new ModuleFileError(`${label}: the default export must be a function of the module API, \`export default function (api) { return { … }; }\`, got ${factory === null ? 'null' : typeof factory}`);
  }
  // The file's own API: its streams are bound to the names it declares (below), never another module's.
  const { api, own } = moduleApi();
  let declared: unknown;
  try {
    declared = (factory as (api: ModuleApi) => unknown)(api);
  } catch (e) {
    throw new ModuleFileError(`${label}: the module threw while setting up: ${describeThrown(e, [{ given, path }])}`);
  }
  try {
    const modules = checkDeclarations(declared, label);
    own(modules.map((m) => m.name));
    return { given, path, sha256, modules };
  } catch (e) {
    if (e instanceof Error && e.name === 'ModuleError') throw new ModuleFileError(e.message);
    throw e;
  }
}

/** A loaded file as a worker process is told of it: every worker loads the same bytes. */
export interface ModuleFileRef {
  path: string;
  sha256: string;
}

/** The files a worker must load, from the ones its parent loaded. */
export function moduleFileRefs(files: readonly ModuleFile[]): ModuleFileRef[] {
  return files.map((f) => ({ path: f.path, sha256: f.sha256 }));
}

/** In a worker process: loads the same files as its parent, each sha256 checked (null when there are none). */
export function loadSameModules(refs: readonly ModuleFileRef[] = []): Promise<LoadedModules | null> {
  return refs.length === 0 ? Promise.resolve(null) : loadModules(refs.map((m) => ({ given: m.path, expected: m.sha256, label: `module ${m.path}` })));
}

/** Loads every file (in the order given) and joins their modules to the built-ins. */
export async function loadModules(files: readonly { given: string; fromDir?: string; expected?: string; label?: string }[], base: Registry = builtinRegistry()): Promise<LoadedModules> {
  const loaded: ModuleFile[] = [];
  for (const f of files) {
    const file = await loadModuleFile(f.given, f.fromDir, f.expected, f.label);
    if (loaded.some((o) => o.path === file.path)) continue; // the same file twice (command line and scenario) is loaded once
    loaded.push(file);
  }
  try {
    return { registry: withUserModules(loaded.flatMap((f) => f.modules), base), files: loaded };
  } catch (e) {
    if (e instanceof Error && e.name === 'ModuleError') {
      const names = loaded.map((f) => f.given).join(', ');
      throw new ModuleFileError(`--module ${names}: ${e.message}`);
    }
    throw e;
  }
}

/** Why an import failed: a syntax error located by line and column, a missing import, or the module's own throw. */
async function importProblem(e: unknown, path: string, bytes: Buffer, ext: string): Promise<string> {
  const err = e as NodeJS.ErrnoException;
  // Loaders word syntax errors their own way (Node, tsx, vite): the file is parsed again here to say where.
  const where = await locateSyntaxError(bytes.toString('utf8'), ext);
  if (where !== null || err?.name === 'SyntaxError') {
    const cjs = /Unexpected token 'export'|Cannot use import statement/.test(String(err.message)) && ext === '.js'
      ? '; a .js file is read as CommonJS unless its package.json says "type": "module": rename it .mjs'
      : '';
    return `syntax error${where ? ` at ${path}:${where.line}:${where.column}: ${where.text}` : `: ${err.message}`}${cjs}`;
  }
  if (err?.code === 'ERR_MODULE_NOT_FOUND') return `an import in it cannot be found: ${err.message.split('\n')[0]}`;
  if (err?.code === 'ERR_UNKNOWN_FILE_EXTENSION') return `${err.message}; a module is an .mjs or .js file`;
  return `the module threw while loading: ${describeThrown(e, [{ given: path, path }])}`;
}

/** The first syntax error's line, column and words (esbuild parses exactly as written), or null. */
async function locateSyntaxError(code: string, ext: string): Promise<{ line: number; column: number; text: string } | null> {
  try {
    const esbuild = await import('esbuild');
    await esbuild.transform(code, { loader: TS_EXTENSIONS.has(ext) ? 'ts' : 'js', format: 'esm', logLevel: 'silent' });
    return null;
  } catch (e) {
    const first = (e as { errors?: { text: string; location?: { line: number; column: number } }[] }).errors?.[0];
    return first?.location ? { line: first.location.line, column: first.location.column + 1, text: first.text } : null;
  }
}

/**
 * What a module threw: its message and the stack frames in the module's own
 * files (the engine's frames left out: the fix is in the module).
 */
export function describeThrown(e: unknown, files: readonly { given: string; path: string }[]): string {
  if (!(e instanceof Error)) return String(e);
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => {
      for (const f of files) {
        const href = pathToFileURL(f.path).href;
        if (line.includes(href) || line.includes(f.path)) return line.replace(new RegExp(`(?:${escape(href)}|${escape(f.path)})(?:\\?sha256=[0-9a-f]+)?`, 'g'), f.given);
      }
      return null;
    })
    .filter((l): l is string => l !== null);
  return `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}${frames.length > 0 ? `\n${frames.join('\n')}` : ''}`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Runs `f` (a simulation built or stepped with user modules): an error thrown
 * from a module's own code becomes a ModuleFileError naming the file, with the
 * module's frames; the user's other mistakes and the engine's bugs pass through.
 */
export function moduleFacing<T>(files: readonly ModuleFile[], f: () => T): T {
  try {
    return f();
  } catch (e) {
    // A ModuleError raised under a module's own frames (it drew another module's stream) is the module's: named too.
    if (files.length === 0 || !(e instanceof Error) || (isUserInputError(e) && e.name !== 'ModuleError')) throw e;
    const culprit = files.find((file) => (e.stack ?? '').includes(pathToFileURL(file.path).href) || (e.stack ?? '').includes(file.path));
    if (culprit === undefined) throw e;
    const names = culprit.modules.map((m) => `"${m.name}"`).join(', ');
    throw new ModuleFileError(`${culprit.given}: module ${names} threw during the run: ${describeThrown(e, files)}`);
  }
}
