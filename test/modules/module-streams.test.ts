// A module's random streams are bound to its name (issue 12, CONTRACT.md "v2
// additions" → Modules: modules "draw only from their own streams (/module/<name>/…)"):
// the API a module file receives gives it `/module/<a name it declares>/…` and
// refuses another module's streams, from the command line (exit 2, the file, the
// fix) and for library users alike; it draws nothing while being declared.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadModuleFile } from '../../workers/module-files.ts';
import { isUserInputError } from '../../io/errors.ts';
import { main as runMain } from '../../cli/run.ts';
import { createSimulation } from '../../engine/simulation.ts';
import { registryOf } from '../../engine/modules/user-modules.ts';
import { validateScenario } from '../../engine/scenario/validate.ts';
import { standaloneRng } from '../../engine/rng.ts';
import type { ModuleFactory } from '../../engine/modules/api.ts';

/** A metric family named `name` that records its first draw from stream(ctx, `from`, 'roll') as `<name>First`. */
const dice = (name: string, from: string) => `export default function (api) {
  const FIRST = api.stateNumber('${name}.first');
  return {
    kind: 'metrics', name: '${name}', apiVersion: api.apiVersion, description: 'Rolls one die from a stream.',
    metrics: [{ name: '${name}First', label: 'First roll', unit: 'word', description: 'The first word of the stream.', per: 'run', type: 'integer' }],
    appliesTo: () => true,
    record(ctx, series, t) { if (t === 0) ctx.state.setNum(FIRST, api.stream(ctx, '${from}', 'roll').nextU32()); },
    summarize(ctx, series, out) { out['${name}First'] = ctx.state.num(FIRST); },
  };
}
`;

const FILES: Record<string, string> = {
  'dice.mjs': dice('dice', 'dice'),
  'thief.mjs': dice('thief', 'dice'),
  'eager.mjs': `export default function (api) {\n  api.stream(undefined, 'eager', 'roll');\n  return {};\n}\n`,
};

const scenario = { ticks: 5, seed: 7, organization: { size: 30, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 4, p: 0.1 } }, environment: { rate: 1 } };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eq-module-streams-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `run` in-process: its exit code (2 for a user-input error, with the error) and stdout. */
async function run(argv: string[]) {
  const out: string[] = [];
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const se = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await runMain(argv), error: null as Error | null, out: out.join('') };
  } catch (e) {
    if (!isUserInputError(e)) throw e;
    return { code: 2, error: e as Error, out: out.join('') };
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
}

describe("a module's streams are its own", () => {
  it('a module draws from /module/<its name>/…: its first word is that stream\'s, at the run\'s seed', async () => {
    const r = await run([join(dir, 'scenario.json'), '--module', join(dir, 'dice.mjs'), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { variants: { default: Record<string, number> } };
    expect(json.variants.default.diceFirst).toBe(standaloneRng(7, '/module/dice/roll').nextU32());
  });

  it("a module that draws another module's stream stops `run` with exit 2, naming its file and the fix", async () => {
    const r = await run([join(dir, 'scenario.json'), '--module', join(dir, 'dice.mjs'), '--module', join(dir, 'thief.mjs')]);
    expect(r.code).toBe(2);
    expect(r.error?.message).toMatch(/thief\.mjs: module "thief" threw during the run: ModuleError: api\.stream\(ctx, "dice", "roll"\): a module draws only from its own streams, \/module\/<its name>\/…; this file declares "thief": write stream\(ctx, "thief", "roll"\)/);
  });

  it('the same holds for library users: a module function gets an API bound to its own names', () => {
    const load = (text: string) => new Function('return ' + text.replace('export default ', ''))() as ModuleFactory;
    const modules = [load(FILES['dice.mjs']!), load(FILES['thief.mjs']!)];
    const v = validateScenario(scenario, registryOf(modules));
    if (!v.ok) throw new Error(v.errors.join('; '));
    expect(() => createSimulation(v.scenario, 7, { modules }).step(2)).toThrow(/a module draws only from its own streams.*this file declares "thief"/);
  });

  it('a module draws nothing while it is being declared (no run, no ctx yet)', async () => {
    const e = await loadModuleFile('eager.mjs', dir).then(() => null, (err: unknown) => err as Error);
    expect(isUserInputError(e)).toBe(true);
    expect(e?.message).toMatch(/eager\.mjs: the module threw while setting up: ModuleError: api\.stream\(ctx, "eager", …\) was called while the module was being declared; draw only in its hooks/);
  });
});
