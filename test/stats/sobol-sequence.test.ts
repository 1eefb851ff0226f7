// Sobol' points with Joe & Kuo's direction numbers: the table as committed
// gives the points SciPy 1.10's unscrambled qmc.Sobol gives (it uses the same
// new-joe-kuo-6.21201 table), in all 128 dimensions, and the points keep the
// balance that makes them a (t, m, s)-net.
import { describe, expect, it } from 'vitest';
import { SobolSequence } from '../../stats/sobol-sequence.ts';
import { JOE_KUO_DIRECTIONS, MAX_SOBOL_DIMENSIONS } from '../../stats/joe-kuo-directions.ts';

// Per dimension, sum over points i = 0 … 299 of (i + 1) · floor(x_i · 2^30), from
// scipy.stats.qmc.Sobol(d=128, scramble=False, bits=30).random(300) (SciPy 1.10.1).
const SCIPY_WEIGHTED_SUMS = [
  24242762547200, 24606643585024, 24431908880384, 24256503087104, 24388070014976, 24326430523392, 24306885066752, 24132888559616,
  24029020815360, 24099627728896, 24271057321984, 24293782061056, 24300383895552, 24162357739520, 24424610791424, 24142912946176,
  23972657758208, 24211867303936, 24094695227392, 24072247312384, 24015540322304, 24230951387136, 24151737761792, 24105768189952,
  24145379196928, 24425046999040, 24077733462016, 24224827703296, 24057877626880, 24174387003392, 24482374746112, 24310307618816,
  24087657185280, 24160747126784, 24404352303104, 24330029236224, 24418269003776, 24153071550464, 24349633413120, 24325138677760,
  24341362245632, 24416658391040, 23997748084736, 24265529229312, 24221807804416, 24270696611840, 24334307426304, 24217873547264,
  24273003479040, 24199200505856, 24116388167680, 24359120928768, 24365060063232, 24165578964992, 24296902623232, 24320365559808,
  24279429152768, 24287717097472, 24325298061312, 24009836068864, 24224727040000, 24465119379456, 24271753576448, 24217076629504,
  24130741075968, 24409083478016, 24243022594048, 24208226648064, 24021110358016, 24226362818560, 24108117000192, 24141562380288,
  24258113699840, 24245170077696, 24202597892096, 24573894459392, 24056342511616, 24334248706048, 24292808982528, 24301734461440,
  24329593028608, 24309368094720, 24284160327680, 24408110399488, 24488137719808, 23903938281472, 24177784389632, 24091952152576,
  24318754947072, 23988797440000, 24291793960960, 24187708112896, 24189377445888, 24337268604928, 24138693476352, 24494974435328,
  24295929544704, 24238366916608, 24050218827776, 24222562779136, 24166652706816, 24264078000128, 24373935210496, 24084754726912,
  23994166149120, 24309351317504, 24292112728064, 24185761955840, 24220297854976, 24264078000128, 24496333389824, 24359657799680,
  24375260610560, 24296533524480, 24260596727808, 24167726448640, 24092489023488, 24098453323776, 24225263910912, 24181961916416,
  24032778911744, 24496190783488, 24138282434560, 24337268604928, 23946887954432, 24369917067264, 24111019458560, 24446186291200,
];

describe("Sobol' sequence (Joe & Kuo directions)", () => {
  it('the committed table is well formed: dimensions 2 … 128 in order, s initial numbers each, m_i odd and below 2^i', () => {
    expect(MAX_SOBOL_DIMENSIONS).toBe(128);
    JOE_KUO_DIRECTIONS.forEach((e, i) => {
      expect(e.d).toBe(i + 2);
      expect(e.m.length).toBe(e.s);
      e.m.forEach((m, k) => {
        expect(m % 2).toBe(1);
        expect(m).toBeLessThan(2 ** (k + 1));
      });
    });
  });

  it('gives the points of SciPy 1.10 unscrambled qmc.Sobol in all 128 dimensions (300 points, weighted sums exact)', () => {
    const seq = new SobolSequence(128);
    const sums = new Array<number>(128).fill(0);
    const p = new Float64Array(128);
    for (let i = 0; i < 300; i++) {
      seq.point(i, p);
      for (let j = 0; j < 128; j++) sums[j] += (i + 1) * Math.floor(p[j]! * 2 ** 30);
    }
    expect(sums).toEqual(SCIPY_WEIGHTED_SUMS);
    // The first points, as every Sobol' implementation starts.
    expect(Array.from(seq.point(0)).slice(0, 3)).toEqual([0, 0, 0]);
    expect(Array.from(seq.point(1)).slice(0, 6)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(Array.from(seq.point(2)).slice(0, 6)).toEqual([0.75, 0.25, 0.25, 0.25, 0.75, 0.75]);
    expect(Array.from(seq.point(3)).slice(0, 6)).toEqual([0.25, 0.75, 0.75, 0.75, 0.25, 0.25]);
  });

  it('any block of 2^m points starting at a multiple of 2^m puts one point in each of the 2^m equal intervals of every coordinate', () => {
    const seq = new SobolSequence(128);
    for (const [start, m] of [[0, 6], [64, 6], [1024, 10], [4096, 8]] as const) {
      const size = 2 ** m;
      const seen = Array.from({ length: 128 }, () => new Uint8Array(size));
      const p = new Float64Array(128);
      for (let i = start; i < start + size; i++) {
        seq.point(i, p);
        for (let j = 0; j < 128; j++) seen[j]![Math.floor(p[j]! * size)]!++;
      }
      for (const counts of seen) expect(counts.every((c) => c === 1)).toBe(true);
    }
  });

  it('refuses dimensions and indices it does not have', () => {
    expect(() => new SobolSequence(129)).toThrow(/1 … 128 dimensions/);
    expect(() => new SobolSequence(2).point(2 ** 32)).toThrow(/0 … 2\^32/);
  });
});
