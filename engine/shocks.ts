// Shocks (MODEL.md §7): each kind is a module in shocks/ (its keys, checks and
// effect); this file is what the engine and the workers share — the shape of a
// shock as the engine runs it, when a scheduled one fires, and applying one
// through the registry of shock kinds.
import type { Context } from './context.ts';

/** One shock as the engine runs it (the scenario's shape; the other keys are its kind's). */
export interface ShockSpec {
  kind: string;
  at?: number;
  every?: number | null;
  until?: number | null;
  [key: string]: unknown;
}

/** A user's mistake in a shock that can only be seen against the organization (e.g. an unknown id). */
export class ShockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShockError';
  }
}

/** True when a scheduled shock fires at tick t. */
export function firesAt(shock: ShockSpec, t: number): boolean {
  const at = shock.at ?? 0;
  if (t < at) return false;
  if (t === at) return true;
  const every = shock.every;
  if (!every) return false;
  if (shock.until != null && t > shock.until) return false;
  return (t - at) % every === 0;
}

/** Applies one shock now (its kind's module). */
export function applyShock(ctx: Context, shock: ShockSpec): void {
  const module = ctx.modules.shocks.get(shock.kind);
  if (!module) throw new ShockError(`shock kind "${shock.kind}" is not available in this version (known: ${[...ctx.modules.shocks.keys()].join(', ')})`);
  module.apply(ctx, shock);
}
