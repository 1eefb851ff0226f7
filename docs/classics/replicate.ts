// The classics' full replications, run offline (minutes, not CI seconds):
//   npx tsx docs/classics/replicate.ts [march] [nk] [gc] [radner]   (all when none named)
// writes docs/classics/data/*.json and the figures docs/classics/*.svg that
// docs/classics.md shows. test/models/replications.test.ts reruns a few of the
// stored runs and checks they come out the same, number for number.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { averageCurve, crossingRound, marchEquilibrium, marchKnowledgeAt, nkCurves, seedRange } from '../../validation/classics/experiments.ts';
import { crossingWithSe } from '../../validation/classics/nk-search.ts';
import { garbageCanRun } from '../../validation/classics/garbage-can.ts';
import { modelDelay } from '../../validation/classics/radner.ts';
import { radnerDelay } from '../../engine/models/radner/formula.ts';
import { meanSe } from '../../validation/case.ts';
import { lineChart } from './svg.ts';

const here = import.meta.dirname;
const dataDir = join(here, 'data');
mkdirSync(dataDir, { recursive: true });
const save = (name: string, value: unknown) => writeFileSync(join(dataDir, name), `${JSON.stringify(value, null, 1)}\n`);
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
const wanted = process.argv.slice(2);
const run = (part: string) => wanted.length === 0 || wanted.includes(part);

// ---- March (1991), Figure 1: equilibrium knowledge across p1 for p2 = 0.1, 0.5, 0.9.
// Workiewicz's Figure 1 (100,000 runs a point), read off his PNG to ±0.005.
const WORKIEWICZ_FIGURE_1: Record<string, number[]> = {
  '0.1': [0.865, 0.818, 0.803, 0.799, 0.8, 0.802, 0.806, 0.809, 0.812],
  '0.5': [0.955, 0.907, 0.87, 0.836, 0.81, 0.785, 0.766, 0.752, 0.74],
  '0.9': [0.973, 0.942, 0.908, 0.873, 0.838, 0.802, 0.767, 0.752, 0.729],
};
const P1 = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
if (run('march')) {
const marchSeeds = seedRange(30001, 200);
const march: Record<string, { mean: number; se: number }[]> = {};
const marchPerSeed: Record<string, number[]> = {};
for (const p2 of [0.1, 0.5, 0.9]) {
  march[String(p2)] = P1.map((p1) => {
    const xs = marchEquilibrium({ p1, p2 }, marchSeeds);
    if (p2 === 0.5 && p1 === 0.1) marchPerSeed['p2=0.5,p1=0.1'] = xs;
    const s = meanSe(xs);
    return { mean: round(s.mean), se: round(s.se) };
  });
}
const turnover = [0, 0.02, 0.05, 0.1, 0.2].map((p3) => ({ p3, p1_05: round(meanSe(marchKnowledgeAt({ p1: 0.5, p2: 0.5, p3 }, marchSeeds.slice(0, 100), 100)).mean), p1_09: round(meanSe(marchKnowledgeAt({ p1: 0.9, p2: 0.5, p3 }, marchSeeds.slice(0, 100), 100)).mean) }));
const mix = [0, 10, 25, 40, 50].map((fast) => ({ fast, at20: round(meanSe(marchKnowledgeAt({ p1: 0.1, p1Fast: 0.9, fastLearners: fast, p2: 0.5 }, marchSeeds.slice(0, 100), 20)).mean), at300: round(meanSe(marchKnowledgeAt({ p1: 0.1, p1Fast: 0.9, fastLearners: fast, p2: 0.5 }, marchSeeds.slice(0, 100), 300)).mean) }));
save('march.json', { seeds: '30001–30200 (200)', p1: P1, equilibriumKnowledge: march, workiewiczFigure1: WORKIEWICZ_FIGURE_1, perSeed: marchPerSeed, turnoverAt100: turnover, fastSlowMix: mix });
writeFileSync(join(here, 'march-figure-1.svg'), lineChart({
  title: 'March (1991) Figure 1: equilibrium knowledge of the code',
  xLabel: 'socialization rate p1', yLabel: 'equilibrium knowledge', x: P1, yMin: 0.7, yMax: 1,
  series: ['0.1', '0.5', '0.9'].flatMap((p2, k) => [
    { label: `p2 = ${p2}, this model (200 seeds)`, y: march[p2]!.map((c) => c.mean), colour: k },
    { label: `p2 = ${p2}, Workiewicz 2019`, y: WORKIEWICZ_FIGURE_1[p2]!, colour: k, dashed: true },
  ]),
}));

}

// ---- Lazer & Friedman (2007): average score over rounds on each network.
if (run('nk')) {
const nkSeeds = seedRange(70001, 100);
const ROUNDS = 200;
const networks: [string, Record<string, unknown>][] = [
  ['linear', { kind: 'linear' }], ['totally connected', { kind: 'complete' }],
  ['lattice (4 neighbours)', { kind: 'small-world', k: 4, p: 0 }], ['small world (k = 4, p = .05)', { kind: 'small-world', k: 4, p: 0.05 }],
  ['random (p = .07)', { kind: 'random', meanDegree: 6.93 }],
  ['formal layer (span 5)', { kind: 'formal', span: 5 }], ['informal layer (small world k = 6)', { kind: 'informal' }], ['both layers', { kind: 'formal+informal' }],
];
// Seeds outer, networks inner: each landscape is scored once (the model caches it by content).
const perNetwork = networks.map(() => ({ mean: [] as Float64Array[], distinct: [] as Float64Array[], final: [] as number[] }));
for (const seed of nkSeeds) networks.forEach(([, net], k) => {
  const c = nkCurves(net, [seed], ROUNDS);
  perNetwork[k]!.mean.push(c.mean[0]!); perNetwork[k]!.distinct.push(c.distinct[0]!); perNetwork[k]!.final.push(c.final[0]!);
});
const nk: Record<string, { mean: number[]; distinct: number[]; final: number[] }> = {};
networks.forEach(([label], k) => {
  const c = perNetwork[k]!;
  nk[label] = { mean: Array.from(averageCurve(c.mean), (x) => round(x)), distinct: Array.from(averageCurve(c.distinct), (x) => round(x, 2)), final: c.final.map((x) => round(x, 6)) };
});
const line = nk['linear']!, full = nk['totally connected']!;
const crossing = crossingWithSe({ line: perNetwork[0]!, full: perNetwork[1]! });
save('lazer-friedman.json', {
  seeds: '70001–70100 (100 landscapes)', rounds: ROUNDS, curves: nk,
  crossing: { model: crossing.round, bootstrapSe: round(crossing.se, 2), published: 18 },
  crossingCheck: crossingRound(line.mean, full.mean),
  distinctAt16: { model: line.distinct[15], published: 13 },
  lineBeatsFull: { model: line.final.filter((x, i) => x > full.final[i]!).length / line.final.length, published: 0.845 },
});
writeFileSync(join(here, 'lazer-friedman.svg'), lineChart({
  title: 'Lazer & Friedman (2007) Figure 4: average score over rounds (100 landscapes)',
  xLabel: 'round', yLabel: 'average score', x: Array.from({ length: 100 }, (_, t) => t + 1), yMin: 0, yMax: 1,
  series: [
    { label: 'linear', y: line.mean.slice(0, 100), colour: 0 },
    { label: 'totally connected', y: full.mean.slice(0, 100), colour: 1 },
    { label: 'formal layer', y: nk['formal layer (span 5)']!.mean.slice(0, 100), colour: 2, dashed: true },
    { label: 'informal layer', y: nk['informal layer (small world k = 6)']!.mean.slice(0, 100), colour: 3, dashed: true },
  ],
  marks: [{ x: 18, label: 'published crossing: t > 18' }],
}));
}

// ---- The garbage can: decision styles by load and access structure (324 runs).
if (run('gc')) {
const styles: Record<string, Record<string, number>> = {};
for (const load of ['light', 'moderate', 'heavy']) for (const access of ['unsegmented', 'hierarchical', 'specialized']) {
  const sum: Record<string, number> = { runs: 0 };
  for (const energyDistribution of ['increasing', 'equal', 'decreasing']) for (const decision of ['unsegmented', 'hierarchical', 'specialized'])
    for (const choiceEntry of [1, 2]) for (const problemEntry of [1, 2]) {
      const m = garbageCanRun({ load, access, energyDistribution, decision, choiceEntry, problemEntry });
      sum['runs']! += 1;
      for (const k of ['resolutions', 'oversights', 'flights', 'quickies', 'problemsUnsolved', 'choicesUnmade']) sum[k] = (sum[k] ?? 0) + (m[k] ?? 0);
    }
  styles[`${load}/${access}`] = Object.fromEntries(Object.entries(sum).map(([k, v]) => [k, k === 'runs' ? v : round(v / sum['runs']!, 3)]));
}
save('garbage-can.json', { note: 'means per run over 36 runs a cell (3 energy distributions × 3 decision structures × 2 × 2 entry orders)', styles });
}

// ---- Radner (1993): delay against processors, n = 64 and n = 1000.
if (run('radner')) save('radner.json', Object.fromEntries([64, 1000].map((n) => [String(n), Array.from({ length: Math.floor(n / 2) }, (_, i) => ({ P: i + 1, model: modelDelay(n, i + 1), formula: radnerDelay(n, i + 1) }))])));
console.log('written', dataDir);
