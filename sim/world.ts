/**
 * The world and its state: every array the daily pipeline reads and writes.
 * Built once from a validated scenario; after that the pipeline only indexes.
 */
import type { Knobs } from './knobs.ts';
import { AliasTable, makeStreams, type Stream, type Streams } from './rng.ts';
import { epochDay, periodBoundaries } from './calendar.ts';
import { IdSet, Table, TicketStore } from './tickets.ts';
import { IntQueue } from './queue.ts';
import { INITIAL_MEMORY, REGULAR_SHARE, REGULAR_WEIGHT } from './constants.ts';
import { METRIC_NAMES } from './metrics.ts';
import type { VillageEvent } from './types.ts';
import { CATEGORY_COUNT } from './categories.ts';
import { exp } from './fmath.ts';
import { RF } from './flags.ts';
import { expTables, type ExpTables } from './channels.ts';

export interface PolicyDays {
  refuse: number;
  publish: number;
  handDown: number;
  hall: number;
  appeal: number;
  outreach: number;
  educationStart: number;
  educationEnd: number;
}

export class State {
  readonly k: Knobs;
  readonly seed: number;
  readonly days: number;
  readonly startEpoch: number;
  readonly rng: Streams;
  day = 0;
  readonly policy: PolicyDays;

  // hierarchy
  readonly U: number; // units (streets/towns)
  readonly D: number; // functional departments
  readonly C: number; // cells
  readonly N: number; // residents
  readonly H: number; // households
  readonly unitDistrict: Int32Array;
  readonly unitPop: Float64Array;
  readonly cellUnit: Int32Array;
  readonly cellStart: Int32Array; // residents of cell c: [cellStart[c], cellStart[c+1])
  readonly cellClassStart: Int32Array; // per cell 3 class blocks: [c*3+k] start; block end is next start or cellStart[c+1]
  readonly cellVillage: Uint8Array;
  readonly cellHouseholdStart: Int32Array;
  readonly cellPick: AliasTable; // cells by total propensity
  readonly cellClassWeight: Float64Array; // per cell, cumulative class weights (3 per cell)
  readonly householdPick: AliasTable; // cells by households

  // residents (11 bytes each)
  readonly resHousehold: Int32Array;
  readonly resFlags: Uint8Array;
  readonly resNorm: Uint8Array; // personal norm knowledge x255
  readonly resTrust: Uint8Array; // trust in the social worker x255
  readonly resMem: Uint8Array; // 3 per resident: wechat, hall, hotline success memory x255
  readonly resSat: Uint8Array; // true satisfaction x255

  // cells
  readonly cellNormSum: Float64Array; // sum of residents' personal norm (0..1)
  readonly cellNorm: Float64Array; // village-level norm component (learned by watching deliberation)
  cityNorm = 0; // city-level norm component (publication, campaigns)
  readonly cellContested: Int8Array; // -1: none; bit0 lights bright, bit1 bump present
  readonly cellHasGood: Uint8Array; // bit0 lights contested, bit1 bump contested
  readonly cellPrefCount: Int32Array; // [c*4 + g*2 + s]: residents who care about good g and want state s
  readonly cellLockUntil: Int32Array; // [c*2+g]: consensus holds until this day
  readonly cellCouncil: Uint8Array;
  readonly cellWechat: Int32Array;
  readonly cellWechatLoad: Float64Array; // messages today
  readonly cellFiled: Int32Array;
  readonly cellDefectsOpen: Int32Array;
  readonly cellDisputesOpen: Int32Array;
  readonly councilQueue: (IntQueue | null)[];
  readonly councilCapacity: Float64Array;

  // owners: units then departments
  readonly staff: Float64Array;
  readonly fatigue: Float64Array;
  readonly upkeep: Float64Array; // 0..1, 0.5 normal
  readonly resp: Float64Array; // responsiveness 0..1
  readonly qGeneral: IntQueue[];
  readonly qComplex: IntQueue[];
  readonly pressure: Float64Array;
  readonly integrity: Float64Array;
  readonly gaming: Float64Array; // intensity this period
  readonly gamedCount: Float64Array; // gaming acts this period (for audits)
  readonly longtermHours: Float64Array; // this day

  // period accumulators per unit: dispatched, returned, closed, onTime, ratings, satReported, satTrue, excluded
  readonly pDispatched: Float64Array;
  readonly pReturned: Float64Array;
  readonly pClosed: Float64Array;
  readonly pOnTime: Float64Array;
  readonly pRatings: Float64Array;
  readonly pSatReported: Float64Array;
  readonly pSatTrue: Float64Array;
  readonly pTrueRatings: Float64Array;
  readonly pExcluded: Float64Array;
  readonly boundaries: number[];
  periodIndex = 0;
  prevRanks: Int32Array | null = null;

  // records
  readonly tickets = new TicketStore(1024);
  readonly defects = new Table(4, 0);
  readonly openDefects = new IdSet();
  readonly disputes = new Table(8, 1);
  readonly openDisputes = new IdSet();
  readonly cases = new Table(6, 0);
  readonly appeals = new IntQueue(64);
  readonly appealDue = new IntQueue(64);

  // the day's metric accumulator
  readonly acc = new Float64Array(METRIC_NAMES.length);
  closeDaysSum = 0;
  wechatTotal = 0;
  /** Contacts per subject category (sim/categories.ts), since the start. */
  readonly categoryCounts = new Float64Array(CATEGORY_COUNT);
  /** Ratings of the day: reported (all rated tickets) and true (real tickets only). */
  dayRatings = 0;
  daySatReported = 0;
  dayTrueRatings = 0;
  daySatTrue = 0;
  dayRealClosed = 0;
  daySolved = 0;
  /** Gaming hours incurred while closing a ticket, charged to the owner's budget. */
  pendingGamingHours = 0;
  /** Cell of the last resident drawn by pickResident. */
  lastCell = 0;
  readonly events: VillageEvent[] = [];

  // watched cell (village view)
  readonly watch: number;
  /** exp of the channel-choice utility terms (sim/channels.ts). */
  readonly expTables: ExpTables;

  constructor(k: Knobs, seed: number, watchCell = -1) {
    this.k = { ...k }; // a fresh literal copy keeps fast (non-dictionary) properties for the hot loop
    this.seed = seed >>> 0;
    this.days = k.horizonDays;
    this.startEpoch = epochDay(k.startDate);
    this.rng = makeStreams(this.seed);
    const dayOf = (iso: string) => epochDay(iso) - this.startEpoch;
    const edStart = dayOf(k.educationStart);
    this.policy = {
      refuse: k.intakePolicy === 'refuse-out-of-scope' ? dayOf(k.refuseStart) : Infinity,
      publish: k.publishUnreasonable ? dayOf(k.publishStart) : Infinity,
      handDown: k.handDown ? dayOf(k.handDownStart) : Infinity,
      hall: k.handDown && k.hall ? Math.max(dayOf(k.hallStart), dayOf(k.handDownStart)) : Infinity,
      appeal: k.appealExclusion ? dayOf(k.appealStart) : Infinity,
      outreach: k.outreachHoursPerWeek > 0 ? dayOf(k.outreachStart) : Infinity,
      educationStart: k.educationCampaign ? edStart : Infinity,
      educationEnd: k.educationCampaign ? edStart + k.educationDays : Infinity,
    };
    this.watch = watchCell;
    this.expTables = expTables(this.k);

    const w = this.rng.world;
    this.U = Math.min(k.units, k.cells);
    this.D = k.departments;
    this.C = k.cells;
    this.N = Math.max(k.residents, this.C);
    const { U, D, C, N } = this;
    const districts = Math.min(k.districts, U);

    this.unitDistrict = new Int32Array(U);
    for (let u = 0; u < U; u++) this.unitDistrict[u] = Math.floor((u * districts) / U);

    // Cells: sizes vary (lognormal weights), units take contiguous runs of cells.
    this.cellUnit = new Int32Array(C);
    this.cellVillage = new Uint8Array(C);
    const sizeW = new Float64Array(C);
    let wsum = 0;
    for (let c = 0; c < C; c++) {
      this.cellUnit[c] = Math.floor((c * U) / C);
      this.cellVillage[c] = w.u() < k.villageShare ? 1 : 0;
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
    this.resFlags = new Uint8Array(N);
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
      this.resFlags.fill(1, s + nOcc, s + nOcc + nReg);
      this.resFlags.fill(2, s + nOcc + nReg, s + n);
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
    this.resNorm = new Uint8Array(N);
    this.cellNormSum = new Float64Array(C);
    this.cellNorm = new Float64Array(C);
    const nm = k.initialNormKnowledge;
    for (let c = 0; c < C; c++) {
      let sum = 0;
      for (let r = this.cellStart[c]; r < this.cellStart[c + 1]; r++) {
        const v = Math.min(1, Math.max(0, nm + (w.u() - 0.5) * 0.5 * Math.min(nm, 1 - nm) * 2));
        const q = Math.round(v * 255);
        this.resNorm[r] = q;
        sum += q / 255;
      }
      this.cellNormSum[c] = sum;
    }
    this.resTrust = new Uint8Array(N).fill(128);
    this.resSat = new Uint8Array(N).fill(191);
    this.resMem = new Uint8Array(N * 3);
    const m0 = Math.round(INITIAL_MEMORY.wechat * 255);
    const m1 = Math.round(INITIAL_MEMORY.hall * 255);
    const m2 = Math.round(INITIAL_MEMORY.hotline * 255);
    for (let r = 0; r < N; r++) {
      this.resMem[r * 3] = m0;
      this.resMem[r * 3 + 1] = m1;
      this.resMem[r * 3 + 2] = m2;
    }

    // Contested goods: some cells have a street light level and/or a speed bump people disagree on.
    this.cellContested = new Int8Array(C).fill(-1);
    this.cellHasGood = new Uint8Array(C);
    this.cellPrefCount = new Int32Array(C * 4);
    this.cellLockUntil = new Int32Array(C * 2);
    for (let c = 0; c < C; c++) {
      if (!(w.u() < k.contestedCellShare)) continue;
      const x = w.u();
      const goods = x < 0.4 ? 1 : x < 0.8 ? 2 : 3; // lights, bump, or both
      this.cellHasGood[c] = goods;
      this.cellContested[c] = (w.u() < 0.5 ? 1 : 0) | (w.u() < 0.5 ? 2 : 0);
      for (let g = 0; g < 2; g++) {
        if (!(goods & (1 << g))) continue;
        const share = 0.3 + 0.4 * w.u(); // share who want "on" (bright / bump)
        const care = 0.3 + 0.3 * w.u(); // share who care at all
        for (let r = this.cellStart[c]; r < this.cellStart[c + 1]; r++) {
          if (!(w.u() < care)) continue;
          const on = w.u() < share;
          this.resFlags[r] |= g === 0 ? RF.CARES_LIGHTS | (on ? RF.WANTS_BRIGHT : 0) : RF.CARES_BUMP | (on ? RF.WANTS_BUMP : 0);
          this.cellPrefCount[c * 4 + g * 2 + (on ? 1 : 0)]++;
        }
      }
    }

    // Councils (drawn from their own stream, so that hand-down leaves the world's draws alone).
    this.cellCouncil = new Uint8Array(C);
    this.councilQueue = new Array(C).fill(null);
    this.councilCapacity = new Float64Array(C);
    if (k.handDown) {
      const cr = this.rng.councils;
      for (let c = 0; c < C; c++) {
        if (this.cellVillage[c] && cr.u() < k.councilCoverage) {
          this.cellCouncil[c] = 1;
          this.councilQueue[c] = new IntQueue(8);
        }
      }
    }

    // Social workers: one per cell, with initial WeChat contacts (from the outreach stream).
    this.cellWechat = new Int32Array(C);
    this.cellWechatLoad = new Float64Array(C);
    const orng = this.rng.outreach;
    for (let c = 0; c < C; c++) {
      const n = pop[c];
      const target = Math.min(k.initialWechatContacts, Math.floor(n * 0.5));
      for (let i = 0, tries = 0; i < target && tries < target * 4; tries++) {
        const r = this.cellStart[c] + orng.int(n);
        if (this.resFlags[r] & RF.WECHAT) continue;
        this.resFlags[r] |= RF.WECHAT;
        this.resTrust[r] = 166;
        i++;
      }
      let cnt = 0;
      for (let r = this.cellStart[c]; r < this.cellStart[c + 1]; r++) if (this.resFlags[r] & RF.WECHAT) cnt++;
      this.cellWechat[c] = cnt;
      this.wechatTotal += cnt;
    }

    this.cellFiled = new Int32Array(C);
    this.cellDefectsOpen = new Int32Array(C);
    this.cellDisputesOpen = new Int32Array(C);

    // Owners: units 0..U-1, departments U..U+D-1.
    const O = U + D;
    this.staff = new Float64Array(O);
    for (let u = 0; u < U; u++) this.staff[u] = (k.staffPer10k * this.unitPop[u]) / 10000;
    for (let d = 0; d < D; d++) this.staff[U + d] = (k.deptStaffPer10k * N) / 10000 / D;
    this.fatigue = new Float64Array(O);
    this.upkeep = new Float64Array(O).fill(0.5);
    this.resp = new Float64Array(O).fill(k.initialResponsiveness);
    this.qGeneral = Array.from({ length: O }, () => new IntQueue(64));
    this.qComplex = Array.from({ length: O }, () => new IntQueue(32));
    this.pressure = new Float64Array(O);
    this.integrity = new Float64Array(O).fill(1);
    const g = this.rng.gaming;
    for (let u = 0; u < U; u++) {
      this.integrity[u] = Math.min(1, Math.max(0, k.integrityMean + k.integritySpread * g.normal()));
    }
    this.gaming = new Float64Array(O);
    this.gamedCount = new Float64Array(O);
    this.longtermHours = new Float64Array(O);
    this.pDispatched = new Float64Array(U);
    this.pReturned = new Float64Array(U);
    this.pClosed = new Float64Array(U);
    this.pOnTime = new Float64Array(U);
    this.pRatings = new Float64Array(U);
    this.pSatReported = new Float64Array(U);
    this.pSatTrue = new Float64Array(U);
    this.pTrueRatings = new Float64Array(U);
    this.pExcluded = new Float64Array(U);
    const months = k.cadence === 'monthly' ? 1 : k.cadence === 'bimonthly' ? 2 : 3;
    this.boundaries = periodBoundaries(this.startEpoch, this.days, months, k.periodStartDay);
  }

  /** Effective norm knowledge of resident r in cell c (0..1). */
  norm(r: number, c: number): number {
    return 1 - (1 - this.resNorm[r] / 255) * (1 - this.cellNorm[c]) * (1 - this.cityNorm);
  }

  /** Raise resident r's personal norm by a share of what they do not yet know. */
  learn(r: number, c: number, share: number): void {
    const old = this.resNorm[r];
    const next = Math.min(255, Math.round(old + (255 - old) * share));
    this.resNorm[r] = next;
    this.cellNormSum[c] += (next - old) / 255;
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

  /** A resident anywhere, drawn in proportion to hotline propensity. */
  pickResident(rng: Stream): number {
    const c = this.cellPick.sample(rng);
    this.lastCell = c;
    return this.pickInCell(c, rng);
  }

  /** Record an event of the watched cell (for the village view). */
  event(type: VillageEvent['type'], c: number, r: number, kind = -1, channel = -1, ok = false, good = -1, state = -1): void {
    if (c !== this.watch) return;
    const household = r >= 0 ? this.resHousehold[r] - this.cellHouseholdStart[c] : -1;
    this.events.push({ day: this.day, type, household, kind, channel, ok, good, state });
  }

  /** Bytes held per resident and in total (for the bench). */
  stateBytes(): { residents: number; perResident: number; tickets: number; total: number } {
    const residents =
      this.resHousehold.byteLength +
      this.resFlags.byteLength +
      this.resNorm.byteLength +
      this.resTrust.byteLength +
      this.resMem.byteLength +
      this.resSat.byteLength;
    const tickets = this.tickets.bytes() + this.defects.bytes() + this.disputes.bytes() + this.cases.bytes();
    const cells = this.C * 120;
    return { residents, perResident: residents / this.N, tickets, total: residents + tickets + cells };
  }
}

/** A stride coprime with n near n * 0.618, to scatter indices over a cell. */
function largestCoprimeStride(n: number): number {
  let s = Math.max(1, Math.floor(n * 0.618)) | 1;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  while (gcd(s, n) !== 1) s += 2;
  return s;
}
