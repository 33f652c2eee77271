// Compare mode's paired seeds: the interval of a key figure's difference (ui/compare-stats.ts),
// the seeds (ui/worker/seed-runs.ts) and the pool's bookkeeping with stand-in workers.
import { describe, expect, it } from 'vitest';
import { defaultKnobs, type Knobs, type Summary } from '../../sim/index.ts';
import { replicateSeed } from '../../experiments/seeds.ts';
import { figureDifference } from '../../ui/compare-stats.ts';
import { MAX_SEEDS, SeedRuns, pairedSeeds, type PoolRunner } from '../../ui/worker/seed-runs.ts';
import type { RunState } from '../../ui/worker/sim-controller.ts';

describe('a key figure’s paired difference', () => {
  it('is the t interval of the per-seed differences, by hand', () => {
    // differences 2, 3, 4, 5: mean 3.5, sd √(5/3), t(0.975, 3) = 3.182446305
    const r = figureDifference([3, 5, 7, 9], [1, 2, 3, 4]);
    const half = (3.182446305284263 * Math.sqrt(5 / 3)) / 2;
    expect(r.n).toBe(4);
    expect(r.mean).toBeCloseTo(3.5, 12);
    expect(r.lo).toBeCloseTo(3.5 - half, 8);
    expect(r.hi).toBeCloseTo(3.5 + half, 8);
    // relative to the baseline's mean, 2.5
    expect(r.relative).toBeCloseTo(1.4, 12);
  });

  it('pairs by seed: a constant shift has a zero-width interval, whatever the spread across seeds', () => {
    const base = [0.61, 0.72, 0.55, 0.8, 0.67];
    const r = figureDifference(
      base.map((x) => x - 0.038),
      base,
    );
    expect(r.mean).toBeCloseTo(-0.038, 12);
    expect(r.hi - r.lo).toBeLessThan(1e-9);
  });

  it('drops a pair with a missing side, and has no interval under two pairs', () => {
    const r = figureDifference([1, Number.NaN, 4], [0, 1, Number.NaN]);
    expect(r.n).toBe(1);
    expect(r.mean).toBe(1);
    expect(r.lo).toBeNaN();
    expect(r.hi).toBeNaN();
    expect(figureDifference([1, 2], [0, 0]).relative).toBeNaN();
  });
});

describe('paired seeds', () => {
  it('start with the page’s seed, then the experiments’ replicate seeds; at most MAX_SEEDS', () => {
    expect(pairedSeeds(7, 4)).toEqual([7, replicateSeed(7, 1), replicateSeed(7, 2), replicateSeed(7, 3)]);
    expect(pairedSeeds(7, 1)).toEqual([7]);
    expect(pairedSeeds(7, 1000)).toHaveLength(MAX_SEEDS);
    expect(new Set(pairedSeeds(1, MAX_SEEDS)).size).toBe(MAX_SEEDS);
  });
});

/** A stand-in worker: records its starts; `finish()` ends the current one with a summary. */
class FakeRunner implements PoolRunner {
  state = { status: 'idle', summary: null } as unknown as RunState;
  starts: { knobs: Knobs; seed: number }[] = [];
  constructor(
    private readonly onChange: () => void,
    private readonly log: { knobs: Knobs; seed: number }[],
  ) {}
  start(knobs: Knobs, seed: number): void {
    this.starts.push({ knobs, seed });
    this.log.push({ knobs, seed });
    this.state = { status: 'running', summary: null } as unknown as RunState;
    this.onChange();
  }
  finish(summary: Summary): void {
    this.state = { status: 'done', summary } as unknown as RunState;
    this.onChange();
  }
  pace(): void {}
  cancel(): void {
    this.state = { status: 'cancelled', summary: null } as unknown as RunState;
  }
  terminate(): void {}
}

function pool(size: number) {
  const runners: FakeRunner[] = [];
  const log: { knobs: Knobs; seed: number }[] = [];
  const runs = new SeedRuns(
    (onChange) => {
      const r = new FakeRunner(onChange, log);
      runners.push(r);
      return r;
    },
    size,
    () => {},
  );
  /** Finish every running job with summary {x: seed + (handDown ? 1000 : 0)} until none is left. */
  const drain = () => {
    for (let guard = 0; guard < 100; guard++) {
      const busy = runners.find((r) => r.state.status === 'running');
      if (!busy) return;
      const job = busy.starts[busy.starts.length - 1];
      busy.finish({ x: job.seed + (job.knobs.handDown ? 1000 : 0) });
    }
  };
  return { runs, runners, drain, starts: () => log };
}

describe('the seed pool', () => {
  const base = defaultKnobs() as Knobs;
  const scenario = { ...base, handDown: true } as Knobs;
  const plan = (knobs: Knobs, n = 4) => ({ preset: 'baseline', knobs, timeline: [], baseline: base, baselineTimeline: [], seed: 5, n });

  it('runs seeds 1..n−1 of both sides, with no more workers than its size, and reports them by seed', () => {
    const p = pool(2);
    p.runs.start(plan(scenario));
    expect(p.runners).toHaveLength(2);
    p.drain();
    expect(p.starts()).toHaveLength(6);
    const r = p.runs.results({ x: 1005 }, { x: 5 })!;
    expect(r.seeds[0]).toBe(5);
    expect(r.main.map((s) => s?.x)).toEqual(r.seeds.map((s) => s + 1000));
    expect(r.base.map((s) => s?.x)).toEqual(r.seeds.map((s) => s));
    expect([r.done, r.total, r.same]).toEqual([8, 8, false]);
  });

  it('a changed scenario runs again, the unchanged baseline does not', () => {
    const p = pool(2);
    p.runs.start(plan(scenario));
    p.drain();
    const before = p.starts().length;
    p.runs.start(plan({ ...scenario, handDown: true, hall: false } as Knobs));
    p.drain();
    const again = p.starts().slice(before);
    expect(again).toHaveLength(3);
    expect(again.map((s) => s.knobs.hall)).toEqual([false, false, false]);
  });

  it('a scenario equal to its baseline runs each seed once and serves both sides', () => {
    const p = pool(2);
    p.runs.start(plan(base));
    p.drain();
    expect(p.starts()).toHaveLength(3);
    const r = p.runs.results({ x: 5 }, null)!;
    expect(r.same).toBe(true);
    expect(r.base).toEqual(r.main);
    expect([r.done, r.total]).toEqual([4, 4]);
  });

  it('counts only finished runs while they go on', () => {
    const p = pool(1);
    p.runs.start(plan(scenario, 2));
    const r = p.runs.results(null, null)!;
    expect([r.done, r.total]).toEqual([0, 4]);
    expect(r.main).toEqual([null, null]);
  });
});
