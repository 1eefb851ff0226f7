// A `.ts` module loads only through the loader the command line itself uses
// (tsx, registered by bin/equipotent.mjs); anywhere else — the command's code
// compiled to plain JavaScript, as a sweep's bundled workers run it, or a library
// user's build — it is refused before any of its code runs: exit 2, the file and
// the fix (CONTRACT.md "v2 additions" → Modules). Here `equipotent run` is bundled
// by esbuild (tsx's own compiler) and run by plain Node, with no loader.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
let dir: string;
let bundle: string;

/** A module that leaves a mark when its code runs, so a refusal can be seen to come first. */
const moduleText = (mark: string) => `import { writeFileSync } from 'node:fs';
writeFileSync(${JSON.stringify(mark)}, 'ran');
export default function (api) {
  return { kind: 'metrics', name: 'plain', apiVersion: api.apiVersion, description: 'Counts nothing.', metrics: [],
    appliesTo: () => true, record() {}, summarize() {} };
}
`;

beforeAll(async () => {
  // Beside the project's node_modules, so the bundle's package imports resolve as the command's do.
  mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
  dir = mkdtempSync(join(root, 'node_modules', '.cache', 'eq-ts-outside-tsx-'));
  bundle = join(dir, 'run.mjs');
  const esbuild = await import('esbuild');
  // What bin/equipotent.mjs does for `run`, minus the loader: the command's main, and its exit code for a user's mistake.
  await esbuild.build({
    stdin: {
      contents: `import { main } from './cli/run.ts';
import { isUserInputError } from './io/errors.ts';
try { process.exitCode = await main(process.argv.slice(2)); }
catch (e) { if (!isUserInputError(e)) throw e; process.stderr.write('equipotent: ' + e.message + '\\n'); process.exitCode = 2; }
`,
      resolveDir: root,
      sourcefile: 'run-without-tsx.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: bundle,
    logLevel: 'silent',
  });
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify({ ticks: 3, organization: { size: 20, formal: { kind: 'hierarchy', span: 4 } } }));
  writeFileSync(join(dir, 'plain.ts'), moduleText(join(dir, 'ts-ran')));
  writeFileSync(join(dir, 'plain.mjs'), moduleText(join(dir, 'mjs-ran')));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (module: string) => spawnSync(process.execPath, [bundle, 'scenario.json', '--module', module], { cwd: dir, encoding: 'utf8', timeout: 60_000 });

describe('a .ts module outside the command\'s TypeScript loader', () => {
  it('is refused before it runs: exit 2, the file and the fix', () => {
    const r = run('plain.ts');
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toBe('equipotent: --module plain.ts: a .ts module loads only through the TypeScript loader of the equipotent command (bin/equipotent.mjs); run it with that command, or compile it to .mjs\n');
    expect(existsSync(join(dir, 'ts-ran'))).toBe(false);
  }, 60_000);

  it('while the same module as .mjs runs there (the refusal is the loader\'s, not the bundle\'s)', () => {
    const r = run('plain.mjs');
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'mjs-ran'))).toBe(true);
    expect(r.stdout).toMatch(/plain/);
  }, 60_000);

  it('and through the equipotent command (tsx) the .ts module loads', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin/equipotent.mjs'), 'run', 'scenario.json', '--module', 'plain.ts'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'ts-ran'))).toBe(true);
  }, 60_000);
});
