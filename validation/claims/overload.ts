// The claims of the `overload` scenario (issues 6 and 15): the rate of situations
// ramps up from 0.5 to 5 per tick. Under model 2 the head chokes only under
// strict command (every report and outcome report reaches it); managed by
// exception the hierarchy keeps up, and the peers pay for their calls in
// attention. Each a paired comparison over 20 seeds on the shipped scenario
// (validation/claims/claim.ts), with its mechanism and the control that turns
// the mechanism off (MODEL.md §10.6).
import overload from '../../scenarios/overload.json' with { type: 'json' };
import { claimsOf, variants } from './claim.ts';
import { arrivals, metric } from './measures.ts';

const SCENARIO = { name: 'overload', input: overload };

/** Staff support: managers' attention so large that no inbox of theirs ever waits (the single decider's limit switched off). */
const STAFF = { 'population.managerAttention': 1000 };
/** Messages cost no attention to read or to send. */
const FREE_MESSAGES = { 'population.readCost': 0, 'population.sendCost': 0 };

export const overloadClaims = claimsOf(SCENARIO, [
  {
    id: 'root-chokes',
    title: 'under strict command the head\'s inbox grows far beyond any inbox of the hierarchy managed by exception',
    compared: 'strict command − by exception, maxQueuePeak',
    ...variants('by exception', 'strict command'),
    measure: metric('maxQueuePeak'),
    side: '>',
    mechanism: 'under strict command every report and every outcome report climbs to the head, who has 4 units of attention a tick and spends about 3 per situation (read the report, send the order, read the outcome): past about 1.3 situations a tick its inbox only grows; managed by exception, the first manager who knows someone free and able decides, and no inbox waits',
    control: STAFF,
  },
  {
    id: 'peers-keep-up',
    title: 'at high load the peers resolve a larger share of the situations than a hierarchy under strict command',
    compared: 'peers − strict command, share resolved of the situations arriving in ticks 250–349 (rate 3.5 to 5 per tick)',
    ...variants('strict command', 'peers'),
    measure: arrivals('share', 250, 350),
    side: '>',
    mechanism: 'the strict head reads and decides every situation with one person\'s attention, so its reports wait past their deadlines; peers decide wherever the situation arrives',
    control: STAFF,
  },
  {
    id: 'peers-slower',
    title: 'managed by exception, the hierarchy resolves its situations sooner than the peers under this load',
    compared: 'by exception − peers, latencyMean',
    ...variants('peers', 'by exception'),
    measure: metric('latencyMean'),
    side: '<',
    mechanism: 'each peer call is read by 3 neighbours and forwarded for up to 4 hops, and every read and send costs attention: at several situations a tick the calls fill everyone\'s inbox (the peers\' longest is about 100 messages) and a call waits to be read before anyone volunteers; the hierarchy\'s report reaches one manager, who names someone at once',
    control: FREE_MESSAGES,
  },
  {
    id: 'load-shared',
    kind: 'definition',
    title: 'peers share the load: messages received are spread more evenly (lower loadGini)',
    compared: 'peers − by exception, loadGini',
    ...variants('by exception', 'peers'),
    measure: metric('loadGini'),
    side: '<',
    mechanism: 'a definition of the chart: every report and outcome report goes to a manager (one person in six), so the hierarchy\'s messages fall on its managers by the routing rule, whatever the load',
  },
]);
