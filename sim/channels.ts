/**
 * Channel choice: a resident with a need does nothing, messages the social worker on WeChat,
 * takes it to the village hall (where one is open) or calls 12345. A multinomial logit over
 * cost, remembered success, trust and, for out-of-scope wishes, venting and proxy complaints,
 * knowledge of what the hotline is for. One uniform draw per decision.
 */
import { Channel, Kind, RF } from './flags.ts';
import { MI } from './metrics.ts';
import { CLASS_HOTLINE_BONUS, NORM_ON_PROXY, U_HALL, U_HOTLINE, U_NONE, U_WECHAT } from './constants.ts';
import { exp } from './fmath.ts';
import type { Knobs } from './knobs.ts';
import type { Stream } from './rng.ts';
import type { World } from './world.ts';
import type { Norms } from './norms.ts';
import type { Councils } from './councils.ts';
import type { Intake } from './intake.ts';
import type { Outreach } from './outreach.ts';
import type { Tally } from './tally.ts';
import type { EventLog } from './events.ts';

/** exp of every utility term that takes few values, computed once per configuration. */
export interface ExpTables {
  none: Float64Array; // by kind
  hotline: Float64Array; // by kind x propensity class: base - hotlineCost + class bonus
  wechat: Float64Array; // by kind: base - wechatCost
  hall: Float64Array; // by kind: base - hallCost
  memory: Float64Array; // by remembered success 0..255: memoryWeight x (m - 0.5)
  trust: Float64Array; // by trust 0..255: trustWeight x (t - 0.5)
}

export function expTables(k: Knobs): ExpTables {
  const nk = U_NONE.length;
  const t: ExpTables = {
    none: Float64Array.from(U_NONE, (v) => exp(v)),
    hotline: new Float64Array(nk * 3),
    wechat: Float64Array.from(U_WECHAT, (v) => exp(v - k.wechatCost)),
    hall: Float64Array.from(U_HALL, (v) => exp(v - k.hallCost)),
    memory: new Float64Array(256),
    trust: new Float64Array(256),
  };
  for (let kind = 0; kind < nk; kind++) {
    for (let cls = 0; cls < 3; cls++) t.hotline[kind * 3 + cls] = exp(U_HOTLINE[kind] - k.hotlineCost + CLASS_HOTLINE_BONUS[cls]);
  }
  for (let m = 0; m < 256; m++) {
    t.memory[m] = exp(k.memoryWeight * (m / 255 - 0.5));
    t.trust[m] = exp(k.trustWeight * (m / 255 - 0.5));
  }
  return t;
}

export class Channels {
  private readonly world: World;
  private readonly rng: Stream;
  private readonly norms: Norms;
  private readonly councils: Councils;
  private readonly intake: Intake;
  private readonly outreach: Outreach;
  private readonly tally: Tally;
  private readonly events: EventLog;
  // configured
  private x!: ExpTables;
  private normEffect = 0;

  constructor(
    world: World,
    rng: Stream,
    norms: Norms,
    councils: Councils,
    intake: Intake,
    outreach: Outreach,
    tally: Tally,
    events: EventLog,
  ) {
    this.world = world;
    this.rng = rng;
    this.norms = norms;
    this.councils = councils;
    this.intake = intake;
    this.outreach = outreach;
    this.tally = tally;
    this.events = events;
  }

  configure(k: Knobs): void {
    this.x = expTables(k);
    this.normEffect = k.normEffect;
  }

  /** The channel resident r of cell c picks for a need of this kind, given the uniform draw u. */
  choose(r: number, c: number, kind: number, u: number): number {
    // exp of a sum as a product of precomputed exps (expTables): fast, and identical everywhere
    const x = this.x;
    const w = this.world;
    const f = w.resFlags[r];
    const mem = w.resMem;
    let eNone = x.none[kind];
    if (kind === Kind.WISH || kind === Kind.VENT) eNone *= exp(this.normEffect * this.norms.knowledge(r, c));
    else if (kind === Kind.DISPUTE) eNone *= exp(NORM_ON_PROXY * this.normEffect * this.norms.knowledge(r, c));
    const eHot = x.hotline[kind * 3 + (f & RF.CLASS_MASK)] * x.memory[mem[r * 3 + 2]];
    const eWe = f & RF.WECHAT ? x.wechat[kind] * x.memory[mem[r * 3]] * x.trust[w.resTrust[r]] : 0;
    const eHall = this.councils.hallOpen(c) ? x.hall[kind] * x.memory[mem[r * 3 + 1]] : 0;
    const v = u * (eNone + eHot + eWe + eHall);
    if (v < eNone) return Channel.NONE;
    if (v < eNone + eWe) return Channel.WECHAT;
    if (v < eNone + eWe + eHall) return Channel.HALL;
    return Channel.HOTLINE;
  }

  /** A need arises for resident r of cell c: choose a channel and take it there. */
  decide(r: number, c: number, kind: number, ref: number): void {
    const ch = this.choose(r, c, kind, this.rng.u());
    if (c === this.events.watch) this.events.note('need', c, r, kind, ch);
    switch (ch) {
      case Channel.HOTLINE:
        this.intake.file(r, c, kind, ref);
        break;
      case Channel.WECHAT:
        this.outreach.message(r, c, kind, ref);
        break;
      case Channel.HALL:
        this.councils.openHallCase(r, c, kind, ref);
        break;
      default:
        this.tally.add(MI.needs_dropped);
    }
  }
}
