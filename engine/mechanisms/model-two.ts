// Model 2's mechanisms for one run (MODEL.md §10): built when the scenario says
// `model: 2`, absent (null) under model 1, so v1 runs touch none of their state or
// streams. The engine's phases call them where their rules apply.
import type { Context } from '../context.ts';
import { AttentionBook } from './attention-book.ts';
import { exchangeBook, type ExchangeBook } from '../exchanges/book.ts';
import { exchangesOn } from '../exchanges/index.ts';
import { SelfBook } from './self-book.ts';
import { ValueBook } from './value-book.ts';

export interface ModelTwo {
  /**
   * Null where nothing can spend attention: no situations, no exchanges and the textbook
   * information model (contacts are not messages, MODEL.md §10.1), e.g. bench W1/W2's gossip.
   */
  attention: AttentionBook | null;
  value: ValueBook;
  self: SelfBook;
  /** Exchanges routed as Dodds–Watts–Sabel (MODEL.md §10.5); null when exchangeRate is 0. */
  exchanges: ExchangeBook | null;
}

/** The mechanisms of a model-2 run (after the people exist). */
export function modelTwo(ctx: Context): ModelTwo | null {
  if (ctx.scenario.model !== 2) return null;
  const spends = ctx.protocol.handlesSituations === true || ctx.scenario.protocol.capacityLimited || exchangesOn(ctx.scenario);
  const attention = spends ? new AttentionBook(ctx) : null;
  return { attention, value: new ValueBook(ctx), self: new SelfBook(ctx), exchanges: exchangeBook(ctx, attention) };
}
