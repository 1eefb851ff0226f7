// Dodds, Watts & Sabel (2003): in a hierarchy where information is exchanged
// between any two people, the busiest person's load ρ_max is lowest with
// "multiscale" extra ties — below local team ties, random interdivisional ties
// and the pure tree — and multiscale ties keep the organization connected when
// the root and the busiest people are removed. The setting is theirs (MODEL.md
// §10.5, scenarios/validation/dws.json): b = 5, L = 6 (N = 3906), m = N extra
// ties of each type, ξ = 1, μ = 2.561e−3 per person per tick, 1000 ticks, greedy
// routing, one-way messages read at no cost. These are orderings, not values
// (the paper's ρ_max is in its own units), so each case is a paired difference
// over seeds (the same seed builds the same tree and draws the same exchanges
// for every tie type) held against 0 with 3 standard errors to spare.
//
// Seeds: tolerances and the removal count were chosen on seeds 1–5; `check`
// runs seeds 1001–1020 at full size, the tests (quick) seeds 5001–5010 at
// b = 5, L = 5 (N = 781, m = N), with four of the six tie types.
import { createSimulation, type Simulation } from '../../engine/simulation.ts';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { giantComponentSize } from '../../engine/graph/components.ts';
import { meanSe, threeSe, result, fmt, type CaseContext, type ValidationCase } from '../case.ts';
import { validationScenarios } from './scenarios.ts';

const CITATION = 'Dodds, Watts & Sabel 2003, PNAS 100:12516-12521 (Fig. 3B: ρ_max at m = N; Fig. 4: connectivity under targeted removal)';

/** The tie types, as the validation scenario's variants are labelled. */
export const TIE_TYPES = ['tree', 'random', 'local team', 'random interdivisional', 'core-periphery', 'multiscale'] as const;
export type TieType = (typeof TIE_TYPES)[number];
/** The types the quick (test) runs use: multiscale and the three it must beat. */
const QUICK_TYPES: readonly TieType[] = ['tree', 'local team', 'random interdivisional', 'multiscale'];

/** People removed in the connectivity test: the root, then the most loaded, 2 % of N in all. */
export const REMOVED_SHARE = 0.02;
/** "Stays connected": the largest connected group after the removals holds at least this share of N. */
export const CONNECTED_ABOVE = 0.9;

/** The size of each run: DWS's own (full), or b = 5, L = 5 for the tests. */
export function dwsScenario(type: TieType, quick: boolean): Scenario {
  const size = quick ? 781 : 3906;
  const sets: [string, unknown][] = quick ? [['organization.size', size], ['organization.informal.extra', type === 'tree' ? 0 : size]] : [];
  const v = expandVariants(validationScenarios.dws, sets).find((x) => x.label === type);
  if (!v?.ok) throw new Error(`validation scenario "dws", variant "${type}": ${v?.errors.join('; ') ?? 'missing'}`);
  return v.scenario;
}

/** Seeds of a run of the cases (never those the cases were written on). */
export function dwsSeeds(quick: boolean): number[] {
  return quick ? range(5001, 10) : range(1001, 20);
}

/** The share of N in the largest connected group after removing the root and then the most loaded people (lowest id on ties), `count` in all. */
export function connectedAfterRemoval(sim: Simulation, count: number): number {
  return connectedCurve(sim, [count])[0]!;
}

/** connectedAfterRemoval for several counts (ascending), ranking the people once. */
export function connectedCurve(sim: Simulation, counts: readonly number[]): number[] {
  const n = sim.n;
  const load = sim.state.f64('load.total');
  const root = sim.state.scalars['formal.root']!;
  const order = [root, ...Array.from({ length: n }, (_, i) => i).filter((i) => i !== root).sort((a, b) => load[b]! - load[a]! || a - b)];
  const alive = new Uint8Array(n).fill(1);
  const g = sim.informal();
  let removed = 0;
  return counts.map((count) => {
    while (removed < count) alive[order[removed++]!] = 0;
    return giantComponentSize(g, alive) / n;
  });
}

export interface DwsRuns {
  types: readonly TieType[];
  seeds: number[];
  /** ρ_max per type, one per seed. */
  rho: Partial<Record<TieType, number[]>>;
  /** Share connected after the removals, per type, one per seed. */
  connected: Partial<Record<TieType, number[]>>;
  removed: number;
}

/** ρ_max and the share connected after the removals, for each tie type at each seed. */
export function measureDws(types: readonly TieType[], seeds: number[], quick: boolean): DwsRuns {
  const out: DwsRuns = { types, seeds, rho: {}, connected: {}, removed: 0 };
  for (const type of types) {
    const scenario = dwsScenario(type, quick);
    out.removed = Math.round(REMOVED_SHARE * scenario.organization.size!);
    const rho: number[] = [], connected: number[] = [];
    for (const seed of seeds) {
      const sim = createSimulation(scenario, seed);
      sim.step(scenario.ticks);
      rho.push(sim.summary().metrics['maxLoadMean']!);
      connected.push(connectedAfterRemoval(sim, out.removed));
    }
    out.rho[type] = rho;
    out.connected[type] = connected;
  }
  return out;
}

/** Every tie type at every seed, run once per run cache and shared by the cases. */
function dwsRuns({ quick, cache }: CaseContext): DwsRuns {
  return cache.memo(`dws runs${quick ? ' quick' : ''}`, () => measureDws(quick ? QUICK_TYPES : TIE_TYPES, dwsSeeds(quick), quick));
}

/** The model's values per type, for the detail line: "tree 2.25, …". */
function values(r: DwsRuns, what: 'rho' | 'connected'): string {
  return r.types.map((t) => `${t} ${fmt(meanSe(r[what][t]!).mean)}`).join(', ');
}

function lowerLoadCase(other: TieType): ValidationCase {
  return {
    id: `dws-load-multiscale-below-${other.replace(/ /g, '-')}`,
    title: `with exchanges routed greedily, multiscale ties leave the busiest person less loaded (ρ_max) than ${other === 'tree' ? 'the pure tree' : `${other} ties`}`,
    citation: CITATION,
    run(ctx) {
      const r = dwsRuns(ctx);
      const diff = meanSe(r.rho['multiscale']!.map((x, i) => x - r.rho[other]![i]!));
      return result(
        diff.mean,
        0,
        threeSe(diff),
        `${diff.count} seeds paired (N = ${ctx.quick ? 781 : 3906}): ρ_max = max over people of messages received ÷ ticks — ${values(r, 'rho')}; DWS: multiscale below local team, random interdivisional and the pure tree; multiscale − ${other} must be below 0 by 3 standard errors`,
        '<',
      );
    },
  };
}

function connectedCase(other: TieType): ValidationCase {
  return {
    id: `dws-connected-multiscale-above-${other.replace(/ /g, '-')}`,
    title: `after the root and the busiest people (2 % of N) are removed, multiscale ties keep more people connected than ${other === 'tree' ? 'the pure tree' : `${other} ties`}`,
    citation: CITATION,
    run(ctx) {
      const r = dwsRuns(ctx);
      const diff = meanSe(r.connected['multiscale']!.map((x, i) => x - r.connected[other]![i]!));
      return result(
        diff.mean,
        0,
        threeSe(diff),
        `${diff.count} seeds paired, ${r.removed} people removed (the root, then the most loaded): share of N still connected — ${values(r, 'connected')}; multiscale − ${other} must exceed 0 by 3 standard errors`,
        '>',
      );
    },
  };
}

export const dwsCases: ValidationCase[] = [
  lowerLoadCase('local team'),
  lowerLoadCase('random interdivisional'),
  lowerLoadCase('tree'),
  connectedCase('local team'),
  connectedCase('tree'),
  {
    id: 'dws-connected-multiscale-stays',
    title: `after the root and the busiest people (2 % of N) are removed, multiscale ties keep at least ${CONNECTED_ABOVE * 100} % of the organization connected`,
    citation: CITATION,
    run(ctx) {
      const r = dwsRuns(ctx);
      const stats = meanSe(r.connected['multiscale']!);
      return result(
        stats.mean,
        CONNECTED_ABOVE,
        threeSe(stats),
        `${stats.count} seeds, ${r.removed} people removed: the largest connected group holds ${fmt(stats.mean)} of N (the rest, ${fmt(1 - r.removed / (ctx.quick ? 781 : 3906))}, is everyone not removed); it must exceed ${CONNECTED_ABOVE} by 3 standard errors. All tie types: ${values(r, 'connected')}`,
        '>',
      );
    },
  },
];

function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from + i);
}
