// The page in headless Debian Chromium (playwright-core, TOOLCHAIN.md): it loads
// without console errors, draws, plays, answers live shocks in lockstep, shares
// and replays runs to the same state hash, scrubs deterministically, and the
// one-file build plays from a file:// URL. Screenshots go to test-results/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, buildOnce, launch, ready, serve } from './harness.ts';
import type {} from '../../viz/page-api.ts'; // window.equipotent's type

const root = join(import.meta.dirname, '..', '..');
const shots = join(root, 'test-results');
const missing = existsSync(CHROMIUM) ? null : `no ${CHROMIUM}: install it with apt-get install -y chromium`;
// Under CI a missing browser is a failure, not a skip.
if (missing && process.env.CI === 'true') throw new Error(`browser tests: ${missing}`);
if (missing) console.warn(`browser tests skipped: ${missing}`);


describe.skipIf(missing !== null)('the page in Chromium', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Awaited<ReturnType<typeof launch>>;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    // Built once for every browser test file (npm test runs it on a fresh clone).
    await buildOnce(root);
    mkdirSync(shots, { recursive: true });
    server = await serve(join(root, 'dist'));
    browser = await launch({ width: 1920, height: 1080 });
    context = browser.context;
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    // The classroom under model 1's rules: this suite checks the page against v1's behaviour
    // (the hierarchy stalls when its head leaves); model 2 is the model issues' to check.
    await page.goto(`${server.url}#scenario=classroom&set=${encodeURIComponent(JSON.stringify({ model: 1 }))}`);
    await ready(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the classroom scenario side by side without console errors', async () => {
    expect(await page.evaluate(() => window.equipotent.labels)).toEqual(['hierarchy', 'p2p', 'steward']);
    expect(consoleErrors).toEqual([]);
    await page.screenshot({ path: join(shots, 'page-1920-start.png') });
  });

  it('draws the network views (the canvas is not blank)', async () => {
    const ink = await page.evaluate(() => window.equipotent.inkShare());
    expect(ink).toBeGreaterThan(0.03);
  });

  it('on a software rasterizer the views are shown through the 2D mirror (no wait for the rasterizer at commit), the same picture WebGL drew', async () => {
    const m = await page.evaluate(() => window.equipotent.shownMatch());
    // Headless Chromium draws WebGL with SwiftShader: the mirror is the path taken here.
    expect(m.mirrored).toBe(true);
    expect(m.differ).toBeLessThan(0.005);
  });

  it('play advances the tick', async () => {
    const t0 = await page.evaluate(() => window.equipotent.tick);
    await page.evaluate(() => window.equipotent.play());
    await page.waitForFunction((t) => window.equipotent.tick >= t + 20, t0, { timeout: 60_000 });
    await page.evaluate(() => window.equipotent.pause());
    await page.evaluate(() => window.equipotent.idle());
    expect(await page.evaluate(() => window.equipotent.tick)).toBeGreaterThan(t0);
    await page.screenshot({ path: join(shots, 'page-1920-playing.png') });
  });

  it('the dark theme (key t) turns the page and the charts’ text dark-on-light into light-on-dark, keeps the canvas drawn, and is remembered', async () => {
    const colours = () => page.evaluate(() => ({
      bg: getComputedStyle(document.documentElement).backgroundColor,
      axis: getComputedStyle(document.querySelector('.chart .axis text')!).fill,
      theme: document.documentElement.dataset.theme,
      // WCAG contrast of each variant's name against the page (VIZ.md: text ≥ 4.5:1).
      names: [...document.querySelectorAll('#names > div')].map((d) => {
        const lum = (css: string) => {
          const [r, g, b] = css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((x) => Number(x) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const [hi, lo] = [lum(getComputedStyle(d).color), lum(getComputedStyle(document.documentElement).backgroundColor)].sort((a, b) => b - a);
        return (hi! + 0.05) / (lo! + 0.05);
      }),
    }));
    const light = await colours();
    expect(light.theme).toBe('light');
    await page.keyboard.press('t');
    await page.waitForTimeout(300);
    const dark = await colours();
    expect(dark.theme).toBe('dark');
    expect(dark.bg).not.toBe(light.bg);
    expect(dark.axis).not.toBe(light.axis);
    expect(light.names.length).toBeGreaterThan(1);
    for (const c of [...light.names, ...dark.names]) expect(c).toBeGreaterThanOrEqual(4.5);
    expect(await page.evaluate(() => window.equipotent.inkShare())).toBeGreaterThan(0.03);
    expect(await page.evaluate(() => localStorage.getItem('equipotent-theme'))).toBe('dark');
    await page.screenshot({ path: join(shots, 'page-1920-dark.png') });
    await page.click('#theme');
    await page.waitForTimeout(200);
    expect((await colours()).bg).toBe(light.bg);
    expect(consoleErrors).toEqual([]);
  });

  it('"remove the leader" makes the hierarchy’s backlog rise while the peers’ does not', async () => {
    await page.evaluate(() => window.equipotent.seek(60));
    await page.evaluate(() => window.equipotent.shock('leader'));
    await page.evaluate(() => window.equipotent.step(40));
    const s = await page.evaluate(() => window.equipotent.series());
    const mean = (a: number[], from: number, to: number) => a.slice(from, to).reduce((x, y) => x + y, 0) / (to - from);
    const before = (i: number) => mean(s[i]!.values['backlog']!, 45, 60);
    const after = (i: number) => mean(s[i]!.values['backlog']!, 85, 100);
    expect(after(0) - before(0)).toBeGreaterThan(5);
    expect(after(1) - before(1)).toBeLessThan(after(0) - before(0) - 5);
    await page.screenshot({ path: join(shots, 'page-1920-leader-removed.png') });
  });

  it('the shared URL replays to the same state hash at the same tick in a fresh context', async () => {
    await page.evaluate(() => window.equipotent.shock('rumour'));
    await page.evaluate(() => window.equipotent.step(15));
    const url = await page.evaluate(() => window.equipotent.shareUrl());
    const here = await page.evaluate(() => ({ tick: window.equipotent.tick, hashes: window.equipotent.hashes }));
    const other = await launch({ width: 1366, height: 768 });
    try {
      const p2 = other.context.pages()[0] ?? (await other.context.newPage());
      await p2.goto(url);
      await ready(p2);
      const there = await p2.evaluate(() => ({ tick: window.equipotent.tick, hashes: window.equipotent.hashes }));
      expect(there).toEqual(here);
      await p2.screenshot({ path: join(shots, 'page-1366-shared.png') });
    } finally {
      await other.close();
    }
  });

  it('the exported replay bundle gives the same hash under `equipotent run --replay`', async () => {
    const bundle = await page.evaluate(() => window.equipotent.bundle(0));
    const hash = await page.evaluate(() => window.equipotent.hashes[0]);
    const file = join(shots, 'hierarchy.replay.json');
    writeFileSync(file, JSON.stringify(bundle));
    const out = execFileSync(process.execPath, [join(root, 'bin', 'equipotent.mjs'), 'run', '--replay', file, '--json'], { cwd: root, encoding: 'utf8' });
    expect(out).toContain(hash);
  });

  it('scrubbing back and playing forward again gives the same hash', async () => {
    const here = await page.evaluate(() => ({ tick: window.equipotent.tick, hashes: window.equipotent.hashes }));
    await page.evaluate(() => window.equipotent.seek(37));
    expect(await page.evaluate(() => window.equipotent.tick)).toBe(37);
    await page.evaluate((t) => window.equipotent.seek(t), here.tick);
    expect(await page.evaluate(() => window.equipotent.hashes)).toEqual(here.hashes);
  });

  it('presentation mode keeps play, shocks and charts (screenshot at 1366 × 768)', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.keyboard.press('p');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, 'page-1366-presenting.png') });
    expect(await page.isVisible('#play')).toBe(true);
    expect(await page.isVisible('#shock-buttons button')).toBe(true);
    expect(await page.isVisible('#drawer-toggle')).toBe(false);
    // The notice is read from the back of the room: its text fits its panel (smaller type, no scrollbar).
    const notice = await page.evaluate(() => {
      const box = document.querySelector<HTMLElement>('.notice')!;
      return { overflow: box.scrollHeight - box.clientHeight, font: parseFloat(getComputedStyle(document.getElementById('notice')!).fontSize) };
    });
    expect(notice.overflow).toBeLessThanOrEqual(1);
    expect(notice.font).toBeGreaterThanOrEqual(16);
    await page.keyboard.press('p');
    await page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('the main view fits 1366 × 768 without scrolling (toolbar on one line, a row of small charts, the next page a click away)', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.waitForTimeout(300);
    const fit = await page.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      toolbar: document.querySelector('.toolbar')!.getBoundingClientRect().height,
      chartsBottom: document.getElementById('charts')!.getBoundingClientRect().bottom,
      shown: window.equipotent.shownCharts,
      // The rightmost visible control of the toolbar (none may be cut off at the edge).
      toolbarRight: Math.max(...[...document.querySelectorAll('.toolbar > *')].filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getBoundingClientRect().right)),
    }));
    expect(fit.toolbarRight).toBeLessThanOrEqual(1366);
    expect(fit.scroll).toBeLessThanOrEqual(768);
    expect(fit.toolbar).toBeLessThan(60);
    expect(fit.chartsBottom).toBeLessThanOrEqual(768);
    expect(fit.shown.slice(0, 4)).toEqual(['backlog', 'resolved', 'latency', 'messages']);
    expect(fit.shown.length).toBeGreaterThanOrEqual(3);
    await page.click('#charts-page');
    const next = await page.evaluate(() => window.equipotent.shownCharts);
    expect(next.length).toBeGreaterThan(0);
    expect(next.some((m) => fit.shown.includes(m))).toBe(false);
    while ((await page.evaluate(() => window.equipotent.shownCharts))[0] !== 'backlog') await page.click('#charts-page');
    await page.screenshot({ path: join(shots, 'page-1366-main.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('lesson mode steps through the classroom lesson: runs to each step, pauses, applies its shock as a live shock, puts the watched charts in the focus', async () => {
    await page.selectOption('#speed', '64');
    await page.click('#lesson-toggle');
    await page.evaluate(() => window.equipotent.idle());
    let l = await page.evaluate(() => window.equipotent.lesson);
    expect(l.step).toBe(0);
    expect(l.total).toBe(5);
    expect(l.text).toMatch(/press play/i);
    expect(l.watched).toEqual(['backlog']);
    expect(l.focus).toEqual(['backlog']);
    expect(await page.evaluate(() => window.equipotent.tick)).toBe(0);
    // Step 1 says "press play": playing stops at the next step's tick and shows it (it used to run on to 500).
    await page.click('#play');
    await page.waitForFunction(() => !window.equipotent.playing && window.equipotent.lesson.step === 1, null, { timeout: 90_000 });
    await page.evaluate(() => window.equipotent.idle());
    expect(await page.evaluate(() => window.equipotent.tick)).toBe(150);
    expect((await page.evaluate(() => window.equipotent.lesson)).focus).toEqual(['backlog', 'resolved']);
    // "back" returns to the first step at its tick; "next" runs to 150 again.
    await page.click('#lesson-prev');
    await page.evaluate(() => window.equipotent.idle());
    expect(await page.evaluate(() => [window.equipotent.lesson.step, window.equipotent.tick])).toEqual([0, 0]);
    const at = [150, 250, 350, 420];
    for (let k = 1; k <= 4; k++) {
      await page.click('#lesson-next');
      await page.waitForFunction((s) => window.equipotent.lesson.step === s && !window.equipotent.lesson.running && !window.equipotent.playing, k, { timeout: 90_000 });
      await page.evaluate(() => window.equipotent.idle());
      l = await page.evaluate(() => window.equipotent.lesson);
      expect(await page.evaluate(() => window.equipotent.tick)).toBe(at[k - 1]);
      expect(l.text).toContain(`Tick ${at[k - 1]}`);
      if (k === 1) {
        expect(l.watched).toEqual(['backlog', 'resolved']);
        // Common random numbers: the stewards match the peers until the rumour, and the page says so.
        expect((await page.evaluate(() => window.equipotent.sameNotes))[2]).toMatch(/same as p2p so far/);
        await page.screenshot({ path: join(shots, 'page-1920-lesson.png') });
      }
      if (k === 2) expect(l.watched).toEqual(['misinformed']);
      if (k === 3) expect((await page.evaluate(() => window.equipotent.sameNotes))[2]).toBe('');
    }
    // The last step's surge went through the live-shock path: it is in the shared URL at tick 420.
    const url = await page.evaluate(() => window.equipotent.shareUrl());
    expect(decodeURIComponent(url)).toMatch(/surge/);
    await page.evaluate(() => window.equipotent.step(2));
    const s = await page.evaluate(() => window.equipotent.series());
    expect(s[0]!.values['backlog']![421]! - s[0]!.values['backlog']![419]!).toBeGreaterThanOrEqual(15);
    await page.click('#lesson-next');
    expect((await page.evaluate(() => window.equipotent.lesson)).step).toBe(-1);
    await page.selectOption('#speed', '8');
  }, 240_000);

  it('dist/equipotent.html plays when opened from a file:// URL', async () => {
    const p3 = await context.newPage();
    const errors: string[] = [];
    p3.on('pageerror', (e) => errors.push(e.message));
    await p3.goto(pathToFileURL(join(root, 'dist', 'equipotent.html')).href);
    await ready(p3);
    await p3.evaluate(() => window.equipotent.step(5));
    expect(await p3.evaluate(() => window.equipotent.tick)).toBe(5);
    expect(await p3.evaluate(() => window.equipotent.inkShare())).toBeGreaterThan(0.03);
    // A file:// page is a secure context: the video encoder is there (and the layout worker ran).
    expect(await p3.evaluate(() => isSecureContext && typeof VideoEncoder === 'function')).toBe(true);
    expect(errors).toEqual([]);
    await p3.close();
  });

  it('?mirror=off shows the WebGL canvas itself, as on a GPU: drawn, and what is shown is what WebGL drew', async () => {
    const p = await context.newPage();
    await p.goto(`${server.url}?mirror=off#model=2&scenario=classroom&set=${encodeURIComponent(JSON.stringify({ 'organization.size': 200 }))}`);
    await ready(p);
    await p.evaluate(() => window.equipotent.step(5));
    const m = await p.evaluate(() => window.equipotent.shownMatch());
    expect(m).toEqual({ mirrored: false, differ: 0 });
    expect(await p.evaluate(() => window.equipotent.inkShare())).toBeGreaterThan(0.01);
    const f = await p.evaluate(() => window.equipotent.viewFrames);
    expect(f.shown).toBe(f.drawn);
    await p.close();
  });

  it('spreads with the WebAssembly kernel by default, and ?wasm=off (the loops in TypeScript) gives the same hashes, in the site and the one-file build', async () => {
    const run = async (url: string) => {
      const p = await context.newPage();
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(e.message));
      await p.goto(url);
      await ready(p);
      await p.evaluate(() => window.equipotent.step(15));
      const out = await p.evaluate(() => ({ labels: window.equipotent.labels, wasm: window.equipotent.wasm, hashes: window.equipotent.hashes }));
      expect(errors).toEqual([]);
      await p.close();
      return out;
    };
    const file = pathToFileURL(join(root, 'dist', 'equipotent.html')).href;
    const small = `#model=2&scenario=spreading&set=${encodeURIComponent(JSON.stringify({ 'organization.size': 300 }))}`;
    const on = await run(`${server.url}${small}`);
    const off = await run(`${server.url}?wasm=off${small}`);
    const single = await run(`${file}${small}`);
    expect(on.labels).toEqual(['push', 'pull', 'push-pull', 'flood']);
    expect(on.wasm).toEqual([true, true, true, true]);
    expect(off.wasm).toEqual([false, false, false, false]);
    expect(single.wasm).toEqual([true, true, true, true]);
    expect(off.hashes).toEqual(on.hashes);
    expect(single.hashes).toEqual(on.hashes);
  });
});
