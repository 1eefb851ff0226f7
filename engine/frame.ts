// What the page draws for one tick (VIZ.md), built from the state's declared
// handles: who is alive, who has heard an item, who believes a false item, who
// leads an attempt, inboxes and messages in flight. The decoding of the state's
// codes (codes.ts) happens here and only here; test/frame.test.ts checks it
// against the engine's own counts. Every array is a fresh copy, so the worker can
// transfer it.
import { BELIEF, INFO } from './codes.ts';
import type { ItemSpec } from './item-spec.ts';
import { itemHandles } from './item-keys.ts';
import { INBOX_COUNT, MSG_FROM, MSG_KIND, MSG_TO, OUTBOX, OUTBOX_LENGTH } from './messages.ts';
import { FORMAL_PARENT, INFORMAL_COMPLETE, INFORMAL_TARGETS } from './organization-state.ts';
import { ALIVE, ALIVE_COUNT, LEADING } from './people-state.ts';
import type { State } from './state.ts';

export interface Frame {
  /** Ticks done. */
  tick: number;
  /** People ever created (the length of the per-person arrays). */
  n: number;
  alive: Uint8Array;
  /** 1 when an alive person has heard any item (state ACTIVE, QUIET or NEW), else 0. */
  informed: Uint8Array;
  /** Messages waiting in each person's inbox. */
  queue: Int32Array;
  /** Messages in flight (sent, delivered next tick), packed as [from, to, kind, …]. */
  messages: Int32Array;
  /** 1 when an alive person believes a false item now (BELIEVER of a seeded false item), else 0. */
  misinformed: Uint8Array;
  /** 1 when a person leads at least one attempt now (`leading` > 0; 0 without situations). */
  leading: Uint8Array;
  /** Changes whenever the ties or the people change (the page redraws ties only then). */
  topologyKey: string;
}

/** What a frame is built from: a simulation's state, size, tick and items. */
export interface FrameSource {
  readonly state: State;
  readonly n: number;
  readonly tick: number;
  readonly items: readonly ItemSpec[];
}

/** The frame of the state now. */
export function buildFrame({ state, n, tick, items }: FrameSource): Frame {
  const alive = state.get(ALIVE).slice(0, n);
  const informed = new Uint8Array(n);
  for (let k = 0; k < items.length; k++) {
    const h = itemHandles(k);
    if (!state.hasArray(h.state)) continue;
    const st = state.get(h.state);
    for (let v = 0; v < n; v++) {
      const s = st[v];
      if (s === INFO.ACTIVE || s === INFO.QUIET || s === INFO.NEW) informed[v] = 1;
    }
  }
  const misinformed = new Uint8Array(n);
  for (let k = 0; k < items.length; k++) {
    const h = itemHandles(k);
    if (items[k]!.truth || state.num(h.seeded) !== 1 || !state.hasArray(h.belief)) continue;
    const belief = state.get(h.belief);
    for (let v = 0; v < n; v++) if (belief[v] === BELIEF.BELIEVER && alive[v]) misinformed[v] = 1;
  }
  const leading = new Uint8Array(n);
  if (state.hasArray(LEADING)) {
    const l = state.get(LEADING);
    for (let v = 0; v < n; v++) leading[v] = l[v]! > 0 ? 1 : 0;
  }
  return {
    tick, n, alive, informed,
    queue: state.get(INBOX_COUNT).slice(0, n),
    messages: messagesInFlight(state),
    misinformed, leading,
    topologyKey: topologyKey(state, n),
  };
}

/** The buffers of a frame (to transfer it to another thread). */
export function frameBuffers(f: Frame): ArrayBuffer[] {
  return [f.alive, f.informed, f.queue, f.messages, f.misinformed, f.leading].map((a) => a.buffer as ArrayBuffer);
}

/** The outbox as [from, to, kind, …]. */
function messagesInFlight(state: State): Int32Array {
  const outbox = state.get(OUTBOX), from = state.get(MSG_FROM), to = state.get(MSG_TO), kind = state.get(MSG_KIND);
  const len = state.num(OUTBOX_LENGTH);
  const out = new Int32Array(3 * len);
  for (let i = 0; i < len; i++) {
    const slot = outbox[i]!;
    out[3 * i] = from[slot]!; out[3 * i + 1] = to[slot]!; out[3 * i + 2] = kind[slot]!;
  }
  return out;
}

/** A key that changes with the people, the informal ties or the formal tree. */
function topologyKey(state: State, n: number): string {
  // Succession rewires the formal tree: fold the managers into the key (cheap, O(n)).
  const parent = state.get(FORMAL_PARENT);
  let formal = 0;
  for (let v = 0; v < n; v++) formal = (Math.imul(formal, 31) + parent[v]! + 1) | 0;
  return `${n}:${state.num(ALIVE_COUNT)}:${state.get(INFORMAL_TARGETS).length}:${state.num(INFORMAL_COMPLETE)}:${formal}`;
}
