// The `misinformation` shock (MODEL.md §7): a false item `id` at `seedCount`
// people drawn at random (information stream), in `domain`, spreading by its
// `spread` (default push with fanout 1). The item is added to the information
// layer now and seeded in this tick, right after the Shocks phase.
import type { Context } from '../context.ts';
import type { SpreadMode } from '../information.ts';
import { API_VERSION, type ShockModule } from '../modules/types.ts';
import { count, domainIndex, fmt, itemId, param } from '../scenario/blocks.ts';
import { spreadSchema } from '../scenario/sections.ts';
import { ShockError, type ShockSpec } from '../shocks.ts';

const misinformationShock: ShockModule = {
  kind: 'shock',
  name: 'misinformation',
  apiVersion: API_VERSION,
  label: 'rumour',
  description: 'A false rumour starts among a few people and spreads.',
  informationOnly: true,
  body: {
    id: param(itemId, 'id', 'the rumour\'s id (names its informed:<id> series)'),
    seedCount: param(count().default(1), 'people', 'people who start believing it'),
    domain: param(domainIndex().default(0), 'domain', 'the domain of skill that helps tell it is false'),
    spread: spreadSchema,
  },
  checkShock(s, scenario, base) {
    const D = scenario.population.domains;
    const d = s.domain as number;
    return d >= D
      ? [{ path: [...base, 'domain'], message: `expected a domain index 0 … ${D - 1} (population.domains is ${D}), got ${d}; lower it or raise population.domains` }]
      : [];
  },
  itemId: (s) => s.id as string,
  shockSizeProblems(s, people, base) {
    const c = s.seedCount as number;
    return c > people
      ? [{ path: [...base, 'seedCount'], message: `expected at most ${fmt(people)} seeds (everyone), got ${fmt(c)}; lower "seedCount"` }]
      : [];
  },
  apply: misinformation,
};
export default misinformationShock;

const MODES: readonly SpreadMode[] = ['push', 'pull', 'push-pull', 'flood'];

function misinformation(ctx: Context, shock: ShockSpec): void {
  // Live shocks reach here unvalidated: check what the item needs.
  const spread = (shock.spread ?? {}) as { mode?: SpreadMode; fanout?: number; beta?: number; stifle?: number };
  const mode = spread.mode ?? 'push';
  if (!MODES.includes(mode)) throw new ShockError(`shock misinformation spread.mode: expected one of ${MODES.join(', ')}, got ${JSON.stringify(mode)}`);
  const D = ctx.scenario.population.domains;
  const domain = typeof shock.domain === 'number' ? shock.domain : 0;
  if (!Number.isInteger(domain) || domain < 0 || domain >= D) throw new ShockError(`shock misinformation domain: expected a domain index 0 … ${D - 1}, got ${domain}`);
  const seedCount = typeof shock.seedCount === 'number' ? Math.max(1, Math.floor(shock.seedCount)) : 1;
  const fanout = typeof spread.fanout === 'number' ? Math.max(1, Math.floor(spread.fanout)) : 1;
  const beta = clamp01(spread.beta, 1);
  const stifle = clamp01(spread.stifle, 0);
  // A shock that fires again (`every`) starts a new rumour each time; its later
  // items are named `<id>@<tick>` ("@" cannot appear in a scenario's ids).
  const base = typeof shock.id === 'string' && shock.id ? shock.id : 'rumour';
  let id = base;
  if (ctx.information.indexOf(id) >= 0) {
    id = `${base}@${ctx.tick}`;
    for (let i = 2; ctx.information.indexOf(id) >= 0; i++) id = `${base}@${ctx.tick}.${i}`;
  }
  ctx.information.addItem(ctx, { id, truth: false, domain, at: ctx.tick, seeds: null, seedCount, mode, fanout, beta, stifle });
}

function clamp01(x: unknown, fallback: number): number {
  return typeof x === 'number' && Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : fallback;
}

