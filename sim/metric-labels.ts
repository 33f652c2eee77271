/**
 * Short names of the daily metrics, as a person would write them in a menu, a table header or a
 * chart title, in English and Chinese. The metric table (sim/metrics.ts) keeps the identifiers the
 * exports and the command line print, with their units and full meanings; these are the words the
 * app shows beside them. The type makes a missing or extra name a compile error, and
 * test/unit/metric-labels.test.ts checks that they are written (no ellipsis, no identifier) and
 * unique within a language.
 */
import type { MetricName } from './metrics.ts';

export interface MetricLabel {
  readonly en: string;
  readonly zh: string;
}

export const METRIC_LABELS: Readonly<Record<MetricName, MetricLabel>> = {
  tickets_filed: { en: 'Contacts to 12345', zh: '12345来电总数' },
  tickets_closed: { en: 'Tickets closed', zh: '办结工单' },
  tickets_open: { en: 'Open tickets', zh: '未办结工单' },
  tickets_refused: { en: 'Calls refused', zh: '不予受理' },
  tickets_excluded: { en: 'Excluded after appeal', zh: '申诉剔除工单' },
  tickets_handed_down: { en: 'Handed down to councils', zh: '下交村议事会' },
  tickets_to_departments: { en: 'Sent to departments', zh: '派给职能部门' },
  tickets_flagged_unreasonable: { en: 'Judged unreasonable', zh: '认定为不合理' },
  mean_days_to_close: { en: 'Days to close', zh: '平均办结天数' },
  unreasonable_filed: { en: 'Unreasonable requests filed', zh: '不合理诉求来电' },
  consultations: { en: 'Consultations', zh: '咨询' },
  filed_defect: { en: 'Defect reports', zh: '公共设施问题' },
  filed_individual: { en: 'Individual matters', zh: '个体化诉求' },
  filed_wish: { en: 'Out-of-scope wishes', zh: '超范围诉求' },
  filed_contested: { en: 'Contested-good requests', zh: '争议物品诉求' },
  filed_dispute: { en: 'Proxy complaints', zh: '借题投诉' },
  filed_vent: { en: 'Venting calls', zh: '情绪发泄来电' },
  filed_gaming: { en: 'Gaming tickets (fake, induced)', zh: '造假工单（虚假、诱导）' },
  needs_dropped: { en: 'Did nothing', zh: '未反映' },
  hall_cases: { en: 'Village hall cases', zh: '议事厅事项' },
  council_visits: { en: 'Council visits', zh: '议事会走访' },
  wechat_messages: { en: 'Messages to social workers', zh: '发给社工的微信' },
  staff_hours_tickets: { en: 'Staff hours on tickets', zh: '办理工单工时' },
  staff_hours_gaming: { en: 'Staff hours on gaming', zh: '造假工时' },
  staff_hours_appeals: { en: 'Staff hours on appeals', zh: '申诉工时' },
  staff_hours_longterm: { en: 'Staff hours on long-term work', zh: '长期工作工时' },
  staff_overtime_hours: { en: 'Overtime hours', zh: '加班工时' },
  staff_fatigue_mean: { en: 'Staff fatigue', zh: '工作人员疲劳度' },
  upkeep_mean: { en: 'Upkeep level', zh: '日常维护水平' },
  official_satisfaction: { en: 'Official satisfaction', zh: '官方满意率' },
  official_resolution: { en: 'Official resolution', zh: '官方解决率' },
  true_satisfaction: { en: 'Residents: true satisfaction', zh: '居民：真实满意率' },
  resolution_rate: { en: 'Residents: needs met', zh: '居民：诉求满足率' },
  needs_arisen: { en: 'Needs arisen', zh: '产生的诉求' },
  needs_met: { en: 'Needs met in time', zh: '按时满足的诉求' },
  needs_unmet: { en: 'Needs unmet', zh: '未满足的诉求' },
  needs_met_late: { en: 'Needs met late', zh: '超时才满足的诉求' },
  needs_waiting: { en: 'Needs waiting', zh: '等待中的诉求' },
  tickets_overdue: { en: 'Overdue tickets', zh: '超期工单' },
  triage_owner_days: { en: 'Units in triage', zh: '分流应急的单位' },
  tickets_escalated: { en: 'Escalated tickets', zh: '升级回流工单' },
  tickets_answered_unsolved: { en: 'Overdue tickets answered unsolved', zh: '超期答复未解决工单' },
  wish_group_rounds: { en: 'Wish-group rounds', zh: '群体反复诉求轮次' },
  awareness_mean: { en: 'Awareness of 12345', zh: '12345知晓率' },
  tickets_closed_dispatched: { en: 'Dispatched tickets closed', zh: '办结的派单工单' },
  tickets_rated: { en: 'Ratings recorded', zh: '回访评价数' },
  gaming_paid: { en: 'Paid ratings', zh: '花钱买满意' },
  gaming_induced: { en: 'Induced requests', zh: '诱导改提诉求' },
  gaming_fake: { en: 'Fake tickets', zh: '自编工单' },
  appeals_filed: { en: 'Appeals filed', zh: '提出的申诉' },
  audits_caught: { en: 'Caught by audits', zh: '被核查发现' },
  defects_open: { en: 'Defects open', zh: '未修复的设施问题' },
  defects_fixed: { en: 'Defects fixed', zh: '已修复的设施问题' },
  disputes_open: { en: 'Disputes open', zh: '未化解纠纷' },
  disputes_settled: { en: 'Disputes settled', zh: '已化解纠纷' },
  contested_flips: { en: 'Contested-good flips', zh: '争议物品反复改动' },
  wechat_contacts: { en: 'Residents on WeChat with a social worker', zh: '加了社工微信的居民' },
  norm_knowledge_mean: { en: 'Knowledge of what 12345 is for', zh: '对12345用途的了解' },
  requests_per_10k: { en: 'Requests per 10,000', zh: '万人诉求比' },
  leader_pressure_mean: { en: 'Pressure on leaders', zh: '领导所受压力' },
  responsiveness_mean: { en: 'Responsiveness', zh: '响应程度' },
  gaming_intensity_mean: { en: 'Gaming intensity', zh: '造假强度' },
};

/**
 * The key figures of a run: fields of its summary (sim/summary.ts, the `summary` of every JSON
 * export and of `hotline-lab run`), each with the name the app, the exports' readers and the
 * command line use, and how the summary computes it. Rates are shares (0 to 1); a difference of two
 * rates is in percentage points.
 */
export interface SummaryLabel extends MetricLabel {
  /** How the summary computes the figure, one sentence. */
  readonly how: MetricLabel;
  /** A share from 0 to 1 (shown as a percentage; differences in points). */
  readonly rate: boolean;
}

export const SUMMARY_LABELS = {
  tickets_filed: {
    ...METRIC_LABELS.tickets_filed,
    rate: false,
    how: { en: 'Sum over the days so far of the contacts filed (tickets_filed).', zh: '截至目前每日来电（tickets_filed）之和。' },
  },
  requests_per_10k_month: {
    en: 'Requests per 10,000 a month',
    zh: '万人诉求比（每月）',
    rate: false,
    how: {
      en: 'Mean daily requests per 10,000 residents (consultations excluded) × 365 / 12 (requests_per_10k_month).',
      zh: '每日万人诉求数（不含咨询）的平均值 × 365 / 12（requests_per_10k_month）。',
    },
  },
  official_satisfaction: {
    ...METRIC_LABELS.official_satisfaction,
    rate: true,
    how: {
      en: 'Daily official satisfaction weighted by the ratings recorded that day (official_satisfaction).',
      zh: '以每日回访评价数加权的每日官方满意率（official_satisfaction）。',
    },
  },
  true_satisfaction: {
    ...METRIC_LABELS.true_satisfaction,
    rate: true,
    how: {
      en: 'Daily true satisfaction weighted by the needs met or unmet that day (true_satisfaction).',
      zh: '以每日满足与未满足诉求数加权的每日真实满意率（true_satisfaction）。',
    },
  },
  official_resolution: {
    ...METRIC_LABELS.official_resolution,
    rate: true,
    how: {
      en: 'Daily official resolution weighted by the ratings recorded that day (official_resolution).',
      zh: '以每日回访评价数加权的每日官方解决率（official_resolution）。',
    },
  },
  resolution_rate: {
    ...METRIC_LABELS.resolution_rate,
    rate: true,
    how: {
      en: 'Daily share of needs met weighted by the needs met or unmet that day (resolution_rate).',
      zh: '以每日满足与未满足诉求数加权的每日诉求满足率（resolution_rate）。',
    },
  },
  needs_waiting_end: {
    ...METRIC_LABELS.needs_waiting,
    rate: false,
    how: {
      en: 'Needs still waiting on the last day so far (needs_waiting_end).',
      zh: '截至目前最后一天仍在等待的诉求数（needs_waiting_end）。',
    },
  },
  tickets_open_end: {
    ...METRIC_LABELS.tickets_open,
    rate: false,
    how: { en: 'Tickets open on the last day so far (tickets_open_end).', zh: '截至目前最后一天未办结的工单数（tickets_open_end）。' },
  },
  disputes_open_end: {
    ...METRIC_LABELS.disputes_open,
    rate: false,
    how: { en: 'Disputes open on the last day so far (disputes_open_end).', zh: '截至目前最后一天未化解的纠纷数（disputes_open_end）。' },
  },
  staff_hours_gaming: {
    ...METRIC_LABELS.staff_hours_gaming,
    rate: false,
    how: {
      en: 'Sum over the days so far of the staff hours spent on gaming (staff_hours_gaming).',
      zh: '截至目前每日造假工时之和（staff_hours_gaming）。',
    },
  },
  staff_hours_longterm: {
    ...METRIC_LABELS.staff_hours_longterm,
    rate: false,
    how: {
      en: 'Sum over the days so far of the staff hours spent on long-term work (staff_hours_longterm).',
      zh: '截至目前每日长期工作工时之和（staff_hours_longterm）。',
    },
  },
  consultation_share: {
    en: 'Share of consultations',
    zh: '咨询占比',
    rate: true,
    how: { en: 'Consultations / contacts to 12345 (consultation_share).', zh: '咨询数 / 12345来电总数（consultation_share）。' },
  },
  gaming_paid: {
    ...METRIC_LABELS.gaming_paid,
    rate: false,
    how: { en: 'Sum of paid ratings (gaming_paid).', zh: '花钱买满意次数之和（gaming_paid）。' },
  },
  gaming_induced: {
    ...METRIC_LABELS.gaming_induced,
    rate: false,
    how: { en: 'Sum of induced requests (gaming_induced).', zh: '诱导改提诉求次数之和（gaming_induced）。' },
  },
  gaming_fake: {
    ...METRIC_LABELS.gaming_fake,
    rate: false,
    how: { en: 'Sum of fake tickets (gaming_fake).', zh: '自编工单数之和（gaming_fake）。' },
  },
  disputes_settled: {
    ...METRIC_LABELS.disputes_settled,
    rate: false,
    how: { en: 'Sum of disputes settled (disputes_settled).', zh: '已化解纠纷数之和（disputes_settled）。' },
  },
  contested_flips: {
    ...METRIC_LABELS.contested_flips,
    rate: false,
    how: { en: 'Sum of contested-good flips (contested_flips).', zh: '争议物品反复改动次数之和（contested_flips）。' },
  },
} as const satisfies Record<string, SummaryLabel>;

export type SummaryField = keyof typeof SUMMARY_LABELS;

/**
 * The key figures, in the order the app's strip (ui/key-figures.ts) and the command line's run
 * summary (cli/output.ts) show them.
 */
export const KEY_FIGURES: readonly SummaryField[] = [
  'tickets_filed',
  'requests_per_10k_month',
  'official_satisfaction',
  'true_satisfaction',
  'official_resolution',
  'resolution_rate',
  'needs_waiting_end',
  'tickets_open_end',
  'disputes_open_end',
  'staff_hours_gaming',
  'staff_hours_longterm',
];
