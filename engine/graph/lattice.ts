// `lattice` (informal): a 2-D grid, each person tied to the 4 nearest (north,
// south, east, west), Gore's "lattice organization" (MODEL.md §3). Node id is
// y·width + x. With `wrap` the grid closes into a torus, so everyone has 4 ties
// (fewer only on grids 1 or 2 wide, where wrapped neighbours coincide).
import { buildGraph, EdgeBuffer, type Graph } from './csr.ts';

/** The width × height grid (torus if wrap); n = width·height. */
export function lattice(width: number, height: number, wrap: boolean): Graph {
  const n = width * height;
  const ties = new EdgeBuffer(2 * n + 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (x + 1 < width) ties.push(i, i + 1);
      else if (wrap) ties.push(i, y * width);
      if (y + 1 < height) ties.push(i, i + width);
      else if (wrap) ties.push(i, x);
    }
  }
  // buildGraph drops the self-loops and repeats that wrapping makes on grids 1 or 2 wide.
  return buildGraph(n, ties.src, ties.dst, ties.length);
}
