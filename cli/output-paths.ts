// Output paths checked before any run starts (CONTRACT.md "Outputs"): a path
// where a file will be written (`run --series/--events`, `graph --out`,
// `schema --out`) or a folder created (`sweep --out`, `merge --out`) is refused
// with the path and a fix when it cannot work — inside a kernel's virtual file
// system (/proc, /sys: Node's recursive mkdir spins there forever), below a
// file, a folder where a file goes or the reverse, no write permission, a
// read-only file system — so that a mistake costs a second, not a whole run
// followed by "internal error".
//
// A missing parent: refused for a file (a typo in --series should not make
// folders), created for an output folder, like `mkdir -p`, once the nearest
// existing folder is known to be a writable folder on a disk: the documented
// workflows write `--out results/<name>` into a `results/` not yet made, by
// several shards at once (docs/research.md, docs/cluster.md).
import { accessSync, constants, mkdirSync, realpathSync, statfsSync, statSync, type Stats } from 'node:fs';
import { dirname, parse, resolve, sep } from 'node:path';
import { UserError } from './errors.ts';

/** What goes at the path: a file (written to a temporary name, then renamed) or a folder (created, then filled). */
export type OutputKind = 'file' | 'folder';

/** statfs magic numbers of the kernel's virtual file systems (linux/magic.h). */
const VIRTUAL_FS: ReadonlyMap<number, string> = new Map([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0xcafe4a11, 'bpf'],
]);

const VIRTUAL_ROOTS = ['/proc', '/sys'];

/** A file name to suggest for each option's file. */
const EXAMPLES: Readonly<Record<string, string>> = { '--series': 'series.csv', '--events': 'events.csv', '--people': 'people.csv' };

const underRoot = (path: string, root: string) => path === root || path.startsWith(`${root}/`);

/** The nearest existing folder at or above `abs` (the file system's root at worst). */
function nearestExisting(abs: string): string {
  let p = abs;
  for (;;) {
    if (statOrNull(p) !== null) return p;
    const up = dirname(p);
    if (up === p) return p;
    p = up;
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * The name of the kernel's virtual file system `abs` is in (`/proc`, `/sys`, or
 * a mount of one elsewhere), or null. Nothing can be created there.
 */
export function virtualFileSystem(abs: string): string | null {
  for (const root of VIRTUAL_ROOTS) if (underRoot(abs, root)) return root;
  const existing = nearestExisting(abs);
  try {
    const real = realpathSync(existing);
    for (const root of VIRTUAL_ROOTS) if (underRoot(real, root)) return root;
    const type = VIRTUAL_FS.get(Number(statfsSync(existing).type));
    if (type !== undefined) return `a ${type} file system`;
  } catch {
    // cannot tell (no statfs here, or no permission): the other checks still apply
  }
  return null;
}

/** An errno code as words, for the few a path check meets. */
function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'no permission';
  if (code === 'EROFS') return 'a read-only file system';
  if (code === 'ELOOP') return 'a loop of symbolic links';
  if (code === 'ENAMETOOLONG') return 'the name is too long';
  return (e as Error).message;
}

/**
 * Checks that a `kind` can be written at `given` (the option's value) before
 * any work starts; returns the absolute path. Throws a UserError naming the
 * option, the path and the fix.
 */
export function checkOutputPath(option: string, given: string, kind: OutputKind, example = EXAMPLES[option] ?? 'out.csv'): string {
  const thing = kind === 'file' ? 'a file' : 'a folder';
  if (typeof given !== 'string' || given.trim() === '') throw new UserError(`${option}: expected the path of ${thing}, got an empty one`);
  const abs = resolve(given);
  const refuse = (what: string, fix: string) => new UserError(`${option} ${given}: ${what}; ${fix}`);

  const virtual = virtualFileSystem(abs);
  if (virtual !== null) {
    throw refuse(`is inside ${virtual}, the kernel's virtual file system, where no ${kind} can be created`, `write to a folder on a disk, e.g. ${kind === 'file' ? `./${parse(abs).base || 'out.csv'}` : './results'}`);
  }

  // Every folder on the way must be a folder; a file's parent must exist (an output folder's are made).
  const parent = dirname(abs);
  const { root } = parse(abs);
  let at = root;
  let existing = root; // the nearest existing folder above abs
  for (const part of parent.slice(root.length).split(sep).filter((p) => p !== '')) {
    at = at === root ? `${root}${part}` : `${at}${sep}${part}`;
    let st: Stats;
    try {
      st = statSync(at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && kind === 'folder') break;
      if (code === 'ENOENT') throw refuse(`the folder ${parent} does not exist`, `create it first (mkdir -p ${JSON.stringify(parent)}), or choose a path in an existing folder`);
      if (code === 'ENOTDIR') break; // reported below, at the file on the way
      throw refuse(`cannot look into ${at} (${why(e)})`, 'choose a path you can write to');
    }
    if (!st.isDirectory()) {
      throw refuse(`${at} is a file, not a folder, so nothing can be written below it`, `choose a path in a folder (e.g. next to it: ${JSON.stringify(`${dirname(at)}${sep}${kind === 'file' ? parse(abs).base : 'results'}`)})`);
    }
    existing = at;
  }

  const here = statOrNull(abs);
  if (kind === 'file' && here !== null) {
    if (here.isDirectory()) throw refuse('is a folder, but a file is written here', `give a file name, e.g. ${JSON.stringify(`${abs}${sep}${example}`)}`);
    if (!here.isFile()) throw refuse('is not a regular file (a device, pipe or socket); the output is written to a temporary file and renamed into place', 'give the path of a regular file');
    try {
      accessSync(abs, constants.W_OK);
    } catch (e) {
      throw refuse(`exists and cannot be replaced (${why(e)})`, 'make it writable (chmod u+w), or choose another path');
    }
  }
  if (kind === 'folder' && here !== null) {
    if (!here.isDirectory()) throw refuse('is a file, but the results go in a folder', 'choose a new folder name (it is created), or an existing folder');
    try {
      accessSync(abs, constants.W_OK | constants.X_OK);
    } catch (e) {
      throw refuse(`cannot write in this folder (${why(e)})`, 'make it writable (chmod u+wx), or choose another --out');
    }
    return abs;
  }
  // A new file or folder (or a file replaced through a temporary one) is an entry in the
  // parent; the folders still to make are entries in the nearest existing one.
  const into = kind === 'file' ? parent : existing;
  try {
    accessSync(into, constants.W_OK | constants.X_OK);
  } catch (e) {
    throw refuse(`cannot create ${thing} in ${into} (${why(e)})`, `make ${into} writable (chmod u+wx), or choose a path in a folder you can write to`);
  }
  return abs;
}

/** Creates a checked output folder (and the folders above it still missing; several shards may race: fine). */
export function makeOutputFolder(abs: string): void {
  mkdirSync(abs, { recursive: true });
}

/** Checks several output paths at once, refusing one path given twice (one would overwrite the other). */
export function checkOutputPaths(outputs: readonly { option: string; path: string | undefined; kind: OutputKind }[]): Map<string, string> {
  const resolved = new Map<string, string>();
  const owner = new Map<string, string>();
  for (const o of outputs) {
    if (o.path === undefined) continue;
    const abs = checkOutputPath(o.option, o.path, o.kind);
    const first = owner.get(abs);
    if (first !== undefined) throw new UserError(`${o.option} ${o.path}: ${first} writes the same file; give each output its own path`);
    owner.set(abs, o.option);
    resolved.set(o.option, abs);
  }
  return resolved;
}
