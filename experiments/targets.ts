/**
 * The calibration targets as data: every FACTS.md figure the model can be held to, the scenario
 * that reproduces it (a preset, sometimes scaled down, sometimes beside a counterfactual with the
 * same seed), how the figure is measured on the runs, the band a simulated mean must fall in
 * (its tolerance), and the distance the fit (`experiments/abc.ts`) uses for it.
 *
 * Shared by `hotline-lab calibrate` (which runs each study over replicates and prints pass or
 * fail), `hotline-lab fit` (approximate Bayesian computation against every row at once) and the
 * app. Pure: no Node or DOM API.
 *
 * Each judged row has a `distance`: the simulated value and the figure are compared on a linear
 * or a log scale, in units of `scale` (one scale is about the band's half-width: a value at the
 * band's edge is about one unit away). Rows shown beside a figure (`judged: false`) have none.
 */
import { Simulation, defaultKnobs, type KnobChange, type Knobs } from '../sim/index.ts';
import { categoryConcentration } from '../sim/categories.ts';
import { presetKnobs, presetTimeline } from '../scenarios/presets.ts';
import { interval } from './stats.ts';
import { studySeed } from './seeds.ts';

/** How the fit measures the distance between a simulated value and the figure. */
export interface Distance {
  /** 'log' compares logarithms (for "within a factor of"), 'linear' the values. */
  kind: 'linear' | 'log';
  /** One unit of distance, on that scale (about the band's half-width). */
  scale: number;
}

/** The runs of one replicate: the study's scenario and, if it has one, its counterfactual. */
export interface Runs {
  sim: Simulation;
  counter?: Simulation;
}

export interface Row {
  /** What is compared, one line. */
  label: string;
  /** The published figure, as a number in the row's unit. */
  target: number;
  /** The band the simulated mean must fall in to pass. */
  lo: number;
  hi: number;
  /** How the band was chosen, shown in the tolerance column. */
  tol: string;
  unit: 'share' | 'count' | 'ratio' | 'rate';
  measure: (r: Runs) => number;
  /** The fit's distance for this row (judged rows only). */
  distance?: Distance;
  /**
   * False for a row shown beside a published figure that it is not the same measure of (the
   * residents' own figures beside the official ones): reported, never counted as pass or fail.
   */
  judged?: boolean;
}

export interface Study {
  id: string;
  title: string;
  preset: string;
  /** Changes for the calibration run (scale-downs), on top of the preset. */
  over?: Partial<Knobs>;
  /** A counterfactual run with the same seed: these changes on top of the study's knobs. */
  counter?: Partial<Knobs>;
  /** Where the figure comes from (FACTS.md row). */
  source: string;
  /** How the figure maps onto model outputs (for docs/CALIBRATION.md). */
  mapping: string;
  /**
   * The fit's scale-down, on top of `over` (main and counterfactual runs): smaller worlds or
   * shorter horizons where the rows' measures allow (per-resident rates, ratios, a year that
   * ends earlier). Absent: the fit runs the calibration's scenario.
   */
  fitOver?: Partial<Knobs>;
  /** Why the fit's scale-down leaves the rows' measures alone (for docs/FIT.md). */
  fitNote?: string;
  rows: Row[];
}

// ---------------------------------------------------------------- measuring helpers

type Series = Record<string, Float64Array>;

/** Sum of a daily metric over the simulated days whose date starts with `prefix` ('2022', '2022-03'). */
export function sumOver(sim: Simulation, metric: string, prefix: string): number {
  const a = (sim.daily as unknown as Series)[metric];
  let t = 0;
  for (let d = 0; d < sim.day; d++) if (sim.dateOf(d).startsWith(prefix)) t += a[d];
  return t;
}

/** Hotline requests (every contact but consultations) in the days whose date starts with `prefix`. */
export function requestsIn(sim: Simulation, prefix: string): number {
  return sumOver(sim, 'tickets_filed', prefix) - sumOver(sim, 'consultations', prefix);
}

/** The requests a village hall is for: out-of-scope wishes, venting, proxy complaints, contested goods. */
const HALL_KINDS = ['filed_wish', 'filed_vent', 'filed_dispute', 'filed_contested'];
export function hallKindRequests(sim: Simulation, year: string): number {
  return HALL_KINDS.reduce((a, m) => a + sumOver(sim, m, year), 0);
}

/** The residents' rates, weighted by the needs classified each day; the official ones by the ratings. */
const RESIDENTS_RATES = new Set(['true_satisfaction', 'resolution_rate']);

/** A daily rate's mean over the days whose date starts with `prefix`, weighted by its own denominator. */
export function yearMean(sim: Simulation, metric: string, prefix: string): number {
  const series = sim.daily as unknown as Series;
  const a = series[metric];
  let num = 0;
  let den = 0;
  for (let d = 0; d < sim.day; d++) {
    if (!sim.dateOf(d).startsWith(prefix)) continue;
    const w = RESIDENTS_RATES.has(metric) ? series.needs_met[d] + series.needs_unmet[d] : series.tickets_rated[d];
    num += a[d] * w;
    den += w;
  }
  return den > 0 ? num / den : 0;
}

/** The most periods any one unit ranks first (rank mode). */
export function topMonths(sim: Simulation): number {
  const count = new Map<number, number>();
  for (const p of sim.periods) {
    const first = p.units.find((u) => u.rank === 1);
    if (first) count.set(first.unit, (count.get(first.unit) ?? 0) + 1);
  }
  return count.size ? Math.max(...count.values()) : 0;
}

/** The most places a unit that reaches 1st gained over the `window` periods before. */
export function biggestClimb(sim: Simulation, window: number): number {
  const ps = sim.periods;
  let best = 0;
  for (let i = 1; i < ps.length; i++) {
    for (const u of ps[i].units) {
      if (u.rank !== 1) continue;
      for (let j = Math.max(0, i - window); j < i; j++) best = Math.max(best, (ps[j].units[u.unit].rank ?? 1) - 1);
    }
  }
  return best;
}

function value(sim: Simulation, metric: string, day: number): number {
  return (sim.daily as unknown as Series)[metric][day];
}

// ---------------------------------------------------------------- the studies

/** Beijing's per-resident rates at 1/100 of its size: cells and units keep Beijing's sizes per resident. */
export const BEIJING_SCALED: Partial<Knobs> = { residents: 219_000, cells: 70, units: 4, districts: 1, departments: 4 };

/** Share of Beijing's residents who thought of 12345 for their matters before the 2019 reform, and its publicity since. */
export const BEIJING_2019_AWARENESS = 0.3;
export const BEIJING_PUBLICITY = 0.6;

export function studies(): Study[] {
  return [
    {
      id: 'wulimiao',
      title: 'Wulimiao village: requests after the deliberation hall',
      preset: 'wulimiao-village',
      source: 'FACTS.md: Wulimiao village 12345 requests, 2022: 50, 2023: 24, 2024: 5, 2025: about 0',
      mapping:
        'One village of 2,500 (the `wulimiao-village` preset), hand-down and hall from 2022-07-01, 2021 and early 2022 as the years before. ' +
        "The village secretary's count is mapped onto the village's 12345 tickets of the kinds the hall deliberates: " +
        'out-of-scope wishes, venting, proxy complaints from neighbour disputes and contested-good complaints ' +
        '(`filed_wish + filed_vent + filed_dispute + filed_contested`, summed by calendar year). ' +
        "Potholes, individual matters and consultations still go to 12345 in the model (they are the town's to fix), " +
        "so the village's total 12345 requests do not fall toward zero: the last row shows it, and it fails. " +
        'Targets are "shape and order of magnitude": levels within a factor of 3, and the ratios to 2022.',
      rows: [
        {
          label: 'hall-kind requests 2022',
          target: 50,
          lo: 50 / 3,
          hi: 150,
          tol: '×/÷3',
          distance: { kind: 'log', scale: Math.log(3) },
          unit: 'count',
          measure: ({ sim }) => hallKindRequests(sim, '2022'),
        },
        {
          label: 'hall-kind requests 2023',
          target: 24,
          lo: 8,
          hi: 72,
          tol: '×/÷3',
          distance: { kind: 'log', scale: Math.log(3) },
          unit: 'count',
          measure: ({ sim }) => hallKindRequests(sim, '2023'),
        },
        {
          label: 'hall-kind requests 2024',
          target: 5,
          lo: 0,
          hi: 15,
          tol: '0..15',
          distance: { kind: 'linear', scale: 10 },
          unit: 'count',
          measure: ({ sim }) => hallKindRequests(sim, '2024'),
        },
        {
          label: 'hall-kind requests 2025',
          target: 0,
          lo: 0,
          hi: 3,
          tol: '≤3',
          distance: { kind: 'linear', scale: 3 },
          unit: 'count',
          measure: ({ sim }) => hallKindRequests(sim, '2025'),
        },
        {
          label: 'ratio 2023/2022',
          target: 0.48,
          lo: 0.3,
          hi: 0.7,
          tol: '0.3..0.7',
          distance: { kind: 'linear', scale: 0.2 },
          unit: 'ratio',
          measure: ({ sim }) => hallKindRequests(sim, '2023') / Math.max(1, hallKindRequests(sim, '2022')),
        },
        {
          label: 'ratio 2025/2022',
          target: 0,
          lo: 0,
          hi: 0.1,
          tol: '≤0.1',
          distance: { kind: 'linear', scale: 0.1 },
          unit: 'ratio',
          measure: ({ sim }) => hallKindRequests(sim, '2025') / Math.max(1, hallKindRequests(sim, '2022')),
        },
        {
          label: 'all village requests 2025/2022',
          target: 0,
          lo: 0,
          hi: 0.1,
          tol: '≤0.1',
          distance: { kind: 'linear', scale: 0.1 },
          unit: 'ratio',
          measure: ({ sim }) => requestsIn(sim, '2025') / Math.max(1, requestsIn(sim, '2022')),
        },
      ],
    },
    {
      id: 'linyi',
      title: 'Linyi: share of requests judged non-compliant',
      preset: 'baseline',
      fitOver: { residents: 57_500, cells: 34, units: 18, horizonDays: 730 },
      fitNote:
        'An eighth of the district (communities and units kept in number or size) for two years: the flagged share is a share of requests, some 25,000 of them.',
      source: 'FACTS.md: Linyi, Jan-Aug 2023, 53,000 of 3,143,000 requests non-compliant (about 1.7%)',
      mapping:
        'Under `baseline` (accept everything), the share of dispatched requests the hotline judges non-compliant: ' +
        '`tickets_flagged_unreasonable / (tickets_filed - consultations)` over the run (summary `flagged_share`). ' +
        'The hotline recognises 80% of out-of-scope wishes and venting and misjudges 0.5% of the rest.',
      rows: [
        {
          label: 'non-compliant share',
          target: 0.017,
          lo: 0.012,
          hi: 0.022,
          tol: '±0.5 pt',
          distance: { kind: 'linear', scale: 0.005 },
          unit: 'share',
          measure: ({ sim }) => sim.summary().flagged_share,
        },
      ],
    },
    {
      id: 'baotou',
      title: 'Baotou: scale of refused requests',
      preset: 'baotou-refuse-publish',
      fitOver: { residents: 57_500, cells: 34, units: 18, horizonDays: 730 },
      fitNote: 'An eighth of the district, run to the end of 2022, the year the row counts: refusals are per resident.',
      source:
        'FACTS.md: Baotou, Jan-May 2024, 15,000 out of scope or unreasonable; Baotou has about 2.7 million residents (2020 census, [S])',
      mapping:
        'Out-of-scope requests refused per 10,000 residents per month in the first policy year (2022) of `baotou-refuse-publish`: ' +
        "15,000 / 271 / 5 months = about 11. The model's district has its own size; the per-resident rate carries.",
      rows: [
        {
          label: 'refused per 10k residents per month',
          target: 11.1,
          lo: 5.5,
          hi: 22,
          tol: '×/÷2',
          distance: { kind: 'log', scale: Math.log(2) },
          unit: 'rate',
          measure: ({ sim }) => ((sumOver(sim, 'tickets_refused', '2022') / sim.model.world.N) * 10000) / 12,
        },
      ],
    },
    {
      id: 'beijing',
      title: 'Beijing: contacts per resident, requests and consultations',
      preset: 'beijing-city',
      over: BEIJING_SCALED,
      fitOver: { residents: 109_500, cells: 35 },
      fitNote:
        "Half the calibration's 1/100 Beijing (cells of Beijing's size, the same 4 units): per-resident rates and shares; beijing and categories share the run.",
      source: 'FACTS.md: Beijing 21.43 M contacts (2023), about 25 M (2025), 21.9 M residents; 41.5% requests, 58.5% consultations',
      mapping:
        "The `beijing-city` preset at 1/100 of its population (219,000 residents, 70 cells of Beijing's mean size, 4 units): " +
        'per-resident rates do not depend on the population, only on cell sizes and the kind mix, which are kept. ' +
        '`tickets_filed / residents / years` (summary `contacts_per_resident_year`) and `consultations / tickets_filed` ' +
        '(summary `consultation_share`). The full-scale preset (`npx hotline-lab run beijing-city`) gives the same rates.',
      rows: [
        {
          label: 'contacts per resident per year',
          target: 1.1,
          lo: 0.95,
          hi: 1.25,
          tol: '±0.15',
          distance: { kind: 'linear', scale: 0.15 },
          unit: 'rate',
          measure: ({ sim }) => sim.summary().contacts_per_resident_year,
        },
        {
          label: 'consultation share',
          target: 0.585,
          lo: 0.555,
          hi: 0.615,
          tol: '±3 pt',
          distance: { kind: 'linear', scale: 0.03 },
          unit: 'share',
          measure: ({ sim }) => sim.summary().consultation_share,
        },
      ],
    },
    {
      id: 'categories',
      title: 'Beijing: no category over 10%, top ten about 55%',
      preset: 'beijing-city',
      over: BEIJING_SCALED,
      fitOver: { residents: 109_500, cells: 35 },
      fitNote:
        "Half the calibration's 1/100 Beijing (cells of Beijing's size, the same 4 units): per-resident rates and shares; beijing and categories share the run.",
      source: 'FACTS.md: Beijing 2020 category mix, none above 10% (market management 8.9%), top ten together 55%',
      mapping:
        'An extension (`sim/categories.ts`): each contact gets a subject category drawn from an assumed P(category | kind) ' +
        'over 29 categories, so the mix follows the kind mix the model produces. The check is on the mix that comes out: ' +
        "the largest category's share and the ten largest together. The table was set with these figures in view, so the " +
        'row shows consistency, not an independent test. (The published top five, 8.9 + 5.9 + 5.5 + 5.0 + 4.3 = 29.6%, ' +
        'cannot be followed by five categories of at most 4.3% summing to 25.4%: the 55% must count categories differently.)',
      rows: [
        {
          label: 'largest category share',
          target: 0.089,
          lo: 0,
          hi: 0.1,
          tol: '≤10%',
          distance: { kind: 'linear', scale: 0.02 },
          unit: 'share',
          measure: ({ sim }) => categoryConcentration(sim.categoryCounts()).top,
        },
        {
          label: 'top ten share',
          target: 0.55,
          lo: 0.5,
          hi: 0.6,
          tol: '±5 pt',
          distance: { kind: 'linear', scale: 0.05 },
          unit: 'share',
          measure: ({ sim }) => categoryConcentration(sim.categoryCounts()).topTen,
        },
      ],
    },
    {
      id: 'responsiveness',
      title: 'Beijing: resolution and satisfaction as units become responsive, 2019 to 2024',
      preset: 'beijing-city',
      // 2019 to 2025; units start by passing the buck, and few residents yet think of 12345 for their
      // matters; the reform's publicity reaches them (initialAwareness and publicity are not given by
      // the sources: chosen so that 2019 contacts and the growth are of the published order)
      over: {
        ...BEIJING_SCALED,
        startDate: '2019-01-01',
        horizonDays: 2557,
        initialResponsiveness: 0.1,
        // residents remember the hotline of before the reform: official resolution 40.1% in January
        // 2019 (FACTS.md), not a tuned value
        initialHotlineMemory: 0.4,
        initialAwareness: BEIJING_2019_AWARENESS,
        publicity: BEIJING_PUBLICITY,
        // the trajectory is the point: no burn-in before the 2019 reform
        burnInDays: 0,
      },
      fitOver: { residents: 54_750, cells: 18 },
      fitNote:
        "A quarter of the calibration's 1/100 Beijing (cells of Beijing's size, the same 4 units): the rows are rates and ratios of the whole world, January 2019 still some 2,000 tickets.",
      source:
        'FACTS.md: resolution 53% (2019) to 97% (2024), satisfaction 65% to 97.3%; first nine months of 2019, resolution 40.1% to 70.0%; contacts rose about 3.6-fold 2019-2025',
      mapping:
        'The scaled `beijing-city` from 2019-01-01 for six years, with units that start by passing the buck ' +
        '(`initialResponsiveness` 0.1, an assumption chosen so that 2019 resolves about half) and monthly ranking that pushes ' +
        "honest leaders to respond (the core's responsiveness mechanism). Resolution is `resolution_rate` (real tickets " +
        'closed solved) and satisfaction `official_satisfaction`, each weighted by tickets closed over the calendar year; ' +
        'the demand row is contacts in 2024 over 2019. Beijing\'s rates are follow-up ratings in which "basically satisfied" ' +
        'counts 0.9 and excluded tickets drop out; in the model, even fully responsive units solve individual matters ' +
        '80% of the time and out-of-scope wishes never, which caps true resolution near 70%.',
      rows: [
        {
          label: 'Jan 2019 official resolution',
          target: 0.401,
          lo: 0.3,
          hi: 0.5,
          tol: '±10 pt',
          distance: { kind: 'linear', scale: 0.1 },
          unit: 'share',
          measure: ({ sim }) => yearMean(sim, 'official_resolution', '2019-01'),
        },
        {
          label: 'Sep 2019 official resolution',
          target: 0.7,
          lo: 0.6,
          hi: 0.8,
          tol: '±10 pt',
          distance: { kind: 'linear', scale: 0.1 },
          unit: 'share',
          measure: ({ sim }) => yearMean(sim, 'official_resolution', '2019-09'),
        },
        {
          label: '2019 official resolution',
          target: 0.53,
          lo: 0.43,
          hi: 0.63,
          tol: '±10 pt',
          distance: { kind: 'linear', scale: 0.1 },
          unit: 'share',
          measure: ({ sim }) => yearMean(sim, 'official_resolution', '2019'),
        },
        {
          label: '2024 official resolution',
          target: 0.97,
          lo: 0.92,
          hi: 1,
          tol: '≥92%',
          distance: { kind: 'linear', scale: 0.05 },
          unit: 'share',
          measure: ({ sim }) => yearMean(sim, 'official_resolution', '2024'),
        },
        {
          label: '2019 official satisfaction',
          target: 0.65,
          lo: 0.55,
          hi: 0.75,
          tol: '±10 pt',
          distance: { kind: 'linear', scale: 0.1 },
          unit: 'share',
          measure: ({ sim }) => yearMean(sim, 'official_satisfaction', '2019'),
        },
        {
          label: '2024 official satisfaction',
          target: 0.973,
          lo: 0.92,
          hi: 1,
          tol: '≥92%',
          distance: { kind: 'linear', scale: 0.05 },
          unit: 'share',
          measure: ({ sim }) => yearMean(sim, 'official_satisfaction', '2024'),
        },
        {
          label: '2024 residents: needs met (beside the official 97%)',
          target: 0.97,
          lo: 0,
          hi: 1,
          tol: 'not judged',
          unit: 'share',
          judged: false,
          measure: ({ sim }) => yearMean(sim, 'resolution_rate', '2024'),
        },
        {
          label: '2024 residents: true satisfaction (beside the official 97.3%)',
          target: 0.973,
          lo: 0,
          hi: 1,
          tol: 'not judged',
          unit: 'share',
          judged: false,
          measure: ({ sim }) => yearMean(sim, 'true_satisfaction', '2024'),
        },
        {
          label: 'contacts 2020 / 2019',
          target: 11.04 / 6.96,
          lo: 1.2,
          hi: 2.0,
          tol: '1.2..2.0',
          distance: { kind: 'linear', scale: 0.4 },
          unit: 'ratio',
          measure: ({ sim }) => sumOver(sim, 'tickets_filed', '2020') / sumOver(sim, 'tickets_filed', '2019'),
        },
        {
          label: 'contacts 2023 / 2019',
          target: 21.43 / 6.96,
          lo: 2.2,
          hi: 4,
          tol: '2.2..4',
          distance: { kind: 'linear', scale: 0.9 },
          unit: 'ratio',
          measure: ({ sim }) => sumOver(sim, 'tickets_filed', '2023') / sumOver(sim, 'tickets_filed', '2019'),
        },
        {
          label: 'contacts 2025 / 2019',
          target: 25 / 6.96,
          lo: 2.5,
          hi: 5,
          tol: '2.5..5',
          distance: { kind: 'linear', scale: 1.2 },
          unit: 'ratio',
          measure: ({ sim }) => sumOver(sim, 'tickets_filed', '2025') / sumOver(sim, 'tickets_filed', '2019'),
        },
      ],
    },
    {
      id: 'ranking',
      title: 'Beijing: who leads the monthly ranking of 343 streets and towns, and how far one can climb (2022)',
      preset: 'beijing-city',
      over: { residents: 2_190_000, cells: 700, units: 343, districts: 16, departments: 40, startDate: '2022-01-01', horizonDays: 365 },
      fitOver: { residents: 273_750 },
      fitNote:
        "1/80 of Beijing's residents with all 343 units and 700 cells: each unit an eighth of the calibration's size, so its monthly rates are noisier (persistence at the top can only fall; the climb is already near its maximum).",
      source:
        'FACTS.md: two streets ranked 1st in 9 of 12 months of 2022 among 343; a township rose from 219th to 1st within months (China Daily 2023-02-22; ffcl.org.cn)',
      mapping:
        'The `beijing-city` preset at 1/10 of its residents with all 343 units (so each unit is a tenth of its size and its ' +
        "monthly rates noisier than Beijing's), 2022 ranked monthly. Persistence is the most months any one unit is first; " +
        'the climb is the largest number of places a unit that reaches 1st gained over the six months before. Both come from ' +
        'units that differ (staffing, urban or rural mix, leader capability) and leaders who are replaced now and then.',
      rows: [
        {
          label: 'most months first by one unit, of 12',
          target: 9,
          lo: 6,
          hi: 12,
          tol: '6..12',
          distance: { kind: 'linear', scale: 3 },
          unit: 'count',
          measure: ({ sim }) => topMonths(sim),
        },
        {
          label: 'largest climb to 1st within 6 months (places)',
          target: 218,
          lo: 100,
          hi: 342,
          tol: '100..342',
          distance: { kind: 'linear', scale: 120 },
          unit: 'count',
          measure: ({ sim }) => biggestClimb(sim, 6),
        },
      ],
    },
    {
      id: 'qingpu',
      title: 'Qingpu: hotline complaints fall about 19% in a year',
      preset: 'social-worker-outreach',
      counter: { outreachHoursPerWeek: 0 },
      fitOver: { residents: 57_500, cells: 19, units: 18 },
      fitNote:
        "An eighth of the district (communities of about 3,000 kept): the row is a ratio of requests with and without outreach; the run is the social-worker study's too.",
      source: 'FACTS.md: Shanghai Qingpu, desks in all 307 villages and neighbourhoods, hotline complaints -19.3% in 2020',
      mapping:
        'Two local alternatives to the hotline, each in its first full year against the same year without it (same seed): ' +
        "social workers' outreach (`social-worker-outreach` from 2022 vs outreach off) and village halls (`pinggu-hand-down`, " +
        'halls from July 2021, 2022 vs `baseline`, in the next study). Hotline complaints are requests: `tickets_filed - consultations`.',
      rows: [
        {
          label: 'requests 2022, outreach vs none',
          target: -0.193,
          lo: -0.25,
          hi: -0.14,
          tol: '±5.5 pt',
          distance: { kind: 'linear', scale: 0.055 },
          unit: 'share',
          measure: ({ sim, counter }) => requestsIn(sim, '2022') / requestsIn(counter!, '2022') - 1,
        },
        {
          label: 'requests 2023, outreach vs none',
          target: -0.193,
          lo: -0.25,
          hi: -0.14,
          tol: '±5.5 pt',
          distance: { kind: 'linear', scale: 0.055 },
          unit: 'share',
          measure: ({ sim, counter }) => requestsIn(sim, '2023') / requestsIn(counter!, '2023') - 1,
        },
      ],
    },
    {
      id: 'qingpu-halls',
      title: 'Qingpu: the same drop with village halls',
      preset: 'pinggu-hand-down',
      counter: { handDown: false },
      fitOver: { residents: 57_500, cells: 34, units: 18, horizonDays: 730 },
      fitNote: 'An eighth of the district, to the end of 2022, the year the row compares.',
      source: 'FACTS.md: Shanghai Qingpu, -19.3% in 2020',
      mapping: 'See the study above: `pinggu-hand-down` against the same district without hand-down, requests in 2022.',
      rows: [
        {
          label: 'requests 2022, halls vs none',
          target: -0.193,
          lo: -0.25,
          hi: -0.14,
          tol: '±5.5 pt',
          distance: { kind: 'linear', scale: 0.055 },
          unit: 'share',
          measure: ({ sim, counter }) => requestsIn(sim, '2022') / requestsIn(counter!, '2022') - 1,
        },
      ],
    },
    {
      id: 'social-worker',
      title: "A social worker's WeChat contacts, about 200 to 1,834",
      preset: 'social-worker-outreach',
      fitOver: { residents: 57_500, cells: 19, units: 18 },
      fitNote:
        'The same eighth of the district as qingpu (the same run): contacts per social worker do not depend on the number of communities.',
      source: "FACTS.md: a Beijing social worker's WeChat contacts, about 200, then 1,834",
      mapping:
        'Mean WeChat contacts per social worker (one per community: `wechat_contacts / cells`) on the first day and ' +
        'on the last (end of 2024, three years of outreach) in `social-worker-outreach`, and their ratio ("ninefold").',
      rows: [
        {
          label: 'contacts per social worker, start',
          target: 200,
          lo: 170,
          hi: 230,
          tol: '±15%',
          distance: { kind: 'log', scale: Math.log(1.15) },
          unit: 'count',
          measure: ({ sim }) => value(sim, 'wechat_contacts', 0) / sim.model.world.C,
        },
        {
          label: 'contacts per social worker, end',
          target: 1834,
          lo: 1500,
          hi: 2200,
          tol: '±20%',
          distance: { kind: 'log', scale: Math.log(1.2) },
          unit: 'count',
          measure: ({ sim }) => value(sim, 'wechat_contacts', sim.day - 1) / sim.model.world.C,
        },
        {
          label: 'growth, end / start',
          target: 9.2,
          lo: 7,
          hi: 11.5,
          tol: '7..11.5',
          distance: { kind: 'linear', scale: 2.2 },
          unit: 'ratio',
          measure: ({ sim }) => value(sim, 'wechat_contacts', sim.day - 1) / value(sim, 'wechat_contacts', 0),
        },
      ],
    },
    {
      id: 'goodhart',
      title: 'Gaming: reported above true',
      preset: 'ranking-pressure',
      fitOver: { residents: 57_500, cells: 34, units: 18 },
      fitNote: "An eighth of the district, every unit kept (the ranking's pressure depends on how many are ranked).",
      source: 'FACTS.md: English emergency departments, 4-hour target met for 96% officially, 77% by patient survey (Bevan and Hood 2006)',
      mapping:
        'A pattern from another public service, not a 12345 figure: the gap between reported and true satisfaction ' +
        '(`official_satisfaction - true_satisfaction`) under `ranking-pressure`. Only the order of magnitude is asked.',
      rows: [
        {
          label: 'reported - true satisfaction',
          target: 0.19,
          lo: 0.05,
          hi: 0.3,
          tol: '5..30 pt',
          distance: { kind: 'linear', scale: 0.11 },
          unit: 'share',
          measure: ({ sim }) => sim.summary().official_satisfaction - sim.summary().true_satisfaction,
        },
      ],
    },
  ];
}

// ---------------------------------------------------------------- running

export interface RowResult {
  study: string;
  label: string;
  target: number;
  mean: number;
  lo: number;
  hi: number;
  tol: string;
  unit: Row['unit'];
  pass: boolean;
  /** False for rows shown beside a figure, not held to it. */
  judged: boolean;
  values: number[];
}

export function runStudy(study: Study, replicates: number, baseSeed: number): RowResult[] {
  const knobs = { ...presetKnobs(study.preset)!, ...study.over } as Knobs;
  // the preset's own dated changes run too (baotou's refusal arrives on a date)
  const timeline = presetTimeline(study.preset) as KnobChange[];
  const values = study.rows.map(() => [] as number[]);
  for (let i = 0; i < replicates; i++) {
    const seed = studySeed(baseSeed, study.id, i);
    const runs: Runs = { sim: new Simulation(knobs, seed, { timeline }).run() };
    if (study.counter) runs.counter = new Simulation({ ...knobs, ...study.counter } as Knobs, seed, { timeline }).run();
    study.rows.forEach((r, j) => {
      values[j].push(r.measure(runs));
    });
  }
  return study.rows.map((r, j) => {
    // The experiments' interval (Student's t with n - 1 degrees of freedom). It leaves out
    // non-finite values; here one such replicate makes the row's mean undefined, and the row fail.
    const iv = values[j].every(Number.isFinite) ? interval(values[j]) : { mean: NaN, lo: NaN, hi: NaN };
    return {
      study: study.id,
      label: r.label,
      target: r.target,
      mean: iv.mean,
      lo: iv.lo,
      hi: iv.hi,
      tol: r.tol,
      unit: r.unit,
      pass: iv.mean >= r.lo && iv.mean <= r.hi,
      judged: r.judged !== false,
      values: values[j],
    };
  });
}

// ---------------------------------------------------------------- for the fit

/** A judged row's name in the fit's files: "study: label". */
export const rowKey = (study: string, label: string): string => `${study}: ${label}`;

/** A judged row with its study, as the fit compares it. */
export interface FitTarget {
  key: string;
  study: string;
  label: string;
  target: number;
  lo: number;
  hi: number;
  tol: string;
  unit: Row['unit'];
  distance: Distance;
}

/** Every judged row of the chosen studies (all studies when `only` is absent), in table order. */
export function fitTargets(only?: readonly string[]): FitTarget[] {
  const out: FitTarget[] = [];
  for (const s of studies()) {
    if (only && !only.includes(s.id)) continue;
    for (const r of s.rows) {
      if (r.judged === false || !r.distance) continue;
      out.push({
        key: rowKey(s.id, r.label),
        study: s.id,
        label: r.label,
        target: r.target,
        lo: r.lo,
        hi: r.hi,
        tol: r.tol,
        unit: r.unit,
        distance: r.distance,
      });
    }
  }
  return out;
}

let defaultsCache: Knobs | null = null;

/**
 * A study's knobs for the fit with a parameter set `theta` (knob -> value): the preset, the
 * calibration's changes and the fit's scale-down, and each drawn knob where the preset leaves it at
 * its default. A preset or study that sets a knob on purpose (Wulimiao's hall next door, the
 * 2019 Beijing's units that pass the buck) keeps its value: it is a scenario input, and the
 * prior is about the default it departs from.
 */
export function fitKnobs(study: Study, theta: Readonly<Record<string, number | boolean | string>>): Knobs {
  return knobsWith(study.preset, { ...study.over, ...study.fitOver }, theta);
}

/**
 * A preset's knobs with `fixed` on top and each knob of `theta` where neither the preset nor
 * `fixed` departs from the default (the rule of fitKnobs; experiments/fit-carry.ts uses it too).
 */
export function knobsWith(
  presetName: string,
  fixedKnobs: Partial<Knobs>,
  theta: Readonly<Record<string, number | boolean | string>>,
): Knobs {
  defaultsCache ??= defaultKnobs();
  const preset = presetKnobs(presetName)! as unknown as Record<string, unknown>;
  const fixed = fixedKnobs as Record<string, unknown>;
  const knobs = { ...preset, ...fixed } as Record<string, unknown>;
  const dflt = defaultsCache as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(theta)) if (!(k in fixed) && preset[k] === dflt[k]) knobs[k] = v;
  return knobs as unknown as Knobs;
}

/** The runs a study's fit measure needs, named so studies that run the same scenario share them. */
export function fitRunKey(study: Study): string {
  const over = { ...study.over, ...study.fitOver } as Record<string, unknown>;
  const sorted = Object.keys(over)
    .sort()
    .map((k) => `${k}=${String(over[k])}`)
    .join(',');
  return `${study.preset}|${sorted}`;
}

/**
 * One parameter set's simulated value of every judged row of `chosen`: each distinct scenario run
 * once (beijing and categories share a run; qingpu's outreach run is social-worker's), its
 * counterfactual with the same seed. `seedOf(runKey)` gives each scenario's seed.
 */
export function fitValues(
  chosen: readonly Study[],
  theta: Readonly<Record<string, number | boolean | string>>,
  seedOf: (key: string) => number,
): Record<string, number> {
  const cache = new Map<string, Simulation>();
  const run = (knobs: Knobs, seed: number, timeline: KnobChange[], key: string): Simulation => {
    let sim = cache.get(key);
    if (!sim) {
      sim = new Simulation(knobs, seed, { timeline }).run();
      cache.set(key, sim);
    }
    return sim;
  };
  const out: Record<string, number> = {};
  for (const s of chosen) {
    const key = fitRunKey(s);
    const seed = seedOf(key);
    const knobs = fitKnobs(s, theta);
    const timeline = presetTimeline(s.preset) as KnobChange[];
    const runs: Runs = { sim: run(knobs, seed, timeline, key) };
    if (s.counter) {
      const ck = `${key}|counter:${Object.entries(s.counter)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(',')}`;
      runs.counter = run({ ...knobs, ...s.counter } as Knobs, seed, timeline, ck);
    }
    for (const r of s.rows) {
      if (r.judged === false || !r.distance) continue;
      let v: number;
      try {
        v = r.measure(runs);
      } catch {
        v = NaN;
      }
      out[rowKey(s.id, r.label)] = v;
    }
  }
  return out;
}
