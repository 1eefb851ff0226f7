// The people informed during the current tick (NEW: they act from the next), with
// the item each was informed of. Scratch, not state: it is empty between ticks.
// The textbook passes write `people` directly in their tight loops after
// `reserve(n)`; the message model pushes one at a time (several items can inform
// one person in a tick, so it may outgrow n).

export class FreshList {
  people = new Int32Array(16);
  items = new Int32Array(16);
  length = 0;

  /** Makes room for n entries (what a textbook pass can add). */
  reserve(n: number): Int32Array {
    if (this.people.length < this.length + n) this.grow(this.length + n);
    return this.people;
  }

  /** Lists person v, informed of item k. */
  push(k: number, v: number): void {
    if (this.length === this.people.length) this.grow(this.length + 1);
    this.items[this.length] = k;
    this.people[this.length++] = v;
  }

  private grow(min: number): void {
    const size = Math.max(min, this.people.length * 2 + 16);
    const people = new Int32Array(size);
    people.set(this.people.subarray(0, this.length));
    const items = new Int32Array(size);
    items.set(this.items.subarray(0, this.length));
    this.people = people;
    this.items = items;
  }
}
