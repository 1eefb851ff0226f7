// The spread modes by name (`spread.mode` of an item).
import type { SpreadMode } from '../item-spec.ts';
import { flood } from './flood.ts';
import type { SpreadModeImpl } from './mode.ts';
import { pull } from './pull.ts';
import { pushPull } from './push-pull.ts';
import { push } from './push.ts';

export const SPREAD_MODES: Readonly<Record<SpreadMode, SpreadModeImpl>> = { push, pull, 'push-pull': pushPull, flood };
