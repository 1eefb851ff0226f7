// Assembling a run from a validated scenario: the state record, the streams, the
// organization's layers, the people, the inboxes, the information layer and the
// way of working (a module of the registry), wired into one Context.
import type { Context } from '../context.ts';
import { completeGraph, type Graph } from '../graph/csr.ts';
import { componentScratch, giantComponentSize, type ComponentScratch } from '../graph/components.ts';
import { InformationLayer, type ItemSpec } from '../information.ts';
import { Messages, initMessages } from '../messages.ts';
import type { Registry } from '../modules/registry.ts';
import { buildOrganization } from '../organization.ts';
import { PersonArrays, hirePeople, initPopulation } from '../population.ts';
import type { Protocol } from '../protocols/protocol.ts';
import { createStreams } from '../rng.ts';
import { problemsForSize, type Scenario } from '../scenario/schema.ts';
import { initSituations } from '../situations.ts';
import { State } from '../state.ts';
import type { ArrayHandle } from '../state-handles.ts';
import { runStream } from '../run-streams.ts';
import { modelTwo } from '../mechanisms/model-two.ts';
import { ALIVE, ALIVE_COUNT, LOAD_STAMP, LOAD_TICK, LOAD_TOTAL } from '../people-state.ts';
import { FORMAL_LEVEL, FORMAL_PARENT, FORMAL_ROOT, INFORMAL_COMPLETE, INFORMAL_OFFSETS, INFORMAL_TARGETS, INFORMAL_TRUST } from '../organization-state.ts';
import { INBOX_COUNT, INBOX_HEAD, INBOX_TAIL } from '../messages.ts';
import { GIANT, INITIAL_N, PEOPLE, RNG_WORDS, SHOCKS_DONE_FOR, TICK, TOPOLOGY_DIRTY } from '../run-state.ts';

/** A user's scenario that validates but cannot be built (an unknown protocol, a bad file). */
export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

/** The way of working the scenario names, from the registry. */
export function makeProtocol(scenario: Scenario, registry: Registry): Protocol {
  const module = registry.protocols.get(scenario.protocol.kind);
  if (!module) {
    throw new ScenarioError(
      `protocol.kind: "${scenario.protocol.kind}" is not available in this version of the engine (available: ${[...registry.protocols.keys()].join(', ')})`,
    );
  }
  return module.create();
}

/** Builds the context of a run: everything the phases share. */
export function assemble(scenario: Scenario, seed: number, registry: Registry, data: Record<string, string>): Context {
  const protocol = makeProtocol(scenario, registry);
  const state = new State();
  const streams = createStreams(seed);
  const persons = new PersonArrays();
  const org = buildOrganization(scenario, streams.organization, data);
  const n = org.n;
  // A file layer gives the size only now: the checks that need n (ids, limits) run here.
  if (scenario.organization.size === undefined) {
    const problems = problemsForSize(scenario, n, registry);
    if (problems.length) throw new ScenarioError(problems.join('\n'));
  }
  const information = new InformationLayer(scenario.protocol.capacityLimited !== false);
  let scratch: ComponentScratch = componentScratch(n);

  const ctx: Context = {
    scenario,
    seed,
    state,
    streams,
    messages: new Messages(),
    protocol,
    modules: registry,
    information,
    informal: org.informal,
    labels: org.labels,
    cache: {},
    attributes: org.attributes,
    n,
    tick: 0,
    applied: [],
    registerPersonArray(array: string | ArrayHandle, stride: number, fill: number) {
      persons.register(array, stride, fill);
    },
    stream: (name: string) => runStream(ctx, name),
    v2: null,
    setInformal(g: Graph) {
      ctx.informal = g;
      writeInformal(state, g);
      state.setNum(TOPOLOGY_DIRTY, 1);
    },
    grow(to: number) {
      persons.grow(state, ctx.n, to);
      // Newcomers are alive, with skills drawn like everyone's (population stream).
      hirePeople(state, ctx.n, to, scenario.population, streams.population);
      information.onGrow(ctx, to);
      ctx.v2?.self.draw(ctx, ctx.n, to);
      state.addNum(ALIVE_COUNT, to - ctx.n);
      ctx.n = to;
      state.setNum(PEOPLE, to);
      scratch = componentScratch(to);
    },
    giantComponent(): number {
      if (state.num(TOPOLOGY_DIRTY)) {
        if (scratch.labels.length < ctx.n) scratch = componentScratch(ctx.n);
        state.setNum(GIANT, giantComponentSize(ctx.informal, state.get(ALIVE), scratch));
        state.setNum(TOPOLOGY_DIRTY, 0);
      }
      return state.num(GIANT);
    },
  };

  state.setNum(TICK, 0);
  state.setNum(PEOPLE, n);
  state.setNum(SHOCKS_DONE_FOR, -1);
  initPopulation(state, persons, n, scenario.population, streams.population);
  initMessages(state, n);
  for (const h of [INBOX_HEAD, INBOX_TAIL, LOAD_STAMP, FORMAL_PARENT, FORMAL_LEVEL]) persons.register(h, 1, -1);
  for (const h of [INBOX_COUNT, LOAD_TOTAL, LOAD_TICK]) persons.register(h, 1, 0);
  state.put(FORMAL_PARENT, org.formal ? org.formal.parent.slice() : new Int32Array(n).fill(-1));
  state.put(FORMAL_LEVEL, org.formal ? org.formal.level.slice() : new Int32Array(n).fill(-1));
  state.setNum(FORMAL_ROOT, org.formal ? org.formal.root : -1);
  writeInformal(state, ctx.informal);
  state.setNum(TOPOLOGY_DIRTY, 1);
  state.setNum(GIANT, 0);
  state.setNum(INITIAL_N, n);
  state.setNum(ALIVE_COUNT, n);

  information.init(ctx, scenarioItems(scenario, ctx));
  if (protocol.handlesSituations === true) initSituations(ctx);
  protocol.init(ctx);
  // Model 2's mechanisms (null under model 1: v1 runs touch none of their state).
  ctx.v2 = modelTwo(ctx);
  ctx.messages.attention = ctx.v2?.attention ?? null;
  // The streams' words are state: move them into the record so snapshots carry them.
  state.put(RNG_WORDS, streams.words);
  // The components of the organization as built are part of building it (so a run's
  // first tick does not pay for them); later they are recomputed only when ties change.
  ctx.giantComponent();
  return ctx;
}

/** Rebuilds a componentScratch-sized view of the informal layer after a restore. */
export function readInformal(state: State, n: number): Graph {
  if (state.num(INFORMAL_COMPLETE)) return completeGraph(n);
  return { n, offsets: state.get(INFORMAL_OFFSETS), targets: state.get(INFORMAL_TARGETS), trust: state.get(INFORMAL_TRUST), complete: false };
}

function writeInformal(state: State, g: Graph): void {
  state.put(INFORMAL_OFFSETS, g.offsets);
  state.put(INFORMAL_TARGETS, g.targets);
  state.put(INFORMAL_TRUST, g.trust);
  state.setNum(INFORMAL_COMPLETE, g.complete ? 1 : 0);
}

/** The scenario's items as the engine runs them; seeds are scenario ids mapped to internal ids. */
function scenarioItems(scenario: Scenario, ctx: Context): ItemSpec[] {
  return scenario.information.items.map((it, i) => {
    const seeds = it.seeds
      ? it.seeds.map((id: number | string) => {
          const k = ctx.labels.indexOf(String(id));
          if (k < 0) throw new ScenarioError(`information.items.${i}.seeds: no person has id ${JSON.stringify(id)}`);
          return k;
        })
      : null;
    return {
      id: it.id,
      truth: it.truth,
      domain: it.domain,
      at: it.at,
      seeds,
      seedCount: it.seedCount,
      mode: it.spread.mode,
      fanout: it.spread.fanout,
      beta: it.spread.beta,
      stifle: it.spread.stifle,
    };
  });
}
