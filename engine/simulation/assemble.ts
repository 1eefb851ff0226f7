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
    registerPersonArray(name: string, stride: number, fill: number) {
      persons.register(name, stride, fill);
    },
    setInformal(g: Graph) {
      ctx.informal = g;
      writeInformal(state, g);
      state.scalars['topology.dirty'] = 1;
    },
    grow(to: number) {
      persons.grow(state, ctx.n, to);
      // Newcomers are alive, with skills drawn like everyone's (population stream).
      hirePeople(state, ctx.n, to, scenario.population, streams.population);
      information.onGrow(ctx, to);
      state.scalars['aliveCount']! += to - ctx.n;
      ctx.n = to;
      state.scalars['n'] = to;
      scratch = componentScratch(to);
    },
    giantComponent(): number {
      if (state.scalars['topology.dirty']) {
        if (scratch.labels.length < ctx.n) scratch = componentScratch(ctx.n);
        state.scalars['giant'] = giantComponentSize(ctx.informal, state.u8('alive'), scratch);
        state.scalars['topology.dirty'] = 0;
      }
      return state.scalars['giant']!;
    },
  };

  state.scalars['tick'] = 0;
  state.scalars['n'] = n;
  state.scalars['shocksDoneFor'] = -1;
  initPopulation(state, persons, n, scenario.population, streams.population);
  initMessages(state, n);
  for (const name of ['inbox.head', 'inbox.tail']) persons.register(name, 1, -1);
  for (const name of ['inbox.count', 'load.total', 'load.tick']) persons.register(name, 1, 0);
  persons.register('load.stamp', 1, -1);
  persons.register('formal.parent', 1, -1);
  persons.register('formal.level', 1, -1);
  state.set('formal.parent', org.formal ? org.formal.parent.slice() : new Int32Array(n).fill(-1));
  state.set('formal.level', org.formal ? org.formal.level.slice() : new Int32Array(n).fill(-1));
  state.scalars['formal.root'] = org.formal ? org.formal.root : -1;
  writeInformal(state, ctx.informal);
  state.scalars['topology.dirty'] = 1;
  state.scalars['giant'] = 0;
  state.scalars['initialN'] = n;
  state.scalars['aliveCount'] = n;

  information.init(ctx, scenarioItems(scenario, ctx));
  if (protocol.handlesSituations === true) initSituations(ctx);
  protocol.init(ctx);
  // The streams' words are state: move them into the record so snapshots carry them.
  state.set('rng', streams.words);
  // The components of the organization as built are part of building it (so a run's
  // first tick does not pay for them); later they are recomputed only when ties change.
  ctx.giantComponent();
  return ctx;
}

/** Rebuilds a componentScratch-sized view of the informal layer after a restore. */
export function readInformal(state: State, n: number): Graph {
  if (state.scalars['informal.complete']) return completeGraph(n);
  return { n, offsets: state.i32('informal.offsets'), targets: state.i32('informal.targets'), trust: state.f32('informal.trust'), complete: false };
}

function writeInformal(state: State, g: Graph): void {
  state.set('informal.offsets', g.offsets);
  state.set('informal.targets', g.targets);
  state.set('informal.trust', g.trust);
  state.scalars['informal.complete'] = g.complete ? 1 : 0;
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
