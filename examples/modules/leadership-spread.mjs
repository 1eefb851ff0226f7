// A custom metric family written as a user's module (docs/extending.md): how
// widely leadership is spread. Per tick, the share of people leading a
// situation right now; per run, the highest such share and the share of all
// leading done by the most active `topShare` of people (the built-ins already
// give the Gini coefficient of times led, leadershipGini, and the share who ever
// led, leadersShare). It reads the engine's arrays (api.people) and the series,
// and keeps no state of its own.
export default function leadershipSpread(api) {
  const { z, param, moduleParams, setSeries, people: P } = api;

  const keys = {
    topShare: param(z.number().gt(0).max(0.5).default(0.1), 'share of people', 'leadership-spread: the most active people whose share of all leading ledTopShare reports'),
  };

  return {
    kind: 'metrics',
    name: 'leadership-spread',
    apiVersion: api.apiVersion,
    description: 'How widely leadership is spread: who leads now, the inequality of times led, and the share of the most active few.',
    params: { metrics: keys },
    metrics: [
      { name: 'leadingNow', label: 'Share of people leading now', unit: 'share of people', description: 'Among the people present, the share leading at least one situation at this tick.', per: 'tick', agg: 'mean', type: 'number', digits: 3 },
      { name: 'leadingNowPeak', label: 'Most people leading at once', unit: 'share of people', description: 'The highest share of people leading at the same tick over the run.', per: 'run', type: 'number', digits: 3, nullable: true },
      { name: 'ledTopShare', label: 'Leading done by the most active', unit: 'share of situations led', description: 'The share of all situations led that the most active metrics.topShare of the present people led.', per: 'run', type: 'number', digits: 3, nullable: true, higherIsBetter: false },
    ],
    appliesTo: (_scenario, protocol) => protocol.handlesSituations === true,
    record(ctx, series, t) {
      const alive = ctx.state.get(P.ALIVE);
      const leading = ctx.state.get(P.LEADING);
      let present = 0;
      let now = 0;
      for (let v = 0; v < ctx.n; v++) {
        if (!alive[v]) continue;
        present++;
        if (leading[v] > 0) now++;
      }
      setSeries(series, 'leadingNow', t, present > 0 ? now / present : null);
    },
    summarize(ctx, series, out) {
      const { topShare } = moduleParams(ctx.scenario, 'metrics', keys);
      let peak = null;
      const now = series.values.leadingNow;
      for (let t = 0; t < series.length; t++) if (Number.isFinite(now[t]) && (peak === null || now[t] > peak)) peak = now[t];
      out.leadingNowPeak = peak;
      const alive = ctx.state.get(P.ALIVE);
      const led = ctx.state.get(P.LED);
      const counts = [];
      for (let v = 0; v < ctx.n; v++) if (alive[v]) counts.push(led[v]);
      counts.sort((a, b) => b - a);
      const total = counts.reduce((s, x) => s + x, 0);
      const top = Math.max(1, Math.round(topShare * counts.length));
      out.ledTopShare = total > 0 ? counts.slice(0, top).reduce((s, x) => s + x, 0) / total : null;
    },
  };
}
