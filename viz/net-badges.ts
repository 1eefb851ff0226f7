// Words on each panel, over the canvas, in HTML (crisp, ≥ 16 px, read by screen
// readers): what just happened ("leader leaves · 1 person left"), who is cut off
// ("399 cut off from the head, in 6 pieces"), what a lesson step points at, that
// its numbers so far equal another panel's, and the drawing's limits for a large
// organization ("drawn: 5,000 of 100,000").

export type BadgeKind = 'same' | 'shock' | 'cut' | 'highlight' | 'sample';

export interface Badge {
  kind: BadgeKind;
  text: string;
}

export class PanelBadges {
  private readonly boxes: HTMLElement[] = [];

  constructor(private readonly host: HTMLElement) {}

  /** Sets panel i's badges (in the order given; kinds sort them: shock, cut, highlight, sample). */
  set(i: number, badges: Badge[]): void {
    while (this.boxes.length <= i) {
      const box = document.createElement('div');
      box.className = 'panel-badges';
      box.setAttribute('role', 'status');
      this.host.append(box);
      this.boxes.push(box);
    }
    const box = this.boxes[i]!;
    const key = badges.map((b) => `${b.kind}:${b.text}`).join('|');
    if (box.dataset.key === key) return;
    box.dataset.key = key;
    const order: BadgeKind[] = ['same', 'shock', 'cut', 'highlight', 'sample'];
    box.replaceChildren(...[...badges].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind)).map((b) => {
      const el = document.createElement('span');
      el.className = `badge ${b.kind}`;
      el.textContent = b.text;
      return el;
    }));
  }

  /** Keeps only the first k panels' badges (a scenario with fewer variants). */
  keep(k: number): void {
    while (this.boxes.length > k) this.boxes.pop()!.remove();
  }

  /** Places each panel's badges at its top-left corner (CSS pixels of the stage). */
  layout(rects: { x: number; y: number; w: number }[]): void {
    this.boxes.forEach((b, i) => {
      const r = rects[i];
      b.hidden = !r;
      if (!r) return;
      b.style.left = `${r.x}px`;
      b.style.top = `${r.y}px`;
      b.style.maxWidth = `${r.w}px`;
    });
  }

  /** The texts shown on panel i (for tests and the dashboard picture). */
  texts(i: number): string[] {
    return [...(this.boxes[i]?.children ?? [])].map((e) => e.textContent ?? '');
  }
}
