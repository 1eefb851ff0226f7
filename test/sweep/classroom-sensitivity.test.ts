// docs/research.md's sensitivity study, reduced for CI: the same sweep file with 2
// Morris trajectories, 1 seed and 60 ticks, through the same two steps (the sweep,
// then the figure script on its sensitivity.csv). The full study is the docs' own.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSweep } from '../../cli/sweep.ts';
import { loadPlan } from '../../cli/sweep/plan.ts';
import { muStars, sensitivityFigure } from '../../docs/research/classroom-sensitivity.ts';

const root = resolve(import.meta.dirname, '../..');

describe('the classroom sensitivity study (reduced)', () => {
  it('runs as the docs say, and its figure has a bar with an interval for each of the six parameters, largest first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eq-sens-'));
    const full = JSON.parse(readFileSync(join(root, 'sweeps', 'classroom-sensitivity.json'), 'utf8'));
    const reduced = { ...full, scenario: join(root, 'scenarios', 'classroom.json'), design: { ...full.design, points: 2 }, seeds: 1, ticks: 60 };
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify(reduced));
    const quiet = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;
    const code = await runSweep({ plan: loadPlan(join(dir, 'sweep.json')), out: join(dir, 'out'), shard: null, jobs: 2, resume: false, progress: { stream: quiet } });
    expect(code).toBe(0);
    const rows = muStars(readFileSync(join(dir, 'out', 'sensitivity.csv'), 'utf8'), 'p2p', 'diff', 'valuePerTick');
    expect(rows.map((r) => r.parameter).sort()).toEqual(Object.keys(full.design.ranges).sort());
    for (const r of rows) {
      expect(r.muStar).toBeGreaterThanOrEqual(0);
      expect(r.lo).toBeLessThanOrEqual(r.muStar + 1e-12);
      expect(r.hi).toBeGreaterThanOrEqual(r.muStar - 1e-12);
    }
    const svg = sensitivityFigure(rows, 'test', 'μ*');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<rect x=/g)?.length).toBe(6);
    expect(svg.match(/<line x1=/g)?.length ?? 0).toBeGreaterThanOrEqual(6);
  }, 120_000);
});
