/**
 * Residents' memory and satisfaction: after each outcome a resident remembers how well the
 * channel served them (which weighs on their next choice) and feels satisfied or not, both by
 * exponential smoothing toward the latest outcome. The arrays are the residents' (World.resMem,
 * World.resSat); these are the only functions that write them.
 */
import { Channel } from './flags.ts';
import { MEMORY_RATE } from './constants.ts';
import type { World } from './world.ts';

/** Memory slot per channel: wechat 0, hall 1, hotline 2. */
export function memSlot(channel: number): number {
  return channel === Channel.WECHAT ? 0 : channel === Channel.HALL ? 1 : 2;
}

/** Resident r remembers how well a channel served them (success 0..1). */
export function remember(w: World, r: number, channel: number, success: number): void {
  const i = r * 3 + memSlot(channel);
  const m = w.resMem[i];
  w.resMem[i] = Math.round(m + (success * 255 - m) * MEMORY_RATE);
}

/** Resident r's satisfaction moves toward an outcome's (sat 0..1). */
export function feel(w: World, r: number, sat: number): void {
  const v = w.resSat[r];
  w.resSat[r] = Math.round(v + (sat * 255 - v) * MEMORY_RATE);
}
