// The state hash's mixing function: two independent 32-bit FNV-1a-style lanes
// mixed per 32-bit word (fast, platform independent: bytes are read as
// little-endian words explicitly).

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

  /** 16 hex digits. */
  hex(): string {
    let a = this.a, b = this.b;
    a ^= a >>> 16; a = Math.imul(a, 0x85ebca6b); a ^= a >>> 13;
    b ^= b >>> 16; b = Math.imul(b, 0xc2b2ae35); b ^= b >>> 16;
    return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
  }
}
