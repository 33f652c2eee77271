/**
 * The channel-choice exp tables (sim/channels.ts): exp of every utility term that takes few
 * values, computed once per run (and again when a timeline changes a cost or weight) by
 * `Channels.configure`.
 */
import type { Knobs } from './knobs.ts';
import { CLASS_HOTLINE_BONUS, U_HALL, U_HOTLINE, U_NONE, U_WECHAT } from './constants.ts';
import { exp } from './fmath.ts';

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
