/**
 * Social workers and public learning. Social workers' outreach hours add residents on
 * WeChat; messages are handled off the hotline within a daily capacity; solving things builds
 * trust and brings more contacts by word of mouth. Published lists of unreasonable requests
 * and education campaigns raise the city-wide knowledge of what 12345 is for.
 */
import { Channel, DEF, Kind, RF } from './flags.ts';
import type { State } from './state.ts';
import { MI } from './metrics.ts';
import { WECHAT_SOLVE, CONTACTS_PER_OUTREACH_HOUR, WORD_OF_MOUTH, TRUST_RATE, NORM_FROM_EXPLANATION } from './constants.ts';
import { feel, remember } from './satisfaction.ts';

/** Connect one unconnected resident of cell c to the social worker (a few tries). */
function connectOne(s: State, c: number): void {
  const rng = s.rng.outreach;
  const start = s.world.cellStart[c];
  const n = s.world.cellStart[c + 1] - start;
  if (s.cellWechat[c] >= n) return;
  for (let tries = 0; tries < 6; tries++) {
    const r = start + rng.int(n);
    if (s.world.resFlags[r] & RF.WECHAT) continue;
    s.world.resFlags[r] |= RF.WECHAT;
    s.world.resTrust[r] = Math.max(s.world.resTrust[r], 166);
    s.cellWechat[c]++;
    s.wechatTotal++;
    s.events.note('wechat', c, r, -1, Channel.WECHAT, true);
    return;
  }
}

/** Daily: outreach adds contacts; the day's message load resets. */
export function outreach(s: State): void {
  s.cellWechatLoad.fill(0);
  if (s.clock.day < s.policy.outreach) return;
  const rng = s.rng.outreach;
  const perDay = (s.k.outreachHoursPerWeek / 7) * CONTACTS_PER_OUTREACH_HOUR;
  for (let c = 0; c < s.world.C; c++) {
    const n = s.world.cellStart[c + 1] - s.world.cellStart[c];
    const unconnected = 1 - s.cellWechat[c] / n;
    const add = rng.poisson(perDay * unconnected);
    for (let i = 0; i < add; i++) connectOne(s, c);
  }
}

/** A resident messages the social worker: handled the same day within capacity. */
export function handleWechat(s: State, r: number, c: number, kind: number, ref: number, need = -1): void {
  const rng = s.rng.outreach;
  s.tally.add(MI.wechat_messages);
  const load = ++s.cellWechatLoad[c];
  const cap = s.k.wechatCapacity;
  const p = WECHAT_SOLVE[kind] * (load <= cap ? 1 : cap / load);
  let solved = rng.u() < p;
  switch (kind) {
    case Kind.DEFECT:
      if (!s.defects.table.cols[DEF.OPEN][ref]) solved = true;
      else if (solved) s.defects.fix(ref); // reported to the community, which fixes small things
      break;
    case Kind.DISPUTE:
      if (solved) s.disputes.settle(ref);
      break;
    case Kind.WISH:
    case Kind.VENT:
      s.norms.learn(r, c, 2 * NORM_FROM_EXPLANATION); // "I only trust you": the explanation lands
      break;
  }
  if (solved) s.needs.solve(need, s.clock.day);
  else s.needs.fail(need);
  const sat = solved ? 1 : kind === Kind.WISH || kind === Kind.VENT ? 0.6 : 0.3;
  remember(s.world, s.demand, r, Channel.WECHAT, solved ? 1 : 0.3);
  const t = s.world.resTrust[r];
  s.world.resTrust[r] = Math.round(t + (sat * 255 - t) * TRUST_RATE);
  feel(s.world, r, sat);
  s.events.note('wechat', c, r, kind, Channel.WECHAT, solved);
  if (solved && rng.u() < WORD_OF_MOUTH) connectOne(s, c);
}
