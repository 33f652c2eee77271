/**
 * A run's summary: totals and means over the days simulated so far, from the daily series, the
 * period records and the needs ledger (what the command line prints and the golden fixtures pin).
 */
import { Kind } from './flags.ts';
import type { Daily, MetricName } from './metrics.ts';
import type { PeriodRecord, Summary } from './types.ts';
import type { NeedsLedger } from './needs-ledger.ts';

/** Summarise the first n days of a run of `residents` residents. */
export function summarise(d: Daily, n: number, residents: number, periods: readonly PeriodRecord[], ledger: NeedsLedger): Summary {
  /** A rate over the run, weighting each day by w. */
  const weightedMean = (m: MetricName, w: MetricName) => {
    let num = 0;
    let den = 0;
    for (let i = 0; i < n; i++) {
      num += d[m][i] * d[w][i];
      den += d[w][i];
    }
    return den > 0 ? num / den : 0;
  };
  /** A residents'-side rate over the run, weighting each day by the needs it classified. */
  const needsMean = (m: MetricName) => {
    let num = 0;
    let den = 0;
    for (let i = 0; i < n; i++) {
      const w = d.needs_met[i] + d.needs_unmet[i];
      num += d[m][i] * w;
      den += w;
    }
    return den > 0 ? num / den : 0;
  };
  /** Share of the needs of one kind classified so far that were unmet. */
  const unmetShare = (kind: number) => {
    const t = ledger.metByKind[kind] + ledger.unmetByKind[kind];
    return t > 0 ? ledger.unmetByKind[kind] / t : 0;
  };
  const sum = (m: MetricName) => {
    let t = 0;
    for (let i = 0; i < n; i++) t += d[m][i];
    return t;
  };
  const last = (m: MetricName) => (n > 0 ? d[m][n - 1] : 0);
  const years = n / 365;
  const filed = sum('tickets_filed');
  const consult = sum('consultations');
  const requests = filed - consult;
  const vol = periods.map((p) => p.rankVolatility).filter((v): v is number => v !== null);
  return {
    days: n,
    residents: residents,
    tickets_filed: filed,
    contacts_per_resident_year: years > 0 ? filed / residents / years : 0,
    consultations: consult,
    consultation_share: filed > 0 ? consult / filed : 0,
    requests,
    requests_per_10k_month: years > 0 ? ((sum('requests_per_10k') / n) * 365) / 12 : 0,
    unreasonable_filed: sum('unreasonable_filed'),
    unreasonable_share: requests > 0 ? sum('unreasonable_filed') / requests : 0,
    flagged_share: requests > 0 ? sum('tickets_flagged_unreasonable') / requests : 0,
    tickets_refused: sum('tickets_refused'),
    tickets_excluded: sum('tickets_excluded'),
    tickets_handed_down: sum('tickets_handed_down'),
    tickets_open_end: last('tickets_open'),
    hall_cases: sum('hall_cases'),
    wechat_messages: sum('wechat_messages'),
    council_visits: sum('council_visits'),
    staff_hours_tickets: sum('staff_hours_tickets'),
    staff_hours_gaming: sum('staff_hours_gaming'),
    staff_hours_appeals: sum('staff_hours_appeals'),
    staff_hours_longterm: sum('staff_hours_longterm'),
    staff_overtime_hours: sum('staff_overtime_hours'),
    gaming_paid: sum('gaming_paid'),
    gaming_induced: sum('gaming_induced'),
    gaming_fake: sum('gaming_fake'),
    appeals_filed: sum('appeals_filed'),
    defects_fixed: sum('defects_fixed'),
    defects_open_end: last('defects_open'),
    disputes_settled: sum('disputes_settled'),
    disputes_open_end: last('disputes_open'),
    contested_flips: sum('contested_flips'),
    wechat_contacts_end: last('wechat_contacts'),
    norm_knowledge_end: last('norm_knowledge_mean'),
    official_satisfaction: weightedMean('official_satisfaction', 'tickets_rated'),
    official_resolution: weightedMean('official_resolution', 'tickets_rated'),
    true_satisfaction: needsMean('true_satisfaction'),
    resolution_rate: needsMean('resolution_rate'),
    needs_arisen: sum('needs_arisen'),
    needs_met: sum('needs_met'),
    needs_unmet: sum('needs_unmet'),
    unmet_need_share: sum('needs_met') + sum('needs_unmet') > 0 ? sum('needs_unmet') / (sum('needs_met') + sum('needs_unmet')) : 0,
    unmet_share_defect: unmetShare(Kind.DEFECT),
    unmet_share_individual: unmetShare(Kind.INDIVIDUAL),
    unmet_share_contested: unmetShare(Kind.CONTESTED),
    unmet_share_dispute: unmetShare(Kind.DISPUTE),
    needs_waiting_end: last('needs_waiting'),
    tickets_overdue_end: last('tickets_overdue'),
    mean_days_to_close: weightedMean('mean_days_to_close', 'tickets_closed_dispatched'),
    rank_volatility: vol.length ? vol.reduce((a, b) => a + b, 0) / vol.length : 0,
    periods: periods.length,
    mean_score: periods.length
      ? periods.reduce((a, p) => a + p.units.reduce((b, u) => b + u.score, 0) / p.units.length, 0) / periods.length
      : 0,
    gaming_intensity_mean: sum('gaming_intensity_mean') / Math.max(1, n),
  };
}
