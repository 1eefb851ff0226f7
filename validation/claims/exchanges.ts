// The claims of the `exchanges` scenario (issue 14, MODEL.md §10.5): a hierarchy
// flooded by exchanges between any two people, routed up and down the chart, or
// greedily over local team or multiscale ties (Dodds, Watts & Sabel 2003). Each
// a paired comparison over 20 seeds (validation/claims/claim.ts), with the
// mechanism that makes it hold and its control (MODEL.md §10.6): routing every
// variant by the chart, which leaves the informal ties in place but unused.
import exchanges from '../../scenarios/exchanges.json' with { type: 'json' };
import { EX } from '../../engine/exchanges/state.ts';
import { claimsOf, variants } from './claim.ts';
import { seriesMean, type Measure } from './measures.ts';

const SCENARIO = { name: 'exchanges', input: exchanges };

/** The switch that turns the mechanism off: every variant routes by the chart. */
export const exchangesControl = { 'protocol.routing': 'chart' } as const;

/** The share of the exchanges that started in ticks [from, to) answered by their deadline (windows should end a deadline before the run does). */
export function exchangesAnswered(from: number, to: number): Measure {
  return (r) => {
    const st = r.sim.state;
    const count = st.scalars['ex.count'];
    if (count === undefined) return null;
    const arrival = st.i32('ex.arrival'), status = st.u8('ex.status');
    let asked = 0, answered = 0;
    for (let i = 0; i < count; i++) {
      if (arrival[i]! < from || arrival[i]! >= to) continue;
      asked++;
      if (status[i] === EX.RESOLVED) answered++;
    }
    return asked > 0 ? answered / asked : null;
  };
}

const RELIEF = 'greedy routing over ties at every scale carries exchanges between divisions across the ties instead of up through the managers to the head';

export const exchangesClaims = claimsOf(SCENARIO, [
  {
    id: 'multiscale-relieves-the-top',
    title: 'multiscale ties relieve the busiest person: the most messages one person receives in a tick falls',
    compared: 'multiscale ties − chart, mean over ticks 25–149 of maxLoad',
    ...variants('chart', 'multiscale ties'),
    measure: seriesMean('maxLoad', 25, 150),
    side: '<',
    mechanism: RELIEF,
    control: exchangesControl,
  },
  {
    id: 'multiscale-answers-in-time',
    title: 'with multiscale ties more exchanges are answered by their deadline than through the chart, whose head cannot read them all',
    compared: 'multiscale ties − chart, share answered of the exchanges starting in ticks 25–109',
    ...variants('chart', 'multiscale ties'),
    measure: exchangesAnswered(25, 110),
    side: '>',
    mechanism: `${RELIEF}, so fewer wait in the head's inbox past their deadline`,
    control: exchangesControl,
  },
  {
    id: 'multiscale-survives-the-top-leaving',
    title: 'after the head and the division heads leave, more exchanges still get through with multiscale ties than through the chart',
    compared: 'multiscale ties − chart, share answered of the exchanges starting in ticks 160–249',
    ...variants('chart', 'multiscale ties'),
    measure: exchangesAnswered(160, 250),
    side: '>',
    mechanism: 'ties at every scale keep the organization connected without its top, and greedy routing finds a way around the gap; the chart only knows the way through the managers who left',
    control: exchangesControl,
  },
]);
