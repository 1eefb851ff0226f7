// The paths from a sweep into analysis tools (issue 18, item 5): the Parquet
// tables read back with hyparquet equal the CSV tables cell for cell; the
// DuckDB query of docs/research.md runs (through @duckdb/node-api, its binary
// inside the npm package) on the Parquet files; and the pandas snippet of
// docs/research.md runs on the CSV files with Debian's python3-pandas. A small
// hydra sweep (2 sizes × 3 seeds, 120 ticks) stands in for the docs' results.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSweep } from '../../cli/sweep.ts';
import { loadPlan } from '../../cli/sweep/plan.ts';
import { parseCsvLine } from '../../cli/sweep/table-writer.ts';

const root = resolve(import.meta.dirname, '../..');
const docs = readFileSync(join(root, 'docs/research.md'), 'utf8');
let dir: string;
let results: string;

/** The first fenced block of `lang` after the heading `heading` in docs/research.md. */
function snippet(heading: string, lang: string): string {
  const at = docs.indexOf(`\n${heading}\n`);
  if (at < 0) throw new Error(`docs/research.md has no heading "${heading}"`);
  const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(docs.slice(at));
  if (!m) throw new Error(`no ${lang} block under "${heading}"`);
  return m[1]!;
}

/** Debian's python3 with pandas (the first python3 on PATH may be another), or null. */
function pythonWithPandas(): string | null {
  for (const py of ['/usr/bin/python3', 'python3']) {
    if (spawnSync(py, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0) return py;
  }
  return null;
}
const python = pythonWithPandas();
const ci = process.env.CI === 'true';

const csvTable = (text: string) => text.trimEnd().split('\n').map(parseCsvLine);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'eq-analysis-'));
  results = join(dir, 'results/hydra-size');
  writeFileSync(join(dir, 'hydra-small.json'), JSON.stringify({ scenario: 'hydra', grid: { 'organization.size': [100, 200] }, seeds: 3, ticks: 120, every: 20, formats: ['csv', 'parquet'] }));
  const parts: string[] = [];
  const code = await runSweep({ plan: loadPlan(join(dir, 'hydra-small.json')), out: results, shard: null, jobs: 2, resume: false, progress: { stream: { write: (s: string) => (parts.push(s), true), isTTY: false } as unknown as NodeJS.WriteStream } });
  expect(code, parts.join('')).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sweep outputs in analysis tools', () => {
  it('runs, summary and series as Parquet (read back with hyparquet) equal the CSV tables cell for cell, with typed columns', async () => {
    for (const table of ['runs', 'summary', 'series']) {
      const rows = csvTable(readFileSync(join(results, `${table}.csv`), 'utf8'));
      const header = rows[0]!;
      const objects = await parquetReadObjects({ file: await asyncBufferFromFile(join(results, `${table}.parquet`)) });
      expect(objects.length, table).toBe(rows.length - 1);
      expect(Object.keys(objects[0]!), table).toEqual(header);
      objects.forEach((o, i) => {
        header.forEach((name, j) => {
          const cell = rows[i + 1]![j]!;
          const v = o[name];
          if (cell === '') expect(v, `${table} ${name}`).toBeNull();
          else if (typeof v === 'string') expect(v).toBe(cell);
          else expect(Number(v), `${table} row ${i} ${name}`).toBe(Number(cell));
        });
      });
    }
    const runs = await parquetReadObjects({ file: await asyncBufferFromFile(join(results, 'runs.parquet')) });
    expect(typeof runs[0]!['seed']).toBe('bigint');
    expect(typeof runs[0]!['organization.size']).toBe('number');
    expect(typeof runs[0]!['variant']).toBe('string');
  });

  it('the DuckDB query of docs/research.md runs on runs.parquet and agrees with runs.csv', async () => {
    const sql = snippet('## In DuckDB', 'sql').replaceAll('results/hydra-size', results);
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const got = (await con.runAndReadAll(sql)).getRowObjectsJS();
    const rows = csvTable(readFileSync(join(results, 'runs.csv'), 'utf8'));
    const h = rows[0]!;
    const expected = [100, 200].flatMap((size) => ['by exception', 'peers', 'strict command'].map((variant) => {
      const mine = rows.slice(1).filter((r) => r[h.indexOf('organization.size')] === String(size) && r[h.indexOf('variant')] === variant);
      const rates = mine.map((r) => Number(r[h.indexOf('resolvedRate')]));
      return { size, variant, n: 3, ticks: 120, resolved: rates.reduce((a, b) => a + b, 0) / rates.length };
    }));
    expect(got.length).toBe(6);
    got.forEach((g, i) => {
      const e = expected[i]!;
      expect([Number(g['size']), g['variant'], Number(g['n']), Number(g['ticks'])]).toEqual([e.size, e.variant, e.n, e.ticks]);
      expect(Number(g['resolved'])).toBeCloseTo(e.resolved, 12);
    });
    con.closeSync();
  });

  it.skipIf(python === null && !ci)('the pandas snippet of docs/research.md runs on the CSV files (python3-pandas)', () => {
    if (python === null) throw new Error('CI=true, but no python3 with pandas; .ci/run installs python3-pandas');
    const code = snippet('## In pandas', 'python');
    const r = spawnSync(python, ['-c', code], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/strict command/);
    expect(r.stdout).toMatch(/diffMean/);
  });
});
