// The `exchanges` classroom scenario runs wherever a scenario runs: in the
// simulation host the page's worker holds (every variant, hash equal to a direct
// run, frames with messages in flight) and in a sweep (a tiny one on worker
// threads, each row what `createSimulation` computes). Its lesson and claims are
// checked with the scenario library (test/claims).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHost } from '../../workers/host.ts';
import { createSimulation } from '../../engine/simulation.ts';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import { runSweep } from '../../cli/sweep.ts';
import { loadPlan } from '../../cli/sweep/plan.ts';
import exchanges from '../../scenarios/exchanges.json' with { type: 'json' };

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'eq-exchanges-sweep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function variant(label: string, sets: [string, unknown][] = []) {
  const v = expandVariants(exchanges, sets).find((x) => x.label === label);
  if (!v?.ok) throw new Error(`exchanges, ${label}: ${v?.errors.join('; ')}`);
  return v.scenario;
}

describe('the exchanges scenario in the page\'s simulation host', () => {
  it.each(['chart', 'local team ties', 'multiscale ties'])('%s: created, stepped and drawn by the host, with the hash of a direct run', (label) => {
    const scenario = variant(label, [['ticks', 40]]);
    const host = createHost();
    const made = host.create(scenario, 3);
    expect(made.n).toBe(781);
    const stepped = host.step(40);
    const direct = createSimulation(scenario, 3);
    direct.step(40);
    expect(stepped.hash).toBe(direct.hash());
    const frame = host.frame();
    expect(frame.tick).toBe(40);
    // Exchange messages are in flight (kinds 64 and up) and the frame carries them.
    const kinds = new Set<number>();
    for (let i = 2; i < frame.messages.length; i += 3) kinds.add(frame.messages[i]!);
    expect([...kinds].every((k) => k >= 64)).toBe(true);
    expect(kinds.size).toBeGreaterThan(0);
  });
});

describe('the exchanges scenario in a sweep', () => {
  it('a tiny sweep over exchangeRate runs every variant, writes the exchanges\' columns, and each row is the run `createSimulation` gives', async () => {
    const sweepFile = join(dir, 'sweep.json');
    writeFileSync(sweepFile, JSON.stringify({ scenario: join(root, 'scenarios', 'exchanges.json'), grid: { 'environment.exchangeRate': [0.006, 0.012] }, seeds: 1, baseSeed: 5, ticks: 30 }));
    const parts: string[] = [];
    const stream = { write: (s: string) => (parts.push(s), true), isTTY: false } as unknown as NodeJS.WriteStream;
    const out = join(dir, 'out');
    const code = await runSweep({ plan: loadPlan(sweepFile), out, shard: null, jobs: 1, resume: false, progress: { stream } });
    expect(code, parts.join('')).toBe(0);
    const lines = readFileSync(join(out, 'runs.csv'), 'utf8').trimEnd().split('\n').map((l) => l.split(','));
    const header = lines[0]!;
    for (const column of ['exchanges', 'exchangesResolved', 'exchangeLatencyMean', 'maxLoadMean', 'busiestShare', 'hash']) expect(header, column).toContain(column);
    const rows = lines.slice(1);
    expect(rows.length).toBe(2 * 3); // 2 grid points × 1 seed × 3 variants
    const col = (name: string) => header.indexOf(name);
    for (const row of rows) {
      const scenario = variant(row[col('variant')]!, [['environment.exchangeRate', Number(row[col('environment.exchangeRate')])], ['ticks', 30]]);
      const sim = createSimulation(scenario, Number(row[col('seed')]));
      sim.step(30);
      expect(row[col('hash')]).toBe(sim.hash());
      expect(Number(row[col('exchanges')])).toBe(sim.summary().metrics['exchanges']);
    }
  }, 120_000);
});
