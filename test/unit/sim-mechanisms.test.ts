// One behavioural test per mechanism of MODEL.md section 5, on small worlds.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/index.ts';
import { checkInvariants, knobs, run, perYear, total } from './sim-helpers.ts';

const VILLAGE = {
  staffPer10k: 15,
  residents: 1500,
  cells: 1,
  units: 1,
  departments: 0,
  villageShare: 1,
  contestedCellShare: 1,
  horizonDays: 1461,
};

describe('contested goods', () => {
  it('flip back and forth without a council, and stop once a council reaches consensus', () => {
    const seeds = [1, 2, 3];
    const without = seeds.map((s) => perYear(run({ ...VILLAGE, contestedRate: 0.2 }, s), 'contested_flips'));
    const withCouncil = seeds.map((s) =>
      perYear(run({ ...VILLAGE, contestedRate: 0.2, handDown: true, handDownStart: '2021-01-01' }, s), 'contested_flips'),
    );
    for (const y of without) for (let i = 0; i < 4; i++) expect(y[i]).toBeGreaterThan(2); // keeps flipping every year
    for (const y of withCouncil) expect(y[1] + y[2] + y[3]).toBeLessThanOrEqual(2); // consensus holds
  });
});

describe('proxy complaints in neighbour disputes', () => {
  it('keep returning until a council settles the dispute', () => {
    const base = { residents: 20000, cells: 10, units: 2, villageShare: 1, disputeRate: 10, proxyRate: 8, horizonDays: 1461 };
    const without = run(base, 4);
    const withCouncil = run({ ...base, handDown: true, handDownStart: '2021-01-01' }, 4);
    const a = perYear(without, 'filed_dispute');
    const b = perYear(withCouncil, 'filed_dispute');
    // the run starts with the district's stock of old disputes (no warm-up): proxies keep coming
    expect(a[3]).toBeGreaterThan(0.8 * a[0]);
    expect(b[3]).toBeLessThan(a[3] / 2);
    expect(total(withCouncil, 'disputes_settled')).toBeGreaterThan(2 * total(without, 'disputes_settled'));
  });
});

describe('disputes fade and flare up as waiting times (sim/dispute-flares.ts)', () => {
  // no councils (no hand-down)
  const base = { residents: 20000, cells: 10, units: 2, villageShare: 1, disputeRate: 10, horizonDays: 730 };
  it('fade at the daily chance disputeResolveRate / 365 of the open stock (without flare-ups nothing else settles them)', () => {
    const s = run({ ...base, proxyRate: 0, disputeResolveRate: 0.5 }, 3);
    const settled = total(s, 'disputes_settled');
    const open = (s.daily as Record<string, Float64Array>).disputes_open;
    let stockDays = 0;
    for (let i = 0; i < s.day; i++) stockDays += open[i];
    expect(settled / (stockDays * (0.5 / 365))).toBeGreaterThan(0.9);
    expect(settled / (stockDays * (0.5 / 365))).toBeLessThan(1.1);
  });
  it('flare up in proportion to proxyRate and to the conviction left after a council weakens it', () => {
    const proxies = (over: object) => total(run({ ...base, ...over }, 5), 'filed_dispute');
    const ratio = proxies({ proxyRate: 8 }) / proxies({ proxyRate: 4 });
    expect(ratio).toBeGreaterThan(1.7);
    expect(ratio).toBeLessThan(2.3);
    // weaken every open dispute to a tenth of its conviction: a tenth of the flare-ups
    const twin = (weaken: boolean) => {
      // the stock seeded for a slow fade, and no new disputes from the start on
      const sim = new Simulation(knobs({ ...base, proxyRate: 8, disputeResolveRate: 0.1 }), 6);
      sim.configure({ disputeRate: 0 });
      if (weaken) {
        const d = sim.model.disputes;
        for (let i = 0; i < d.open.size; i++) d.weaken(d.open.items[i], 0.9);
      }
      sim.run();
      return total(sim, 'filed_dispute');
    };
    const weakened = twin(true) / twin(false);
    expect(weakened).toBeGreaterThan(0.07);
    expect(weakened).toBeLessThan(0.14);
  });
  it('follow a dated change of either rate from that day on', () => {
    const k = knobs({ ...base, proxyRate: 8, disputeResolveRate: 0.2 });
    const sim = new Simulation(k, 7, {
      timeline: [{ date: '2022-01-01', knobs: { proxyRate: 0, disputeResolveRate: 2 } }],
    }).run();
    const change = sim.model.clock.dayOf('2022-01-01');
    const proxies = (sim.daily as Record<string, Float64Array>).filed_dispute;
    const settled = (sim.daily as Record<string, Float64Array>).disputes_settled;
    let before = 0;
    let after = 0;
    let fadeBefore = 0;
    let fadeAfter = 0;
    for (let i = 0; i < sim.day; i++) {
      if (i < change) {
        before += proxies[i];
        fadeBefore += settled[i];
      } else {
        after += proxies[i];
        fadeAfter += settled[i];
      }
    }
    expect(before).toBeGreaterThan(100);
    expect(after).toBe(0);
    expect(fadeAfter / (sim.day - change)).toBeGreaterThan(3 * (fadeBefore / change));
  });
});

describe('hand-down in a village', () => {
  it("cuts the village's unreasonable 12345 tickets year on year", () => {
    const V = { ...VILLAGE, residents: 3000, wishRate: 0.06, ventRate: 0.04 };
    const sims = [11, 12, 13].map((s) => run({ ...V, handDown: true, handDownStart: '2021-01-01' }, s));
    const y = [0, 1, 2, 3].map((i) => sims.reduce((a, s) => a + perYear(s, 'unreasonable_filed')[i], 0));
    expect(y[1]).toBeLessThan(y[0]);
    expect(y[3]).toBeLessThan(y[1]);
    const base = [11, 12, 13].reduce((a, s) => a + perYear(run(V, s), 'unreasonable_filed')[3], 0);
    expect(y[3]).toBeLessThan(base / 2);
  });
});

describe('gaming', () => {
  const g = (over: object) => {
    const s = run({ integrityMean: 0.3, ...over }, 5);
    return total(s, 'gaming_paid') + total(s, 'gaming_induced') + total(s, 'gaming_fake');
  };
  it('rises with pressure', () => {
    expect(g({ penaltySeverity: 3 })).toBeGreaterThan(1.5 * g({ penaltySeverity: 0.3 }));
    expect(g({ penaltySeverity: 0, rankVisibility: 0, districtLayer: false })).toBe(0);
  });
  it('falls under grade bands, which hide the place within a band (the poor band is still pressed)', () => {
    const grades = g({ rankingMode: 'grades' });
    expect(grades).toBeLessThan(0.9 * g({ rankingMode: 'rank' }));
    expect(grades).toBeGreaterThan(0);
  });
  it('falls with a relaxed cadence', () => {
    expect(g({ cadence: 'quarterly' })).toBeLessThan(g({ cadence: 'monthly' }));
  });
});

describe('appeal and exclusion', () => {
  it("raises units' scores while fewer real problems get solved", () => {
    const pressure = { penaltySeverity: 3, integrityMean: 0.2, horizonDays: 1095 };
    const seeds = [1, 2, 3];
    const off = seeds.map((s) => run(pressure, s).summary());
    const on = seeds.map((s) => run({ ...pressure, appealExclusion: true, appealApprovalRate: 0.8 }, s).summary());
    const mean = (xs: Record<string, number>[], k: string) => xs.reduce((a, x) => a + x[k], 0) / xs.length;
    expect(mean(on, 'tickets_excluded')).toBeGreaterThan(0);
    expect(mean(on, 'mean_score')).toBeGreaterThan(mean(off, 'mean_score'));
    expect(mean(on, 'resolution_rate')).toBeLessThan(mean(off, 'resolution_rate'));
    expect(mean(on, 'defects_fixed')).toBeLessThan(mean(off, 'defects_fixed')); // potholes left unfilled
    expect(mean(on, 'staff_hours_appeals')).toBeGreaterThan(0);
  });

  it('are not acts an audit finds, and leaders learn that approved exclusions paid', () => {
    // appeals are the only tactic, and every unit is audited every period by an auditor who never misses
    const only = { penaltySeverity: 3, integrityMean: 0.2, gamingPaid: false, gamingInduced: false, gamingFake: false };
    const s = run({ ...only, appealExclusion: true, appealApprovalRate: 0.8, auditRate: 1, auditDetection: 1 }, 2);
    expect(total(s, 'appeals_filed')).toBeGreaterThan(0);
    expect(total(s, 'tickets_excluded')).toBeGreaterThan(0);
    expect(total(s, 'audits_caught')).toBe(0);
    // belief starts at 1 (neutral); the completion bought by exclusions moves it up
    expect(Math.max(...s.model.leaders.gamingBelief.subarray(0, s.model.world.U))).toBeGreaterThan(1);
  });

  it('a rejected appeal costs hours, not a late ticket, while its review pauses the deadline', () => {
    const allRejected = { penaltySeverity: 3, integrityMean: 0.2, appealExclusion: true, appealApprovalRate: 0 };
    const completion = (pauses: boolean) => {
      const s = run({ ...allRejected, appealPausesDeadline: pauses }, 3);
      checkInvariants(s);
      const us = s.periods.flatMap((p) => p.units);
      return us.reduce((a, u) => a + u.completion, 0) / us.length;
    };
    const paused = completion(true);
    const late = completion(false);
    expect(paused).toBeGreaterThan(late);
  });
});

describe('audits', () => {
  it('deter a caught leader for a while: the caution falls to 1/e in auditDeterrenceYears, and restraint with it', () => {
    const sim = new Simulation(knobs({ auditRate: 0, leaderTurnover: 0, auditDeterrenceYears: 0.5 }), 1);
    const leaders = sim.model.leaders;
    leaders.caught(0, 0, 0.5);
    const before = leaders.restraint(0);
    expect(before).toBeCloseTo(Math.min(1, leaders.integrity[0] + 0.5), 12);
    sim.runTo(183); // half a year: 182.5 days
    expect(leaders.caution[0]).toBeCloseTo(0.5 * Math.exp(-183 / 182.5), 9);
    expect(leaders.restraint(0)).toBeLessThan(before);
    expect(leaders.caution[1]).toBe(0); // never caught
  });
});

describe('refusing out-of-scope requests', () => {
  it('cuts dispatched tickets and lowers satisfaction', () => {
    const seeds = [1, 2, 3];
    const off = seeds.map((s) => run({ wishRate: 0.1 }, s));
    const on = seeds.map((s) => run({ wishRate: 0.1, intakePolicy: 'refuse-out-of-scope' }, s));
    const sum = (xs: typeof off, m: string) => xs.reduce((a, x) => a + total(x, m), 0);
    const sat = (xs: typeof off) => xs.reduce((a, x) => a + x.summary().official_satisfaction, 0);
    expect(sum(on, 'tickets_refused')).toBeGreaterThan(0);
    expect(sum(on, 'requests_per_10k')).toBeLessThan(sum(off, 'requests_per_10k'));
    expect(sat(on)).toBeLessThan(sat(off));
  });
});

describe('social workers and public education', () => {
  it('outreach grows WeChat contacts and cuts hotline requests', () => {
    const off = run({ horizonDays: 1461 }, 2);
    const on = run({ horizonDays: 1461, outreachHoursPerWeek: 10 }, 2);
    expect(on.summary().wechat_contacts_end).toBeGreaterThan(3 * off.summary().wechat_contacts_end);
    expect(perYear(on, 'requests_per_10k')[3]).toBeLessThan(0.9 * perYear(off, 'requests_per_10k')[3]);
  });
  it('without outreach a worker’s contact list holds: contacts drift away and word of mouth replaces them', () => {
    const contacts = (over: object) => {
      const d = run({ horizonDays: 2190, ...over }, 4).daily.wechat_contacts;
      return [d[0], d[d.length - 1]];
    };
    const [start, end] = contacts({});
    expect(Math.abs(end / start - 1)).toBeLessThan(0.1);
    // with no churn, word of mouth alone grows the list year after year (model 0.2.0's drift)
    const [start0, end0] = contacts({ wechatChurn: 0 });
    expect(end0 / start0).toBeGreaterThan(1.25);
  });
  it('a campaign and published lists raise norm knowledge and cut unreasonable calls', () => {
    const off = run({ horizonDays: 1461 }, 3);
    for (const over of [{ educationCampaign: true }, { publishUnreasonable: true }]) {
      const on = run({ horizonDays: 1461, ...over }, 3);
      expect(on.summary().norm_knowledge_end).toBeGreaterThan(off.summary().norm_knowledge_end + 0.1);
      expect(perYear(on, 'unreasonable_filed')[3]).toBeLessThan(0.8 * perYear(off, 'unreasonable_filed')[3]);
    }
  });
});

describe('work, overtime and long-term work', () => {
  it('understaffing brings overtime and fatigue, starves long-term work and lets defects rise', () => {
    const ok = run({ horizonDays: 1095 }, 1);
    const thin = run({ horizonDays: 1095, staffPer10k: 3 }, 1);
    // overtime per head: thin staff work late more (pressed leaders push overtime everywhere, every
    // street keeps its longTermShare from tickets, and tickets long overdue are answered unsolved
    // rather than worked late: about 1.3x at seed 1, 2x before overdueReplyDays)
    expect(total(thin, 'staff_overtime_hours') / 3).toBeGreaterThan((1.2 * total(ok, 'staff_overtime_hours')) / 7);
    expect(total(thin, 'tickets_answered_unsolved')).toBeGreaterThan(total(ok, 'tickets_answered_unsolved'));
    expect(thin.daily.staff_fatigue_mean[1000]).toBeGreaterThan(ok.daily.staff_fatigue_mean[1000]);
    expect(thin.daily.upkeep_mean[1000]).toBeLessThan(ok.daily.upkeep_mean[1000]);
    const defects = (s: typeof ok) => perYear(s, 'defects_fixed')[2] + s.daily.defects_open[1094];
    expect(defects(thin)).toBeGreaterThan(defects(ok));
    expect(thin.summary().mean_days_to_close).toBeGreaterThan(ok.summary().mean_days_to_close);
  });
});

describe('overload', () => {
  it('a backlog a street cannot work off is answered unsolved past overdueReplyDays, not kept open for ever', () => {
    // two staff per 10,000: far below the load, even at triage's least effort
    const thin = { staffPer10k: 2, deptStaffPer10k: 0.5, horizonDays: 1095 };
    const bounded = run(thin, 1);
    const kept = run({ ...thin, overdueReplyDays: 3650 }, 1);
    checkInvariants(bounded);
    expect(total(bounded, 'tickets_answered_unsolved')).toBeGreaterThan(0);
    expect(total(kept, 'tickets_answered_unsolved')).toBe(0);
    // open tickets: at most about the dispatched tickets of deadline + overdueReplyDays days (15 + 30)
    const perDay = total(bounded, 'tickets_filed') / 1095;
    const open = bounded.daily.tickets_open;
    expect(open[1094]).toBeLessThan(perDay * 45);
    expect(open[1094]).toBeLessThan(1.2 * open[729]); // no longer growing
    expect(kept.daily.tickets_open[1094]).toBeGreaterThan(3 * open[1094]);
    // the residents' side counts what the replies leave unsolved
    expect(bounded.summary().unmet_need_share).toBeGreaterThan(run({ horizonDays: 1095 }, 1).summary().unmet_need_share);
  });
});

describe('long-term work', () => {
  it('every street keeps some upkeep, graded by its staffing, instead of none or all', () => {
    // the default world: 18 streets whose staffing differs for good (staffSpread)
    const upkeep = (over: object) => {
      const sim = new Simulation(knobs({ residents: 460000, cells: 275, units: 18, departments: 6, horizonDays: 730, ...over }), 1).run();
      const w = sim.model.world;
      return Array.from({ length: w.U }, (_, u) => ({ staff: sim.model.work.staff[u] / w.unitPop[u], upkeep: sim.model.work.upkeep[u] }));
    };
    const kept = upkeep({});
    expect(Math.min(...kept.map((x) => x.upkeep))).toBeGreaterThan(0.1);
    // more staff per resident, more upkeep: the best-staffed third above the worst-staffed third
    const byStaff = [...kept].sort((a, b) => a.staff - b.staff);
    const mean = (xs: typeof kept) => xs.reduce((a, x) => a + x.upkeep, 0) / xs.length;
    expect(mean(byStaff.slice(12))).toBeGreaterThan(mean(byStaff.slice(0, 6)));
    // with no hours kept, long-term work is what tickets leave: some streets have none at all
    expect(Math.min(...upkeep({ longTermShare: 0 }).map((x) => x.upkeep))).toBeLessThan(0.02);
  });
});

describe('satisfaction', () => {
  it('official satisfaction exceeds the residents’ own, and gaming widens the gap', () => {
    const gamed = run({ penaltySeverity: 3, integrityMean: 0.2 }, 6).summary();
    const clean = run({ penaltySeverity: 0, rankVisibility: 0, districtLayer: false }, 6).summary();
    expect(clean.gaming_paid + clean.gaming_induced + clean.gaming_fake).toBe(0);
    // the residents' side counts every need (dropped, waiting, never reported), the ratings only closed tickets
    expect(clean.official_satisfaction).toBeGreaterThan(clean.true_satisfaction);
    const gap = (x: typeof gamed) => x.official_satisfaction - x.true_satisfaction;
    expect(gap(gamed)).toBeGreaterThan(gap(clean) + 0.02);
  });
});

describe('assessment', () => {
  it('ranks every unit each period, and monthly ranks move between periods', () => {
    const s = run({ units: 8, cells: 32, residents: 40000, horizonDays: 365 }, 1);
    expect(s.periods.length).toBe(12);
    for (const p of s.periods) expect(p.units.map((u) => u.rank).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(s.summary().rank_volatility).toBeGreaterThan(0.5);
  });
  it('grade mode places units in bands and has no ranks', () => {
    const s = run({ rankingMode: 'grades', cadence: 'bimonthly', horizonDays: 365 }, 1);
    expect(s.periods.length).toBe(6);
    for (const p of s.periods)
      for (const u of p.units) {
        expect(u.rank).toBeNull();
        expect(['excellent', 'good', 'pass', 'poor']).toContain(u.grade);
      }
  });
});

describe('responsiveness', () => {
  it('assessment pressure on honest leaders makes units more responsive, and more problems get solved', () => {
    // units whose leaders keep little responsiveness by themselves, residents' complaints aside
    const low = {
      initialResponsiveness: 0.2,
      intrinsicResponsiveness: 0.2,
      respFeedback: 0,
      integrityMean: 0.9,
      integritySpread: 0.05,
      horizonDays: 1095,
    };
    const pressed = run({ ...low, penaltySeverity: 2 }, 3);
    const relaxed = run({ ...low, penaltySeverity: 0, rankVisibility: 0, districtLayer: false }, 3);
    const r = (s: typeof pressed) => s.daily.responsiveness_mean[1094];
    expect(r(pressed)).toBeGreaterThan(r(relaxed) + 0.15);
    expect(r(relaxed)).toBeLessThan(0.3);
    expect(pressed.summary().official_resolution).toBeGreaterThan(relaxed.summary().official_resolution + 0.05);
    expect(pressed.summary().resolution_rate).toBeGreaterThan(relaxed.summary().resolution_rate);
  });
});
