// What shocks that remove or name people share: removing one person from every
// layer, and turning a scenario's id into the internal index.
import type { Context } from '../context.ts';
import { ShockError } from '../shocks.ts';
import { ALIVE, ALIVE_COUNT } from '../people-state.ts';
import { TOPOLOGY_DIRTY } from '../run-state.ts';

/** Removes person v: their inbox is lost, every layer and the protocol forget them. */
export function removePerson(ctx: Context, v: number): void {
  const alive = ctx.state.get(ALIVE);
  if (!alive[v]) return;
  alive[v] = 0;
  ctx.state.addNum(ALIVE_COUNT, -1);
  ctx.messages.bind(ctx.state).dropInbox(v);
  ctx.information.onRemove(ctx, v);
  ctx.protocol.onRemove(ctx, v);
  ctx.state.setNum(TOPOLOGY_DIRTY, 1);
}

/** Internal id of a scenario id (a file's own id, or the index for generated organizations). */
export function resolveId(ctx: Context, id: number | string, path: string): number {
  const key = String(id);
  const i = ctx.labels.indexOf(key);
  if (i < 0) throw new ShockError(`${path}: no person has id ${JSON.stringify(id)} (ids run ${ctx.labels[0]} … ${ctx.labels[ctx.labels.length - 1]})`);
  return i;
}
