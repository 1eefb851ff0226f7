// A build of the page with a module of the user's own (issue 12, item 5):
// `node viz/build.mjs --module examples/modules/market.mjs` (what `npm run build --
// --module F` runs) bakes the internal market in; the page then runs the market
// scenario's three variants to the state hashes Node computes with the same file,
// charts the market's metrics with their declared words, and its share link records
// the module by name and sha256. A link naming a module the build lacks gets a
// message naming it, and nothing a link or a scenario names is ever fetched as code.
// One site-only build and one page load, shared by the tests (CI's browser budget).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM, launch, serve } from './harness.ts';
import { createSimulation } from '../../engine/simulation.ts';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import { registryOf } from '../../engine/modules/user-modules.ts';
import { sha256Of } from '../../workers/module-files.ts';
import marketScenario from '../../examples/modules/market.json' with { type: 'json' };
import type { ModuleFactory } from '../../engine/modules/api.ts';
import type {} from '../../viz/page-api.ts'; // window.equipotent's type

const root = join(import.meta.dirname, '..', '..');
const MARKET_FILE = join(root, 'examples', 'modules', 'market.mjs');
const marketPath = '../../examples/modules/market.mjs'; // a path in a variable: the module has no types, and needs none
const market = ((await import(marketPath)) as { default: ModuleFactory }).default;
const techPath = '../../examples/modules/new-technology.mjs';
const newTechnology = ((await import(techPath)) as { default: ModuleFactory }).default;
const missing = existsSync(CHROMIUM) ? null : `no ${CHROMIUM}: install it with apt-get install -y chromium`;
if (missing && process.env.CI === 'true') throw new Error(`browser tests: ${missing}`);

/** The scenario as the page gets it from a link (of model 2: a link without "model" means model 1), naming its module files (never loaded by the page). */
const input = { ...marketScenario, ticks: 40 };
const linkTo = (url: string, extra = '') => `${url}#scenario=market&model=2&input=${encodeURIComponent(JSON.stringify(input))}${extra}`;

describe.skipIf(missing !== null)('a page built with --module examples/modules/market.mjs', () => {
  let out: string;
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Awaited<ReturnType<typeof launch>>;
  let page: Page;
  const errors: string[] = [];
  const requested: string[] = [];

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'eq-modules-page-'));
    const said = execFileSync(process.execPath, [join(root, 'viz', 'build.mjs'), '--module', 'examples/modules/market.mjs', '--module', 'examples/modules/new-technology.mjs', '--out', out, '--site-only'], { cwd: root, encoding: 'utf8', env: { ...process.env, INIT_CWD: root } });
    expect(said).toMatch(/with the modules market \(market\.mjs/);
    server = await serve(out);
    browser = await launch({ width: 1600, height: 900 });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(linkTo(server.url));
    await page.waitForFunction(() => window.equipotent?.ready === true, null, { timeout: 60_000 });
    await page.evaluate(() => window.equipotent.idle());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('runs the market scenario to the state hashes of Node with the same module, and charts its metrics', async () => {
    expect(await page.evaluate(() => window.equipotent.errors)).toEqual([]);
    expect(await page.evaluate(() => window.equipotent.labels)).toEqual(['market', 'peers', 'command']);
    await page.evaluate(() => window.equipotent.step(30));
    const modules = [market];
    const expected = expandVariants(input, [], registryOf(modules)).map((v) => {
      if (!v.ok) throw new Error(v.errors.join('; '));
      const sim = createSimulation(v.scenario, v.scenario.seed, { modules });
      sim.step(30);
      return sim.hash();
    });
    expect(await page.evaluate(() => window.equipotent.hashes)).toEqual(expected);
    const [marketSide] = await page.evaluate(() => window.equipotent.series());
    expect(marketSide!.values.marketSoldCum!.at(-1)).toBeGreaterThan(0); // the market sold situations in the page
    // The students' panel lists the module's keys like the built-ins'.
    expect(await page.evaluate(() => window.equipotent.parameters)).toEqual(expect.arrayContaining(['protocol.marketReserve', 'protocol.marketReach']));
    expect(await page.evaluate(() => window.equipotent.charts)).toEqual(expect.arrayContaining(['marketWaiting', 'marketSoldCum']));
    // Drawn under the words the module declares (the chart's title; its tooltip names the metric).
    const titles = await page.evaluate(() => [...document.querySelectorAll('.chart .chart-title')].map((e) => [e.getAttribute('title')?.split(' — ')[0]?.replace('metric: ', '') ?? '', e.textContent ?? ''] as const));
    const titled = new Map(titles);
    expect(titled.get('marketWaiting')).toBe('Situations waiting for a bid');
    expect(titled.get('marketSoldCum')).toBe('Situations sold so far');
    expect(errors).toEqual([]);
  }, 120_000);

  it('a shock kind of the user\'s own gets a live-shock button with its declared label; pressing it gives Node\'s hashes', async () => {
    const button = await page.evaluate(() => { const b = document.querySelector<HTMLButtonElement>('[data-shock="module:new-technology"]'); return b && { text: b.textContent, disabled: b.disabled, title: b.title }; });
    expect(button).toMatchObject({ disabled: false });
    expect(button!.text).toMatch(/^new technology/);
    expect(button!.title).toMatch(/your module "new-technology", with domain 0, share 0.5, keep 0.3/);
    expect(await page.evaluate(() => window.equipotent.tick)).toBe(30);
    await page.evaluate(() => window.equipotent.shock('module:new-technology'));
    await page.evaluate(() => window.equipotent.step(5));
    const modules = [market, newTechnology];
    const expected = expandVariants(input, [], registryOf(modules)).map((v) => {
      if (!v.ok) throw new Error(v.errors.join('; '));
      const sim = createSimulation(v.scenario, v.scenario.seed, { modules });
      sim.step(30);
      sim.shock({ kind: 'new-technology', domain: 0, share: 0.5, keep: 0.3 } as never);
      sim.step(5);
      return sim.hash();
    });
    expect(await page.evaluate(() => ({ errors: window.equipotent.errors, hashes: window.equipotent.hashes }))).toEqual({ errors: [], hashes: expected });
    // The charts mark it with its label.
    expect(await page.evaluate(() => document.querySelector('.chart')?.textContent ?? '')).toMatch(/new technology/);
  }, 60_000);

  it('its share link records the module by name and sha256', async () => {
    const url = await page.evaluate(() => window.equipotent.shareUrl());
    const modules = new URLSearchParams(url.slice(url.indexOf('#') + 1)).get('modules');
    expect(JSON.parse(modules!)).toEqual({ market: sha256Of(readFileSync(MARKET_FILE)), 'new-technology': sha256Of(readFileSync(join(root, 'examples', 'modules', 'new-technology.mjs'))) });
  });

  it('a link naming a module the build lacks gets a message naming it, and no code is fetched', async () => {
    const ghost = { ghost: 'f'.repeat(64) };
    const other = { ...input, modules: ['./ghost.mjs'], protocol: { kind: 'ghost' } };
    // A fresh page from the link, as someone who was sent it opens it.
    const fresh = await browser.context.newPage();
    fresh.on('request', (r) => requested.push(r.url()));
    fresh.on('pageerror', (e) => errors.push(e.message));
    await fresh.goto(`${server.url}#scenario=ghost&model=2&input=${encodeURIComponent(JSON.stringify(other))}&modules=${encodeURIComponent(JSON.stringify(ghost))}`);
    await fresh.waitForFunction(() => window.equipotent?.ready === true, null, { timeout: 60_000 });
    await fresh.evaluate(() => window.equipotent.idle());
    const shown = (await fresh.evaluate(() => window.equipotent.errors)).join('\n');
    expect(shown).toMatch(/module "ghost" .*which this page does not have; a link never loads code/);
    expect(shown).toMatch(/module files \(\.\/ghost\.mjs\) this page was not built with/);
    expect(await fresh.locator('#errors').innerText()).toMatch(/ghost/); // seen, not only in the hooks
    // The classroom runs instead; the page asked its own server for nothing but its own files.
    expect(await fresh.evaluate(() => window.equipotent.labels)).not.toContain('ghost');
    expect(requested.filter((u) => /\.mjs|ghost|market/.test(u.replace(/#.*$/, '')))).toEqual([]);
    expect(errors).toEqual([]);
    await fresh.close();
  }, 60_000);
});
