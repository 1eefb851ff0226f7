// What a teacher does with the page beyond playing it (issue 17 items 2–4, 6, 7): a
// shock is drawn the moment it is pressed, paused (leavers flash with words, the
// cut-off count on the panel); a lesson step rings the people it names; following a
// situation captions who told whom; bad links, seeds, files and refused live shocks
// are said, naming the field; 100,000 people get a warning and a drawing under the
// cap; the dashboard exports as one PNG and as a WebM whose frame k shows tick k
// (recorded at 640 × 360 and decoded back with mediabunny over WebCodecs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM, buildOnce, launch, ready, serve } from './harness.ts';
import type {} from '../../viz/page-api.ts';
import { expandVariants } from '../../engine/scenario/overrides.ts';
import { createSimulation } from '../../engine/simulation.ts';

const root = join(import.meta.dirname, '..', '..');
const shots = join(root, 'test-results');
const missing = existsSync(CHROMIUM) ? null : `no ${CHROMIUM}: install it with apt-get install -y chromium`;
if (missing && process.env.CI === 'true') throw new Error(`browser tests: ${missing}`);
// A link as the page writes it: it records its model (one without means model 1, CONTRACT.md).
const link = (o: Record<string, unknown>) => '#' + new URLSearchParams(Object.fromEntries(Object.entries({ model: '2', ...o }).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]))).toString();

describe.skipIf(missing !== null)('the page for a teacher', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Awaited<ReturnType<typeof launch>>;
  let page: Page;
  const consoleErrors: string[] = [];
  const open = async (hash: string) => {
    await page.goto('about:blank'); // a new hash alone would not reload the page
    await page.goto(`${server.url}${hash}`);
    await ready(page);
  };

  beforeAll(async () => {
    await buildOnce(root);
    mkdirSync(shots, { recursive: true });
    server = await serve(join(root, 'dist'));
    browser = await launch({ width: 1366, height: 768 });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => consoleErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('“remove the leader” while paused is drawn at once: one person fewer on every panel, words on each, the hierarchy cut off from its head', async () => {
    await open(link({ scenario: 'classroom', t: '60' }));
    const before = await page.evaluate(() => ({ tick: window.equipotent.tick, alive: window.equipotent.alive, hashes: window.equipotent.hashes }));
    expect(before.alive).toEqual([400, 400, 400]);
    await page.evaluate(() => window.equipotent.shock('leader'));
    const after = await page.evaluate(() => ({ tick: window.equipotent.tick, alive: window.equipotent.alive, badges: window.equipotent.badges, canvas: window.equipotent.canvasText().map((t) => t.text), playing: window.equipotent.playing }));
    expect(after.playing).toBe(false);
    expect(after.tick).toBe(60); // no step: drawn now
    expect(after.alive).toEqual([399, 399, 399]);
    for (const b of after.badges) expect(b.join(' | ')).toMatch(/leader leaves \(live\) · 1 person left/);
    expect(after.badges[0]!.join(' | ')).toMatch(/399 cut off from the head, in 6 pieces/);
    expect(after.canvas.filter((t) => /leader leaves/.test(t)).length).toBe(3); // at the spot, on every panel
    await page.waitForTimeout(500); // mid-flash
    await page.screenshot({ path: join(shots, 'shock-at-once-1366.png') });
    // The run goes on as if the shock had been queued: the next step's hashes are a plain run's.
    await page.evaluate(() => window.equipotent.step(5));
    const url = await page.evaluate(() => window.equipotent.shareUrl());
    const here = await page.evaluate(() => window.equipotent.hashes);
    await open(url.slice(url.indexOf('#')));
    expect(await page.evaluate(() => window.equipotent.hashes)).toEqual(here);
  });

  it('a lesson step rings the people it highlights (hydra: the leader, before the head leaves)', async () => {
    await open(link({ scenario: 'hydra' }));
    await page.selectOption('#speed', '64');
    await page.click('#lesson-toggle');
    await page.waitForFunction(() => window.equipotent.lesson.step === 0 && !window.equipotent.lesson.running, null, { timeout: 90_000 });
    await page.evaluate(() => window.equipotent.idle());
    const s = await page.evaluate(() => ({ tick: window.equipotent.tick, badges: window.equipotent.badges, canvas: window.equipotent.canvasText().map((t) => t.text), sides: window.equipotent.labels.length }));
    expect(s.tick).toBe(99);
    for (const b of s.badges) expect(b).toContain('ringed: the leader');
    expect(s.canvas.filter((t) => t === 'the leader').length).toBe(s.sides); // one person ringed and named on every panel
    await page.screenshot({ path: join(shots, 'highlight-1366.png') });
  }, 120_000);

  it('following a situation captions the report climbing the chain and the peers stepping up, side by side', async () => {
    await open(link({ scenario: 'classroom', t: '40' }));
    await page.evaluate(() => window.equipotent.followNext());
    await page.waitForFunction(() => window.equipotent.follow.caption.some((c) => /hierarchy: (person \d+ leads it|resolved by)/.test(c)), null, { timeout: 60_000 });
    await page.evaluate(() => window.equipotent.pause());
    const f = await page.evaluate(() => window.equipotent.follow);
    expect(f.situation).not.toBeNull();
    const text = f.caption.join('\n');
    // The same situation arrives at the same person on every side; each side's way of
    // handling it is told in words (which words depends on the model's rules).
    const origin = /hierarchy: it arrives at person (\d+)/.exec(text)?.[1];
    expect(origin).toBeDefined();
    expect(text).toContain(`p2p: it arrives at person ${origin}`);
    expect(text).toMatch(/(hierarchy|p2p|steward): person \d+ (reports it to|passes the order to|calls|says “I lead it” to|recruits|shares the outcome with|reports the outcome to) (person|people) \d+/);
    expect(text).toMatch(/hierarchy: person \d+ leads it/);
    await page.screenshot({ path: join(shots, 'follow-1366.png') });
    await page.click('#follow-close');
  });

  it('bad links, seeds and files are said, naming the field, and a refused live shock is said while the run goes on', async () => {
    await open(link({ scenario: 'classroom', set: { 'organization.size': -5 } }));
    let e = await page.evaluate(() => ({ errors: window.equipotent.errors, labels: window.equipotent.labels, shown: !document.getElementById('errors')!.hidden }));
    expect(e.shown).toBe(true);
    expect(e.errors.join(' ')).toMatch(/organization\.size: expected an integer >= 2, got -5/);
    expect(e.errors.filter((m) => /organization\.size/.test(m)).length).toBe(1); // said once, not once per variant
    expect(e.labels).toEqual(['hierarchy', 'p2p', 'steward']); // the classroom instead
    await open(link({ scenario: 'classroom', set: { 'organisation.size': 50 } }));
    expect((await page.evaluate(() => window.equipotent.errors)).join(' ')).toMatch(/organisation: unknown key/);
    await open(link({ scenario: 'classroom', seed: '-5' }));
    expect((await page.evaluate(() => window.equipotent.errors)).join(' ')).toMatch(/seed.*whole number/);
    await open(link({ scenario: 'no-such-scenario' }));
    expect((await page.evaluate(() => window.equipotent.errors)).join(' ')).toMatch(/no built-in scenario "no-such-scenario"/);
    // The seed field of the panel says what is wrong under the field.
    await open('');
    await page.click('#drawer-toggle');
    await page.fill('#seed-row input', '-5');
    await page.press('#seed-row input', 'Enter');
    await page.locator('#seed-row input').blur();
    await expect.poll(() => page.evaluate(() => document.querySelector('#seed-row .error')?.textContent ?? '')).toMatch(/at least 0/);
    await page.screenshot({ path: join(shots, 'panel-error-1366.png') });
    await page.click('#drawer-close');
    // Files: not JSON; JSON with a bad field.
    await page.setInputFiles('#file', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') });
    await expect.poll(() => page.evaluate(() => window.equipotent.errors.length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.getElementById('errors')!.textContent)).toMatch(/notes\.json is not a JSON file/);
    const bad = { ...JSON.parse(readFileSync(join(root, 'scenarios', 'classroom.json'), 'utf8')), ticks: -1 };
    await page.setInputFiles('#file', { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await expect.poll(() => page.evaluate(() => document.getElementById('errors')!.textContent ?? '')).toMatch(/mine\.json cannot run[\s\S]*ticks/);
    expect((await page.evaluate(() => window.equipotent.errors)).filter((m) => /ticks/.test(m)).length).toBe(1);
    // A live shock the simulation refuses (as a replay bundle could send it): said, and taken back.
    const hashes = await page.evaluate(() => window.equipotent.hashes);
    await page.evaluate(() => window.equipotent.liveShock({ kind: 'remove-nodes', target: 'ids', ids: 'abc' }));
    const after = await page.evaluate(() => ({ errors: window.equipotent.errors, crash: !document.getElementById('crash')!.hidden, alive: window.equipotent.alive }));
    expect(after.crash).toBe(false);
    expect(after.errors.join(' ')).toMatch(/ids/); // the host names the field (issue 11's checks)
    await page.evaluate(() => window.equipotent.step(3));
    const plain = await page.evaluate(() => window.equipotent.hashes);
    expect(plain).not.toEqual(hashes);
    expect(await page.evaluate(() => window.equipotent.shareUrl())).not.toMatch(/abc/);
    await page.screenshot({ path: join(shots, 'errors-1366.png') });
  });

  it('100,000 people: a warning, and every panel draws at most 5,000 (the simulation runs them all)', async () => {
    await open(link({ scenario: 'classroom', set: { 'organization.size': 100_000 }, variants: ['hierarchy', 'p2p'] }));
    const s = await page.evaluate(() => ({ status: window.equipotent.status, drawn: window.equipotent.drawn, badges: window.equipotent.badges }));
    expect(s.status).toMatch(/Large organization: 100,000 people/);
    expect(s.drawn).toHaveLength(2);
    for (const d of s.drawn) { expect(d).toBeGreaterThan(1000); expect(d).toBeLessThanOrEqual(5000); }
    for (const b of s.badges) expect(b.join(' ')).toMatch(/drawn: 5,000 of 100,000 people/);
    await page.evaluate(() => window.equipotent.step(2));
    expect((await page.evaluate(() => window.equipotent.series()))[0]!.values['alive']![1]).toBe(100_000);
    await page.screenshot({ path: join(shots, 'large-1366.png') });
  }, 180_000);

  it('the dashboard exports as one PNG: title band, views, cards and charts', async () => {
    await open(link({ scenario: 'classroom', t: '160' }));
    const pic = await page.evaluate(() => window.equipotent.picture());
    expect(pic.width).toBe(1366);
    expect(pic.height).toBeGreaterThan(700);
    writeFileSync(join(shots, 'dashboard-export.png'), Buffer.from(pic.url.split(',')[1]!, 'base64'));
    // Ink where the views, the focus chart, the strip and the title are (the picture is not just the canvas).
    const ink = await page.evaluate(async (url) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width; c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const band = 64 - document.querySelector('.dashboard')!.getBoundingClientRect().top;
      const share = (r: DOMRect | { left: number; top: number; width: number; height: number }) => {
        const d = g.getImageData(r.left, r.top + band, r.width, r.height).data, bg = g.getImageData(0, c.height - 1, 1, 1).data;
        let n = 0;
        for (let k = 0; k < d.length; k += 4) if (Math.abs(d[k]! - bg[0]!) + Math.abs(d[k + 1]! - bg[1]!) + Math.abs(d[k + 2]! - bg[2]!) > 60) n++;
        return n / (d.length / 4);
      };
      const at = (sel: string) => share(document.querySelector(sel)!.getBoundingClientRect());
      return { title: share({ left: 0, top: -band, width: c.width, height: 60 }), stage: at('#stage'), focus: at('.focus-chart'), strip: at('#charts'), cards: at('#cards') };
    }, pic.url);
    for (const [k, v] of Object.entries(ink)) expect(v, k).toBeGreaterThan(0.01);
  });

  it('a video of 10 ticks at 640 × 360: WebM that decodes to 10 frames, frame k showing tick k, the same on a second recording', async () => {
    await open(link({ scenario: 'classroom', t: '145' }));
    const rec = () => page.evaluate(() => window.equipotent.video({ from: 145, to: 154, width: 640, height: 360, fps: 10 }));
    const a = await rec();
    expect(a.thumbnails).toHaveLength(10);
    expect(a.bytes).toBeGreaterThan(2000);
    const mediabunny = readFileSync(join(root, 'node_modules', 'mediabunny', 'dist', 'bundles', 'mediabunny.min.mjs'), 'utf8');
    const decoded = await page.evaluate(async ({ url, code }) => {
      const lib = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
      // A dynamic import written as text (the test runner rewrites import() in this function's source).
      const M = await (new Function('u', 'return import(u)') as (u: string) => Promise<any>)(lib);
      const blob = await (await fetch(url)).blob();
      const input = new M.Input({ source: new M.BlobSource(blob), formats: M.ALL_FORMATS });
      const track = await input.getPrimaryVideoTrack();
      const frames: { t: number; w: number; h: number; grey: number[] }[] = [];
      const c = document.createElement('canvas');
      c.width = 160; c.height = 90;
      const g = c.getContext('2d', { willReadFrequently: true })!;
      for await (const sample of new M.VideoSampleSink(track).samples()) {
        const f = sample.toVideoFrame();
        g.drawImage(f, 0, 0, 160, 90);
        f.close();
        const d = g.getImageData(0, 0, 160, 90).data, grey: number[] = [];
        for (let k = 0; k < d.length; k += 4) grey.push(0.299 * d[k]! + 0.587 * d[k + 1]! + 0.114 * d[k + 2]!);
        frames.push({ t: sample.timestamp, w: sample.displayWidth, h: sample.displayHeight, grey });
        sample.close();
      }
      return { codec: await track.getCodecParameterString(), mime: await input.getMimeType(), frames };
    }, { url: a.url, code: mediabunny });
    expect(decoded.mime).toMatch(/video\/webm/);
    expect(decoded.codec).toMatch(/vp8/i);
    expect(decoded.frames).toHaveLength(10);
    decoded.frames.forEach((f, k) => {
      expect([f.w, f.h]).toEqual([640, 360]);
      expect(f.t).toBeCloseTo(k / 10, 3);
    });
    // Frame k is tick 145 + k: the recorded picture it is nearest to is the k-th.
    const dist = (x: number[], y: number[]) => x.reduce((s, v, i) => s + (v - y[i]!) ** 2, 0);
    decoded.frames.forEach((f, k) => {
      const d = a.thumbnails.map((t) => dist(f.grey, t));
      expect(d.indexOf(Math.min(...d)), `frame ${k}`).toBe(k);
    });
    // The same run gives the same frames (recorded again after going elsewhere in the run).
    await page.evaluate(() => window.equipotent.seek(60));
    const b = await rec();
    expect(b.thumbnails).toEqual(a.thumbnails);
  }, 120_000);

  it('a whole model (a classic: the garbage can) runs in the page: its charts from its declarations, its numbers in the cards, no network, no shock buttons', async () => {
    await open(link({ scenario: 'garbage-can' }));
    await page.evaluate(() => window.equipotent.step(10));
    const s = await page.evaluate(() => ({ status: window.equipotent.status, charts: window.equipotent.charts, crash: !document.getElementById('crash')!.hidden, shocks: [...document.querySelectorAll<HTMLButtonElement>('#shock-buttons button')].map((b) => b.disabled), tick: window.equipotent.tick }));
    expect(s.crash).toBe(false);
    expect(s.tick).toBe(10);
    expect(s.status).toMatch(/whole model/);
    expect(s.charts.length).toBeGreaterThan(2);
    expect(s.shocks.every((d) => d)).toBe(true);
    // Laid out for a model without people: no empty network area, no shock row, the focus chart large.
    const layout = await page.evaluate(() => ({
      cls: document.body.classList.contains('whole-model'),
      stage: document.getElementById('stage')!.getBoundingClientRect().height,
      shocks: document.querySelector<HTMLElement>('.shocks')!.offsetParent !== null,
      focus: document.getElementById('focus')!.getBoundingClientRect().height,
    }));
    expect(layout).toMatchObject({ cls: true, stage: 0, shocks: false });
    expect(layout.focus).toBeGreaterThan(250);
    await page.screenshot({ path: join(shots, 'whole-model-1366.png') });
    // Back to a scenario with people: the network views and the shocks return.
    await open(link({ scenario: 'hydra' }));
    expect(await page.evaluate(() => ({ cls: document.body.classList.contains('whole-model'), stage: document.getElementById('stage')!.getBoundingClientRect().height }))).toMatchObject({ cls: false });
    expect(await page.evaluate(() => document.getElementById('stage')!.getBoundingClientRect().height)).toBeGreaterThan(150);
  });

  it('a scenario\'s stop condition: each side stops where `run` stops it and says so; the clock ends with the last and play does nothing more', async () => {
    const input = structuredClone(JSON.parse(readFileSync(join(root, 'scenarios', 'classroom.json'), 'utf8')));
    input.organization.size = 150;
    input.ticks = 400;
    input.stop = { metric: 'resolvedCum', op: '>=', value: 60 };
    input.variants = input.variants.slice(0, 2);
    // Where the engine stops each variant (as `run` and sweeps do).
    const expected = expandVariants(input).map((v) => { const sim = createSimulation(v.scenario!, 1); sim.step(400); return sim.tick; });
    expect(Math.max(...expected)).toBeLessThan(400);
    await open(link({ scenario: 'stop-test', input, seed: '1' }));
    await page.evaluate(() => window.equipotent.step(400));
    const s = await page.evaluate(() => ({ tick: window.equipotent.tick, notes: window.equipotent.sameNotes }));
    expect(s.tick).toBe(Math.max(...expected));
    s.notes.forEach((note, i) => expect(note).toContain(`stopped at tick ${expected[i]}: resolvedCum ≥ 60`));
    await page.evaluate(() => window.equipotent.play());
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => ({ playing: window.equipotent.playing, tick: window.equipotent.tick }))).toEqual({ playing: false, tick: s.tick });
    // A whole model (no panels to write on) says its stops in the standing word.
    const march = { ...JSON.parse(readFileSync(join(root, 'scenarios', 'march.json'), 'utf8')), stop: { metric: 'codeKnowledge', op: '>=', value: 0.5 } };
    const stops = expandVariants(march).map((v) => { const sim = createSimulation(v.scenario!, 1); sim.step(300); return sim.tick; });
    await open(link({ scenario: 'march-stop', input: march, seed: '1' }));
    await page.evaluate(() => window.equipotent.step(300));
    const status = await page.evaluate(() => window.equipotent.status);
    expect(status).toContain(`slow socialization stopped at tick ${stops[0]}: codeKnowledge ≥ 0.5`);
  });

  it('no page errors along the way', () => {
    expect(consoleErrors).toEqual([]);
  });
});
