// The page's modules (issue 12, item 5): a share link records the modules baked
// into the build (name → sha256) and reads them back; a link naming a module the
// page lacks, or another version of one it has, is told in words naming it; a
// plain build runs the built-ins alone. Only names and hashes are compared: the
// page has no way to load code from a link.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeRun, encodeRun, type SharedRun } from '../../viz/share.ts';
import { bakedProvenance, linkModuleProblems, pageRegistry } from '../../workers/page-modules.ts';
import { BAKED, type BakedModule } from '../../workers/baked-modules.ts';
import { builtinRegistry } from '../../engine/modules/registry.ts';

const A = 'a'.repeat(64), B = 'b'.repeat(64);
const market: BakedModule = { file: 'market.mjs', sha256: A, names: ['market'], factory: () => [] };
const family: BakedModule = { file: 'family.mjs', sha256: B, names: ['spread', 'another'], factory: () => [] };

describe('the modules a page is built with', () => {
  it('a plain build has none and runs the built-in registry', () => {
    expect(BAKED).toEqual([]);
    expect(pageRegistry()).toBe(builtinRegistry());
    expect(bakedProvenance()).toEqual({});
  });

  it('the provenance names every declaration of every baked file, in name order', () => {
    expect(Object.entries(bakedProvenance([market, family]))).toEqual([['another', B], ['market', A], ['spread', B]]);
  });

  it('a share link carries the modules and reads them back; a link without them has none', () => {
    const run: SharedRun = { scenario: 'market', overrides: {}, seed: 3, shocks: [], tick: 10, model: 2, modules: { market: A } };
    const back = decodeRun(encodeRun(run));
    expect(back.errors).toEqual([]);
    expect(back.run?.modules).toEqual({ market: A });
    expect(decodeRun(encodeRun({ ...run, modules: {} })).run?.modules).toBeUndefined();
  });

  it('a malformed modules entry in a link is said, not used', () => {
    const bad = decodeRun('#scenario=classroom&modules=' + encodeURIComponent(JSON.stringify({ market: './market.mjs' })));
    expect(bad.run?.modules).toBeUndefined();
    expect(bad.errors.join('\n')).toMatch(/"modules" should name the modules of the page/);
  });

  it('a module the page lacks is named with how to get a page that has it; another version is said too', () => {
    const missing = linkModuleProblems({ market: A }, []);
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatch(/"market"/);
    expect(missing[0]).toMatch(/does not have; a link never loads code/);
    expect(missing[0]).toMatch(/npm run build -- --module/);
    expect(linkModuleProblems({ market: A }, [market])).toEqual([]);
    expect(linkModuleProblems({ market: B }, [market])[0]).toMatch(/"market" is another version/);
    // Names are plain keys: "__proto__" or "constructor" are modules the page lacks, never its objects' own.
    expect(linkModuleProblems({ constructor: A }, [market])[0]).toMatch(/"constructor".*does not have/);
  });
});

describe('npm run build -- --module F', () => {
  it('a bad module stops the build before anything is written: exit 2, the file and the fix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eq-build-bad-module-'));
    try {
      writeFileSync(join(dir, 'no-default.mjs'), 'export const market = 1;\n');
      const out = join(dir, 'site');
      const root = join(import.meta.dirname, '..', '..');
      const r = spawnSync(process.execPath, [join(root, 'viz', 'build.mjs'), '--module', 'no-default.mjs', '--out', out], { cwd: root, encoding: 'utf8', env: { ...process.env, INIT_CWD: dir } });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/--module no-default\.mjs: the file has no default export; end it with `export default function \(api\)/);
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
