/**
 * `npm run validity`: the sceptical researcher's checks of the model, as paired runs on common
 * seeds. Each check runs a few settings of one scenario with the same seeds and reports every
 * measure's mean, its 95% interval and, against the first setting, the paired difference.
 * It reads only the public run result (summary, daily series, periods), so the same file
 * measures any model version; measures a version does not produce read "n/a".
 *
 *   npx tsx cli/validity.ts [--seeds 8] [--only a,b] [--out docs/VALIDITY.md]
 */
import { writeFileSync } from 'node:fs';
import { interval, pairedDifference } from '../experiments/stats.ts';
import { presetKnobs, presetTimeline } from '../scenarios/presets.ts';
import { type KnobChange, type Knobs, MODEL, type RunResult, runScenario } from '../sim/index.ts';

/**
 * A measure of one run (`of`), or of one run against the first setting's run on the same seed
 * (`vs`: per unit, say, where a district mean hides what happens to whom).
 */
type Measure =
  | { name: string; of: (r: RunResult) => number | undefined; vs?: undefined }
  | { name: string; vs: (r: RunResult, first: RunResult) => number | undefined; of?: undefined };
interface Check {
  id: string;
  question: string;
  preset: string;
  base: Partial<Record<string, unknown>>;
  settings: { label: string; knobs: Partial<Record<string, unknown>> }[];
  measures: Measure[];
}

const sum = (r: RunResult, m: string, from = 0, to = Number.POSITIVE_INFINITY): number | undefined => {
  const d = (r.daily as Record<string, number[]>)[m];
  if (!d) return undefined;
  let t = 0;
  for (let i = from; i < Math.min(to, d.length); i++) t += d[i];
  return t;
};
const mean = (r: RunResult, m: string, from = 0, to = Number.POSITIVE_INFINITY): number | undefined => {
  const d = (r.daily as Record<string, number[]>)[m];
  if (!d) return undefined;
  const end = Math.min(to, d.length);
  return end > from ? (sum(r, m, from, end) as number) / (end - from) : undefined;
};
/** A summary value, or the daily series' total when the summary has no such name. */
const summ = (name: string): Measure => ({ name, of: (r) => r.summary[name] ?? sum(r, name) });

/** Per year of a monthly ranking: the most months any one unit was ranked first (mean over years). */
function topMonths(r: RunResult): number | undefined {
  const ps = r.periods.filter((p) => p.units.some((u) => u.rank !== null));
  if (ps.length < 12) return undefined;
  let tot = 0;
  let years = 0;
  for (let y = 0; y + 12 <= ps.length; y += 12) {
    const count = new Map<number, number>();
    for (const p of ps.slice(y, y + 12)) {
      const first = p.units.find((u) => u.rank === 1);
      if (first) count.set(first.unit, (count.get(first.unit) ?? 0) + 1);
    }
    tot += Math.max(...count.values());
    years++;
  }
  return tot / years;
}

/** Mean Spearman correlation of units' ranks between consecutive periods. */
function rankAutocorrelation(r: RunResult): number | undefined {
  const ps = r.periods.filter((p) => p.units.every((u) => u.rank !== null));
  if (ps.length < 3) return undefined;
  let tot = 0;
  for (let i = 1; i < ps.length; i++) {
    const a = ps[i - 1].units;
    const b = ps[i].units;
    const n = a.length;
    let d2 = 0;
    for (let u = 0; u < n; u++) d2 += ((a[u].rank as number) - (b[u].rank as number)) ** 2;
    tot += 1 - (6 * d2) / (n * (n * n - 1));
  }
  return tot / (ps.length - 1);
}

/** Largest climb to first place within three periods (ranks gained). */
function biggestClimb(r: RunResult): number | undefined {
  const ps = r.periods.filter((p) => p.units.every((u) => u.rank !== null));
  if (ps.length < 4) return undefined;
  let best = 0;
  for (let i = 3; i < ps.length; i++) {
    for (const u of ps[i].units) {
      if (u.rank !== 1) continue;
      const before = Math.max(...[1, 2, 3].map((k) => ps[i - k].units[u.unit].rank as number));
      best = Math.max(best, before - 1);
    }
  }
  return best;
}

/**
 * Does appealing pay the units that appeal? Per unit, over the periods from `from`: the share of its
 * tickets excluded in this run, and the change of its mean score (or of its mean rank, as places
 * climbed) against the first setting's run on the same seed. Returns the third of units with the
 * largest excluded share minus the third with the smallest. Ranks are zero-sum, so the district's
 * mean score cannot show this.
 */
const appealerGain = (what: 'score' | 'rank', from: string) => (r: RunResult, first: RunResult) => {
  const per = (run: RunResult) => {
    const ps = run.periods.filter((p) => p.startDate >= from);
    const n = ps[0]?.units.length ?? 0;
    const value = new Float64Array(n);
    const excluded = new Float64Array(n);
    const tickets = new Float64Array(n);
    for (const p of ps) {
      for (const u of p.units) {
        const v = what === 'score' ? u.score : u.rank;
        if (v === null) return undefined;
        value[u.unit] += v / ps.length;
        excluded[u.unit] += u.excluded;
        tickets[u.unit] += u.dispatched + u.excluded;
      }
    }
    return ps.length ? { value, share: Array.from(excluded, (e, u) => (tickets[u] > 0 ? e / tickets[u] : 0)) } : undefined;
  };
  const a = per(r);
  const b = per(first);
  if (!a || !b || a.value.length !== b.value.length || a.value.length < 3) return undefined;
  // places climbed for ranks (a lower rank is better), score points gained for scores
  const gain = Array.from(a.value, (v, u) => (what === 'score' ? v - b.value[u] : b.value[u] - v));
  const order = gain.map((_, u) => u).sort((x, y) => a.share[x] - a.share[y] || x - y);
  const k = Math.floor(order.length / 3);
  const avg = (us: number[]) => us.reduce((t, u) => t + gain[u], 0) / us.length;
  return avg(order.slice(order.length - k)) - avg(order.slice(0, k));
};

const meanPressure = (r: RunResult) => mean(r, 'leader_pressure_mean');
const lastYearOverFirst = (m: string) => (r: RunResult) => {
  const n = (r.daily as Record<string, number[]>)[m]?.length ?? 0;
  if (n < 730) return undefined;
  const a = sum(r, m, 0, 365) as number;
  const b = sum(r, m, n - 365, n) as number;
  return a > 0 ? b / a : undefined;
};
const levelChange = (m: string) => (r: RunResult) => {
  const n = (r.daily as Record<string, number[]>)[m]?.length ?? 0;
  if (n < 730) return undefined;
  return (mean(r, m, n - 365, n) as number) - (mean(r, m, 0, 365) as number);
};

const OUTCOMES: Measure[] = [
  summ('tickets_open_end'),
  summ('mean_days_to_close'),
  summ('true_satisfaction'),
  summ('resolution_rate'),
  summ('official_satisfaction'),
  summ('official_resolution'),
  summ('unmet_need_share'),
  summ('requests_per_10k_month'),
];

/** Per year, over the days before (`a`) or from (`b`) the middle of the run. */
const halfYear = (m: string, which: 'a' | 'b') => (r: RunResult) => {
  const n = (r.daily as Record<string, number[]>)[m]?.length ?? 0;
  const mid = Math.floor(n / 2);
  const [from, to] = which === 'a' ? [0, mid] : [mid, n];
  const s = sum(r, m, from, to);
  return s === undefined ? undefined : (s * 365) / (to - from);
};
/** A rate over a half of the run, weighted by its own denominator. */
const halfRate = (m: string, w: string[], which: 'a' | 'b') => (r: RunResult) => {
  const d = r.daily as Record<string, number[]>;
  const n = d[m]?.length ?? 0;
  const mid = Math.floor(n / 2);
  const [from, to] = which === 'a' ? [0, mid] : [mid, n];
  let num = 0;
  let den = 0;
  for (let i = from; i < to; i++) {
    const wi = w.reduce((a, x) => a + (d[x]?.[i] ?? 0), 0);
    num += d[m][i] * wi;
    den += wi;
  }
  return den > 0 ? num / den : undefined;
};
const gamingActs = (which: 'a' | 'b') => (r: RunResult) =>
  ['gaming_paid', 'gaming_induced', 'gaming_fake'].reduce((a, m) => a + (halfYear(m, which)(r) ?? 0), 0);

export const CHECKS: Check[] = [
  {
    id: 'collapse',
    question: 'Do the residents’ figures show a backlog? Hand-down on, and staff halved, against the baseline.',
    preset: 'baseline',
    base: {},
    settings: [
      { label: 'baseline', knobs: {} },
      { label: 'hand-down', knobs: { handDown: true } },
      { label: 'staff 3.5/10k', knobs: { staffPer10k: 3.5 } },
    ],
    measures: OUTCOMES,
  },
  {
    id: 'knife-edge',
    question: 'Does a small change of staffing flip the district into a backlog that never clears?',
    preset: 'baseline',
    base: {},
    settings: [5, 5.5, 6, 6.5, 7, 8].map((v) => ({ label: `staff ${v}/10k`, knobs: { staffPer10k: v } })),
    measures: [
      summ('tickets_open_end'),
      summ('requests_per_10k_month'),
      summ('true_satisfaction'),
      summ('unmet_need_share'),
      summ('mean_days_to_close'),
    ],
  },
  {
    id: 'pressure',
    question: 'Does ranking pressure cost anything? Penalty severity from none to heavy.',
    preset: 'baseline',
    base: {},
    settings: [0, 0.5, 1, 2].map((v) => ({ label: `severity ${v}`, knobs: { penaltySeverity: v } })),
    measures: [
      summ('true_satisfaction'),
      summ('resolution_rate'),
      summ('unmet_need_share'),
      summ('gaming_intensity_mean'),
      summ('staff_overtime_hours'),
      summ('staff_hours_longterm'),
      { name: 'upkeep_mean', of: (r) => mean(r, 'upkeep_mean') },
      { name: 'leader_pressure_mean', of: meanPressure },
    ],
  },
  {
    id: 'staff-gaming',
    question: 'Does more staff mean more gaming (fake tickets drawn per staff member)?',
    preset: 'baseline',
    base: {},
    settings: [5, 7, 10].map((v) => ({ label: `staff ${v}/10k`, knobs: { staffPer10k: v } })),
    measures: [summ('gaming_fake'), summ('gaming_paid'), summ('gaming_intensity_mean'), summ('staff_hours_gaming')],
  },
  {
    id: 'ranking',
    question: 'Is the monthly ranking persistent (leaders) with room to climb, or noise?',
    preset: 'baseline',
    base: {},
    settings: [{ label: 'baseline', knobs: {} }],
    measures: [
      { name: 'months first, top unit per year', of: topMonths },
      { name: 'rank autocorrelation (Spearman, lag 1)', of: rankAutocorrelation },
      { name: 'largest climb to first within 3 periods', of: biggestClimb },
      summ('rank_volatility'),
    ],
  },
  {
    id: 'cadence',
    question: 'Does the cadence change the rhythm of pressure or cut it by construction? Grade bands without the district layer.',
    preset: 'baseline',
    base: {},
    settings: [
      { label: 'monthly rank', knobs: {} },
      { label: 'bimonthly rank', knobs: { cadence: 'bimonthly' } },
      { label: 'quarterly rank', knobs: { cadence: 'quarterly' } },
      { label: 'bimonthly grades', knobs: { cadence: 'bimonthly', rankingMode: 'grades', districtLayer: false } },
    ],
    measures: [
      { name: 'leader_pressure_mean', of: meanPressure },
      summ('gaming_intensity_mean'),
      summ('true_satisfaction'),
      summ('mean_score'),
    ],
  },
  {
    id: 'appeals',
    question: 'Does appealing for exclusion pay the unit (score, reported satisfaction)?',
    preset: 'baseline',
    base: {},
    settings: [
      { label: 'no appeals', knobs: {} },
      { label: 'appeals', knobs: { appealExclusion: true, appealStart: '2021-01-01' } },
    ],
    measures: [
      summ('appeals_filed'),
      summ('tickets_excluded'),
      summ('mean_score'),
      summ('official_satisfaction'),
      summ('true_satisfaction'),
      { name: 'score gain, most-excluded third of units minus least', vs: appealerGain('score', '2021-01-01') },
      { name: 'places climbed, most-excluded third of units minus least', vs: appealerGain('rank', '2021-01-01') },
    ],
  },
  {
    id: 'demand',
    question: 'Does demand respond to service? Contacts in the last year over the first, six years.',
    preset: 'baseline',
    base: { horizonDays: 2190 },
    settings: [{ label: 'baseline, 6 years', knobs: {} }],
    measures: [
      { name: 'contacts last/first year', of: lastYearOverFirst('tickets_filed') },
      { name: 'wish tickets last/first year', of: lastYearOverFirst('filed_wish') },
      { name: 'upkeep change (last - first year)', of: levelChange('upkeep_mean') },
      { name: 'disputes open change (last - first year)', of: levelChange('disputes_open') },
      { name: 'true satisfaction change', of: levelChange('true_satisfaction') },
    ],
  },
  {
    id: 'relaxation',
    question: 'The 2026 relaxation in one run: 2024-25 under monthly ranking against 2026-27 relaxed (per year).',
    preset: 'relaxed-2026',
    base: {},
    settings: [{ label: 'relaxed-2026', knobs: {} }],
    measures: [
      { name: 'gaming acts, 2024-25', of: gamingActs('a') },
      { name: 'gaming acts, 2026-27', of: gamingActs('b') },
      { name: 'staff hours on tickets, 2024-25', of: halfYear('staff_hours_tickets', 'a') },
      { name: 'staff hours on tickets, 2026-27', of: halfYear('staff_hours_tickets', 'b') },
      { name: 'long-term hours, 2024-25', of: halfYear('staff_hours_longterm', 'a') },
      { name: 'long-term hours, 2026-27', of: halfYear('staff_hours_longterm', 'b') },
      { name: 'overtime hours, 2024-25', of: halfYear('staff_overtime_hours', 'a') },
      { name: 'overtime hours, 2026-27', of: halfYear('staff_overtime_hours', 'b') },
      { name: 'official satisfaction, 2024-25', of: halfRate('official_satisfaction', ['tickets_rated'], 'a') },
      { name: 'official satisfaction, 2026-27', of: halfRate('official_satisfaction', ['tickets_rated'], 'b') },
      { name: 'true satisfaction, 2024-25', of: halfRate('true_satisfaction', ['needs_met', 'needs_unmet'], 'a') },
      { name: 'true satisfaction, 2026-27', of: halfRate('true_satisfaction', ['needs_met', 'needs_unmet'], 'b') },
    ],
  },
  {
    id: 'consensus',
    question: 'Does the consensus lock change how often contested goods flip under hand-down?',
    preset: 'speed-bump-and-lights',
    base: { handDown: true },
    settings: [
      { label: 'lock 5 years', knobs: { consensusYears: 5 } },
      { label: 'no lock', knobs: { consensusYears: 0 } },
    ],
    measures: [summ('contested_flips'), summ('filed_contested'), summ('true_satisfaction')],
  },
];

function runOne(preset: string, knobs: Record<string, unknown>, seed: number): RunResult {
  const base = presetKnobs(preset);
  if (!base) throw new Error(`unknown preset ${preset}`);
  const k = { ...base } as Record<string, unknown>;
  for (const [n, v] of Object.entries(knobs)) if (n in k) k[n] = v;
  // the preset's own timeline runs too (relaxed-2026's change on 2026-01-01)
  return runScenario({ preset, knobs: k as unknown as Knobs, timeline: presetTimeline(preset) as KnobChange[] }, seed);
}

const fmt = (x: number) => (Math.abs(x) >= 1000 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(3));

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const seeds = Number(opt('--seeds') ?? 8);
  const only = opt('--only')?.split(',');
  const out = opt('--out');
  const lines: string[] = [
    `# Validity checks, model ${MODEL.version}`,
    '',
    `Paired runs on seeds 1..${seeds}; mean [95% interval]; Δ is the paired difference against the first setting.`,
    '',
  ];
  for (const c of CHECKS) {
    if (only && !only.includes(c.id)) continue;
    const t0 = Date.now();
    const values = c.settings.map(() => c.measures.map(() => [] as number[]));
    // the first setting's runs, kept only when a measure compares against them
    const firsts: RunResult[] = [];
    const keepFirsts = c.measures.some((m) => m.vs);
    for (const [si, s] of c.settings.entries()) {
      for (let seed = 1; seed <= seeds; seed++) {
        const r = runOne(c.preset, { ...c.base, ...s.knobs }, seed);
        if (si === 0 && keepFirsts) firsts[seed] = r;
        c.measures.forEach((m, mi) => {
          const v = m.of ? m.of(r) : si > 0 ? m.vs(r, firsts[seed]) : undefined;
          if (v !== undefined && Number.isFinite(v)) values[si][mi].push(v);
        });
      }
    }
    lines.push(
      `## ${c.id}: ${c.question}`,
      '',
      `Preset \`${c.preset}\`${Object.keys(c.base).length ? ` with ${JSON.stringify(c.base)}` : ''}; ${((Date.now() - t0) / 1000).toFixed(0)} s.`,
      '',
    );
    lines.push(`| measure | ${c.settings.map((s) => s.label).join(' | ')} |`, `|---|${c.settings.map(() => '---').join('|')}|`);
    c.measures.forEach((m, mi) => {
      const cells = c.settings.map((_, si) => {
        const v = values[si][mi];
        if (v.length === 0) return 'n/a';
        const iv = interval(v);
        let cell = `${fmt(iv.mean)} [${fmt(iv.lo)}, ${fmt(iv.hi)}]`;
        if (si > 0 && values[0][mi].length === v.length) {
          const d = pairedDifference(v, values[0][mi]);
          cell += ` Δ ${fmt(d.mean)} [${fmt(d.lo)}, ${fmt(d.hi)}]`;
        }
        return cell;
      });
      lines.push(`| ${m.name} | ${cells.join(' | ')} |`);
    });
    lines.push('');
    process.stderr.write(`${c.id} done\n`);
  }
  const text = lines.join('\n');
  if (out) writeFileSync(out, text + '\n');
  process.stdout.write(text + '\n');
}

main();
