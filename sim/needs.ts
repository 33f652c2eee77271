/**
 * Needs: what happens to residents each day. Counts are drawn first (Poisson), then whom they
 * hit, so the cost follows needs, not residents x days. Every draw here is from the 'needs'
 * stream, in the order of the day's phases.
 * - public defects arise per cell (faster where long-term work is neglected); while open,
 *   residents notice them and may report them, many times; routine upkeep fixes some unreported;
 * - individual matters, out-of-scope wishes, venting and consultations hit residents in
 *   proportion to their hotline propensity (a few frequent callers raise a large share);
 * - contested goods: residents who want the light or the speed bump the other way grow
 *   discontent, unless a council's consensus holds;
 * - neighbour disputes start, provoke proxy complaints under new pretexts, and sometimes fade.
 * Each goes at once to channel choice (sim/channels.ts).
 */
import { DEF, DIS, Kind } from './flags.ts';
import { DisputeFlares } from './dispute-flares.ts';
import { MI } from './metrics.ts';
import { DUPLICATE_DAMPING, ROUTINE_FIX_DAYS } from './constants.ts';
import { exp } from './fmath.ts';
import type { Knobs } from './knobs.ts';
import type { Stream } from './rng.ts';
import type { World } from './world.ts';
import type { Clock } from './clock.ts';
import type { NeedsLedger } from './needs-ledger.ts';
import type { Defects } from './defects.ts';
import type { Disputes } from './disputes.ts';
import type { Goods } from './goods.ts';
import type { Demand } from './demand.ts';
import type { Channels } from './channels.ts';
import type { Work } from './work.ts';
import type { Tally } from './tally.ts';

/** The stock of old disputes is seeded with at most this many years of new ones. */
const MAX_SEEDED_DISPUTE_YEARS = 10;
/** Needs are drawn this many at a time before they are decided (see personal() and defectsArise()). */
const BATCH = 256;

export class Needs {
  private readonly world: World;
  private readonly clock: Clock;
  private readonly rng: Stream;
  private readonly ledger: NeedsLedger;
  private readonly defects: Defects;
  private readonly disputes: Disputes;
  private readonly goods: Goods;
  private readonly demand: Demand;
  private readonly channels: Channels;
  private readonly work: Work;
  private readonly tally: Tally;
  /** Where a dispute's proxy complaint goes (bound once). */
  private readonly flare: (d: number) => void;
  /** Where a wish group's members take their wish (bound once). */
  private readonly decideWish: (r: number, c: number, kind: number, ref: number) => void;
  /** The cells and residents of a batch of needs, drawn before they are decided (-1: no one). */
  private readonly batchCell = new Int32Array(BATCH);
  private readonly batchResident = new Int32Array(BATCH);
  /** The defects of a batch of fixes and reports (defectsArise). */
  private readonly batchDefect = new Int32Array(BATCH);
  /** When open disputes fade and flare up (drawn from this stream, as waiting times). */
  readonly flares: DisputeFlares;
  // configured
  private defectBase = 0;
  private maintenanceEffect = 0;
  private reportCap = 0;
  /** Per count of earlier reports (0..reportCap-1): the mean of an open defect's daily reports, and its exp(-mean). */
  private reportMean = new Float64Array(0);
  private reportExp = new Float64Array(0);
  private deadlineGeneral = 0;
  private merged = 1;
  private consultRate = 0;
  private individualRate = 0;
  private wishRate = 0;
  private ventRate = 0;
  private contestedRate = 0;
  private disputeRate = 0;
  private disputeResolveRate = 0;
  private boundaryShare = 0;
  private toleranceDays = 0;

  constructor(
    world: World,
    clock: Clock,
    rng: Stream,
    ledger: NeedsLedger,
    defects: Defects,
    disputes: Disputes,
    goods: Goods,
    demand: Demand,
    channels: Channels,
    work: Work,
    tally: Tally,
  ) {
    this.world = world;
    this.clock = clock;
    this.rng = rng;
    this.ledger = ledger;
    this.defects = defects;
    this.disputes = disputes;
    this.goods = goods;
    this.demand = demand;
    this.channels = channels;
    this.work = work;
    this.tally = tally;
    this.decideWish = (r, c, kind, ref) => channels.decide(r, c, kind, ref);
    this.flares = new DisputeFlares(disputes, clock, rng);
    this.flare = (d) => {
      const cols = disputes.table.cols;
      // the core conflict returns under a new pretext (noise, parking, rubbish...)
      channels.decide(cols[DIS.FILER][d], cols[DIS.CELL][d], Kind.DISPUTE, d);
    };
  }

  configure(k: Knobs): void {
    this.defectBase = k.defectRate / 1000 / 365;
    this.maintenanceEffect = k.maintenanceEffect;
    this.reportCap = k.defectReportCap;
    // once someone has raised it, fewer bother ("it has been reported"). The mean takes one value per
    // count of reports, and every open defect draws with it daily: its exp is computed here once.
    this.reportMean = new Float64Array(k.defectReportCap);
    this.reportExp = new Float64Array(k.defectReportCap);
    for (let reports = 0; reports < k.defectReportCap; reports++) {
      this.reportMean[reports] = k.defectNoticeRate / (1 + DUPLICATE_DAMPING * reports);
      this.reportExp[reports] = exp(-this.reportMean[reports]);
    }
    this.deadlineGeneral = k.deadlineGeneralDays;
    // other hotlines folded into 12345 bring their questions and matters with them
    this.merged = 1 + k.hotlineMerger;
    this.consultRate = k.consultRate;
    this.individualRate = k.individualRate;
    this.wishRate = k.wishRate;
    this.ventRate = k.ventRate;
    this.contestedRate = k.contestedRate / 365;
    this.disputeRate = k.disputeRate;
    this.disputeResolveRate = k.disputeResolveRate;
    this.boundaryShare = k.boundaryDisputeShare;
    this.flares.setRates(this.disputeResolveRate / 365, k.proxyRate / 365);
    this.toleranceDays = k.needToleranceDays;
  }

  /** Phase: defects arise; residents notice open ones and report them; routine upkeep fixes some. */
  defectsArise(): void {
    const w = this.world;
    const rng = this.rng;
    const base = this.defectBase;
    const upkeep = this.work.upkeep;
    const day = this.clock.day;
    for (let c = 0; c < w.C; c++) {
      const u = w.cellUnit[c];
      const mult = Math.max(0, 1 + this.maintenanceEffect * (1 - 2 * upkeep[u]));
      const n = rng.poisson(base * (w.cellStart[c + 1] - w.cellStart[c]) * mult);
      for (let i = 0; i < n; i++) this.defects.arise(c);
    }
    const open = this.defects.open;
    const cap = this.reportCap;
    const reportMean = this.reportMean;
    const reportExp = this.reportExp;
    // The open defects' cell, reports and last report are read by position in the open set, in
    // order (no defect arises below, so its columns are not replaced during the pass). As in
    // personal(), what the open defects draw is queued a batch at a time and acted on in the same
    // order (reportBatch: a routine fix, or a report and its resident, whose records are then fetched
    // together). The draws are those of acting one by one: they read only the defect's own cell,
    // reports and last report, which no action on another defect changes, and a fix only moves the
    // last open defect, already drawn, into the fixed one's place. The one draw that depends on an
    // action, whether a second resident reports a defect the first one's report may have got fixed
    // (WeChat fixes small things at once), is made after the queue is acted on.
    const cellOf = open.ints[DEF.CELL];
    const reportsOf = open.ints[DEF.REPORTS];
    const lastOf = open.ints[DEF.LAST];
    const defects = this.batchDefect;
    const cells = this.batchCell;
    const residents = this.batchResident;
    let m = 0;
    for (let i = open.size - 1; i >= 0; i--) {
      if (m === BATCH) m = this.reportBatch(m);
      const d = open.items[i];
      const c = cellOf[i];
      if (rng.u() < upkeep[w.cellUnit[c]] / ROUTINE_FIX_DAYS) {
        defects[m] = d;
        residents[m++] = -1; // fixed
        continue;
      }
      // after a few reports the rest wait for the fix, and only when a deadline has passed since the
      // last report does someone follow up: repeat reports saturate instead of growing with the backlog
      let reports = reportsOf[i];
      if (reports >= cap) {
        if (day - lastOf[i] <= this.deadlineGeneral) continue;
        reports = cap - 1;
        reportsOf[i] = reports;
      }
      const n = rng.poissonGivenExp(reportMean[reports], reportExp[reports]);
      if (n === 0) continue;
      if (n === 1 || reports === cap - 1) {
        // one report (an open defect under the cap always takes the first)
        defects[m] = d;
        cells[m] = c;
        residents[m++] = w.pickInCell(c, rng);
        continue;
      }
      m = this.reportBatch(m);
      // acting on the queue may have fixed defects and moved others: d is found by id from here on
      for (let j = 0; j < n && open.has(d) && reportsOf[open.pos[d]] < cap; j++) {
        this.defects.reported(d);
        this.channels.decide(w.pickInCell(c, rng), c, Kind.DEFECT, d);
      }
    }
    this.reportBatch(m);
  }

  /** Act on the m queued fixes and reports of defectsArise, in order; returns 0 (the queue's new length). */
  private reportBatch(m: number): number {
    const defects = this.batchDefect;
    const cells = this.batchCell;
    const residents = this.batchResident;
    this.world.prefetch(residents, m);
    for (let j = 0; j < m; j++) {
      const d = defects[j];
      const r = residents[j];
      if (r < 0) {
        this.defects.fix(d);
        continue;
      }
      this.defects.reported(d);
      this.channels.decide(r, cells[j], Kind.DEFECT, d);
    }
    return 0;
  }

  private personal(kind: number, perYear: number): void {
    const w = this.world;
    const rng = this.rng;
    const cells = this.batchCell;
    const residents = this.batchResident;
    const n = rng.poisson((perYear * w.N) / 365);
    // Whom the needs hit is drawn a batch at a time, then each is decided in the same order. The
    // draws are exactly those of drawing and deciding one by one (bit-identical runs): only Needs
    // draws from the 'needs' stream, nothing in decide() does, and the pickers read only the fixed
    // world. Drawing first lets the batch's resident records be fetched together (World.prefetch),
    // their cache misses overlapping, instead of one miss stalling each decision.
    for (let done = 0; done < n; done += BATCH) {
      const m = Math.min(BATCH, n - done);
      for (let j = 0; j < m; j++) {
        const c = w.pickCell(rng);
        cells[j] = c;
        residents[j] = w.pickInCell(c, rng);
      }
      w.prefetch(residents, m);
      for (let j = 0; j < m; j++) {
        const c = cells[j];
        this.channels.decide(residents[j], c, kind, -1, kind === Kind.INDIVIDUAL ? this.ledger.arise(kind, this.clock.day) : -1);
        if (kind === Kind.WISH) this.demand.maybeFormGroup(c);
      }
    }
  }

  /** Phase: consultations, individual matters, wishes and venting; then the wish groups' rounds. */
  personalNeeds(): void {
    const merged = this.merged;
    this.personal(Kind.CONSULT, this.consultRate * merged);
    this.personal(Kind.INDIVIDUAL, this.individualRate * merged);
    this.personal(Kind.WISH, this.wishRate);
    this.personal(Kind.VENT, this.ventRate);
    this.demand.circle(this.decideWish);
  }

  /** Phase: residents who want a contested good the other way grow discontent (unless a consensus holds). */
  contested(): void {
    const w = this.world;
    const goods = this.goods;
    const rng = this.rng;
    const rate = this.contestedRate;
    const day = this.clock.day;
    for (let c = 0; c < w.C; c++) {
      const has = goods.has[c];
      if (!has) continue;
      for (let g = 0; g < 2; g++) {
        if (!(has & (1 << g))) continue;
        if (goods.locked(c, g, day)) continue; // consensus holds
        const on = (goods.contested[c] >> g) & 1;
        const unhappy = goods.prefCount[c * 4 + g * 2 + (1 - on)];
        const n = rng.poisson(rate * unhappy);
        for (let i = 0; i < n; i++) {
          // find a resident who wants it the other way (propensity-weighted, a bounded search)
          for (let tries = 0; tries < 40; tries++) {
            const r = w.pickInCell(c, rng);
            if (goods.wantsChange(r, c, g)) {
              this.channels.decide(r, c, Kind.CONTESTED, g, this.ledger.arise(Kind.CONTESTED, day));
              break;
            }
          }
        }
      }
    }
  }

  /**
   * Before the burn-in: the stock of old disputes a district carries, at the level where new ones
   * and those that fade by themselves balance (their needs arose long ago, so they count as unmet
   * at once, before anything is recorded). Without it the stock grows for years (its time constant
   * is 1 / disputeResolveRate) and every before/after comparison drifts.
   */
  seedDisputes(): void {
    if (!(this.disputeResolveRate > 0)) return;
    const rng = this.rng;
    // at most ten years' worth: with disputes that almost never fade, the balance would be a stock
    // far beyond anything a district carries (and beyond memory)
    const n = rng.poisson((this.disputeRate / 1000) * this.world.H * Math.min(1 / this.disputeResolveRate, MAX_SEEDED_DISPUTE_YEARS));
    const longAgo = this.clock.day - this.toleranceDays - 1;
    for (let i = 0; i < n; i++) this.flares.schedule(this.disputes.start(rng, longAgo, this.boundaryShare));
  }

  /** Phase: disputes start, and today's fade or flare up as proxy complaints (sim/dispute-flares.ts). */
  disputesFlare(): void {
    const rng = this.rng;
    const disputes = this.disputes;
    const n = rng.poisson((this.disputeRate / 1000 / 365) * this.world.H);
    for (let i = 0; i < n; i++) this.flares.schedule(disputes.start(rng, this.clock.day, this.boundaryShare));
    this.flares.run(this.flare);
    const open = disputes.open;
    this.tally.set(MI.disputes_open, open.size);
  }
}
