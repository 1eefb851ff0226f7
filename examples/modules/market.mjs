// An internal market: a complete way of working written as a user's module
// (docs/extending.md walks through it). When a situation arrives, the person who
// noticed it holds a sealed-bid auction among themselves and up to
// `marketReach` of their informal ties: each free person bids what they believe
// their skill in the situation's domain to be (their true skill, misjudged by up
// to ± `marketNoise`), less `marketLoadPenalty` per situation they already work
// on. The best bid at or above `marketReserve` wins and leads the situation
// alone; with no acceptable bid the situation waits and is auctioned again each
// tick until it is resolved or its deadline passes. A failed attempt puts it
// back on the market.
//
// Everything the engine needs comes from `api`; nothing is imported. What must
// last is state (api.stateNumber, api.stateArray: the hash, snapshots and
// restores carry it); every draw comes from the module's own stream.
export default function market(api) {
  const { z, param, integer, moduleParams, stateArray, stateNumber, stream, setSeries, QuietProtocol, situations: S, people: P } = api;

  const keys = {
    marketReach: param(integer(1, 64).default(6), 'people', 'market: how many of the origin\'s informal ties are asked to bid (all of them when fewer)'),
    marketReserve: param(z.number().min(0).max(1).default(0.35), 'skill', 'market: the lowest bid accepted; below it the situation waits for the next round'),
    marketLoadPenalty: param(z.number().min(0).max(1).default(0.1), 'skill per situation', 'market: how much each situation a bidder already works on lowers their bid'),
    marketNoise: param(z.number().min(0).max(0.5).default(0.05), 'skill', 'market: how far bidders misjudge their own skill (uniform, ± this)'),
  };

  const AUCTIONS = stateNumber('market.auctions');
  const SOLD = stateNumber('market.sold');
  const BIDS = stateNumber('market.bids');
  const PRICE_SUM = stateNumber('market.priceSum');
  /** Situations with no acceptable bid yet, auctioned again each tick. */
  const WAITING = stateArray.i32('market.waiting');
  const WAITING_LENGTH = stateNumber('market.waitingLength');

  class Market extends QuietProtocol {
    kind = 'market';
    handlesSituations = true;

    init(ctx) {
      for (const h of [AUCTIONS, SOLD, BIDS, PRICE_SUM, WAITING_LENGTH]) ctx.state.setNum(h, 0);
      ctx.state.put(WAITING, new Int32Array(32));
    }

    onArrival(ctx, sit) {
      if (!this.auction(ctx, sit)) this.wait(ctx, sit);
    }

    onOutcome(ctx, o) {
      if (o.success || o.wasted) return;
      if (!this.auction(ctx, o.sit)) this.wait(ctx, o.sit);
    }

    /** Once a tick, before people act: the waiting situations go back on the market. */
    beginAct(ctx) {
      const status = ctx.state.get(S.STATE);
      const waiting = ctx.state.get(WAITING);
      const length = ctx.state.num(WAITING_LENGTH);
      let kept = 0;
      for (let i = 0; i < length; i++) {
        const sit = waiting[i];
        if (status[sit] !== S.STATUS.OPEN) continue; // missed its deadline meanwhile
        if (!this.auction(ctx, sit)) waiting[kept++] = sit;
      }
      ctx.state.setNum(WAITING_LENGTH, kept);
    }

    wait(ctx, sit) {
      const length = ctx.state.num(WAITING_LENGTH);
      let waiting = ctx.state.get(WAITING);
      if (length >= waiting.length) {
        const grown = new Int32Array(waiting.length * 2);
        grown.set(waiting);
        waiting = ctx.state.put(WAITING, grown);
      }
      waiting[length] = sit;
      ctx.state.setNum(WAITING_LENGTH, length + 1);
    }

    /** One sealed-bid round for `sit`; true when someone won it (and now leads it). */
    auction(ctx, sit) {
      const p = moduleParams(ctx.scenario, 'protocol', keys);
      const rng = stream(ctx, 'market', 'bids');
      const state = ctx.state;
      const alive = state.get(P.ALIVE);
      const busy = state.get(P.BUSY);
      const D = ctx.scenario.population.domains;
      const domain = state.get(S.DOMAIN)[sit];
      const origin = state.get(S.ORIGIN)[sit];
      let best = -1;
      let bestBid = -Infinity;
      let bids = 0;
      const consider = (v) => {
        if (!alive[v] || !S.isFree(ctx, v)) return;
        const bid = S.skillOf(state, D, v, domain) - p.marketLoadPenalty * busy[v] + p.marketNoise * (2 * rng.float() - 1);
        bids++;
        if (bid > bestBid || (bid === bestBid && v < best)) {
          best = v;
          bestBid = bid;
        }
      };
      if (origin >= 0) consider(origin);
      const g = ctx.informal;
      if (g.complete) {
        for (let k = 0; k < p.marketReach; k++) {
          const v = rng.int(ctx.n);
          if (v !== origin) consider(v);
        }
      } else if (origin >= 0) {
        // Up to `reach` ties, from a random place in the origin's list (all of them when fewer).
        const from = g.offsets[origin];
        const degree = g.offsets[origin + 1] - from;
        const asked = Math.min(p.marketReach, degree);
        const start = degree > asked ? rng.int(degree) : 0;
        for (let k = 0; k < asked; k++) consider(g.targets[from + ((start + k) % degree)]);
      }
      state.setNum(AUCTIONS, state.num(AUCTIONS) + 1);
      state.setNum(BIDS, state.num(BIDS) + bids);
      if (best < 0 || bestBid < p.marketReserve) return false;
      state.setNum(SOLD, state.num(SOLD) + 1);
      state.setNum(PRICE_SUM, state.num(PRICE_SUM) + bestBid);
      S.startAttempt(ctx, sit, best, null);
      return true;
    }

    record(ctx, series, t) {
      setSeries(series, 'marketWaiting', t, ctx.state.num(WAITING_LENGTH));
      setSeries(series, 'marketSoldCum', t, ctx.state.num(SOLD));
    }

    summarize(ctx, _series, out) {
      const sold = ctx.state.num(SOLD);
      out.marketAuctions = ctx.state.num(AUCTIONS);
      out.marketSold = sold;
      out.marketBids = ctx.state.num(BIDS);
      out.marketMeanPrice = sold > 0 ? ctx.state.num(PRICE_SUM) / sold : null;
    }
  }

  return {
    kind: 'protocol',
    name: 'market',
    apiVersion: api.apiVersion,
    description: 'An internal market: each situation goes to the best bid among the free people tied to whoever noticed it.',
    params: { protocol: keys },
    handlesSituations: true,
    draws: 'informal',
    metrics: [
      { name: 'marketWaiting', label: 'Situations waiting for a bid', unit: 'situations', description: 'Situations that found no acceptable bid yet and wait for the next round.', per: 'tick', agg: 'mean', type: 'integer', higherIsBetter: false },
      { name: 'marketSoldCum', label: 'Situations sold so far', unit: 'situations', description: 'Auctions won, from the start (a situation whose attempt failed can be sold again).', per: 'tick', agg: 'last', type: 'integer' },
      { name: 'marketAuctions', label: 'Auctions held', unit: 'auctions', description: 'Sealed-bid rounds held over the run, won or not.', per: 'run', type: 'integer' },
      { name: 'marketSold', label: 'Auctions won', unit: 'auctions', description: 'Rounds that ended with a bid at or above the reserve.', per: 'run', type: 'integer' },
      { name: 'marketBids', label: 'Bids made', unit: 'bids', description: 'Bids from free people over the run (each is a question and an answer between two people).', per: 'run', type: 'integer' },
      { name: 'marketMeanPrice', label: 'Mean winning bid', unit: 'skill', description: 'The mean of the winning bids: what the winners believed their skill to be, less their load.', per: 'run', type: 'number', nullable: true, higherIsBetter: true },
    ],
    create: () => new Market(),
    // Claims the module makes about itself: `equipotent check --module
    // examples/modules/market.mjs` runs them under the built-in claims' rules
    // (docs/extending.md): b − a over seeds, and the control must make it vanish.
    claims: [
      {
        id: 'wider-market-picks-the-skilled',
        title: 'asking six people instead of one puts more skilled people on the situations',
        compared: 'mean quality of the resolvers (share of the best skill)',
        scenario: {
          name: 'market reach',
          seed: 1,
          ticks: 120,
          organization: { size: 120, formal: { kind: 'hierarchy', span: 5 }, informal: { kind: 'small-world', k: 6, p: 0.1 } },
          environment: { rate: 2, deadline: 20, workTicks: 3 },
          protocol: { kind: 'market' },
          variants: [
            { label: 'one bidder', set: { 'protocol.marketReach': 1 } },
            { label: 'six bidders', set: { 'protocol.marketReach': 6 } },
          ],
        },
        a: 'one bidder',
        b: 'six bidders',
        metric: 'qualityMean',
        side: '>',
        mechanism: 'the best of several bids, each tracking the bidder\'s skill, goes to a more skilled person than a single bid does',
        // Every arm asks one bidder: no choice among bids, so no difference.
        control: { 'protocol.marketReach': 1 },
      },
    ],
  };
}
