// The textbook model's spreading pass for one item in one tick (issue 19), in
// AssemblyScript: the same loops as InformationLayer's push/pull/flood and
// finishTick in engine/information.ts, which stay the reference. Every draw is
// the engine's: xoshiro128** on the information stream's four words, the bounded
// draw as floor(x · 2^-32 · d) in doubles (the integer multiply-shift equals it
// only while d ≤ 2^21: see `exact`), the flood threshold on the raw word, the
// geometric skip through the host's own Math.log. Same draws, same order, same
// bytes: the property test in test/information/wasm-kernel.test.ts checks it.
//
// Memory is the host's (imported); the loader lays out the arrays and passes
// byte offsets. Nothing here allocates.

/** Math.log of the JavaScript host, so the geometric skips round as the reference's. */
@external("env", "log")
declare function hostLog(x: f64): f64;

// Per-person states (INFO in information.ts).
const UNAWARE: u8 = 0;
const ACTIVE: u8 = 1;
const QUIET: u8 = 2;
const NEW: u8 = 3;
const GONE: u8 = 4;

const TWO_POW_MINUS_32: f64 = 2.3283064365386963e-10;

// Modes (the loader's numbering).
const PUSH: i32 = 0;
const PULL: i32 = 1;
const PUSH_PULL: i32 = 2;
const FLOOD: i32 = 3;

// The generator's words and the pass's counts between the passes of one tick.
// Each loop copies them into locals (wasm globals are not kept in registers) and
// back when it ends; XORSHIFT is the state step of Rng.nextU32, written out in
// every loop for the same reason (no macros in AssemblyScript).
let g0: u32 = 0;
let g1: u32 = 0;
let g2: u32 = 0;
let g3: u32 = 0;
let contacts: f64 = 0;
let wasted: f64 = 0;
let trials: f64 = 0;
let freshLength: i32 = 0;

/** Rng.int(d): floor(x · 2^-32 · d) in doubles, exactly as the reference rounds it. */
@inline function below(x: u32, d: i32): i32 {
  return <i32>(<f64>x * TWO_POW_MINUS_32 * <f64>d);
}

/** The same value by integer multiply-shift, equal to `below` whenever d ≤ 2^21 (x · d < 2^53 is then exact in a double). */
@inline function belowExact(x: u32, d: i32): i32 {
  return <i32>((<u64>x * <u64>d) >> 32);
}

/** The bounded draw of either kind (`exact` is fixed for a whole pass, so the branch predicts). */
@inline function draw(x: u32, d: i32, exact: bool): i32 {
  return exact ? belowExact(x, d) : below(x, d);
}

/**
 * The first person at or after v (below n) whose state is `state`, skipping eight
 * states at a time where none is (a zero-byte test on the word XOR the state
 * repeated; the state region is 8-byte aligned and padded with UNAWARE). The pass
 * still visits people in ascending order and reads each one's byte before acting.
 */
@inline function nextWith(st: usize, v: i32, n: i32, state: u8): i32 {
  const pattern: u64 = <u64>state * 0x0101010101010101;
  while (v < n) {
    if ((v & 7) == 0) {
      const x = load<u64>(st + <usize>v) ^ pattern;
      if (((x - 0x0101010101010101) & ~x & 0x8080808080808080) == 0) { v += 8; continue; }
    }
    if (load<u8>(st + <usize>v) == state) return v;
    v++;
  }
  return n;
}

function push(n: i32, complete: bool, off: usize, tg: usize, st: usize, fresh: usize, fanout: i32, exact: bool): void {
  let s0 = g0, s1 = g1, s2 = g2, s3 = g3;
  let c: i32 = 0, lost: i32 = 0, fl = freshLength;
  if (complete) {
    const d = n - 1;
    for (let v = nextWith(st, 0, n, ACTIVE); v < n; v = nextWith(st, v + 1, n, ACTIVE)) {
      for (let f = 0; f < fanout; f++) {
        const x = rotl<u32>(s1 * 5, 7) * 9;
        const t = s1 << 9;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl<u32>(s3, 11);
        const r = draw(x, d, exact);
        const u = r >= v ? r + 1 : r;
        c++;
        const su = load<u8>(st + <usize>u);
        if (su == UNAWARE) { store<u8>(st + <usize>u, NEW); store<i32>(fresh + (<usize>fl << 2), u); fl++; }
        else if (su == GONE) lost++;
      }
    }
  } else if (fanout == 1 && exact) {
    // Bench W1's loop: one draw per active person, no inner loop.
    for (let v = nextWith(st, 0, n, ACTIVE); v < n; v = nextWith(st, v + 1, n, ACTIVE)) {
      const b = load<i32>(off + (<usize>v << 2));
      const d = load<i32>(off + (<usize>v << 2), 4) - b;
      if (d == 0) continue;
      const x = rotl<u32>(s1 * 5, 7) * 9;
      const t = s1 << 9;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl<u32>(s3, 11);
      const u = load<i32>(tg + (<usize>(b + belowExact(x, d)) << 2));
      c++;
      const su = load<u8>(st + <usize>u);
      if (su == UNAWARE) { store<u8>(st + <usize>u, NEW); store<i32>(fresh + (<usize>fl << 2), u); fl++; }
      else if (su == GONE) lost++;
    }
  } else {
    for (let v = nextWith(st, 0, n, ACTIVE); v < n; v = nextWith(st, v + 1, n, ACTIVE)) {
      const b = load<i32>(off + (<usize>v << 2));
      const d = load<i32>(off + (<usize>v << 2), 4) - b;
      if (d == 0) continue;
      for (let f = 0; f < fanout; f++) {
        const x = rotl<u32>(s1 * 5, 7) * 9;
        const t = s1 << 9;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl<u32>(s3, 11);
        const u = load<i32>(tg + (<usize>(b + draw(x, d, exact)) << 2));
        c++;
        const su = load<u8>(st + <usize>u);
        if (su == UNAWARE) { store<u8>(st + <usize>u, NEW); store<i32>(fresh + (<usize>fl << 2), u); fl++; }
        else if (su == GONE) lost++;
      }
    }
  }
  g0 = s0; g1 = s1; g2 = s2; g3 = s3;
  freshLength = fl;
  contacts += <f64>c;
  wasted += <f64>lost;
}

function pull(n: i32, complete: bool, off: usize, tg: usize, st: usize, fresh: usize, exact: bool): void {
  let s0 = g0, s1 = g1, s2 = g2, s3 = g3;
  let c: i32 = 0, lost: i32 = 0, fl = freshLength;
  for (let v = nextWith(st, 0, n, UNAWARE); v < n; v = nextWith(st, v + 1, n, UNAWARE)) {
    const b = complete ? 0 : load<i32>(off + (<usize>v << 2));
    const d = complete ? n - 1 : load<i32>(off + (<usize>v << 2), 4) - b;
    if (d == 0) continue;
    const x = rotl<u32>(s1 * 5, 7) * 9;
    const t = s1 << 9;
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl<u32>(s3, 11);
    const r = draw(x, d, exact);
    const u = complete ? (r >= v ? r + 1 : r) : load<i32>(tg + (<usize>(b + r) << 2));
    c++; // the request
    const su = load<u8>(st + <usize>u);
    if (su == ACTIVE) {
      c++; // the reply
      store<u8>(st + <usize>v, NEW);
      store<i32>(fresh + (<usize>fl << 2), v);
      fl++;
    } else if (su == GONE) lost++;
  }
  g0 = s0; g1 = s1; g2 = s2; g3 = s3;
  freshLength = fl;
  contacts += <f64>c;
  wasted += <f64>lost;
}

/** Rng.geometric(beta) on the global words (the complete graph's flood: one log per hit, not a hot loop). */
function geometric(beta: f64, logq: f64): f64 {
  if (beta >= 1) return 0;
  if (!(beta > 0)) return Infinity;
  const x = rotl<u32>(g1 * 5, 7) * 9;
  const t = g1 << 9;
  g2 ^= g0; g3 ^= g1; g1 ^= g2; g0 ^= g3; g2 ^= t; g3 = rotl<u32>(g3, 11);
  return Math.floor(hostLog(1 - <f64>x * TWO_POW_MINUS_32) / logq);
}

function flood(n: i32, complete: bool, off: usize, tg: usize, st: usize, fresh: usize, threshold: u64, beta: f64, logq: f64): void {
  let c: i32 = 0, lost: i32 = 0, fl = freshLength;
  let tried: f64 = 0;
  if (complete) {
    const last = <f64>(n - 1);
    for (let v = nextWith(st, 0, n, ACTIVE); v < n; v = nextWith(st, v + 1, n, ACTIVE)) {
      tried += last;
      for (let j = geometric(beta, logq); j < last; j += 1 + geometric(beta, logq)) {
        const u = j >= <f64>v ? <i32>j + 1 : <i32>j;
        c++;
        const su = load<u8>(st + <usize>u);
        if (su == UNAWARE) { store<u8>(st + <usize>u, NEW); store<i32>(fresh + (<usize>fl << 2), u); fl++; }
        else if (su == GONE) lost++;
      }
    }
  } else {
    let s0 = g0, s1 = g1, s2 = g2, s3 = g3;
    for (let v = nextWith(st, 0, n, ACTIVE); v < n; v = nextWith(st, v + 1, n, ACTIVE)) {
      const a0 = load<i32>(off + (<usize>v << 2));
      const e = load<i32>(off + (<usize>v << 2), 4);
      tried += <f64>(e - a0);
      for (let a = a0; a < e; a++) {
        const x = rotl<u32>(s1 * 5, 7) * 9;
        const t = s1 << 9;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl<u32>(s3, 11);
        if (<u64>x >= threshold) continue;
        const u = load<i32>(tg + (<usize>a << 2));
        c++;
        const su = load<u8>(st + <usize>u);
        if (su == UNAWARE) { store<u8>(st + <usize>u, NEW); store<i32>(fresh + (<usize>fl << 2), u); fl++; }
        else if (su == GONE) lost++;
      }
    }
    g0 = s0; g1 = s1; g2 = s2; g3 = s3;
  }
  freshLength = fl;
  contacts += <f64>c;
  wasted += <f64>lost;
  trials += tried;
}

/** Stifling of the people who acted (active at the tick's start), then NEW → ACTIVE. */
function finish(n: i32, st: usize, fresh: usize, stifle: f64): void {
  if (stifle >= 1) {
    for (let v = nextWith(st, 0, n, ACTIVE); v < n; v = nextWith(st, v + 1, n, ACTIVE)) store<u8>(st + <usize>v, QUIET);
  } else if (stifle > 0) {
    let s0 = g0, s1 = g1, s2 = g2, s3 = g3;
    for (let v = nextWith(st, 0, n, ACTIVE); v < n; v = nextWith(st, v + 1, n, ACTIVE)) {
      const x = rotl<u32>(s1 * 5, 7) * 9;
      const t = s1 << 9;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl<u32>(s3, 11);
      if (<f64>x * TWO_POW_MINUS_32 < stifle) store<u8>(st + <usize>v, QUIET);
    }
    g0 = s0; g1 = s1; g2 = s2; g3 = s3;
  }
  const fl = freshLength;
  for (let i = 0; i < fl; i++) store<u8>(st + <usize>load<i32>(fresh + (<usize>i << 2)), ACTIVE);
}

/**
 * One item's textbook tick: the spreading pass of `mode`, stifling (unless pull;
 * `stifle` is 0 when none), NEW → ACTIVE. `exact`: every degree (n − 1 on the
 * complete graph) is at most 2^21. `threshold`: flood's floor(β · 2^32) (2^32 when
 * β ≥ 1). The io block at `io`: the information stream's four words in and out
 * (u32 at 0, 4, 8, 12), then contacts, wasted and trials out (f64 at 16, 24, 32).
 * Returns the number of people informed this tick.
 */
export function tick(mode: i32, n: i32, complete: bool, off: usize, tg: usize, st: usize, fresh: usize, io: usize,
  fanout: i32, threshold: f64, beta: f64, logq: f64, stifle: f64, exact: bool): i32 {
  g0 = load<u32>(io); g1 = load<u32>(io, 4); g2 = load<u32>(io, 8); g3 = load<u32>(io, 12);
  contacts = 0; wasted = 0; trials = 0; freshLength = 0;
  if (mode == PUSH || mode == PUSH_PULL) push(n, complete, off, tg, st, fresh, fanout, exact);
  if (mode == PULL || mode == PUSH_PULL) pull(n, complete, off, tg, st, fresh, exact);
  if (mode == FLOOD) flood(n, complete, off, tg, st, fresh, <u64>threshold, beta, logq);
  finish(n, st, fresh, mode == PULL ? 0 : stifle);
  store<u32>(io, g0); store<u32>(io, g1, 4); store<u32>(io, g2, 8); store<u32>(io, g3, 12);
  store<f64>(io, contacts, 16); store<f64>(io, wasted, 24); store<f64>(io, trials, 32);
  return freshLength;
}
