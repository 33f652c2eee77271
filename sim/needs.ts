/**
 * Needs: what happens to residents each day. Counts are drawn first (Poisson), then whom they
 * hit, so the cost follows needs, not residents x days. Every need goes at once to the
 * resident's channel choice (sim/channels.ts). All draws come from the 'needs' stream.
 * - public defects arise per cell (faster where long-term work is neglected); while open,
 *   residents notice them and may report them, many times; routine upkeep fixes some unreported;
 * - individual matters, out-of-scope wishes, venting and consultations hit residents in
 *   proportion to their hotline propensity (a few frequent callers raise a large share);
 * - contested goods: residents who want the light or the speed bump the other way grow
 *   discontent, unless a council's consensus holds;
 * - neighbour disputes start, provoke proxy complaints under new pretexts, and sometimes fade.
 */
import { Kind } from './flags.ts';
import { DUPLICATE_DAMPING, ROUTINE_FIX_DAYS } from './constants.ts';
import type { Knobs } from './knobs.ts';
import type { Stream } from './rng.ts';
import type { World } from './world.ts';
import type { Clock } from './clock.ts';
import type { Defects } from './defects.ts';
import type { Disputes } from './disputes.ts';
import type { Goods } from './goods.ts';
import type { Channels } from './channels.ts';
import type { Work } from './work.ts';

export class Needs {
  private readonly world: World;
  private readonly clock: Clock;
  private readonly rng: Stream;
  private readonly defects: Defects;
  private readonly disputes: Disputes;
  private readonly goods: Goods;
  private readonly channels: Channels;
  private readonly work: Work;
  // configured
  private defectBase = 0;
  private maintenanceEffect = 0;
  private defectNotice = 0;
  private consultRate = 0;
  private individualRate = 0;
  private wishRate = 0;
  private ventRate = 0;
  private contestedDaily = 0;
  private disputeRate = 0;
  private boundaryShare = 0;
  private fadeDaily = 0;
  private proxyDaily = 0;

  constructor(world: World, clock: Clock, rng: Stream, defects: Defects, disputes: Disputes, goods: Goods, channels: Channels, work: Work) {
    this.world = world;
    this.clock = clock;
    this.rng = rng;
    this.defects = defects;
    this.disputes = disputes;
    this.goods = goods;
    this.channels = channels;
    this.work = work;
  }

  configure(k: Knobs): void {
    this.defectBase = k.defectRate / 1000 / 365;
    this.maintenanceEffect = k.maintenanceEffect;
    this.defectNotice = k.defectNoticeRate;
    this.consultRate = k.consultRate;
    this.individualRate = k.individualRate;
    this.wishRate = k.wishRate;
    this.ventRate = k.ventRate;
    this.contestedDaily = k.contestedRate / 365;
    this.disputeRate = k.disputeRate;
    this.boundaryShare = k.boundaryDisputeShare;
    this.fadeDaily = k.disputeResolveRate / 365;
    this.proxyDaily = k.proxyRate / 365;
  }

  /** Phase: defects arise; residents notice open ones; routine upkeep fixes some that nobody reported. */
  defectsArise(): void {
    const w = this.world;
    const rng = this.rng;
    const defects = this.defects;
    const upkeep = this.work.upkeep;
    const base = this.defectBase;
    for (let c = 0; c < w.C; c++) {
      const u = w.cellUnit[c];
      const mult = Math.max(0, 1 + this.maintenanceEffect * (1 - 2 * upkeep[u]));
      const n = rng.poisson(base * w.population(c) * mult);
      for (let i = 0; i < n; i++) defects.arise(c);
    }
    const open = defects.open;
    const notice = this.defectNotice;
    for (let i = open.size - 1; i >= 0; i--) {
      const d = open.items[i];
      const c = defects.cell(d);
      if (rng.u() < upkeep[w.cellUnit[c]] / ROUTINE_FIX_DAYS) {
        defects.fix(d);
        continue;
      }
      // once someone has raised it, fewer bother ("it has been reported")
      const n = rng.poisson(notice / (1 + DUPLICATE_DAMPING * defects.reports(d)));
      for (let j = 0; j < n && defects.isOpen(d); j++) {
        defects.report(d);
        this.channels.decide(w.pickInCell(c, rng), c, Kind.DEFECT, d);
      }
    }
  }

  /** Personal needs of one kind, at a rate per resident per year. */
  private personal(kind: number, perYear: number): void {
    const w = this.world;
    const rng = this.rng;
    const n = rng.poisson((perYear * w.N) / 365);
    for (let i = 0; i < n; i++) {
      const c = w.pickCell(rng);
      const r = w.pickInCell(c, rng);
      this.channels.decide(r, c, kind, -1);
    }
  }

  /** Phase: consultations, individual matters, out-of-scope wishes and venting. */
  personalNeeds(): void {
    this.personal(Kind.CONSULT, this.consultRate);
    this.personal(Kind.INDIVIDUAL, this.individualRate);
    this.personal(Kind.WISH, this.wishRate);
    this.personal(Kind.VENT, this.ventRate);
  }

  /** Phase: discontent with contested goods, unless a consensus holds. */
  contested(): void {
    const w = this.world;
    const rng = this.rng;
    const goods = this.goods;
    const day = this.clock.day;
    const rate = this.contestedDaily;
    for (let c = 0; c < w.C; c++) {
      const has = goods.has[c];
      if (!has) continue;
      for (let g = 0; g < 2; g++) {
        if (!(has & (1 << g))) continue;
        if (goods.locked(c, g, day)) continue; // consensus holds
        const n = rng.poisson(rate * goods.unhappy(c, g));
        for (let i = 0; i < n; i++) {
          // find a resident who wants it the other way (propensity-weighted, a bounded search)
          for (let tries = 0; tries < 40; tries++) {
            const r = w.pickInCell(c, rng);
            if (goods.wantsChange(r, c, g)) {
              this.channels.decide(r, c, Kind.CONTESTED, g);
              break;
            }
          }
        }
      }
    }
  }

  /** Phase: disputes start, flare into proxy complaints, or fade. */
  disputesFlare(): void {
    const w = this.world;
    const rng = this.rng;
    const disputes = this.disputes;
    const n = rng.poisson((this.disputeRate / 1000 / 365) * w.H);
    for (let i = 0; i < n; i++) {
      const c = w.householdPick.sample(rng);
      const r = w.pickInCell(c, rng);
      const boundary = rng.u() < this.boundaryShare;
      disputes.start(c, r, w.resHousehold[r], boundary, 0.3 + 0.7 * rng.u());
    }
    const fade = this.fadeDaily;
    const proxy = this.proxyDaily;
    const open = disputes.open;
    for (let i = open.size - 1; i >= 0; i--) {
      const d = open.items[i];
      if (rng.u() < fade) {
        disputes.settle(d);
        continue;
      }
      if (rng.u() < proxy * disputes.intensity(d)) {
        // the core conflict returns under a new pretext (noise, parking, rubbish...)
        this.channels.decide(disputes.filer(d), disputes.cell(d), Kind.DISPUTE, d);
      }
    }
  }
}
