// A small extra way of working, written as a built-in would be: one file that
// declares its parameter, state, phases and metric (docs/extending.md walks
// through it). "lottery" is the null model of leadership: each situation goes to
// a person drawn at random among the free, with no communication at all; after a
// failure it is drawn again, at most `lotteryRetries` times.
import { API_VERSION, type ProtocolModule } from '../../engine/modules/types.ts';
import { moduleParams } from '../../engine/modules/module-params.ts';
import { setSeries } from '../../engine/metrics.ts';
import { QuietProtocol } from '../../engine/protocols/protocol.ts';
import { integer, param } from '../../engine/scenario/blocks.ts';
import { isFree, startAttempt, type Outcome } from '../../engine/situations.ts';
import { stateArray, stateNumber } from '../../engine/state-handles.ts';
import type { Context } from '../../engine/context.ts';

/** The module's parameter, declared once. */
const keys = { lotteryRetries: param(integer(0, 100).default(3), 'draws', 'lottery: times a failed situation is drawn again') };

/** Draws so far (state: snapshots and the hash carry it). */
const DRAWS = stateNumber('lottery.draws');
/** Draws per situation. */
const TRIES = stateArray.i32('lottery.tries');
const ALIVE = stateArray.u8('alive');

class Lottery extends QuietProtocol {
  override readonly kind = 'lottery';
  readonly handlesSituations = true;
  private retries = 0;

  override init(ctx: Context): void {
    this.retries = moduleParams(ctx.scenario, 'protocol', keys).lotteryRetries;
    ctx.state.setNum(DRAWS, 0);
    ctx.state.put(TRIES, new Int32Array(64));
  }

  onArrival(ctx: Context, sit: number): void {
    let tries = ctx.state.get(TRIES);
    if (sit >= tries.length) {
      const grown = new Int32Array(Math.max(sit + 1, tries.length * 2));
      grown.set(tries);
      tries = ctx.state.put(TRIES, grown);
    }
    this.draw(ctx, sit);
  }

  onOutcome(ctx: Context, o: Outcome): void {
    if (o.success || o.wasted) return;
    if (ctx.state.get(TRIES)[o.sit]! <= this.retries) this.draw(ctx, o.sit);
  }

  /** Gives `sit` to a free person drawn uniformly (protocol stream); nobody free: it waits for its deadline. */
  private draw(ctx: Context, sit: number): void {
    const alive = ctx.state.get(ALIVE);
    const rng = ctx.streams.protocol;
    for (let guard = 0; guard < 4 * ctx.n; guard++) {
      const v = rng.int(ctx.n);
      if (!alive[v] || !isFree(ctx, v)) continue;
      ctx.state.get(TRIES)[sit]!++;
      ctx.state.vals[DRAWS.id]!++;
      startAttempt(ctx, sit, v, null);
      return;
    }
  }

  record(ctx: Context, series: import('../../engine/metrics.ts').SeriesStore, t: number): void {
    setSeries(series, 'lotteryDrawsCum', t, ctx.state.num(DRAWS));
  }

  summarize(ctx: Context, _series: unknown, out: Record<string, number | null>): void {
    out['lotteryDraws'] = ctx.state.num(DRAWS);
  }
}

const lottery: ProtocolModule = {
  kind: 'protocol',
  name: 'lottery',
  apiVersion: API_VERSION,
  description: 'The null model of leadership: each situation goes to a free person drawn at random, with no communication.',
  params: { protocol: keys },
  handlesSituations: true,
  draws: 'informal',
  metrics: [
    { name: 'lotteryDrawsCum', label: 'Lottery draws so far', unit: 'draws', description: 'Situations given out by lot, from the start.', per: 'tick', agg: 'last', type: 'integer' },
    { name: 'lotteryDraws', label: 'Lottery draws', unit: 'draws', description: 'Situations given out by lot over the run.', per: 'run', type: 'integer' },
  ],
  create: () => new Lottery(),
};
export default lottery;
