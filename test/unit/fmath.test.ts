// The model's own exp/log/pow: accurate to a few ulp, and built only from basic IEEE operations
// so every engine gives the same bits (Math.exp/log/pow differ in the last bit between engines).
import { describe, expect, it } from 'vitest';
import { exp, log, pow } from '../../sim/fmath.ts';
import { Stream } from '../../sim/rng.ts';
import { sha256Hex } from '../../scenarios/export.ts';

const rel = (a: number, b: number) => (b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b));

describe('fmath', () => {
  it('exp matches Math.exp within 4e-16 relative over the model range and beyond', () => {
    const r = new Stream(1, 'fmath');
    // Every argument is checked; only the ones over the bound are reported (one expect per
    // argument cost seconds and said no more).
    const over: string[] = [];
    for (let i = 0; i < 200000; i++) {
      const x = (r.u() - 0.5) * (i % 2 ? 60 : 1400);
      const e = rel(exp(x), Math.exp(x));
      if (!(e < 4e-16 * (1 + Math.abs(x) / 50))) over.push(`exp(${x}): relative error ${e}`);
    }
    expect(over).toEqual([]);
    expect(exp(0)).toBe(1);
    expect(exp(1000)).toBe(Infinity);
    expect(exp(-1000)).toBe(0);
    expect(Number.isNaN(exp(NaN))).toBe(true);
    expect(exp(-740)).toBeGreaterThan(0); // subnormal
  });
  it('log matches Math.log within 4e-16 relative (absolute near 1)', () => {
    const r = new Stream(2, 'fmath');
    const over: string[] = [];
    for (let i = 0; i < 200000; i++) {
      const x = i % 3 === 0 ? r.u() : i % 3 === 1 ? r.u() * 1e6 : 10 ** ((r.u() - 0.5) * 600);
      const a = log(x);
      const b = Math.log(x);
      if (!(Math.abs(a - b) < 4e-16 * Math.max(1, Math.abs(b)))) over.push(`log(${x}): error ${Math.abs(a - b)}`);
    }
    expect(over).toEqual([]);
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(-Infinity);
    expect(Number.isNaN(log(-1))).toBe(true);
    expect(Math.abs(log(5e-324) - Math.log(5e-324))).toBeLessThan(1e-12);
  });
  it('pow matches Math.pow for the model uses', () => {
    for (const [x, y] of [
      [0.5, 1 / 30],
      [0.6, 1 / 365],
      [0.99, 1 / 3650],
      [2, 10],
      [0.3, 0],
    ]) {
      expect(rel(pow(x, y), x ** y)).toBeLessThan(1e-15);
    }
  });
  it('gives these exact bits (the same in Node and in a browser)', () => {
    const xs: number[] = [];
    for (let i = -200; i <= 200; i++) xs.push(exp(i / 7), log(Math.abs(i) + 0.001), pow(0.5 + i / 1000, 1 / 30));
    // a fingerprint of the bits; the cross-engine e2e test checks whole runs
    expect(sha256Hex(xs.map((v) => v.toString()).join(','))).toBe(FINGERPRINT);
  });
});

const FINGERPRINT = 'c42187133980e73dd1591aeabcc9865506c20cc1a253cc3139c690da696cd76c';
