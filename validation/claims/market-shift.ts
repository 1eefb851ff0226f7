// The claims of the `market-shift` scenario (issues 6 and 15): at tick 150 demand
// grows from 1 to 1.8 situations per tick and moves to domain 3. Under model 2
// the peers catch up sooner only than a hierarchy under strict command, whose
// head cannot read 1.8 situations a tick; managed by exception the hierarchy
// catches up as the peers do and then resolves sooner. Each a paired comparison
// over 20 seeds on the shipped scenario (validation/claims/claim.ts), with its
// mechanism and the control that turns it off (MODEL.md §10.6).
import marketShift from '../../scenarios/market-shift.json' with { type: 'json' };
import { claimsOf, variants } from './claim.ts';
import { arrivals, ticksToReach, type Measure } from './measures.ts';

const SCENARIO = { name: 'market-shift', input: marketShift };
const SHIFT = 150;
const NEW_RATE = 1.8;

/**
 * Ticks from the shift until resolved per tick (20-tick mean) reaches 90 % of the
 * new demand, read from the run's own shock: a skeptic who moves the new demand
 * (`shocks.0.rate`) moves the level with it.
 */
const catchUp: Measure = (r) => {
  const shock = r.sim.scenario.shocks[0] as { at?: number; rate?: number } | undefined;
  return ticksToReach('resolved', 0.9 * (shock?.rate ?? NEW_RATE), shock?.at ?? SHIFT, 20)(r);
};

/** Staff support: managers' attention so large that no inbox of theirs ever waits (the single decider's limit switched off). */
const STAFF = { 'population.managerAttention': 1000 };
/** Messages cost no attention to read or to send. */
const FREE_MESSAGES = { 'population.readCost': 0, 'population.sendCost': 0 };

const HEAD_LIMIT = 'the strict head has 4 units of attention a tick and spends about 3 per situation (read the report, send the order, read the outcome): it keeps up with about 1.3 situations a tick, so at 1.8 its inbox grows until the end of the run';

export const marketShiftClaims = claimsOf(SCENARIO, [
  {
    id: 'catch-up',
    title: 'after the market shift the peers catch up with the new demand sooner than a hierarchy under strict command',
    compared: `peers − strict command, ticks from the shift (${SHIFT}) until resolved per tick, averaged over the last 20 ticks, reaches 90 % of the new demand (${NEW_RATE} per tick as shipped)`,
    ...variants('strict command', 'peers'),
    measure: catchUp,
    side: '<',
    mechanism: `${HEAD_LIMIT}; peers decide wherever a situation arrives`,
    control: STAFF,
  },
  {
    id: 'exception-catches-up',
    title: 'managed by exception, the hierarchy catches up with the new demand far sooner than under strict command',
    compared: `by exception − strict command, ticks from the shift until resolved per tick (20-tick mean) reaches 90 % of ${NEW_RATE}`,
    ...variants('strict command', 'by exception'),
    measure: catchUp,
    side: '<',
    mechanism: `${HEAD_LIMIT}; managed by exception, a report stops at the first manager who knows someone free and able, and the head reads almost nothing`,
    control: STAFF,
  },
  {
    id: 'peers-slower-after',
    title: 'after the shift the hierarchy managed by exception resolves its situations sooner than the peers',
    compared: 'by exception − peers, mean latency of the situations arriving in ticks 200–359',
    ...variants('peers', 'by exception'),
    measure: arrivals('latency', 200, 360),
    side: '<',
    mechanism: 'each peer call is read by 3 neighbours and forwarded for up to 4 hops, and reading and sending cost attention: at 1.8 situations a tick the calls fill inboxes and wait to be read before anyone volunteers; the hierarchy\'s report reaches one manager, who names someone at once',
    control: FREE_MESSAGES,
  },
]);
