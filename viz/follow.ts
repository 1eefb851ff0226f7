// Follow a situation: what no anchor has. The same situation arrives at the same
// person in every variant (they share their random numbers), so the page follows
// it side by side: the report climbing the chain and the order coming down against
// the call spreading among peers and someone stepping up. Its messages are drawn
// large, its path stays drawn, the people involved are ringed and labelled, and a
// caption says who told whom and when. The clock slows to two ticks a second.
import type { App } from './app.ts';
import type { SituationInfo } from '../workers/page-host.ts';

/** Ticks per second while following (slow enough to read the caption). */
const FOLLOW_RATE = 2;
const LOG_MAX = 400;

interface SideTrace { hops: number[]; last: SituationInfo | null; done: boolean }

export class Follow {
  /** The situation followed (null: none), or waiting for the next to arrive. */
  k: number | null = null;
  private waiting = false;
  private finished = false;
  private sides: SideTrace[] = [];
  private log: { tick: number; text: string }[] = [];
  private lastTick = -1;

  constructor(private readonly app: App) {}

  get active(): boolean {
    return this.k !== null;
  }

  /** Follows the next situation to arrive (the button, key f). */
  async next(note = ''): Promise<void> {
    const side = this.app.runner.sides[0];
    if (!side) return;
    const count = await side.client.api.situationCount();
    this.begin(count, true, note || 'Waiting for the next situation to arrive…');
    this.app.clock.setPlaying(true);
  }

  /** A click on person v of panel i: their newest open situation, else the next to arrive. */
  async pick(panel: number, v: number): Promise<void> {
    const side = this.app.runner.sides[panel];
    if (!side) return;
    const mine = await side.client.api.involving(v);
    if (!mine.length) { await this.next(`Person ${v} has no open situation now: following the next one to arrive.`); return; }
    this.begin(mine[0]!, false, `Person ${v}'s situation (it arrived at tick ${(await side.client.api.situation(mine[0]!))?.arrival ?? '?'}).`);
    await this.onFrame();
    this.app.clock.setPlaying(true);
  }

  private begin(k: number, waiting: boolean, first: string): void {
    const { ui, clock, runner } = this.app;
    this.k = k;
    this.waiting = waiting;
    this.finished = false;
    this.sides = runner.sides.map(() => ({ hops: [], last: null, done: false }));
    this.log = [{ tick: runner.tick, text: first }];
    this.lastTick = -1;
    clock.rateCap = FOLLOW_RATE;
    ui.following.hidden = false;
    ui.noticeBox.hidden = true;
    ui.lesson.hidden = true;
    ui.follow.setAttribute('aria-pressed', 'true');
    ui.followWhat.textContent = `situation ${k}`;
    this.render();
  }

  stop(): void {
    const { ui, clock, view, runner } = this.app;
    if (this.k === null) return;
    this.k = null;
    clock.rateCap = Infinity;
    ui.following.hidden = true;
    ui.follow.setAttribute('aria-pressed', 'false');
    if (this.app.lesson.at >= 0) ui.lesson.hidden = false;
    else ui.noticeBox.hidden = false;
    runner.sides.forEach((_, i) => view.setFollow(i, null));
  }

  /** Each new frame: the followed situation's messages, path, people and caption on every side. */
  async onFrame(): Promise<void> {
    const { runner, view, clock } = this.app;
    if (this.k === null) return;
    const k = this.k, tick = runner.tick;
    const got = await Promise.all(runner.sides.map(async (s) => ({ info: await s.client.api.situation(k), trace: await s.client.api.trace(k) })));
    if (this.k !== k) return;
    const fresh = tick !== this.lastTick;
    this.lastTick = tick;
    got.forEach(({ info, trace }, i) => {
      const side = runner.sides[i]!, st = this.sides[i]!;
      const m = trace.messages;
      if (info && fresh && !st.done) {
        if (!st.last) this.say(info.arrival, `${side.label}: it arrives at person ${info.origin}.`);
        for (const text of describe(m, trace.verbs)) this.say(tick, `${side.label}: ${text}.`);
        for (let j = 0; j < m.length; j += 3) st.hops.push(m[j]!, m[j + 1]!);
        if (info.leader >= 0 && info.leader !== st.last?.leader) this.say(tick, `${side.label}: person ${info.leader} leads it.`);
        if (info.status !== 'open') {
          st.done = true;
          this.say(tick, info.status === 'resolved'
            ? `${side.label}: resolved by person ${info.resolver} at tick ${info.resolution}, ${info.resolution - info.arrival} ticks after it arrived.`
            : `${side.label}: missed — its deadline passed at tick ${info.deadline}.`);
        }
        st.last = info;
      }
      const marks = info ? [{ person: info.origin, text: 'arrived' }, ...(info.leader >= 0 && info.leader !== info.origin ? [{ person: info.leader, text: 'leads it' }] : [])] : [];
      view.setFollow(i, { messages: m, hops: st.hops, marks });
    });
    if (this.waiting && got.some((g) => g.info)) this.waiting = false;
    this.render();
    if (!this.waiting && !this.finished && this.sides.every((s) => s.done)) {
      this.finished = true;
      this.say(tick, 'Every side is done with it. Press follow for another one.');
      this.render();
      clock.setPlaying(false);
      clock.rateCap = Infinity;
    }
  }

  private say(tick: number, text: string): void {
    this.log.push({ tick, text });
    if (this.log.length > LOG_MAX) this.log.shift();
  }

  private render(): void {
    const { ui } = this.app;
    const last = this.log.at(-1)?.tick;
    ui.followLog.replaceChildren(...this.log.slice(-12).map((l) => {
      const li = document.createElement('li');
      li.textContent = `tick ${l.tick} · ${l.text}`;
      if (l.tick === last) li.className = 'now';
      return li;
    }));
    // The newest words in view (the list scrolls; its heading and "stop" stay).
    ui.followLog.scrollTop = ui.followLog.scrollHeight;
  }

  /** The caption so far (for tests and the picture). */
  get caption(): string[] {
    return this.log.map((l) => `tick ${l.tick} · ${l.text}`);
  }
}

/** "person 17 reports it to person 4", grouping one sender's messages of one kind ("calls 21, 30 and 44"). */
function describe(m: Int32Array, verbs: Record<number, string>): string[] {
  const groups = new Map<string, number[]>();
  for (let j = 0; j < m.length; j += 3) {
    const key = `${m[j]}|${m[j + 2]}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(m[j + 1]!);
  }
  return [...groups].slice(0, 6).map(([key, to]) => {
    const [from, kind] = key.split('|').map(Number);
    const list = to.length === 1 ? `person ${to[0]}` : `people ${to.slice(0, -1).join(', ')} and ${to.at(-1)}`;
    return `person ${from} ${verbs[kind!] ?? 'sends a message to'} ${list}`;
  });
}
