// The textbook model's pass (capacityLimited: false) for an item misinformation
// runs (MODEL.md §6): detection, the item's spreading, its correction's, the
// official channel, then stifling and the newly informed. Contacts take effect at
// once; whoever is reached acts from the next tick.
//
// Choices where MODEL.md is silent (docs/ODD.md):
// - The correction spreads over the same ties and spread mode as the item. Who
//   passes it on: detectors, fact-checkers and every believer it corrects, peer or
//   official. It acts on believers only: the unaware and doubters reached by it
//   are unchanged and do not pass it on. Each contact with a believer is its own
//   acceptPeer draw; in pull mode believers are the ones who ask.
// - Detection is open to those who heard the item before this tick and do not
//   already pass its correction on; a believer who detects is corrected by it.
//   Stifling (γ) stops correction spreaders too.
// - `grapevine` (an official channel's) filters each informal contact: a push
//   contact, a pull request (the reply comes with it), a flood tie (β·grapevine),
//   item and correction alike.
//
// Draws come from the information stream in ascending id order, per pass. These
// are generic loops, not the tuned ones of spread/: true items of ways of working
// without an official channel never come here.
import type { Context } from '../context.ts';
import { BELIEF, INFO } from '../codes.ts';
import type { ItemSpec } from '../item-spec.ts';
import { countContacts, countTrials, degreeOf, neighbour } from '../spread/contacts.ts';
import type { Beliefs } from './beliefs.ts';
import type { OfficialRelay } from './official.ts';
import type { ItemViews } from './views.ts';

const { UNAWARE, ACTIVE, QUIET, GONE } = INFO;

/** One tick of item k in the textbook model. */
export function spreadInstant(ctx: Context, b: Beliefs, views: ItemViews, relay: OfficialRelay | null, k: number, item: ItemSpec): void {
  const n = ctx.n;
  const p = b.bind(ctx, relay ? relay.channel : null);
  views.bind(ctx, k, item, relay !== null);
  const st = views.st[k]!;
  const belief = views.belief[k] ?? null;
  const corr = views.corr[k] ?? null;
  const report = views.report[k] ?? null;
  const rng = ctx.streams.information;
  b.contacts = 0;
  b.wasted = 0;
  b.fresh.length = 0;
  b.cfresh.length = 0;

  // Detection: detectors act in this tick.
  if (corr && p.verify > 0) {
    for (let v = 0; v < n; v++) if (b.detects(ctx, v, item, st, corr)) b.startCorrection(ctx, v, k, item);
  }

  const mode = item.mode;
  const push = mode === 'push' || mode === 'push-pull';
  const pull = mode === 'pull' || mode === 'push-pull';
  const flood = mode === 'flood';
  const c = p.contact;
  const filtered = c < 1;
  let trials = 0;

  if (c > 0) {
    // The item: believers (true items: the informed) spread it.
    if (push) {
      for (let v = 0; v < n; v++) {
        if (st[v] !== ACTIVE) continue;
        const d = degreeOf(ctx, v);
        if (d === 0) continue;
        for (let f = 0; f < item.fanout; f++) {
          if (filtered && !(rng.float() < c)) continue;
          reachItem(ctx, b, k, item, neighbour(ctx, v, rng.int(d)), st, belief, report);
        }
      }
    }
    if (pull) {
      for (let v = 0; v < n; v++) {
        if (st[v] !== UNAWARE) continue;
        const d = degreeOf(ctx, v);
        if (d === 0) continue;
        if (filtered && !(rng.float() < c)) continue;
        const u = neighbour(ctx, v, rng.int(d));
        b.contacts++;
        const su = st[u];
        if (su === ACTIVE) { b.contacts++; b.expose(ctx, k, item, v, st, belief, report); }
        else if (su === GONE) b.wasted++;
      }
    }
    if (flood) {
      const beta = item.beta * c;
      for (let v = 0; v < n; v++) {
        if (st[v] !== ACTIVE) continue;
        const d = degreeOf(ctx, v);
        trials += d;
        for (let j = rng.geometric(beta); j < d; j += 1 + rng.geometric(beta)) reachItem(ctx, b, k, item, neighbour(ctx, v, j), st, belief, report);
      }
    }

    // The correction: the same ties, the same spread mode.
    if (belief && corr) {
      if (push) {
        for (let v = 0; v < n; v++) {
          if (corr[v] !== ACTIVE) continue;
          const d = degreeOf(ctx, v);
          if (d === 0) continue;
          for (let f = 0; f < item.fanout; f++) {
            if (filtered && !(rng.float() < c)) continue;
            reachCorrection(ctx, b, k, neighbour(ctx, v, rng.int(d)), st, belief, corr);
          }
        }
      }
      if (pull) {
        // Believers ask for news of the item: a neighbour passing on its correction answers.
        for (let v = 0; v < n; v++) {
          // Only those who believed before this tick act on it (NEW ones act from the next).
          if (belief[v] !== BELIEF.BELIEVER || (st[v] !== ACTIVE && st[v] !== QUIET)) continue;
          const d = degreeOf(ctx, v);
          if (d === 0) continue;
          if (filtered && !(rng.float() < c)) continue;
          const u = neighbour(ctx, v, rng.int(d));
          b.contacts++;
          if (corr[u] === ACTIVE) {
            b.contacts++;
            if (b.acceptsPeer(ctx)) b.correct(ctx, k, v, st, belief, corr, false);
          } else if (st[u] === GONE) b.wasted++;
        }
      }
      if (flood) {
        const beta = item.beta * c;
        for (let v = 0; v < n; v++) {
          if (corr[v] !== ACTIVE) continue;
          const d = degreeOf(ctx, v);
          for (let j = rng.geometric(beta); j < d; j += 1 + rng.geometric(beta)) reachCorrection(ctx, b, k, neighbour(ctx, v, j), st, belief, corr);
        }
      }
    }
  }

  if (relay) relay.instant(ctx, b, k, item, st, belief, corr);

  // Stifling of those who acted (the correction's spreaders alike), then the newly informed.
  if (item.stifle > 0 && mode !== 'pull') {
    for (let v = 0; v < n; v++) if (st[v] === ACTIVE && (item.stifle >= 1 || rng.float() < item.stifle)) st[v] = QUIET;
    if (corr) for (let v = 0; v < n; v++) if (corr[v] === ACTIVE && (item.stifle >= 1 || rng.float() < item.stifle)) corr[v] = QUIET;
  }
  b.settle(views.st, views.belief, views.corr);
  if (trials) countTrials(ctx, trials);
  countContacts(ctx, b.contacts, b.wasted);
}

/** A push or flood contact with u. */
function reachItem(ctx: Context, b: Beliefs, k: number, item: ItemSpec, u: number, st: Uint8Array, belief: Uint8Array | null, report: Uint8Array | null): void {
  b.contacts++;
  const su = st[u];
  if (su === UNAWARE) b.expose(ctx, k, item, u, st, belief, report);
  else if (su === GONE) b.wasted++;
}

/** A correction's contact with u: a believer accepts it with probability acceptPeer. */
function reachCorrection(ctx: Context, b: Beliefs, k: number, u: number, st: Uint8Array, belief: Uint8Array, corr: Uint8Array): void {
  b.contacts++;
  if (st[u] === GONE) { b.wasted++; return; }
  if (belief[u] === BELIEF.BELIEVER && b.acceptsPeer(ctx)) b.correct(ctx, k, u, st, belief, corr, false);
}
