// The students' panel (☰ parameters): every parameter of the scenario, grouped and
// searchable, each with its description, unit, range, default and the value the
// variants give it; the seed; which variants run; every scheduled shock with a
// switch. A value outside its range gets a message under the field and changes
// nothing; a valid one restarts every side from the same seed (a problem the
// schema finds across fields is shown under the field too).
import type { App } from './app.ts';
import { expandVariants } from '../engine/scenario/overrides.ts';
import { pageRegistry } from '../workers/page-modules.ts';
import { parameters, readValue, type ParamDecl } from './parameters.ts';
import type { Overrides } from './runner.ts';
import { row } from './param-row.ts';

export class ParamsPanel {
  decls: ParamDecl[] = [];
  private rows = new Map<string, HTMLElement>();

  constructor(private readonly app: App) {
    app.ui.paramSearch.addEventListener('input', () => this.filter(app.ui.paramSearch.value));
  }

  /** The scenario as written, defaults filled, no variant applied, with `overrides` (what the panel shows). */
  private base(input: unknown, overrides: Overrides = {}): Record<string, unknown> | null {
    const bare = input && typeof input === 'object' ? { ...(input as object), variants: [] } : input;
    const [v] = expandVariants(bare, Object.entries(overrides), pageRegistry());
    return v?.ok ? (v.scenario as unknown as Record<string, unknown>) : null;
  }

  build(): void {
    const { ui, runner } = this.app;
    const src = runner.source;
    if (!src) return;
    const variants = ((src.input as { variants?: { label?: string; set?: Overrides }[] }).variants ?? []).map((v) => ({ label: String(v.label), set: v.set ?? {} }));
    const orig = this.base(src.input);
    const now = this.base(src.input, src.overrides) ?? orig;
    const was = orig ? parameters(orig, variants) : [];
    // Fields as they are now (a changed kind shows its own fields); shocks as written (each with its switch).
    this.decls = [...(now ? parameters(now, variants) : []).filter((d) => !d.path.startsWith('shocks')), ...was.filter((d) => d.path.startsWith('shocks'))];
    for (const d of this.decls) d.original = was.find((w) => w.path === d.path)?.value ?? d.value;
    this.rows.clear();
    const groups = new Map<string, HTMLElement>();
    const section = (name: string, note = '') => {
      let g = groups.get(name);
      if (!g) {
        g = document.createElement('section');
        g.className = 'param-group';
        const h = document.createElement('h3');
        h.textContent = name;
        g.append(h);
        if (note) { const p = document.createElement('p'); p.className = 'fine'; p.textContent = note; g.append(p); }
        groups.set(name, g);
      }
      return g;
    };
    const run = section('Run', 'The same seed gives the same run, tick for tick.');
    run.append(this.seedRow());
    if (variants.length > 1) run.append(this.variantsRow(variants.map((v) => v.label)));
    const shocksOverridden = Array.isArray(src.overrides['shocks']);
    for (const d of this.decls) {
      const fixed = shocksOverridden && d.path.startsWith('shocks.');
      const el = row(d, this.current(d), fixed, (raw) => this.change(d, raw));
      section(d.group).append(el);
      this.rows.set(`${d.path}#${d.options?.[0] ?? ''}`, el);
    }
    const reset = document.createElement('button');
    reset.textContent = 'undo all changes';
    reset.disabled = !Object.keys(src.overrides).length && !src.only;
    reset.addEventListener('click', () => void this.app.loader.change({ overrides: {}, only: undefined }));
    ui.params.replaceChildren(reset, ...groups.values());
    this.filter(ui.paramSearch.value);
  }

  /** The value shown: the page's change, else the scenario's. */
  private current(d: ParamDecl): unknown {
    const o = this.app.runner.source?.overrides ?? {};
    if (d.kind === 'shock') {
      const list = o['shocks'];
      if (!Array.isArray(list)) return true;
      const base = this.base(this.app.runner.source!.input)?.['shocks'] as unknown[];
      return list.some((x) => JSON.stringify(x) === JSON.stringify(base?.[Number(d.options![0])]));
    }
    return d.value;
  }

  private async change(d: ParamDecl, raw: string | boolean): Promise<void> {
    const src = this.app.runner.source;
    if (!src) return;
    const read = readValue(d, raw);
    const el = this.rows.get(`${d.path}#${d.options?.[0] ?? ''}`);
    if ('error' in read) { this.say(el, read.error); return; }
    const overrides: Overrides = { ...src.overrides };
    if (d.kind === 'shock') {
      const base = (this.base(src.input)?.['shocks'] as unknown[]) ?? [];
      const on = new Set(base.map((_, i) => i).filter((i) => (i === Number(d.options![0]) ? read.value : this.current({ ...d, options: [String(i)] }))));
      for (const k of Object.keys(overrides)) if (k.startsWith('shocks.')) delete overrides[k];
      if (on.size === base.length) delete overrides['shocks'];
      else overrides['shocks'] = base.filter((_, i) => on.has(i));
    } else overrides[d.path] = d.kind === 'kind' ? { ...d.starts?.[String(read.value)] } : read.value;
    // A change to a whole object replaces the changes made inside it.
    if (d.kind === 'kind') for (const k of Object.keys(overrides)) if (k.startsWith(`${d.path}.`)) delete overrides[k];
    const ok = await this.app.loader.change({ overrides });
    if (!ok) this.say(el, this.app.errors.messages.filter((m) => m.includes(d.path) || m.includes(d.path.split('.').slice(0, 2).join('.'))).join(' · ') || this.app.errors.messages[0] || 'this value cannot run');
  }

  private say(el: HTMLElement | undefined, message: string): void {
    if (!el) return;
    el.classList.add('invalid');
    const err = el.querySelector<HTMLElement>('.error')!;
    err.textContent = message;
    err.hidden = false;
  }

  private seedRow(): HTMLElement {
    const src = this.app.runner.source!;
    const d: ParamDecl = { path: 'seed', group: 'Run', label: 'Seed', description: 'The master seed of every random stream: another seed is another roll of the dice.', unit: '', kind: 'integer', min: 0, max: 4294967295, value: src.seed };
    const el = row(d, src.seed, false, async (raw) => {
      const read = readValue(d, raw);
      if ('error' in read) { this.say(el, read.error); return; }
      await this.app.loader.change({ seed: read.value as number });
    });
    el.id = 'seed-row';
    return el;
  }

  private variantsRow(labels: string[]): HTMLElement {
    const src = this.app.runner.source!;
    const el = document.createElement('fieldset');
    el.className = 'param variants';
    const legend = document.createElement('legend');
    legend.className = 'name';
    legend.textContent = 'Variants to run';
    el.append(legend);
    const err = document.createElement('span');
    err.className = 'error';
    err.hidden = true;
    for (const l of labels) {
      const lab = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = !src.only || src.only.includes(l);
      box.value = l;
      box.addEventListener('change', () => {
        const on = [...el.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value);
        if (!on.length) { box.checked = true; err.textContent = 'keep at least one variant'; err.hidden = false; return; }
        void this.app.loader.change({ only: on.length === labels.length ? undefined : on });
      });
      lab.append(box, ` ${l}`);
      el.append(lab);
    }
    el.append(err);
    return el;
  }

  /** Shows only the rows whose words match (name, path, description, group). */
  filter(query: string): void {
    const q = query.trim().toLowerCase();
    for (const g of this.app.ui.params.querySelectorAll<HTMLElement>('.param-group')) {
      let any = false;
      for (const r of g.querySelectorAll<HTMLElement>('.param')) {
        const hit = !q || (r.dataset.search ?? r.textContent ?? '').toLowerCase().includes(q) || (g.querySelector('h3')?.textContent ?? '').toLowerCase().includes(q);
        r.hidden = !hit;
        any ||= hit;
      }
      g.hidden = !any;
    }
  }

  /** Paths in the panel now (for the Node test and the page's hook). */
  get paths(): string[] {
    return [...new Set(this.decls.map((d) => d.path))];
  }
}
