/**
 * Channel choice: a resident with a need does nothing, messages the social worker on WeChat,
 * takes it to the village hall (where one is open) or calls 12345. A multinomial logit over
 * cost, remembered success, trust and, for out-of-scope wishes, venting and proxy complaints,
 * knowledge of what the hotline is for. One uniform draw per decision; residents who do not
 * think of 12345 (sim/demand.ts) never call it.
 */
import { Channel, Kind, RES_STRIDE, Res, RF } from './flags.ts';
import { MI } from './metrics.ts';
import { NORM_ON_PROXY } from './constants.ts';
import { exp } from './fmath.ts';
import { expTables, type ExpTables } from './channel-tables.ts';
import type { Knobs } from './knobs.ts';
import type { Stream } from './rng.ts';
import type { World } from './world.ts';
import type { Clock } from './clock.ts';
import type { NeedsLedger } from './needs-ledger.ts';
import type { Norms } from './norms.ts';
import type { Demand } from './demand.ts';
import type { Councils } from './councils.ts';
import type { Intake } from './intake.ts';
import type { Outreach } from './outreach.ts';
import type { Tally } from './tally.ts';
import type { EventLog } from './events.ts';

export class Channels {
  private readonly world: World;
  private readonly clock: Clock;
  private readonly rng: Stream;
  private readonly awareRng: Stream;
  private readonly selfHelpRng: Stream;
  private readonly ledger: NeedsLedger;
  private readonly norms: Norms;
  private readonly demand: Demand;
  private readonly councils: Councils;
  private readonly intake: Intake;
  private readonly outreach: Outreach;
  private readonly tally: Tally;
  private readonly events: EventLog;
  // configured
  /** exp of the utility terms that take few values (sim/channel-tables.ts). */
  private tables!: ExpTables;
  private normEffect = 0;
  private neighbourWeight = 0;
  private selfHelpShare = 0;

  /** Streams: 'channels' (the choice), 'demand' (is the resident aware of 12345), 'selfHelp'. */
  constructor(
    world: World,
    clock: Clock,
    rng: Stream,
    awareRng: Stream,
    selfHelpRng: Stream,
    ledger: NeedsLedger,
    norms: Norms,
    demand: Demand,
    councils: Councils,
    intake: Intake,
    outreach: Outreach,
    tally: Tally,
    events: EventLog,
  ) {
    this.world = world;
    this.clock = clock;
    this.rng = rng;
    this.awareRng = awareRng;
    this.selfHelpRng = selfHelpRng;
    this.ledger = ledger;
    this.norms = norms;
    this.demand = demand;
    this.councils = councils;
    this.intake = intake;
    this.outreach = outreach;
    this.tally = tally;
    this.events = events;
  }

  configure(k: Knobs): void {
    this.tables = expTables(k);
    this.normEffect = k.normEffect;
    this.neighbourWeight = k.neighbourWeight;
    this.selfHelpShare = k.selfHelpShare;
  }

  /** The channel resident r of cell c picks for a need of this kind, given the uniform draw u. */
  choose(r: number, c: number, kind: number, u: number): number {
    // exp of a sum as a product of precomputed exps: fast, and identical everywhere
    const x = this.tables;
    const w = this.world;
    const res = w.res;
    const i = r * RES_STRIDE;
    const f = res[i + Res.FLAGS];
    let eNone = x.none[kind];
    if (kind === Kind.WISH || kind === Kind.VENT) eNone *= exp(this.normEffect * this.norms.norm(r, c));
    else if (kind === Kind.DISPUTE) eNone *= exp(NORM_ON_PROXY * this.normEffect * this.norms.norm(r, c));
    // only residents who think of 12345 for their matters consider it; they expect from it what
    // they and their neighbours have seen it deliver
    const aware = this.awareRng.u() < this.demand.aware[c];
    const nw = this.neighbourWeight;
    const expect = Math.round((1 - nw) * res[i + Res.MEM + 2] + nw * 255 * this.demand.reputation[c]);
    const eHot = aware ? x.hotline[kind * 3 + (f & RF.CLASS_MASK)] * x.memory[expect] : 0;
    const eWe = f & RF.WECHAT ? x.wechat[kind] * x.memory[res[i + Res.MEM]] * x.trust[res[i + Res.TRUST]] : 0;
    const eHall = this.councils.hallOpen(c) ? x.hall[kind] * x.memory[res[i + Res.MEM + 1]] : 0;
    const v = u * (eNone + eHot + eWe + eHall);
    if (v < eNone) return Channel.NONE;
    if (v < eNone + eWe) return Channel.WECHAT;
    if (v < eNone + eWe + eHall) return Channel.HALL;
    return Channel.HOTLINE;
  }

  /**
   * A need arises for resident r of cell c: choose a channel and take it there. `need` is the
   * residents'-side record it carries (sim/needs-ledger.ts), -1 when the outcome of this contact does
   * not decide a need (consultations, wishes, venting, a report of a defect or a proxy complaint,
   * whose needs belong to the defect or the dispute).
   */
  decide(r: number, c: number, kind: number, ref: number, need = -1): void {
    const ch = this.choose(r, c, kind, this.rng.u());
    if (c === this.events.watch) this.events.note('need', c, r, kind, ch);
    switch (ch) {
      case Channel.HOTLINE:
        this.intake.call(r, c, kind, ref, need, false);
        break;
      case Channel.WECHAT:
        this.outreach.message(r, c, kind, ref, need);
        break;
      case Channel.HALL:
        this.councils.openHallCase(r, c, kind, ref, need);
        break;
      default:
        this.tally.add(MI.needs_dropped);
        // an individual matter raised nowhere may still be solved privately (its own stream's draw)
        if (need >= 0 && kind === Kind.INDIVIDUAL && this.selfHelpRng.u() < this.selfHelpShare) this.ledger.solve(need, this.clock.day);
        else this.ledger.fail(need);
    }
  }
}
