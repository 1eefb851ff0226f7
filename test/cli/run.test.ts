// The `run` and `graph` commands as a user meets them (CONTRACT.md): the JSON
// summary's shape, the side-by-side table, the files written, replay bundles,
// and exit code 2 with a message — never a stack trace — for bad input.
import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'equipotent.mjs');
const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'equipotent-cli-'));

// A small organization scenario with a shock, an item and two variants.
const scenarioPath = join(dir, 'small.json');
writeFileSync(scenarioPath, JSON.stringify({
  name: 'small', seed: 7, ticks: 60,
  organization: { size: 120, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
  environment: { rate: 1 },
  information: { items: [{ id: 'memo', at: 5, seedCount: 2 }] },
  shocks: [{ at: 20, kind: 'remove-nodes', target: 'top', count: 1 }],
  variants: [{ label: 'hierarchy', set: { 'protocol.kind': 'client-server' } }, { label: 'p2p', set: { 'protocol.kind': 'p2p' } }],
}));

let json: any;
beforeAll(() => {
  json = JSON.parse(execFileSync(process.execPath, [bin, 'run', scenarioPath, '--json', '--series', join(dir, 's.csv'), '--every', '10', '--events', join(dir, 'e.csv')], { encoding: 'utf8' }));
});

describe('equipotent run', () => {
  it('--json prints every variant with the summary metrics by their names, a hash, items and shocks', () => {
    expect(json.scenario).toBe('small');
    expect(json.seed).toBe(7);
    expect(json.ticks).toBe(60);
    expect(Object.keys(json.variants)).toEqual(['hierarchy', 'p2p']);
    for (const v of Object.values(json.variants) as any[]) {
      for (const m of ['situations', 'resolved', 'failed', 'missed', 'resolvedRate', 'latencyMean', 'latencyP50', 'latencyP90', 'decisionLatencyMean', 'qualityMean', 'messagesTotal', 'messagesPerSituation', 'maxLoadPeak', 'maxQueuePeak', 'loadGini', 'duplicates', 'leadershipGini', 'leadersShare', 'engagementFinal', 'giantComponentMin', 'misinformedPeak', 'misinformationClearedTick', 'recoveryTicks']) {
        expect(v, m).toHaveProperty(m);
      }
      expect(v.hash).toMatch(/^[0-9a-f]{16}$/);
      expect(Object.keys(v.items.memo)).toEqual(['informedFinal', 'roundsTo50', 'roundsTo90', 'roundsToAll']);
      expect(v.shocks).toEqual([expect.objectContaining({ at: 20, kind: 'remove-nodes' })]);
      expect(v.shocks[0]).toHaveProperty('dip');
      expect(v.shocks[0]).toHaveProperty('recoveryTicks');
    }
    // Common random numbers: both variants saw the same situations.
    expect(json.variants.hierarchy.situations).toBe(json.variants.p2p.situations);
  });

  it('writes the series as tidy long CSV every K ticks and one event row per situation', () => {
    const series = readFileSync(join(dir, 's.csv'), 'utf8').trim().split('\n');
    expect(series[0]).toBe('variant,seed,tick,metric,value');
    const ticks = new Set(series.slice(1).map((l) => Number(l.split(',')[2])));
    expect([...ticks].sort((a, b) => a - b)).toEqual([0, 10, 20, 30, 40, 50, 59]);
    expect(series.some((l) => l.startsWith('p2p,7,20,backlog,'))).toBe(true);
    const events = readFileSync(join(dir, 'e.csv'), 'utf8').trim().split('\n');
    expect(events[0]).toBe('variant,seed,id,arrival,domain,difficulty,origin,leader,decisionTick,resolutionTick,outcome,messages,duplicates');
    expect(events.length - 1).toBe(json.variants.hierarchy.situations + json.variants.p2p.situations);
    // No temporary files left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('prints the variants side by side, with the same hashes as --json', () => {
    const out = cli(['run', scenarioPath]);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/metric\s+hierarchy\s+p2p/);
    expect(out.stdout).toContain(json.variants.p2p.hash);
  });

  it('--variant runs one variant with the same hash, and --set changes the run', () => {
    const one = JSON.parse(cli(['run', scenarioPath, '--variant', 'p2p', '--json']).stdout);
    expect(Object.keys(one.variants)).toEqual(['p2p']);
    expect(one.variants.p2p.hash).toBe(json.variants.p2p.hash);
    const changed = JSON.parse(cli(['run', scenarioPath, '--variant', 'p2p', '--json', '--set', 'shocks.0.target=random']).stdout);
    expect(changed.variants.p2p.hash).not.toBe(json.variants.p2p.hash);
  });

  it('a replay bundle reproduces the hash, live shocks included; one without "model" means model 1', () => {
    const input = JSON.parse(readFileSync(scenarioPath, 'utf8'));
    // The run above used the default model, 2: a bundle of it says so (as makeReplayBundle writes it).
    const bundle = { format: 'equipotent-replay', version: 1, model: 2, scenario: input, overrides: {}, variant: 'p2p', seed: 7, liveShocks: [], stopAt: 60 };
    writeFileSync(join(dir, 'b.json'), JSON.stringify(bundle));
    const out = JSON.parse(cli(['run', '--replay', join(dir, 'b.json'), '--json']).stdout);
    expect(out.variants.p2p.hash).toBe(json.variants.p2p.hash);
    // CONTRACT.md: a bundle without "model" (made before the key existed) replays model 1.
    const { model: _, ...unversioned } = bundle;
    writeFileSync(join(dir, 'b1.json'), JSON.stringify(unversioned));
    const v1 = JSON.parse(cli(['run', '--replay', join(dir, 'b1.json'), '--json']).stdout);
    const direct = JSON.parse(cli(['run', scenarioPath, '--variant', 'p2p', '--set', 'model=1', '--json']).stdout);
    expect(v1.variants.p2p.hash).toBe(direct.variants.p2p.hash);
    const live = { ...bundle, liveShocks: [{ tick: 30, shock: { kind: 'surge', count: 30 } }] };
    writeFileSync(join(dir, 'c.json'), JSON.stringify(live));
    const a = JSON.parse(cli(['run', '--replay', join(dir, 'c.json'), '--json']).stdout);
    const b = JSON.parse(cli(['run', '--replay', join(dir, 'c.json'), '--json']).stdout);
    expect(a.variants.p2p.hash).toBe(b.variants.p2p.hash);
    expect(a.variants.p2p.hash).not.toBe(json.variants.p2p.hash);
  });

  it('bad input exits 2 with a message naming the field, no stack trace, and writes nothing', () => {
    const cases = [
      ['run', scenarioPath, '--set', 'organization.formal.span=five'],
      ['run', scenarioPath, '--variant', 'nope'],
      ['run', scenarioPath, '--set', '__proto__.x=1'],
      ['run', join(dir, 'missing.json')],
      ['run', scenarioPath, '--ticks', '-3'],
      ['run', scenarioPath, '--bogus'],
      ['graph', scenarioPath, '--layer', 'sideways'],
    ];
    for (const args of cases) {
      const out = cli([...args, '--series', join(dir, 'never.csv')].slice(0, args[0] === 'graph' ? args.length : undefined));
      expect(out.status, args.join(' ')).toBe(2);
      expect(out.stderr.length).toBeGreaterThan(0);
      expect(out.stderr).not.toMatch(/^\s+at /m);
    }
    expect(cli(['run', scenarioPath, '--set', 'organization.formal.span=five']).stderr).toContain('organization.formal.span');
    expect(existsSync(join(dir, 'never.csv'))).toBe(false);
  });
});

describe('equipotent graph', () => {
  it('writes the ties of a layer at tick T after its shocks, with the scenario\'s own ids', () => {
    const before = cli(['graph', scenarioPath, '--layer', 'formal', '--at', '20']).stdout.trim().split('\n');
    expect(before[0]).toBe('source,target');
    // The top (person 0) is removed at tick 20: its 4 reports no longer point to it.
    expect(before.slice(1).some((l) => l.endsWith(',0'))).toBe(false);
    const start = cli(['graph', scenarioPath, '--layer', 'formal', '--at', '0']).stdout.trim().split('\n');
    expect(start.length - 1).toBe(119);
    const krack = cli(['graph', 'krackhardt', '--layer', 'formal']).stdout.trim().split('\n');
    expect(krack).toContain('2,7');
    expect(krack.length - 1).toBe(20);
  });
});

describe('run: a problem every variant shares is said once', () => {
  it('a bad variant label is reported once, not once per variant, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eq-run-labels-'));
    const input = JSON.parse(readFileSync(join(import.meta.dirname, '../../scenarios/radner-organization.json'), 'utf8'));
    input.variants[1].label = 'chart, span 2';
    writeFileSync(join(dir, 's.json'), JSON.stringify(input));
    const r = cli(['run', join(dir, 's.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr.match(/variants\.1\.label: expected a label/g)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/variant "efficient network": variants\.1\.label/);
  });
});
