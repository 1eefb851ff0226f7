// Builds the page: the static site in dist/ (any web server), and one
// self-contained dist/equipotent.html (scripts, styles and both workers inlined;
// workers as classic `iife` so they start from a file:// URL, TOOLCHAIN.md).
// No plugin needed for that: one Vite build without code splitting, then the HTML
// gets its script and stylesheet inlined.
//
//   node viz/build.mjs [--module F]… [--out DIR] [--site-only]
//
// --module F (repeatable; `npm run build -- --module F`) bakes a module file of
// the user's own into the build (viz/baked-modules-plugin.mjs): the page then runs
// its ways of working and charts its metrics like the built-ins, and its share
// links record it. Each file is loaded and checked first as the command line does
// (a bad module: its message, exit 2, nothing written). --out builds elsewhere
// than dist/; --site-only skips the one-file page.
import { build } from 'vite';
import { readFileSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bakedModulesPlugin } from './baked-modules-plugin.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
let args;
try {
  args = parseArgs({ options: { module: { type: 'string', multiple: true }, out: { type: 'string' }, 'site-only': { type: 'boolean' } } }).values;
} catch (e) {
  console.error(`build: ${e.message}; usage: node viz/build.mjs [--module F]… [--out DIR] [--site-only]`);
  process.exit(2);
}
// `npm run build` runs in the package's folder; paths are the user's, relative to where they typed it.
const cwd = process.env.INIT_CWD ?? process.cwd();
const dist = args.out ? resolve(cwd, args.out) : join(here, '..', 'dist');
const single = join(here, '..', 'node_modules', `.equipotent-single-${process.pid}`);

const baked = await bakedFiles(args.module ?? []);
const plugins = baked.length ? [bakedModulesPlugin(baked)] : [];
const common = { root: here, configFile: false, base: './', logLevel: 'warn', plugins };

await build({ ...common, build: { outDir: dist, emptyOutDir: true, chunkSizeWarningLimit: 4000 }, worker: { format: 'es', plugins: () => plugins } });

if (!args['site-only']) {
  await build({
    ...common,
    worker: { format: 'iife', plugins: () => plugins },
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
  console.log(`built ${dist} and ${join(dist, 'equipotent.html')} (${(html.length / 1e6).toFixed(1)} MB)`);
} else {
  console.log(`built ${dist}`);
}
if (baked.length) console.log(`with the modules ${baked.map((f) => `${f.names.join(', ')} (${f.file}, sha256 ${f.sha256.slice(0, 12)}…)`).join('; ')}`);

/**
 * The module files, loaded and checked as `equipotent --module` does (through
 * tsx: the checks are the engine's TypeScript); a bad one stops the build, exit 2.
 */
async function bakedFiles(given) {
  if (given.length === 0) return [];
  const { register } = await import('tsx/esm/api');
  register();
  const { loadModules } = await import('../workers/module-files.ts');
  try {
    const loaded = await loadModules(given.map((g) => ({ given: g, fromDir: cwd })));
    return loaded.files.map((f) => ({ path: f.path, file: basename(f.path), sha256: f.sha256, names: f.modules.map((m) => m.name) }));
  } catch (e) {
    if (e?.name === 'ModuleFileError') {
      console.error(`build: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
}
