// The sweep worker's entry: its TypeScript sources bundled by esbuild (tsx's
// own compiler, always installed with it) into one plain JavaScript file that a
// thread starts in ~30 ms — through tsx's loader each thread would compile and
// link ~60 modules, 0.3–1 s on two busy cores, most of a short sweep's speedup.
//
// The bundle is cached: building it takes ~100 ms, a fixed cost that every
// sweep (and every shard of a cluster job) would otherwise pay before its first
// run. The cache entry records every input file esbuild read, with its size and
// modification time, and is used only while all of them are unchanged (and the
// same esbuild and Node built it), so an edited source is never run stale.
// Entries are written to a temporary name and renamed, so sweeps starting at
// once (a Slurm array on a shared disk) never read half a file.
//
// The code is the same whichever way the worker starts; so are the results.
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The tsx bootstrap: the fallback entry when esbuild is not at hand. */
export const BOOTSTRAP = new URL('../../workers/sweep-worker-bootstrap.mjs', import.meta.url);
const ENTRY_TS = new URL('../../workers/sweep-worker.ts', import.meta.url);
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Entries older than this are removed when a new one is written (a sweep that started from one has long loaded it). */
const STALE_MS = 24 * 3600 * 1000;

/** A worker entry and how it was made. */
export interface WorkerEntry {
  url: URL;
  /** 'cache': a bundle built earlier; 'built': bundled now; 'tsx': the loader fallback. */
  source: 'cache' | 'built' | 'tsx';
}

/** One input of a bundle as recorded: path, size and modification time. */
type Stamp = [path: string, size: number, mtimeMs: number];

interface CacheIndex {
  /** Who built it: esbuild's and Node's versions. */
  builder: string;
  /** The bundle's file name inside the cache directory. */
  bundle: string;
  inputs: Stamp[];
}

/**
 * Where bundles are kept: $EQUIPOTENT_CACHE_DIR, else the package's
 * node_modules/.cache/equipotent (the usual home of build caches), else a
 * per-user directory under the system's temporary directory.
 */
export function cacheDir(): string {
  const fromEnv = process.env.EQUIPOTENT_CACHE_DIR;
  if (fromEnv) return resolve(fromEnv);
  const modules = join(PACKAGE_ROOT, 'node_modules');
  try {
    accessSync(modules, constants.W_OK);
    return join(modules, '.cache', 'equipotent');
  } catch {
    return userTmpCache();
  }
}

/** A per-user cache directory under the system's temporary directory. */
function userTmpCache(): string {
  let user = 'user';
  try { user = String(userInfo().uid); } catch { /* no user database: keep the default */ }
  return join(tmpdir(), `equipotent-cache-${user}`);
}

/**
 * The sweep worker's entry: a cached bundle when its inputs are unchanged, a
 * new bundle otherwise, the tsx bootstrap when esbuild is missing or fails (or
 * with EQUIPOTENT_SWEEP_BUNDLE=0). `entryTs` and `dir` are for tests; another
 * pool's worker (`check --robust`'s) names its entry and its bootstrap.
 */
export async function prepareWorkerEntry(entryTs: URL = ENTRY_TS, dir: string = cacheDir(), bootstrap: URL = BOOTSTRAP): Promise<WorkerEntry> {
  if (process.env.EQUIPOTENT_SWEEP_BUNDLE === '0') return { url: bootstrap, source: 'tsx' };
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    return { url: bootstrap, source: 'tsx' };
  }
  const entryPath = fileURLToPath(entryTs);
  const builder = `esbuild ${esbuild.version}, node ${process.version}`;
  const indexName = `${createHash('sha256').update(entryPath).digest('hex').slice(0, 16)}.json`;
  // The cache directory, else (read-only, full) the per-user temporary one.
  const places = dir === userTmpCache() ? [dir] : [dir, userTmpCache()];
  for (const place of places) {
    const cached = readIndex(join(place, indexName), builder, place);
    if (cached !== null) return { url: pathToFileURL(cached), source: 'cache' };
  }
  try {
    const result = await esbuild.build({
      entryPoints: [entryPath],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      metafile: true,
      logLevel: 'silent',
      absWorkingDir: PACKAGE_ROOT, // the metafile names inputs relative to it
    });
    const code = result.outputFiles[0]!.contents;
    const inputs: Stamp[] = Object.keys(result.metafile.inputs).map((p) => {
      const abs = resolve(PACKAGE_ROOT, p);
      const st = statSync(abs);
      return [abs, st.size, st.mtimeMs];
    });
    const bundle = `sweep-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
    const index = JSON.stringify({ builder, bundle, inputs } satisfies CacheIndex);
    for (const into of places) {
      try {
        mkdirSync(into, { recursive: true });
        const bundlePath = join(into, bundle);
        if (!existsSync(bundlePath)) writeAtomically(bundlePath, code);
        writeAtomically(join(into, indexName), index);
        removeStale(into, bundle);
        return { url: pathToFileURL(bundlePath), source: 'built' };
      } catch {
        /* try the next place */
      }
    }
  } catch {
    /* esbuild failed */
  }
  // Nowhere to write a bundle, or esbuild failed: the loader still runs the same code.
  return { url: bootstrap, source: 'tsx' };
}

/** The cached bundle's path when the index is valid and every input unchanged, else null. */
function readIndex(indexPath: string, builder: string, dir: string): string | null {
  let index: CacheIndex;
  try {
    index = JSON.parse(readFileSync(indexPath, 'utf8')) as CacheIndex;
  } catch {
    return null;
  }
  if (index.builder !== builder || !Array.isArray(index.inputs) || typeof index.bundle !== 'string') return null;
  for (const [path, size, mtimeMs] of index.inputs) {
    try {
      const st = statSync(path);
      if (st.size !== size || st.mtimeMs !== mtimeMs) return null;
    } catch {
      return null;
    }
  }
  const bundlePath = join(dir, index.bundle);
  if (!existsSync(bundlePath)) return null;
  try {
    // Mark it used, so that no other sweep's clean-up takes it as stale.
    const now = new Date();
    utimesSync(bundlePath, now, now);
  } catch {
    /* a read-only cache still serves */
  }
  return bundlePath;
}

function writeAtomically(path: string, content: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

/** Removes other bundles (and leftover temporary files) not touched for a day. */
function removeStale(dir: string, keep: string): void {
  const now = Date.now();
  for (const f of readdirSync(dir)) {
    if (f === keep || !(f.startsWith('sweep-worker-') || f.endsWith('.tmp'))) continue;
    const path = join(dir, f);
    try {
      if (now - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
    } catch {
      /* removed by another sweep meanwhile */
    }
  }
}
