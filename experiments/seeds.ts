/**
 * Run seeds: every seed a runner derives from a base seed is derived here.
 *
 * Replicate k of an experiment with seed S runs with
 *
 *   seed(S, k) = first 8 hex digits of SHA-256("hotline-lab/replicate/" + S + "/" + k), as an unsigned 32-bit integer
 *
 * The seed depends on the experiment seed and the replicate only, not on the design point: replicate
 * k of every point shares its seed with replicate k of the baseline (common random numbers), so
 * differences between points are paired. Because the core draws each subsystem from its own
 * named stream, changing a knob in one subsystem leaves the other subsystems' draws in place.
 *
 * Replicate i of a calibration study (`hotline-lab calibrate`) with base seed S runs with
 *
 *   studySeed(S, study, i) = FNV-1a (32-bit) of the text S + ":" + study + ":" + i
 *
 * so a study's replicates do not change when another study is added. It is a second formula, not
 * replicateSeed with the study folded in, because docs/CALIBRATION.md publishes figures computed
 * with it: moving calibration onto replicateSeed would change every simulated mean and interval in
 * that table (and could move a borderline row across its band), so it would have to be a
 * deliberate re-calibration, not a refactor.
 */
import { sha256Hex } from '../scenarios/export.ts';

export function replicateSeed(experimentSeed: number, replicate: number): number {
  return parseInt(sha256Hex(`hotline-lab/replicate/${experimentSeed >>> 0}/${replicate}`).slice(0, 8), 16);
}

/** Seeds of replicates 0..n-1. */
export function replicateSeeds(experimentSeed: number, n: number): number[] {
  return Array.from({ length: n }, (_, k) => replicateSeed(experimentSeed, k));
}

/** The seed of replicate `i` of calibration study `study` under base seed `base` (FNV-1a, see above). */
export function studySeed(base: number, study: string, i: number): number {
  let h = 0x811c9dc5;
  const text = `${base >>> 0}:${study}:${i}`;
  for (let j = 0; j < text.length; j++) {
    h ^= text.charCodeAt(j);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Seeds of a fit (`hotline-lab fit`, experiments/fit.ts and abc.ts) with fit seed S:
 *
 *   fitSeed(S, purpose, i) = first 8 hex digits of SHA-256("hotline-lab/fit/" + S + "/" + purpose + "/" + i)
 *
 * The purposes:
 *   `prior`, i = prior simulation:         the stream that draws simulation i's parameter set
 *   `run:` + run key, i = prior simulation: simulation i's run of that scenario (fitRunKey in
 *                                          experiments/targets.ts; a study's counterfactual shares it)
 *   `predictive-run:` + run key, i = predictive simulation: the same for the posterior predictive
 *                                          runs (numbered from 0 too, so they need their own purpose)
 *   `predictive`, i = 0:                   the one uniform of the systematic resampling of the
 *                                          posterior (the predictive plan and the posterior sample)
 * Every draw depends on the fit seed and the simulation's index only, so the fit is the same
 * whatever the number of workers or shards, and a longer fit keeps the shorter one's prior
 * simulations (its predictive ones follow the posterior, so they are run again).
 */
export function fitSeed(seed: number, purpose: string, i: number): number {
  return parseInt(sha256Hex(`hotline-lab/fit/${seed >>> 0}/${purpose}/${i}`).slice(0, 8), 16);
}
