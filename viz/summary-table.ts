// The run's numbers so far, side by side (the `run` table of the command line, in
// the page): share resolved, latency, quality of resolvers, load inequality, …
// Shown by the "numbers" button, or when a lesson step cites one of them ("compare
// loadGini in the summary"), with the cited rows marked.
import type { App } from './app.ts';
import { SUMMARY_ORDER, formatValue, metricInfo } from './metric-info.ts';

/** The rows the table shows for metrics a run reports: SUMMARY_ORDER first, then the rest. */
export function summaryRows(names: Iterable<string>): string[] {
  const set = new Set(names);
  return [...SUMMARY_ORDER.filter((n) => set.has(n)), ...[...set].filter((n) => !SUMMARY_ORDER.includes(n)).sort()];
}

export class SummaryTable {
  private open = false;
  private cited: string[] = [];
  private rows: string[] = [];

  constructor(private readonly app: App) {}

  get visible(): boolean {
    return this.open || this.cited.length > 0;
  }

  toggle(on = !this.open): void {
    this.open = on;
    this.app.ui.summaryToggle.setAttribute('aria-pressed', String(on));
    void this.update();
  }

  /** Marks the rows a lesson step cites (and shows the table while any are). */
  cite(names: string[]): void {
    this.cited = names;
    void this.update();
  }

  /** The metrics shown as rows now (for tests). */
  get shown(): string[] {
    return this.visible ? [...this.rows] : [];
  }

  async update(): Promise<void> {
    const { ui, runner } = this.app;
    ui.summary.hidden = !this.visible;
    if (!this.visible || !runner.sides.length) return;
    const sums = await Promise.all(runner.sides.map((s) => s.client.api.summary()));
    this.rows = summaryRows(sums.flatMap((s) => Object.keys(s.metrics)));
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    const h0 = document.createElement('th');
    h0.textContent = `at tick ${runner.tick}`;
    head.append(h0);
    for (const s of runner.sides) {
      const th = document.createElement('th');
      th.textContent = s.label;
      th.style.color = s.colour;
      head.append(th);
    }
    const body = table.createTBody();
    for (const name of this.rows) {
      const info = metricInfo(name, 'run');
      const tr = body.insertRow();
      tr.className = this.cited.includes(name) ? 'cited' : '';
      tr.title = `metric: ${name} — ${info.description}`;
      const th = document.createElement('td');
      th.textContent = info.label;
      if (info.unit) { const u = document.createElement('span'); u.className = 'unit'; u.textContent = ` (${info.unit})`; th.append(u); }
      tr.append(th);
      for (const s of sums) tr.insertCell().textContent = formatValue(info, s.metrics[name]);
    }
    // Cited rows first when a lesson step cites them: they must be seen without scrolling.
    if (this.cited.length) for (const tr of [...body.rows].filter((r) => r.className === 'cited').reverse()) body.prepend(tr);
    ui.summary.replaceChildren(table);
  }
}
