// Compare mode's clock: the variants of one scenario, each in its own worker,
// stepped in lockstep from the same seed; live shocks go to every side at the
// same tick. The page keeps the timeline of live shocks (for the URL, the
// replay bundles and scrubbing); the workers keep snapshots every few ticks.
import { expandVariants } from '../engine/scenario/overrides.ts';
import type { Scenario } from '../engine/scenario/schema.ts';
import type { LiveShock } from '../engine/simulation.ts';
import type { ShockSpec } from '../engine/shocks.ts';
import type { Frame, Topology } from '../workers/host.ts';
import type { SeriesStore } from '../engine/metrics.ts';
import { spawnSim, type SimClient } from './sim-client.ts';
import { variantColour } from './palette.ts';
import { DATA } from './scenarios.ts';

export interface Side {
  label: string;
  colour: string;
  scenario: Scenario;
  client: SimClient;
}

export type Overrides = Record<string, unknown>;

/** What a run was made from (enough to rebuild it, and to share it). */
export interface RunSource {
  name: string;
  input: unknown;
  overrides: Overrides;
  seed: number;
}

export class Runner {
  sides: Side[] = [];
  tick = 0;
  hashes: string[] = [];
  timeline: LiveShock[] = [];
  source: RunSource | null = null;
  /** Timeline entries already queued in the workers (their ticks are behind `tick`). */
  private queued = 0;
  private every = 10;
  onCrash: (message: string) => void = () => {};
  /** The page setting `?wasm=off` (in the address, before any #): the spreading loops in TypeScript, same results. */
  readonly wasm = new URLSearchParams(globalThis.location?.search ?? '').get('wasm') !== 'off';
  /** Per side: whether its worker runs the WebAssembly spreading kernel. */
  kernels: boolean[] = [];

  /** Builds every variant of `source`; on problems returns them and keeps the current run. */
  async load(source: RunSource): Promise<string[]> {
    const expanded = expandVariants(source.input, Object.entries(source.overrides));
    const errors = expanded.flatMap((v) => (v.ok ? [] : v.errors));
    if (errors.length) return errors;
    const fresh: Side[] = expanded.map((v, i) => ({
      label: v.label,
      colour: variantColour(i),
      scenario: v.scenario!,
      client: spawnSim((m) => this.onCrash(`${v.label}: ${m}`)),
    }));
    try {
      const made = await Promise.all(fresh.map((s) => s.client.api.create(s.scenario, source.seed, DATA, { wasm: this.wasm })));
      await Promise.all(fresh.map((s) => s.client.api.checkpoint()));
      this.dispose();
      this.sides = fresh;
      this.hashes = made.map((m) => m.hash);
      this.kernels = made.map((m) => m.wasm);
    } catch (e) {
      for (const s of fresh) s.client.terminate();
      return [e instanceof Error ? e.message : String(e)];
    }
    this.source = source;
    this.tick = 0;
    this.timeline = [];
    this.queued = 0;
    const n = Math.max(...fresh.map((s) => s.scenario.organization.size ?? 100));
    this.every = n > 5000 ? 25 : 10;
    return [];
  }

  dispose(): void {
    for (const s of this.sides) s.client.terminate();
    this.sides = [];
  }

  /** The tick the scenario plans to stop at. */
  get planned(): number {
    return Math.max(...this.sides.map((s) => s.scenario.ticks), 1);
  }

  /** Runs k ticks on every side, queuing timeline shocks at their ticks and keeping snapshots. */
  async advance(k: number): Promise<void> {
    const target = this.tick + k;
    while (this.tick < target) {
      while (this.queued < this.timeline.length && this.timeline[this.queued]!.tick === this.tick) {
        const live = this.timeline[this.queued]!;
        await Promise.all(this.sides.map((s) => s.client.api.shock(live.shock)));
        this.queued++;
      }
      let next = Math.min(target, (Math.floor(this.tick / this.every) + 1) * this.every);
      if (this.queued < this.timeline.length) next = Math.min(next, this.timeline[this.queued]!.tick);
      const res = await Promise.all(this.sides.map((s) => s.client.api.step(next - this.tick)));
      this.tick = next;
      this.hashes = res.map((r) => r.hash);
      if (this.tick % this.every === 0) await Promise.all(this.sides.map((s) => s.client.api.checkpoint()));
    }
  }

  /** Goes to tick t: back to the nearest kept snapshot, then forward deterministically. */
  async seek(t: number): Promise<void> {
    t = Math.max(0, Math.round(t));
    if (t === this.tick) return;
    if (t < this.tick) {
      const back = await Promise.all(this.sides.map((s) => s.client.api.rewind(t)));
      if (back.some((b) => b === null)) throw new Error('no snapshot to go back to');
      this.tick = back[0]!.tick;
      this.hashes = back.map((b) => b!.hash);
      this.queued = this.timeline.filter((s) => s.tick < this.tick).length;
    }
    await this.advance(t - this.tick);
  }

  /** A live shock on every side at the current tick; it replaces any later ones (a new future). */
  async shock(spec: ShockSpec): Promise<void> {
    this.timeline = this.timeline.filter((s) => s.tick <= this.tick);
    this.queued = Math.min(this.queued, this.timeline.filter((s) => s.tick < this.tick).length);
    this.timeline.push({ tick: this.tick, shock: structuredClone(spec) });
    await Promise.all(this.sides.map((s) => s.client.api.forgetAfter(this.tick)));
  }

  frames(): Promise<Frame[]> {
    return Promise.all(this.sides.map((s) => s.client.api.frame()));
  }

  topology(i: number): Promise<Topology> {
    return this.sides[i]!.client.api.topology();
  }

  series(): Promise<SeriesStore[]> {
    return Promise.all(this.sides.map((s) => s.client.api.series()));
  }
}
