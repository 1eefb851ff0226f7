// Model 2's mechanisms for one run (MODEL.md §10): built when the scenario says
// `model: 2`, absent (null) under model 1, so v1 runs touch none of their state or
// streams. The engine's phases call them where their rules apply.
import type { Context } from '../context.ts';
import { AttentionBook } from './attention-book.ts';
import { SelfBook } from './self-book.ts';
import { ValueBook } from './value-book.ts';

export interface ModelTwo {
  attention: AttentionBook;
  value: ValueBook;
  self: SelfBook;
}

/** The mechanisms of a model-2 run (after the people exist). */
export function modelTwo(ctx: Context): ModelTwo | null {
  if (ctx.scenario.model !== 2) return null;
  return { attention: new AttentionBook(ctx), value: new ValueBook(ctx), self: new SelfBook(ctx) };
}
