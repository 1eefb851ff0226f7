// The message model (capacityLimited: true) for an item misinformation runs:
// what a person does with an information message it reads, and its own contacts
// in the Act phase (detect, report, spread the item and its correction). Every
// contact is a message read within the receiver's capacity; the same choices as
// the textbook pass (textbook.ts) otherwise.
import type { Context } from '../context.ts';
import { BELIEF, INFO, MIS_MSG, MSG } from '../codes.ts';
import type { ItemSpec } from '../item-spec.ts';
import { degreeOf, neighbour } from '../spread/contacts.ts';
import type { Beliefs } from './beliefs.ts';
import type { OfficialRelay } from './official.ts';
import type { ItemViews } from './views.ts';

const { UNAWARE, ACTIVE, QUIET, NEW } = INFO;

/** v reads an information message (`kind`, from `from`, b = a report's waves or a wave) about item k. */
export function readMessage(
  ctx: Context, b: Beliefs, views: ItemViews, relay: OfficialRelay | null,
  v: number, kind: number, from: number, k: number, w: number, item: ItemSpec,
): void {
  const st = views.st[k]!;
  switch (kind) {
    case MSG.INFO:
    case MSG.PULL_REPLY:
      if (st[v] === UNAWARE) b.expose(ctx, k, item, v, st, views.belief[k]!, views.report[k]!);
      return;
    case MSG.PULL_REQUEST:
      if (st[v] === ACTIVE) ctx.messages.send(v, from, MSG.PULL_REPLY, k, 0);
      return;
    case MSG.CORRECTION:
    case MIS_MSG.CORR_PULL_REPLY: {
      const belief = views.belief[k];
      if (belief && belief[v] === BELIEF.BELIEVER && b.acceptsPeer(ctx)) b.correct(ctx, k, v, st, belief, views.corr[k]!, false);
      return;
    }
    case MIS_MSG.CORR_PULL_REQUEST:
      if (views.corr[k]?.[v] === ACTIVE) ctx.messages.send(v, from, MIS_MSG.CORR_PULL_REPLY, k, 0);
      return;
    case MIS_MSG.REPORT:
      if (relay && views.heard[k]) relay.upMessage(ctx, b, views, k, item, v, w);
      return;
    case MIS_MSG.OFFICIAL:
      if (relay && views.heard[k]) relay.officialMessage(ctx, b, views, k, item, v, w);
      return;
  }
}

/** v's per-tick work on item k: detect, report, spread the item and its correction. */
export function actNode(ctx: Context, b: Beliefs, views: ItemViews, relay: OfficialRelay | null, v: number, k: number, item: ItemSpec): void {
  const st = views.st[k]!;
  const corr = views.corr[k];
  const belief = views.belief[k];
  const rng = ctx.streams.information;
  const p = b.p;
  if (corr && p.verify > 0 && b.detects(ctx, v, item, st, corr)) b.startCorrection(ctx, v, k, item);
  const report = views.report[k];
  if (relay && report && report[v] && st[v] !== NEW) {
    report[v] = 0;
    // A believer corrected before reporting no longer reports the rumour.
    if (!belief || belief[v] === BELIEF.BELIEVER) relay.upMessage(ctx, b, views, k, item, v, views.heard[k]![v]!);
  }
  const c = p.contact;
  if (!(c > 0)) return;
  const d = degreeOf(ctx, v);
  if (d === 0) return;
  const mode = item.mode;
  const pull = mode === 'pull' || mode === 'push-pull';
  const filtered = c < 1;
  const s = st[v];
  if (s === ACTIVE) {
    sendSpread(ctx, v, k, item, d, MSG.INFO, c);
    if (item.stifle > 0 && mode !== 'pull' && rng.float() < item.stifle) st[v] = QUIET;
  } else if (s === UNAWARE && pull && !(filtered && !(rng.float() < c))) {
    ctx.messages.send(v, neighbour(ctx, v, rng.int(d)), MSG.PULL_REQUEST, k, 0);
  }
  if (corr) {
    if (corr[v] === ACTIVE) {
      sendSpread(ctx, v, k, item, d, MSG.CORRECTION, c);
      if (item.stifle > 0 && mode !== 'pull' && rng.float() < item.stifle) corr[v] = QUIET;
    } else if (belief![v] === BELIEF.BELIEVER && s !== NEW && pull && !(filtered && !(rng.float() < c))) {
      ctx.messages.send(v, neighbour(ctx, v, rng.int(d)), MIS_MSG.CORR_PULL_REQUEST, k, 0);
    }
  }
}

/** Push or flood messages of `kind` from v (each contact happens with probability c). */
function sendSpread(ctx: Context, v: number, k: number, item: ItemSpec, d: number, kind: number, c: number): void {
  const rng = ctx.streams.information;
  const mode = item.mode;
  if (mode === 'push' || mode === 'push-pull') {
    for (let f = 0; f < item.fanout; f++) {
      if (c < 1 && !(rng.float() < c)) continue;
      ctx.messages.send(v, neighbour(ctx, v, rng.int(d)), kind, k, 0);
    }
  } else if (mode === 'flood') {
    const beta = item.beta * c;
    for (let j = rng.geometric(beta); j < d; j += 1 + rng.geometric(beta)) ctx.messages.send(v, neighbour(ctx, v, j), kind, k, 0);
  }
}
