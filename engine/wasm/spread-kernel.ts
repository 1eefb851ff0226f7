// The loader of the WebAssembly spreading kernel (issue 19): it runs one item's
// textbook tick (capacityLimited: false) in assembly/spread.ts instead of the
// TypeScript passes of engine/spread/ and the layer's finishTick, which stay the
// reference. Same draws, same
// bytes; the property test in test/wasm/ proves it on random graphs and modes.
//
// The state stays in the engine's typed arrays. The informal layer's arrays live
// over the kernel's memory (moved there on first use, and again when shocks or a
// restore replace them), so at 10^6 people the layer is not held twice; the state
// record keeps them as Int32Arrays, so snapshot (a copy), restore, hash and worker
// transfer (of snapshots and frames, which are copies) see nothing new. Each
// item's state bytes are copied in for the call and its changes copied back
// (one n-byte copy in, the people informed out): they are written by seeding,
// removals and live shocks between ticks. README: what either costs.
import type { Context } from '../context.ts';
import type { ItemSpec } from '../item-spec.ts';
import { itemHandles } from '../item-keys.ts';
import { INFORMAL_OFFSETS, INFORMAL_TARGETS } from '../organization-state.ts';
import { countContacts, countTrials } from '../spread/contacts.ts';
import { SPREAD_WASM_BASE64 } from './spread-bytes.ts';

/** The kernel's exports (assembly/spread.ts). */
interface KernelExports {
  tick(mode: number, n: number, complete: number, off: number, tg: number, st: number, fresh: number, io: number,
    fanout: number, threshold: number, beta: number, logq: number, stifle: number, exact: number): number;
}

const MODES = { push: 0, pull: 1, 'push-pull': 2, flood: 3 } as const;
const PAGE = 65536;
/** Bytes of the io block (stream words in/out, then contacts, wasted, trials as f64). */
const IO_BYTES = 64;
const ACTIVE = 1;

/**
 * Up to this degree the kernel's integer multiply-shift draw equals the reference's
 * double rounding (x · d < 2^53); above it the kernel rounds in doubles as the
 * reference does. A field so the tests can run the double path on small graphs.
 */
export const kernelTuning = { exactDegree: 2 ** 21 };

let ticksRun = 0;

/** Item-ticks the kernel has run in this process (tests check the kernel was not bypassed). */
export function kernelTicks(): number {
  return ticksRun;
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, once per process; null where WebAssembly is missing or refuses it. */
function kernelModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    if (typeof WebAssembly !== 'object') return (compiled = null);
    const text = atob(SPREAD_WASM_BASE64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    compiled = new WebAssembly.Module(bytes);
  } catch {
    compiled = null;
  }
  return compiled;
}

/** True when this JavaScript engine can run the kernel. */
export function wasmAvailable(): boolean {
  return kernelModule() !== null;
}

/**
 * One simulation's kernel: its own memory (freed with the simulation), made when
 * the simulation is built (`prepare`) and again when the informal layer changes.
 * `tick` returns false when it cannot take the item (the layer then runs its
 * TypeScript loops), and true when it ran the item's whole tick.
 */
export class SpreadKernel {
  private exports: KernelExports | null = null;
  private failed = false;
  // The layer in the kernel's memory (the views the state now holds) and where things lie.
  private offsets: Int32Array | null = null;
  private targets: Int32Array | null = null;
  private complete = false;
  private n = -1;
  private exact = false;
  private offAt = 0;
  private tgAt = 0;
  private stAt = 0;
  private freshAt = 0;
  private io = new Uint32Array(0);
  private ioF64 = new Float64Array(0);
  private stView = new Uint8Array(0);
  private freshView = new Int32Array(0);

  /**
   * Moves the informal layer into the kernel's memory now, while the simulation is
   * built, rather than on its first tick (the layer is the organization's: laying
   * it out is part of building it). False when the kernel cannot run here.
   */
  prepare(ctx: Context): boolean {
    return this.bind(ctx);
  }

  /** Runs item k's tick (spreading pass, stifling, NEW → ACTIVE, counts) in the kernel. */
  tick(ctx: Context, k: number, item: ItemSpec): boolean {
    const n = ctx.n;
    const g = ctx.informal;
    const state = ctx.state;
    const handles = itemHandles(k);
    const st = state.get(handles.state);
    if (st.length < n || (!g.complete && g.offsets.length !== n + 1)) return false;
    if (!this.bind(ctx)) return false;
    const stView = this.stView, io = this.io;
    stView.set(st.length === n ? st : st.subarray(0, n));
    const w = ctx.streams.words;
    const r0 = ctx.streams.information.at;
    io[0] = w[r0]!; io[1] = w[r0 + 1]!; io[2] = w[r0 + 2]!; io[3] = w[r0 + 3]!;
    const beta = item.beta;
    const stifle = item.mode === 'pull' ? 0 : item.stifle;
    const fresh = this.exports!.tick(
      MODES[item.mode], n, g.complete ? 1 : 0, this.offAt, this.tgAt, this.stAt, this.freshAt, 0,
      item.fanout, beta >= 1 ? 4294967296 : Math.floor(beta * 4294967296), beta, Math.log1p(-beta), stifle, this.exact ? 1 : 0,
    );
    w[r0] = io[0]!; w[r0 + 1] = io[1]!; w[r0 + 2] = io[2]!; w[r0 + 3] = io[3]!;
    if (stifle > 0) {
      st.set(stView); // stifling may have quieted anyone who acted
    } else {
      // Without stifling the only changes are the people informed: unaware → active.
      const list = this.freshView;
      for (let i = 0; i < fresh; i++) st[list[i]!] = ACTIVE;
    }
    if (item.mode === 'flood') countTrials(ctx, this.ioF64[4]!);
    countContacts(ctx, this.ioF64[2]!, this.ioF64[3]!);
    state.addNum(handles.informed, fresh);
    ticksRun++;
    return true;
  }

  /**
   * Makes the kernel's memory for the informal layer now (on first use, and when the
   * layer's arrays or n change: shocks, hiring, restore) and moves the layer into it:
   * the state record and the Graph then hold views over that memory, so the layer
   * exists once. A new memory each time, never a grown one: growing would detach
   * the views that the state, snapshots in progress or a caller may still hold.
   */
  private bind(ctx: Context): boolean {
    if (this.failed) return false;
    const g = ctx.informal;
    const n = ctx.n;
    if (n === this.n && g.complete === this.complete && (g.complete || (g.offsets === this.offsets && g.targets === this.targets))) return true;
    const module = kernelModule();
    if (!module) { this.failed = true; return false; }
    // Layout: io, offsets, targets, state bytes, fresh list (each 8-byte aligned).
    const arcs = g.complete ? 0 : g.targets.length;
    const offAt = IO_BYTES;
    const tgAt = offAt + (g.complete ? 0 : align8((n + 1) * 4));
    const stAt = tgAt + align8(arcs * 4);
    const freshAt = stAt + align8(n);
    const bytes = freshAt + n * 4;
    let memory: WebAssembly.Memory;
    try {
      memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
    } catch {
      // Beyond what a WebAssembly memory may hold (4 GiB) or this machine gives: the TypeScript loops take it.
      this.n = -1;
      return false;
    }
    const instance = new WebAssembly.Instance(module, { env: { memory, log: Math.log } });
    this.exports = instance.exports as unknown as KernelExports;
    const buffer = memory.buffer;
    this.offAt = offAt; this.tgAt = tgAt; this.stAt = stAt; this.freshAt = freshAt;
    this.io = new Uint32Array(buffer, 0, 4);
    this.ioF64 = new Float64Array(buffer, 0, IO_BYTES / 8);
    this.stView = new Uint8Array(buffer, stAt, n);
    this.freshView = new Int32Array(buffer, freshAt, n);
    let maxDegree = n - 1;
    if (!g.complete) {
      const offsets = new Int32Array(buffer, offAt, n + 1);
      const targets = new Int32Array(buffer, tgAt, arcs);
      offsets.set(g.offsets);
      targets.set(g.targets);
      maxDegree = 0;
      for (let v = 0; v < n; v++) { const d = offsets[v + 1]! - offsets[v]!; if (d > maxDegree) maxDegree = d; }
      // The layer moves: same values, same array types, so hashes and snapshots do not change.
      const state = ctx.state;
      if (state.get(INFORMAL_OFFSETS) === g.offsets && state.get(INFORMAL_TARGETS) === g.targets) {
        state.put(INFORMAL_OFFSETS, offsets);
        state.put(INFORMAL_TARGETS, targets);
        g.offsets = offsets;
        g.targets = targets;
      }
    }
    this.exact = maxDegree <= kernelTuning.exactDegree;
    this.offsets = g.offsets;
    this.targets = g.targets;
    this.complete = g.complete;
    this.n = n;
    return true;
  }
}

/**
 * Gives a simulation's information layer the kernel (issue 19) when `on`, the
 * model is the textbook one (capacityLimited: false) and WebAssembly is here, and
 * moves the informal layer into its memory now if there are items to spread.
 */
export function attachSpreadKernel(ctx: Context, on: boolean): void {
  if (!on || ctx.scenario.protocol.capacityLimited !== false || !wasmAvailable()) return;
  const kernel = new SpreadKernel();
  ctx.information.kernel = kernel;
  if (ctx.information.items.length > 0) kernel.prepare(ctx);
}

function align8(x: number): number {
  return Math.ceil(x / 8) * 8;
}
