// The claims a user's module declares (issue 15 item 6): `check --module F` runs
// them under the built-in claims' rules — effect, control, verdict — and a bad
// claim is refused when the module loads or before the check runs, exit 2,
// naming the field.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDeclarations } from '../../engine/modules/user-modules.ts';
import { API_VERSION } from '../../engine/modules/types.ts';
import { ModuleError } from '../../engine/modules/registry.ts';

const root = resolve(import.meta.dirname, '../..');
const cli = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin/equipotent.mjs'), 'check', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

/** A declaration of a quiet way of working with the given claims. */
function quiet(claims: unknown): unknown {
  return { kind: 'protocol', name: 'tidy', apiVersion: API_VERSION, description: 'A test way of working.', handlesSituations: true, draws: 'informal', create: () => ({}), claims };
}
const claim = (over: Record<string, unknown> = {}) => ({
  id: 'c', title: 't', compared: 'x', scenario: { ticks: 10, organization: { size: 20, formal: { kind: 'hierarchy', span: 4 } }, variants: [{ label: 'one', set: {} }, { label: 'two', set: {} }] },
  a: 'one', b: 'two', metric: 'resolved', side: '>', mechanism: 'm', control: { 'environment.rate': 0 }, ...over,
});

describe('a module\'s claims', () => {
  it('run with check --module, with their control, and pass (the market example)', () => {
    const r = cli(['--module', 'examples/modules/market.mjs', '--only', 'market']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('its 1 claim runs with the built-in ones');
    expect(r.stdout).toMatch(/market\/wider-market-picks-the-skilled .* holds .*vanishes .*PASS/);
  });

  it('are refused when the module loads if a finding names no control, an id repeats, or a key is unknown', () => {
    const refuse = (claims: unknown, words: RegExp) => {
      expect(() => checkDeclarations(quiet(claims), 'tidy.mjs')).toThrowError(ModuleError);
      expect(() => checkDeclarations(quiet(claims), 'tidy.mjs')).toThrowError(words);
    };
    refuse([claim({ control: undefined })], /claims\[0\]\.control: a finding names the switch that turns its mechanism off/);
    refuse([claim(), claim()], /claims\[1\]\.id: "c" is used twice/);
    refuse([claim({ sides: '>' })], /claims\[0\]/);
    refuse({ id: 'c' }, /"claims" must be a list/);
    // A definition needs no control.
    expect(checkDeclarations(quiet([claim({ control: undefined, kind: 'definition' })]), 'tidy.mjs')).toHaveLength(1);
  });

  it('move over the skeptic\'s space with check --robust --module (the workers load the same file), and --resume refuses another version of it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'module-robust-'));
    try {
      const market = join(dir, 'market.mjs');
      copyFileSync(join(root, 'examples/modules/market.mjs'), market);
      const out = join(dir, 'robust');
      const args = ['--robust', '--module', market, '--only', 'market', '--points', '2', '--seeds', '3', '--jobs', '2', '--out', out];
      const r = cli(args);
      expect(r.status, r.stderr).toBe(0);
      const rows = readFileSync(join(out, 'points.csv'), 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split(','));
      // As shipped, 6 knobs × 2 ends one at a time, 2 hypercube points: each with a verdict.
      expect(rows.map((f) => f[1])).toEqual(['base', ...Array(12).fill('oat'), 'lhs', 'lhs']);
      expect(rows.every((f) => f[0] === 'market/wider-market-picks-the-skilled' && ['holds', 'fails', 'inconclusive'].includes(f.at(-1)!))).toBe(true);
      expect(rows[0]!.at(-1)).toBe('holds');
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { modules: Record<string, string> };
      expect(Object.keys(manifest.modules)).toEqual(['market']);
      writeFileSync(market, `${readFileSync(market, 'utf8')}\n// changed\n`);
      const again = cli([...args, '--resume']);
      expect(again.status).toBe(2);
      expect(again.stderr).toMatch(/--resume: .* was made with other module files \(market\) than these \(market\), or another version of them/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('naming what is not there', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'module-claims-'));
      const file = (name: string, over: Record<string, unknown>) => writeFileSync(join(dir, name), `export default function (api) {
  return { kind: 'protocol', name: 'tidy', apiVersion: api.apiVersion, description: 'A test way of working.', handlesSituations: true, draws: 'informal',
    create: () => new api.QuietProtocol(), claims: [${JSON.stringify(claim(over))}] };
}\n`);
      file('no-variant.mjs', { b: 'three' });
      file('no-metric.mjs', { metric: 'happiness' });
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('a variant the scenario lacks, or a metric no module declares: exit 2 before anything runs', () => {
      const v = cli(['--module', join(dir, 'no-variant.mjs'), '--only', 'tidy']);
      expect(v.status).toBe(2);
      expect(v.stderr).toContain('claim "c": b: its scenario has no variant "three" (variants: one, two)');
      const m = cli(['--module', join(dir, 'no-metric.mjs'), '--only', 'tidy']);
      expect(m.status).toBe(2);
      expect(m.stderr).toContain('metric: "happiness" is not a per-run metric');
    });
  });
});
