// The examples a researcher copies (examples/modules/, issue 12): an internal
// market (a complete way of working with its own parameters, state and metrics)
// and a metric family, loaded at run time with zero edits to the project. Their
// metrics reach `run --json`, the table and a sweep's runs.csv (on two
// workers); their parameters reach `schema --module`; each module's sha256 is
// recorded beside the state hash in --json, replay bundles and manifests; a
// resumed sweep, a merge and a worker refuse a changed module.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main as runMain } from '../../cli/run.ts';
import { main as schemaMain } from '../../cli/schema.ts';
import { runSweep } from '../../cli/sweep.ts';
import { mergeSweeps } from '../../cli/merge.ts';
import { loadPlan, parseShard, sweepModules } from '../../cli/sweep/plan.ts';
import { isUserInputError } from '../../io/errors.ts';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import { registryOf } from '../../engine/modules/user-modules.ts';
import { createSimulation } from '../../engine/simulation.ts';
import { makeReplayBundle } from '../../engine/replay.ts';
import type { ModuleFactory } from '../../engine/modules/api.ts';
import { SKILL } from '../../engine/people-state.ts';

// The example files exactly as a researcher writes them (plain .mjs, no types).
const load = async (name: string) => ((await import(`../../examples/modules/${name}`)) as { default: ModuleFactory }).default;
const market = await load('market.mjs');
const spread = await load('leadership-spread.mjs');
const newTechnology = await load('new-technology.mjs');

const examples = resolve(import.meta.dirname, '../../examples/modules');
let dir: string;
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

async function command(main: (argv: string[]) => Promise<number>, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  try {
    return { code: await main(argv), error: null as Error | null, out: out.join(''), err: err.join('') };
  } catch (e) {
    if (!isUserInputError(e)) throw e;
    return { code: 2, error: e as Error, out: out.join(''), err: err.join('') };
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
}
const quiet = { stream: { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eq-module-examples-'));
  cpSync(examples, join(dir, 'ex'), { recursive: true });
  // A cheaper sweep: 2 reserves × 1 seed, 30 ticks.
  writeFileSync(join(dir, 'ex', 'small-sweep.json'), JSON.stringify({ scenario: 'market.json', grid: { 'protocol.marketReserve': [0.2, 0.9] }, seeds: 1, baseSeed: 1, ticks: 30 }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the internal market and the metric family, loaded at run time', () => {
  let json: { modules: Record<string, string>; variants: Record<string, Record<string, number | null>> };

  it('run --json has their metrics and each module\'s sha256 beside the hashes; the library gives the same hash', async () => {
    const r = await command(runMain, [join(examples, 'market.json'), '--allow-modules', '--ticks', '60', '--json']);
    expect(r.code, r.error?.message).toBe(0);
    json = JSON.parse(r.out);
    expect(json.modules).toEqual({ 'leadership-spread': sha(join(examples, 'leadership-spread.mjs')), market: sha(join(examples, 'market.mjs')) });
    const m = json.variants['market']!;
    // Every attempt the market starts is an auction won; a failed attempt goes back on the market.
    expect(m['marketSold']).toBeGreaterThan(0);
    expect(m['marketAuctions']).toBeGreaterThanOrEqual(m['marketSold']!);
    expect(m['resolved']).toBeLessThanOrEqual(m['marketSold']!);
    expect(m['marketMeanPrice']).toBeGreaterThanOrEqual(0.35); // no winning bid below the reserve
    expect(m['duplicates']).toBe(0); // one winner per auction
    for (const v of ['market', 'peers', 'command']) expect(json.variants[v]).toHaveProperty('ledTopShare');
    expect(json.variants['peers']).not.toHaveProperty('marketSold');
    // A library user: createSimulation(scenario, seed, { modules }) with the files' default exports.
    const modules = [market, spread];
    const v = expandVariants(JSON.parse(readFileSync(join(examples, 'market.json'), 'utf8')), [['ticks', 60]], registryOf(modules))[0]!;
    if (!v.ok) throw new Error(v.errors.join('\n'));
    const sim = createSimulation(v.scenario, v.scenario.seed, { modules });
    sim.step(60);
    expect(sim.hash()).toBe(m['hash']);
    // Snapshot and restore carry the market's state (its waiting list and counts).
    const snap = sim.snapshot();
    sim.step(20);
    const ahead = sim.hash();
    sim.restore(snap);
    sim.step(20);
    expect(sim.hash()).toBe(ahead);
  }, 60_000);

  it('the reserve is read and acts: no winning bid below it, and a reserve above most skills leaves situations unsold', async () => {
    const modules = [market];
    const input = { ticks: 60, organization: { size: 80, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 6, p: 0.1 } }, environment: { rate: 2 }, protocol: { kind: 'market' } };
    const reserves = [0.1, 0.6, 0.95];
    const runs = reserves.map((reserve) => {
      const v = expandVariants(input, [['protocol.marketReserve', reserve]], registryOf(modules))[0]!;
      if (!v.ok) throw new Error(v.errors.join('\n'));
      const sim = createSimulation(v.scenario, 3, { modules });
      sim.step(60);
      const waiting = sim.series().values['marketWaiting']!;
      return { m: sim.summary().metrics, waitingMean: waiting.reduce((a, b) => a + b, 0) / waiting.length };
    });
    runs.forEach((r, i) => expect(r.m['marketMeanPrice']).toBeGreaterThanOrEqual(reserves[i]!));
    expect(runs[0]!.m['marketMeanPrice']).toBeLessThan(runs[1]!.m['marketMeanPrice']!);
    expect(runs[1]!.m['marketMeanPrice']).toBeLessThan(runs[2]!.m['marketMeanPrice']!);
    expect(runs[2]!.waitingMean).toBeGreaterThan(runs[0]!.waitingMean);
    expect(runs[2]!.m['marketSold']).toBeLessThan(runs[0]!.m['marketSold']!);
  });

  it('the table shows their metrics with units, and the modules\' sha256', async () => {
    const r = await command(runMain, [join(examples, 'market.json'), '--allow-modules', '--ticks', '30', '--variant', 'market']);
    expect(r.code, r.error?.message).toBe(0);
    expect(r.out).toMatch(/marketSold\s+\d+\s+auctions/);
    expect(r.out).toMatch(/ledTopShare\s+[\d.]+\s+share of situations led/);
    expect(r.out).toMatch(/module market: sha256 [0-9a-f]{64}/);
  });

  it('schema --module lists their parameters with default, range, unit and description', async () => {
    const r = await command(schemaMain, ['--module', join(examples, 'market.mjs'), '--module', join(examples, 'leadership-spread.mjs')]);
    expect(r.code, r.error?.message).toBe(0);
    const schema = JSON.parse(r.out) as { properties: Record<string, { properties: Record<string, Record<string, unknown>> }> };
    expect(schema.properties['protocol']!.properties['marketReserve']).toMatchObject({ default: 0.35, minimum: 0, maximum: 1, unit: 'skill' });
    expect(schema.properties['metrics']!.properties['topShare']).toMatchObject({ default: 0.1, unit: 'share of people' });
    expect(JSON.stringify(schema.properties['protocol']!.properties['kind'])).toContain('"market"');
  });

  it('a replay bundle records the modules; it replays with the same files and is refused with another', async () => {
    const input = JSON.parse(readFileSync(join(dir, 'ex', 'market.json'), 'utf8')) as Record<string, unknown>;
    delete input.modules;
    const modules = [market, spread];
    const v = expandVariants(input, [['ticks', 25]], registryOf(modules))[0]!;
    if (!v.ok) throw new Error(v.errors.join('\n'));
    const sim = createSimulation(v.scenario, 4, { modules });
    sim.step(25);
    const hashes = { 'leadership-spread': sha(join(examples, 'leadership-spread.mjs')), market: sha(join(examples, 'market.mjs')) };
    const bundle = makeReplayBundle(input, sim, { variant: 'market', overrides: { ticks: 25 }, modules: hashes });
    expect(bundle.modules).toEqual(hashes);
    const path = join(dir, 'bundle.json');
    writeFileSync(path, JSON.stringify(bundle));
    const mods = ['--module', join(dir, 'ex', 'market.mjs'), '--module', join(dir, 'ex', 'leadership-spread.mjs')];
    const ok = await command(runMain, ['--replay', path, ...mods]);
    expect(ok.code, ok.error?.message).toBe(0);
    expect(ok.err).toContain('verified');
    const missing = await command(runMain, ['--replay', path, '--module', join(dir, 'ex', 'market.mjs')]);
    expect(missing.error?.message).toMatch(/made with the module "leadership-spread" .*load that module file with --module/);
    writeFileSync(join(dir, 'changed-market.mjs'), `${readFileSync(join(examples, 'market.mjs'), 'utf8')}\n// changed\n`);
    const changed = await command(runMain, ['--replay', path, '--module', join(dir, 'changed-market.mjs'), '--module', join(dir, 'ex', 'leadership-spread.mjs')]);
    expect(changed.error?.message).toMatch(/made with the module "market" of sha256 [0-9a-f]{64}, but the file loaded has/);
  }, 60_000);

  it('a sweep on two workers writes their metrics in runs.csv and their sha256 in the manifest; --resume, merge and workers refuse a changed module', async () => {
    const file = join(dir, 'ex', 'small-sweep.json');
    const values = { 'allow-modules': true };
    const out = join(dir, 'sweep-out');
    expect(await runSweep({ plan: loadPlan(file, await sweepModules(file, values)), out, shard: null, jobs: 2, resume: false, progress: quiet })).toBe(0);
    const runs = readFileSync(join(out, 'runs.csv'), 'utf8').split('\n');
    const header = runs[0]!.split(',');
    for (const c of ['marketSold', 'marketMeanPrice', 'ledTopShare', 'leadingNowPeak']) expect(header).toContain(c);
    const rows = runs.slice(1).filter(Boolean).map((l) => l.split(','));
    expect(rows).toHaveLength(2 * 3); // 2 points × 1 seed × 3 variants
    const marketSold = rows.filter((r) => r[1] === 'market').map((r) => Number(r[header.indexOf('marketSold')]));
    expect(marketSold[0]).toBeGreaterThan(marketSold[1]!); // reserve 0.2 sells more than 0.9
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { modules: Record<string, string> };
    expect(manifest.modules['market']).toBe(sha(join(dir, 'ex', 'market.mjs')));

    // A shard run with the module as it was, then the module edited.
    const s0 = join(dir, 'shard-0');
    expect(await runSweep({ plan: loadPlan(file, await sweepModules(file, values)), out: s0, shard: parseShard('0/2'), jobs: 1, resume: false, progress: quiet })).toBe(0);
    // Workers load the files themselves and refuse one whose sha256 is not the sweep's.
    const stale = loadPlan(file, await sweepModules(file, values));
    appendFileSync(join(dir, 'ex', 'market.mjs'), '\n// edited after the sweep started\n');
    const failedOut = join(dir, 'stale');
    expect(await runSweep({ plan: stale, out: failedOut, shard: null, jobs: 1, resume: false, progress: quiet })).toBe(1);
    const failed = JSON.parse(readFileSync(join(failedOut, 'manifest.json'), 'utf8')) as { failed: { error: string }[] };
    expect(failed.failed[0]!.error).toMatch(/market\.mjs: the file changed: its sha256 is [0-9a-f]{64}, but this sweep was started with/);

    const edited = loadPlan(file, await sweepModules(file, values));
    await expect(runSweep({ plan: edited, out, shard: null, jobs: 1, resume: true, progress: quiet })).rejects.toThrow(/--resume: .* was started with other modules \("market" had sha256 [0-9a-f]{64}, the file now has [0-9a-f]{64}\)/);
    const s1 = join(dir, 'shard-1');
    expect(await runSweep({ plan: edited, out: s1, shard: parseShard('1/2'), jobs: 1, resume: false, progress: quiet })).toBe(0);
    expect(() => mergeSweeps([s0, s1], join(dir, 'merged'))).toThrow(/ran with different modules/);
  }, 120_000);
});

describe('the new-technology shock, a shock kind of the user\'s own', () => {
  const scenario = {
    seed: 1, ticks: 120,
    organization: { size: 120, formal: { kind: 'hierarchy', span: 5 }, informal: { kind: 'small-world', k: 6, p: 0.1 } },
    population: { domains: 4 },
    environment: { rate: 2, deadline: 20, workTicks: 3 },
    protocol: { kind: 'p2p' },
  };
  const run = (shocks: unknown[]) => {
    const input = { ...scenario, shocks };
    const [v] = expandVariants(input, [], registryOf([newTechnology]));
    if (!v!.ok) throw new Error(v!.errors.join('; '));
    const sim = createSimulation(v!.scenario, 1, { modules: [newTechnology] });
    sim.step(120);
    return sim;
  };

  it('takes skill away in its domain only, from about the share asked, keeping the share asked', () => {
    const before = run([]).state.get(SKILL);
    const after = run([{ at: 60, kind: 'new-technology', domain: 2, share: 0.5, keep: 0.25 }]).state.get(SKILL);
    let hit = 0;
    for (let v = 0; v < 120; v++) for (let d = 0; d < 4; d++) {
      const b = before[v * 4 + d]!, a = after[v * 4 + d]!;
      if (d !== 2) expect(a).toBe(b);
      else if (a !== b) { hit++; expect(a).toBeCloseTo(b * 0.25, 6); }
    }
    expect(hit).toBeGreaterThan(40);
    expect(hit).toBeLessThan(80);
  });

  it('a domain the organization lacks is refused, naming it and the fix', () => {
    const [v] = expandVariants({ ...scenario, shocks: [{ at: 60, kind: 'new-technology', domain: 9 }] }, [], registryOf([newTechnology]));
    expect(v!.ok).toBe(false);
    expect(v!.ok ? '' : v!.errors.join('\n')).toMatch(/shocks\.0\.domain: domain 9 does not exist: the organization has 4 domains \(0 … 3\)/);
  });
});
