// The live shock buttons: words for people, shock specs for the engine
// (CONTRACT.md `shocks[]`). Each one goes to every side at the same tick.
import { z } from 'zod';
import type { ShockSpec } from '../engine/shocks.ts';
import type { Scenario } from '../engine/scenario/schema.ts';
import type { Registry } from '../engine/modules/registry.ts';
import type { ShockModule } from '../engine/modules/types.ts';
import { pageRegistry } from '../workers/page-modules.ts';

export interface LiveShockButton {
  id: string;
  label: string;
  /** What it does, in one line (the button's tooltip). */
  explain: string;
  /** The spec for a scenario (null: not possible in this organization). */
  spec(s: Scenario, hasTree: boolean): ShockSpec | null;
}

export const LIVE_SHOCKS: LiveShockButton[] = [
  { id: 'leader', label: 'remove the leader', explain: 'The head of the formal tree leaves (a flat organization loses its best-connected person).', spec: () => ({ kind: 'remove-nodes', target: 'top', count: 1 }) },
  { id: 'leave', label: '10 % leave', explain: 'One person in ten, drawn at random, leaves.', spec: () => ({ kind: 'remove-nodes', target: 'random', fraction: 0.1 }) },
  { id: 'attack', label: 'attack hubs', explain: 'The 5 % with the most ties leave (a targeted attack).', spec: () => ({ kind: 'remove-nodes', target: 'degree', fraction: 0.05 }) },
  { id: 'rumour', label: 'rumour', explain: 'A false story starts with three people and spreads person to person.', spec: () => ({ kind: 'misinformation', id: 'rumour', seedCount: 3, domain: 0, spread: { mode: 'push', fanout: 1 } }) },
  {
    id: 'market', label: 'market shift', explain: 'Demand grows by 80 % over ten ticks and moves to the last domain of skill.',
    spec: (s) => {
      const D = s.population.domains;
      const w = D === 1 ? [1] : Array.from({ length: D }, (_, i) => (i === D - 1 ? 0.7 : 0.3 / (D - 1)));
      return { kind: 'environment-shift', rate: 1.8 * (s.environment?.rate ?? 1), domainWeights: w, over: 10 };
    },
  },
  { id: 'surge', label: 'surge', explain: 'Twenty situations arrive at once.', spec: () => ({ kind: 'surge', count: 20 }) },
  { id: 'silos', label: 'silos', explain: 'Informal ties between departments are cut (departments: the level-1 subtrees).', spec: (_s, hasTree) => (hasTree ? { kind: 'partition', groups: { level: 1 } } : null) },
  { id: 'reconnect', label: 'reconnect', explain: 'The ties cut by silos come back.', spec: () => ({ kind: 'reconnect' }) },
];

/** The shock kinds of the user's modules baked into this build. */
function moduleShocks(registry: Registry): ShockModule[] {
  return registry.all.filter((m): m is ShockModule => m.kind === 'shock' && !registry.isBuiltin(m.name));
}

/**
 * A button for each shock kind of the user's modules baked into the page (`npm run
 * build -- --module F`): its declared label, its description, and the shock with the
 * defaults of its keys — none when a key has no default (the page would have to
 * guess a value: such a shock runs from a scenario or a lesson step instead).
 */
export function moduleShockButtons(registry: Registry = pageRegistry()): LiveShockButton[] {
  return moduleShocks(registry).flatMap((m) => {
    const defaults = z.object(m.body).safeParse({});
    if (!defaults.success) return [];
    const shown = Object.entries(defaults.data).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(', ');
    const spec = { kind: m.name, ...defaults.data } as ShockSpec;
    return [{ id: `module:${m.name}`, label: m.label, explain: `${m.description} (your module "${m.name}"${shown ? `, with ${shown}` : ''})`, spec: () => spec }];
  });
}

/** A short label for a shock on the charts. */
export function shockLabel(spec: { kind: string; target?: unknown }): string {
  switch (spec.kind) {
    case 'remove-nodes':
      return spec.target === 'top' ? 'leader leaves' : spec.target === 'degree' ? 'hubs attacked' : spec.target === 'betweenness' ? 'connectors leave' : 'people leave';
    case 'add-nodes': return 'hires';
    case 'misinformation': return 'rumour';
    case 'environment-shift': {
      // A shift of demand between domains is a market shift; a change of its size alone (overload's ramp) is not.
      const e = spec as { domainWeights?: unknown; rate?: number; over?: number };
      if (e.domainWeights) return 'market shift';
      const rate = typeof e.rate === 'number' ? `${e.rate} / tick` : 'a new level';
      return (e.over ?? 1) > 1 ? `demand ramps to ${rate}` : `demand goes to ${rate}`;
    }
    case 'surge': return 'surge';
    case 'partition': return 'silos';
    case 'reconnect': return 'reconnect';
    // A shock kind of the user's own says its declared label.
    default: return moduleShocks(pageRegistry()).find((m) => m.name === spec.kind)?.label ?? spec.kind;
  }
}
