// Streams of a run's own beyond v1's six (MODEL.md §2, §10): each mechanism of
// model 2 and each user module draws from its own named stream, so switching one
// on changes no other draw. A stream's four xoshiro128** words are a state array
// of its own (`rng.stream.<name>`), created the first time it is asked for:
// present only in runs that use it (v1 hashes keep), carried by snapshots.
import type { Context } from './context.ts';
import { Rng, seedWords } from './rng.ts';
import { stateArray, type ArrayHandle } from './state-handles.ts';

const handles = new Map<string, ArrayHandle<Uint32Array>>();
// Rng objects wrap a words array; after a restore the array is a new one, so the
// wrapper is re-made (keyed by the array it wraps). Not state.
const wrappers = new WeakMap<Uint32Array, Rng>();

/** The run's stream `name` (seeded from `<seed>/<name>`), created on first use. */
export function runStream(ctx: Context, name: string): Rng {
  let h = handles.get(name);
  if (h === undefined) {
    h = stateArray.u32(`rng.stream.${name}`);
    handles.set(name, h);
  }
  let words = ctx.state.hasArray(h) ? ctx.state.get(h) : undefined;
  if (words === undefined) {
    words = new Uint32Array(4);
    seedWords(ctx.seed, name, words, 0);
    ctx.state.put(h, words);
  }
  let rng = wrappers.get(words);
  if (rng === undefined) {
    rng = new Rng(words, 0);
    wrappers.set(words, rng);
  }
  return rng;
}
