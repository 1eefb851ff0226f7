// The robustness map from the output of `equipotent check --robust`:
//
//   npx tsx validation/robust-map.ts <robust-out> [--docs docs]
//
// writes, under the docs folder: claims.md (the block between its robust-map
// markers, the rest of the page kept), claims/robust/<claim>.svg (each claim's
// figure), claims/robust/map.json (the shares and the engine's fingerprint that
// test/validation/robust-map.test.ts holds against the engine) and
// claims/robust/points.csv (every point, copied from the output). The map is
// made offline — the full one takes hours on two cores — and regenerated when
// the claims or the model change.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { claimFigure } from './robust/map-figure.ts';
import { figureName, mapBlock, mapData, withBlock, type RobustOutput } from './robust/map-page.ts';

/** Where the map's files go, relative to the docs folder. */
export const MAP_DIR = 'claims/robust';
export const MAP_DATA = `${MAP_DIR}/map.json`;

/** Reads a `check --robust` output folder's points.json; throws a message naming the fix. */
export function readRobustOutput(dir: string): RobustOutput {
  const path = join(dir, 'points.json');
  if (!existsSync(path)) throw new Error(`${path}: no such file; run \`equipotent check --robust --out ${dir}\` first`);
  const o = JSON.parse(readFileSync(path, 'utf8')) as RobustOutput;
  if (o.format !== 'equipotent-robust/1' || !Array.isArray(o.claims)) throw new Error(`${path} is not the output of \`equipotent check --robust\``);
  return o;
}

/** Writes the map into `docs` from the output in `dir`; returns the files written. */
export function writeMap(dir: string, docs: string): string[] {
  const o = readRobustOutput(dir);
  const figures = join(docs, MAP_DIR);
  mkdirSync(figures, { recursive: true });
  // Figures of claims no longer in the map go.
  for (const f of readdirSync(figures)) if (f.endsWith('.svg')) rmSync(join(figures, f));
  const written: string[] = [];
  const put = (path: string, text: string) => {
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, path);
    written.push(path);
  };
  for (const r of o.claims) put(join(figures, figureName(r.id)), claimFigure(r));
  put(join(docs, MAP_DATA), `${JSON.stringify(mapData(o), null, 2)}\n`);
  copyFileSync(join(dir, 'points.csv'), join(figures, 'points.csv'));
  written.push(join(figures, 'points.csv'));
  const page = join(docs, 'claims.md');
  put(page, withBlock(existsSync(page) ? readFileSync(page, 'utf8') : null, mapBlock(o, MAP_DIR)));
  return written;
}

function main(argv: string[]): number {
  const docsAt = argv.indexOf('--docs');
  const docs = resolve(docsAt >= 0 ? argv[docsAt + 1] ?? '' : 'docs');
  const rest = docsAt >= 0 ? argv.filter((_, i) => i !== docsAt && i !== docsAt + 1) : argv;
  if (rest.length !== 1 || (docsAt >= 0 && argv[docsAt + 1] === undefined)) {
    process.stderr.write('usage: npx tsx validation/robust-map.ts <check --robust output folder> [--docs docs]\n');
    return 2;
  }
  try {
    const files = writeMap(resolve(rest[0]!), docs);
    process.stderr.write(`robust-map: wrote ${files.length} files under ${docs}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`robust-map: ${(e as Error).message}\n`);
    return 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));
