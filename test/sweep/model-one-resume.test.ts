// A sweep started before model 2 (its manifest records no default model) ran
// model 1's rules: resumed by today's engine, its remaining runs follow model 1
// too (CONTRACT.md: manifests without `model` mean model 1), not silently model 2.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSweep } from '../../cli/sweep.ts';
import { loadPlan } from '../../cli/sweep/plan.ts';

const scenario = {
  name: 'model one resume', seed: 3, ticks: 30,
  organization: { size: 40, formal: { kind: 'hierarchy', span: 4 }, informal: { kind: 'small-world', k: 4, p: 0.1 } },
  environment: { rate: 1, deadline: 20 },
  protocol: { kind: 'client-server' },
};
let dir: string;
const sink = () => { const parts: string[] = []; return { stream: { write: (s: string) => (parts.push(s), true), isTTY: false } as unknown as NodeJS.WriteStream, text: () => parts.join('') }; };
async function sweep(sweepFile: string, out: string, resume = false) {
  const s = sink();
  const code = await runSweep({ plan: loadPlan(join(dir, sweepFile)), out: join(dir, out), shard: null, jobs: 1, resume, progress: { stream: s.stream } });
  return { code, said: s.text() };
}
/** run → hash, from runs.csv. */
function hashes(out: string): Map<string, string> {
  const [head, ...rows] = readFileSync(join(dir, out, 'runs.csv'), 'utf8').trimEnd().split('\n').map((l) => l.split(','));
  const run = head!.indexOf('run'), hash = head!.indexOf('hash');
  return new Map(rows.map((r) => [r[run]!, r[hash]!]));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'eq-model-one-'));
  writeFileSync(join(dir, 'now.json'), JSON.stringify(scenario));
  writeFileSync(join(dir, 'v1.json'), JSON.stringify({ ...scenario, model: 1 }));
  writeFileSync(join(dir, 'sweep-now.json'), JSON.stringify({ scenario: './now.json', seeds: 3 }));
  writeFileSync(join(dir, 'sweep-v1.json'), JSON.stringify({ scenario: './v1.json', seeds: 3 }));
  expect((await sweep('sweep-now.json', 'now')).code).toBe(0);
  expect((await sweep('sweep-v1.json', 'v1')).code).toBe(0);
}, 120_000);

describe('resuming a sweep started before model 2', () => {
  it('a new manifest records the default model', () => {
    expect(JSON.parse(readFileSync(join(dir, 'now', 'manifest.json'), 'utf8')).defaultModel).toBe(2);
  });

  it('without a default model in its manifest, the missing runs run as model 1, and it says so', async () => {
    const v2 = hashes('now'), v1 = hashes('v1');
    expect(v2.get('1')).not.toBe(v1.get('1'));
    for (const [name, keepModel] of [['old', false], ['kept', true]] as const) {
      cpSync(join(dir, 'now'), join(dir, name), { recursive: true });
      const m = JSON.parse(readFileSync(join(dir, name, 'manifest.json'), 'utf8'));
      if (!keepModel) delete m.defaultModel;
      writeFileSync(join(dir, name, 'manifest.json'), JSON.stringify(m));
      const journal = readFileSync(join(dir, name, 'journal.ndjson'), 'utf8').trimEnd().split('\n').filter((l) => !l.startsWith('{"run":1,'));
      writeFileSync(join(dir, name, 'journal.ndjson'), `${journal.join('\n')}\n`);
      const r = await sweep('sweep-now.json', name, true);
      expect(r.code).toBe(0);
      expect(hashes(name).get('1')).toBe(keepModel ? v2.get('1') : v1.get('1'));
      expect(r.said.includes('started before model 2')).toBe(!keepModel);
    }
    expect(JSON.parse(readFileSync(join(dir, 'old', 'manifest.json'), 'utf8')).defaultModel).toBeUndefined();
  }, 120_000);
});
