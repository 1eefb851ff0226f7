// The `exchanges` scenario in the page (headless Debian Chromium, TOOLCHAIN.md):
// it loads by name from the URL without console errors, its three variants step
// to the state hashes the engine computes in Node, and its lesson's first step
// points at the busiest person's load. The page is built into a directory of this
// file's own (page.test.ts builds dist/; two builds into one folder would race).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { CHROMIUM, launch, serve } from './harness.ts';
import { createSimulation } from '../../engine/simulation.ts';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import exchanges from '../../scenarios/exchanges.json' with { type: 'json' };
import type {} from '../../viz/page-api.ts'; // window.equipotent's type

const root = join(import.meta.dirname, '..', '..');
const missing = existsSync(CHROMIUM) ? null : `no ${CHROMIUM}: install it with apt-get install -y chromium`;
if (missing && process.env.CI === 'true') throw new Error(`browser tests: ${missing}`);

describe.skipIf(missing !== null)('the exchanges scenario in the page', () => {
  let out: string;
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Awaited<ReturnType<typeof launch>>;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'eq-exchanges-page-'));
    await build({ root: join(root, 'viz'), configFile: false, base: './', logLevel: 'warn', build: { outDir: out, emptyOutDir: true, chunkSizeWarningLimit: 4000 }, worker: { format: 'es' } });
    server = await serve(out);
    browser = await launch({ width: 1600, height: 900 });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}#scenario=exchanges`);
    await page.waitForFunction(() => window.equipotent?.ready === true, null, { timeout: 60_000 });
    await page.evaluate(() => window.equipotent.idle());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('loads its three variants without console errors and steps them to the engine\'s state hashes', async () => {
    expect(await page.evaluate(() => window.equipotent.labels)).toEqual(['chart', 'local team ties', 'multiscale ties']);
    await page.evaluate(() => window.equipotent.step(25));
    const hashes = await page.evaluate(() => window.equipotent.hashes);
    const expected = expandVariants(exchanges).map((v) => {
      if (!v.ok) throw new Error(v.errors.join('; '));
      const sim = createSimulation(v.scenario, v.scenario.seed);
      sim.step(25);
      return sim.hash();
    });
    expect(hashes).toEqual(expected);
    const series = await page.evaluate(() => window.equipotent.series());
    for (const s of series) for (const name of ['maxLoad', 'exchanges', 'exchangesResolved']) expect(s.names, name).toContain(name);
    // Every chart a lesson step points at is drawn in the page.
    const watched = new Set(exchanges.lesson.flatMap((step) => step.watch));
    const charts = await page.evaluate(() => [...document.querySelectorAll('.chart .chart-title')].map((e) => (e.getAttribute('title') ?? '').replace(/^metric: /, '').split(' — ')[0]!));
    for (const w of watched) expect(charts, w).toContain(w);
    expect(errors).toEqual([]);
  }, 120_000);

  it('its lesson runs to its first step (tick 20), pauses there and points at the busiest person\'s load', async () => {
    await page.selectOption('#speed', '64');
    await page.click('#lesson-toggle');
    await page.waitForFunction(() => window.equipotent.lesson.step === 0 && !window.equipotent.lesson.running && !window.equipotent.playing, null, { timeout: 60_000 });
    await page.evaluate(() => window.equipotent.idle());
    const l = await page.evaluate(() => window.equipotent.lesson);
    expect(await page.evaluate(() => window.equipotent.tick)).toBe(20);
    expect(l.total).toBe(5);
    mkdirSync(join(root, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(root, 'test-results', 'exchanges-lesson.png') });
    expect([...l.watched].sort()).toEqual(['maxLoad', 'messages']);
    expect(errors).toEqual([]);
  }, 60_000);
});
