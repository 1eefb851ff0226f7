// `remove-nodes` (MODEL.md §7): people leave — at random, the best connected
// (degree, betweenness), the top of the formal tree, or by id; ranked once on the
// informal layer before any removal, unless `recalculate` (re-rank after each).
import { z } from 'zod';
import type { Context } from '../context.ts';
import { rankNodes, degreeScores, betweennessForTargeting } from '../graph/centrality.ts';
import { countAlive } from '../graph/components.ts';
import { topOfTree as formalTop } from '../graph/formal.ts';
import { API_VERSION, type ShockModule } from '../modules/types.ts';
import { count, fmt, param, personId } from '../scenario/blocks.ts';
import type { ShockSpec } from '../shocks.ts';
import { removePerson, resolveId } from './people.ts';
import { ALIVE } from '../people-state.ts';
import { FORMAL_PARENT, FORMAL_ROOT } from '../organization-state.ts';

const removeNodes: ShockModule = {
  kind: 'shock',
  name: 'remove-nodes',
  apiVersion: API_VERSION,
  label: 'people leave',
  description: 'People leave the organization: at random, the best connected, the top of the chart, or named ones.',
  body: {
    target: param(z.enum(['random', 'degree', 'betweenness', 'top', 'ids']), 'choice', 'who leaves: random, highest degree or betweenness on the informal layer, the top of the formal tree, or the ids listed'),
    count: param(count().optional(), 'people', 'how many leave'),
    fraction: param(z.number().gt(0).max(1).optional(), 'share of people', 'or what share of the people alive leaves'),
    ids: param(z.array(personId).min(1).max(1_000_000).optional(), 'ids', 'or who leaves (with target "ids")'),
    recalculate: param(z.boolean().default(false), 'on/off', 're-rank after each removal'),
  },
  refine(s, ctx) {
    const given = (['count', 'fraction', 'ids'] as const).filter((k) => s[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: given.length === 0 ? ['count'] : [given[1]!],
        message:
          given.length === 0
            ? 'remove-nodes needs one of "count", "fraction" or "ids", got none; add e.g. "count": 1'
            : `remove-nodes takes one of "count", "fraction" or "ids", got ${given.map((k) => `"${k}"`).join(' and ')}; keep one`,
        input: s,
      });
    }
    if ((s.target === 'ids') !== (s.ids !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message:
          s.target === 'ids'
            ? 'target "ids" needs an "ids" list, got none; add "ids": [ … ]'
            : `"ids" goes with target "ids", got target "${String(s.target)}"; set "target": "ids", or use "count" or "fraction"`,
        input: s,
      });
    }
  },
  checkShock(s, scenario, base) {
    if (s.target === 'top' && scenario.organization.formal === null) {
      return [{
        path: [...base, 'target'],
        message: 'target "top" removes the top of the formal tree, but the organization is flat, got "top"; use "degree" or "betweenness", or add a formal tree',
      }];
    }
    return [];
  },
  personIds: (s) => ((s.ids as (number | string)[] | undefined) ?? []).map((id, j) => ({ path: ['ids', j], id })),
  shockSizeProblems(s, people, base) {
    const c = s.count as number | undefined;
    return c !== undefined && c > people
      ? [{ path: [...base, 'count'], message: `expected at most ${fmt(people)} people to remove (everyone), got ${fmt(c)}; lower "count" or use "fraction"` }]
      : [];
  },
  apply: removeNodesShock,
};
export default removeNodes;

function removeNodesShock(ctx: Context, shock: ShockSpec): void {
  const target = (shock.target as string) ?? 'random';
  if (target === 'ids') {
    const ids = (shock.ids as (number | string)[]) ?? [];
    const internal = ids.map((id, i) => resolveId(ctx, id, `shock remove-nodes ids[${i}]`));
    for (const v of internal) removePerson(ctx, v);
    return;
  }
  const count = removalCount(ctx, shock);
  if (shock.recalculate && target !== 'random') {
    // Re-rank after each removal (the adaptive attack of Holme et al. 2002).
    for (let i = 0; i < count; i++) {
      const next = rankTargets(ctx, target, 1);
      if (next.length === 0) break;
      removePerson(ctx, next[0]!);
    }
    return;
  }
  const victims = rankTargets(ctx, target, count);
  for (let i = 0; i < victims.length; i++) removePerson(ctx, victims[i]!);
}

function removalCount(ctx: Context, shock: ShockSpec): number {
  const alive = countAlive(ctx.state.get(ALIVE), ctx.n);
  if (typeof shock.count === 'number') return Math.min(alive, shock.count);
  if (typeof shock.fraction === 'number') return Math.min(alive, Math.round(shock.fraction * alive));
  return 0;
}

/** The people a remove-nodes shock targets, best first, ranked once on the informal layer. */
function rankTargets(ctx: Context, target: string, count: number): Int32Array {
  const alive = ctx.state.get(ALIVE);
  const g = ctx.informal;
  switch (target) {
    case 'degree':
      return rankNodes(degreeScores(g, alive), alive, count);
    case 'betweenness':
      if (g.complete) return firstAlive(alive, ctx.n, count); // every node is alike in K_n
      return rankNodes(betweennessForTargeting(g, alive, ctx.streams.shocks), alive, count);
    case 'top':
      return topOfTree(ctx, count);
    default: {
      // random: a partial Fisher–Yates shuffle of the alive people (shocks stream).
      const pool: number[] = [];
      for (let i = 0; i < ctx.n; i++) if (alive[i]) pool.push(i);
      const out = new Int32Array(Math.min(count, pool.length));
      const rng = ctx.streams.shocks;
      for (let i = 0; i < out.length; i++) {
        const j = i + rng.int(pool.length - i);
        const t = pool[i]!; pool[i] = pool[j]!; pool[j] = t;
        out[i] = pool[i]!;
      }
      return out;
    }
  }
}

function firstAlive(alive: Uint8Array, n: number, count: number): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < n && out.length < count; i++) if (alive[i]) out.push(i);
  return Int32Array.from(out);
}

/**
 * The top of the formal tree: alive people in breadth-first order from the root
 * (children in ascending id). A flat organization has no top: the best-connected
 * people stand in for it.
 */
function topOfTree(ctx: Context, count: number): Int32Array {
  const alive = ctx.state.get(ALIVE);
  const parent = ctx.state.get(FORMAL_PARENT);
  const root = ctx.state.num(FORMAL_ROOT);
  if (root < 0) return rankNodes(degreeScores(ctx.informal, alive), alive, count);
  return formalTop(parent, alive, root, ctx.n, count);
}
