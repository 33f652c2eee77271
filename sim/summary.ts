/**
 * A run's summary: totals and means over the days simulated so far, from the daily series and
 * the period records (what the command line prints and the golden fixtures pin).
 */
import type { Daily, MetricName } from './metrics.ts';
import type { PeriodRecord, Summary } from './types.ts';

/** Summarise the first n days of a run of `residents` residents. */
export function summarise(d: Daily, n: number, residents: number, periods: readonly PeriodRecord[]): Summary {
  const sum = (m: MetricName) => {
    let t = 0;
    for (let i = 0; i < n; i++) t += d[m][i];
    return t;
  };
  const last = (m: MetricName) => (n > 0 ? d[m][n - 1] : 0);
  // a rate over the run, weighting each day by its volume (closed tickets)
  const weightedMean = (m: MetricName, w: MetricName) => {
    let num = 0;
    let den = 0;
    for (let i = 0; i < n; i++) {
      num += d[m][i] * d[w][i];
      den += d[w][i];
    }
    return den > 0 ? num / den : 0;
  };
  const ratio = (m: MetricName) => weightedMean(m, 'tickets_closed');
  const years = n / 365;
  const filed = sum('tickets_filed');
  const consult = sum('consultations');
  const requests = filed - consult;
  const vol = periods.map((p) => p.rankVolatility).filter((v): v is number => v !== null);
  return {
    days: n,
    residents,
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
    reported_satisfaction: ratio('reported_satisfaction'),
    true_satisfaction: ratio('true_satisfaction'),
    resolution_rate: ratio('resolution_rate'),
    mean_days_to_close: weightedMean('mean_days_to_close', 'tickets_closed'),
    rank_volatility: vol.length ? vol.reduce((a, b) => a + b, 0) / vol.length : 0,
    periods: periods.length,
    mean_score: periods.length
      ? periods.reduce((a, p) => a + p.units.reduce((b, u) => b + u.score, 0) / p.units.length, 0) / periods.length
      : 0,
    gaming_intensity_mean: sum('gaming_intensity_mean') / Math.max(1, n),
  };
}
