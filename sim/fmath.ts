/**
 * Deterministic elementary functions. JavaScript engines round Math.exp, Math.log, Math.pow and
 * Math.cos differently in the last bit (Node 20's V8 and Chromium 156's disagree on about 10% of
 * exp arguments), and a last-bit difference that flips a comparison with a random draw changes a
 * run. These are built from IEEE-754 basic operations only (+, -, *, /, which every engine rounds
 * the same way), so the model gives the same numbers, bit for bit, everywhere.
 * Accuracy: within a few units in the last place of the true value over the ranges the model uses.
 */

// ln 2 split so that k * LN2_HI is exact for |k| < 2^20 (fdlibm's constants, written as fdlibm
// writes them; the extra digits round to the intended doubles).
// biome-ignore lint/correctness/noPrecisionLoss: fdlibm's literal
const LN2_HI = 6.9314718036912381649e-1;
// biome-ignore lint/correctness/noPrecisionLoss: fdlibm's literal
const LN2_LO = 1.90821492927058770002e-10;
// 1 / ln 2 (fdlibm's 1.44269504088896338700e0 is the same double)
const INV_LN2 = Math.LOG2E;
const SQRT2 = Math.SQRT2;

/** 2^k for k in [-1074, 1023], built by exact doubling and halving. */
const POW2 = new Float64Array(1074 + 1024);
{
  let v = 1;
  for (let k = 0; k <= 1023; k++, v *= 2) POW2[1074 + k] = v;
  v = 1;
  for (let k = 0; k >= -1074; k--, v /= 2) POW2[1074 + k] = v;
}

/** x * 2^k without overflow or premature underflow. */
function scale(x: number, k: number): number {
  if (k > 1023) return x * POW2[1074 + 1023] * POW2[1074 + k - 1023];
  if (k < -1022) return x * POW2[1074 - 1022] * POW2[1074 + k + 1022];
  return x * POW2[1074 + k];
}

// 1/n! for the Taylor series of exp on |r| <= ln2/2 (degree 14: truncation below 1e-17).
const E = Array.from({ length: 15 }, (_, n) => {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return 1 / f;
});

export function exp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  let p = E[14];
  for (let n = 13; n >= 0; n--) p = p * r + E[n];
  return scale(p, k);
}

const view = new DataView(new ArrayBuffer(8));
// 2 / (2n + 1) for the series log(m) = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.1716.
const L = Array.from({ length: 13 }, (_, n) => 2 / (2 * n + 1));

export function log(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let e = 0;
  if (x < 2.2250738585072014e-308) {
    x *= POW2[1074 + 54]; // subnormal: bring into the normal range
    e = -54;
  }
  view.setFloat64(0, x);
  const bits = (view.getUint32(0) >>> 20) & 0x7ff;
  e += bits - 1023;
  let m = x * POW2[1074 - (bits - 1023)]; // exact: m in [1, 2)
  if (m > SQRT2) {
    m *= 0.5;
    e += 1;
  }
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let p = L[12];
  for (let n = 11; n >= 0; n--) p = p * s2 + L[n];
  return e * LN2_HI + (s * p + e * LN2_LO);
}

/** x^y for x > 0 (the model's only use); 1 for y = 0. */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (x === 1) return 1;
  return exp(y * log(x));
}
