// The claims of the `hydra` scenario: cutting off the head of the chain of command,
// then its best-connected people, under strict command (only the head decides, v1's
// rule), under management by exception (model 2's default) and among peers. Each a
// paired comparison over 20 seeds with its mechanism and the control that turns it
// off (MODEL.md §10.6; validation/claims/claim.ts).
import hydra from '../../scenarios/hydra.json' with { type: 'json' };
import { claimsOf, type Arm, type Term } from './claim.ts';
import { seriesMean, type Measure } from './measures.ts';

const SCENARIO = { name: 'hydra', input: hydra };

const before = seriesMean('resolved', 60, 100);
const vacancy = seriesMean('resolved', 101, 121);
const beforeConnectors = seriesMean('resolved', 210, 250);
const afterConnectors = seriesMean('resolved', 251, 291);

/** What the head's departure cost a way of working: resolved per tick while the place is vacant, minus before. */
const cost = (variant: string, after: Measure = vacancy, prior: Measure = before): Term => {
  const arm = (measure: Measure): Arm => ({ variant, variation: {}, measure });
  return { minus: [arm(after), arm(prior)] };
};

export const hydraClaims = claimsOf(SCENARIO, [
  {
    id: 'strict-stall',
    title: 'under strict command nothing new is decided while the head\'s place is vacant',
    compared: 'strict command, decisions per tick in ticks 101–120 (the head leaves at 100, its successor comes at 120) − ticks 60–99',
    mechanism: 'only the head decides; its reports wait, unread, until a successor is named successionDelay ticks later',
    control: { 'protocol.successionDelay': 0 },
    a: { variant: 'strict command', variation: {}, measure: seriesMean('decisions', 60, 100) },
    b: { variant: 'strict command', variation: {}, measure: seriesMean('decisions', 101, 121) },
    measure: seriesMean('decisions', 60, 100),
    side: '<',
  },
  {
    id: 'exception-keeps-going',
    title: 'managing by exception, the hierarchy loses far less than strict command when the head leaves',
    compared: 'what the vacancy cost (resolved per tick in ticks 101–120 − ticks 60–99): by exception − strict command',
    mechanism: 'managers below the head decide when they know someone free and able, so most reports never reach the empty place',
    control: { 'protocol.delegateThreshold': 1, 'protocol.managerNoise': 0 },
    a: cost('strict command'),
    b: cost('by exception'),
    measure: vacancy,
    side: '>',
  },
  {
    id: 'peers-keep-going',
    title: 'peers lose far less than strict command when the head leaves',
    compared: 'what the vacancy cost (resolved per tick in ticks 101–120 − ticks 60–99): peers − strict command',
    mechanism: 'peers have no single decider to wait for: whoever is able and free steps up',
    control: { 'protocol.successionDelay': 0 },
    a: cost('strict command'),
    b: cost('peers'),
    measure: vacancy,
    side: '>',
  },
  {
    id: 'connectors-stall',
    title: 'when the 5 % with the highest betweenness leave, strict command stalls again',
    compared: 'strict command, resolved per tick in ticks 251–290 (the removal is at 250) − ticks 210–249',
    mechanism: 'the connectors are mostly managers: their teams\' reports wait for successors, the head\'s among them',
    control: { 'protocol.successionDelay': 0 },
    a: { variant: 'strict command', variation: {}, measure: beforeConnectors },
    b: { variant: 'strict command', variation: {}, measure: afterConnectors },
    measure: beforeConnectors,
    side: '<',
  },
]);
