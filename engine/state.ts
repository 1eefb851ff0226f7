// The simulation state: one flat record of typed arrays and numbers (structure of
// arrays, STYLE.md §2). If a value is not in here, it is not state: snapshot()
// copies exactly these, restore() puts them back, hash() runs over them.
//
// Modules declare their arrays and numbers once, as handles (state-handles.ts, as
// bitECS declares components), under v1's names: a handle is a slot index, so a
// lookup is an array index, never a string. Only what a run has set is present:
// the hash covers present entries in name order, exactly as v1's record did.
// Modules fetch their arrays at the start of a phase and never keep a reference
// across phases, because arrays are replaced when they grow (message pool,
// hiring) or on restore; numbers are read and written through `num`/`vals`.
import { type ArrayHandle, type ScalarHandle, type TypedArray, arrayHandleOf, findArrayHandle, findScalarHandle, handleForArray, scalarHandle, scalarNameOf } from './state-handles.ts';
import { Hasher } from './hasher.ts';

export type { TypedArray } from './state-handles.ts';
export { Hasher } from './hasher.ts';

/** A plain, structured-cloneable copy of a state (its arrays can be transferred). */
export interface StateSnapshot {
  arrays: Record<string, TypedArray>;
  scalars: Record<string, number>;
}

export class State {
  private slots: (TypedArray | undefined)[] = [];
  /** Numbers by scalar handle id (read `vals[h.id]` in hot loops after `declareNum`). */
  vals: Float64Array = new Float64Array(64);
  private present: Uint8Array = new Uint8Array(64);

  /** The array of a handle (it must be present). */
  get<T extends TypedArray>(h: ArrayHandle<T>): T {
    return this.slots[h.id] as T;
  }

  /** Adds or replaces an array. */
  put<T extends TypedArray>(h: ArrayHandle<T>, array: T): T {
    this.slots[h.id] = array;
    return array;
  }

  /** True when the handle's array is present. */
  hasArray(h: ArrayHandle): boolean {
    return this.slots[h.id] !== undefined;
  }

  /** The value of a number (NaN when never set). */
  num(h: ScalarHandle): number {
    return this.present[h.id] === 1 ? this.vals[h.id]! : NaN;
  }

  /** Sets a number (it becomes present: part of snapshots and the hash). */
  setNum(h: ScalarHandle, x: number): void {
    if (h.id >= this.vals.length) this.growScalars(h.id + 1);
    this.vals[h.id] = x;
    this.present[h.id] = 1;
  }

  /** Adds to a number (which must be present). */
  addNum(h: ScalarHandle, dx: number): void {
    this.vals[h.id] += dx;
  }

  /** True when a number has been set. */
  hasNum(h: ScalarHandle): boolean {
    return h.id < this.present.length && this.present[h.id] === 1;
  }

  private growScalars(min: number): void {
    const size = Math.max(min, this.vals.length * 2);
    const vals = new Float64Array(size);
    vals.set(this.vals);
    const present = new Uint8Array(size);
    present.set(this.present);
    this.vals = vals;
    this.present = present;
  }

  /** Present arrays as [name, array], in name order (what snapshot and hash walk). */
  private arrayEntries(): [string, TypedArray][] {
    const out: [string, TypedArray][] = [];
    for (let id = 0; id < this.slots.length; id++) {
      const a = this.slots[id];
      if (a !== undefined) out.push([arrayHandleOf(id).name, a]);
    }
    return out.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  }

  /** Present numbers as [name, value], in name order. */
  private scalarEntries(): [string, number][] {
    const out: [string, number][] = [];
    for (let id = 0; id < this.present.length; id++) if (this.present[id] === 1) out.push([scalarNameOf(id), this.vals[id]!]);
    return out.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  }

  /** Copies every array and number. */
  snapshot(): StateSnapshot {
    const arrays: Record<string, TypedArray> = {};
    for (const [k, a] of this.arrayEntries()) arrays[k] = a.slice();
    const scalars: Record<string, number> = {};
    for (const [k, x] of this.scalarEntries()) scalars[k] = x;
    return { arrays, scalars };
  }

  /** Replaces everything with copies of a snapshot's values (the snapshot stays reusable). */
  restore(s: StateSnapshot): void {
    this.slots = [];
    for (const k of Object.keys(s.arrays)) {
      const a = s.arrays[k]!;
      this.slots[handleForArray(k, a).id] = a.slice();
    }
    this.vals.fill(0);
    this.present.fill(0);
    for (const k of Object.keys(s.scalars)) this.setNum(scalarHandle(k), s.scalars[k]!);
  }

  /** A 64-bit hex hash over every array (name, type, length, bytes) and number, in name order. */
  hash(): string {
    const h = new Hasher();
    for (const [k, a] of this.arrayEntries()) {
      h.string(k);
      h.string(a.constructor.name);
      h.word(a.length);
      h.bytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    }
    const f = new Float64Array(1);
    for (const [k, x] of this.scalarEntries()) {
      h.string(k);
      f[0] = x;
      h.bytes(new Uint8Array(f.buffer));
    }
    return h.hex();
  }

  // ------------------------------------------------------------ v1 string API
  // Kept while modules move to handles, file by file, with the frozen v1 hashes
  // checked at each step; removed when no engine file uses it.

  u8(name: string): Uint8Array { return this.byName(name) as Uint8Array; }
  i32(name: string): Int32Array { return this.byName(name) as Int32Array; }
  u32(name: string): Uint32Array { return this.byName(name) as Uint32Array; }
  f32(name: string): Float32Array { return this.byName(name) as Float32Array; }
  f64(name: string): Float64Array { return this.byName(name) as Float64Array; }
  has(name: string): boolean { return this.byName(name) !== undefined; }
  set<T extends TypedArray>(name: string, array: T): T { this.put(handleForArray(name, array), array); return array; }
  private byName(name: string): TypedArray | undefined {
    const h = findArrayHandle(name);
    return h === undefined ? undefined : this.slots[h.id];
  }
  /** Present arrays by name (a fresh record; read only). */
  get arrays(): Record<string, TypedArray> {
    const out: Record<string, TypedArray> = Object.create(null);
    for (const [k, a] of this.arrayEntries()) out[k] = a;
    return out;
  }
  /** Numbers by name, read and written through the handles. */
  get scalars(): Record<string, number> {
    return new Proxy(Object.create(null) as Record<string, number>, {
      get: (_t, k) => {
        if (typeof k !== 'string') return undefined;
        const h = findScalarHandle(k);
        return h !== undefined && this.hasNum(h) ? this.vals[h.id] : undefined;
      },
      set: (_t, k, v) => {
        this.setNum(scalarHandle(String(k)), v as number);
        return true;
      },
      has: (_t, k) => {
        const h = typeof k === 'string' ? findScalarHandle(k) : undefined;
        return h !== undefined && this.hasNum(h);
      },
      ownKeys: () => this.scalarEntries().map(([k]) => k),
      getOwnPropertyDescriptor: (_t, k) => {
        const h = typeof k === 'string' ? findScalarHandle(k) : undefined;
        return h !== undefined && this.hasNum(h) ? { value: this.vals[h.id], writable: true, enumerable: true, configurable: true } : undefined;
      },
    });
  }
}

