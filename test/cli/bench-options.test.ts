// `bench --model`: the workloads under v1's rules, to compare with a build from
// before model 2 in one sitting (issue 10's ±10 % check). No timing is asserted.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../bin/equipotent.mjs', import.meta.url));
const bench = (...args: string[]) => spawnSync(process.execPath, [CLI, 'bench', ...args], { encoding: 'utf8', timeout: 120_000 });

describe('bench --model', () => {
  it('runs the workload under the model asked for: model 1 and 2 resolve differently', () => {
    const line = (model: string) => JSON.parse(bench('--quick', '--only', 'W4', '--model', model, '--json').stdout.trim()) as Record<string, unknown>;
    const one = line('1'), two = line('2');
    expect(one['workload']).toBe('W4');
    expect(one['resolvedRate']).not.toBe(two['resolvedRate']);
  });

  it('a model other than 1 or 2 exits 2 with the usage', () => {
    const r = bench('--model', '3');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--model: expected 1 or 2, got "3"/);
  });
});
