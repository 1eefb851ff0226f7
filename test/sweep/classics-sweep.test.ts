// Each classic runs in a sweep (issue 16): sweeps/march-socialization.json, March's
// central comparison (slow against fast socialization at three rates of code
// learning), run as shipped but with 5 seeds; and one small grid per other classic
// and bridge scenario, whose model metrics must reach runs.csv.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSweep } from '../../cli/sweep.ts';
import { loadPlan } from '../../cli/sweep/plan.ts';

const root = resolve(import.meta.dirname, '../..');
let dir: string;
const quiet = { stream: { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream };
const rows = (text: string) => text.trimEnd().split('\n').map((l) => l.split(','));

async function sweep(name: string, spec: Record<string, unknown>): Promise<{ runs: string[][]; summary: string[][] }> {
  const file = join(dir, `${name}.json`), out = join(dir, name);
  writeFileSync(file, JSON.stringify(spec));
  expect(await runSweep({ plan: loadPlan(file), out, shard: null, jobs: 2, resume: false, progress: quiet })).toBe(0);
  return { runs: rows(readFileSync(join(out, 'runs.csv'), 'utf8')), summary: rows(readFileSync(join(out, 'summary.csv'), 'utf8')) };
}

beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'eq-classics-sweep-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the classics in sweeps', () => {
  it('March: slow socialization ends with a better code than fast at p2 = 0.5 and 0.9 (the shipped sweep, 5 seeds)', async () => {
    const shipped = JSON.parse(readFileSync(join(root, 'sweeps', 'march-socialization.json'), 'utf8'));
    const { summary } = await sweep('march', { ...shipped, scenario: join(root, 'scenarios', 'march.json'), seeds: 5 });
    const h = summary[0]!;
    const at = (p2: string, variant: string) => summary.find((r) => r[h.indexOf('march.p2')] === p2 && r[h.indexOf('variant')] === variant && r[h.indexOf('metric')] === 'codeKnowledgeFinal')!;
    for (const p2 of ['0.5', '0.9']) expect(Number(at(p2, 'fast socialization')[h.indexOf('diffCi95High')])).toBeLessThan(0);
    expect(summary.filter((r) => r[h.indexOf('metric')] === 'codeKnowledgeFinal')).toHaveLength(12);
  });

  it.each([
    ['lazer-friedman', { 'nk-search.K': [3, 5] }, 'meanScoreFinal'],
    ['garbage-can', { 'garbage-can.load': ['light', 'heavy'] }, 'problemsUnsolved'],
    ['radner', { 'radner.items': [32, 64] }, 'delay'],
    ['radner-organization', { 'radner.span': [2, 3] }, 'delay'],
    ['march-organization', { 'march.p1': [0.3, 0.7] }, 'meanKnowledgeFinal'],
    ['garbage-can-organization', { 'garbage-can.chartSpan': [2, 4] }, 'resolutions'],
  ] as const)('%s runs in a sweep: its metric in runs.csv for every run', async (name, grid, metric) => {
    const { runs } = await sweep(name, { scenario: join(root, 'scenarios', `${name}.json`), grid, seeds: 2, baseSeed: 1 });
    const h = runs[0]!;
    expect(h).toContain(metric);
    const body = runs.slice(1);
    expect(body.length).toBeGreaterThanOrEqual(4);
    for (const r of body) expect(r[h.indexOf(metric)]).not.toBe('');
  });
});
