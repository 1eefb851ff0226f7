// A user's module that is wrong is refused at load time with the file and the
// fix (issue 12, CONTRACT.md "v2 additions" → Modules): a syntax error (with its
// line), no default export, a declaration without a name or apiVersion, a
// parameter without a default, a name a built-in has, a module that throws while
// setting up or during a run (its own stack frames shown, the engine's not), a
// module that fails the determinism probe of `validate --module`, and a scenario
// that names modules without --allow-modules. All are user-input errors: exit 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadModuleFile, loadModules } from '../../workers/module-files.ts';
import { isUserInputError } from '../../io/errors.ts';
import { commandModules } from '../../cli/module-options.ts';
import { main as runMain } from '../../cli/run.ts';
import { main as validateMain } from '../../cli/validate.ts';

const root = resolve(import.meta.dirname, '../..');
let dir: string;

const protocolBody = (extra: string) => `
  return {
    kind: 'protocol', name: 'tidy', apiVersion: api.apiVersion, description: 'A test way of working.',
    handlesSituations: true, draws: 'informal', create: () => new api.QuietProtocol(),
    ${extra}
  };`;

const FILES: Record<string, string> = {
  'syntax.mjs': 'export default function (api) {\n  return { name: "x",, };\n}\n',
  'no-default.mjs': 'export function make(api) { return {}; }\n',
  'no-name.mjs': `export default function (api) {${protocolBody('').replace("name: 'tidy', ", '')}\n}\n`,
  'no-api.mjs': `export default function (api) {${protocolBody('').replace('apiVersion: api.apiVersion, ', '')}\n}\n`,
  'old-api.mjs': `export default function (api) {${protocolBody('').replace('apiVersion: api.apiVersion', 'apiVersion: 0')}\n}\n`,
  'no-default-param.mjs': `export default function (api) {${protocolBody("params: { protocol: { tidyLevel: api.param(api.z.number().min(0).max(1), 'share', 'tidy: how tidy') } },")}\n}\n`,
  'clash.mjs': `export default function (api) {${protocolBody('').replace("name: 'tidy'", "name: 'p2p'")}\n}\n`,
  'throws-setup.mjs': 'export default function (api) {\n  return build(api);\n}\nfunction build(api) {\n  throw new Error("no config for tidy");\n}\n',
  'throws-run.mjs': `class Tidy {}\nexport default function (api) {\n  class Boom extends api.QuietProtocol {\n    init(ctx) {\n      explode(ctx);\n    }\n  }\n  function explode(ctx) {\n    throw new RangeError('tidy cannot start with ' + ctx.n + ' people');\n  }\n${protocolBody('').replace('create: () => new api.QuietProtocol()', 'create: () => new Boom()')}\n}\n`,
  'random.mjs': `export default function (api) {
  const DRAWS = api.stateNumber('random.draws');
  class Random extends api.QuietProtocol {
    init(ctx) { ctx.state.setNum(DRAWS, 0); }
    onArrival(ctx, sit) {
      const v = Math.floor(Math.random() * ctx.n);
      ctx.state.setNum(DRAWS, ctx.state.num(DRAWS) + 1);
      if (api.situations.isFree(ctx, v) && ctx.state.get(api.people.ALIVE)[v]) api.situations.startAttempt(ctx, sit, v, null);
    }
  }
  return { kind: 'protocol', name: 'random', apiVersion: api.apiVersion, description: 'Uses Math.random: not deterministic.',
    handlesSituations: true, draws: 'informal', create: () => new Random() };
}
`,
  'tidy.mjs': `export default function (api) {${protocolBody('')}\n}\n`,
  'tidy.cjs': 'module.exports = {};\n',
};

const scenario = (kind: string, extra: Record<string, unknown> = {}) => ({
  ticks: 20,
  organization: { size: 40, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
  environment: { rate: 1 },
  protocol: { kind },
  ...extra,
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eq-bad-modules-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'throws-run.json'), JSON.stringify(scenario('tidy')));
  writeFileSync(join(dir, 'with-modules.json'), JSON.stringify(scenario('tidy', { modules: ['./tidy.mjs'] })));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The error a load throws (it must be a user-input error: exit 2). */
async function loadError(file: string): Promise<Error> {
  try {
    await loadModuleFile(file, dir);
  } catch (e) {
    expect(isUserInputError(e), String(e)).toBe(true);
    return e as Error;
  }
  throw new Error(`${file} loaded`);
}

/** Runs a command's main in-process: its exit code or the user-input error it threw, and what it printed. */
async function command(main: (argv: string[]) => Promise<number>, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  try {
    return { code: await main(argv), error: null as Error | null, out: out.join(''), err: err.join('') };
  } catch (e) {
    if (!isUserInputError(e)) throw e;
    return { code: 2, error: e, out: out.join(''), err: err.join('') };
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
}

describe('a bad module is refused with the file and the fix', () => {
  it('a syntax error names the file, line and column', async () => {
    const e = await loadError('syntax.mjs');
    expect(e.message).toMatch(/--module syntax\.mjs: syntax error at .*syntax\.mjs:2:\d+: /);
  });

  it('a file without a default export says how to end it', async () => {
    expect((await loadError('no-default.mjs')).message).toMatch(/no-default\.mjs: the file has no default export; end it with `export default function \(api\)/);
  });

  it('a declaration without a name, or without apiVersion, or for another API version, says what to add', async () => {
    expect((await loadError('no-name.mjs')).message).toMatch(/no-name\.mjs: the declaration has no "name"; add a short lowercase name/);
    expect((await loadError('no-api.mjs')).message).toMatch(/no-api\.mjs \(module "tidy"\): the declaration has no "apiVersion"; add apiVersion: api\.apiVersion/);
    expect((await loadError('old-api.mjs')).message).toMatch(/written for module API version 0, but this engine's is 1/);
  });

  it('a parameter without a default is refused, naming it', async () => {
    expect((await loadError('no-default-param.mjs')).message).toMatch(/parameter protocol\.tidyLevel has no default; add one/);
  });

  it("a name a built-in has is refused, naming the built-in's kind", async () => {
    expect((await loadError('clash.mjs')).message).toMatch(/the name "p2p" is a built-in protocol module's; rename yours/);
  });

  it('a module file of another kind (.cjs) is refused', async () => {
    expect((await loadError('tidy.cjs')).message).toMatch(/a module is an ES module file ending in \.mjs or \.js/);
  });

  it("a module that throws while setting up shows its own frames, not the engine's", async () => {
    const e = await loadError('throws-setup.mjs');
    expect(e.message).toMatch(/the module threw while setting up: no config for tidy\n\s+at build \(throws-setup\.mjs:5:\d+\)\n\s+at \S+ \(throws-setup\.mjs:2:\d+\)$/);
    expect(e.message).not.toMatch(/module-files\.ts|node:internal/);
  });

  it("a module that throws when its run is built stops `run` with exit 2 and the module's frames", async () => {
    const r = await command(runMain, [join(dir, 'throws-run.json'), '--module', join(dir, 'throws-run.mjs')]);
    expect(r.code).toBe(2);
    expect(r.error?.message).toMatch(/^\/.*throws-run\.mjs: module "tidy" threw during the run: RangeError: tidy cannot start with 40 people\n\s+at explode \(\/.*throws-run\.mjs:9:\d+\)/);
    expect(r.error?.message).not.toMatch(/engine\/|simulation\.ts/);
  });

  it('two files declaring one name are refused', async () => {
    await expect(loadModules([{ given: 'tidy.mjs', fromDir: dir }, { given: 'old-api.mjs', fromDir: dir }])).rejects.toThrow(/old-api/);
    writeFileSync(join(dir, 'tidy-2.mjs'), FILES['tidy.mjs']!);
    await expect(loadModules([{ given: 'tidy.mjs', fromDir: dir }, { given: 'tidy-2.mjs', fromDir: dir }])).rejects.toThrow(/two modules are named "tidy"/);
  });

  it('a scenario that names modules runs them only with --allow-modules', async () => {
    const input = scenario('tidy', { modules: ['./tidy.mjs'] });
    await expect(commandModules({}, { input, baseDir: dir, label: 'with-modules.json' })).rejects.toThrow(/names module files \(\.\/tidy\.mjs\), which are code; a scenario runs code only with --allow-modules/);
    const loaded = await commandModules({ 'allow-modules': true }, { input, baseDir: dir, label: 'with-modules.json' });
    expect(loaded.files.map((f) => f.modules[0]!.name)).toEqual(['tidy']);
  });

  it('validate --module runs the determinism probe: a module drawing from Math.random fails it (exit 2), a clean one passes', async () => {
    const bad = await command(validateMain, ['--module', join(dir, 'random.mjs')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/random\.mjs: module "random" fails the determinism probe on a small scenario of its own: two runs of the same 30 ticks end with different state hashes .*never Math\.random/);
    const good = await command(validateMain, ['--module', join(dir, 'tidy.mjs')]);
    expect(good.code, good.err).toBe(0);
    expect(good.out).toMatch(/probe ok: module "tidy" \(\/.*tidy\.mjs\): 30 ticks twice and in chunks of 7 end with equal hashes/);
  });

  it('from the command line a bad module exits 2 with one line naming the file (no stack of the engine)', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin/equipotent.mjs'), 'validate', '--module', join(dir, 'no-default.mjs')], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^equipotent: --module .*no-default\.mjs: the file has no default export/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  }, 60_000);
});
