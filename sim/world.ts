/**
 * The world: who lives where. Units (streets and towns) and departments, cells (communities and
 * villages) in runs per unit, households, and the residents as typed arrays (12 bytes each), with
 * the pickers that draw a resident in proportion to hotline propensity. Built once from the knobs,
 * the 'units' stream and the 'world' stream; after that the mechanisms only index it. What changes
 * day by day lives in the mechanisms (sim/model.ts lists them), apart from the residents' own
 * arrays (norm, trust, memory, satisfaction), which the mechanisms that speak to residents update
 * in place.
 */
import type { Knobs } from './knobs.ts';
import { AliasTable, type Stream } from './rng.ts';
import { INITIAL_HALL_MEMORY, REGULAR_SHARE, REGULAR_WEIGHT } from './constants.ts';
import { exp } from './fmath.ts';
import { RES_STRIDE, Res } from './flags.ts';

export class World {
  // hierarchy
  readonly U: number; // units (streets/towns)
  readonly D: number; // functional departments
  readonly O: number; // owners of tickets: units 0..U-1, then departments U..U+D-1
  readonly C: number; // cells
  readonly N: number; // residents
  readonly H: number; // households
  readonly unitDistrict: Int32Array;
  readonly unitPop: Float64Array;
  /** Each unit's lasting staffing level relative to staffPer10k (mean 1). */
  readonly unitStaffMult: Float64Array;
  readonly cellUnit: Int32Array;
  readonly cellStart: Int32Array; // residents of cell c: [cellStart[c], cellStart[c+1])
  readonly cellClassStart: Int32Array; // per cell 3 class blocks: [c*3+k] start; block end is next start or cellStart[c+1]
  readonly cellVillage: Uint8Array;
  readonly cellHouseholdStart: Int32Array;
  readonly cellPick: AliasTable; // cells by total propensity
  readonly cellClassWeight: Float64Array; // per cell, cumulative class weights (3 per cell)
  readonly householdPick: AliasTable; // cells by households

  // residents (12 bytes each)
  readonly resHousehold: Int32Array;
  /** RES_STRIDE bytes per resident at the offsets of Res (sim/flags.ts): flags, norm, trust, memory, satisfaction. */
  readonly res: Uint8Array;
  /** What prefetch() read, folded into a field so that the engine cannot drop its loads as dead. */
  private prefetched = 0;

  /**
   * Draws from the 'units' stream (each unit's urban mix and staffing level) and then from the
   * 'world' stream in a fixed order: villages and cell sizes, propensity classes, personal norm
   * knowledge. The contested goods (sim/goods.ts) draw from the 'world' stream next.
   */
  constructor(k: Knobs, rng: Stream, unitsRng: Stream) {
    this.U = Math.min(k.units, k.cells);
    this.D = k.departments;
    this.C = k.cells;
    const w = rng;
    this.N = Math.max(k.residents, this.C);
    this.O = this.U + this.D;
    const { U, C, N } = this;
    const districts = Math.min(k.districts, U);

    this.unitDistrict = new Int32Array(U);
    for (let u = 0; u < U; u++) this.unitDistrict[u] = Math.floor((u * districts) / U);

    // Units differ persistently: an urban or rural mix and a staffing level of their own (their own
    // stream, so the world's other draws are those of a world without the spread).
    const ur = unitsRng;
    const unitVillage = new Float64Array(U);
    this.unitStaffMult = new Float64Array(U);
    const staffMult = this.unitStaffMult;
    for (let u = 0; u < U; u++) {
      unitVillage[u] = Math.min(1, Math.max(0, k.villageShare + k.unitMixSpread * ur.normal()));
      // mean-preserving lognormal: E[exp(sd z - sd^2/2)] = 1
      staffMult[u] = exp(k.staffSpread * ur.normal() - (k.staffSpread * k.staffSpread) / 2);
    }

    // Cells: sizes vary (lognormal weights), units take contiguous runs of cells.
    this.cellUnit = new Int32Array(C);
    this.cellVillage = new Uint8Array(C);
    const sizeW = new Float64Array(C);
    let wsum = 0;
    for (let c = 0; c < C; c++) {
      this.cellUnit[c] = Math.floor((c * U) / C);
      this.cellVillage[c] = w.u() < unitVillage[this.cellUnit[c]] ? 1 : 0;
      sizeW[c] = exp(0.5 * w.normal());
      wsum += sizeW[c];
    }
    // Largest-remainder allocation of N residents, each cell at least 1.
    const pop = new Int32Array(C);
    let assigned = 0;
    for (let c = 0; c < C; c++) {
      pop[c] = 1 + Math.floor(((N - C) * sizeW[c]) / wsum);
      assigned += pop[c];
    }
    for (let c = 0; assigned < N; c = (c + 1) % C) {
      pop[c]++;
      assigned++;
    }
    this.cellStart = new Int32Array(C + 1);
    for (let c = 0; c < C; c++) this.cellStart[c + 1] = this.cellStart[c] + pop[c];
    this.unitPop = new Float64Array(U);
    for (let c = 0; c < C; c++) this.unitPop[this.cellUnit[c]] += pop[c];

    // Propensity classes as contiguous blocks within each cell: no per-resident class draw.
    this.cellClassStart = new Int32Array(C * 3);
    this.cellClassWeight = new Float64Array(C * 3);
    const cellW = new Float64Array(C);
    const fw = k.frequentCallerWeight;
    const res = new Uint8Array(N * RES_STRIDE);
    this.res = res;
    for (let c = 0; c < C; c++) {
      const s = this.cellStart[c];
      const n = pop[c];
      const nFreq = w.binomial(n, k.frequentCallerShare);
      const nReg = w.binomial(n - nFreq, REGULAR_SHARE);
      const nOcc = n - nFreq - nReg;
      this.cellClassStart[c * 3] = s;
      this.cellClassStart[c * 3 + 1] = s + nOcc;
      this.cellClassStart[c * 3 + 2] = s + nOcc + nReg;
      const w0 = nOcc;
      const w1 = nReg * REGULAR_WEIGHT;
      const w2 = nFreq * fw;
      this.cellClassWeight[c * 3] = w0;
      this.cellClassWeight[c * 3 + 1] = w0 + w1;
      this.cellClassWeight[c * 3 + 2] = w0 + w1 + w2;
      cellW[c] = w0 + w1 + w2;
      for (let r = s + nOcc; r < s + nOcc + nReg; r++) res[r * RES_STRIDE + Res.FLAGS] = 1;
      for (let r = s + nOcc + nReg; r < s + n; r++) res[r * RES_STRIDE + Res.FLAGS] = 2;
    }
    this.cellPick = new AliasTable(cellW);

    // Households: about householdSize residents each, members scattered over the class blocks.
    this.cellHouseholdStart = new Int32Array(C + 1);
    for (let c = 0; c < C; c++) {
      this.cellHouseholdStart[c + 1] = this.cellHouseholdStart[c] + Math.max(1, Math.round(pop[c] / k.householdSize));
    }
    this.H = this.cellHouseholdStart[C];
    this.householdPick = new AliasTable(Array.from({ length: C }, (_, c) => this.cellHouseholdStart[c + 1] - this.cellHouseholdStart[c]));
    this.resHousehold = new Int32Array(N);
    for (let c = 0; c < C; c++) {
      const s = this.cellStart[c];
      const n = pop[c];
      const h0 = this.cellHouseholdStart[c];
      const nh = this.cellHouseholdStart[c + 1] - h0;
      // a fixed odd stride scatters consecutive residents over households
      const stride = n > 2 ? largestCoprimeStride(n) : 1;
      for (let j = 0; j < n; j++) {
        const p = (j * stride) % n;
        this.resHousehold[s + j] = h0 + Math.floor((p * nh) / n);
      }
    }

    // Norm knowledge: personal component spread around the initial mean.
    const nm = k.initialNormKnowledge;
    for (let c = 0; c < C; c++) {
      for (let r = this.cellStart[c]; r < this.cellStart[c + 1]; r++) {
        const v = Math.min(1, Math.max(0, nm + (w.u() - 0.5) * 0.5 * Math.min(nm, 1 - nm) * 2));
        res[r * RES_STRIDE + Res.NORM] = Math.round(v * 255);
      }
    }
    const m0 = Math.round(k.initialWechatMemory * 255);
    const m1 = Math.round(INITIAL_HALL_MEMORY * 255);
    const m2 = Math.round(k.initialHotlineMemory * 255);
    for (let r = 0; r < N; r++) {
      const i = r * RES_STRIDE;
      res[i + Res.TRUST] = 128;
      res[i + Res.MEM] = m0;
      res[i + Res.MEM + 1] = m1;
      res[i + Res.MEM + 2] = m2;
      res[i + Res.SAT] = 191;
    }
  }

  /** Residents of cell c. */
  population(c: number): number {
    return this.cellStart[c + 1] - this.cellStart[c];
  }

  /** Cell of resident r (binary search over cell starts). */
  cellOf(r: number): number {
    let lo = 0;
    let hi = this.C - 1;
    const s = this.cellStart;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= r) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** A cell, drawn in proportion to its residents' hotline propensity (pickInCell then draws the resident). */
  pickCell(rng: Stream): number {
    return this.cellPick.sample(rng);
  }

  /** A resident of cell c, drawn in proportion to hotline propensity. */
  pickInCell(c: number, rng: Stream): number {
    const b = c * 3;
    const cw = this.cellClassWeight;
    const x = rng.u() * cw[b + 2];
    const k = x < cw[b] ? 0 : x < cw[b + 1] ? 1 : 2;
    const start = this.cellClassStart[b + k];
    const end = k < 2 ? this.cellClassStart[b + k + 1] : this.cellStart[c + 1];
    return start + rng.int(end - start);
  }

  /**
   * Touch the records of residents rs[0..n) (-1: no one) in one tight loop of independent loads, so that their
   * cache misses (a random record of a 175 MB array at Beijing scale) overlap instead of stalling one
   * by one in the middle of each resident's decision. It only reads: nothing the model sees changes.
   */
  prefetch(rs: Int32Array, n: number): void {
    const res = this.res;
    let x = this.prefetched;
    for (let j = 0; j < n; j++) {
      const r = rs[j];
      if (r >= 0) x ^= res[r * RES_STRIDE];
    }
    this.prefetched = x;
  }

  /** Bytes held by the residents' arrays. */
  residentBytes(): number {
    return this.resHousehold.byteLength + this.res.byteLength;
  }
}

/** A stride coprime with n near n * 0.618, to scatter indices over a cell. */
function largestCoprimeStride(n: number): number {
  let s = Math.max(1, Math.floor(n * 0.618)) | 1;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  while (gcd(s, n) !== 1) s += 2;
  return s;
}
