// The lab's intervals on cases with known answers.
import { describe, expect, it } from 'vitest';
import { meanInterval, normalQuantile, pairedDifference, tQuantile, wilson } from '../../src/lab/stats';

describe('statistics', () => {
  it('normal and t quantiles match published tables', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.228139, 3);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.042272, 4);
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.776445, 2);
  });
  it('Wilson interval of 50/100 and of the extremes', () => {
    const w = wilson(50, 100);
    expect(w.value).toBe(0.5);
    expect(w.low).toBeCloseTo(0.403832, 5);
    expect(w.high).toBeCloseTo(0.596168, 5);
    const zero = wilson(0, 20);
    expect(zero.low).toBe(0);
    expect(zero.high).toBeCloseTo(0.161125, 5);
    expect(wilson(10, 10).high).toBe(1);
  });
  it('t interval of a mean', () => {
    // 1..10: mean 5.5, sd 3.02765, t(9) = 2.262157 -> half-width 2.165868
    const m = meanInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(m.value).toBe(5.5);
    expect(m.high - m.value).toBeCloseTo(2.165868, 2);
  });
  it('paired differences of two arms on the same seeds', () => {
    const d = pairedDifference([0, 0, 1, 1, 0, 1], [1, 0, 1, 1, 1, 1]);
    expect(d.value).toBeCloseTo(2 / 6, 12);
    expect(d.low).toBeLessThan(d.value);
    expect(() => pairedDifference([1], [1, 2])).toThrow(/same number/);
  });
  it('covers the true rate about 95% of the time (simulated)', () => {
    // A deterministic LCG so the check is reproducible.
    let x = 12345;
    const rnd = () => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return x / 4294967296;
    };
    let covered = 0;
    for (let trial = 0; trial < 2000; trial++) {
      let k = 0;
      for (let i = 0; i < 80; i++) if (rnd() < 0.3) k++;
      const w = wilson(k, 80);
      if (w.low <= 0.3 && 0.3 <= w.high) covered++;
    }
    expect(covered / 2000).toBeGreaterThan(0.93);
    expect(covered / 2000).toBeLessThan(0.975);
  });
});
