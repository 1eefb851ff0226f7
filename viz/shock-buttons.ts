// The live shock buttons (and lesson steps' shocks): a shock goes to every side at
// the current tick and is drawn at once, even paused. A shock the workers refuse
// (bad input, issue 11's checks) is said in the error banner with their message
// naming the field and the fix, and the run goes on without it.
import type { App } from './app.ts';
import type { ShockSpec } from '../engine/shocks.ts';
import { LIVE_SHOCKS, moduleShockButtons, type LiveShockButton } from './live-shocks.ts';
import { ShockRefused } from './runner.ts';

export class LiveShocks {
  constructor(private readonly app: App) {}

  private hasTree(): boolean {
    return this.app.runner.sides.some((s) => s.scenario.organization?.formal?.kind !== undefined);
  }

  /** The built-in buttons (keys 1–8), then one per shock kind of the modules baked into this build. */
  private readonly buttons: LiveShockButton[] = [...LIVE_SHOCKS, ...moduleShockButtons()];

  build(): void {
    const { ui, runner } = this.app;
    const side = runner.sides[0];
    ui.shockButtons.replaceChildren(...this.buttons.map((b, i) => {
      const el = document.createElement('button');
      el.textContent = b.label;
      if (i < 9) {
        const kbd = document.createElement('kbd');
        kbd.textContent = String(i + 1);
        el.append(kbd);
        el.setAttribute('aria-keyshortcuts', String(i + 1));
      }
      el.title = b.explain;
      el.dataset.shock = b.id;
      // A whole model (no organization) has no people to shock.
      el.disabled = !side || !side.scenario.organization || b.spec(side.scenario, this.hasTree()) === null;
      el.addEventListener('click', () => void this.apply(b.id));
      return el;
    }));
  }

  /** The id of the k-th button (the keys 1–9), if there is one. */
  idAt(k: number): string | undefined {
    return this.buttons[k]?.id;
  }

  /** A button's shock by id (leader, leave, attack, rumour, market, surge, silos, reconnect; module:<name> for a module's). */
  apply(id: string): Promise<void> {
    const button = this.buttons.find((b) => b.id === id);
    const side = this.app.runner.sides[0];
    if (!button || !side || !side.scenario.organization) return Promise.resolve();
    const spec = button.spec(side.scenario, this.hasTree());
    if (!spec) return Promise.resolve();
    return this.app.clock.enqueue(() => this.live(spec));
  }

  /** A live shock on every side now (inside the command queue), recorded in the timeline (URL, bundles). */
  async live(spec: ShockSpec): Promise<void> {
    const { runner, errors, dash, share } = this.app;
    try {
      await runner.shock(spec);
    } catch (e) {
      if (!(e instanceof ShockRefused)) throw e;
      // The workers say one problem a line ("shock.<path>: what; fix").
      errors.show('This shock cannot be applied; the run goes on without it:', e.message.split('\n').filter((l) => l.trim()));
    }
    await dash.refresh(true);
    share.updateUrl();
  }
}
