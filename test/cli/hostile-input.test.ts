// Hostile input, as a careful researcher (or a damaged file) supplies it (issue 11):
// every case is refused with exit 2 (1 for a run that failed), a message naming
// the field or the place and the fix, no stack trace — and starts no run: the
// commands run in this process with createSimulation watched, and it is never
// called. JSON files: nothing JSON.parse would let through silently. Replay
// bundles: the hash is verified, the model checked, live shocks validated like
// scenario shocks. A few cases go through the real command line for the exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../engine/simulation.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../engine/simulation.ts')>();
  return { ...real, createSimulation: vi.fn(real.createSimulation) };
});

import { createSimulation } from '../../engine/simulation.ts';
import { main as run } from '../../cli/run.ts';
import { isUserInputError, RunFailedError } from '../../cli/errors.ts';
import { loadScenarioSource } from '../../cli/load-scenario.ts';
import { loadPlan } from '../../cli/sweep/plan.ts';
import { decodeJsonBytes, findJsonProblem, invalidUtf8At, JsonBytesProblem, MAX_JSON_DEPTH } from '../../cli/json-text.ts';
import { checkReplayBundle, makeReplayBundle, MAX_LIVE_SHOCKS, type ReplayBundle } from '../../engine/replay.ts';
import { validateScenario } from '../../engine/scenario/validate.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { liveShockProblems } from '../../engine/scenario/live-shock.ts';
import { anyJson } from '../scenario/arbitraries.ts';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/equipotent.mjs');
const dir = mkdtempSync(join(tmpdir(), 'equipotent-hostile-'));
const built = vi.mocked(createSimulation);
const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });

function valid(input: unknown): Scenario {
  const r = validateScenario(input);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

const scenario = {
  name: 'hostile', seed: 7, ticks: 30,
  organization: { size: 60, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
  environment: { rate: 1 },
};
writeFileSync(join(dir, 's.json'), JSON.stringify(scenario));

/** A real bundle of 30 ticks with one live shock, and its hash (made once, in this process). */
const good: ReplayBundle = (() => {
  const sim = createSimulation(valid(scenario), 7);
  sim.step(10);
  sim.shock({ kind: 'surge', count: 5 });
  sim.step(20);
  return JSON.parse(JSON.stringify(makeReplayBundle(scenario, sim))) as ReplayBundle;
})();

let files = 0;
function file(content: string | Uint8Array | object): string {
  const path = join(dir, `f${files++}.json`);
  writeFileSync(path, typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content));
  return path;
}

/** Runs `run` in this process; resolves to the error it throws (or null), checking no simulation was built. */
async function refused(argv: string[], expectBuilt = 0): Promise<Error> {
  built.mockClear();
  const e = await run(argv).then(() => null, (x: Error) => x);
  expect(e, argv.join(' ')).not.toBeNull();
  expect(built, `${argv.join(' ')}: a simulation was built for input refused with "${e!.message}"`).toHaveBeenCalledTimes(expectBuilt);
  return e!;
}

beforeEach(() => {
  built.mockClear();
});

describe('JSON files: nothing that JSON.parse would let through silently', () => {
  it('a key twice in one object is refused naming the key and both lines', () => {
    expect(findJsonProblem('{\n "ticks": 5,\n "seed": 1,\n "ticks": 6\n}')).toMatchObject({ at: 28, syntax: false, message: expect.stringMatching(/the key "ticks" appears on lines 2 and 4 of one object/) });
    expect(findJsonProblem('{"a": {"b": 1, "b": 2}}')?.message).toMatch(/"b" appears twice on line 1/);
    expect(findJsonProblem('{"a": 1, "\\u0061": 2}')?.message).toMatch(/"a" appears/); // the same key, escaped
    expect(findJsonProblem('[{"a": 1}, {"a": 2}, {"b": {"a": 3}}]')).toBeNull(); // one key per object is fine
    const path = file('{\n  "organization": {"size": 10, "informal": {"kind": "complete"}},\n  "ticks": 5,\n  "ticks": 500000\n}');
    expect(() => loadScenarioSource(path)).toThrow(/:4:3: the key "ticks" appears on lines 3 and 4 of one object; JSON would keep only the last silently — remove one/);
  });

  it('a number too large for a double is named, not turned into Infinity or null', () => {
    for (const n of ['1e999', '-1e999', '1E400', '123456789e301']) {
      expect(findJsonProblem(`{"ticks": ${n}}`)?.message, n).toMatch(new RegExp(`the number ${n.replace('-', '\\-')} is too large: it overflows`));
    }
    expect(findJsonProblem('[1e308, -1.7e308, 1e-400, 0.5]')).toBeNull();
  });

  it(`nesting deeper than ${MAX_JSON_DEPTH} levels is refused with the limit named, at once even 200,000 deep`, () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(findJsonProblem(deep(MAX_JSON_DEPTH))).toBeNull();
    expect(findJsonProblem(deep(MAX_JSON_DEPTH + 1))?.message).toMatch(new RegExp(`nested more than ${MAX_JSON_DEPTH} levels deep, over the limit of ${MAX_JSON_DEPTH} levels`));
    expect(findJsonProblem(deep(200_000))).toMatchObject({ at: MAX_JSON_DEPTH, syntax: false });
    expect(findJsonProblem(`${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}`)?.message).toMatch(/over the limit/);
  });

  it('UTF-16 and UTF-32, with or without a byte-order mark, are named; a UTF-8 mark is dropped', () => {
    const json = '{"organization": {"size": 10}}';
    const be16 = Buffer.from(json, 'utf16le').swap16();
    const cases: [Uint8Array, RegExp][] = [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]), /UTF-16 text \(little-endian, with a byte-order mark\)/],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), be16]), /UTF-16 text \(big-endian, with a byte-order mark\)/],
      [Buffer.from(json, 'utf16le'), /looks like UTF-16 text \(little-endian, no byte-order mark/],
      [be16, /looks like UTF-16 text \(big-endian, no byte-order mark/],
      [Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]), /UTF-32 text \(little-endian/],
      [Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x7b]), /UTF-32 text \(big-endian/],
    ];
    for (const [bytes, message] of cases) {
      const r = decodeJsonBytes(bytes);
      expect(r).toBeInstanceOf(JsonBytesProblem);
      expect((r as JsonBytesProblem).message).toMatch(message);
      expect((r as JsonBytesProblem).message).toMatch(/save the file as UTF-8/);
    }
    expect(decodeJsonBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]))).toBe(json);
  });

  it('invalid UTF-8 is refused with the byte offset; valid multi-byte text passes', () => {
    const at = (...bytes: number[]) => invalidUtf8At(Uint8Array.from(bytes));
    expect(at(0x41, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80)).toBe(-1); // A é € 😀
    expect(at(0x41, 0xe9, 0x42)).toBe(1); // Latin-1 é
    expect(at(0x41, 0xc0, 0xaf)).toBe(1); // overlong "/"
    expect(at(0xed, 0xa0, 0x80)).toBe(0); // a UTF-16 surrogate
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0); // above U+10FFFF
    expect(at(0x41, 0x42, 0xe2, 0x82)).toBe(2); // cut short at the end
    const latin1 = Buffer.concat([Buffer.from('{\n  "name": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}')]);
    expect((decodeJsonBytes(latin1) as JsonBytesProblem).message).toMatch(/^not valid UTF-8 at byte 16 \(line 2, column 15: bytes e9 22 0a 7d\); it may be Latin-1/);
    expect((decodeJsonBytes(Buffer.from('{"a":\u0000}')) as JsonBytesProblem).message).toMatch(/a zero byte \(NUL\) at byte 5/);
  });

  it('the same refusals reach scenario files, sweep files and replay bundles, before any run', async () => {
    const dup = file('{"scenario": "s.json", "grid": {"environment.rate": [1, 2]}, "seeds": 2, "seeds": 200}');
    expect(() => loadPlan(dup)).toThrow(/the key "seeds" appears twice on line 1/);
    const overflow = file({ ...scenario, ticks: 5 }).replace(/$/, '');
    writeFileSync(overflow, readFileSync(overflow, 'utf8').replace('"ticks":5', '"ticks":1e999'));
    expect((await refused([overflow])).message).toMatch(/the number 1e999 is too large/);
    const u16 = file(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(good), 'utf16le')]));
    const e = await refused(['--replay', u16]);
    expect(isUserInputError(e)).toBe(true);
    expect(e.message).toMatch(/UTF-16/);
    expect(e.message).not.toContain('\u0000');
    const twice = file(JSON.stringify(good).replace('"seed":7', '"seed":7,"seed":8'));
    expect((await refused(['--replay', twice])).message).toMatch(/the key "seed" appears twice/);
  });

  it('a --set value is held to the same rules: 1e999 and a repeated key are named, before any run', async () => {
    const s = join(dir, 's.json');
    expect((await refused([s, '--set', 'ticks=1e999'])).message).toMatch(/^--set "ticks=1e999": the number 1e999 is too large/);
    expect((await refused([s, '--set', 'organization={"size":10,"size":20}'])).message).toMatch(/the key "size" appears twice/);
  });

    it('validate exits 2 for each, with the message and never "internal error" or a NUL byte', () => {
    const inputs = [
      file('{"ticks": 5, "ticks": 6, "organization": {"size": 10}}'),
      file('{"ticks": 1e999, "organization": {"size": 10}}'),
      file(`${'['.repeat(200_000)}${']'.repeat(200_000)}`),
      file(Buffer.from('{"organization": {"size": 10}}', 'utf16le')),
      file(Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d])),
    ];
    const r = cli(['validate', ...inputs]);
    expect(r.status).toBe(2);
    for (const want of [/appears twice/, /1e999 is too large/, /over the limit of 100 levels/, /UTF-16/, /not valid UTF-8 at byte 2/]) expect(r.stderr).toMatch(want);
    expect(r.stderr).not.toMatch(/internal error|^\s+at |\u0000/m);
  });
});

describe('run --replay verifies the hash', () => {
  it('a matching hash is verified (exit 0); another hash prints both and exits 1; --no-verify skips', () => {
    const ok = cli(['run', '--replay', file(good), '--json']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).variants.default.hash).toBe(good.hash);
    expect(ok.stderr).toContain(`verified: the replay ends with the bundle's hash ${good.hash}`);
    const wrong = file({ ...good, hash: '0123456789abcdef' });
    const bad = cli(['run', '--replay', wrong]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`it ended with hash ${good.hash}, the bundle records 0123456789abcdef`);
    expect(bad.stderr).not.toMatch(/internal error|^\s+at /m);
    const skipped = cli(['run', '--replay', wrong, '--no-verify']);
    expect(skipped.status).toBe(0);
    expect(skipped.stderr).toContain('not verified (--no-verify)');
    const { hash: _, ...unhashed } = good;
    expect(cli(['run', '--replay', file(unhashed)]).stderr).toContain('the bundle records no hash, so the replay is not verified');
  });

  it('the mismatch is a failed run (RunFailedError), not a user error nor an internal one', async () => {
    built.mockClear();
    const e = await run(['--replay', file({ ...good, hash: 'ffffffffffffffff' })]).then(() => null, (x: Error) => x);
    expect(e).toBeInstanceOf(RunFailedError);
  });

  it('a bundle\'s model is 1 or 2 (absent means 1); anything else, and a malformed hash, exit 2', async () => {
    const v = (input: unknown) => valid(input);
    for (const model of [undefined, 1, 2]) expect(() => checkReplayBundle({ ...good, model } as ReplayBundle, v)).not.toThrow();
    for (const model of [0, 3, '1', null, 1.5]) {
      const e = await refused(['--replay', file({ ...good, model })]);
      expect(isUserInputError(e)).toBe(true);
      expect(e.message).toMatch(/^model: expected 1 or 2 \(absent means 1\), got /);
    }
    expect((await refused(['--replay', file({ ...good, hash: 'xyz' })])).message).toMatch(/^hash: expected the 16 hexadecimal digits/);
    // A bundle records the model its run used; it applies to a scenario that does not say, and must agree with one that does.
    expect(good.model).toBe(2);
    expect(checkReplayBundle({ ...good, model: undefined } as ReplayBundle, v).model).toBe(1);
    expect(checkReplayBundle({ ...good, model: 1 } as ReplayBundle, v).model).toBe(1);
    const clash = await refused(['--replay', file({ ...good, model: 1, scenario: { ...scenario, model: 2 } })]);
    expect(clash.message).toMatch(/^model: the bundle says 1 but its scenario says 2; make them agree/);
  });
});

describe('live shocks in a bundle are validated like scenario shocks, before any simulation is built', () => {
  const withLive = (shock: unknown, tick = 10) => file({ ...good, liveShocks: [{ tick, shock }] });
  const cases: [string, unknown, RegExp][] = [
    ['ids not a list', { kind: 'remove-nodes', target: 'ids', ids: 'abc' }, /liveShocks\.0\.shock\.ids: expected a list, got "abc"/],
    ['a negative count', { kind: 'remove-nodes', target: 'random', count: -10 }, /liveShocks\.0\.shock\.count: expected an integer >= 1, got -10/],
    ['a count in words', { kind: 'remove-nodes', target: 'random', count: 'many' }, /liveShocks\.0\.shock\.count: expected an integer >= 1, got "many"/],
    ['a misspelt kind', { kind: 'remove-node', count: 1 }, /liveShocks\.0\.shock\.kind: .*did you mean "remove-nodes"/],
    ['an id nobody has', { kind: 'remove-nodes', target: 'ids', ids: [99] }, /liveShocks\.0\.shock\.ids\.0: expected a person id 0 … 59, got 99/],
    ['a text id in a generated organization', { kind: 'remove-nodes', target: 'ids', ids: ['boss'] }, /liveShocks\.0\.shock\.ids\.0: expected a person id \(an integer 0 … n − 1\), got "boss"/],
    ['a domain out of range', { kind: 'misinformation', id: 'x', domain: 9 }, /liveShocks\.0\.shock\.domain: expected a domain index 0 … 3/],
    ['weights for the wrong number of domains', { kind: 'environment-shift', domainWeights: [1, 1] }, /liveShocks\.0\.shock\.domainWeights: expected 4 weights/],
    ['a timing key', { kind: 'surge', count: 3, every: 5 }, /liveShocks\.0\.shock\.every: a live shock happens once/],
    ['no shock', null, /liveShocks\.0\.shock: expected an object with "kind"/],
    ['a shock that is text', 'leader', /liveShocks\.0\.shock: expected an object with "kind"/],
  ];
  for (const [what, shock, message] of cases) {
    it(`${what}: exit 2 with the path and the fix`, async () => {
      const e = await refused(['--replay', withLive(shock)]);
      expect(isUserInputError(e), e.message).toBe(true);
      expect(e.message).toMatch(message);
    });
  }

  it('the list itself: entries, their order, their ticks, their number, and stopAt', async () => {
    const bundles: [object, RegExp][] = [
      [{ ...good, liveShocks: [42] }, /liveShocks\.0: expected \{"tick": …, "shock": \{…\}\}, got 42/],
      [{ ...good, liveShocks: [{ tick: 20, shock: { kind: 'reconnect' } }, { tick: 5, shock: { kind: 'reconnect' } }] }, /liveShocks\.1\.tick: a shock at tick 5 comes after one at tick 20/],
      [{ ...good, liveShocks: [{ tick: 31, shock: { kind: 'surge', count: 1 } }] }, /liveShocks\.0\.tick: expected an integer 0 … stopAt = 30, got 31/],
      [{ ...good, liveShocks: Array.from({ length: MAX_LIVE_SHOCKS + 1 }, () => ({ tick: 1, shock: { kind: 'surge', count: 1 } })) }, /liveShocks: expected at most 10000 live shocks/],
      [{ ...good, stopAt: 1e12 }, /stopAt: expected an integer 0 … 1000000/],
      [{ ...good, scenario: { ...scenario, variants: [null] }, variant: 'x' }, /scenario\.variants\.0: expected/],
      [{ ...good, overrides: { 'protocol.kind': 'steward', 'protocol.stewards': [999] } }, /protocol\.stewards\.0: expected a person id 0 … 59, got 999/],
    ];
    for (const [bundle, message] of bundles) {
      const e = await refused(['--replay', file(bundle)]);
      expect(isUserInputError(e), e.message).toBe(true);
      expect(e.message).toMatch(message);
    }
  });

  it('ids of a file organization are checked against its people when the shock is due (exit 2, path named)', async () => {
    const krack = JSON.parse(readFileSync(join(root, 'scenarios/krackhardt.json'), 'utf8')) as Record<string, unknown>;
    const bundle = { format: 'equipotent-replay', version: 1, scenario: krack, overrides: {}, seed: 1, stopAt: 20, liveShocks: [{ tick: 5, shock: { kind: 'remove-nodes', target: 'ids', ids: ['7', 'nobody'] } }] };
    const e = await refused(['--replay', file(bundle)], 1);
    expect(isUserInputError(e)).toBe(true);
    expect(e.message).toMatch(/live shock at tick 5 names people who are not there:\n {2}liveShocks\.0\.shock\.ids\.1: no person has id "nobody" \(the 21 people's ids run 1 … 21\)/);
  });

  it('a whole model (a classic) has no people to shock: its bundle replays and verifies, a live shock in it is refused', async () => {
    const march = JSON.parse(readFileSync(join(root, 'scenarios/march.json'), 'utf8')) as Record<string, unknown>;
    const sim = createSimulation(valid(march), 1);
    sim.step(8);
    const bundle = JSON.parse(JSON.stringify(makeReplayBundle(march, sim))) as ReplayBundle;
    expect(() => checkReplayBundle(bundle, valid)).not.toThrow();
    const e = await refused(['--replay', file({ ...bundle, liveShocks: [{ tick: 2, shock: { kind: 'surge', count: 3 } }] })]);
    expect(isUserInputError(e)).toBe(true);
    expect(e.message).toMatch(/liveShocks\.0\.shock: the whole model "march" has no people to shock/);
    const ok = cli(['run', '--replay', file(bundle)]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr).toContain(`verified: the replay ends with the bundle's hash ${bundle.hash}`);
  });

    it('through the command line: exit 2, the message, no stack trace', () => {
    const r = cli(['run', '--replay', withLive({ kind: 'remove-nodes', target: 'ids', ids: 'abc' })]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/liveShocks\.0\.shock\.ids: expected a list, got "abc"/);
    expect(r.stderr).not.toMatch(/internal error|^\s+at /m);
    expect(r.stdout).toBe('');
  });

  it('lesson steps are held to the same schema (the page applies them as live shocks)', () => {
    const r = validateScenario({ ...scenario, lesson: [{ text: 'a', shock: { kind: 'remove-nodes', target: 'ids', ids: 'abc' } }, { text: 'b', shock: { kind: 'remove-nodes', target: 'random', count: 'many' } }, { text: 'c', shock: { kind: 'surge', count: 1, at: 3 } }] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toContain('lesson.0.shock.ids: expected a list, got "abc"');
      expect(r.errors.join('\n')).toMatch(/lesson\.1\.shock\.count: expected an integer >= 1, got "many"/);
      expect(r.errors.join('\n')).toMatch(/lesson\.2\.shock\.at: unknown key/);
    }
  });
});

describe('run refuses what it would otherwise ignore or fail on late', () => {
  it('options --replay would ignore, a scenario beside it, --no-verify or --every alone: exit 2, nothing run', async () => {
    const bundle = file(good);
    for (const [argv, message] of [
      [['--replay', bundle, '--seed', '3'], /takes no --seed/],
      [['--replay', bundle, '--series', join(dir, 'x.csv')], /takes no --series/],
      [['--replay', bundle, join(dir, 's.json')], /takes the bundle only/],
      [[join(dir, 's.json'), '--no-verify'], /--no-verify goes with --replay/],
      [[join(dir, 's.json'), '--every', '5'], /--every K thins the series file: it goes with --series/],
    ] as [string[], RegExp][]) {
      const e = await refused(argv);
      expect(isUserInputError(e)).toBe(true);
      expect(e.message).toMatch(message);
    }
  });

  it('a steward id that a file organization lacks: exit 2 naming protocol.stewards, not "internal error"', async () => {
    const e = await refused(['krackhardt', '--ticks', '3', '--set', 'protocol.kind=steward', '--set', 'protocol.stewards=["7","nobody"]'], 1);
    expect(isUserInputError(e), e.message).toBe(true);
    expect(e.message).toMatch(/^protocol\.stewards\.1: no person has id "nobody" \(the organization's ids run 1 … 21\); use an id from its nodes or edges file/);
  });
});

describe('fuzzing bundles and live shocks: a user error or nothing, never a crash', () => {
  const shockKinds = ['remove-nodes', 'add-nodes', 'misinformation', 'environment-shift', 'surge', 'partition', 'reconnect'];
  // A shock of a real kind with random keys and values, or any JSON at all.
  const shockish = fc.oneof(
    fc.record({ kind: fc.constantFrom(...shockKinds), target: fc.constantFrom('random', 'top', 'ids', 'degree', 5), count: anyJson, fraction: anyJson, ids: anyJson, groups: anyJson, domain: anyJson, domainWeights: anyJson, id: anyJson, spread: anyJson }, { requiredKeys: ['kind'] }),
    anyJson,
  );
  const live = valid(scenario);
  const labels = Array.from({ length: 60 }, (_, i) => String(i));

  it('live shocks: every problem is a "shock…: message" line; a shock without problems runs', () => {
    fc.assert(
      fc.property(shockish, (shock) => {
        const problems = liveShockProblems([shock], live, ['shock'], labels);
        for (const p of problems) expect(p).toMatch(/^shock[.\[:][^\n]*: \S/);
        if (problems.length === 0) {
          const sim = createSimulation(live, 1);
          sim.shock(shock as never);
          sim.step(2);
        }
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it('bundles with a field replaced by any JSON: checkReplayBundle passes or throws a user error', () => {
    const fields = ['format', 'version', 'model', 'scenario', 'overrides', 'variant', 'seed', 'liveShocks', 'stopAt', 'hash'];
    fc.assert(
      fc.property(fc.constantFrom(...fields), anyJson, fc.array(fc.record({ tick: fc.oneof(fc.nat(30), anyJson), shock: shockish }), { maxLength: 3 }), (field, value, shocks) => {
        for (const bundle of [{ ...good, [field]: value }, { ...good, liveShocks: shocks }]) {
          try {
            checkReplayBundle(bundle as ReplayBundle, valid);
          } catch (e) {
            // valid() throws a plain Error for the scenario; everything else must be the user-input family.
            if ((e as Error).name === 'Error') expect((e as Error).message).toMatch(/^[^\n]+: \S/);
            else expect(isUserInputError(e), String(e)).toBe(true);
          }
        }
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});
