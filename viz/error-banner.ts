// Honest errors: a bad share link, seed, file, parameter or live shock is said in a
// banner under the toolbar, naming the field and the fix (the messages come from
// the scenario schema and the workers; shown as text, never as HTML). The current
// run is kept. Also the word shown while a large organization is being built.

export class ErrorBanner {
  /** The messages shown now (the page's test hook reads them). */
  messages: string[] = [];
  title = '';
  /** Called when the banner appears or goes (the layout below it changes height). */
  onChange: () => void = () => {};

  constructor(private readonly box: HTMLElement, private readonly building: HTMLElement) {}

  show(title: string, errors: readonly string[]): void {
    this.messages = [...new Set(errors)];
    this.title = title;
    if (!this.messages.length) { this.clear(); return; }
    const close = document.createElement('button');
    close.className = 'dismiss';
    close.textContent = 'dismiss';
    close.addEventListener('click', () => this.clear());
    const head = document.createElement('strong');
    head.textContent = title;
    const list = document.createElement('ul');
    for (const e of this.messages.slice(0, 12)) { const li = document.createElement('li'); li.textContent = e; list.append(li); }
    if (this.messages.length > 12) { const li = document.createElement('li'); li.textContent = `… and ${this.messages.length - 12} more`; list.append(li); }
    this.box.replaceChildren(close, head, list);
    this.box.hidden = false;
    this.onChange();
  }

  /** Adds to what is shown (a second problem with the same link). */
  add(title: string, errors: readonly string[]): void {
    if (!errors.length) return;
    this.show(this.messages.length ? this.title : title, [...this.messages, ...errors]);
  }

  clear(): void {
    this.messages = [];
    this.title = '';
    if (this.box.hidden) return;
    this.box.hidden = true;
    this.box.replaceChildren();
    this.onChange();
  }

  /** A standing word under the toolbar (building a large organization, or its drawing's limits); null removes it. */
  status(text: string | null): void {
    const was = this.building.hidden;
    this.building.hidden = text === null;
    this.building.textContent = text ?? '';
    if (was !== this.building.hidden) this.onChange();
  }

  get statusText(): string {
    return this.building.hidden ? '' : this.building.textContent ?? '';
  }
}
