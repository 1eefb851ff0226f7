// Force layout of an informal layer, off the main thread: d3-force run to rest
// once, from people placed on a circle in id order (ring-like layers then open
// up as rings instead of tangling), and sent back as packed coordinates.
import * as Comlink from 'comlink';
import { forceSimulation, forceLink, forceManyBody, forceX, forceY, type SimulationNodeDatum } from 'd3';

/** Coordinates [x0, y0, x1, y1, …] in about [−1, 1]² for people 0 … n−1. */
function layout(n: number, offsets: Int32Array, targets: Int32Array): Float32Array {
  const nodes: SimulationNodeDatum[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    nodes.push({ x: 300 * Math.cos(a), y: 300 * Math.sin(a) });
  }
  const links: { source: number; target: number }[] = [];
  for (let u = 0; u < n; u++) for (let k = offsets[u]!; k < offsets[u + 1]!; k++) if (targets[k]! > u) links.push({ source: u, target: targets[k]! });
  const sim = forceSimulation(nodes)
    .force('link', forceLink(links).distance(14).strength(0.6))
    .force('charge', forceManyBody().strength(-18).distanceMax(160).theta(0.9))
    .force('x', forceX(0).strength(0.04))
    .force('y', forceY(0).strength(0.04))
    .stop();
  const iterations = n > 1500 ? 160 : 260;
  for (let i = 0; i < iterations; i++) sim.tick();
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const p of nodes) { minX = Math.min(minX, p.x!); maxX = Math.max(maxX, p.x!); minY = Math.min(minY, p.y!); maxY = Math.max(maxY, p.y!); }
  const half = Math.max(maxX - minX, maxY - minY, 1e-9) / 2, cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
  const out = new Float32Array(2 * n);
  nodes.forEach((p, i) => { out[2 * i] = (p.x! - cx) / half; out[2 * i + 1] = (p.y! - cy) / half; });
  return Comlink.transfer(out, [out.buffer]);
}

Comlink.expose({ layout });
