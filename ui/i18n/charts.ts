/**
 * Every chart title, legend entry and label, in English and Chinese: `t(lang, 'chartTitle.kind')`,
 * `t(lang, 'chart.noData')`, `t(lang, 'series.hotline')`, `t(lang, 'grade.pass')`. Axis units come from
 * the metric table (sim/metrics.ts), not from here.
 */
import type { Text } from './text.ts';

/** Chart titles. */
export const CHART_TITLE = {
  kind: { en: 'Tickets per week, by kind', zh: '每周工单：按类型' },
  channel: { en: 'Needs per week, by channel chosen', zh: '每周诉求：按反映渠道' },
  per10k: { en: 'Requests per 10,000 residents', zh: '万人诉求比' },
  backlog: { en: 'Open backlog and time to close', zh: '积压工单与办结用时' },
  hours: { en: 'Staff hours by use', zh: '工时用途' },
  gaming: { en: 'Gaming by tactic, and excluded tickets', zh: '造假手段与剔除工单' },
  satisfaction: { en: 'Official satisfaction against the residents’ own', zh: '官方满意率与居民真实满意率' },
  ranks: { en: 'Units’ ranks across periods', zh: '各街乡历期排名' },
  disputes: { en: 'Disputes and contested goods', zh: '纠纷与争议公共物品' },
} as const satisfies Record<string, Text>;

/** Words used across the charts. */
export const CHART_UI = {
  exportSvg: { en: 'SVG', zh: 'SVG' },
  exportPng: { en: 'PNG', zh: 'PNG' },
  exportSvgLabel: { en: 'Download this chart as SVG', zh: '以 SVG 格式下载此图' },
  exportPngLabel: { en: 'Download this chart as PNG', zh: '以 PNG 格式下载此图' },
  chartHelp: {
    en: 'Chart. Use the left and right arrow keys to read values week by week; Home and End jump to the ends.',
    zh: '图表。用左右方向键逐周读数，Home 和 End 跳到两端。',
  },
  weekOf: { en: 'Week of', zh: '周起始' },
  periodOf: { en: 'Period from', zh: '考核期起始' },
  baseline: { en: 'Baseline', zh: '基线' },
  policy: { en: 'Policy', zh: '政策' },
  baselineShort: { en: 'base', zh: '基线' },
  baselineDashed: { en: 'Baseline (dashed)', zh: '基线（虚线）' },
  difference: { en: 'Difference, policy − baseline', zh: '差值：政策 − 基线' },
  noData: { en: 'Waiting for data…', zh: '等待数据…' },
  rank: { en: 'rank (1 = best)', zh: '名次（1 = 最好）' },
  grade: { en: 'grade band', zh: '档次' },
  period: { en: 'assessment period', zh: '考核期' },
  meanVolatility: { en: 'Mean rank change per period', zh: '每期平均名次变动' },
  meanChurn: { en: 'Units changing band per period', zh: '每期换档单位比例' },
  places: { en: 'places', zh: '位' },
  unit: { en: 'Unit', zh: '街乡' },
  score: { en: 'score', zh: '得分' },
  penalised: { en: 'penalised', zh: '被问责' },
  volatilityStrip: { en: 'Rank change per period', zh: '每期名次变动' },
  churnStrip: { en: 'Share of units changing band per period', zh: '每期换档单位比例' },
  date: { en: 'date', zh: '日期' },
  caption: { en: 'Weekly values; the newest week is scaled from the days so far.', zh: '按周汇总；最新一周按已模拟天数折算。' },
  rankKeys: { en: 'Up and down arrows move along the ranking.', zh: '上下方向键在名次间移动。' },
  bumpLegend: {
    en: 'One line per unit; bold: the latest first and last (point to pick another)',
    zh: '每条线为一个街乡；粗线为最新一期的第一名和最后一名（指向可换）',
  },
  unitN: { en: 'Unit {n}', zh: '街乡{n}' },
  // the caption drawn into exported images, and the embed's title
  capScenario: { en: 'Scenario: {preset}', zh: '情景：{preset}' },
  capChanged: { en: '{preset}, changed', zh: '{preset}（已修改）' },
  capSeed: { en: 'seed {seed}', zh: '随机种子 {seed}' },
  capModel: { en: 'model {version}', zh: '模型 {version}' },
  capLink: { en: 'Link: {link}', zh: '链接：{link}' },
  capCompare: { en: 'Compared with its baseline', zh: '与基线对照' },
  embedChanged: { en: 'changed from the preset', zh: '已改动预设' },
  embedNothing: { en: 'No chart matches show={show}; showing every chart.', zh: 'show={show} 中没有可用的图表，显示全部图表。' },
  embedShow: { en: 'Charts and figures to show', zh: '显示哪些图表和数字' },
  embedFigures: { en: 'Key figures', zh: '关键数字' },
  embedAll: { en: 'All', zh: '全部' },
  // rank chart with many units
  rankTopBottom: {
    en: 'Top and bottom {k} of the latest period of {n} units; the middle band holds ranks {from}–{to}',
    zh: '共 {n} 个单位，显示最新一期前 {k} 名和后 {k} 名；中间一栏为第 {from}–{to} 名',
  },
  rankMiddle: { en: 'ranks {from}–{to}', zh: '第 {from}–{to} 名' },
  follow: { en: 'Follow a unit', zh: '跟踪单位' },
  followNone: { en: '(top and bottom only)', zh: '（只看首尾）' },
  gapBand: { en: 'Gap: official − residents’', zh: '差距：官方 − 居民' },
  gapMean: { en: 'Mean gap {gap} points', zh: '平均差距 {gap} 个百分点' },
} as const satisfies Record<string, Text>;

/** Legend labels of series (metric names, and derived series); looked up by a metric's name. */
export const SERIES: Record<string, Text> = {
  filed_defect: { en: 'Defect', zh: '公共设施' },
  filed_individual: { en: 'Individual', zh: '个体化' },
  filed_wish: { en: 'Out-of-scope wish', zh: '超范围诉求' },
  filed_contested: { en: 'Contested good', zh: '争议物品' },
  filed_dispute: { en: 'Dispute (proxy)', zh: '纠纷（借题）' },
  filed_vent: { en: 'Venting', zh: '情绪发泄' },
  filed_gaming: { en: 'Gaming (fake, induced)', zh: '造假（虚假、诱导）' },
  consultations: { en: 'Consultation', zh: '咨询' },
  hotline: { en: '12345 hotline', zh: '12345热线' },
  wechat_messages: { en: 'Social worker (WeChat)', zh: '社工（微信）' },
  hall_cases: { en: 'Village hall', zh: '议事厅' },
  needs_dropped: { en: 'Did nothing', zh: '未反映' },
  requests_per_10k: { en: 'Requests per 10,000', zh: '万人诉求比' },
  tickets_open: { en: 'Open tickets', zh: '未办结工单' },
  mean_days_to_close: { en: 'Mean days to close', zh: '平均办结天数' },
  staff_hours_tickets: { en: 'Tickets', zh: '办理工单' },
  staff_hours_gaming: { en: 'Gaming', zh: '造假' },
  staff_hours_appeals: { en: 'Appeals', zh: '申诉' },
  staff_hours_longterm: { en: 'Long-term work', zh: '长期工作' },
  staff_overtime_hours: { en: 'Overtime', zh: '加班' },
  gaming_paid: { en: 'Paid ratings', zh: '花钱买满意' },
  gaming_induced: { en: 'Induced requests', zh: '诱导改提诉求' },
  gaming_fake: { en: 'Fake tickets', zh: '自编工单' },
  tickets_excluded: { en: 'Excluded after appeal', zh: '申诉剔除' },
  official_satisfaction: { en: 'Official satisfaction', zh: '官方满意率' },
  official_resolution: { en: 'Official resolution', zh: '官方解决率' },
  resolution_rate: { en: 'Residents: needs met', zh: '居民：诉求满足率' },
  unmet_need_share: { en: 'Unmet needs', zh: '未满足诉求' },
  needs_waiting: { en: 'Needs waiting', zh: '等待中的诉求' },
  tickets_overdue: { en: 'Overdue tickets', zh: '超期工单' },
  true_satisfaction: { en: 'Residents: true satisfaction', zh: '居民：真实满意率' },
  gap: { en: 'Goodhart gap', zh: '古德哈特差距' },
  disputes_open: { en: 'Disputes open', zh: '未化解纠纷' },
  disputes_settled: { en: 'Disputes settled', zh: '已化解纠纷' },
  contested_flips: { en: 'Contested-good flips', zh: '争议物品反复改动' },
  total: { en: 'Total', zh: '合计' },
};

/** Grade bands of the assessment. */
export const GRADE = {
  excellent: { en: 'Excellent', zh: '优秀' },
  good: { en: 'Good', zh: '良好' },
  pass: { en: 'Pass', zh: '合格' },
  poor: { en: 'Poor', zh: '较差' },
} as const satisfies Record<string, Text>;
