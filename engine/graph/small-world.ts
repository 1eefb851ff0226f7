// `small-world` (informal): the Watts–Strogatz ring with rewiring (MODEL.md §3),
// step for step as networkx's `watts_strogatz_graph`: a ring where each node ties
// to its k/2 nearest neighbours on each side (mean degree k); then, for each
// offset j = 1 … k/2 and each node u in order, with probability p the tie
// (u, u + j) is replaced by (u, w), w uniform, redrawn while it would be a
// self-loop or a repeated tie (the rewiring is skipped if u is tied to everyone).
//
// Watts, D. J. & Strogatz, S. H. (1998). Collective dynamics of 'small-world'
// networks. Nature 393, 440–442.
//
// State, O(n·k) in typed arrays: `head[e]` is the far end of ring slot
// e = (j − 1)·n + u (its original value until rewired — a rewired slot never
// returns to it, since w is drawn among u's non-neighbours), so "is the ring tie
// {u, w} still there" is one lookup; ties created by rewiring are never removed
// again, and live in an insert-only open-addressing hash set of pair keys.
import { buildGraph, type Graph } from './csr.ts';
import type { Rng } from '../rng.ts';

/** The WS graph on n nodes, mean degree k (even; odd k acts as k − 1), rewiring probability p. */
export function smallWorld(n: number, k: number, p: number, rng: Rng): Graph {
  if (k >= n && n > 0) throw new Error(`small-world needs k < size, got k = ${k} for size ${n}`);
  const half = Math.max(0, Math.floor(k / 2));
  const slots = n * half;
  const head = new Int32Array(slots);
  for (let j = 1; j <= half; j++) {
    const base = (j - 1) * n;
    for (let u = 0; u < n; u++) head[base + u] = u + j < n ? u + j : u + j - n;
  }
  const degree = new Int32Array(n).fill(2 * half);
  const added = new PairSet(Math.ceil(slots * Math.min(1, p * 1.2)) + 16);

  const tied = (u: number, w: number): boolean => {
    let d = w - u;
    if (d < 0) d += n;
    if (d >= 1 && d <= half) {
      if (head[(d - 1) * n + u] === w) return true;
    } else if (n - d >= 1 && n - d <= half) {
      if (head[(n - d - 1) * n + w] === u) return true;
    }
    return added.has(u < w ? u : w, u < w ? w : u, n);
  };

  if (p > 0) {
    for (let j = 1; j <= half; j++) {
      const base = (j - 1) * n;
      for (let u = 0; u < n; u++) {
        if (!rng.chance(p)) continue;
        let w = rng.int(n);
        let skip = false;
        while (w === u || tied(u, w)) {
          w = rng.int(n);
          if (degree[u]! >= n - 1) {
            skip = true;
            break;
          }
        }
        if (skip) continue;
        const v = head[base + u]!;
        head[base + u] = w;
        degree[v]!--;
        degree[w]!++;
        added.add(u < w ? u : w, u < w ? w : u, n);
      }
    }
  }
  const src = new Int32Array(slots);
  for (let e = 0; e < slots; e++) src[e] = e % n;
  return buildGraph(n, src, head, slots);
}

/** An insert-only hash set of pairs (a < b < n), keyed a·n + b (exact below 2^53). */
class PairSet {
  private keys: Float64Array;
  private mask: number;
  private size = 0;
  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.keys = new Float64Array(cap).fill(-1);
    this.mask = cap - 1;
  }
  private slot(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    return h & this.mask;
  }
  has(a: number, b: number, n: number): boolean {
    const key = a * n + b;
    for (let i = this.slot(a, b); ; i = (i + 1) & this.mask) {
      const k = this.keys[i]!;
      if (k === key) return true;
      if (k === -1) return false;
    }
  }
  add(a: number, b: number, n: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow(n);
    const key = a * n + b;
    for (let i = this.slot(a, b); ; i = (i + 1) & this.mask) {
      const k = this.keys[i]!;
      if (k === key) return;
      if (k === -1) {
        this.keys[i] = key;
        this.size++;
        return;
      }
    }
  }
  private grow(n: number): void {
    const old = this.keys;
    this.keys = new Float64Array(old.length * 2).fill(-1);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < old.length; i++) {
      const key = old[i]!;
      if (key === -1) continue;
      const a = Math.floor(key / n);
      this.add(a, key - a * n, n);
    }
  }
}
