/**
 * Social workers: one per cell, with WeChat contacts among its residents (the first ones drawn at
 * build). Outreach hours add residents on WeChat; messages are handled off the hotline within a
 * daily capacity; solving things builds trust and brings more contacts by word of mouth. Contacts
 * also drift away (residents move, change phones, stop following): without churn, word of mouth
 * made every worker's list grow by about 8% a year for ever, outreach or not (issue 10: drift).
 */
import { Channel, Kind, RES_STRIDE, Res, RF } from './flags.ts';
import { MI } from './metrics.ts';
import { CONTACTS_PER_OUTREACH_HOUR, NORM_FROM_EXPLANATION, TRUST_RATE, WECHAT_SOLVE, WORD_OF_MOUTH } from './constants.ts';
import type { Knobs } from './knobs.ts';
import type { Stream } from './rng.ts';
import type { World } from './world.ts';
import { type Clock, policyStart } from './clock.ts';
import type { NeedsLedger } from './needs-ledger.ts';
import type { Defects } from './defects.ts';
import type { Disputes } from './disputes.ts';
import type { Norms } from './norms.ts';
import type { Demand } from './demand.ts';
import type { Tally } from './tally.ts';
import type { EventLog } from './events.ts';
import { feel, remember } from './satisfaction.ts';

export class Outreach {
  /** Per cell: residents on the social worker's WeChat, and today's messages. */
  readonly contacts: Int32Array;
  private readonly load: Float64Array;
  /** Residents on WeChat, all cells. */
  total = 0;
  private readonly world: World;
  private readonly clock: Clock;
  private readonly rng: Stream;
  private readonly ledger: NeedsLedger;
  private readonly defects: Defects;
  private readonly disputes: Disputes;
  private readonly norms: Norms;
  private readonly demand: Demand;
  private readonly tally: Tally;
  private readonly events: EventLog;
  // configured
  private start = Infinity;
  private contactsPerDay = 0;
  /** Daily chance that a contact drifts away. */
  private churnPerDay = 0;
  private capacity = 0;

  /** The first contacts are drawn from the 'outreach' stream, cell by cell. */
  constructor(
    world: World,
    clock: Clock,
    k: Knobs,
    rng: Stream,
    ledger: NeedsLedger,
    defects: Defects,
    disputes: Disputes,
    norms: Norms,
    demand: Demand,
    tally: Tally,
    events: EventLog,
  ) {
    this.world = world;
    this.clock = clock;
    this.rng = rng;
    this.ledger = ledger;
    this.defects = defects;
    this.disputes = disputes;
    this.norms = norms;
    this.demand = demand;
    this.tally = tally;
    this.events = events;
    const C = world.C;
    this.contacts = new Int32Array(C);
    this.load = new Float64Array(C);
    const res = world.res;
    for (let c = 0; c < C; c++) {
      const n = world.population(c);
      const target = Math.min(k.initialWechatContacts, Math.floor(n * 0.5));
      for (let i = 0, tries = 0; i < target && tries < target * 4; tries++) {
        const r = world.cellStart[c] + rng.int(n);
        if (res[r * RES_STRIDE + Res.FLAGS] & RF.WECHAT) continue;
        res[r * RES_STRIDE + Res.FLAGS] |= RF.WECHAT;
        res[r * RES_STRIDE + Res.TRUST] = 166;
        i++;
      }
      let cnt = 0;
      for (let r = world.cellStart[c]; r < world.cellStart[c + 1]; r++) if (res[r * RES_STRIDE + Res.FLAGS] & RF.WECHAT) cnt++;
      this.contacts[c] = cnt;
      this.total += cnt;
    }
  }

  /** Read the knobs; `changeDay` is the day of a timeline change (null at build). */
  configure(k: Knobs, changeDay: number | null): void {
    this.start = policyStart(this.start, k.outreachHoursPerWeek > 0 ? this.clock.dayOf(k.outreachStart) : Infinity, changeDay);
    this.contactsPerDay = (k.outreachHoursPerWeek / 7) * CONTACTS_PER_OUTREACH_HOUR;
    this.capacity = k.wechatCapacity;
    this.churnPerDay = k.wechatChurn / 365;
  }

  /** Connect one unconnected resident of cell c to the social worker (a few tries). */
  private connectOne(c: number): void {
    const w = this.world;
    const rng = this.rng;
    const start = w.cellStart[c];
    const n = w.cellStart[c + 1] - start;
    if (this.contacts[c] >= n) return;
    for (let tries = 0; tries < 6; tries++) {
      const r = start + rng.int(n);
      const i = r * RES_STRIDE;
      if (w.res[i + Res.FLAGS] & RF.WECHAT) continue;
      w.res[i + Res.FLAGS] |= RF.WECHAT;
      w.res[i + Res.TRUST] = Math.max(w.res[i + Res.TRUST], 166);
      this.contacts[c]++;
      this.total++;
      this.events.note('wechat', c, r, -1, Channel.WECHAT, true);
      return;
    }
  }

  /** Disconnect one contact of cell c (residents are tried at random until one is a contact). */
  private disconnectOne(c: number): void {
    const w = this.world;
    const rng = this.rng;
    const start = w.cellStart[c];
    const n = w.cellStart[c + 1] - start;
    // enough tries to find a contact among residents even when few are (1 in 10: 99.9%)
    for (let tries = 0; tries < 64; tries++) {
      const i = (start + rng.int(n)) * RES_STRIDE + Res.FLAGS;
      if (!(w.res[i] & RF.WECHAT)) continue;
      w.res[i] &= ~RF.WECHAT;
      this.contacts[c]--;
      this.total--;
      return;
    }
  }

  /** Phase (daily): some contacts drift away; outreach adds contacts; the day's message load resets. */
  step(): void {
    this.load.fill(0);
    const rng = this.rng;
    const w = this.world;
    const churn = this.churnPerDay;
    if (churn > 0) {
      for (let c = 0; c < w.C; c++) {
        const lost = rng.poisson(this.contacts[c] * churn);
        for (let i = 0; i < lost; i++) this.disconnectOne(c);
      }
    }
    if (this.clock.day < this.start) return;
    const perDay = this.contactsPerDay;
    for (let c = 0; c < w.C; c++) {
      const unconnected = 1 - this.contacts[c] / w.population(c);
      const add = rng.poisson(perDay * unconnected);
      for (let i = 0; i < add; i++) this.connectOne(c);
    }
  }

  /** Resident r of cell c messages the social worker: handled the same day within capacity. */
  message(r: number, c: number, kind: number, ref: number, need: number): void {
    const w = this.world;
    const rng = this.rng;
    this.tally.add(MI.wechat_messages);
    const load = ++this.load[c];
    const cap = this.capacity;
    const p = WECHAT_SOLVE[kind] * (load <= cap ? 1 : cap / load);
    let solved = rng.u() < p;
    switch (kind) {
      case Kind.DEFECT:
        if (!this.defects.isOpen(ref)) solved = true;
        else if (solved) this.defects.fix(ref); // reported to the community, which fixes small things
        break;
      case Kind.DISPUTE:
        if (solved) this.disputes.settle(ref);
        break;
      case Kind.WISH:
      case Kind.VENT:
        this.norms.learn(r, c, 2 * NORM_FROM_EXPLANATION); // "I only trust you": the explanation lands
        break;
    }
    if (solved) this.ledger.solve(need, this.clock.day);
    else this.ledger.fail(need);
    const sat = solved ? 1 : kind === Kind.WISH || kind === Kind.VENT ? 0.6 : 0.3;
    remember(w, this.demand, r, c, Channel.WECHAT, solved ? 1 : 0.3);
    const ti = r * RES_STRIDE + Res.TRUST;
    const t = w.res[ti];
    w.res[ti] = Math.round(t + (sat * 255 - t) * TRUST_RATE);
    feel(w, r, sat);
    this.events.note('wechat', c, r, kind, Channel.WECHAT, solved);
    if (solved && rng.u() < WORD_OF_MOUTH) this.connectOne(c);
  }
}
