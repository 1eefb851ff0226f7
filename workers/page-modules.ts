// The modules the page runs with: the built-ins plus those baked into this build
// (workers/baked-modules.ts). Everything in the page and its simulation workers that
// reads the registry — the schema, the panel, the charts' words, the colours, the
// simulation itself — reads this one, so a baked way of working or metric shows up
// like a built-in. The share link records the baked modules by name and sha256
// (`modules`); a link naming one this build lacks is told, never loaded.
import { builtinRegistry, type Registry } from '../engine/modules/registry.ts';
import { registryOf } from '../engine/modules/user-modules.ts';
import { BAKED, type BakedModule } from './baked-modules.ts';

let registry: Registry | undefined;

/** The registry of the page: the built-ins, plus the build's baked modules when it has any. */
export function pageRegistry(): Registry {
  return (registry ??= BAKED.length === 0 ? builtinRegistry() : registryOf(BAKED.map((b) => b.factory)));
}

/** The baked modules' provenance, `{name: sha256}` in name order (empty for a plain build). */
export function bakedProvenance(baked: readonly BakedModule[] = BAKED): Record<string, string> {
  const out: [string, string][] = [];
  for (const b of baked) for (const name of b.names) out.push([name, b.sha256]);
  return Object.fromEntries(out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * What a link's recorded modules mean on this page: one line per module the link
 * names that this build lacks, or has in another version. Only names and hashes
 * are compared: a link never loads code.
 */
export function linkModuleProblems(linked: Record<string, string>, baked: readonly BakedModule[] = BAKED): string[] {
  const here = bakedProvenance(baked);
  const problems: string[] = [];
  for (const [name, sha256] of Object.entries(linked)) {
    const mine = Object.hasOwn(here, name) ? here[name] : undefined;
    if (mine === undefined) {
      problems.push(`link: the run was made on a page built with the module "${name}" (sha256 ${sha256.slice(0, 12)}…), which this page does not have; a link never loads code: open it in a page built with that module (npm run build -- --module <its file>)`);
    } else if (mine !== sha256) {
      problems.push(`link: this page's module "${name}" is another version (sha256 ${mine.slice(0, 12)}…) than the link's (${sha256.slice(0, 12)}…); the run may differ from the one shared`);
    }
  }
  return problems;
}
