// The map of where each way of working wins (issue 15 item 4): its sweep file is a
// valid sweep over the space MODEL.md §10 names, and its script turns a summary.csv
// (a small committed excerpt of the sweep's, not a re-run) into well-formed SVGs
// in which only the cells whose paired 95 % CI excludes 0 are coloured.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadPlan } from '../../cli/sweep/plan.ts';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import { createSimulation } from '../../engine/simulation.ts';
import { drawMaps } from '../../docs/claims/where-each-way-wins.ts';
import { GREY, fill, readCells } from '../../docs/claims/where-each-way-wins-figure.ts';

const root = resolve(import.meta.dirname, '../..');
const fixture = readFileSync(join(root, 'test/fixtures/where-each-way-wins-summary.csv'), 'utf8');

/** Whether `xml` is well-formed enough for any XML parser: balanced tags, quoted attributes, escaped & and <. */
function wellFormed(xml: string): string | null {
  const stack: string[] = [];
  let seenRoot = false;
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  for (const m of xml.matchAll(token)) {
    if (m[0] === '<') return `a bare "<" at ${m.index}`;
    if (m[0].startsWith('&')) return `an unescaped "&" at ${m.index}`;
    if (!m[2]) continue; // a comment or declaration
    if (stack.length === 0 && (m[1] || m[2] !== 'svg' || seenRoot)) return `<${m[1]}${m[2]}> outside the one <svg> root at ${m.index}`;
    if (m[1]) {
      if (stack.pop() !== m[2]) return `</${m[2]}> closes nothing open at ${m.index}`;
    } else if (!m[4]) stack.push(m[2]);
    seenRoot = true;
  }
  if (!seenRoot) return 'no <svg> root';
  return stack.length === 0 ? null : `unclosed <${stack.join('>, <')}>`;
}

describe('sweeps/where-each-way-wins.json', () => {
  const plan = loadPlan(join(root, 'sweeps/where-each-way-wins.json'));
  const grid = plan.sweep.grid as Record<string, unknown[]>;

  it('is a valid sweep of the classroom, without its shocks, with peers as the baseline and at least 20 seeds a cell', () => {
    expect(plan.sweep.scenario).toBe('../scenarios/classroom.json');
    expect(grid['shocks']).toEqual([[]]);
    expect(plan.variants).toEqual(['hierarchy', 'p2p', 'steward']);
    expect(plan.sweep.baseline).toBe('p2p');
    expect(plan.grid.seeds).toBeGreaterThanOrEqual(20);
  });

  it('crosses size 100, 400, 1,600 with a log-spaced load from 0.002 to 0.05 and a difficulty of fixed width centred 0.2 … 0.8', () => {
    expect(grid['organization.size']).toEqual([100, 400, 1600]);
    const rates = grid['environment.ratePerPerson'] as number[];
    expect(rates[0]).toBe(0.002);
    expect(rates[rates.length - 1]).toBe(0.05);
    const ratio = Math.pow(0.05 / 0.002, 1 / (rates.length - 1));
    for (let i = 1; i < rates.length; i++) expect(rates[i]! / rates[i - 1]!).toBeCloseTo(ratio, 1);
    const d = grid['environment.difficulty'] as { min: number; max: number }[];
    for (const x of d) expect(x.max - x.min).toBeCloseTo(d[0]!.max - d[0]!.min, 9);
    expect((d[0]!.min + d[0]!.max) / 2).toBeCloseTo(0.2, 9);
    expect((d[d.length - 1]!.min + d[d.length - 1]!.max) / 2).toBeCloseTo(0.8, 9);
  });
});

describe('the committed map (docs/figures/where-each-way-wins-*) is fresh', () => {
  // Run 960 of the sweep (100 people, 0.05 situations per person per tick, difficulty
  // 0.6–1, seed 1, 300 ticks), as its runs.csv recorded it. When the engine moves these
  // hashes the map is stale: rerun the sweep and the script (docs/claims.md says how).
  const RUN_960 = { hierarchy: '97b4f59294687d45', p2p: 'a0c604d6b283bcf4', steward: '64f1f0fa009064bf' };

  it('this engine ends run 960 of the sweep in the state hashes the map was made with', () => {
    const input = JSON.parse(readFileSync(join(root, 'scenarios/classroom.json'), 'utf8')) as Record<string, unknown>;
    const sets: [string, unknown][] = [['shocks', []], ['organization.size', 100], ['environment.ratePerPerson', 0.05], ['environment.difficulty', { min: 0.6, max: 1 }], ['ticks', 300], ['seed', 1]];
    const got: Record<string, string> = {};
    for (const v of expandVariants(input, sets)) {
      if (!v.ok) throw new Error(v.errors.join('; '));
      const sim = createSimulation(v.scenario, 1);
      sim.step(v.scenario.ticks);
      got[v.label] = sim.summary().hash;
    }
    expect(got, 'the map is stale: rerun sweeps/where-each-way-wins.json and docs/claims/where-each-way-wins.ts').toEqual(RUN_960);
  });
});

describe('docs/claims/where-each-way-wins.ts on a small summary', () => {
  it('draws one well-formed SVG per size, colouring exactly the cells whose CI excludes 0, and the data beside them', () => {
    const cells = readCells(fixture);
    const sizes = [...new Set(cells.map((c) => c.size))];
    const dir = mkdtempSync(join(tmpdir(), 'where-wins-'));
    try {
      drawMaps(fixture, dir);
      expect(readdirSync(dir).sort()).toEqual([...sizes.map((s) => `where-each-way-wins-${s}.svg`), 'where-each-way-wins.csv'].sort());
      for (const size of sizes) {
        const svg = readFileSync(join(dir, `where-each-way-wins-${size}.svg`), 'utf8');
        expect(wellFormed(svg)).toBeNull();
        expect(svg).toContain('hierarchy − peers');
        expect(svg).toContain('steward − peers');
        const mine = cells.filter((c) => c.size === size);
        // Each cell is a <rect> in a <g> with its tooltip; grey exactly where the CI holds 0.
        const fills = [...svg.matchAll(/<g><title>[^<]*<\/title><rect [^>]*fill="([^"]+)"/g)].map((m) => m[1]);
        expect(fills).toHaveLength(mine.length);
        expect(fills.filter((f) => f === GREY)).toHaveLength(mine.filter((c) => c.lo <= 0 && c.hi >= 0).length);
      }
      const data = readFileSync(join(dir, 'where-each-way-wins.csv'), 'utf8').trim().split('\n');
      expect(data).toHaveLength(cells.length + 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The fixture has both kinds of cells, so the check above can fail either way.
    expect(cells.some((c) => fill(c).fill === GREY)).toBe(true);
    expect(cells.some((c) => fill(c).fill !== GREY)).toBe(true);
  });

  it('refuses a summary whose baseline is not the peers, naming the fix', () => {
    expect(() => readCells(fixture, 'hierarchy')).toThrow(/set "baseline": "hierarchy"/);
  });
});
