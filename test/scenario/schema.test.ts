// The scenario file as a specification: defaults, messages a user can act on,
// cross-field checks, work limits, variants and overrides, the shipped JSON Schema.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { LIMITS, builtinScenarioSchema, problemsForSize, type Scenario } from '../../engine/scenario/schema.ts';
import { builtinRegistry } from '../../engine/modules/registry.ts';
import { pathProblem, validateScenario, closest } from '../../engine/scenario/validate.ts';
import { OverrideError, applySet, expandVariants, parseSetArg } from '../../engine/scenario/overrides.ts';
import { scenarioJsonSchemaText } from '../../engine/scenario/json-schema.ts';
import { gridPoint, gridPoints, validateSweep } from '../../engine/scenario/sweep-schema.ts';
import { builtinScenarioNames, findJsonError, loadScenarioSource } from '../../cli/load-scenario.ts';
import { readDataFiles } from '../../io/read-files.ts';
import { UserError } from '../../cli/errors.ts';

const root = resolve(import.meta.dirname, '../..');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(root, 'test/fixtures', name), 'utf8'));

/** A valid scenario to mutate. */
const base = () => ({ organization: { size: 100, formal: { kind: 'hierarchy', span: 5 } } }) as Record<string, any>;

function errorsOf(input: unknown): string[] {
  const r = validateScenario(input);
  if (r.ok) throw new Error(`expected problems, the scenario is valid: ${JSON.stringify(input)}`);
  return r.errors;
}

function valid(input: unknown): Scenario {
  const r = validateScenario(input);
  if (!r.ok) throw new Error(`expected a valid scenario, got:\n${r.errors.join('\n')}`);
  return r.scenario;
}

const with_ = (patch: (s: Record<string, any>) => void) => {
  const s = base();
  patch(s);
  return s;
};

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/equipotent.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('defaults', () => {
  it('a minimal scenario gets every default of CONTRACT.md and MODEL.md', () => {
    const s = valid(fixture('minimal.json'));
    expect(s.model).toBe(2);
    expect(s.simulation).toBe('organization');
    expect(s.seed).toBe(1);
    expect(s.ticks).toBe(500);
    expect(s.organization).toEqual({ size: 50, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'same-as-formal' } });
    expect(s.population).toEqual({
      domains: 4,
      skill: { kind: 'uniform' },
      capacity: 4,
      concurrent: 1,
      engagement: 0.6,
      engagementDynamics: true,
      engagementGain: 0.05,
      engagementDecay: 0.01,
      logisticScale: 0.1,
      attention: null,
      managerAttention: null,
      readCost: 1,
      sendCost: 1,
      workCost: 0.5,
      selfNoise: 0.22,
      selfBias: 0.09,
      selfShrink: 0.77,
    });
    expect(s.environment).toEqual({
      rate: 1,
      domainWeights: [1, 1, 1, 1],
      difficulty: { min: 0, max: 1 },
      origin: 'uniform',
      ratePerPerson: null,
      deadline: 40,
      workTicks: 5,
      due: 20,
      lateDiscount: 0.035,
      exchangeRate: 0,
      exchangeLocality: 1,
      exchangeAnswer: true,
    });
    expect(s.protocol).toEqual({
      kind: 'p2p',
      reviewPeriod: 50,
      successionDelay: 20,
      decideAt: 'exception',
      delegateThreshold: 0.6,
      directoryNoise: 0.32,
      managerNoise: 0.23,
      server: null,
      threshold: 0.6,
      thresholdMin: 0.2,
      fanout: 3,
      ttl: 4,
      recall: 5,
      team: false,
      repair: 0.5,
      repairDelay: 10,
      trust: { initial: 0.5, gain: 0.1, loss: 0.2 },
      memory: 8,
      teamCap: 4,
      stewards: 3,
      period: 10,
      budget: 2,
      missMemory: 256,
      factCheck: 0.1,
      capacityLimited: true,
      routing: 'greedy', // p2p's (client-server's would be chart)
      maxHops: 12, // 4 × the depth of 50 people under span 4
    });
    expect(s.information).toEqual({ verifyThreshold: 0.7, verify: 0.1, acceptPeer: 0.5, acceptOfficial: 0.9, grapevine: 0.3, items: [] });
    expect(s.shocks).toEqual([]);
    expect(s.metrics).toEqual({ recoveryWindow: 20 });
    expect(s.variants).toEqual([]);
    expect(s.lesson).toEqual([]);
  });

  it('under model 1 the defaults are v1\'s: strict command, no delegate threshold, no due tick', () => {
    const s = valid(with_((x) => (x.model = 1)));
    expect(s.protocol.decideAt).toBe('root');
    expect((s.protocol as { delegateThreshold: unknown }).delegateThreshold).toBeNull();
    expect((s.environment as { due: unknown }).due).toBeNull();
  });

  it('a model 2 key in a model 1 scenario is refused, naming the key and both fixes', () => {
    const r = validateScenario({ ...(fixture('minimal.json') as object), model: 1, population: { readCost: 0 }, protocol: { directoryNoise: 0.1 } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toContain('population.readCost: a key of model 2 (MODEL.md §10), got it in a "model": 1 scenario; remove it, or set "model": 2');
      expect(r.errors.some((e) => e.startsWith('protocol.directoryNoise: a key of model 2'))).toBe(true);
    }
    const exception = validateScenario({ ...(fixture('minimal.json') as object), model: 1, protocol: { decideAt: 'exception' } });
    expect(exception.ok).toBe(false);
    expect(validateScenario({ ...(fixture('minimal.json') as object), model: 3 }).ok).toBe(false);
  });

  it('factCheck inherits information.verify unless set', () => {
    expect(valid(with_((s) => (s.information = { verify: 0.3 }))).protocol.factCheck).toBe(0.3);
    expect(valid(with_((s) => ((s.information = { verify: 0.3 }), (s.protocol = { factCheck: 0 })))).protocol.factCheck).toBe(0);
    expect(valid(with_((s) => (s.protocol = { factCheck: null }))).protocol.factCheck).toBe(0.1);
  });

  it('domain weights default to equal weights, one per domain', () => {
    expect(valid(with_((s) => (s.population = { domains: 3 }))).environment.domainWeights).toEqual([1, 1, 1]);
  });

  it('items, shocks and lesson steps get their defaults', () => {
    const s = valid(fixture('misinformation.json'));
    expect(s.information.items[0]).toEqual({
      id: 'memo',
      truth: true,
      domain: 0,
      at: 5,
      seeds: [0],
      seedCount: 1,
      spread: { mode: 'push-pull', fanout: 1, beta: 1, stifle: 0 },
    });
    expect(s.information.items[1]!.seeds).toBeNull();
    expect(s.information.items[1]!.seedCount).toBe(3);
    expect(s.shocks[0]).toEqual({
      at: 10,
      kind: 'misinformation',
      id: 'rumour',
      seedCount: 2,
      domain: 1,
      spread: { mode: 'push', fanout: 1, beta: 1, stifle: 0 },
    });
    expect(s.shocks[1]).toMatchObject({ kind: 'partition', groups: { level: 1 } });
    expect(s.lesson[0]!.watch).toEqual(['misinformed']);
    expect(s.lesson[0]!.pause).toBe(false);
    const r = valid(with_((x) => (x.shocks = [{ at: 3, kind: 'remove-nodes', target: 'random', count: 2 }, { at: 4, kind: 'partition' }])));
    expect(r.shocks[0]).toEqual({ at: 3, kind: 'remove-nodes', target: 'random', count: 2, recalculate: false });
    expect(r.shocks[1]).toEqual({ at: 4, kind: 'partition', groups: { level: 1 } });
  });

  it('a flat organization has formal null; a lattice gives its size', () => {
    const s = valid({ organization: { informal: { kind: 'lattice', width: 10, height: 12 } } });
    expect(s.organization).toEqual({ size: 120, formal: null, informal: { kind: 'lattice', width: 10, height: 12, wrap: false } });
    expect(valid({ organization: { size: 9, formal: null, informal: { kind: 'complete' } } }).organization.formal).toBeNull();
  });

  it('a file organization leaves size to the file, and problemsForSize checks it later', () => {
    const s = valid(fixture('krackhardt.json'));
    expect(s.organization.size).toBeUndefined();
    expect(problemsForSize(s, 21)).toEqual([]);
    expect(problemsForSize({ ...s, ticks: 1000 }, 5_000_000).join('\n')).toContain(
      'ticks: 5,000,000 people × 1000 ticks = 5,000,000,000 person-ticks, over the limit of 2,000,000,000 person-ticks',
    );
  });

  it('the Scenario type is precise', () => {
    expectTypeOf<Scenario['organization']['formal']>().toEqualTypeOf<
      { kind: 'hierarchy'; span: number } | { kind: 'file'; nodes?: string | undefined; edges?: string | undefined } | null
    >();
    expectTypeOf<Extract<Scenario['organization']['informal'], { kind: 'small-world' }>>().toEqualTypeOf<{ kind: 'small-world'; k: number; p: number }>();
    expectTypeOf<Scenario['protocol']['factCheck']>().toEqualTypeOf<number>();
    expectTypeOf<Scenario['protocol']['thresholdMin']>().toEqualTypeOf<number>();
    expectTypeOf<Scenario['protocol']['server']>().toEqualTypeOf<number | string | null>();
    expectTypeOf<Scenario['protocol']['stewards']>().toEqualTypeOf<number | (number | string)[]>();
    expectTypeOf<Scenario['information']['items'][number]['seeds']>().toEqualTypeOf<(number | string)[] | null>();
    expectTypeOf<Scenario['lesson'][number]['watch']>().toEqualTypeOf<string[]>();
    expectTypeOf<Scenario['environment']['domainWeights']>().toEqualTypeOf<number[]>();
    expectTypeOf<Scenario['organization']['size']>().toEqualTypeOf<number | undefined>();
    // Shock kinds are modules (a user's module may add one): the type is open, the built-in set is fixed.
    expectTypeOf<Scenario['shocks'][number]['kind']>().toEqualTypeOf<string>();
    expect([...builtinRegistry().shocks.keys()].sort()).toEqual(
      ['add-nodes', 'environment-shift', 'misinformation', 'partition', 'reconnect', 'remove-nodes', 'surge'],
    );
  });
});

describe('messages name the path, what was written, and the fix', () => {
  it('reports CONTRACT.md\'s example exactly', () => {
    const errors = errorsOf(with_((s) => (s.organization.formal.span = 'five')));
    expect(errors[0]).toMatch(/^organization\.formal\.span: expected an integer >= 2, got "five"/);
  });

  it('an unknown key gets a "did you mean"', () => {
    expect(errorsOf(with_((s) => (s.organization.formal.spam = 5)))).toContain('organization.formal.spam: unknown key; did you mean "span"?');
    expect(errorsOf(with_((s) => (s.tick = 5)))).toContain('tick: unknown key; did you mean "ticks"?');
    expect(errorsOf(with_((s) => (s.protocol = { thresold: 0.5 })))).toContain('protocol.thresold: unknown key; did you mean "threshold"?');
  });

  it('an unknown key with nothing close lists the valid keys', () => {
    const [e] = errorsOf(with_((s) => (s.protocol = { trust: { zzz: 1 } })));
    expect(e).toBe('protocol.trust.zzz: unknown key; the keys here are "initial", "gain", "loss"');
  });

  it('a key of another kind says which kind it belongs to', () => {
    const [e] = errorsOf(with_((s) => (s.organization.informal = { kind: 'small-world', k: 4, p: 0.1, lateral: 0.2 })));
    expect(e).toContain('organization.informal.lateral: unknown key for kind "small-world"');
    expect(e).toContain('"matrix"');
  });

  it('a misspelt kind or enum value gets a "did you mean"', () => {
    expect(errorsOf(with_((s) => (s.organization.formal.kind = 'hierachy')))[0]).toBe(
      'organization.formal.kind: expected one of "hierarchy", "file", got "hierachy"; did you mean "hierarchy"?',
    );
    expect(errorsOf(with_((s) => (s.protocol = { kind: 'p2' })))[0]).toContain('did you mean "p2p"?');
    expect(errorsOf(with_((s) => (s.information = { items: [{ id: 'a', spread: { mode: 'flod' } }] })))[0]).toContain('did you mean "flood"?');
  });

  it('quoted numbers and booleans are pointed out', () => {
    expect(errorsOf(with_((s) => (s.organization.size = '100')))[0]).toContain('write the number without quotes');
    expect(errorsOf(with_((s) => (s.population = { engagementDynamics: 'false' })))[0]).toContain('write true or false without quotes');
  });

  it('ranges are stated', () => {
    expect(errorsOf(with_((s) => (s.protocol = { threshold: 1.5 })))).toEqual(['protocol.threshold: expected a number <= 1, got 1.5; allowed: 0 … 1']);
    expect(errorsOf(with_((s) => (s.ticks = 0)))[0]).toBe('ticks: expected an integer >= 1, got 0; allowed: 1 … 1,000,000');
    expect(errorsOf(with_((s) => (s.seed = 2 ** 32)))[0]).toContain('seed: expected an integer <= 4,294,967,295');
    expect(errorsOf(with_((s) => (s.seed = 1.5)))[0]).toContain('seed: expected an integer >= 0, got 1.5');
  });

  it('a missing key says to add it', () => {
    expect(errorsOf({})).toEqual(['organization: expected the organization (its size and layers), got nothing; add "organization": {"size": 400, "formal": {"kind": "hierarchy", "span": 6}}, or name a whole model in "simulation"']);
    expect(errorsOf(with_((s) => (s.shocks = [{ at: 1, kind: 'surge' }])))[0]).toMatch(/^shocks\.0\.count: expected an integer >= 1, got nothing.*add "count"/);
    expect(errorsOf(with_((s) => (s.shocks = [{ at: 1 }])))[0]).toMatch(/^shocks\.0\.kind: expected one of "remove-nodes", .*got nothing; add "kind"/);
  });

  it('every problem is reported at once', () => {
    const errors = errorsOf({
      organization: { size: 'x', formal: { kind: 'hierarchy', span: 1 } },
      population: { domains: 0, capacity: 'four' },
      protocol: { kind: 'boss', fanout: 0 },
      shocks: [{ at: -1, kind: 'surge', count: 1 }],
      spam: true,
    });
    for (const path of ['organization.size', 'organization.formal.span', 'population.domains', 'population.capacity', 'protocol.kind', 'protocol.fanout', 'shocks.0.at', 'spam']) {
      expect(errors.some((e) => e.startsWith(`${path}: `)), path).toBe(true);
    }
  });

  it('every message has a path, and says what to do', () => {
    const bad: unknown[] = [
      null,
      [],
      {},
      with_((s) => (s.organization.formal = { kind: 'file' })),
      with_((s) => (s.organization = { size: 10, informal: { kind: 'small-world', k: 3, p: 2 } })),
      with_((s) => (s.shocks = [{ at: 5, until: 2, kind: 'reconnect' }, { at: 1, kind: 'remove-nodes', target: 'ids', count: 3 }])),
      with_((s) => (s.information = { items: [{ id: 'a b' }, { id: 'x', seeds: [1], seedCount: 1 }] })),
      with_((s) => (s.variants = [{ label: 'a,b', set: 5 }])),
      with_((s) => (s.lesson = [{ text: 1, shock: { kind: 'surge' } }])),
    ];
    for (const input of bad) {
      for (const e of errorsOf(input)) {
        expect(e, e).toMatch(/^(\(top level\)|[$\w]+(\.[$\w-]+)*): /);
        expect(e, e).toMatch(/expected|did you mean|the keys here are|\badd\b|\bremove\b|\blower\b|\braise\b|\buse\b|\bgive\b|\bkeep\b/);
      }
    }
  });
});

describe('cross-field checks', () => {
  const cases: [string, (s: Record<string, any>) => void, RegExp][] = [
    ['k must be even', (s) => (s.organization.informal = { kind: 'small-world', k: 5, p: 0.1 }), /organization\.informal\.k: expected an even integer < n = 100, got 5/],
    ['k must be < n', (s) => (s.organization.informal = { kind: 'small-world', k: 100, p: 0.1 }), /organization\.informal\.k: expected an even integer < n = 100/],
    ['m must be < n', (s) => (s.organization.informal = { kind: 'scale-free', m: 100 }), /organization\.informal\.m: expected an integer < n = 100/],
    ['meanDegree ≤ n − 1', (s) => (s.organization.informal = { kind: 'random', meanDegree: 100 }), /meanDegree: expected a number <= n − 1 = 99/],
    ['thresholdMin ≤ threshold', (s) => (s.protocol = { threshold: 0.3, thresholdMin: 0.5 }), /protocol\.thresholdMin: expected thresholdMin <= threshold \(0\.3\), got 0\.5/],
    ['difficulty min ≤ max', (s) => (s.environment = { difficulty: { min: 0.9, max: 0.1 } }), /environment\.difficulty\.min: expected min <= max/],
    ['until ≥ at', (s) => (s.shocks = [{ at: 10, every: 2, until: 5, kind: 'reconnect' }]), /shocks\.0\.until: expected until >= at \(10\), got 5/],
    ['until needs every', (s) => (s.shocks = [{ at: 10, until: 20, kind: 'reconnect' }]), /shocks\.0\.until: .*add "every"/],
    ['every ≥ 1', (s) => (s.shocks = [{ at: 10, every: 0, kind: 'reconnect' }]), /shocks\.0\.every: expected an integer >= 1, got 0/],
    ['remove-nodes needs a count', (s) => (s.shocks = [{ at: 1, kind: 'remove-nodes', target: 'random' }]), /shocks\.0\.count: remove-nodes needs one of "count", "fraction" or "ids"/],
    ['remove-nodes takes one of them', (s) => (s.shocks = [{ at: 1, kind: 'remove-nodes', target: 'random', count: 1, fraction: 0.1 }]), /shocks\.0\.fraction: remove-nodes takes one of/],
    ['target ids needs ids', (s) => (s.shocks = [{ at: 1, kind: 'remove-nodes', target: 'ids', count: 1 }]), /shocks\.0\.target: target "ids" needs an "ids" list/],
    ['ids need target ids', (s) => (s.shocks = [{ at: 1, kind: 'remove-nodes', target: 'random', ids: [1] }]), /shocks\.0\.target: "ids" goes with target "ids"/],
    ['item domain < domains', (s) => (s.information = { items: [{ id: 'a', domain: 4 }] }), /information\.items\.0\.domain: expected a domain index 0 … 3/],
    ['misinformation domain < domains', (s) => (s.shocks = [{ at: 1, kind: 'misinformation', id: 'r', domain: 9 }]), /shocks\.0\.domain: expected a domain index 0 … 3/],
    ['domainWeights length = domains', (s) => (s.environment = { domainWeights: [1, 2] }), /environment\.domainWeights: expected 4 weights \(one per domain/],
    ['shift weights length = domains', (s) => (s.shocks = [{ at: 1, kind: 'environment-shift', domainWeights: [1] }]), /shocks\.0\.domainWeights: expected 4 weights/],
    ['an environment-shift changes something', (s) => (s.shocks = [{ at: 1, kind: 'environment-shift' }]), /shocks\.0\.rate: an environment-shift needs "rate" and\/or "domainWeights"/],
    ['lattice width·height = size', (s) => (s.organization.informal = { kind: 'lattice', width: 10, height: 11 }), /organization\.size: a lattice of width 10 × height 11 holds 110 people, got size 100/],
    ['steward ids < n', (s) => (s.protocol = { kind: 'steward', stewards: [0, 100] }), /protocol\.stewards\.1: expected a person id 0 … 99, got 100/],
    ['steward count ≤ n', (s) => (s.protocol = { kind: 'steward', stewards: 101 }), /protocol\.stewards: expected at most n = 100 stewards/],
    ['server id < n', (s) => (s.protocol = { server: 100 }), /protocol\.server: expected a person id 0 … 99/],
    ['seed ids < n', (s) => (s.information = { items: [{ id: 'a', seeds: [1000] }] }), /information\.items\.0\.seeds\.0: expected a person id 0 … 99/],
    ['text ids need a file', (s) => (s.protocol = { stewards: ['alice'] }), /protocol\.stewards\.0: expected a person id .*no file layer/],
    ['seeds or seedCount', (s) => (s.information = { items: [{ id: 'a', seeds: [1], seedCount: 1 }] }), /information\.items\.0\.seedCount: give "seeds" \(ids\) or "seedCount", not both/],
    ['item ids unique', (s) => (s.information = { items: [{ id: 'a' }] }, (s.shocks = [{ at: 1, kind: 'misinformation', id: 'a' }])), /shocks\.0\.id: expected a unique id, got "a" again/],
    ['variant labels unique', (s) => (s.variants = [{ label: 'x' }, { label: 'x' }]), /variants\.1\.label: expected a unique label/],
    ['top needs a tree', (s) => ((s.organization = { size: 10, informal: { kind: 'complete' } }), (s.shocks = [{ at: 1, kind: 'remove-nodes', target: 'top', count: 1 }])), /shocks\.0\.target: target "top" .* flat/],
    ['partition needs materialized ties', (s) => ((s.organization.informal = { kind: 'complete' }), (s.shocks = [{ at: 1, kind: 'partition' }])), /shocks\.0\.kind: a partition cuts materialized ties/],
    ['reconnect needs a layer that can be cut', (s) => ((s.organization.informal = { kind: 'complete' }), (s.shocks = [{ at: 1, kind: 'reconnect' }])), /shocks\.0\.kind: a reconnect restores ties a partition cut/],
    ['partition by attribute needs a nodes file', (s) => (s.shocks = [{ at: 1, kind: 'partition', groups: { attribute: 'office' } }]), /groups\.attribute: groups \{attribute\} needs a node column/],
    ['partition groups are disjoint', (s) => (s.shocks = [{ at: 1, kind: 'partition', groups: [[1, 2], [2, 3]] }]), /shocks\.0\.groups\.1\.0: expected each person in one group/],
    ['a flat organization needs an informal layer', (s) => (s.organization = { size: 10 }), /organization\.informal: a flat organization .* needs an informal layer, got nothing; add/],
    ['matrix needs a tree', (s) => (s.organization = { size: 10, informal: { kind: 'matrix', lateral: 0.1 } }), /organization\.informal\.kind: "matrix" builds on the formal tree/],
    ['size is required without a file', (s) => delete s.organization.size, /organization\.size: expected an integer >= 2, got nothing; add "size"/],
    ['a formal file needs nodes or edges', (s) => (s.organization.formal = { kind: 'file' }), /organization\.formal: a formal "file" layer needs "nodes"/],
  ];
  it.each(cases)('%s', (_name, patch, message) => {
    const errors = errorsOf(with_(patch));
    expect(errors.join('\n')).toMatch(message);
  });

  it('the checks do not refuse what is fine', () => {
    valid(with_((s) => (s.organization.informal = { kind: 'small-world', k: 98, p: 0 })));
    valid(with_((s) => (s.protocol = { threshold: 0.4, thresholdMin: 0.4 })));
    expect(valid(with_((s) => (s.protocol = { threshold: 0.1 }))).protocol.thresholdMin).toBe(0.1);
    expect(valid({ organization: { size: 2, informal: { kind: 'complete' } } }).protocol.stewards).toBe(3);
    valid(with_((s) => (s.shocks = [{ at: 10, every: 5, until: 10, kind: 'surge', count: 3 }])));
    valid(with_((s) => (s.organization.informal = { kind: 'lattice', width: 10, height: 10, wrap: true })));
    valid(fixture('flat-p2p.json'));
    valid(fixture('hydra.json'));
  });
});

describe('limits refuse absurd work, naming the limit', () => {
  it(`people × ticks ≤ ${LIMITS.personTicks} person-ticks`, () => {
    const e = errorsOf(with_((s) => ((s.organization = { size: 10_000_000, informal: { kind: 'complete' } }), (s.ticks = 1000)))).join('\n');
    expect(e).toContain('over the limit of 2,000,000,000 person-ticks');
    expect(e).toMatch(/lower organization\.size or ticks/);
  });

  it('size ≤ 10,000,000 people', () => {
    expect(errorsOf(with_((s) => (s.organization.size = 20_000_000)))[0]).toContain('organization.size: expected an integer <= 10,000,000');
  });

  it(`expected situations ≤ ${LIMITS.situations}`, () => {
    const e = errorsOf(with_((s) => ((s.environment = { rate: 10_000 }), (s.ticks = 10_000)))).join('\n');
    expect(e).toContain('environment.rate: about 100,000,000 situations expected');
    expect(e).toContain('over the limit of 50,000,000 situations; lower environment.rate or ticks');
  });

  it('situations count surges and rate shifts', () => {
    const e = errorsOf(with_((s) => ((s.ticks = 100_000), (s.shocks = [{ at: 50_000, kind: 'environment-shift', rate: 5000 }])))).join('\n');
    expect(e).toContain('250,050,000 situations');
    const surge = errorsOf(with_((s) => ((s.ticks = 100_000), (s.shocks = [{ at: 0, every: 1, kind: 'surge', count: 1000 }])))).join('\n');
    expect(surge).toContain('100,100,000 situations');
  });

  it(`materialized ties ≤ ${LIMITS.ties}`, () => {
    const e = errorsOf({ ticks: 10, organization: { size: 1_000_000, informal: { kind: 'small-world', k: 200, p: 0.1 } } }).join('\n');
    expect(e).toContain('organization.informal.k: this layer materializes about 100,000,000 ties, over the limit of 50,000,000 materialized ties');
    const matrix = errorsOf({ ticks: 10, organization: { size: 1_000_000, formal: { kind: 'hierarchy', span: 2 }, informal: { kind: 'matrix', lateral: 0.5 } } });
    expect(matrix.join('\n')).toContain('organization.informal.lateral: this layer materializes');
  });

  it('the complete layer is never materialized, so a million people fit', () => {
    valid({ ticks: 100, organization: { size: 1_000_000, informal: { kind: 'complete' } }, protocol: { kind: 'gossip' } });
  });

  it('hires count toward the limits', () => {
    const e = errorsOf(with_((s) => ((s.ticks = 1000), (s.shocks = [{ at: 0, every: 1, kind: 'add-nodes', count: 100_000 }])))).join('\n');
    expect(e).toMatch(/over the limit of 10,000,000 people/);
  });
});

describe('overrides', () => {
  it('applySet sets keys, list elements and whole objects, creating what is missing', () => {
    const s: Record<string, any> = { shocks: [{ at: 1, kind: 'surge', count: 1 }], information: { items: [{ id: 'a' }, { id: 'b' }] } };
    applySet(s, 'shocks.0.count', 5);
    applySet(s, 'information.items.1.spread.mode', 'flood');
    applySet(s, 'protocol', { kind: 'steward' });
    applySet(s, 'protocol.trust.gain', 0.3);
    applySet(s, 'shocks.1', { at: 2, kind: 'reconnect' });
    expect(s).toEqual({
      shocks: [{ at: 1, kind: 'surge', count: 5 }, { at: 2, kind: 'reconnect' }],
      information: { items: [{ id: 'a' }, { id: 'b', spread: { mode: 'flood' } }] },
      protocol: { kind: 'steward', trust: { gain: 0.3 } },
    });
  });

  it('applySet copies the value, so variants never share objects', () => {
    const value = { kind: 'p2p' };
    const s: Record<string, unknown> = {};
    applySet(s, 'protocol', value);
    value.kind = 'changed';
    expect(s.protocol).toEqual({ kind: 'p2p' });
  });

  it('applySet refuses __proto__, prototype and constructor, and pollutes nothing', () => {
    for (const path of ['__proto__.polluted', 'a.__proto__.polluted', 'constructor.prototype.polluted', 'a.prototype', 'constructor']) {
      expect(() => applySet({ a: {} }, path, 1)).toThrow(OverrideError);
      expect(() => applySet({ a: {} }, path, 1)).toThrow(/not allowed/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => parseSetArg('__proto__.x=1')).toThrow(OverrideError);
  });

  it('applySet refuses paths through non-objects and bad indices, naming the path', () => {
    expect(() => applySet({ seed: 4 }, 'seed.x', 1)).toThrow('"seed.x": seed is 4, not an object, so it has no key "x"');
    expect(() => applySet({ shocks: [] }, 'shocks.x', 1)).toThrow(/"shocks\.x": shocks is a list; use an index/);
    expect(() => applySet({ shocks: [] }, 'shocks.3', 1)).toThrow(/"shocks\.3": shocks has 0 entries/);
    expect(() => applySet({}, 'a..b', 1)).toThrow(/segment 2 is empty/);
    expect(() => applySet({}, '', 1)).toThrow(OverrideError);
  });

  it('parseSetArg reads JSON values, else text', () => {
    expect(parseSetArg('organization.size=2000')).toEqual(['organization.size', 2000]);
    expect(parseSetArg('protocol.kind=p2p')).toEqual(['protocol.kind', 'p2p']);
    expect(parseSetArg('protocol.team=true')).toEqual(['protocol.team', true]);
    expect(parseSetArg('organization.formal=null')).toEqual(['organization.formal', null]);
    expect(parseSetArg('protocol={"kind":"steward","stewards":[1,2]}')).toEqual(['protocol', { kind: 'steward', stewards: [1, 2] }]);
    expect(parseSetArg('name="42"')).toEqual(['name', '42']);
    expect(parseSetArg('name=a=b')).toEqual(['name', 'a=b']);
    expect(() => parseSetArg('organization.size')).toThrow(/expected path=value/);
  });
});

describe('variants', () => {
  it('a scenario without variants has one, labelled default', () => {
    const v = expandVariants(base());
    expect(v.map((x) => x.label)).toEqual(['default']);
    expect(v[0]!.ok).toBe(true);
  });

  it('variants stay in file order, each validated after its overrides', () => {
    const v = expandVariants(fixture('hydra.json'));
    expect(v.map((x) => x.label)).toEqual(['hierarchy', 'p2p', 'steward']);
    expect(v.map((x) => x.scenario?.protocol.kind)).toEqual(['client-server', 'p2p', 'steward']);
  });

  it('a whole-object set replaces the object', () => {
    const [, hierarchy] = expandVariants(fixture('misinformation.json'));
    expect(hierarchy!.scenario!.protocol.kind).toBe('client-server');
    expect(hierarchy!.scenario!.protocol.stewards).toBe(3);
  });

  it('a variant made invalid by its overrides is reported with its label', () => {
    const s = with_((x) => (x.variants = [{ label: 'good' }, { label: 'bad', set: { 'organization.formal.span': 1, 'seed.x': 1 } }]));
    expect(validateScenario(s).ok).toBe(true);
    const [good, bad] = expandVariants(s);
    expect(good!.ok).toBe(true);
    expect(bad!.ok).toBe(false);
    expect(bad!.errors).toEqual([
      'variant "bad": seed: expected an integer >= 0, got {"x":1}; allowed: 0 … 4,294,967,295',
      'variant "bad": organization.formal.span: expected an integer >= 2, got 1; allowed: 2 … 1000',
    ]);
  });

  it('the command line wins over a variant\'s set', () => {
    const s = with_((x) => (x.variants = [{ label: 'a', set: { ticks: 10 } }, { label: 'b', set: { ticks: 20 } }]));
    expect(expandVariants(s, [['ticks', 99]]).map((v) => v.scenario?.ticks)).toEqual([99, 99]);
    expect(expandVariants(s).map((v) => v.scenario?.ticks)).toEqual([10, 20]);
  });

  it('a bad --set path is reported for every variant, not thrown', () => {
    const v = expandVariants(with_((s) => (s.variants = [{ label: 'a' }, { label: 'b' }])), [['organization.size.x', 1]]);
    expect(v.map((x) => x.errors)).toEqual([
      ['variant "a": --set "organization.size.x": organization.size is 100, not an object, so it has no key "x"'],
      ['variant "b": --set "organization.size.x": organization.size is 100, not an object, so it has no key "x"'],
    ]);
  });

  it('__proto__ in a variant\'s set is refused', () => {
    const s = JSON.parse('{"organization": {"size": 100, "formal": {"kind": "hierarchy", "span": 5}}, "variants": [{"label": "z", "set": {"__proto__": {"polluted": 1}}}]}');
    expect(validateScenario(s)).toEqual({ ok: false, errors: ['variants.0.set.__proto__: the key "__proto__" is not allowed; remove it'] });
    expect(expandVariants(s)[0]!.errors!.join('\n')).toContain('not allowed');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a malformed variants list is reported, not skipped', () => {
    for (const variants of [5, [null], [{ label: 'x' }, { label: 'x' }], [{ label: 'x', sett: {} }]]) {
      const v = expandVariants(with_((s) => (s.variants = variants)));
      expect(v.every((x) => !x.ok && x.errors.some((e) => /variants(\.\d+)?(\.\w+)?: /.test(e))), JSON.stringify(variants)).toBe(true);
    }
  });

  it('expandVariants never throws on JSON values', () => {
    for (const input of [null, 1, 'x', [], {}, { variants: 5 }, { variants: [null, 1, { set: 5 }] }]) {
      const v = expandVariants(input);
      expect(v.length).toBeGreaterThan(0);
      expect(v.every((x) => !x.ok && x.errors.length > 0)).toBe(true);
    }
  });
});

describe('dotted paths for sweeps', () => {
  const hydra = fixture('hydra.json');
  it('accepts paths into the schema', () => {
    for (const p of ['organization.size', 'environment.rate', 'shocks.0.count', 'protocol.trust.gain', 'organization.formal.span', 'protocol']) {
      expect(pathProblem(p, hydra), p).toBeNull();
    }
  });
  it('names the bad segment and the valid keys there', () => {
    expect(pathProblem('organization.sise', hydra)).toBe(
      '"organization.sise": unknown key "sise" at organization; did you mean "size"? (valid keys: size, formal, informal)',
    );
    expect(pathProblem('shocks.1.count', hydra)).toMatch(/shocks has 1 entry in the scenario; index 1 does not exist/);
    expect(pathProblem('seed.x', hydra)).toMatch(/seed is an integer .* which has no keys/);
    expect(pathProblem('__proto__.x', hydra)).toMatch(/not allowed/);
  });
  it('a sweep file is validated with its own schema', () => {
    const r = validateSweep(fixture('sweep.json'));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(gridPoints(r.sweep)).toBe(4);
      expect(gridPoint(r.sweep, 1)).toEqual([['organization.size', 60], ['environment.rate', 1]]);
      expect(gridPoint(r.sweep, 2)).toEqual([['organization.size', 120], ['environment.rate', 0.5]]);
    }
    const bad = validateSweep({ scenario: 'x', grid: { seed: [1, 2], 'a.b': [] }, seeds: 0, extra: 1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.join('\n')).toMatch(/seeds: expected an integer >= 1, got 0/);
      expect(bad.errors.join('\n')).toMatch(/grid\["a\.b"\]: expected at least 1 entries, got 0/);
      expect(bad.errors.join('\n')).toMatch(/extra: unknown key/);
    }
  });
});

describe('files', () => {
  it('the shipped scenarios/scenario.schema.json is the generated one', () => {
    const shipped = readFileSync(join(root, 'scenarios/scenario.schema.json'), 'utf8');
    expect(shipped).toBe(scenarioJsonSchemaText());
  });

  it('the JSON Schema describes every top-level key with its default', () => {
    const schema = JSON.parse(scenarioJsonSchemaText()) as { properties: Record<string, { default?: unknown }>; required: string[]; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(Object.keys((builtinScenarioSchema() as unknown as { in: { shape: object } }).in.shape));
    expect(schema.properties.ticks!.default).toBe(500);
    // Required unless `simulation` names a whole model: editors see it as anyOf.
    expect((schema as unknown as { anyOf: unknown[] }).anyOf).toEqual([
      { required: ['organization'] },
      { required: ['simulation'], properties: { simulation: { not: { const: 'organization' } } } },
    ]);
    expect(schema.additionalProperties).toBe(false);
  });

  it('a JSON syntax error is located by line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'equipotent-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{\n  "ticks": 5,\n}\n');
    expect(() => loadScenarioSource(file)).toThrow(UserError);
    expect(() => loadScenarioSource(file)).toThrow(/bad\.json:3:1: not valid JSON: JSON does not allow a trailing comma/);
    expect(findJsonError('{"a": tru}')).toEqual({ at: 6, message: 'expected a value (a number, string, true, false, null, object or list)' });
    expect(findJsonError('[1, 2]')).toBeNull();
  });

  it('a missing scenario lists the built-in ones', () => {
    const names = builtinScenarioNames();
    expect(names).not.toContain('scenario.schema');
    expect(() => loadScenarioSource('no-such-scenario')).toThrow(/no scenario "no-such-scenario"/);
  });

  it('readDataFiles reads the file layers relative to the scenario, and names a missing one', () => {
    const src = loadScenarioSource(join(root, 'test/fixtures/krackhardt.json'));
    const s = valid(src.input);
    const data = readDataFiles(s, src.baseDir);
    expect(Object.keys(data).sort()).toEqual([
      '../../scenarios/data/krackhardt-hightech/edges-advice.csv',
      '../../scenarios/data/krackhardt-hightech/edges-reports-to.csv',
      '../../scenarios/data/krackhardt-hightech/nodes.csv',
    ]);
    expect(() => readDataFiles({ organization: { informal: { kind: 'file', edges: 'nope.csv' } } }, src.baseDir)).toThrow(
      /organization\.informal\.edges "nope\.csv": no such file/,
    );
  });

  it('closest finds typos, not unrelated words', () => {
    expect(closest('spam', ['span', 'kind'])).toBe('span');
    expect(closest('meandegree', ['meanDegree'])).toBe('meanDegree');
    expect(closest('xyz', ['span', 'kind'])).toBeUndefined();
  });
});

describe('the validate and list commands', () => {
  it('validate prints ok for valid scenario and sweep files, exit 0', () => {
    const r = cli('validate', 'test/fixtures/hydra.json', 'test/fixtures/sweep.json', 'test/fixtures/krackhardt.json');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ok test/fixtures/hydra.json\nok test/fixtures/sweep.json\nok test/fixtures/krackhardt.json\n');
    expect(r.code).toBe(0);
  });

  it('the example sweeps in sweeps/ (docs/research.md) are valid', () => {
    const files = readdirSync(join(root, 'sweeps')).filter((f) => f.endsWith('.json')).map((f) => `sweeps/${f}`);
    expect(files).toContain('sweeps/hydra-size.json');
    const r = cli('validate', ...files);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(files.map((f) => `ok ${f}\n`).join(''));
  });

  it('validate prints every problem, exit 2, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'equipotent-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(with_((s) => ((s.organization.formal.span = 'five'), (s.tick = 3)))));
    const sweep = join(dir, 'sweep.json');
    writeFileSync(sweep, JSON.stringify({ scenario: join(root, 'test/fixtures/hydra.json'), grid: { 'organization.sise': [1], 'environment.rate': [1] } }));
    const badPoint = join(dir, 'sweep2.json');
    writeFileSync(badPoint, JSON.stringify({ scenario: join(root, 'test/fixtures/hydra.json'), grid: { 'organization.size': [100, 1] } }));
    const r = cli('validate', bad, sweep, badPoint, join(root, 'test/fixtures/minimal.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}: organization.formal.span: expected an integer >= 2, got "five"`);
    expect(r.stderr).toContain(`${bad}: tick: unknown key; did you mean "ticks"?`);
    expect(r.stderr).toContain(`${sweep}: grid["organization.sise"]: "organization.sise": unknown key "sise" at organization; did you mean "size"?`);
    expect(r.stderr).toMatch(/sweep2\.json: grid point 1 \(organization\.size=1\): variant "hierarchy": organization\.size: expected an integer >= 2, got 1/);
    expect(r.stdout).toContain('ok ');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('an unknown command or option gets a "did you mean", exit 2', () => {
    const r = cli('valdate', 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "valdate"; did you mean "validate"?');
    const o = cli('list', '--jsn');
    expect(o.code).toBe(2);
    expect(o.stderr).toContain('list: unknown option --jsn');
  });

  it('list shows one line per built-in scenario', () => {
    const r = cli('list');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(builtinScenarioNames());
  });
});
