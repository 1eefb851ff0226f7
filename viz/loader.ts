// Loading a run: a built-in scenario, a file (opened or dropped), a share link, or
// the same scenario with a changed parameter, seed or choice of variants. Problems
// are shown (naming the field and the fix) and the current run is kept; a link
// that cannot run says why and shows the classroom instead.
import type { App } from './app.ts';
import type { RunSource } from './runner.ts';
import type { SharedRun } from './share.ts';
import { decodeRun } from './share.ts';
import { BUILT_INS } from './scenarios.ts';
import { linkModuleProblems } from '../workers/page-modules.ts';
import { DRAW_CAP } from './draw-sample.ts';
import { fitNotice } from './fit-notice.ts';
import { buildBundleButtons } from './export-menu.ts';

/** The standing word over a whole model (a classic), which has no people to draw. */
export const WHOLE_MODEL_STATUS = 'A whole model of organization science (no network of people to draw here): its numbers are in the charts and the cards.';

export class Loader {
  constructor(private readonly app: App) {}

  /** A built-in scenario by name, at its own seed unless one is given. */
  sourceFor(name: string, seed?: number): RunSource | null {
    const input = BUILT_INS[name];
    if (input === undefined) return null;
    const s = (input as { seed?: unknown }).seed;
    return { name, input, overrides: {}, seed: seed ?? (typeof s === 'number' ? s : 1) };
  }

  /** Loads a run (replaying shared live shocks to a tick); on problems shows them, keeps the current run and returns false. */
  async load(source: RunSource, shared?: { shocks: SharedRun['shocks']; tick: number | null }, title = 'This scenario cannot run; the current run is kept:'): Promise<boolean> {
    const { runner, ui, clock, errors } = this.app;
    clock.setPlaying(false);
    const problems = await runner.load(source);
    if (problems.length) { errors.show(title, problems); return false; }
    errors.clear();
    this.app.follow.stop();
    this.app.dash.reset();
    this.app.lesson.reset();
    const input = source.input as { notice?: unknown };
    ui.notice.textContent = typeof input?.notice === 'string' ? input.notice : 'Press play, then try the shock buttons and watch the charts.';
    fitNotice();
    if (BUILT_INS[source.name]) ui.scenario.value = source.name;
    this.app.params.build();
    this.app.shocks.build();
    buildBundleButtons(this.app);
    const n = Math.max(...runner.sides.map((s) => s.scenario.organization?.size ?? 0));
    const model = runner.sides.some((s) => !s.scenario.organization);
    document.body.classList.toggle('whole-model', model);
    errors.status(model
      ? WHOLE_MODEL_STATUS
      : n > DRAW_CAP
        ? `Large organization: ${n.toLocaleString('en')} people in each. The views draw a connected piece of ${DRAW_CAP.toLocaleString('en')} of them; the charts and numbers count everyone. Each tick takes longer: try a lower speed.`
        : null);
    if (shared) {
      runner.timeline = shared.shocks.map((s) => ({ tick: s.tick, shock: s.shock }));
      if (shared.tick) await runner.advance(shared.tick);
    }
    await runner.settle();
    await this.app.dash.refresh(true);
    this.app.share.updateUrl();
    return true;
  }

  /** Reloads the current scenario with a change (parameters, seed, variants); false if it cannot run. */
  change(patch: Partial<RunSource>): Promise<boolean> {
    const src = this.app.runner.source;
    if (!src) return Promise.resolve(false);
    let ok = false;
    return this.app.clock.enqueue(async () => { ok = await this.load({ ...src, ...patch }); }).then(() => ok);
  }

  /** The page's first run: the link in the address bar if it can run, else the classroom, saying why. */
  async start(): Promise<void> {
    const { errors } = this.app;
    const { run, errors: linkErrors } = decodeRun(location.hash);
    let ok = false;
    const problems: string[] = [...linkErrors];
    // Modules are compared by name and sha256, never loaded from a link.
    if (run?.modules) problems.push(...linkModuleProblems(run.modules));
    if (run) {
      const input = run.input ?? BUILT_INS[run.scenario];
      if (input === undefined) problems.push(`link: there is no built-in scenario "${run.scenario}" (the menu lists them)`);
      else {
        const s = (input as { seed?: unknown }).seed;
        // The link's model, when the scenario as shipped now runs another (a link from before model 2 means model 1).
        const own = (input as { model?: unknown }).model ?? 2;
        const overrides = run.model !== own && !('model' in run.overrides) ? { ...run.overrides, model: run.model } : run.overrides;
        ok = await this.load({ name: run.scenario, input, overrides, seed: run.seed ?? (typeof s === 'number' ? s : 1), ...(run.only ? { only: run.only } : {}) },
          { shocks: run.shocks, tick: run.tick });
        if (!ok) problems.push(...errors.messages.map((m) => `link: ${m}`));
      }
    }
    if (!ok) await this.load(this.sourceFor('classroom')!);
    if (problems.length) errors.show(ok ? 'The link has problems; the rest of it was used:' : 'The link cannot run; the classroom scenario is shown instead:', problems);
  }

  /** A scenario file chosen or dropped. */
  async openFile(file: File): Promise<void> {
    let input: unknown;
    try { input = JSON.parse(await file.text()); } catch (e) {
      this.app.errors.show(`${file.name} is not a JSON file; the current run is kept:`, [e instanceof Error ? e.message : String(e)]);
      return;
    }
    const seed = (input as { seed?: unknown })?.seed;
    await this.app.clock.enqueue(async () => {
      await this.load({ name: file.name.replace(/\.json$/i, ''), input, overrides: {}, seed: typeof seed === 'number' ? seed : 1 }, undefined, `${file.name} cannot run; the current run is kept:`);
    });
  }
}
