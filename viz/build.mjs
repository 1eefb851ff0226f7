// Builds the page: the static site in dist/ (any web server), and one
// self-contained dist/equipotent.html (scripts, styles and both workers inlined;
// workers as classic `iife` so they start from a file:// URL, TOOLCHAIN.md).
// No plugin needed: one Vite build without code splitting, then the HTML gets
// its script and stylesheet inlined.
import { build } from 'vite';
import { readFileSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = join(here, '..', 'dist');
const single = join(here, '..', 'node_modules', '.equipotent-single');
const common = { root: here, configFile: false, base: './', logLevel: 'warn' };

await build({ ...common, build: { outDir: dist, emptyOutDir: true, chunkSizeWarningLimit: 4000 }, worker: { format: 'es' } });

await build({
  ...common,
  worker: { format: 'iife' },
  build: {
    outDir: single,
    emptyOutDir: true,
    assetsInlineLimit: 100_000_000,
    cssCodeSplit: false,
    chunkSizeWarningLimit: 8000,
    rollupOptions: { output: { codeSplitting: false } },
  },
});

let html = readFileSync(join(single, 'index.html'), 'utf8');
const assets = join(single, 'assets');
const files = readdirSync(assets);
// `</script` inside inlined code would end the element early: escape it (same meaning in JS strings).
const safe = (js) => js.replace(/<\/(script)/gi, '<\\/$1');
html = html.replace(/<script type="module" crossorigin src="\.\/assets\/([^"]+)"><\/script>/g, (_, f) => `<script type="module">${safe(readFileSync(join(assets, f), 'utf8'))}</script>`);
html = html.replace(/<link rel="stylesheet" crossorigin href="\.\/assets\/([^"]+)">/g, (_, f) => `<style>${readFileSync(join(assets, f), 'utf8')}</style>`);
html = html.replace(/<link rel="modulepreload"[^>]*>/g, '');
if (/src="\.\/assets|href="\.\/assets/.test(html)) throw new Error(`equipotent.html still refers to files: ${files.join(', ')}`);
writeFileSync(join(dist, 'equipotent.html'), html);
rmSync(single, { recursive: true, force: true });
console.log(`built dist/ and dist/equipotent.html (${(html.length / 1e6).toFixed(1)} MB)`);
