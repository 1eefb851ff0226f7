// createSimulation(scenario, seed): assembles the state from a validated
// scenario and steps it through the phases of MODEL.md §1. The engine never
// reads the clock, the DOM, files or an unseeded generator: a run is a function of
// (scenario, seed, event log), however its steps are chunked.
import type { Context } from './context.ts';
import { type Graph, completeGraph } from './graph/csr.ts';
import { componentScratch, countAlive, giantComponentSize, type ComponentScratch } from './graph/components.ts';
import { createStreams, bindStreams } from './rng.ts';
import { State, type StateSnapshot } from './state.ts';
import { Messages, initMessages } from './messages.ts';
import { InformationLayer, type ItemSpec } from './information.ts';
import { PersonArrays, initPopulation, hirePeople, effectiveCapacity } from './population.ts';
import { buildOrganization } from './organization.ts';
import { makeProtocol, protocolKinds } from './protocols/registry.ts';
import { applyShock, firesAt, type ShockSpec } from './shocks.ts';
import { createSeries, setSeries, copySeries, addSeries, gini, roundsTo, shockRecovery, type SeriesStore } from './metrics.ts';
import { problemsForSize, type Scenario } from './scenario/schema.ts';
import './environment-shocks.ts';
import './misinformation-shock.ts';
import { initSituations, arrivals, workAndDeadlines, relaxEngagement } from './situations.ts';
import { SITUATION_SERIES, resetSituationCounters, recordSituationSeries, summarizeSituations, situationRecords } from './situation-metrics.ts';
import { itemKey } from './item-keys.ts';
import { SpreadKernel } from './wasm/spread-kernel.ts';

/** A shock queued live (the page's buttons, a replay), applied at the start of `tick`. */
export interface LiveShock {
  tick: number;
  shock: ShockSpec;
}

/** Everything needed to continue a run exactly: state, series, items, event log. */
export interface SimulationSnapshot {
  tick: number;
  n: number;
  state: StateSnapshot;
  series: SeriesStore;
  items: ItemSpec[];
  labels: string[];
  eventLog: LiveShock[];
  applied: AppliedShock[];
}

/** A shock that happened, for the per-shock recovery results. */
export interface AppliedShock {
  at: number;
  kind: string;
}

/** Per-item results (MODEL.md §8). */
export interface ItemSummary {
  informedFinal: number;
  roundsTo50: number | null;
  roundsTo90: number | null;
  roundsToAll: number | null;
}

/** A run's summary: metric name → value, plus hash, items and shocks (CONTRACT.md `run --json`). */
export interface Summary {
  metrics: Record<string, number | null>;
  hash: string;
  items: Record<string, ItemSummary>;
  shocks: { at: number; kind: string; dip: number | null; recoveryTicks: number | null }[];
}

export interface SimulationOptions {
  /** Text of the data files a `file` layer names (path as written in the scenario → contents). */
  data?: Record<string, string>;
  /**
   * Run the textbook spreading loops in the WebAssembly kernel where WebAssembly is
   * available (default true). Results are identical either way; false runs the
   * TypeScript loops, the reference (`--no-wasm`).
   */
  wasm?: boolean;
}

/** A user's scenario that validates but cannot be built (an unknown protocol, a bad file). */
export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

export interface Simulation {
  readonly scenario: Scenario;
  readonly seed: number;
  /** Ticks done so far (the next tick to run). */
  readonly tick: number;
  /** People ever created (alive or removed). */
  readonly n: number;
  /** Runs k ticks. `step(10)` equals ten `step(1)`. */
  step(k?: number): void;
  /**
   * Runs only the Shocks phase of the next tick (the `graph --at T` view: the ties
   * after tick T's shocks); the next `step` continues that tick without repeating it.
   */
  applyShocksOfNextTick(): void;
  /** Queues a shock for the next tick's Shocks phase and writes it to the event log. */
  shock(shock: ShockSpec): void;
  /** The live shocks so far, with their ticks. */
  readonly eventLog: readonly LiveShock[];
  snapshot(): SimulationSnapshot;
  restore(s: SimulationSnapshot): void;
  /** A hex hash over the whole state. */
  hash(): string;
  /** The per-tick series recorded so far. */
  series(): SeriesStore;
  /** The run's summary metrics at the current tick. */
  summary(): Summary;
  /** The informal layer now. */
  informal(): Graph;
  /** One record per situation so far (MODEL.md §8), for `run --events`. */
  situationRecords(): Record<string, string | number | null>[];
  /** The state record (read it; don't write it). */
  readonly state: State;
  /** Internal ids → the scenario's own ids. */
  readonly labels: readonly string[];
  /** Items of news (their ids, truth, spread). */
  readonly items: readonly ItemSpec[];
}

const NETWORK_SERIES = ['alive', 'messages', 'lost', 'maxLoad', 'maxQueue', 'giantComponent', 'misinformed'];

/** Builds a simulation of `scenario` (validated) from master seed `seed`. */
export function createSimulation(scenario: Scenario, seed: number = scenario.seed, options: SimulationOptions = {}): Simulation {
  const made = makeProtocol(scenario.protocol.kind);
  if (!made) {
    throw new ScenarioError(
      `protocol.kind: "${scenario.protocol.kind}" is not available in this version of the engine (available: ${protocolKinds().join(', ')})`,
    );
  }
  const protocol = made;
  const state = new State();
  const streams = createStreams(seed);
  const persons = new PersonArrays();
  const org = buildOrganization(scenario, streams.organization, options.data ?? {});
  const n = org.n;
  // A file layer gives the size only now: the checks that need n (ids, limits) run here.
  if (scenario.organization.size === undefined) {
    const problems = problemsForSize(scenario, n);
    if (problems.length) throw new ScenarioError(problems.join('\n'));
  }

  const capacityLimited = scenario.protocol.capacityLimited !== false;
  const information = new InformationLayer(capacityLimited);
  const kernel = !capacityLimited && options.wasm !== false ? new SpreadKernel() : null;
  information.kernel = kernel;
  const messages = new Messages();
  let informal: Graph = org.informal;
  let scratch: ComponentScratch = componentScratch(n);

  const ctx: Context = {
    scenario,
    seed,
    state,
    streams,
    messages,
    protocol,
    information,
    informal,
    labels: org.labels,
    cache: {},
    registerPersonArray(name: string, stride: number, fill: number) {
      persons.register(name, stride, fill);
    },
    attributes: org.attributes,
    n,
    tick: 0,
    setInformal(g: Graph) {
      informal = g;
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
  writeInformal(state, informal);
  state.scalars['topology.dirty'] = 1;
  state.scalars['giant'] = 0;
  state.scalars['initialN'] = n;
  state.scalars['aliveCount'] = n;

  information.init(ctx, scenarioItems(scenario, ctx));
  if (kernel && information.items.length > 0) kernel.prepare(ctx);
  const situations = protocol.handlesSituations === true;
  if (situations) initSituations(ctx);
  protocol.init(ctx);

  const ticksPlanned = scenario.ticks;
  let series = createSeries(
    [...NETWORK_SERIES, ...(situations ? SITUATION_SERIES : []), ...(protocol.seriesNames?.() ?? []), ...information.items.map((it) => `informed:${it.id}`)],
    ticksPlanned,
  );
  let eventLog: LiveShock[] = [];
  let applied: AppliedShock[] = [];
  const scheduled = (scenario.shocks ?? []) as ShockSpec[];

  function giant(): number {
    if (state.scalars['topology.dirty']) {
      state.scalars['giant'] = giantComponentSize(informal, state.u8('alive'), scratch);
      state.scalars['topology.dirty'] = 0;
    }
    return state.scalars['giant']!;
  }

  // The components of the organization as built are part of building it (so a run's
  // first tick does not pay for them); later they are recomputed only when ties change.
  giant();

  function runTick(t: number): void {
    ctx.tick = t;
    const s = state.scalars;
    s['tick.messages'] = 0;
    s['tick.lost'] = 0;
    s['tick.maxLoad'] = 0;
    if (situations) resetSituationCounters(ctx);
    messages.bind(state);

    // 1. Shocks (unless shocksPhase() already ran them for this tick).
    if (s['shocksDoneFor'] !== t) shocksPhase(t);
    for (const item of information.items) if (!series.values[`informed:${item.id}`]) addSeries(series, `informed:${item.id}`);
    information.seedDue(ctx, t);
    messages.bind(state);

    // 2. Environment: situations arrive.
    if (situations) arrivals(ctx, t, s['surge.pending'] ?? 0);
    s['surge.pending'] = 0;
    // 3. Delivery of what was sent during t−1.
    const alive = state.u8('alive');
    messages.deliver(alive, t);

    // 4. Act: the textbook information passes, then people in ascending id order.
    information.spreadInstant(ctx);
    protocol.beginAct(ctx);
    information.bindTick(ctx);
    if (protocol.actsPerPerson || information.needsNodeLoop() || s['inbox.total']! > 0) actLoop(ctx);
    information.endAct(ctx);

    // 5–6. Work and deadlines.
    protocol.work(ctx);
    if (situations) {
      workAndDeadlines(ctx, t);
      relaxEngagement(ctx);
    }

    // 7. Metrics.
    record(t);
    s['tick'] = t + 1;
  }

  // Scheduled shocks in scenario order, then live ones in the order queued.
  function shocksPhase(t: number): void {
    ctx.tick = t;
    for (const shock of scheduled) {
      if (firesAt(shock, t)) { applyShock(ctx, shock); applied.push({ at: t, kind: shock.kind }); }
    }
    for (const live of eventLog) {
      if (live.tick === t) { applyShock(ctx, live.shock); applied.push({ at: t, kind: live.shock.kind }); }
    }
    state.scalars['shocksDoneFor'] = t;
  }

  function actLoop(c: Context): void {
    const alive = state.u8('alive');
    const capacity = state.i32('capacity');
    const engagement = state.f32('engagement');
    const head = state.i32('inbox.head');
    const actsPerPerson = protocol.actsPerPerson;
    const spreads = information.needsNodeLoop();
    for (let v = 0; v < c.n; v++) {
      if (!alive[v]) continue;
      if (head[v] !== -1) {
        let budget = effectiveCapacity(capacity[v]!, engagement[v]!);
        while (budget > 0) {
          const slot = messages.pop(v);
          if (slot === -1) break;
          budget--;
          const k = messages.kind[slot]!;
          // Kinds below 16 are the information layer's; the rest are the protocol's.
          if (k < 16) information.readMessage(c, v, k, messages.from[slot]!, messages.a[slot]!, messages.b[slot]!);
          else protocol.onMessage(c, v, slot);
          messages.free(slot);
        }
      }
      if (actsPerPerson) protocol.act(c, v);
      if (spreads) information.actNode(c, v);
    }
  }

  function record(t: number): void {
    const s = state.scalars;
    setSeries(series, 'alive', t, s['aliveCount']!);
    setSeries(series, 'messages', t, s['tick.messages']!);
    setSeries(series, 'lost', t, s['tick.lost']!);
    setSeries(series, 'maxLoad', t, s['tick.maxLoad']!);
    setSeries(series, 'maxQueue', t, messages.maxQueue(ctx.n));
    setSeries(series, 'giantComponent', t, giant() / s['initialN']!);
    setSeries(series, 'misinformed', t, information.misinformed(ctx));
    if (situations) recordSituationSeries(ctx, series, t);
    protocol.record?.(ctx, series, t);
    for (let k = 0; k < information.items.length; k++) {
      const item = information.items[k]!;
      setSeries(series, `informed:${item.id}`, t, s[itemKey(k).seeded] ? information.informed(state, k) : 0);
    }
    series.length = t + 1;
  }

  const sim: Simulation = {
    scenario,
    seed,
    get tick() { return state.scalars['tick']!; },
    get n() { return ctx.n; },
    get eventLog() { return eventLog; },
    get state() { return state; },
    get labels() { return ctx.labels; },
    get items() { return information.items; },
    step(k = 1) {
      for (let i = 0; i < k; i++) runTick(state.scalars['tick']!);
    },
    applyShocksOfNextTick() {
      const t = state.scalars['tick']!;
      if (state.scalars['shocksDoneFor'] !== t) shocksPhase(t);
    },
    shock(shock: ShockSpec) {
      eventLog.push({ tick: state.scalars['tick']!, shock: structuredClone(shock) });
    },
    snapshot(): SimulationSnapshot {
      return {
        tick: state.scalars['tick']!,
        n: ctx.n,
        state: state.snapshot(),
        series: copySeries(series),
        items: structuredClone(information.items),
        labels: [...ctx.labels],
        eventLog: structuredClone(eventLog),
        applied: structuredClone(applied),
      };
    },
    restore(snap: SimulationSnapshot) {
      state.restore(snap.state);
      // Streams and views are rebuilt over the restored arrays.
      const words = state.u32('rng');
      const fresh = bindStreams(words);
      Object.assign(streams, fresh);
      ctx.n = snap.n;
      ctx.tick = snap.tick;
      ctx.labels = [...snap.labels];
      information.items = structuredClone(snap.items);
      series = copySeries(snap.series);
      eventLog = structuredClone(snap.eventLog);
      applied = structuredClone(snap.applied);
      informal = readInformal(state, ctx.n);
      ctx.informal = informal;
      scratch = componentScratch(ctx.n);
      ctx.cache = {};
      protocol.onTopologyChange(ctx);
    },
    hash() {
      return state.hash();
    },
    series() {
      return series;
    },
    summary() {
      return summarize();
    },
    informal() {
      return informal;
    },
    situationRecords() {
      return situations ? situationRecords(ctx) : [];
    },
  };
  // The streams' words are state: move them into the record so snapshots carry them.
  state.set('rng', streams.words);

  function summarize(): Summary {
    const len = series.length;
    const metrics: Record<string, number | null> = {};
    const sum = (name: string) => { let x = 0; const a = series.values[name]!; for (let t = 0; t < len; t++) x += a[t]!; return x; };
    const max = (name: string) => { let x = 0; const a = series.values[name]!; for (let t = 0; t < len; t++) if (a[t]! > x) x = a[t]!; return x; };
    const min = (name: string) => { let x = Infinity; const a = series.values[name]!; for (let t = 0; t < len; t++) if (a[t]! < x) x = a[t]!; return x === Infinity ? null : x; };
    metrics['messagesTotal'] = sum('messages');
    metrics['lostTotal'] = sum('lost');
    metrics['maxLoadPeak'] = max('maxLoad');
    metrics['maxQueuePeak'] = max('maxQueue');
    const alive = state.u8('alive');
    metrics['loadGini'] = gini(state.f64('load.total'), (i) => i < ctx.n && (alive[i] === 1 || state.f64('load.total')[i]! > 0));
    metrics['giantComponentMin'] = min('giantComponent');
    metrics['misinformedPeak'] = max('misinformed');
    metrics['misinformationClearedTick'] = information.clearedTick(series);
    if (situations) summarizeSituations(ctx, series, metrics);
    protocol.summarize?.(ctx, series, metrics);
    const items: Record<string, ItemSummary> = {};
    const aliveNow = countAlive(alive, ctx.n);
    information.items.forEach((item, k) => {
      const informedSeries = series.values[`informed:${item.id}`]!;
      // Shares of the people alive at each tick need the alive count per tick; the informed
      // count is of alive people, and removals are rare, so the share uses that tick's alive count.
      const share = new Float64Array(len);
      const aliveSeries = series.values['alive'];
      for (let t = 0; t < len; t++) share[t] = informedSeries[t]! / (aliveSeries ? aliveSeries[t]! : aliveNow);
      items[item.id] = {
        informedFinal: aliveNow ? information.informed(state, k) / aliveNow : 0,
        roundsTo50: roundsTo(share, item.at, len, 0.5),
        roundsTo90: roundsTo(share, item.at, len, 0.9),
        roundsToAll: roundsTo(share, item.at, len, 1),
      };
    });
    const window = scenario.metrics?.recoveryWindow ?? 20;
    const resolved = series.values['resolved'];
    const shocks = applied.map((sh, i) => {
      const next = applied.slice(i + 1).find((o) => o.at > sh.at);
      const r = shockRecovery(resolved, len, sh.at, next ? next.at : null, window);
      return { at: sh.at, kind: sh.kind, ...r };
    });
    // recoveryTicks of the run: that of its first shock that is not an information shock.
    const firstNetworkShock = shocks.find((sh) => sh.kind !== 'misinformation');
    if (situations) metrics['recoveryTicks'] = firstNetworkShock ? firstNetworkShock.recoveryTicks : null;
    return { metrics, hash: state.hash(), items, shocks };
  }

  return sim;
}

function writeInformal(state: State, g: Graph): void {
  state.set('informal.offsets', g.offsets);
  state.set('informal.targets', g.targets);
  state.set('informal.trust', g.trust);
  state.scalars['informal.complete'] = g.complete ? 1 : 0;
}

function readInformal(state: State, n: number): Graph {
  if (state.scalars['informal.complete']) return completeGraph(n);
  return { n, offsets: state.i32('informal.offsets'), targets: state.i32('informal.targets'), trust: state.f32('informal.trust'), complete: false };
}

/** The scenario's items as the engine runs them; seeds are scenario ids mapped to internal ids. */
function scenarioItems(scenario: Scenario, ctx: Context): ItemSpec[] {
  const items = scenario.information?.items ?? [];
  return items.map((it, i) => {
    const seeds = it.seeds ? it.seeds.map((id: number | string) => {
      const k = ctx.labels.indexOf(String(id));
      if (k < 0) throw new ScenarioError(`information.items.${i}.seeds: no person has id ${JSON.stringify(id)}`);
      return k;
    }) : null;
    return {
      id: it.id,
      truth: it.truth ?? true,
      domain: it.domain ?? 0,
      at: it.at ?? 0,
      seeds,
      seedCount: it.seedCount ?? 1,
      mode: it.spread?.mode ?? 'push',
      fanout: it.spread?.fanout ?? 1,
      beta: it.spread?.beta ?? 1,
      stifle: it.spread?.stifle ?? 0,
    };
  });
}
