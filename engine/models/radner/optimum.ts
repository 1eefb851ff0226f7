// The least one-shot delay over *every* schedule of P processors, by breadth-first
// search over (free quantities, loaded registers): an independent check that no
// network beats Radner's formula under the same rules. In one cycle a processor
// with a loaded register may read one free quantity into it (two quantities become
// one), a processor with an empty register may load one, and before reading a
// processor may hand its register on (its partial result becomes a free quantity,
// its register empty). Done when one quantity is left, in a register.
// Exponential in nothing, but quadratic states and cubic moves: for small n only.

/** The minimum number of cycles to aggregate n items with P processors. */
export function optimalDelay(n: number, P: number): number {
  if (n < 1 || P < 1) throw new Error('optimalDelay: n and P must be at least 1');
  const key = (f: number, a: number) => f * (P + 1) + a;
  const seen = new Uint8Array((n + 1) * (P + 1));
  let frontier: [number, number][] = [[n, 0]];
  seen[key(n, 0)] = 1;
  for (let cycles = 0; frontier.length > 0; cycles++) {
    const next: [number, number][] = [];
    for (const [f, a] of frontier) {
      if (f === 0 && a === 1) return cycles;
      for (let s = 0; s <= a; s++) { // registers handed on before the cycle
        const free = f + s;
        const loaded = a - s;
        const empty = P - loaded;
        for (let x = 0; x <= Math.min(loaded, free); x++) { // merges
          for (let y = 0; y <= Math.min(empty, free - x); y++) { // loads
            const f2 = free - x - y;
            const a2 = loaded + y;
            if (f2 + a2 < 1) continue;
            const k = key(f2, a2);
            if (!seen[k]) { seen[k] = 1; next.push([f2, a2]); }
          }
        }
      }
    }
    frontier = next;
  }
  throw new Error('optimalDelay: unreachable');
}
