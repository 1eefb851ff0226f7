// The page's host (workers/page-host.ts): running a tick's shocks ahead of the
// step, so the page draws them at once, changes nothing about the run — the same
// hashes and series as stepping plainly, a live shock pressed after that still
// applied in the same tick, snapshots and replay bundles those of the tick's end —
// and it reads one situation's messages and the groups a lesson step rings.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandVariants } from '../engine/scenario/overrides.ts';
import { createHost } from '../workers/host.ts';
import { createPageHost } from '../workers/page-host.ts';
import type { ShockSpec } from '../engine/shocks.ts';

const input = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'scenarios', 'classroom.json'), 'utf8'));
const [hierarchy, p2p] = expandVariants(input, []).map((v) => v.scenario!);
const leader: ShockSpec = { kind: 'remove-nodes', target: 'top', count: 1 } as ShockSpec;
const rumour: ShockSpec = { kind: 'misinformation', id: 'rumour', seedCount: 3, domain: 0, spread: { mode: 'push', fanout: 1 } } as ShockSpec;
const alive = (f: { alive: Uint8Array }) => f.alive.reduce((a, x) => a + x, 0);

describe('shocks drawn at once (applyDue)', () => {
  it('a live shock shows in the frame before the next step; the run then equals the plain one, hash for hash', () => {
    const page = createPageHost(), plain = createHost();
    for (const h of [page, plain]) { h.create(hierarchy!, 1); h.step(60); }
    const before = page.hash();
    page.shock(leader);
    page.applyDue();
    expect(alive(page.frame())).toBe(alive(plain.frame()) - 1); // drawn now, paused
    expect(page.hash()).toBe(before); // the hash shown stays the tick's end
    plain.shock(leader);
    for (const h of [page, plain]) h.step(25);
    expect(page.hash()).toBe(plain.hash());
    expect(page.series()).toEqual(plain.series());
  });

  it('the scheduled shock of a tick shows when the clock stops there (the classroom head leaves at 150)', () => {
    const page = createPageHost();
    page.create(hierarchy!, 1);
    page.step(150);
    const n = alive(page.frame());
    page.applyDue();
    expect(alive(page.frame())).toBe(n - 1);
  });

  it('a live shock pressed after the tick’s shocks ran ahead is still applied in that tick', () => {
    const page = createPageHost(), plain = createHost();
    for (const h of [page, plain]) { h.create(p2p!, 3); h.step(40); }
    page.applyDue();
    page.shock(leader);
    page.shock(rumour);
    plain.shock(leader);
    plain.shock(rumour);
    for (const h of [page, plain]) h.step(20);
    expect(page.hash()).toBe(plain.hash());
  });

  it('a snapshot kept after the shocks ran ahead is the state before them: rewinding to it and stepping on is the same run', () => {
    const page = createPageHost(), plain = createHost();
    for (const h of [page, plain]) { h.create(hierarchy!, 1); h.step(50); }
    page.shock(leader);
    page.applyDue();
    page.checkpoint();
    page.step(10);
    const at60 = page.hash();
    expect(page.rewind(50)!.tick).toBe(50);
    page.shock(leader);
    page.step(10);
    expect(page.hash()).toBe(at60);
    plain.shock(leader);
    plain.step(10);
    expect(plain.hash()).toBe(at60);
  });

  it('a replay bundle made after the shocks ran ahead carries the tick’s end hash and the live shock', () => {
    const page = createPageHost(), plain = createHost();
    for (const h of [page, plain]) { h.create(hierarchy!, 1); h.step(30); }
    page.shock(leader);
    page.applyDue();
    const b = page.replayBundle(input, { variant: 'hierarchy' });
    expect(b.hash).toBe(plain.hash());
    expect(b.stopAt).toBe(30);
    expect(b.liveShocks).toEqual([{ tick: 30, shock: leader }]);
  });
});

describe('following a situation', () => {
  it('reads situation k’s record and its messages in flight, with a verb for each kind', () => {
    const page = createPageHost();
    page.create(hierarchy!, 1);
    page.step(5);
    const k = page.situationCount() - 1;
    const info = page.situation(k)!;
    expect(info.index).toBe(k);
    expect(info.origin).toBeGreaterThanOrEqual(0);
    // Over the situation's life and a few ticks after (its outcome is reported), its messages are seen.
    let seen = 0;
    for (let t = 0; t < 25; t++) {
      const { messages, verbs } = page.trace(k);
      for (let j = 0; j < messages.length; j += 3) { seen++; expect(verbs[messages[j + 2]!]).toMatch(/\w/); }
      page.step(1);
    }
    expect(seen).toBeGreaterThan(0);
    expect(page.situation(k)!.status).not.toBe('open');
    expect(page.situation(10_000_000)).toBeNull();
    expect(page.involving(info.origin)).toEqual(expect.any(Array));
  });
});

describe('the groups a lesson step rings', () => {
  it('the leader is the head of the tree; the hubs are the 5 % with the most ties; the stewards are the steward protocol’s', () => {
    const page = createPageHost();
    page.create(hierarchy!, 1);
    expect([...page.group('leader')]).toEqual([0]);
    expect(page.group('hubs').length).toBe(20);
    expect(page.group('managers').length).toBeGreaterThan(6);
    expect(page.group('stewards').length).toBe(0);
    const steward = createPageHost();
    steward.create(expandVariants(input, [])[2]!.scenario!, 1);
    expect(steward.group('stewards').length).toBeGreaterThan(0);
  });
});
