/**
 * Channel choice: a resident with a need does nothing, messages the social worker on WeChat,
 * takes it to the village hall (where one is open) or calls 12345. A multinomial logit over
 * cost, remembered success, trust and, for out-of-scope wishes, venting and proxy complaints,
 * knowledge of what the hotline is for. One uniform draw per decision.
 */
import { Kind, Channel, RF } from './flags.ts';
import type { State } from './world.ts';
import { MI } from './metrics.ts';
import { U_NONE, U_HOTLINE, U_WECHAT, U_HALL, CLASS_HOTLINE_BONUS, NORM_ON_PROXY } from './constants.ts';
import { intake } from './intake.ts';
import { exp } from './fmath.ts';
import type { Knobs } from './knobs.ts';
import { handleWechat } from './outreach.ts';
import { openHallCase } from './councils.ts';

/** Is the village hall of cell c open today (council formed and hall started)? */
export function hallOpen(s: State, c: number): boolean {
  return s.cellCouncil[c] === 1 && s.day >= s.policy.hall;
}

/** The channel resident r of cell c picks for a need of this kind, given the uniform draw u. */
export function chooseChannel(s: State, r: number, c: number, kind: number, u: number): number {
  // exp of a sum as a product of precomputed exps (State.expTables): fast, and identical everywhere
  const x = s.expTables;
  const f = s.resFlags[r];
  const mem = s.resMem;
  let eNone = x.none[kind];
  if (kind === Kind.WISH || kind === Kind.VENT) eNone *= exp(s.k.normEffect * s.norm(r, c));
  else if (kind === Kind.DISPUTE) eNone *= exp(NORM_ON_PROXY * s.k.normEffect * s.norm(r, c));
  const eHot = x.hotline[kind * 3 + (f & RF.CLASS_MASK)] * x.memory[mem[r * 3 + 2]];
  const eWe = f & RF.WECHAT ? x.wechat[kind] * x.memory[mem[r * 3]] * x.trust[s.resTrust[r]] : 0;
  const eHall = hallOpen(s, c) ? x.hall[kind] * x.memory[mem[r * 3 + 1]] : 0;
  const v = u * (eNone + eHot + eWe + eHall);
  if (v < eNone) return Channel.NONE;
  if (v < eNone + eWe) return Channel.WECHAT;
  if (v < eNone + eWe + eHall) return Channel.HALL;
  return Channel.HOTLINE;
}

/** exp of every utility term that takes few values, computed once per run. */
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

/** A need arises for resident r of cell c: choose a channel and take it there. */
export function decide(s: State, r: number, c: number, kind: number, ref: number): void {
  const ch = chooseChannel(s, r, c, kind, s.rng.channels.u());
  if (c === s.watch) s.event('need', c, r, kind, ch);
  switch (ch) {
    case Channel.HOTLINE:
      intake(s, r, c, kind, ref);
      break;
    case Channel.WECHAT:
      handleWechat(s, r, c, kind, ref);
      break;
    case Channel.HALL:
      openHallCase(s, r, c, kind, ref);
      break;
    default:
      s.acc[MI.needs_dropped]++;
  }
}
