// Browser test helpers: Debian's Chromium through playwright-core, launched as
// TOOLCHAIN.md says (a persistent context in a fresh temp dir; never a
// downloaded browser), and a tiny static server for the built dist/.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Why the browser suite cannot run here (null: it can). */
export function missingBrowser(): string | null {
  if (!existsSync(CHROMIUM)) return `no ${CHROMIUM} (apt-get install -y chromium)`;
  try { require.resolve?.('playwright-core'); } catch { /* ESM: checked by the import */ }
  return null;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

/** Serves `dir` on 127.0.0.1 at a free port. */
export async function serve(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!.split('#')[0]!)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) { res.writeHead(404); res.end('not found'); return; }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A fresh persistent context (its own temp profile), and a way to close it and remove the profile. */
export async function launch(viewport = { width: 1920, height: 1080 }) {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'equipotent-chromium-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport });
  return {
    context,
    async close() { await context.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}

/**
 * Builds dist/ once for all the browser test files of a run (they run in parallel
 * workers): the first to come builds under a lock; the others wait and reuse it while
 * no source is newer than the build.
 */
export async function buildOnce(root: string): Promise<void> {
  const { execFileSync } = await import('node:child_process');
  const { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
  const stamp = join(root, 'dist', '.built'), lock = join(root, 'node_modules', '.equipotent-build.lock');
  const newest = (dir: string): number => {
    let t = 0;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }
    return t;
  };
  const sources = () => Math.max(...['viz', 'engine', 'workers', 'scenarios'].map((d) => newest(join(root, d))), statSync(join(root, 'docs', 'students.md')).mtimeMs);
  const fresh = () => existsSync(stamp) && statSync(stamp).mtimeMs >= sources();
  // The lock is a folder holding its owner's pid: one left by a test run that was killed
  // (its process gone) is taken over, not waited for.
  const owner = join(lock, 'pid');
  const alive = (): boolean => {
    try { process.kill(Number(readFileSync(owner, 'utf8')), 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
  };
  for (let waited = 0; ; waited += 200) {
    try { mkdirSync(lock); writeFileSync(owner, String(process.pid)); break; } catch {
      if (existsSync(lock) && waited >= 1_000 && !alive()) { rmSync(lock, { recursive: true, force: true }); continue; }
      if (waited > 180_000) throw new Error(`browser tests: the build lock ${lock} is held for 3 minutes (remove it if no build runs)`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (!fresh()) {
      execFileSync(process.execPath, [join(root, 'viz', 'build.mjs')], { cwd: root, stdio: 'pipe' });
      writeFileSync(stamp, new Date().toISOString());
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Waits for the page's hooks and its queued commands. */
export async function ready(page: import('playwright-core').Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { equipotent?: { ready: boolean } }).equipotent?.ready === true, null, { timeout: 120_000 });
  await page.evaluate(() => (window as unknown as { equipotent: { idle(): Promise<void> } }).equipotent.idle());
}

/**
 * Every visible text on the page with the size it is drawn at, in CSS pixels: the
 * computed font size, times the SVG's scaling for text in a chart (screen CTM), and
 * the text the network canvas draws with Pixi (the page's `canvasText` hook).
 * Runs in the page (plain JavaScript: no helpers of the test's compiler).
 */
export const MEASURE_TEXT = `(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent || '').trim();
    const el = n.parentElement;
    if (!text || !el || el.closest('option, script, style, title, [hidden], dialog:not([open])')) continue;
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || r.bottom < 0 || r.right < 0 || r.top > innerHeight || r.left > innerWidth) continue;
    let px = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGElement) { const m = el.getScreenCTM(); if (m) px *= Math.hypot(m.a, m.b); }
    out.push({ text: text.slice(0, 40), px, where: el.closest('[id], [class]')?.id || el.closest('[class]')?.className?.baseVal || el.closest('[class]')?.className || el.tagName });
  }
  for (const t of window.equipotent.canvasText()) out.push({ text: t.text, px: t.px, where: 'network canvas (Pixi)' });
  return out;
})()`;
