// What `check --robust` found, from its plan and the numbers of its runs: per
// claim and point the paired difference over the point's seeds (its effect) and
// a verdict — `holds` (the 95 % CI excludes 0 on the claimed side), `fails` (on
// the other side), `inconclusive`, or `error` when a run of the point failed —,
// and per claim the shares of each verdict among its one-at-a-time points and,
// apart, among its hypercube points. Pure: the files are written elsewhere.
import { effectOf, type EffectState } from '../claims/claim-check.ts';
import type { Claim } from '../claims/claim.ts';
import { claimAtPoint, runOf, type RobustPlan } from './plan.ts';
import type { RobustValues } from './evaluate.ts';

export type PointVerdict = EffectState | 'error';

/** A run's outcome as journaled: the claims' numbers, or the reason it failed. */
export type RunOutcome = { values: RobustValues } | { error: string };

export interface PointResult {
  design: 'base' | 'oat' | 'lhs';
  /** The point's number in its group's design (base 0, then the one-at-a-time points, then the hypercube). */
  point: number;
  knob?: string;
  end?: 'low' | 'high';
  /** The knobs' values in the claim's first arm (null: left at a null the engine resolves). */
  values: Record<string, number | boolean | null>;
  /** The unit coordinate of each knob (null: as shipped). */
  u: Record<string, number | null>;
  effect: { mean: number | null; lo: number | null; hi: number | null; n: number };
  verdict: PointVerdict;
  /** The numbers of each seed (null: none), in seed order. */
  a: (number | null)[];
  b: (number | null)[];
  error?: string;
}

export interface Shares {
  holds: number;
  fails: number;
  inconclusive: number;
  /** Points whose runs failed (not in the three shares). */
  errors: number;
  /** Points with a verdict (holds + fails + inconclusive). */
  total: number;
}

export interface ClaimRobustness {
  id: string;
  scenario: string;
  title: string;
  side: '>' | '<';
  kind: 'finding' | 'definition';
  brokenByModel2?: string;
  knobs: string[];
  skipped: { knob: string; reason: string }[];
  /** One-at-a-time points this claim does not move (a knob already at its bound), as "knob low|high". */
  unmoved: string[];
  seeds: number[];
  points: PointResult[];
  shares: { oat: Shares; lhs: Shares };
}

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The shares of the verdicts among points. */
export function sharesOf(points: readonly PointResult[]): Shares {
  const s: Shares = { holds: 0, fails: 0, inconclusive: 0, errors: 0, total: 0 };
  for (const p of points) {
    if (p.verdict === 'error') s.errors++;
    else {
      s[p.verdict]++;
      s.total++;
    }
  }
  return s;
}

/** Every claim's points, in the order of `claims`; `outcome(run)` is undefined for a run not (yet) made. */
export function robustResults(plan: RobustPlan, claims: readonly Claim[], outcome: (run: number) => RunOutcome | undefined): ClaimRobustness[] {
  const pairAt = new Map<string, number>();
  plan.pairs.forEach((p, i) => {
    for (const c of p.claims) pairAt.set(`${c.id}|${p.point}|${p.group}`, i);
  });
  const out: ClaimRobustness[] = [];
  for (const claim of claims) {
    const gi = plan.groups.findIndex((g) => g.claims.some((c) => c.claim.id === claim.id));
    if (gi < 0) continue;
    const group = plan.groups[gi]!;
    const space = group.claims.find((c) => c.claim.id === claim.id)!;
    const points: PointResult[] = [];
    const unmoved: string[] = [];
    group.points.forEach((point, pi) => {
      const pair = pairAt.get(`${claim.id}|${pi}|${gi}`);
      if (pair === undefined) {
        unmoved.push(`${point.knob} ${point.end}`);
        return;
      }
      const at = claimAtPoint(space, point);
      const a: (number | null)[] = [], b: (number | null)[] = [];
      let error: string | undefined;
      for (let s = 0; s < plan.seedsPerPoint; s++) {
        const o = outcome(runOf(plan, pair, s));
        if (o === undefined) error ??= 'not run';
        else if ('error' in o) error ??= o.error;
        else {
          const v = o.values[claim.id];
          if (v === undefined) error ??= 'the run has no numbers for this claim';
          else {
            a.push(v[0]);
            b.push(v[1]);
          }
        }
      }
      const e = error === undefined ? effectOf(a, b, claim.side) : null;
      points.push({
        design: point.design,
        point: pi,
        ...(point.knob !== undefined ? { knob: point.knob, end: point.end! } : {}),
        values: at.values,
        u: Object.fromEntries(group.knobs.map((k, j) => [k, point.u[j] ?? null])),
        effect: e ? { mean: num(e.mean), lo: num(e.lo), hi: num(e.hi), n: e.n } : { mean: null, lo: null, hi: null, n: 0 },
        verdict: e ? e.state : 'error',
        a,
        b,
        ...(error !== undefined ? { error } : {}),
      });
    });
    out.push({
      id: claim.id,
      scenario: claim.scenario.name,
      title: claim.title,
      side: claim.side,
      kind: claim.kind ?? 'finding',
      ...(claim.brokenByModel2 !== undefined ? { brokenByModel2: claim.brokenByModel2 } : {}),
      knobs: group.knobs,
      skipped: space.skipped,
      unmoved,
      seeds: group.seeds,
      points,
      shares: { oat: sharesOf(points.filter((p) => p.design === 'oat')), lhs: sharesOf(points.filter((p) => p.design === 'lhs')) },
    });
  }
  return out;
}
