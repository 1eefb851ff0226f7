// Arbitraries for fuzzing scenarios: valid small scenarios (n ≤ 200) within the
// documented ranges and cross-field rules, their mutations, and any JSON.
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Obj = { [key: string]: Json };

// ---------------------------------------------------------------- valid scenarios (n ≤ 200)

/** Scenarios within the documented ranges and cross-field rules, small enough to run fast. */
export const validScenario: fc.Arbitrary<Obj> = fc.gen().map((g) => {
  const lattice = g(fc.boolean) && g(fc.integer, { min: 0, max: 9 }) === 0;
  const hasFormal = !lattice && g(fc.boolean);
  let n: number;
  const organization: Obj = {};
  if (lattice) {
    const width = g(fc.integer, { min: 1, max: 14 });
    const height = g(fc.integer, { min: width === 1 ? 2 : 1, max: 14 });
    n = width * height;
    organization.informal = { kind: 'lattice', width, height, wrap: g(fc.boolean) };
  } else {
    n = g(fc.integer, { min: 2, max: 200 });
    organization.size = n;
    if (hasFormal) organization.formal = { kind: 'hierarchy', span: g(fc.integer, { min: 2, max: 8 }) };
    const kinds = [
      ...(hasFormal ? ['none', 'same-as-formal', 'matrix', 'multiscale'] : []),
      ...(n >= 3 ? ['small-world'] : []),
      'scale-free',
      'random',
      'complete',
    ];
    const kind = g(fc.constantFrom, ...kinds);
    const maxExtra = (n * (n - 1)) / 2 - (n - 1);
    const length = fc.oneof(fc.constant(null), fc.double({ min: 0.1, max: 5, noNaN: true }));
    if (kind === 'matrix') organization.informal = { kind, lateral: g(fc.double, { min: 0, max: 0.3, noNaN: true }) };
    if (kind === 'multiscale') organization.informal = { kind, extra: g(fc.integer, { min: 0, max: Math.min(n, maxExtra) }), lambda: g(() => length), zeta: g(() => length) };
    if (kind === 'small-world') organization.informal = { kind, k: 2 * g(fc.integer, { min: 1, max: Math.min(4, Math.floor((n - 1) / 2)) }), p: g(fc.double, { min: 0, max: 1, noNaN: true }) };
    if (kind === 'scale-free') organization.informal = { kind, m: g(fc.integer, { min: 1, max: Math.min(3, n - 1) }) };
    if (kind === 'random') organization.informal = { kind, meanDegree: g(fc.double, { min: 0, max: Math.min(6, n - 1), noNaN: true }) };
    if (kind === 'complete' || kind === 'same-as-formal') organization.informal = { kind };
  }
  const complete = (organization.informal as Obj | undefined)?.kind === 'complete';
  const D = g(fc.integer, { min: 1, max: 6 });
  const id = () => g(fc.integer, { min: 0, max: n - 1 });
  const prob = () => g(fc.double, { min: 0, max: 1, noNaN: true });
  const weights = () => g(fc.array, fc.double({ min: 0.1, max: 5, noNaN: true }), { minLength: D, maxLength: D });
  const spread = (): Obj => ({
    mode: g(fc.constantFrom, 'push', 'pull', 'push-pull', 'flood'),
    fanout: g(fc.integer, { min: 1, max: 3 }),
    beta: prob(),
    stifle: prob(),
  });
  const threshold = prob();
  const protocol: Obj = {
    kind: g(fc.constantFrom, 'client-server', 'p2p', 'steward', 'gossip'),
    threshold,
    thresholdMin: threshold * prob(),
    fanout: g(fc.integer, { min: 1, max: 5 }),
    ttl: g(fc.integer, { min: 0, max: 5 }),
    recall: g(fc.integer, { min: 1, max: 8 }),
    team: g(fc.boolean),
    repair: prob(),
    reviewPeriod: g(fc.integer, { min: 1, max: 30 }),
    successionDelay: g(fc.integer, { min: 0, max: 10 }),
    decideAt: g(fc.constantFrom, 'root', 'manager'),
    stewards: g(fc.boolean) ? g(fc.integer, { min: 0, max: Math.min(3, n) }) : [...new Set([id(), id()])],
    period: g(fc.integer, { min: 1, max: 10 }),
    budget: g(fc.integer, { min: 0, max: 3 }),
    capacityLimited: g(fc.boolean),
    trust: { initial: prob(), gain: prob(), loss: prob() },
  };
  if (g(fc.boolean)) protocol.factCheck = prob();
  if (!hasFormal && g(fc.boolean)) protocol.server = id();
  const items: Json[] = [];
  const itemCount = g(fc.integer, { min: 0, max: 2 });
  for (let i = 0; i < itemCount; i++) {
    const item: Obj = { id: `item${i}`, truth: g(fc.boolean), domain: g(fc.integer, { min: 0, max: D - 1 }), at: g(fc.integer, { min: 0, max: 10 }), spread: spread() };
    if (g(fc.boolean)) item.seeds = [id()];
    else item.seedCount = g(fc.integer, { min: 1, max: Math.min(3, n) });
    items.push(item);
  }
  const shocks: Json[] = [];
  const shockCount = g(fc.integer, { min: 0, max: 3 });
  const kinds = ['remove-nodes', 'add-nodes', 'misinformation', 'environment-shift', 'surge', ...(complete ? [] : ['partition', 'reconnect'])];
  for (let i = 0; i < shockCount; i++) {
    const at = g(fc.integer, { min: 0, max: 6 });
    const shock: Obj = { at, kind: g(fc.constantFrom, ...kinds) };
    if (g(fc.integer, { min: 0, max: 3 }) === 0) {
      shock.every = g(fc.integer, { min: 1, max: 5 });
      if (g(fc.boolean)) shock.until = at + g(fc.integer, { min: 0, max: 10 });
    }
    switch (shock.kind) {
      case 'remove-nodes': {
        shock.target = g(fc.constantFrom, 'random', 'degree', 'betweenness', ...(hasFormal ? ['top'] : []), 'ids');
        if (shock.target === 'ids') shock.ids = [id()];
        else if (g(fc.boolean)) shock.count = g(fc.integer, { min: 1, max: Math.min(3, n) });
        else shock.fraction = g(fc.double, { min: 0.01, max: 0.2, noNaN: true });
        shock.recalculate = g(fc.boolean);
        break;
      }
      case 'add-nodes':
        shock.count = g(fc.integer, { min: 1, max: 5 });
        break;
      case 'misinformation':
        Object.assign(shock, { id: `rumour${i}`, seedCount: g(fc.integer, { min: 1, max: Math.min(3, n) }), domain: g(fc.integer, { min: 0, max: D - 1 }), spread: spread() });
        break;
      case 'environment-shift':
        shock.rate = g(fc.double, { min: 0, max: 3, noNaN: true });
        if (g(fc.boolean)) shock.domainWeights = weights();
        shock.over = g(fc.integer, { min: 0, max: 5 });
        break;
      case 'surge':
        shock.count = g(fc.integer, { min: 1, max: 10 });
        break;
      case 'partition':
        if (hasFormal && g(fc.boolean)) shock.groups = { level: g(fc.integer, { min: 1, max: 3 }) };
        else if (n >= 2) shock.groups = [[0], [n - 1]];
        break;
    }
    shocks.push(shock);
  }
  const scenario: Obj = {
    seed: g(fc.integer, { min: 0, max: 2 ** 32 - 1 }),
    ticks: g(fc.integer, { min: 3, max: 60 }),
    organization,
    population: {
      domains: D,
      skill: g(() => fc.constantFrom<Json[]>({ kind: 'uniform' }, { kind: 'beta', a: 2, b: 5 }, { kind: 'specialists' })),
      capacity: g(fc.integer, { min: 1, max: 6 }),
      concurrent: g(fc.integer, { min: 1, max: 3 }),
      engagement: prob(),
      engagementDynamics: g(fc.boolean),
      engagementGain: prob() / 10,
      engagementDecay: prob() / 10,
    },
    environment: {
      rate: g(fc.double, { min: 0, max: 3, noNaN: true }),
      ...(g(fc.boolean) ? { domainWeights: weights() } : {}),
      difficulty: { min: 0, max: prob() },
      origin: g(fc.constantFrom, 'uniform', 'leaves'),
      deadline: g(fc.integer, { min: 1, max: 60 }),
      workTicks: g(fc.integer, { min: 1, max: 10 }),
    },
    protocol,
    information: { verifyThreshold: prob(), verify: prob(), acceptPeer: prob(), acceptOfficial: prob(), grapevine: prob(), items },
    shocks,
    metrics: { recoveryWindow: g(fc.integer, { min: 1, max: 30 }) },
  };
  if (g(fc.boolean)) {
    scenario.variants = [
      { label: 'a', set: { 'protocol.kind': g(fc.constantFrom, 'client-server', 'p2p', 'steward', 'gossip') } },
      { label: 'b', set: { 'protocol.kind': g(fc.constantFrom, 'client-server', 'p2p', 'steward', 'gossip') } },
    ];
  }
  return scenario;
});

// ---------------------------------------------------------------- mutations

/** Every path to a value inside `v` (objects' keys and lists' indices). */
function pathsOf(v: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(v)) v.forEach((x, i) => (out.push([...prefix, i]), pathsOf(x, [...prefix, i], out)));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push([...prefix, k]), pathsOf(x, [...prefix, k], out);
  return out;
}

const mutation = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('drop', 'replace', 'number', 'string', 'unknown-key', 'rename-key'),
  value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  number: fc.oneof(fc.integer({ min: -5, max: 300 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, 1, -1, 0.5, 2 ** 32, 1e7, 1e12)),
  text: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', 'p2p', 'hierarchy', 'file', '__proto__', 'constructor', 'NaN', '1e9')),
});

/** Applies 1–3 mutations to a copy of a valid scenario. */
export const mutatedScenario: fc.Arbitrary<Json> = fc.tuple(validScenario, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([s, muts]) => {
  const copy = structuredClone(s) as Json;
  for (const m of muts) {
    const paths = pathsOf(copy);
    if (paths.length === 0) break;
    const path = paths[m.at % paths.length]!;
    const parent = path.slice(0, -1).reduce<Json>((v, k) => (v as Obj)[k as string]!, copy) as Obj | Json[];
    const key = path[path.length - 1]!;
    const container = parent as Obj;
    switch (m.op) {
      case 'drop':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete container[key as string];
        break;
      case 'replace':
        container[key as string] = m.value;
        break;
      case 'number':
        container[key as string] = m.number;
        break;
      case 'string':
        container[key as string] = m.text;
        break;
      case 'unknown-key': {
        const target = container[key as string];
        if (target !== null && typeof target === 'object' && !Array.isArray(target)) target[m.text || 'extra'] = m.value;
        else if (!Array.isArray(parent)) container[`${String(key)}x`] = m.value;
        break;
      }
      case 'rename-key':
        if (!Array.isArray(parent)) {
          const v = container[key as string]!;
          delete container[key as string];
          container[`${String(key).slice(0, -1)}${m.text.slice(0, 1)}`] = v;
        }
        break;
    }
  }
  return copy;
});

export const anyJson = fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>;
