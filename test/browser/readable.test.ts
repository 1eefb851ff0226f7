// A page a class can read from the back row (VIZ.md, issue 17 item 1): at 1366 × 768
// and 1920 × 1080, light and dark, no text on screen under 16 px — HTML, the charts'
// SVG (its scaling included) and the words the network canvas draws with Pixi (the
// page's canvasText hook); in presentation mode the numbers that matter are 28 px or
// more, and the network views, the focus chart and its type are larger, not smaller.
// Screenshots go to test-results/ (looked at for the report).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM, MEASURE_TEXT, buildOnce, launch, ready, serve } from './harness.ts';
import type {} from '../../viz/page-api.ts';

const root = join(import.meta.dirname, '..', '..');
const shots = join(root, 'test-results');
const missing = existsSync(CHROMIUM) ? null : `no ${CHROMIUM}: install it with apt-get install -y chromium`;
if (missing && process.env.CI === 'true') throw new Error(`browser tests: ${missing}`);

type Measured = { text: string; px: number; where: string };
const smallest = (m: Measured[]) => m.reduce((a, b) => (b.px < a.px ? b : a));

describe.skipIf(missing !== null)('type a class can read', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Awaited<ReturnType<typeof launch>>;
  let page: Page;

  beforeAll(async () => {
    await buildOnce(root);
    mkdirSync(shots, { recursive: true });
    server = await serve(join(root, 'dist'));
    browser = await launch({ width: 1366, height: 768 });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    // The classroom as the leader leaves at tick 150 (words on the canvas and the panels), two charts in the focus.
    await page.goto(`${server.url}#scenario=classroom&t=149&model=2`);
    await ready(page);
    await page.evaluate(() => window.equipotent.step(1));
    await page.click('.strip .chart[data-metric="resolved"]');
    await page.evaluate(() => window.equipotent.focusOn(['backlog', 'resolved']));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [w, h] of [[1366, 768], [1920, 1080]] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`at ${w} × ${h}, ${theme}: no text under 16 px, the canvas's words included`, async () => {
        await page.setViewportSize({ width: w, height: h });
        if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) await page.keyboard.press('t');
        await page.waitForTimeout(400);
        const texts = (await page.evaluate(MEASURE_TEXT)) as Measured[];
        expect(texts.length).toBeGreaterThan(60);
        // The kinds of text the issue found too small are all measured here.
        expect(texts.some((t) => t.where === 'network canvas (Pixi)' && /leader leaves/.test(t.text))).toBe(true);
        expect(texts.filter((t) => /axis|tick|marker/.test(t.where) || /^\d+$/.test(t.text)).length).toBeGreaterThan(10);
        const small = texts.filter((t) => t.px < 16 - 0.01);
        expect(small, `smallest: ${JSON.stringify(smallest(texts))}`).toEqual([]);
        // The focus chart is half the screen's width or more, as tall as the views beside it.
        const focus = await page.evaluate(() => document.querySelector('.focus-chart')!.getBoundingClientRect().toJSON());
        expect(focus.width).toBeGreaterThanOrEqual(0.35 * w);
        await page.screenshot({ path: join(shots, `readable-${w}-${theme}.png`) });
      });
    }
  }

  it('presentation mode: key numbers ≥ 28 px, every text ≥ 16 px, and the views, the focus chart and its type grow', async () => {
    const sizes = () => page.evaluate(() => {
      const px = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)].filter((e) => e.checkVisibility()).map((e) => parseFloat(getComputedStyle(e).fontSize));
      const axis = [...document.querySelectorAll<SVGTextElement>('.focus-chart .axis text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * Math.hypot(t.getScreenCTM()!.a, t.getScreenCTM()!.b));
      const r = document.querySelector('.focus-chart')!.getBoundingClientRect();
      return { numbers: [...px('.stat .big'), ...px('.toolbar .tick')], axis: Math.min(...axis), scales: window.equipotent.scales, focus: r.width * r.height };
    });
    for (const [w, h] of [[1366, 768], [1920, 1080]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300);
      const normal = await sizes();
      await page.keyboard.press('p');
      await page.waitForTimeout(500);
      const presenting = await sizes();
      const texts = (await page.evaluate(MEASURE_TEXT)) as Measured[];
      await page.screenshot({ path: join(shots, `presenting-${w}.png`) });
      await page.keyboard.press('p');
      expect(Math.min(...presenting.numbers), `${w}: key numbers`).toBeGreaterThanOrEqual(28);
      expect(texts.filter((t) => t.px < 16 - 0.01), `${w}: smallest ${JSON.stringify(smallest(texts))}`).toEqual([]);
      expect(presenting.axis, `${w}: chart type`).toBeGreaterThan(normal.axis);
      expect(Math.min(...presenting.scales), `${w}: network views ${presenting.scales} vs ${normal.scales}`).toBeGreaterThan(Math.min(...normal.scales));
      expect(presenting.focus, `${w}: focus chart area`).toBeGreaterThan(normal.focus);
    }
  });
});
