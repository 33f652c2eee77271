/**
 * The daily metric series a run records: one value per simulated day, each with its
 * meaning and unit. The command line, the docs and the UI read this table.
 */

export interface MetricSpec {
  readonly name: string;
  readonly unit: { en: string; zh: string };
  readonly meaning: { en: string; zh: string };
  /** How the series aggregates over a week or period: summed counts, or averaged levels/rates. */
  readonly agg: 'sum' | 'mean' | 'last';
}

const T = { en: 'tickets per day', zh: '件/天' };
const H = { en: 'staff hours per day', zh: '工时/天' };
const R = { en: 'rate 0..1', zh: '比率 0..1' };
const N = { en: 'count per day', zh: '次/天' };
const S = { en: 'count (end of day)', zh: '数量（日末）' };

export const METRICS = [
  {
    name: 'tickets_filed',
    unit: T,
    agg: 'sum',
    meaning: {
      en: 'Every 12345 contact of the day, consultations, fake and induced tickets included.',
      zh: '当天所有12345来电，含咨询、虚假和诱导工单。',
    },
  },
  {
    name: 'tickets_closed',
    unit: T,
    agg: 'sum',
    meaning: { en: 'Tickets closed that day (consultations close the day they are filed).', zh: '当天办结的工单（咨询当天办结）。' },
  },
  {
    name: 'tickets_open',
    unit: S,
    agg: 'last',
    meaning: { en: 'Open tickets at the end of the day (including those under appeal).', zh: '日末未办结工单（含申诉中）。' },
  },
  {
    name: 'tickets_refused',
    unit: T,
    agg: 'sum',
    meaning: { en: 'Calls refused as out of scope with the standard reply.', zh: '以标准答复拒绝受理的来电。' },
  },
  {
    name: 'tickets_excluded',
    unit: T,
    agg: 'sum',
    meaning: {
      en: "Tickets excluded from the unit's score after an approved appeal (closed without a fix).",
      zh: '申诉通过后从考核中剔除的工单（未解决即结束）。',
    },
  },
  {
    name: 'tickets_handed_down',
    unit: T,
    agg: 'sum',
    meaning: { en: 'Tickets handed down to a village council.', zh: '下交给村议事团的工单。' },
  },
  {
    name: 'tickets_to_departments',
    unit: T,
    agg: 'sum',
    meaning: { en: 'Tickets dispatched to functional departments.', zh: '派给职能部门的工单。' },
  },
  {
    name: 'tickets_flagged_unreasonable',
    unit: T,
    agg: 'sum',
    meaning: { en: 'Tickets the hotline judged non-compliant (refused or not).', zh: '被热线判定为不合理的工单（无论是否拒绝）。' },
  },
  {
    name: 'mean_days_to_close',
    unit: { en: 'days', zh: '天' },
    agg: 'mean',
    meaning: {
      en: 'Mean days from filing to closing, of dispatched real tickets closed that day (consultations, fake and induced tickets apart).',
      zh: '当天办结的真实派单工单从受理到办结的平均天数（不含咨询、虚假和诱导工单）。',
    },
  },
  {
    name: 'unreasonable_filed',
    unit: T,
    agg: 'sum',
    meaning: { en: 'Filed tickets that are in truth out-of-scope wishes or venting.', zh: '实际属于超范围诉求或情绪发泄的工单。' },
  },
  {
    name: 'consultations',
    unit: T,
    agg: 'sum',
    meaning: { en: 'Consultations answered on the call (a subset of tickets_filed).', zh: '当场答复的咨询（包含在来电总数中）。' },
  },
  { name: 'filed_defect', unit: T, agg: 'sum', meaning: { en: 'Hotline tickets about public defects.', zh: '公共设施类工单。' } },
  { name: 'filed_individual', unit: T, agg: 'sum', meaning: { en: 'Hotline tickets about individual matters.', zh: '个体化诉求工单。' } },
  { name: 'filed_wish', unit: T, agg: 'sum', meaning: { en: 'Hotline tickets with out-of-scope wishes.', zh: '超范围诉求工单。' } },
  {
    name: 'filed_contested',
    unit: T,
    agg: 'sum',
    meaning: { en: 'Hotline tickets about contested goods (speed bump, lights).', zh: '争议公共物品工单（减速带、路灯）。' },
  },
  {
    name: 'filed_dispute',
    unit: T,
    agg: 'sum',
    meaning: { en: 'Proxy complaints arising from neighbour disputes.', zh: '邻里纠纷引发的借题投诉。' },
  },
  { name: 'filed_vent', unit: T, agg: 'sum', meaning: { en: 'Venting calls.', zh: '情绪发泄来电。' } },
  {
    name: 'filed_gaming',
    unit: T,
    agg: 'sum',
    meaning: { en: 'Fake and induced substitute tickets (gaming).', zh: '虚假和诱导替代工单（造假）。' },
  },
  {
    name: 'needs_dropped',
    unit: N,
    agg: 'sum',
    meaning: {
      en: 'Times a resident with a need, a wish or a defect to report chose to do nothing.',
      zh: '居民有诉求、愿望或要反映的问题却选择不反映的次数。',
    },
  },
  {
    name: 'hall_cases',
    unit: N,
    agg: 'sum',
    meaning: { en: 'Matters residents took to a village deliberation hall.', zh: '居民到村民议事厅反映的事项。' },
  },
  {
    name: 'council_visits',
    unit: N,
    agg: 'sum',
    meaning: { en: 'Visits (deliberation rounds) made by village councils.', zh: '议事团上门（议事）次数。' },
  },
  {
    name: 'wechat_messages',
    unit: N,
    agg: 'sum',
    meaning: { en: 'Matters residents messaged their social worker about.', zh: '居民通过微信向社工反映的事项。' },
  },
  {
    name: 'staff_hours_tickets',
    unit: H,
    agg: 'sum',
    meaning: { en: 'Staff hours spent working tickets (units and departments).', zh: '处理工单的工时。' },
  },
  {
    name: 'staff_hours_gaming',
    unit: H,
    agg: 'sum',
    meaning: { en: 'Staff hours spent on paid ratings, induced and fake tickets.', zh: '用于买评价、诱导和虚假工单的工时。' },
  },
  {
    name: 'staff_hours_appeals',
    unit: H,
    agg: 'sum',
    meaning: { en: 'Staff hours spent writing exclusion appeals.', zh: '撰写剔除申诉的工时。' },
  },
  {
    name: 'staff_hours_longterm',
    unit: H,
    agg: 'sum',
    meaning: { en: 'Staff hours left for long-term (preventive) work.', zh: '剩余用于长期（预防性）工作的工时。' },
  },
  { name: 'staff_overtime_hours', unit: H, agg: 'sum', meaning: { en: 'Overtime hours worked.', zh: '加班工时。' } },
  {
    name: 'staff_fatigue_mean',
    unit: { en: 'fatigue 0..1', zh: '疲劳 0..1' },
    agg: 'mean',
    meaning: { en: 'Mean fatigue of unit staff.', zh: '街乡人员平均疲劳度。' },
  },
  {
    name: 'upkeep_mean',
    unit: { en: 'level 0..1', zh: '水平 0..1' },
    agg: 'mean',
    meaning: { en: 'Mean upkeep level kept by long-term work (0.5 is normal).', zh: '长期工作维持的平均维护水平（0.5为正常）。' },
  },
  {
    name: 'official_satisfaction',
    unit: R,
    agg: 'mean',
    meaning: {
      en: 'The official satisfaction rate: follow-up ratings of tickets closed that day, (satisfied + 0.9 × basically satisfied) / rated; fake and induced tickets and bought ratings included, excluded tickets left out.',
      zh: '官方满意率：当天办结工单的回访评价，（满意 + 0.9 × 基本满意）/ 有效回访；含虚假、诱导工单和买来的评价，剔除的工单不计。',
    },
  },
  {
    name: 'official_resolution',
    unit: R,
    agg: 'mean',
    meaning: {
      en: 'The official resolution rate: share of rated tickets closed that day recorded as solved (gaming included).',
      zh: '官方解决率：当天办结并回访的工单中记为已解决的比例（含造假）。',
    },
  },
  {
    name: 'true_satisfaction',
    unit: R,
    agg: 'mean',
    meaning: {
      en: 'Residents’ side: over needs classified that day (met or unmet, whatever channel, dropped and never-reported ones included), the mean chance the resident is satisfied.',
      zh: '居民视角：当天判定的诉求（满足或未满足，不论渠道，含放弃和未反映的）中居民真正满意的平均概率。',
    },
  },
  {
    name: 'resolution_rate',
    unit: R,
    agg: 'mean',
    meaning: {
      en: 'Residents’ side: share of needs classified that day that were met (solved within the tolerance).',
      zh: '居民视角：当天判定的诉求中在期限内真正解决的比例。',
    },
  },
  {
    name: 'needs_arisen',
    unit: N,
    agg: 'sum',
    meaning: {
      en: 'Needs that arose: defects, individual matters, discontent with a contested good, neighbour disputes (reported or not).',
      zh: '新产生的诉求：公共设施问题、个体事项、对争议物品的不满、邻里纠纷（无论是否反映）。',
    },
  },
  {
    name: 'needs_met',
    unit: N,
    agg: 'sum',
    meaning: { en: 'Needs solved within the tolerance (needToleranceDays), by any channel.', zh: '在期限内由任何渠道解决的诉求。' },
  },
  {
    name: 'needs_unmet',
    unit: N,
    agg: 'sum',
    meaning: {
      en: 'Needs that ended unsolved (dropped, refused, excluded, closed unsolved) or reached the tolerance unsolved.',
      zh: '未解决即结束（放弃、被拒、剔除、办结未解决）或超过期限仍未解决的诉求。',
    },
  },
  {
    name: 'needs_met_late',
    unit: N,
    agg: 'sum',
    meaning: { en: 'Needs solved after the tolerance (already counted unmet).', zh: '超过期限后才解决的诉求（已计为未满足）。' },
  },
  {
    name: 'needs_waiting',
    unit: S,
    agg: 'last',
    meaning: { en: 'Needs open at the end of the day, whatever channel holds them.', zh: '日末仍未解决的诉求（不论在哪个渠道）。' },
  },
  {
    name: 'tickets_overdue',
    unit: S,
    agg: 'last',
    meaning: {
      en: 'Open tickets past their deadline at the end of the day (units, departments and councils).',
      zh: '日末已超过办理时限的未办结工单（街乡、部门和议事团）。',
    },
  },
  {
    name: 'triage_owner_days',
    unit: { en: 'units and departments', zh: '个单位' },
    agg: 'sum',
    meaning: {
      en: 'Streets, towns and departments working in triage that day (a backlog beyond triageAfterDays).',
      zh: '当天处于分流状态（积压超过 triageAfterDays）的街乡和部门数。',
    },
  },
  {
    name: 'tickets_escalated',
    unit: T,
    agg: 'sum',
    meaning: {
      en: 'Handed-down tickets past the council deadline sent back to the street or town, and hall matters taken to 12345 after waiting too long.',
      zh: '超过议事团期限退回街乡的下交工单，以及在议事厅等待过久后改打12345的事项。',
    },
  },
  {
    name: 'tickets_answered_unsolved',
    unit: T,
    agg: 'sum',
    meaning: {
      en: 'Tickets a street, town or department answered as not solved after holding them overdueReplyDays past their deadline (a backlog it could not work off).',
      zh: '街乡或部门在超过时限 overdueReplyDays 天仍未处理后答复为未解决的工单（消化不了的积压）。',
    },
  },
  {
    name: 'wish_group_rounds',
    unit: N,
    agg: 'sum',
    meaning: {
      en: 'Rounds in which a group circling one out-of-scope wish raised it again (each member decides where to take it).',
      zh: '反复提同一超范围诉求的群体再次提出的轮数（每人自行决定渠道）。',
    },
  },
  {
    name: 'awareness_mean',
    unit: R,
    agg: 'mean',
    meaning: { en: 'Share of residents who think of 12345 for their matters.', zh: '遇事会想到12345的居民比例。' },
  },
  {
    name: 'tickets_closed_dispatched',
    unit: T,
    agg: 'sum',
    meaning: {
      en: 'Dispatched real tickets closed that day (the weights of mean_days_to_close).',
      zh: '当天办结的真实派单工单（平均办结天数的权重）。',
    },
  },
  {
    name: 'tickets_rated',
    unit: T,
    agg: 'sum',
    meaning: { en: 'Follow-up ratings recorded that day (the weights of the official rates).', zh: '当天的有效回访数（官方比率的权重）。' },
  },
  { name: 'gaming_paid', unit: N, agg: 'sum', meaning: { en: 'Satisfied ratings bought.', zh: '花钱买的满意评价。' } },
  {
    name: 'gaming_induced',
    unit: N,
    agg: 'sum',
    meaning: { en: 'Substitute requests residents were asked to file.', zh: '让居民改提的替代诉求。' },
  },
  { name: 'gaming_fake', unit: N, agg: 'sum', meaning: { en: 'Fake easy tickets filed by staff.', zh: '工作人员自己提交的虚假工单。' } },
  { name: 'appeals_filed', unit: N, agg: 'sum', meaning: { en: 'Exclusion appeals filed.', zh: '提交的剔除申诉。' } },
  { name: 'audits_caught', unit: N, agg: 'sum', meaning: { en: 'Units caught gaming by an audit.', zh: '抽查发现造假的单位数。' } },
  { name: 'defects_open', unit: S, agg: 'last', meaning: { en: 'Public defects not yet fixed.', zh: '尚未修复的公共设施问题。' } },
  {
    name: 'defects_fixed',
    unit: N,
    agg: 'sum',
    meaning: { en: 'Public defects fixed that day (by any channel).', zh: '当天修复的公共设施问题（任何渠道）。' },
  },
  { name: 'disputes_open', unit: S, agg: 'last', meaning: { en: 'Neighbour disputes still alive.', zh: '尚未化解的邻里纠纷。' } },
  {
    name: 'disputes_settled',
    unit: N,
    agg: 'sum',
    meaning: { en: 'Disputes settled that day (by councils or fading).', zh: '当天化解的纠纷（议事团调解或自行平息）。' },
  },
  {
    name: 'contested_flips',
    unit: N,
    agg: 'sum',
    meaning: {
      en: 'Contested goods switched toward a filer (bump added or removed, lights up or down).',
      zh: '争议物品按投诉人意愿被改变（减速带装/拆，路灯调亮/调暗）。',
    },
  },
  {
    name: 'wechat_contacts',
    unit: S,
    agg: 'last',
    meaning: { en: 'Residents connected to their social worker on WeChat.', zh: '加了社工微信的居民数。' },
  },
  {
    name: 'norm_knowledge_mean',
    unit: { en: 'level 0..1', zh: '水平 0..1' },
    agg: 'mean',
    meaning: { en: 'Mean knowledge of what 12345 is for.', zh: '居民对12345用途的平均了解程度。' },
  },
  {
    name: 'requests_per_10k',
    unit: { en: 'dispatched tickets per 10,000 residents per day', zh: '每万人每天派单数' },
    agg: 'sum',
    meaning: {
      en: 'Dispatched requests (not consultations, not refused) per 10,000 residents.',
      zh: '万人诉求比：每万人派单诉求数（不含咨询和拒绝）。',
    },
  },
  {
    name: 'leader_pressure_mean',
    unit: { en: 'pressure units', zh: '压力单位' },
    agg: 'mean',
    meaning: { en: 'Mean pressure on unit leaders.', zh: '街乡领导平均压力。' },
  },
  {
    name: 'responsiveness_mean',
    unit: { en: 'level 0..1', zh: '水平 0..1' },
    agg: 'mean',
    meaning: { en: 'Mean responsiveness of units (how thoroughly they work tickets).', zh: '街乡平均响应度（办理工单的认真程度）。' },
  },
  {
    name: 'gaming_intensity_mean',
    unit: R,
    agg: 'mean',
    meaning: { en: 'Mean gaming intensity leaders chose.', zh: '领导选择的平均造假强度。' },
  },
] as const satisfies readonly MetricSpec[];

export type MetricName = (typeof METRICS)[number]['name'];
export const METRIC_NAMES: readonly MetricName[] = METRICS.map((m) => m.name);
export type Daily = Record<MetricName, Float64Array>;

/** Metric index by name, for the day's accumulator. */
export const MI = Object.fromEntries(METRIC_NAMES.map((n, i) => [n, i])) as Record<MetricName, number>;

export function emptyDaily(days: number): Daily {
  const d = {} as Daily;
  for (const m of METRICS) d[m.name] = new Float64Array(days);
  return d;
}
