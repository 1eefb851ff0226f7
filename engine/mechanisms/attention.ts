// One attention budget (MODEL.md §10.1, model 2): each person has `attention`
// units per tick (a unit is a quarter of a working hour: docs/ODD.md, "time
// scale"), managers `managerAttention`. At the start of Act a person reserves
// `workCost`·attention for each situation it works on; reading a message costs
// `readCost` and sending one `sendCost`; sending is never deferred, so a balance
// can go negative and the debt (at most one tick's attention) is carried over.
import { z } from 'zod';
import { API_VERSION, type MechanismModule } from '../modules/types.ts';
import { param } from '../scenario/blocks.ts';
import { SPENT_MESSAGES, SPENT_WORK, WASTED } from './attention-state.ts';
import { exchangeAttention } from '../exchanges/state.ts';

/** The keys of `population` the attention budget reads. */
export const attentionKeys = {
  attention: param(
    z.number().gt(0).max(1e6).nullable().default(null),
    'units per tick',
    'attention per tick (a unit = a quarter of a working hour); null = v1\'s effective capacity max(1, round(capacity·(0.5 + engagement))), recomputed each tick',
    2,
  ),
  managerAttention: param(
    z.number().gt(0).max(1e6).nullable().default(null),
    'units per tick',
    'attention per tick of people with an alive report (staff support raises it); null = the same rule as everyone',
    2,
  ),
  readCost: param(z.number().min(0).max(1e6).default(1), 'units per message', 'attention a message costs its reader (0: reading is unlimited)', 2),
  sendCost: param(z.number().min(0).max(1e6).default(1), 'units per message', 'attention each message sent or forwarded costs its sender', 2),
  workCost: param(z.number().min(0).max(1).default(0.5), 'share of attention', 'share of a person\'s attention reserved for each situation it works on (leaders and team members)', 2),
};

const attention: MechanismModule = {
  kind: 'mechanism',
  name: 'attention',
  apiVersion: API_VERSION,
  description: 'One attention budget per person and tick, spent on work, reading and sending (model 2).',
  params: { population: attentionKeys },
  active: (s) => s.model === 2,
  metrics: [
    { name: 'attentionPerSituation', label: 'Attention per resolved situation', unit: 'units (quarter hours)', description: 'Attention spent on messages and work over the run, per situation resolved.', per: 'run', type: 'number', digits: 1, higherIsBetter: false, nullable: true },
    { name: 'workShare', label: 'Share of attention on work', unit: 'share of attention spent', description: 'Attention spent on work over attention spent on work and messages.', per: 'run', type: 'number', digits: 2, higherIsBetter: true, nullable: true },
    { name: 'wastedAttention', label: 'Wasted attention', unit: 'units (quarter hours)', description: 'Work shares reserved for a situation by leaders (and their team members) other than its first successful finisher; 0 when each situation has one leader.', per: 'run', type: 'number', digits: 1, higherIsBetter: false },
  ],
  summarize(ctx, _series, out) {
    const st = ctx.state;
    if (!st.hasNum(SPENT_WORK)) return; // nothing could spend attention in this run
    const messages = st.num(SPENT_MESSAGES), work = st.num(SPENT_WORK);
    const resolved = out['resolved'];
    // Attention spent on exchanges is spent (workShare counts it) but not on situations (MODEL.md §10.5).
    out['attentionPerSituation'] = typeof resolved === 'number' && resolved > 0 ? (messages - exchangeAttention(st) + work) / resolved : null;
    out['workShare'] = messages + work > 0 ? work / (messages + work) : null;
    out['wastedAttention'] = st.num(WASTED);
  },
};
export default attention;
