/**
 * Development harness: renders every chart and view with synthetic, deterministic data.
 * Query: ?view=charts|district|village|all  &compare=1  &lang=zh  &cells=7000  &grades=1  &stream=1
 * Not part of the app; `vite` serves it at /ui/charts/dev.html.
 */
import { html, render } from 'lit';
import { METRICS, type CellSnapshot, type PeriodRecord, type VillageEvent, type Grade } from '../../sim/index.ts';
import type { Lang, RunView } from './types.ts';
import './charts-panel.ts';
import '../views/district-view.ts';
import '../views/village-view.ts';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plausible run: policy (hand-down from day 500) or baseline. */
function synthRun(seed: number, policy: boolean, day: number, grades: boolean): RunView {
  const r = rng(seed);
  const days = 1461;
  const daily: Record<string, Float64Array> = {};
  for (const m of METRICS) daily[m.name] = new Float64Array(days);
  let open = 300;
  let disputes = 120;
  for (let d = 0; d < day; d++) {
    const season = 1 + 0.15 * Math.sin((d / 365) * 2 * Math.PI);
    const hd = policy && d > 500 ? Math.min(1, (d - 500) / 400) : 0;
    const noise = () => 0.8 + 0.4 * r();
    const k = (base: number, cut = 0) => Math.round(base * season * noise() * (1 - cut * hd));
    daily.filed_defect[d] = k(60, 0.2);
    daily.filed_individual[d] = k(45, 0.3);
    daily.filed_wish[d] = k(8, 0.7);
    daily.filed_contested[d] = k(5, 0.6);
    daily.filed_dispute[d] = k(12, 0.7);
    daily.filed_vent[d] = k(10, 0.6);
    daily.filed_gaming[d] = k(d > 200 ? 9 : 2, 0.5);
    daily.consultations[d] = k(170, 0.1);
    daily.tickets_filed[d] = [
      'filed_defect',
      'filed_individual',
      'filed_wish',
      'filed_contested',
      'filed_dispute',
      'filed_vent',
      'filed_gaming',
      'consultations',
    ].reduce((s, n) => s + daily[n][d], 0);
    daily.wechat_messages[d] = k(10 + d / 60);
    daily.hall_cases[d] = policy && d > 500 ? k(25 * hd) : 0;
    daily.needs_dropped[d] = k(140);
    daily.requests_per_10k[d] = ((daily.tickets_filed[d] - daily.consultations[d]) / 460000) * 10000;
    const closed = Math.round((daily.tickets_filed[d] - daily.consultations[d]) * (0.9 + 0.2 * r()));
    open = Math.max(50, open + daily.tickets_filed[d] - daily.consultations[d] - closed);
    daily.tickets_open[d] = open;
    daily.mean_days_to_close[d] = 2 + 3 * r() + open / 300;
    daily.staff_hours_tickets[d] = k(900, 0.25);
    daily.staff_hours_gaming[d] = k(d > 200 ? 120 : 20, 0.4);
    daily.staff_hours_appeals[d] = k(d > 300 ? 80 : 0, 0.3);
    daily.staff_hours_longterm[d] = Math.max(
      0,
      1600 - daily.staff_hours_tickets[d] - daily.staff_hours_gaming[d] - daily.staff_hours_appeals[d],
    );
    daily.staff_overtime_hours[d] = k(140, 0.5);
    daily.gaming_paid[d] = k(d > 200 ? 4 : 1, 0.4);
    daily.gaming_induced[d] = k(d > 200 ? 3 : 0.5, 0.4);
    daily.gaming_fake[d] = k(d > 200 ? 6 : 1, 0.4);
    daily.tickets_excluded[d] = k(d > 300 ? 7 : 0, 0.3);
    daily.true_satisfaction[d] = Math.min(1, 0.62 + 0.1 * hd + 0.06 * (r() - 0.5));
    daily.official_satisfaction[d] = Math.min(
      1,
      daily.true_satisfaction[d] + (d > 200 ? 0.22 : 0.08) * (1 - 0.5 * hd) + 0.03 * (r() - 0.5),
    );
    const settled = k(2 + 4 * hd);
    disputes = Math.max(0, disputes + k(3, 0.3) - settled);
    daily.disputes_open[d] = disputes;
    daily.disputes_settled[d] = settled;
    daily.contested_flips[d] = r() < 0.25 * (1 - 0.7 * hd) ? 1 : 0;
  }
  const units = 18;
  const periods: PeriodRecord[] = [];
  let prev: number[] = [];
  let score = Array.from({ length: units }, () => 80 + 10 * r());
  for (let p = 0; (p + 1) * 30 <= day; p++) {
    score = score.map((s) => Math.max(40, Math.min(100, s + (r() - 0.5) * (policy ? 6 : 14) + (85 - s) * 0.2)));
    const order = score
      .map((s, u) => [s, u] as const)
      .sort((a, b) => b[0] - a[0])
      .map((x) => x[1]);
    const rank: number[] = [];
    order.forEach((u, i) => {
      rank[u] = i + 1;
    });
    const vol = prev.length ? rank.reduce((s, x, u) => s + Math.abs(x - prev[u]), 0) / units : null;
    prev = rank;
    const gradeOf = (rk: number): Grade => (rk <= 3 ? 'excellent' : rk <= 10 ? 'good' : rk <= 16 ? 'pass' : 'poor');
    const d0 = new Date(Date.UTC(2021, 0, 1 + p * 30)).toISOString().slice(0, 10);
    const d1 = new Date(Date.UTC(2021, 0, 1 + (p + 1) * 30)).toISOString().slice(0, 10);
    periods.push({
      index: p,
      startDay: p * 30,
      endDay: (p + 1) * 30,
      startDate: d0,
      endDate: d1,
      rankVolatility: grades ? null : vol,
      units: score.map((s, u) => ({
        unit: u,
        district: 0,
        dispatched: 100,
        acceptance: 1,
        completion: 0.95,
        satisfaction: s / 100,
        requestsPer10k: 3,
        excluded: 2,
        score: s,
        rank: grades ? null : rank[u],
        grade: grades ? gradeOf(rank[u]) : null,
        penalised: grades ? rank[u] > 16 : rank[u] > 16,
        pressure: 0,
        gamingIntensity: 0.1,
        audited: false,
        caught: false,
        truthSatisfaction: s / 110,
        responsiveness: 0.8,
      })),
    });
  }
  return { startDate: '2021-01-01', day, days, daily, periods };
}

function synthCells(count: number, units: number): CellSnapshot {
  const r = rng(42);
  const c: CellSnapshot = {
    count,
    unit: new Int32Array(count),
    population: new Int32Array(count),
    village: new Uint8Array(count),
    council: new Uint8Array(count),
    hall: new Uint8Array(count),
    wechat: new Int32Array(count),
    defectsOpen: new Int32Array(count),
    disputesOpen: new Int32Array(count),
    ticketsFiled: new Int32Array(count),
    contested: new Int8Array(count),
    norm: new Float64Array(count),
  };
  for (let i = 0; i < count; i++) {
    c.unit[i] = Math.floor((i * units) / count);
    c.village[i] = r() < 0.85 ? 1 : 0;
    c.population[i] = Math.round(c.village[i] ? 600 + 2000 * r() : 3000 + 6000 * r());
    c.council[i] = c.unit[i] % 3 !== 0 && r() < 0.7 ? 1 : 0;
    c.hall[i] = c.council[i] && r() < 0.3 ? 1 : 0;
    c.wechat[i] = r() < 0.4 ? Math.round(200 + 1600 * r()) : 0;
    c.ticketsFiled[i] = Math.round(c.population[i] * (0.2 + 0.6 * r()) * (c.council[i] ? 0.5 : 1));
    c.defectsOpen[i] = Math.round(8 * r());
    c.disputesOpen[i] = Math.round(4 * r() * (c.council[i] ? 0.3 : 1));
    c.contested[i] = r() < 0.2 ? Math.floor(r() * 4) : -1;
    c.norm[i] = 0.3 + 0.6 * r();
  }
  return c;
}

/** Wulimiao-like: tickets to 12345 fall year by year as the hall takes over. */
function synthEvents(households: number, upTo: number): VillageEvent[] {
  const r = rng(7);
  const ev: VillageEvent[] = [];
  const mk = (day: number, type: VillageEvent['type'], household: number, channel = 0, good = 0, state = 0): VillageEvent => ({
    day,
    type,
    household,
    kind: 1,
    channel,
    ok: true,
    good,
    state,
  });
  const pending: [number, number][] = [];
  for (let d = 0; d <= upTo; d++) {
    const year = Math.floor(d / 365);
    const hotRate = [0.14, 0.07, 0.015, 0.003][Math.min(3, year)];
    const hallRate = year === 0 ? 0 : 0.12;
    if (r() < hotRate * 4) {
      const h = Math.floor(r() * households);
      ev.push(mk(d, 'need', h));
      if (r() < hotRate / (hotRate + hallRate + 0.02)) {
        ev.push(mk(d, 'file', h, 3));
        pending.push([d + 3 + Math.floor(r() * 6), h]);
      } else if (hallRate && r() < 0.8) ev.push(mk(d, 'file', h, 2));
      else ev.push(mk(d, 'file', h, 1));
    }
    for (let i = pending.length - 1; i >= 0; i--)
      if (pending[i][0] === d) {
        ev.push(mk(d, 'close', pending[i][1], 3));
        pending.splice(i, 1);
      }
    if (year > 0 && r() < 0.06) ev.push(mk(d, 'visit', Math.floor(r() * households)));
    if (year > 0 && r() < 0.01) ev.push(mk(d, 'settle', Math.floor(r() * households)));
    if (r() < 0.012) ev.push(mk(d, 'flip', Math.floor(r() * households), 3, r() < 0.5 ? 0 : 1, r() < 0.5 ? 1 : 0));
    if (r() < 0.03) ev.push(mk(d, 'defect', -1));
    if (r() < 0.028) ev.push(mk(d, 'fix', -1));
  }
  return ev;
}

const q = new URLSearchParams(location.search);
const view = q.get('view') ?? 'all';
const lang = (q.get('lang') === 'zh' ? 'zh' : 'en') as Lang;
const grades = q.get('grades') === '1';
const compare = q.get('compare') === '1';
const cellCount = Number(q.get('cells') ?? 275);
const dayQ = Number(q.get('day') ?? 1000);
const households = 640;

const root = document.getElementById('root')!;
const cells = synthCells(cellCount, 18);
const allEvents = synthEvents(households, 1460);

function draw(day: number, vday: number): void {
  const run = synthRunCached(1, true, day);
  const base = compare ? synthRunCached(2, false, day) : null;
  const events = allEvents.filter((e) => e.day < vday);
  render(
    html`
    ${view === 'all' || view === 'charts' ? html`<section><hl-charts .run=${run} .baseline=${base} .lang=${lang}></hl-charts></section>` : ''}
    ${
      view === 'all' || view === 'district'
        ? html`<section><hl-district-view .cells=${cells} .lang=${lang} .selected=${12}
      @cell-select=${(e: CustomEvent) => console.log('cell-select', e.detail.cell)}></hl-district-view></section>`
        : ''
    }
    ${
      view === 'all' || view === 'village'
        ? html`<section><hl-village-view .events=${events} .households=${households} .day=${vday}
      .lang=${lang} start-date="2021-01-01" cell-name=${lang === 'zh' ? '五里庙村' : 'Wulimiao village'}></hl-village-view></section>`
        : ''
    }
  `,
    root,
  );
}

// Full runs are generated once; a shorter day is a view of the same arrays.
const cache = new Map<string, RunView>();
function synthRunCached(seed: number, policy: boolean, day: number): RunView {
  const k = `${seed}|${policy}`;
  let full = cache.get(k);
  if (!full) {
    full = synthRun(seed, policy, 1461, grades);
    cache.set(k, full);
  }
  return { ...full, day, periods: full.periods.filter((p) => p.endDay <= day) };
}

if (q.get('stream') === '1') {
  // Stream days like the app does and record how long each update takes.
  let d = 7;
  const times: number[] = [];
  const tick = async () => {
    const t0 = performance.now();
    draw(d, Math.min(d, 1460));
    // Lit updates in microtasks; a zero timeout runs after them all.
    await new Promise((r) => setTimeout(r, 0));
    times.push(performance.now() - t0);
    d += 7;
    if (d <= dayQ) requestAnimationFrame(tick);
    else {
      // Let lit finish its update cycle before reading.
      requestAnimationFrame(() => {
        const s = times.slice().sort((a, b) => a - b);
        (window as unknown as { __perf: unknown }).__perf = {
          n: s.length,
          median: s[s.length >> 1],
          p95: s[Math.floor(s.length * 0.95)],
          max: s[s.length - 1],
        };
      });
    }
  };
  void tick();
} else if (q.get('animate') === '1') {
  // Advance the village a few days at a time, as the app does while a run streams.
  let v = dayQ;
  draw(dayQ, v);
  setInterval(() => {
    v = Math.min(1460, v + 4);
    draw(dayQ, v);
  }, 250);
} else {
  draw(dayQ, Math.min(dayQ, 1460));
}
