/**
 * Residents' memory of each channel and their satisfaction: two small updates the mechanisms that
 * speak to residents call (outcomes, intake, councils, outreach). A hotline outcome is also heard
 * by the neighbourhood (its reputation of 12345, sim/demand.ts).
 */
import { Channel, RES_STRIDE, Res } from './flags.ts';
import { MEMORY_RATE } from './constants.ts';
import type { World } from './world.ts';
import type { Demand } from './demand.ts';

/** Memory slot per channel: wechat 0, hall 1, hotline 2. */
export function memSlot(channel: number): number {
  return channel === Channel.WECHAT ? 0 : channel === Channel.HALL ? 1 : 2;
}

/**
 * Resident r of cell c had an outcome (1 success, 0 failure) on a channel: their memory of it
 * moves. Callers pass the cell they already know (every contact is drawn within its cell), which
 * spares a binary search per closed ticket.
 */
export function remember(w: World, demand: Demand, r: number, c: number, channel: number, success: number): void {
  if (channel === Channel.HOTLINE) demand.hear(c, success);
  const i = r * RES_STRIDE + Res.MEM + memSlot(channel);
  const m = w.res[i];
  w.res[i] = Math.round(m + (success * 255 - m) * MEMORY_RATE);
}

/** Resident r's satisfaction moves toward `sat`. */
export function feel(w: World, r: number, sat: number): void {
  const i = r * RES_STRIDE + Res.SAT;
  const v = w.res[i];
  w.res[i] = Math.round(v + (sat * 255 - v) * MEMORY_RATE);
}
