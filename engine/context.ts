// The internal simulation context that the phases share: the state record, the
// streams, the scenario and a few derived views. Not exported to users; the
// public surface is `createSimulation` in simulation.ts.
import type { Graph } from './graph/csr.ts';
import type { Streams } from './rng.ts';
import type { State } from './state.ts';
import type { Messages } from './messages.ts';
import type { Scenario } from './scenario/schema.ts';
import type { Protocol } from './protocols/protocol.ts';
import type { InformationLayer } from './information.ts';
import type { Registry } from './modules/registry.ts';
import type { ArrayHandle } from './state-handles.ts';
import type { Rng } from './rng.ts';
import type { ModelTwo } from './mechanisms/model-two.ts';

export interface Context {
  scenario: Scenario;
  seed: number;
  state: State;
  streams: Streams;
  messages: Messages;
  protocol: Protocol;
  /** The modules this run is assembled from (shock kinds, metric families, …). */
  modules: Registry;
  information: InformationLayer;
  /** The informal layer as a view over the state's arrays; replaced by `setInformal`. */
  informal: Graph;
  /** Labels of people for outputs (a file's own ids, or the index as text). */
  labels: string[];
  /** Node attributes from a file layer (column → value per person), for partitions and colours. */
  attributes: Record<string, string[]>;
  /** Number of people ever created (alive or removed). */
  n: number;
  /** The tick being run (during a step) or the number of ticks done (between steps). */
  tick: number;
  /** Derived values that are not state (cleared on restore): leaves of the tree, best skills… */
  cache: Record<string, unknown>;
  /** Registers a per-person array so hiring grows it (stride values per person, fill for newcomers). */
  registerPersonArray(array: string | ArrayHandle, stride: number, fill: number): void;
  /** Grows every per-person array to `to` people (hiring) and sets n. */
  grow(to: number): void;
  /** Replaces the informal layer (state arrays and view) and marks components stale. */
  setInformal(g: Graph): void;
  /** The shocks applied so far (tick and kind), for the per-shock recovery results. Not state: the run's log. */
  applied: { at: number; kind: string }[];
  /** A stream of the run's own beside the v1 streams (`<seed>/<name>`; its words are state, created on first use). */
  stream(name: string): Rng;
  /** Model 2's mechanisms for this run (MODEL.md §10), or null under model 1. */
  v2: ModelTwo | null;
  /** People in the largest connected group of the informal layer (recomputed only after the ties changed). */
  giantComponent(): number;
}
