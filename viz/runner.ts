// Compare mode's clock: the variants of one scenario, each in its own worker,
// stepped in lockstep from the same seed; live shocks go to every side at the
// same tick. The page keeps the timeline of live shocks (for the URL, the
// replay bundles and scrubbing); the workers keep snapshots every few ticks.
// Whenever the clock stops (`settle`), the shocks due at the current tick run at
// once in the workers, so the page draws them without waiting for the next step.
import { expandVariants } from '../engine/scenario/overrides.ts';
import { variantErrors } from '../engine/scenario/variant-errors.ts';
export { variantErrors } from '../engine/scenario/variant-errors.ts';
import { pageRegistry } from '../workers/page-modules.ts';
import { BAKED } from '../workers/baked-modules.ts';
import type { Scenario } from '../engine/scenario/schema.ts';
import type { LiveShock } from '../engine/simulation.ts';
import type { ShockSpec } from '../engine/shocks.ts';
import type { Frame, Topology } from '../workers/host.ts';
import type { SeriesStore } from '../engine/metrics.ts';
import { spawnSim, type SimClient } from './sim-client.ts';
import { variantColours } from './palette.ts';
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
  /** Labels of the variants to run (absent: all of them). */
  only?: string[];
}

/** A live shock the workers refused (bad input): the message names the field and the fix. */
export class ShockRefused extends Error {}

/** The scenario input with only the chosen variants (the page's "which variants" choice). */
export function chosenVariants(input: unknown, only?: string[]): unknown {
  if (!only?.length || !input || typeof input !== 'object') return input;
  const variants = (input as { variants?: { label?: unknown }[] }).variants;
  if (!Array.isArray(variants)) return input;
  return { ...input, variants: variants.filter((v) => only.includes(String(v?.label))) };
}


/**
 * When a scenario that names module files cannot run here: the files this build
 * lacks, and how to get a page with them (the page never loads a scenario's code).
 */
function unbakedFiles(input: unknown): string[] {
  const named = (input as { modules?: unknown } | null)?.modules;
  if (!Array.isArray(named)) return [];
  const baked = new Set(BAKED.map((b) => b.file.replace(/^.*[\\/]/, '')));
  const missing = named.filter((f): f is string => typeof f === 'string' && !baked.has(f.replace(/^.*[\\/]/, '')));
  return missing.length === 0 ? [] : [`modules: this scenario uses module files (${missing.join(', ')}) this page was not built with; a page never loads code from a scenario: build one with them (npm run build -- --module ${missing[0]})`];
}

export class Runner {
  sides: Side[] = [];
  tick = 0;
  hashes: string[] = [];
  /** Per side: the tick at which the scenario's stop condition was met (null: not met); that side's steps then do nothing. */
  stoppedAt: (number | null)[] = [];
  timeline: LiveShock[] = [];
  source: RunSource | null = null;
  /** Timeline entries already sent to the workers (their ticks are at or behind `tick`). */
  private queued = 0;
  private every = 10;
  onCrash: (message: string) => void = () => {};
  /** Heard while a run is being built (large organizations take a while). */
  onBuilding: (people: number | null) => void = () => {};
  /** The page setting `?wasm=off` (in the address, before any #): the spreading loops in TypeScript, same results. */
  readonly wasm = new URLSearchParams(globalThis.location?.search ?? '').get('wasm') !== 'off';
  /** Per side: whether its worker runs the WebAssembly spreading kernel. */
  kernels: boolean[] = [];

  /** Builds every variant of `source`; on problems returns them and keeps the current run. */
  async load(source: RunSource): Promise<string[]> {
    const expanded = expandVariants(chosenVariants(source.input, source.only), Object.entries(source.overrides), pageRegistry());
    const errors = variantErrors(expanded);
    if (errors.length) return [...errors, ...unbakedFiles(source.input)];
    if (!expanded.length) return ['variants: none of the chosen variants is in this scenario'];
    const colours = variantColours(expanded.map((v) => ({ label: v.label, kind: v.scenario!.protocol.kind })));
    const fresh: Side[] = expanded.map((v, i) => ({
      label: v.label,
      colour: colours[i]!,
      scenario: v.scenario!,
      client: spawnSim((m) => this.onCrash(`${v.label}: ${m}`)),
    }));
    const people = Math.max(...fresh.map((s) => s.scenario.organization?.size ?? 0));
    this.onBuilding(people || null);
    try {
      const made = await Promise.all(fresh.map((s) => s.client.api.create(s.scenario, source.seed, DATA, { wasm: this.wasm })));
      await Promise.all(fresh.map((s) => s.client.api.checkpoint()));
      this.dispose();
      this.sides = fresh;
      this.hashes = made.map((m) => m.hash);
      this.kernels = made.map((m) => m.wasm);
      this.stoppedAt = made.map(() => null);
    } catch (e) {
      for (const s of fresh) s.client.terminate();
      return [...new Set([e instanceof Error ? e.message : String(e)])];
    } finally {
      this.onBuilding(null);
    }
    this.source = source;
    this.tick = 0;
    this.timeline = [];
    this.queued = 0;
    const n = Math.max(...fresh.map((s) => s.scenario.organization?.size ?? 100));
    this.every = n > 5000 ? 25 : 10;
    return [];
  }

  dispose(): void {
    for (const s of this.sides) s.client.terminate();
    this.sides = [];
  }

  /** True when every side has met the scenario's stop condition: playing on would change nothing. */
  get allStopped(): boolean {
    return this.sides.length > 0 && this.stoppedAt.every((t) => t != null);
  }

  /** Side i's stop, in words ('' while it runs): "stopped at tick 123: resolvedCum ≥ 500". */
  stopWords(i: number): string {
    const at = this.stoppedAt[i], stop = this.sides[i]?.scenario.stop;
    if (at == null || !stop) return '';
    return `stopped at tick ${at}: ${stop.metric} ${stop.op.replace('>=', '≥').replace('<=', '≤')} ${stop.value}`;
  }

  /** The tick the scenario plans to stop at. */
  get planned(): number {
    return Math.max(...this.sides.map((s) => s.scenario.ticks), 1);
  }

  /** Sends the timeline's shocks of the current tick that the workers have not had yet. */
  private async sendDue(): Promise<void> {
    while (this.queued < this.timeline.length && this.timeline[this.queued]!.tick === this.tick) {
      const live = this.timeline[this.queued]!;
      await Promise.all(this.sides.map((s) => s.client.api.shock(live.shock)));
      this.queued++;
    }
  }

  /** Runs k ticks on every side, queuing timeline shocks at their ticks and keeping snapshots. */
  async advance(k: number): Promise<void> {
    const target = this.tick + k;
    while (this.tick < target) {
      await this.sendDue();
      let next = Math.min(target, (Math.floor(this.tick / this.every) + 1) * this.every);
      if (this.queued < this.timeline.length) next = Math.min(next, this.timeline[this.queued]!.tick);
      const res = await Promise.all(this.sides.map((s) => s.client.api.step(next - this.tick)));
      this.tick = next;
      this.hashes = res.map((r) => r.hash);
      res.forEach((r, i) => { if (r.stopped && this.stoppedAt[i] == null) this.stoppedAt[i] = r.tick; });
      // Every side has stopped: the clock ends where the last one did, and goes no further.
      if (this.allStopped) { this.tick = Math.max(...this.stoppedAt.map((t) => t!)); break; }
      // Kept before this tick's shocks run (the workers keep the state before them anyway).
      if (this.tick % this.every === 0) await Promise.all(this.sides.map((s) => s.client.api.checkpoint()));
    }
  }

  /**
   * The clock has stopped here: the shocks due now (scheduled or live) run at once,
   * so the views show them; the hashes stay those of the tick's end.
   */
  async settle(): Promise<void> {
    await this.sendDue();
    await Promise.all(this.sides.map((s) => s.client.api.applyDue()));
  }

  /** Goes to tick t: back to the nearest kept snapshot, then forward deterministically. */
  async seek(t: number): Promise<void> {
    t = Math.max(0, Math.round(t));
    if (t === this.tick) return;
    if (t < this.tick) await this.rewindTo(t);
    await this.advance(t - this.tick);
  }

  private async rewindTo(t: number): Promise<void> {
    const back = await Promise.all(this.sides.map((s) => s.client.api.rewind(t)));
    if (back.some((b) => b === null)) throw new Error('no snapshot to go back to');
    // A side that met its stop condition kept its last state in later snapshots: the clock goes back to the earliest.
    this.tick = Math.min(...back.map((b) => b!.tick));
    this.hashes = back.map((b) => b!.hash);
    this.stoppedAt = this.stoppedAt.map((at) => (at != null && at <= this.tick ? at : null));
    this.queued = this.timeline.filter((s) => s.tick < this.tick).length;
  }

  /**
   * A live shock on every side at the current tick, applied at once; it replaces any
   * later ones (a new future). A shock the workers refuse is taken back (the run is
   * rebuilt to this tick without it) and thrown as ShockRefused with their message.
   */
  async shock(spec: ShockSpec): Promise<void> {
    this.timeline = this.timeline.filter((s) => s.tick <= this.tick);
    this.queued = Math.min(this.queued, this.timeline.length);
    await Promise.all(this.sides.map((s) => s.client.api.forgetAfter(this.tick)));
    this.timeline.push({ tick: this.tick, shock: structuredClone(spec) });
    try {
      await this.settle();
    } catch (e) {
      this.timeline.pop();
      const here = this.tick;
      await this.rewindTo(here);
      await this.advance(here - this.tick);
      await this.settle();
      throw new ShockRefused(e instanceof Error ? e.message.replace(/^(Error|UserInputError): /, '') : String(e));
    }
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
