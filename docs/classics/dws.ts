// Dodds, Watts & Sabel (2003) in full, run offline (a few minutes):
//   npx tsx docs/classics/dws.ts
// writes docs/classics/data/dws.json and the figures docs/classics/dws-congestion.svg,
// dws-connectivity.svg and dws-ties.svg that docs/classics.md shows: ρ_max per tie
// type at m = N (their Fig. 3B at m = N), the share still connected as the root and
// then the most loaded people are removed (their Fig. 4's question), and ρ_max as
// ties are added (Fig. 3B). The same runs as `equipotent check`'s cases (seeds
// 1001–1020, validation/cases/dws.ts); test/exchanges/dws-replication.test.ts
// reruns one of them and must get the stored numbers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimulation } from '../../engine/simulation.ts';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import { meanSe } from '../../validation/case.ts';
import { TIE_TYPES, connectedCurve, dwsScenario, dwsSeeds, type TieType } from '../../validation/cases/dws.ts';
import { validationScenarios } from '../../validation/cases/scenarios.ts';
import { barChart, lineChart } from './svg.ts';

const here = import.meta.dirname;
mkdirSync(join(here, 'data'), { recursive: true });
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
const SHORT: Record<TieType, string> = {
  tree: 'tree', random: 'random', 'local team': 'local team', 'random interdivisional': 'interdivisional', 'core-periphery': 'core–periphery', multiscale: 'multiscale',
};

// ---- m = N: ρ_max and the removal curve, 20 seeds a type.
const N = 3906;
const REMOVED = [0, 1, 10, 20, 40, 78, 120, 160, 240, 320, 400];
const seeds = dwsSeeds(false);
const perType: Record<string, { rho: number[]; curve: number[][]; lost: number[]; latency: number[] }> = {};
for (const type of TIE_TYPES) {
  const scenario = dwsScenario(type, false);
  const out = { rho: [] as number[], curve: [] as number[][], lost: [] as number[], latency: [] as number[] };
  for (const seed of seeds) {
    const sim = createSimulation(scenario, seed);
    sim.step(scenario.ticks);
    const m = sim.summary().metrics;
    out.rho.push(round(m['maxLoadMean']!, 6));
    out.lost.push(m['exchangesLost']!);
    out.latency.push(round(m['exchangeLatencyMean']!, 6));
    out.curve.push(connectedCurve(sim, REMOVED).map((x) => round(x, 6)));
  }
  perType[type] = out;
  process.stderr.write(`${type}: ρ_max ${meanSe(out.rho).mean.toFixed(3)}\n`);
}

// ---- ρ_max as ties are added (m / N = 0 … 1), 5 seeds a point.
const FRACTIONS = [0, 0.125, 0.25, 0.5, 1];
const addSeeds = seeds.slice(0, 5);
const adding: Record<string, number[]> = {};
for (const type of TIE_TYPES.filter((t) => t !== 'tree')) {
  adding[type] = FRACTIONS.map((f) => {
    const v = expandVariants(validationScenarios.dws, [['organization.informal.extra', Math.round(f * N)]]).find((x) => x.label === type);
    if (!v?.ok) throw new Error(`${type}: ${v?.errors.join('; ')}`);
    const rho = addSeeds.map((seed) => {
      const sim = createSimulation(v.scenario, seed);
      sim.step(v.scenario.ticks);
      return sim.summary().metrics['maxLoadMean']!;
    });
    return round(meanSe(rho).mean, 6);
  });
  process.stderr.write(`${type}: ρ_max as ties are added ${adding[type]!.join(' ')}\n`);
}

writeFileSync(join(here, 'data', 'dws.json'), `${JSON.stringify({ seeds, removed: REMOVED, perType, adding: { fractions: FRACTIONS, seeds: addSeeds, rho: adding } }, null, 1)}\n`);

const stats = (t: TieType) => meanSe(perType[t]!.rho);
writeFileSync(join(here, 'dws-congestion.svg'), barChart({
  title: 'Busiest person\'s load ρ_max by tie type (m = N = 3906, ξ = 1, 20 seeds, ± sd)',
  yLabel: 'messages received per tick',
  yMax: 2.5,
  bars: TIE_TYPES.map((t, i) => ({ label: SHORT[t], value: stats(t).mean, err: stats(t).sd, colour: i })),
}));

writeFileSync(join(here, 'dws-connectivity.svg'), lineChart({
  title: 'Still connected as the root, then the most loaded, are removed (20 seeds)',
  xLabel: 'people removed (the root first, then by load over the run)',
  yLabel: 'share of N in the largest connected group',
  x: REMOVED,
  yMin: 0,
  yMax: 1,
  series: TIE_TYPES.map((t, i) => ({ label: SHORT[t], colour: i, dashed: t === 'random', y: REMOVED.map((_, k) => meanSe(perType[t]!.curve.map((c) => c[k]!)).mean) })),
  marks: [{ x: 78, label: '2 % (the check)' }],
}));

writeFileSync(join(here, 'dws-ties.svg'), lineChart({
  title: 'ρ_max as extra ties are added (5 seeds a point)',
  xLabel: 'extra ties m / N',
  yLabel: 'messages received per tick',
  x: FRACTIONS,
  yMin: 0,
  yMax: 2.5,
  series: TIE_TYPES.filter((t) => t !== 'tree').map((t, i) => ({ label: SHORT[t], colour: i + 1, y: adding[t]! })),
}));
