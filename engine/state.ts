// The simulation state: one flat record of named typed arrays and named numbers
// (structure of arrays, STYLE.md §2). If a value is not in here, it is not state:
// snapshot() copies exactly these, restore() puts them back, hash() runs over them.
//
// Modules fetch their arrays by name at the start of a phase and never keep a
// reference across phases, because arrays are replaced when they grow (message
// pool, hiring) or on restore.

export type TypedArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

/** A plain, structured-cloneable copy of a state (its arrays can be transferred). */
export interface StateSnapshot {
  arrays: Record<string, TypedArray>;
  scalars: Record<string, number>;
}

export class State {
  arrays: Record<string, TypedArray> = Object.create(null);
  scalars: Record<string, number> = Object.create(null);

  u8(name: string): Uint8Array { return this.arrays[name] as Uint8Array; }
  i32(name: string): Int32Array { return this.arrays[name] as Int32Array; }
  u32(name: string): Uint32Array { return this.arrays[name] as Uint32Array; }
  f32(name: string): Float32Array { return this.arrays[name] as Float32Array; }
  f64(name: string): Float64Array { return this.arrays[name] as Float64Array; }
  has(name: string): boolean { return name in this.arrays; }

  /** Adds or replaces an array. */
  set<T extends TypedArray>(name: string, array: T): T {
    this.arrays[name] = array;
    return array;
  }

  /** Copies every array and number. */
  snapshot(): StateSnapshot {
    const arrays: Record<string, TypedArray> = {};
    for (const k of Object.keys(this.arrays).sort()) arrays[k] = this.arrays[k]!.slice();
    return { arrays, scalars: { ...this.scalars } };
  }

  /** Replaces everything with copies of a snapshot's values (the snapshot stays reusable). */
  restore(s: StateSnapshot): void {
    this.arrays = Object.create(null);
    for (const k of Object.keys(s.arrays)) this.arrays[k] = s.arrays[k]!.slice();
    this.scalars = Object.assign(Object.create(null), s.scalars);
  }

  /** A 64-bit hex hash over every array (name, type, length, bytes) and number, in name order. */
  hash(): string {
    const h = new Hasher();
    for (const k of Object.keys(this.arrays).sort()) {
      const a = this.arrays[k]!;
      h.string(k);
      h.string(a.constructor.name);
      h.word(a.length);
      h.bytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    }
    const f = new Float64Array(1);
    for (const k of Object.keys(this.scalars).sort()) {
      h.string(k);
      f[0] = this.scalars[k]!;
      h.bytes(new Uint8Array(f.buffer));
    }
    return h.hex();
  }
}

/** Two independent 32-bit FNV-1a-style lanes mixed per 32-bit word (fast, platform independent). */
export class Hasher {
  private a = 0x811c9dc5 | 0;
  private b = 0x01000193 ^ 0x5bd1e995;

  word(x: number): void {
    this.a = Math.imul(this.a ^ (x | 0), 0x01000193);
    this.b = Math.imul((this.b ^ (x | 0)) + 0x7f4a7c15, 0x5bd1e995);
    this.b ^= this.b >>> 15;
  }

  bytes(u8: Uint8Array): void {
    const words = u8.byteLength >>> 2;
    if (words > 0) {
      // Read little-endian words explicitly so the hash does not depend on the platform's byte order.
      const dv = new DataView(u8.buffer, u8.byteOffset, words * 4);
      for (let i = 0; i < words; i++) this.word(dv.getUint32(i * 4, true));
    }
    for (let i = words * 4; i < u8.byteLength; i++) this.word(u8[i]! | 0x100);
    this.word(u8.byteLength);
  }

  string(s: string): void {
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
    this.word(s.length);
  }

  hex(): string {
    let a = this.a, b = this.b;
    a ^= a >>> 16; a = Math.imul(a, 0x85ebca6b); a ^= a >>> 13;
    b ^= b >>> 16; b = Math.imul(b, 0xc2b2ae35); b ^= b >>> 16;
    return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
  }
}
