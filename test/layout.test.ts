// The parts depend one way (ARCHITECTURE.md): the engine on nothing of ours
// outside it; the validation set on the engine, never the reverse; reading
// files (io/) below the commands and the workers; the workers never on the
// commands. Checked on every relative import of every source file (static,
// `export … from`, `import type` and dynamic `import('…')`), and on the files
// esbuild puts into the sweep worker's bundle.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Which top-level folders a part may not import from. */
const FORBIDDEN: Record<string, string[]> = {
  engine: ['validation', 'io', 'cli', 'workers', 'viz', 'bench', 'test'],
  validation: ['io', 'cli', 'workers', 'viz', 'bench', 'test'],
  io: ['engine', 'validation', 'cli', 'workers', 'viz', 'bench', 'test'],
  workers: ['validation', 'cli', 'viz', 'bench', 'test'],
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|mts|mjs|js)$/.test(e.name)) out.push(path);
  }
  return out;
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\1/g;

/** The top-level folders (relative to the repository) that `file`'s relative imports reach, with the specifier. */
function importedParts(file: string): { part: string; specifier: string }[] {
  const text = readFileSync(file, 'utf8');
  const out: { part: string; specifier: string }[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const specifier = m[2]!;
    if (!specifier.startsWith('.')) continue; // a package or node: built-in
    const target = relative(ROOT, resolve(dirname(file), specifier));
    out.push({ part: target.split(/[\\/]/)[0]!, specifier });
  }
  return out;
}

describe('the parts depend one way', () => {
  it('finds the imports it checks (cli/check.ts reaches validation/ and io/, the engine reaches itself)', () => {
    const check = importedParts(join(ROOT, 'cli/check.ts')).map((i) => i.part);
    expect(check).toContain('validation');
    expect(check).toContain('io');
    expect(importedParts(join(ROOT, 'engine/simulation.ts')).map((i) => i.part)).toContain('engine');
    // Dynamic imports count too.
    expect(importedParts(join(ROOT, 'cli/main.ts')).some((i) => i.specifier.startsWith('./'))).toBe(true);
  });

  for (const [part, forbidden] of Object.entries(FORBIDDEN)) {
    it(`nothing under ${part}/ imports ${forbidden.map((f) => `${f}/`).join(', ')}`, () => {
      const bad: string[] = [];
      for (const file of sourceFiles(join(ROOT, part))) {
        for (const i of importedParts(file)) if (forbidden.includes(i.part)) bad.push(`${relative(ROOT, file)} imports ${i.specifier}`);
      }
      expect(bad).toEqual([]);
    });
  }

  it('the sweep worker\'s bundle holds no file of cli/ (esbuild\'s own list of its inputs)', async () => {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [join(ROOT, 'workers/sweep-worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
      absWorkingDir: ROOT,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('io/read-files.ts');
    expect(inputs).toContain('workers/sweep-task.ts');
    expect(inputs.filter((p) => p.startsWith('cli/'))).toEqual([]);
  });
});
