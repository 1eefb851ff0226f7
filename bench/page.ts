// `npm run bench:page`: the page in headless Chromium (software WebGL), two
// organizations side by side (classroom: hierarchy | p2p), simulating at 8× and
// drawing — 2 × 2,000 people at 1920 × 1080 and 1366 × 768, and 2 × 10,000 people
// (drawn as a sample of 5,000 each). Prints figures only (no asserts; README keeps
// them): frame rate busy / idle in one run (compare the ratio, not absolute fps),
// long tasks while playing, and the page's own CPU while paused (the renderer's main
// thread time from the DevTools protocol, and animation frames the page asks for:
// none while nothing moves).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serve, CHROMIUM } from '../test/browser/harness.ts';

const root = join(import.meta.dirname, '..');
/** The built page to measure (BENCH_DIST=/path/to/dist compares another build, e.g. the previous main's; BENCH_QUERY='?mirror=off' a page setting). */
const dist = process.env.BENCH_DIST ?? join(root, 'dist');
if (!existsSync(CHROMIUM)) { console.error(`bench:page needs ${CHROMIUM} (apt-get install -y chromium)`); process.exit(2); }
if (!process.env.BENCH_DIST && !existsSync(join(dist, 'index.html'))) execFileSync(process.execPath, [join(root, 'viz', 'build.mjs')], { stdio: 'inherit' });

const classroom = JSON.parse(readFileSync(join(root, 'scenarios', 'classroom.json'), 'utf8'));
function link(people: number): string {
  const s = structuredClone(classroom);
  s.organization.size = people;
  s.ticks = 2000;
  s.variants = s.variants.slice(0, 2);
  // The link says its model, as the page's own links do (one without means model 1).
  return '#' + new URLSearchParams({ scenario: `bench-${people}`, input: JSON.stringify(s), model: '2' }).toString();
}

// Plain JavaScript text: tsx would add helpers (`__name`) that do not exist in the page.
const IN_PAGE = `(async () => {
  const eq = window.equipotent;
  const frames = (ms) => new Promise((resolve) => {
    let count = 0; const t0 = performance.now();
    const f = (now) => { count++; if (now - t0 < ms) requestAnimationFrame(f); else resolve((1000 * count) / (now - t0)); };
    requestAnimationFrame(f);
  });
  await new Promise((r) => setTimeout(r, 1500));
  const idleFps = await frames(5000);
  const long = [];
  const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) long.push(e.duration); });
  obs.observe({ type: 'longtask', buffered: false });
  document.getElementById('speed').value = '8';
  const t0 = eq.tick, v0 = eq.viewFrames;
  eq.play();
  const busyFps = await frames(10_000);
  eq.pause();
  await eq.idle();
  obs.disconnect();
  const v1 = eq.viewFrames;
  return { labels: eq.labels, drawn: eq.drawn, idleFps, busyFps, ratio: busyFps / idleFps, ticks: eq.tick - t0, long, viewDrawn: v1.drawn - v0.drawn, viewShown: v1.shown - v0.shown };
})()`;

interface Figures { labels: string[]; drawn: number[]; idleFps: number; busyFps: number; ratio: number; ticks: number; long: number[]; viewDrawn: number; viewShown: number }

async function measure(people: number, width: number, height: number, longMs: number, target: number): Promise<void> {
  const server = await serve(dist);
  const browser = await launch({ width, height });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    // Counts the animation frames the page asks for (the measuring loop's own are subtracted by pausing it).
    await page.addInitScript(() => {
      const w = window as unknown as { __rafs: number; __counting: boolean };
      w.__rafs = 0; w.__counting = true;
      const raf = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (cb) => { if (w.__counting) w.__rafs++; return raf(cb); };
    });
    await page.goto(server.url + (process.env.BENCH_QUERY ?? '') + link(people));
    await page.waitForFunction(() => (window as unknown as { equipotent?: { ready: boolean } }).equipotent?.ready === true, null, { timeout: 600_000 });
    await page.evaluate(() => (window as unknown as { equipotent: { idle(): Promise<void> } }).equipotent.idle());
    // Paused: the page's main-thread time and the frames it asks for over 5 s.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.waitForTimeout(1500);
    const task = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0);
    await page.evaluate(() => { (window as unknown as { __rafs: number }).__rafs = 0; });
    const t0 = await task(), w0 = Date.now();
    await page.waitForTimeout(5000);
    const busy = (await task()) - t0, wall = (Date.now() - w0) / 1000;
    const rafs = await page.evaluate(() => (window as unknown as { __rafs: number }).__rafs);
    await page.evaluate(() => { (window as unknown as { __counting: boolean }).__counting = false; });
    const f = (await page.evaluate(IN_PAGE)) as Figures;
    const over = f.long.filter((d) => d > longMs);
    console.log(`\n2 × ${people.toLocaleString('en')} people (${f.labels.join(' | ')}; drawn ${(f.drawn ?? ['all']).join(' + ')}), ${width} × ${height}, 8× for 10 s`);
    console.log(`  paused: main thread busy ${(100 * busy / wall).toFixed(2)} % of the time, ${rafs} animation frames asked for in 5 s (target ~0)`);
    console.log(`  frame rate idle ${f.idleFps.toFixed(1)} fps, playing ${f.busyFps.toFixed(1)} fps: busy / idle = ${(100 * f.ratio).toFixed(0)} % (target ≥ ${target} %)`);
    console.log(`  ticks simulated ${f.ticks} in 10 s (${(f.ticks / 10).toFixed(1)} ticks/s; 8× asks for 16); network views drawn ${f.viewDrawn} times, shown ${f.viewShown}`);
    console.log(`  long tasks: ${f.long.length} over 50 ms${f.long.length ? `, longest ${Math.max(...f.long).toFixed(0)} ms` : ''}; ${over.length} over ${longMs} ms (target 0)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

console.log('page bench: headless Chromium, software WebGL (SwiftShader); compare ratios, not absolute fps');
const only = process.argv[2]; // e.g. "2000x1920" to run one configuration
for (const [people, w, h, longMs, target] of [[2000, 1920, 1080, 50, 80], [2000, 1366, 768, 50, 80], [10_000, 1920, 1080, 100, 60], [10_000, 1366, 768, 100, 60]] as const) {
  if (!only || only === `${people}x${w}`) await measure(people, w, h, longMs, target);
}
