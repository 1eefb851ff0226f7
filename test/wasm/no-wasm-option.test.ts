// `--no-wasm` (run, run --replay, sweep) and createSimulation's `wasm: false` run
// the TypeScript loops and change no number: the same hashes as the kernel's.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSweepTask } from '../../workers/sweep-task.ts';
import { kernelTicks } from '../../engine/wasm/spread-kernel.ts';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'equipotent.mjs');
const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('--no-wasm', () => {
  it('run: every variant of the spreading scenario has the same hash with and without the kernel, and a replay too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'equipotent-nowasm-'));
    const on = cli(['run', 'spreading', '--ticks', '30', '--json']);
    const off = cli(['run', 'spreading', '--ticks', '30', '--json', '--no-wasm']);
    expect(on.status, on.stderr).toBe(0);
    expect(off.status, off.stderr).toBe(0);
    const hashes = (out: string) => Object.fromEntries(Object.entries(JSON.parse(out).variants).map(([k, v]) => [k, (v as { hash: string }).hash]));
    expect(Object.keys(hashes(on.stdout))).toEqual(['push', 'pull', 'push-pull', 'flood']);
    expect(hashes(off.stdout)).toEqual(hashes(on.stdout));
    const bundle = join(dir, 'bundle.json');
    const input = JSON.parse(readFileSync(join(root, 'scenarios', 'spreading.json'), 'utf8'));
    writeFileSync(bundle, JSON.stringify({
      format: 'equipotent-replay', version: 1, scenario: input, overrides: {}, variant: 'push-pull', seed: 1, stopAt: 30,
      liveShocks: [{ tick: 12, shock: { kind: 'remove-nodes', target: 'degree', count: 40 } }],
    }));
    const replayOn = cli(['run', '--replay', bundle, '--json']);
    const replayOff = cli(['run', '--replay', bundle, '--json', '--no-wasm']);
    expect(replayOn.status, replayOn.stderr).toBe(0);
    expect(replayOff.status, replayOff.stderr).toBe(0);
    const pushPull = (out: string) => JSON.parse(out).variants['push-pull'].hash;
    expect(pushPull(replayOff.stdout)).toBe(pushPull(replayOn.stdout));
  });

  it('sweep: a worker told wasm: false runs the loops, with the rows of the kernel', () => {
    const input = {
      name: 'sw', seed: 1, ticks: 25,
      organization: { size: 300, informal: { kind: 'random', meanDegree: 6 } },
      protocol: { kind: 'gossip', capacityLimited: false }, environment: { rate: 0 },
      information: { items: [{ id: 'x', seeds: [0], spread: { mode: 'flood', beta: 0.3, stifle: 0.5 } }] },
    };
    const task = { run: 0, seed: 4, sets: [] as [string, unknown][], fields: [] as string[], every: 5, everyMode: 'sample' as const };
    const before = kernelTicks();
    const on = runSweepTask({ input, baseDir: root }, task);
    const used = kernelTicks() - before;
    const off = runSweepTask({ input, baseDir: root, wasm: false }, task);
    expect(used).toBe(25);
    expect(kernelTicks() - before).toBe(used);
    expect(off).toEqual(on);
  });
});
