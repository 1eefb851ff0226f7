// Recovery after shocks (MODEL.md §8): for every shock, the dip of the rolling
// resolved rate and the ticks until it is back to 90 % of its value at the
// shock; the run's `recoveryTicks` is that of its first shock that is not an
// information shock.
import type { Context } from '../context.ts';
import { shockRecovery, type SeriesStore } from '../metrics.ts';
import { API_VERSION, type MetricFamilyModule } from '../modules/types.ts';

/** One shock's results (CONTRACT.md `run --json` → `shocks`). */
export interface ShockResult {
  at: number;
  kind: string;
  dip: number | null;
  recoveryTicks: number | null;
}

/** Every applied shock's dip and recovery, from the `resolved` series. */
export function shockResults(ctx: Context, series: SeriesStore): ShockResult[] {
  const applied = ctx.applied;
  const window = ctx.scenario.metrics.recoveryWindow;
  const resolved = series.values['resolved'];
  return applied.map((sh, i) => {
    const next = applied.slice(i + 1).find((o) => o.at > sh.at);
    return { at: sh.at, kind: sh.kind, ...shockRecovery(resolved, series.length, sh.at, next ? next.at : null, window) };
  });
}

const recovery: MetricFamilyModule = {
  kind: 'metrics',
  name: 'recovery',
  apiVersion: API_VERSION,
  description: 'Ticks until the rolling resolved rate is back to 90 % of its level at the first network shock.',
  metrics: [
    {
      name: 'recoveryTicks',
      label: 'Recovery',
      unit: 'ticks',
      description: 'Ticks from the first shock that is not an information shock until the rolling resolved rate (metrics.recoveryWindow) is back to 90 % of its value at the shock (0 if it never fell; null if never back, or no such shock).',
      per: 'run',
      type: 'integer',
      higherIsBetter: false,
      nullable: true,
    },
  ],
  appliesTo: (_scenario, protocol) => protocol.handlesSituations === true,
  afterProtocol: true,
  record: () => {},
  summarize(ctx, series, out) {
    const first = shockResults(ctx, series).find((sh) => ctx.modules.shocks.get(sh.kind)?.informationOnly !== true);
    out['recoveryTicks'] = first ? first.recoveryTicks : null;
  },
};
export default recovery;
