/**
 * Channel choice: a resident with a need does nothing, messages the social worker on WeChat,
 * takes it to the village hall (where one is open) or calls 12345. A multinomial logit over
 * cost, remembered success, trust and, for out-of-scope wishes, venting and proxy complaints,
 * knowledge of what the hotline is for. One uniform draw per decision.
 */
import { Channel, Kind, RF } from './flags.ts';
import type { State } from './state.ts';
import { MI } from './metrics.ts';
import { NORM_ON_PROXY } from './constants.ts';
import { intake } from './intake.ts';
import { exp } from './fmath.ts';
import { handleWechat } from './outreach.ts';
import { openHallCase } from './councils.ts';

/** Is the village hall of cell c open today (council formed and hall started)? */
export function hallOpen(s: State, c: number): boolean {
  return s.cellCouncil[c] === 1 && s.clock.day >= s.policy.hall;
}

/** The channel resident r of cell c picks for a need of this kind, given the uniform draw u. */
export function chooseChannel(s: State, r: number, c: number, kind: number, u: number): number {
  // exp of a sum as a product of precomputed exps (State.expTables): fast, and identical everywhere
  const x = s.expTables;
  const f = s.world.resFlags[r];
  const mem = s.world.resMem;
  let eNone = x.none[kind];
  if (kind === Kind.WISH || kind === Kind.VENT) eNone *= exp(s.k.normEffect * s.norms.norm(r, c));
  else if (kind === Kind.DISPUTE) eNone *= exp(NORM_ON_PROXY * s.k.normEffect * s.norms.norm(r, c));
  // only residents who think of 12345 for their matters consider it; they expect from it what
  // they and their neighbours have seen it deliver
  const aware = s.rng.demand.u() < s.demand.aware[c];
  const w = s.k.neighbourWeight;
  const expect = Math.round((1 - w) * mem[r * 3 + 2] + w * 255 * s.demand.reputation[c]);
  const eHot = aware ? x.hotline[kind * 3 + (f & RF.CLASS_MASK)] * x.memory[expect] : 0;
  const eWe = f & RF.WECHAT ? x.wechat[kind] * x.memory[mem[r * 3]] * x.trust[s.world.resTrust[r]] : 0;
  const eHall = hallOpen(s, c) ? x.hall[kind] * x.memory[mem[r * 3 + 1]] : 0;
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
export function decide(s: State, r: number, c: number, kind: number, ref: number, need = -1): void {
  const ch = chooseChannel(s, r, c, kind, s.rng.channels.u());
  if (c === s.events.watch) s.events.note('need', c, r, kind, ch);
  switch (ch) {
    case Channel.HOTLINE:
      intake(s, r, c, kind, ref, need);
      break;
    case Channel.WECHAT:
      handleWechat(s, r, c, kind, ref, need);
      break;
    case Channel.HALL:
      openHallCase(s, r, c, kind, ref, need);
      break;
    default:
      s.tally.add(MI.needs_dropped);
      // an individual matter raised nowhere may still be solved privately (its own stream's draw)
      if (need >= 0 && kind === Kind.INDIVIDUAL && s.rng.selfHelp.u() < s.k.selfHelpShare) s.needs.solve(need, s.clock.day);
      else s.needs.fail(need);
  }
}
