// The user modules baked into this build of the page (`npm run build -- --module F`,
// issue 12). This file is the default — none — and what the page and its tests see
// everywhere else (dev server, vitest, a plain build). viz/baked-modules-plugin.mjs
// replaces its contents during a build with --module: one static import per file,
// each module's code bundled like the page's own. Nothing here, nor anything a link
// or a scenario says, ever loads code at run time.
import type { ModuleFactory } from '../engine/modules/api.ts';

/** One module file as baked into the build. */
export interface BakedModule {
  /** The file's name as given to the build (messages, the About tab). */
  file: string;
  /** SHA-256 of the file's bytes (hex): the provenance the share link records. */
  sha256: string;
  /** The names its declarations have (checked when the build loaded it). */
  names: readonly string[];
  /** The file's default export: a function of the module API. */
  factory: ModuleFactory;
}

export const BAKED: readonly BakedModule[] = [];
