// `npm run bench:page`: the page with two organizations of 2,000 people each
// (classroom, hierarchy | p2p), simulating at 8× and rendering, in headless
// Chromium. Prints figures only (no asserts): long tasks during 10 s of play,
// and the frame rate busy / idle measured in one run (software rendering
// headless: compare the ratio, not absolute fps).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serve, CHROMIUM } from '../test/browser/harness.ts';

const root = join(import.meta.dirname, '..');
if (!existsSync(CHROMIUM)) { console.error(`bench:page needs ${CHROMIUM} (apt-get install -y chromium)`); process.exit(2); }
if (!existsSync(join(root, 'dist', 'index.html'))) execFileSync(process.execPath, [join(root, 'viz', 'build.mjs')], { stdio: 'inherit' });

const classroom = JSON.parse(readFileSync(join(root, 'scenarios', 'classroom.json'), 'utf8'));
classroom.organization.size = 2000;
classroom.ticks = 2000;
classroom.variants = classroom.variants.slice(0, 2);
const hash = '#' + new URLSearchParams({ scenario: 'bench-2000', input: JSON.stringify(classroom) }).toString();

const server = await serve(join(root, 'dist'));
const browser = await launch({ width: 1920, height: 1080 });
try {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(server.url + hash);
  await page.waitForFunction(() => (window as unknown as { equipotent?: { ready: boolean } }).equipotent?.ready === true, null, { timeout: 120_000 });
  // Plain JavaScript text: tsx would add helpers (`__name`) that do not exist in the page.
  const inPage = `(async () => {
    const eq = window.equipotent;
    const frames = (ms) => new Promise((resolve) => {
      let count = 0; const t0 = performance.now();
      const f = (now) => { count++; if (now - t0 < ms) requestAnimationFrame(f); else resolve((1000 * count) / (now - t0)); };
      requestAnimationFrame(f);
    });
    await new Promise((r) => setTimeout(r, 1000));
    const idleFps = await frames(5000);
    const long = [];
    const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) long.push(e.duration); });
    obs.observe({ type: 'longtask', buffered: false });
    const sel = document.getElementById('speed');
    sel.value = '8';
    const t0 = eq.tick;
    eq.play();
    const busyFps = await frames(10_000);
    eq.pause();
    await eq.idle();
    obs.disconnect();
    return { labels: eq.labels, idleFps, busyFps, ratio: busyFps / idleFps, ticks: eq.tick - t0, longTasks: long.length, longestMs: long.length ? Math.max(...long) : 0 };
  })()`;
  const figures = (await page.evaluate(inPage)) as { labels: string[]; idleFps: number; busyFps: number; ratio: number; ticks: number; longTasks: number; longestMs: number };
  console.log('page bench: two organizations of 2,000 people (classroom: ' + figures.labels.join(' | ') + '), 8× for 10 s, headless Chromium (software WebGL)');
  console.log(`  frame rate idle      ${figures.idleFps.toFixed(1)} fps`);
  console.log(`  frame rate playing   ${figures.busyFps.toFixed(1)} fps  (busy / idle = ${(100 * figures.ratio).toFixed(0)} %; target ≥ 80 %)`);
  console.log(`  ticks simulated      ${figures.ticks} in 10 s (${(figures.ticks / 10).toFixed(1)} ticks/s; 8× asks for 16)`);
  console.log(`  long tasks (> 50 ms) ${figures.longTasks}${figures.longTasks ? `, longest ${figures.longestMs.toFixed(0)} ms` : ''}  (target 0)`);
} finally {
  await browser.close();
  await server.close();
}
