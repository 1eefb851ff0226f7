// The `misinformation` shock (MODEL.md §7): a false item `id` at `seedCount`
// people drawn at random (information stream), in `domain`, spreading by its
// `spread` (default push with fanout 1). The item is added to the information
// layer now and seeded in this tick, right after the Shocks phase.
import type { Context } from './context.ts';
import type { SpreadMode } from './information.ts';
import { registerShock, ShockError, type ShockSpec } from './shocks.ts';

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

registerShock('misinformation', misinformation);
