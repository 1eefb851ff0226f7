// Push-pull (MODEL.md §6; Karp et al. 2000): in each round the active push and
// the unaware pull, in that order (the pull sees who was active at the tick's
// start, not those the push just reached: they are NEW).
import type { Context } from '../context.ts';
import type { ItemSpec } from '../item-spec.ts';
import type { FreshList } from './fresh.ts';
import type { SpreadModeImpl } from './mode.ts';
import { pull } from './pull.ts';
import { push } from './push.ts';

function pushPullInstant(ctx: Context, st: Uint8Array, item: ItemSpec, fresh: FreshList): void {
  push.instant(ctx, st, item, fresh);
  pull.instant(ctx, st, item, fresh);
}

export const pushPull: SpreadModeImpl = { instant: pushPullInstant, sendFrom: push.sendFrom, asks: true, stifles: true };
