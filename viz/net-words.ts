// The words of the network views, worked out per panel: the shock that just happened
// and how many left since ("leader leaves · 1 person left"), who is cut off, who a
// lesson step rings, that the numbers equal another panel's, the drawing's limits
// (HTML badges over each panel); and the words at a person's spot on the canvas (the
// ringed, a followed situation's people, up to three who just left).
import type { Panel } from './net-panel.ts';
import type { Badge } from './net-badges.ts';

/** A shock the page knows of (scheduled or live) and its words. */
export interface ShockNote { tick: number; label: string }

export interface SpotLabel { person: number; text: string; until: number }

/** How long (in ticks) a shock's words stay on the panels after it. */
export const NOTE_TICKS = 25;

export class PanelWords {
  notes: ShockNote[] = [];
  private ringed: string[] = [];
  private leaving: SpotLabel[][] = [];
  private same: string[] = [];
  private followed: SpotLabel[][] = [];

  reset(panels: number): void {
    this.ringed = new Array<string>(panels).fill('');
    this.same = new Array<string>(panels).fill('');
    this.leaving = Array.from({ length: panels }, () => []);
    this.followed = Array.from({ length: panels }, () => []);
  }

  /** People seen leaving panel i at `tick`: up to three get the shock's words at their spot. */
  left(i: number, people: number[], tick: number): void {
    if (!people.length) return;
    if (people.length > 3) { this.leaving[i] = []; return; }
    const note = this.notes.find((n) => n.tick === tick)?.label ?? 'left';
    this.leaving[i] = people.map((v) => ({ person: v, text: note, until: tick + NOTE_TICKS }));
  }

  /** A jump (a new run, a seek): nobody is seen leaving. */
  jumped(i: number): void {
    this.leaving[i] = [];
  }

  ring(i: number, words: string): void {
    this.ringed[i] = words;
  }

  sameAs(i: number, note: string): boolean {
    if (this.same[i] === note) return false;
    this.same[i] = note;
    return true;
  }

  follow(i: number, marks: { person: number; text: string }[]): void {
    this.followed[i] = marks.map((m) => ({ ...m, until: Infinity }));
  }

  /** The words at people's spots on panel i now. */
  spots(i: number, p: Panel, tick: number): SpotLabel[] {
    const lit = p.highlight && p.highlight.length <= 3 ? [...p.highlight].map((v) => ({ person: v, text: this.ringed[i] ?? '', until: Infinity })) : [];
    return [...lit, ...(this.followed[i] ?? []), ...(this.leaving[i] ?? []).filter((l) => l.until > tick)];
  }

  /** The badges over panel i now. */
  badges(i: number, p: Panel, tick: number): Badge[] {
    const out: Badge[] = [];
    const recent = this.notes.filter((n) => n.tick <= tick && tick < n.tick + NOTE_TICKS);
    if (recent.length) {
      const since = Math.min(...recent.map((n) => n.tick));
      let left = 0;
      const f = p.frame;
      if (f) for (let v = 0; v < f.n; v++) if (!f.alive[v] && p.removedTick[v]! >= since) left++;
      const words = [...new Set(recent.map((n) => n.label))].join(', ');
      out.push({ kind: 'shock', text: left ? `${words} · ${left.toLocaleString('en')} ${left === 1 ? 'person' : 'people'} left` : `${words} (tick ${since})` });
    }
    if (p.cut && p.cut.count > 0) {
      const what = p.spec.mode === 'tree' ? 'cut off from the head' : 'cut off from the rest';
      out.push({ kind: 'cut', text: `${p.cut.count.toLocaleString('en')} ${what}${p.cut.pieces > 1 ? `, in ${p.cut.pieces} pieces` : ''}` });
    }
    if (this.ringed[i] && p.highlight) out.push({ kind: 'highlight', text: `ringed: ${this.ringed[i]}` });
    if (this.same[i]) out.push({ kind: 'same', text: this.same[i]! });
    if (p.sampled && p.topo) out.push({ kind: 'sample', text: `drawn: ${p.ids.length.toLocaleString('en')} of ${p.topo.n.toLocaleString('en')} people` });
    return out;
  }
}
