/**
 * Channel choice: a resident with a need does nothing, messages the social worker on WeChat,
 * takes it to the village hall (where one is open) or calls 12345. A multinomial logit over
 * cost, remembered success, trust and, for out-of-scope wishes, venting and proxy complaints,
 * knowledge of what the hotline is for. One uniform draw per decision.
 */
import { Kind, Channel } from './types.ts';
import { State, RF, MI } from './world.ts';
import { U_NONE, U_HOTLINE, U_WECHAT, U_HALL, CLASS_HOTLINE_BONUS, NORM_ON_PROXY } from './constants.ts';
import { intake } from './intake.ts';
import { handleWechat } from './outreach.ts';
import { openHallCase } from './councils.ts';

export function hallOpen(s: State, c: number): boolean {
  return s.cellCouncil[c] === 1 && s.day >= s.policy.hall;
}

/** The channel resident r of cell c picks for a need of this kind, given the uniform draw u. */
export function chooseChannel(s: State, r: number, c: number, kind: number, u: number): number {
  const k = s.k;
  const f = s.resFlags[r];
  const mem = s.resMem;
  const mw = k.memoryWeight;
  let deter = 0;
  if (kind === Kind.WISH || kind === Kind.VENT) deter = k.normEffect * s.norm(r, c);
  else if (kind === Kind.DISPUTE) deter = NORM_ON_PROXY * k.normEffect * s.norm(r, c);
  const eNone = Math.exp(U_NONE[kind] + deter);
  const eHot = Math.exp(U_HOTLINE[kind] + mw * (mem[r * 3 + 2] / 255 - 0.5) - k.hotlineCost + CLASS_HOTLINE_BONUS[f & RF.CLASS_MASK]);
  const eWe =
    f & RF.WECHAT
      ? Math.exp(U_WECHAT[kind] + mw * (mem[r * 3] / 255 - 0.5) + k.trustWeight * (s.resTrust[r] / 255 - 0.5) - k.wechatCost)
      : 0;
  const eHall = s.cellCouncil[c] === 1 && s.day >= s.policy.hall ? Math.exp(U_HALL[kind] + mw * (mem[r * 3 + 1] / 255 - 0.5) - k.hallCost) : 0;
  const x = u * (eNone + eHot + eWe + eHall);
  if (x < eNone) return Channel.NONE;
  if (x < eNone + eWe) return Channel.WECHAT;
  if (x < eNone + eWe + eHall) return Channel.HALL;
  return Channel.HOTLINE;
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
