/**
 * Run seeds. Replicate k of an experiment with seed S runs with
 *
 *   seed(S, k) = first 8 hex digits of SHA-256("hotline-lab/replicate/" + S + "/" + k), as an unsigned 32-bit integer
 *
 * The seed depends on the experiment seed and the replicate only, not on the design point: replicate
 * k of every point shares its seed with replicate k of the baseline (common random numbers), so
 * differences between points are paired. Because the core draws each subsystem from its own
 * named stream, changing a knob in one subsystem leaves the other subsystems' draws in place.
 */
import { sha256Hex } from '../scenarios/export.ts';

export function replicateSeed(experimentSeed: number, replicate: number): number {
  return parseInt(sha256Hex(`hotline-lab/replicate/${experimentSeed >>> 0}/${replicate}`).slice(0, 8), 16);
}

/** Seeds of replicates 0..n-1. */
export function replicateSeeds(experimentSeed: number, n: number): number[] {
  return Array.from({ length: n }, (_, k) => replicateSeed(experimentSeed, k));
}
