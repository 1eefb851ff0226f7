// The validation set's scenarios, exactly as in `scenarios/validation/<name>.json`
// (a test checks they are equal): the engine does no I/O, so the cases read them
// from here, and researchers run the files with `equipotent run`. Each case runs
// one of these (one variant of it) over many seeds; the files leave the seed loop
// out. All use the textbook information model (`capacityLimited: false`, MODEL.md §6).
import type { ScenarioInput } from '../scenario/schema.ts';

const textbook = { kind: 'gossip', capacityLimited: false } as const;

/** Push gossip on K_n: rounds until everyone knows (Frieze & Grimmett 1985; Pittel 1987). */
const pushComplete: ScenarioInput = {
  $schema: '../scenario.schema.json',
  name: 'Validation: push gossip on the complete graph',
  description:
    'Push rumour spreading on the complete graph K_n: each round every informed person tells one colleague drawn uniformly at random. Everyone knows after log2 n + ln n + O(1) rounds (Frieze & Grimmett 1985, Discrete Applied Mathematics 10:57-77; Pittel 1987, SIAM Journal on Applied Mathematics 47:213-223). Read the item\'s roundsToAll; `equipotent check` averages it over many seeds.',
  seed: 1,
  ticks: 80,
  organization: { size: 16384, informal: { kind: 'complete' } },
  environment: { rate: 0 },
  protocol: textbook,
  information: { items: [{ id: 'news', at: 0, seeds: [0], spread: { mode: 'push', fanout: 1 } }] },
  variants: [
    { label: 'n=4096', set: { 'organization.size': 4096 } },
    { label: 'n=8192', set: { 'organization.size': 8192 } },
    { label: 'n=16384', set: { 'organization.size': 16384 } },
  ],
};

/** Push, pull and push-pull on the same K_n, paired by seed (Karp et al. 2000). */
const gossipModes: ScenarioInput = {
  $schema: '../scenario.schema.json',
  name: 'Validation: push, pull and push-pull on the complete graph',
  description:
    'The three ways of gossiping on the complete graph K_n with n = 16384, paired by seed: pull finishes before push (the last uninformed people find the news instead of waiting to be picked), and push-pull before pull, in log3 n + O(log log n) rounds (Karp, Schindelhauer, Shenker & Vöcking 2000, Randomized rumor spreading, FOCS 2000, 565-574). Read the item\'s roundsToAll.',
  seed: 1,
  ticks: 80,
  organization: { size: 16384, informal: { kind: 'complete' } },
  environment: { rate: 0 },
  protocol: textbook,
  information: { items: [{ id: 'news', at: 0, seeds: [0], spread: { mode: 'push', fanout: 1 } }] },
  variants: [
    { label: 'push', set: { 'information.items.0.spread.mode': 'push' } },
    { label: 'pull', set: { 'information.items.0.spread.mode': 'pull' } },
    { label: 'push-pull', set: { 'information.items.0.spread.mode': 'push-pull' } },
  ],
};

/** Rumour mongering with the blind coin (Demers et al. 1987, Table 2). */
const rumourBlindCoin: ScenarioInput = {
  $schema: '../scenario.schema.json',
  name: 'Validation: rumour mongering with a blind coin',
  description:
    'Push rumour mongering on the complete graph where a spreader loses interest with probability 1/k after each push, whatever the recipient knew (the "blind coin" of Demers, Greene, Hauser, Irish, Larson, Shenker, Sturgis, Swinehart & Terry 1987, Epidemic algorithms for replicated database maintenance, PODC 1987, 1-12, Table 2: residue 0.20 for k = 2 and 0.96 for k = 1 with 1000 sites). With k = 2 the share never informed, s, solves s = exp(-k(1 - s)), about 0.203; with k = 1 the rumour is a single chain that stops at its first repeat (the birthday problem). The rumour dies when nobody is spreading: read informedFinal.',
  seed: 1,
  ticks: 400,
  organization: { size: 10000, informal: { kind: 'complete' } },
  environment: { rate: 0 },
  protocol: textbook,
  information: { items: [{ id: 'rumour', at: 0, seeds: [0], spread: { mode: 'push', fanout: 1, stifle: 0.5 } }] },
  variants: [
    { label: 'k=2', set: { 'information.items.0.spread.stifle': 0.5 } },
    { label: 'k=1 n=1000', set: { 'organization.size': 1000, 'information.items.0.spread.stifle': 1 } },
  ],
};

/** The independent cascade on Erdős–Rényi graphs: bond percolation's final size. */
const cascadeEr: ScenarioInput = {
  $schema: '../scenario.schema.json',
  name: 'Validation: independent cascade on a random graph',
  description:
    'Flood with stifle 1 on an Erdős–Rényi organization (n = 100000, mean degree c = 10): each newly informed person tells each colleague once, with probability beta, and stops (the independent cascade; an SIR epidemic with one infectious round). Which ties ever carry the news is bond percolation with occupation beta, so a large outbreak reaches the share S that solves S = 1 - exp(-c beta S) (Erdős & Rényi 1960; Newman 2002, Spread of epidemic disease on networks, Physical Review E 66:016128), and starts from one seed with probability S as well. The variant "complete" runs the cascade on the complete graph (n = 20001, beta = 0.0001): the news then reaches exactly the seed\'s component of the random graph G(n, beta), whose giant share solves the same equation with c beta = (n - 1) beta = 2. Read informedFinal.',
  seed: 1,
  ticks: 200,
  organization: { size: 100000, informal: { kind: 'random', meanDegree: 10 } },
  environment: { rate: 0 },
  protocol: textbook,
  information: { items: [{ id: 'cascade', at: 0, seeds: [0], spread: { mode: 'flood', beta: 0.3, stifle: 1 } }] },
  variants: [
    { label: 'beta=0.3', set: { 'information.items.0.spread.beta': 0.3 } },
    { label: 'beta=0.15', set: { 'information.items.0.spread.beta': 0.15 } },
    {
      label: 'complete',
      set: { 'organization.size': 20001, 'organization.informal': { kind: 'complete' }, 'information.items.0.spread.beta': 0.0001 },
    },
  ],
};

/** Random removal from an Erdős–Rényi graph: site percolation. */
const removalEr: ScenarioInput = {
  $schema: '../scenario.schema.json',
  name: 'Validation: random removal from a random graph',
  description:
    'Removing a fraction f of an Erdős–Rényi organization (n = 100000, mean degree c = 4) at random is site percolation with occupation phi = 1 - f: the survivors form a random graph of mean degree c phi, whose giant component holds the share S of them that solves S = 1 - exp(-c phi S), so giantComponent = phi S of the original people; below c phi = 1 (f > 0.75) there is no giant component (Erdős & Rényi 1960; Callaway, Newman, Strogatz & Watts 2000, Network robustness and fragility: percolation on random graphs, Physical Review Letters 85:5468). Read giantComponentMin.',
  seed: 1,
  ticks: 1,
  organization: { size: 100000, informal: { kind: 'random', meanDegree: 4 } },
  environment: { rate: 0 },
  protocol: textbook,
  shocks: [{ at: 0, kind: 'remove-nodes', target: 'random', fraction: 0.2 }],
  variants: [
    { label: 'f=0.2', set: { 'shocks.0.fraction': 0.2 } },
    { label: 'f=0.5', set: { 'shocks.0.fraction': 0.5 } },
    { label: 'f=0.7', set: { 'shocks.0.fraction': 0.7 } },
    { label: 'f=0.8', set: { 'shocks.0.fraction': 0.8 } },
  ],
};

/** Targeted attack versus random failure in a scale-free organization. */
const attackBa: ScenarioInput = {
  $schema: '../scenario.schema.json',
  name: 'Validation: attack on the hubs of a scale-free organization',
  description:
    'A Barabási–Albert organization (n = 10000, m = 2, mean degree 4) loses its best-connected people or the same number at random. Removing the hubs breaks it apart quickly while random failures barely dent it (Albert, Jeong & Barabási 2000, Error and attack tolerance of complex networks, Nature 406:378-382: this network falls apart near 18 % of hubs removed; Cohen, Erez, ben-Avraham & Havlin 2000, Resilience of the Internet to random breakdowns, Physical Review Letters 85:4626, and 2001, Breakdown of the Internet under intentional attack, Physical Review Letters 86:3682). Read giantComponentMin.',
  seed: 1,
  ticks: 1,
  organization: { size: 10000, informal: { kind: 'scale-free', m: 2 } },
  environment: { rate: 0 },
  protocol: textbook,
  shocks: [{ at: 0, kind: 'remove-nodes', target: 'degree', fraction: 0.05 }],
  variants: [
    { label: 'hubs 5%', set: { 'shocks.0.target': 'degree', 'shocks.0.fraction': 0.05 } },
    { label: 'random 5%', set: { 'shocks.0.target': 'random', 'shocks.0.fraction': 0.05 } },
    { label: 'hubs 15%', set: { 'shocks.0.target': 'degree', 'shocks.0.fraction': 0.15 } },
    { label: 'random 15%', set: { 'shocks.0.target': 'random', 'shocks.0.fraction': 0.15 } },
  ],
};

/** Two rounds of removals on four kinds of organization: the giant component, tick by tick. */
const giantUnionFind: ScenarioInput = {
  $schema: '../scenario.schema.json',
  name: 'Validation: the giant component after removals',
  description:
    'Random removal of 30 % of the people at tick 0, then of the 5 % best connected at tick 2, on four kinds of informal layer. The engine\'s giantComponent series must equal, at every tick, the largest component that an independent union-find (Tarjan 1975, Efficiency of a good but not linear set union algorithm, Journal of the ACM 22:215-225) finds among the surviving ties.',
  seed: 1,
  ticks: 4,
  organization: { size: 20000, informal: { kind: 'random', meanDegree: 3 } },
  environment: { rate: 0 },
  protocol: textbook,
  shocks: [
    { at: 0, kind: 'remove-nodes', target: 'random', fraction: 0.3 },
    { at: 2, kind: 'remove-nodes', target: 'degree', fraction: 0.05 },
  ],
  variants: [
    { label: 'random', set: { 'organization.informal': { kind: 'random', meanDegree: 3 } } },
    { label: 'scale-free', set: { 'organization.informal': { kind: 'scale-free', m: 1 } } },
    { label: 'small-world', set: { 'organization.informal': { kind: 'small-world', k: 4, p: 0.05 } } },
    { label: 'lattice', set: { 'organization.informal': { kind: 'lattice', width: 100, height: 200, wrap: false } } },
  ],
};

/** The validation scenarios by file name (`scenarios/validation/<name>.json`). */
export const validationScenarios = {
  'push-complete': pushComplete,
  'gossip-modes': gossipModes,
  'rumour-blind-coin': rumourBlindCoin,
  'cascade-er': cascadeEr,
  'removal-er': removalEr,
  'attack-ba': attackBa,
  'giant-union-find': giantUnionFind,
} satisfies Record<string, ScenarioInput>;

export type ValidationScenarioName = keyof typeof validationScenarios;
