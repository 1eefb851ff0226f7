// The run in the address bar: every stop of the clock writes the run (scenario,
// changes, seed, live shocks, tick, variants shown) into the URL's hash, so a
// reload or a copied link comes back to the same state hash (share.ts encodes it).
// A page built with modules of a user's own also records them (name → sha256), so
// a page without them can say which are missing; it never loads them.
import type { App } from './app.ts';
import { BUILT_INS } from './scenarios.ts';
import { encodeRun, type SharedRun } from './share.ts';
import { bakedProvenance } from '../workers/page-modules.ts';

export class ShareLink {
  constructor(private readonly app: App) {}

  shared(): SharedRun {
    const { runner } = this.app;
    const src = runner.source!;
    const model = runner.sides[0]?.scenario.model ?? 2;
    const run: SharedRun = { scenario: src.name, overrides: src.overrides, seed: src.seed, shocks: runner.timeline, tick: runner.tick, model };
    if (!BUILT_INS[src.name]) run.input = src.input;
    if (src.only?.length) run.only = src.only;
    const modules = bakedProvenance();
    if (Object.keys(modules).length) run.modules = modules;
    return run;
  }

  url(): string {
    return location.href.replace(/#.*$/, '') + encodeRun(this.shared());
  }

  updateUrl(): void {
    if (!this.app.runner.source) return;
    try { history.replaceState(null, '', encodeRun(this.shared())); } catch { /* some file:// pages refuse; the share button still works */ }
  }

  /** Copies the link (or shows it to copy by hand), saying so on the button. */
  async copy(button: HTMLButtonElement): Promise<void> {
    const url = this.url();
    this.updateUrl();
    try { await navigator.clipboard.writeText(url); button.textContent = 'link copied'; } catch { window.prompt('Copy this link:', url); }
    setTimeout(() => { button.textContent = 'share'; }, 2000);
  }
}
