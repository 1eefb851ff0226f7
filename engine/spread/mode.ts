// A spread mode of MODEL.md §6 (push, pull, push-pull, flood), one file each as
// d3-force keeps one force per file. A mode says how an item moves in both
// models: `instant`, the textbook model's pass over everyone (contacts take
// effect at once; the tight loops of bench W1/W2), and `sendFrom` / `asks`, the
// message model's contacts of one person (capacityLimited: true).
import type { Context } from '../context.ts';
import type { ItemSpec } from '../item-spec.ts';
import type { FreshList } from './fresh.ts';

export interface SpreadModeImpl {
  /**
   * The textbook pass of a true item whose per-person states are `st`: the people
   * active at the tick's start contact others; the unaware they reach become NEW
   * and are listed in `fresh` (the layer then settles them). Counts its contacts.
   */
  instant(ctx: Context, st: Uint8Array, item: ItemSpec, fresh: FreshList): void;
  /** Message model: the messages active person v sends about item k (v has d neighbours, its ties from CSR offset b). */
  sendFrom(ctx: Context, v: number, k: number, item: ItemSpec, d: number, b: number): void;
  /** Message model: an unaware person asks one neighbour (pull modes). */
  readonly asks: boolean;
  /** Spreaders stop with probability `stifle` after acting (every mode but pull, whose spreaders only answer). */
  readonly stifles: boolean;
}
