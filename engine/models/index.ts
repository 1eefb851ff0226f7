// The whole models (the classics of organization science), each a module in its
// own folder; the registry imports this list.
import type { ModelModule } from '../modules/types.ts';
import nkSearch from './nk-search/index.ts';
import march from './march/index.ts';
import garbageCan from './garbage-can/index.ts';
import radner from './radner/index.ts';

export const modelModules: readonly ModelModule[] = [nkSearch, march, garbageCan, radner];

/** The model module of this name, if any. */
export function findModel(name: string): ModelModule | undefined {
  return modelModules.find((m) => m.name === name);
}
