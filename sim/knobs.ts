/**
 * The knob schema: the single source of truth for every scenario parameter.
 * Validation, the command line, the docs and the UI all read this table.
 *
 * Each knob has a name, a group, a type, a default, an allowed range (or options),
 * a unit, a one-line meaning in English and Chinese, and, where a default rests on a
 * published figure, the FACTS.md row it comes from.
 */

export type KnobGroup = 'world' | 'needs' | 'channels' | 'intake' | 'work' | 'handdown' | 'assessment' | 'gaming' | 'appeals' | 'outreach';

export type KnobType = 'number' | 'integer' | 'boolean' | 'enum' | 'date';

export interface KnobSpec {
  readonly name: string;
  readonly group: KnobGroup;
  readonly type: KnobType;
  readonly default: number | boolean | string;
  /** Inclusive bounds for number and integer knobs. */
  readonly min?: number;
  readonly max?: number;
  /** Suggested UI step for number knobs. */
  readonly step?: number;
  /** Allowed values for enum knobs. */
  readonly options?: readonly string[];
  /** How each option reads in the UI. */
  readonly optionLabels?: Readonly<Record<string, { en: string; zh: string }>>;
  readonly unit: { en: string; zh: string };
  readonly meaning: { en: string; zh: string };
  /** Where the default comes from: a FACTS.md row, or 'assumption' with a reason. */
  readonly source?: string;
}

export const KNOB_GROUPS: readonly { id: KnobGroup; en: string; zh: string }[] = [
  { id: 'intake', en: 'Intake and routing', zh: '受理与派单' },
  { id: 'handdown', en: 'Hand-down and councils', zh: '下交群评与议事会' },
  { id: 'assessment', en: 'Assessment and ranking', zh: '考核与排名' },
  { id: 'gaming', en: 'Gaming', zh: '数据造假与应付' },
  { id: 'appeals', en: 'Appeals and audits', zh: '申诉剔除与抽查' },
  { id: 'outreach', en: 'Outreach and education', zh: '社工联系与宣传教育' },
  { id: 'work', en: 'Staff and deadlines', zh: '人员与时限' },
  { id: 'needs', en: 'Needs (what happens to residents)', zh: '居民诉求来源' },
  { id: 'channels', en: 'Channel choice', zh: '渠道选择' },
  { id: 'world', en: 'World', zh: '世界设置' },
];

const U = {
  none: { en: '', zh: '' },
  share: { en: 'share 0..1', zh: '比例 0..1' },
  persons: { en: 'persons', zh: '人' },
  count: { en: 'count', zh: '个' },
  days: { en: 'days', zh: '天' },
  date: { en: 'date YYYY-MM-DD', zh: '日期 YYYY-MM-DD' },
  hours: { en: 'hours', zh: '小时' },
  perResYear: { en: 'per resident per year', zh: '每人每年' },
  perDay: { en: 'per day', zh: '每天' },
  utility: { en: 'utility units', zh: '效用单位' },
  onoff: { en: 'on/off', zh: '开/关' },
  multiplier: { en: 'multiplier', zh: '倍数' },
  pressure: { en: 'pressure units', zh: '压力单位' },
};

export const KNOBS: readonly KnobSpec[] = [
  // ---------------- world ----------------
  {
    name: 'residents',
    group: 'world',
    type: 'integer',
    default: 460000,
    min: 20,
    max: 30000000,
    unit: U.persons,
    meaning: { en: 'Residents in the simulated city or district.', zh: '模拟地区的常住人口。' },
    source: 'BRIEF.md: Pinggu district, about 460,000 residents',
  },
  {
    name: 'units',
    group: 'world',
    type: 'integer',
    default: 18,
    min: 1,
    max: 2000,
    unit: U.count,
    meaning: { en: 'Streets and towns (the units that are scored and ranked).', zh: '街道和乡镇数量（被考核排名的单位）。' },
    source: 'BRIEF.md: Pinggu has 18 streets and towns',
  },
  {
    name: 'cells',
    group: 'world',
    type: 'integer',
    default: 275,
    min: 1,
    max: 30000,
    unit: U.count,
    meaning: { en: 'Communities and villages; each belongs to one unit.', zh: '社区和村的数量，每个属于一个街乡。' },
    source: 'BRIEF.md: Pinggu about 275 villages and communities',
  },
  {
    name: 'districts',
    group: 'world',
    type: 'integer',
    default: 1,
    min: 1,
    max: 100,
    unit: U.count,
    meaning: { en: 'Districts grouping the units (for the district-level assessment).', zh: '区的数量（用于区级考核）。' },
  },
  {
    name: 'villageShare',
    group: 'world',
    type: 'number',
    default: 0.85,
    min: 0,
    max: 1,
    step: 0.01,
    unit: U.share,
    meaning: { en: 'Share of cells that are villages (the rest are urban communities).', zh: '村占社区和村总数的比例。' },
    source: 'assumption: Pinggu is mostly rural',
  },
  {
    name: 'householdSize',
    group: 'world',
    type: 'number',
    default: 2.6,
    min: 1,
    max: 8,
    step: 0.1,
    unit: U.persons,
    meaning: { en: 'Mean residents per household.', zh: '平均每户人数。' },
    source: 'assumption: national census mean about 2.6',
  },
  {
    name: 'departments',
    group: 'world',
    type: 'integer',
    default: 6,
    min: 0,
    max: 200,
    unit: U.count,
    meaning: { en: 'Functional departments that own some ticket categories.', zh: '职能部门数量。' },
  },
  {
    name: 'startDate',
    group: 'world',
    type: 'date',
    default: '2021-01-01',
    unit: U.date,
    meaning: { en: 'First simulated day.', zh: '模拟开始日期。' },
  },
  {
    name: 'horizonDays',
    group: 'world',
    type: 'integer',
    default: 1461,
    min: 1,
    max: 7305,
    unit: U.days,
    meaning: { en: 'Length of the run (1461 days = 4 years).', zh: '模拟天数（1461 天即 4 年）。' },
  },

  // ---------------- needs ----------------
  {
    name: 'consultRate',
    group: 'needs',
    type: 'number',
    default: 0.68,
    min: 0,
    max: 10,
    step: 0.05,
    unit: U.perResYear,
    meaning: {
      en: 'Questions a resident wants answered (consultations the hotline answers on the call).',
      zh: '居民想咨询的问题数（热线当场答复的咨询）。',
    },
    source: 'FACTS.md Beijing: 58.5% of about 1.1 contacts per resident per year are consultations',
  },
  {
    name: 'defectRate',
    group: 'needs',
    type: 'number',
    default: 150,
    min: 0,
    max: 2000,
    step: 1,
    unit: { en: 'per 1,000 residents per year', zh: '每千人每年' },
    meaning: {
      en: 'Public defects (potholes, broken lights, rubbish) arising in a cell at normal upkeep, per 1,000 of its residents.',
      zh: '正常维护水平下，每千名居民所在社区每年出现的公共设施问题（坑洼、路灯坏、垃圾）。',
    },
    source: 'assumption, calibrated with the requests share',
  },
  {
    name: 'defectNoticeRate',
    group: 'needs',
    type: 'number',
    default: 0.6,
    min: 0,
    max: 10,
    step: 0.05,
    unit: U.perDay,
    meaning: {
      en: 'Residents who notice an open defect and consider reporting it, per day.',
      zh: '每天注意到一个未修复问题并考虑反映的居民数。',
    },
  },
  {
    name: 'individualRate',
    group: 'needs',
    type: 'number',
    default: 0.42,
    min: 0,
    max: 10,
    step: 0.01,
    unit: U.perResYear,
    meaning: {
      en: 'Highly individual matters (lost cat, stuck lock, broken toilet).',
      zh: '高度个体化的诉求（猫丢了、锁打不开、马桶坏了）。',
    },
    source:
      'FACTS.md Beijing: about 1.1 contacts per resident per year, 41.5% of them requests; individual matters are the largest kind of request (docs/CALIBRATION.md)',
  },
  {
    name: 'wishRate',
    group: 'needs',
    type: 'number',
    default: 0.019,
    min: 0,
    max: 5,
    step: 0.005,
    unit: U.perResYear,
    meaning: {
      en: "Out-of-scope wishes (re-run the exam, tile prices, a spouse's salary).",
      zh: '超出范围的诉求（重新高考、瓷砖价格、查丈夫工资）。',
    },
    source:
      'FACTS.md Linyi: 53,000 of 3,143,000 requests (1.7%) non-compliant; calibrated so flagged_share under baseline is about 1.7% (docs/CALIBRATION.md)',
  },
  {
    name: 'ventRate',
    group: 'needs',
    type: 'number',
    default: 0.01,
    min: 0,
    max: 5,
    step: 0.005,
    unit: U.perResYear,
    meaning: { en: 'Urges to vent emotion with no request behind them.', zh: '只为发泄情绪而没有具体诉求的来电冲动。' },
    source: 'BRIEF.md: a container of social emotion; with wishRate calibrated to the Linyi 1.7% (docs/CALIBRATION.md)',
  },
  {
    name: 'disputeRate',
    group: 'needs',
    type: 'number',
    default: 4,
    min: 0,
    max: 200,
    step: 0.5,
    unit: { en: 'per 1,000 households per year', zh: '每千户每年' },
    meaning: { en: 'New neighbour disputes (noise, parking, boundaries).', zh: '新发生的邻里纠纷（噪音、停车、宅基地边界）。' },
  },
  {
    name: 'boundaryDisputeShare',
    group: 'needs',
    type: 'number',
    default: 0.2,
    min: 0,
    max: 1,
    step: 0.05,
    unit: U.share,
    meaning: {
      en: 'Share of disputes that are multi-household boundary disputes needing evidence (the tape measure).',
      zh: '需要现场丈量等证据的多户宅基地边界纠纷占比。',
    },
    source: 'BRIEF.md: Xilijin homestead dispute',
  },
  {
    name: 'proxyRate',
    group: 'needs',
    type: 'number',
    default: 6,
    min: 0,
    max: 100,
    step: 0.5,
    unit: { en: 'per open dispute per year', zh: '每起未解纠纷每年' },
    meaning: {
      en: 'Proxy complaints a dispute at full intensity provokes (each under a new pretext).',
      zh: '满强度纠纷每年引发的借题投诉数（每次换个理由）。',
    },
    source: 'BRIEF.md: proxy complaints return under another pretext',
  },
  {
    name: 'disputeResolveRate',
    group: 'needs',
    type: 'number',
    default: 0.15,
    min: 0,
    max: 5,
    step: 0.05,
    unit: { en: 'per dispute per year', zh: '每起每年' },
    meaning: { en: 'Chance per year that a dispute fades on its own.', zh: '纠纷每年自行平息的概率。' },
  },
  {
    name: 'contestedCellShare',
    group: 'needs',
    type: 'number',
    default: 0.3,
    min: 0,
    max: 1,
    step: 0.05,
    unit: U.share,
    meaning: {
      en: 'Share of cells with a contested good (speed bump, light level) residents want opposite ways.',
      zh: '存在争议公共物品（减速带、路灯亮度）的社区比例。',
    },
    source: 'BRIEF.md: speed bump and lights',
  },
  {
    name: 'contestedRate',
    group: 'needs',
    type: 'number',
    default: 0.05,
    min: 0,
    max: 5,
    step: 0.01,
    unit: { en: 'per discontented resident per year', zh: '每个不满居民每年' },
    meaning: {
      en: "How often a resident who dislikes a contested good's state wants it changed.",
      zh: '不满争议物品状态的居民要求改变的频率。',
    },
  },
  {
    name: 'frequentCallerShare',
    group: 'needs',
    type: 'number',
    default: 0.01,
    min: 0,
    max: 0.5,
    step: 0.005,
    unit: U.share,
    meaning: { en: 'Share of residents who are frequent callers.', zh: '高频来电者占居民比例。' },
  },
  {
    name: 'frequentCallerWeight',
    group: 'needs',
    type: 'number',
    default: 20,
    min: 1,
    max: 200,
    step: 1,
    unit: U.multiplier,
    meaning: {
      en: 'How many times more often a frequent caller has a need to raise than an occasional one.',
      zh: '高频来电者提出诉求的频率是普通居民的倍数。',
    },
  },
  {
    name: 'maintenanceEffect',
    group: 'needs',
    type: 'number',
    default: 0.5,
    min: 0,
    max: 1,
    step: 0.05,
    unit: U.share,
    meaning: {
      en: 'How far neglected long-term work raises (and done work lowers) the defect rate: ±this share.',
      zh: '长期工作荒废使问题发生率上升（完成则下降）的幅度。',
    },
  },

  // ---------------- channels ----------------
  {
    name: 'hotlineCost',
    group: 'channels',
    type: 'number',
    default: 0,
    min: 0,
    max: 5,
    step: 0.1,
    unit: U.utility,
    meaning: { en: 'Cost to a resident of calling 12345 (0: free and no threshold).', zh: '拨打12345的成本（0即免费、零门槛）。' },
    source: 'BRIEF.md: complaining costs nothing',
  },
  {
    name: 'wechatCost',
    group: 'channels',
    type: 'number',
    default: 0.3,
    min: 0,
    max: 5,
    step: 0.1,
    unit: U.utility,
    meaning: { en: 'Cost of messaging the social worker on WeChat.', zh: '通过微信联系社工的成本。' },
  },
  {
    name: 'hallCost',
    group: 'channels',
    type: 'number',
    default: 0.8,
    min: 0,
    max: 5,
    step: 0.1,
    unit: U.utility,
    meaning: { en: 'Cost of taking a matter to the village deliberation hall in person.', zh: '到村民议事厅当面反映的成本。' },
  },
  {
    name: 'memoryWeight',
    group: 'channels',
    type: 'number',
    default: 2,
    min: 0,
    max: 10,
    step: 0.1,
    unit: U.utility,
    meaning: { en: 'Weight of remembered success on a channel in choosing it.', zh: '过去在某渠道成功的记忆对选择该渠道的权重。' },
  },
  {
    name: 'trustWeight',
    group: 'channels',
    type: 'number',
    default: 2,
    min: 0,
    max: 10,
    step: 0.1,
    unit: U.utility,
    meaning: { en: 'Weight of trust in the social worker.', zh: '对社工信任的权重。' },
    source: 'BRIEF.md: "I only trust you"',
  },
  {
    name: 'normEffect',
    group: 'channels',
    type: 'number',
    default: 8,
    min: 0,
    max: 20,
    step: 0.5,
    unit: U.utility,
    meaning: {
      en: 'How strongly knowing what the hotline is for deters out-of-scope and venting calls.',
      zh: '了解热线用途对不合理、发泄类来电的抑制强度。',
    },
    source:
      'FACTS.md Wulimiao 50, 24, 5, about 0 and Linyi 1.7%: strong enough that a village that has learned files almost no unreasonable requests (docs/CALIBRATION.md)',
  },
  {
    name: 'initialNormKnowledge',
    group: 'channels',
    type: 'number',
    default: 0.3,
    min: 0,
    max: 1,
    step: 0.05,
    unit: U.share,
    meaning: { en: 'Mean knowledge, at the start, of what 12345 is for.', zh: '初始时居民对12345用途的平均了解程度。' },
  },

  // ---------------- intake ----------------
  {
    name: 'intakePolicy',
    group: 'intake',
    type: 'enum',
    default: 'accept-all',
    options: ['accept-all', 'refuse-out-of-scope'],
    unit: U.none,
    optionLabels: {
      'accept-all': { en: 'accept all', zh: '全部受理' },
      'refuse-out-of-scope': { en: 'refuse out-of-scope requests', zh: '拒绝超范围诉求' },
    },
    meaning: {
      en: 'Accept every call as a ticket, or refuse out-of-scope requests with the standard reply.',
      zh: '全部受理，或以标准答复拒绝超范围诉求。',
    },
    source: 'BRIEF.md: Baotou reply',
  },
  {
    name: 'refuseStart',
    group: 'intake',
    type: 'date',
    default: '2021-01-01',
    unit: U.date,
    meaning: { en: 'Date refusals begin (when the intake policy refuses).', zh: '开始拒绝不合理诉求的日期。' },
  },
  {
    name: 'classificationAccuracy',
    group: 'intake',
    type: 'number',
    default: 0.8,
    min: 0,
    max: 1,
    step: 0.05,
    unit: U.share,
    meaning: { en: 'Chance the hotline recognises an out-of-scope request as such.', zh: '热线正确识别超范围诉求的概率。' },
  },
  {
    name: 'misclassificationRate',
    group: 'intake',
    type: 'number',
    default: 0.005,
    min: 0,
    max: 0.5,
    step: 0.005,
    unit: U.share,
    meaning: { en: 'Chance a legitimate request is wrongly judged out of scope.', zh: '合理诉求被误判为不合理的概率。' },
  },
  {
    name: 'publishUnreasonable',
    group: 'intake',
    type: 'boolean',
    default: false,
    unit: U.onoff,
    meaning: { en: 'Publish batches of unreasonable requests to teach the public.', zh: '定期公开不合理诉求以教育公众。' },
    source: 'BRIEF.md: Baotou, Xining, Linyi',
  },
  {
    name: 'publishStart',
    group: 'intake',
    type: 'date',
    default: '2021-01-01',
    unit: U.date,
    meaning: { en: 'Date the first batch is published.', zh: '首次公开的日期。' },
  },
  {
    name: 'publishIntervalDays',
    group: 'intake',
    type: 'integer',
    default: 90,
    min: 7,
    max: 730,
    unit: U.days,
    meaning: { en: 'Days between published batches.', zh: '两次公开之间的天数。' },
  },
  {
    name: 'publishReach',
    group: 'intake',
    type: 'number',
    default: 0.03,
    min: 0,
    max: 0.5,
    step: 0.01,
    unit: U.share,
    meaning: { en: 'Share of the remaining ignorance removed by one published batch.', zh: '每次公开消除的“不了解”比例。' },
  },
  {
    name: 'deptShare',
    group: 'intake',
    type: 'number',
    default: 0.25,
    min: 0,
    max: 1,
    step: 0.05,
    unit: U.share,
    meaning: {
      en: 'Share of dispatchable tickets sent to functional departments rather than streets.',
      zh: '派给职能部门而非街乡的工单比例。',
    },
    source: 'FACTS.md: Beijing 2025 moved items of the catalogue to departments',
  },
  {
    name: 'routingErrorRate',
    group: 'intake',
    type: 'number',
    default: 0.04,
    min: 0,
    max: 0.5,
    step: 0.01,
    unit: U.share,
    meaning: {
      en: 'Chance a ticket is sent to the wrong unit and returned (lowers acceptance).',
      zh: '工单派错被退回的概率（影响接单率）。',
    },
  },

  // ---------------- work ----------------
  {
    name: 'staffPer10k',
    group: 'work',
    type: 'number',
    default: 7,
    min: 0.1,
    max: 100,
    step: 0.1,
    unit: { en: 'staff per 10,000 residents', zh: '每万人人员数' },
    meaning: {
      en: 'Street and town staff (full-time equivalent) working on tickets and long-term work, per 10,000 residents they serve.',
      zh: '街乡处理工单和长期工作的人员（全职当量），按每万名服务居民计。',
    },
    source:
      'assumption, calibrated: at the Beijing request rate (FACTS.md, 1.1 contacts, 41.5% requests) a unit of the default world meets its deadlines with little routine overtime (docs/CALIBRATION.md)',
  },
  {
    name: 'deptStaffPer10k',
    group: 'work',
    type: 'number',
    default: 1.5,
    min: 0.05,
    max: 100,
    step: 0.05,
    unit: { en: 'staff per 10,000 residents', zh: '每万人人员数' },
    meaning: {
      en: 'Functional-department staff handling tickets, per 10,000 residents of the city (shared among departments).',
      zh: '职能部门处理工单的人员，按全市每万居民计（各部门平分）。',
    },
  },
  {
    name: 'hoursPerDay',
    group: 'work',
    type: 'number',
    default: 6,
    min: 1,
    max: 12,
    step: 0.5,
    unit: U.hours,
    meaning: { en: 'Regular hours per staff per calendar day (weekends averaged in).', zh: '每人每日常规工时（已平均周末）。' },
  },
  {
    name: 'maxOvertimeHours',
    group: 'work',
    type: 'number',
    default: 3,
    min: 0,
    max: 8,
    step: 0.5,
    unit: U.hours,
    meaning: { en: 'Overtime per staff per day allowed when tickets are due.', zh: '有工单到期时每人每日可加班时长。' },
  },
  {
    name: 'fatigueRate',
    group: 'work',
    type: 'number',
    default: 0.01,
    min: 0,
    max: 0.5,
    step: 0.005,
    unit: { en: 'per overtime hour per staff', zh: '每人每加班小时' },
    meaning: { en: 'Fatigue gained per overtime hour; fatigue slows all work.', zh: '每小时加班累积的疲劳；疲劳降低工作效率。' },
    source: 'BRIEF.md: exhausted staff',
  },
  {
    name: 'fatigueRecovery',
    group: 'work',
    type: 'number',
    default: 0.05,
    min: 0,
    max: 1,
    step: 0.01,
    unit: { en: 'share per day', zh: '每天比例' },
    meaning: { en: 'Share of fatigue that wears off each day.', zh: '疲劳每天消退的比例。' },
  },
  {
    name: 'effortScale',
    group: 'work',
    type: 'number',
    default: 1,
    min: 0.1,
    max: 10,
    step: 0.1,
    unit: U.multiplier,
    meaning: { en: 'Multiplier on the hours every ticket takes.', zh: '每张工单所需工时的倍数。' },
  },
  {
    name: 'deadlineGeneralDays',
    group: 'work',
    type: 'integer',
    default: 7,
    min: 1,
    max: 60,
    unit: U.days,
    meaning: { en: 'Days allowed to close a general ticket.', zh: '一般工单办结时限。' },
    source: 'FACTS.md: Beijing 2021 draft standard, general 7 days',
  },
  {
    name: 'deadlineComplexDays',
    group: 'work',
    type: 'integer',
    default: 15,
    min: 1,
    max: 120,
    unit: U.days,
    meaning: { en: 'Days allowed to close a complex ticket (disputes, contested goods).', zh: '复杂工单办结时限。' },
    source: 'FACTS.md: Beijing 2021 draft standard, complex 15 days',
  },
  {
    name: 'initialResponsiveness',
    group: 'work',
    type: 'number',
    default: 0.75,
    min: 0,
    max: 1,
    step: 0.05,
    unit: U.share,
    meaning: {
      en: 'How thoroughly units work tickets at the start (0: pass the buck, 1: solve what can be solved); more responsive work solves more and takes longer.',
      zh: '初始时街乡办理工单的认真程度（0为推诿，1为能解决的都解决）；越认真解决越多、用时越长。',
    },
    source: 'FACTS.md: Beijing resolution 53% (2019) to 97% (2024) as assessment forced responsiveness',
  },
  {
    name: 'responsivenessGain',
    group: 'work',
    type: 'number',
    default: 0.3,
    min: 0,
    max: 1,
    step: 0.05,
    unit: { en: 'share per period', zh: '每期比例' },
    meaning: {
      en: "How fast assessment pressure on an honest leader raises the unit's responsiveness (share of the gap closed per period at full pressure).",
      zh: '考核压力使操守好的领导提升单位响应度的速度（满压力时每期缩小差距的比例）。',
    },
    source: 'BRIEF.md: strong assessment forced responsiveness',
  },
  {
    name: 'longTermNeed',
    group: 'work',
    type: 'number',
    default: 0.6,
    min: 0,
    max: 20,
    step: 0.1,
    unit: { en: 'hours per 1,000 residents per day', zh: '每千人每天小时' },
    meaning: {
      en: 'Long-term (preventive) work a unit needs to keep upkeep at its normal level.',
      zh: '维持正常维护水平所需的长期（预防性）工作量。',
    },
  },

  // ---------------- hand-down ----------------
  {
    name: 'handDown',
    group: 'handdown',
    type: 'boolean',
    default: false,
    unit: U.onoff,
    meaning: {
      en: "Hand requests that are not the district's or town's to coordinate down to village councils (下交群评).",
      zh: '将不属于区、镇协调解决的诉求下交给村组织（下交群评）。',
    },
    source: 'BRIEF.md: Pinggu',
  },
  {
    name: 'handDownStart',
    group: 'handdown',
    type: 'date',
    default: '2021-07-01',
    unit: U.date,
    meaning: { en: 'Date hand-down begins.', zh: '下交群评开始日期。' },
    source: 'FACTS.md: Pinggu, July 2021',
  },
  {
    name: 'councilCoverage',
    group: 'handdown',
    type: 'number',
    default: 1,
    min: 0,
    max: 1,
    step: 0.05,
    unit: U.share,
    meaning: { en: 'Share of villages that form a deliberation council.', zh: '成立议事团的村的比例。' },
  },
  {
    name: 'councilSize',
    group: 'handdown',
    type: 'integer',
    default: 5,
    min: 1,
    max: 50,
    unit: U.persons,
    meaning: { en: 'Members per council (retired cadres, veteran party members).', zh: '每个议事团人数（老村干部、老党员）。' },
    source: 'BRIEF.md: four veteran party members visit',
  },
  {
    name: 'councilSkill',
    group: 'handdown',
    type: 'number',
    default: 0.35,
    min: 0,
    max: 1,
    step: 0.05,
    unit: U.share,
    meaning: {
      en: 'Chance a first visit succeeds; later rounds, ties and evidence add to it.',
      zh: '首次上门调解成功的概率；后续轮次、熟人和证据会提高它。',
    },
    source: 'BRIEF.md: Xilijin, first visit failed, third succeeded',
  },
  {
    name: 'councilVisitsPerWeek',
    group: 'handdown',
    type: 'number',
    default: 3,
    min: 0,
    max: 14,
    step: 0.5,
    unit: { en: 'visits per member per week', zh: '每人每周上门次数' },
    meaning: { en: 'Visits a council member makes per week.', zh: '每位议事成员每周上门次数。' },
  },
  {
    name: 'hall',
    group: 'handdown',
    type: 'boolean',
    default: true,
    unit: U.onoff,
    meaning: {
      en: 'Councils open a deliberation hall residents can bring matters to directly.',
      zh: '议事团开设村民议事厅，村民可直接来反映。',
    },
    source: 'BRIEF.md: Wulimiao hall',
  },
  {
    name: 'hallStart',
    group: 'handdown',
    type: 'date',
    default: '2021-07-01',
    unit: U.date,
    meaning: { en: 'Date halls open (not before hand-down begins).', zh: '议事厅开放日期（不早于下交群评）。' },
  },
  {
    name: 'observerLearning',
    group: 'handdown',
    type: 'number',
    default: 0.0002,
    min: 0,
    max: 0.5,
    step: 0.0001,
    unit: U.share,
    meaning: {
      en: "Share of a village's remaining ignorance removed by each deliberation watched.",
      zh: '每次旁听议事使村民“不了解”减少的比例。',
    },
    source: 'FACTS.md Wulimiao: 50, 24, 5, about 0 a year after the hall opens; calibrated in docs/CALIBRATION.md',
  },
  {
    name: 'consensusYears',
    group: 'handdown',
    type: 'number',
    default: 3,
    min: 0,
    max: 20,
    step: 0.5,
    unit: { en: 'years', zh: '年' },
    meaning: { en: 'How long a council consensus on a contested good holds.', zh: '议事会对争议物品的共识维持多久。' },
  },

  // ---------------- assessment ----------------
  {
    name: 'cadence',
    group: 'assessment',
    type: 'enum',
    default: 'monthly',
    options: ['monthly', 'bimonthly', 'quarterly'],
    unit: U.none,
    optionLabels: {
      monthly: { en: 'monthly', zh: '每月' },
      bimonthly: { en: 'every two months', zh: '每两个月' },
      quarterly: { en: 'quarterly', zh: '每季度' },
    },
    meaning: { en: 'How often units are scored and ranked.', zh: '考核排名的频率。' },
    source: 'FACTS.md: Beijing ranks monthly',
  },
  {
    name: 'rankingMode',
    group: 'assessment',
    type: 'enum',
    default: 'rank',
    options: ['rank', 'grades'],
    unit: U.none,
    optionLabels: { rank: { en: 'rank by score', zh: '按分数排名' }, grades: { en: 'grade bands', zh: '分档' } },
    meaning: {
      en: 'Publish a rank by score, or place units in grade bands (excellent/good/pass/poor).',
      zh: '按分数排名，或分档（优秀/良好/合格/较差）。',
    },
  },
  {
    name: 'periodStartDay',
    group: 'assessment',
    type: 'integer',
    default: 1,
    min: 1,
    max: 28,
    unit: { en: 'day of month', zh: '每月第几天' },
    meaning: { en: 'Day of the month an assessment period starts.', zh: '考核周期起始日。' },
    source: 'FACTS.md: one district runs the month from the 19th to the 18th',
  },
  {
    name: 'weightAcceptance',
    group: 'assessment',
    type: 'number',
    default: 0.1,
    min: 0,
    max: 1,
    step: 0.05,
    unit: { en: 'weight', zh: '权重' },
    meaning: { en: 'Weight of the acceptance rate in the score.', zh: '接单率在得分中的权重。' },
    source: 'FACTS.md: Huairou 0.10',
  },
  {
    name: 'weightCompletion',
    group: 'assessment',
    type: 'number',
    default: 0.5,
    min: 0,
    max: 1,
    step: 0.05,
    unit: { en: 'weight', zh: '权重' },
    meaning: { en: 'Weight of the completion (closed in time) rate.', zh: '办结率在得分中的权重。' },
    source: 'FACTS.md: Huairou 0.50',
  },
  {
    name: 'weightSatisfaction',
    group: 'assessment',
    type: 'number',
    default: 0.4,
    min: 0,
    max: 1,
    step: 0.05,
    unit: { en: 'weight', zh: '权重' },
    meaning: { en: 'Weight of the satisfaction rate.', zh: '满意率在得分中的权重。' },
    source: 'FACTS.md: Huairou 0.40',
  },
  {
    name: 'weightRequests',
    group: 'assessment',
    type: 'number',
    default: 0,
    min: 0,
    max: 1,
    step: 0.05,
    unit: { en: 'weight', zh: '权重' },
    meaning: {
      en: 'Weight of a low requests-per-10,000 figure (relative to the median unit).',
      zh: '万人诉求比（相对中位单位越低越好）的权重。',
    },
    source: 'BRIEF.md: 万人诉求比',
  },
  {
    name: 'penaltyBottomShare',
    group: 'assessment',
    type: 'number',
    default: 0.1,
    min: 0,
    max: 1,
    step: 0.05,
    unit: U.share,
    meaning: {
      en: 'Share of units at the bottom that are penalised (or the "poor" band in grade mode).',
      zh: '排名末位被问责的单位比例（分档模式为“较差”档）。',
    },
  },
  {
    name: 'penaltySeverity',
    group: 'assessment',
    type: 'number',
    default: 1,
    min: 0,
    max: 5,
    step: 0.1,
    unit: U.pressure,
    meaning: {
      en: 'Pressure a penalty (summons, listed supervision, promotion freeze) adds to a leader.',
      zh: '约谈、挂牌督办、影响晋升给领导带来的压力。',
    },
    source: 'BRIEF.md: rank low and promotion stops',
  },
  {
    name: 'rankVisibility',
    group: 'assessment',
    type: 'number',
    default: 0.4,
    min: 0,
    max: 2,
    step: 0.05,
    unit: U.pressure,
    meaning: {
      en: 'Pressure from a published low rank even without a penalty (none in grade mode above "poor").',
      zh: '公开排名靠后本身带来的压力（分档模式下仅“较差”档）。',
    },
  },
  {
    name: 'districtLayer',
    group: 'assessment',
    type: 'boolean',
    default: true,
    unit: U.onoff,
    meaning: { en: 'Districts are also assessed by the city, adding a second layer of pressure.', zh: '区也被市里考核，形成第二层压力。' },
  },
  {
    name: 'pressureDecay',
    group: 'assessment',
    type: 'number',
    default: 0.5,
    min: 0,
    max: 1,
    step: 0.05,
    unit: { en: 'share kept per month', zh: '每月保留比例' },
    meaning: { en: "Share of a leader's pressure that remains after a month.", zh: '领导压力一个月后保留的比例。' },
  },

  // ---------------- gaming ----------------
  {
    name: 'integrityMean',
    group: 'gaming',
    type: 'number',
    default: 0.6,
    min: 0,
    max: 1,
    step: 0.05,
    unit: U.share,
    meaning: { en: 'Mean integrity of unit leaders (1: never games).', zh: '街乡领导的平均操守（1为从不造假）。' },
  },
  {
    name: 'integritySpread',
    group: 'gaming',
    type: 'number',
    default: 0.2,
    min: 0,
    max: 0.5,
    step: 0.05,
    unit: U.share,
    meaning: { en: 'Spread of integrity across leaders.', zh: '领导操守的离散程度。' },
  },
  {
    name: 'gamingPropensity',
    group: 'gaming',
    type: 'number',
    default: 0.5,
    min: 0,
    max: 5,
    step: 0.05,
    unit: U.multiplier,
    meaning: { en: 'Gaming intensity per unit of pressure × (1 − integrity).', zh: '每单位“压力×(1−操守)”对应的造假强度。' },
  },
  {
    name: 'gamingPaid',
    group: 'gaming',
    type: 'boolean',
    default: true,
    unit: U.onoff,
    meaning: { en: 'Leaders may pay residents for a satisfied rating.', zh: '领导可能花钱买满意评价。' },
    source: 'BRIEF.md',
  },
  {
    name: 'gamingInduced',
    group: 'gaming',
    type: 'boolean',
    default: true,
    unit: U.onoff,
    meaning: { en: 'Staff may ask a resident to file an easier substitute request.', zh: '工作人员可能让居民换一个容易的诉求重新提。' },
    source: 'BRIEF.md',
  },
  {
    name: 'gamingFake',
    group: 'gaming',
    type: 'boolean',
    default: true,
    unit: U.onoff,
    meaning: {
      en: 'Staff may file easy tickets themselves and close them as satisfied.',
      zh: '工作人员可能自己提交容易的工单并以满意办结。',
    },
    source: 'BRIEF.md',
  },

  // ---------------- appeals & audits ----------------
  {
    name: 'appealExclusion',
    group: 'appeals',
    type: 'boolean',
    default: false,
    unit: U.onoff,
    meaning: {
      en: 'Units may appeal to exclude a ticket from their score (申诉-剔除).',
      zh: '单位可申诉将工单从考核中剔除（申诉-剔除）。',
    },
    source: 'BRIEF.md',
  },
  {
    name: 'appealStart',
    group: 'appeals',
    type: 'date',
    default: '2021-01-01',
    unit: U.date,
    meaning: { en: 'Date appeals become possible.', zh: '可以申诉的开始日期。' },
  },
  {
    name: 'appealApprovalRate',
    group: 'appeals',
    type: 'number',
    default: 0.6,
    min: 0,
    max: 1,
    step: 0.05,
    unit: U.share,
    meaning: { en: 'Chance the city reviewer approves an appeal.', zh: '市级审核通过申诉的概率。' },
  },
  {
    name: 'appealHours',
    group: 'appeals',
    type: 'number',
    default: 1.5,
    min: 0.1,
    max: 40,
    step: 0.5,
    unit: U.hours,
    meaning: { en: 'Hours to write one exclusion appeal.', zh: '撰写一份剔除申诉材料的工时。' },
  },
  {
    name: 'auditRate',
    group: 'appeals',
    type: 'number',
    default: 0.05,
    min: 0,
    max: 1,
    step: 0.05,
    unit: { en: 'share of units per period', zh: '每期抽查单位比例' },
    meaning: { en: 'Chance a unit is audited in a period.', zh: '每个考核期单位被抽查的概率。' },
  },
  {
    name: 'auditDetection',
    group: 'appeals',
    type: 'number',
    default: 0.5,
    min: 0,
    max: 1,
    step: 0.05,
    unit: U.share,
    meaning: { en: 'Chance an audit catches a unit that gamed.', zh: '抽查发现造假的概率。' },
  },

  // ---------------- outreach & education ----------------
  {
    name: 'outreachHoursPerWeek',
    group: 'outreach',
    type: 'number',
    default: 0,
    min: 0,
    max: 40,
    step: 1,
    unit: { en: 'hours per social worker per week', zh: '每名社工每周小时' },
    meaning: { en: 'Hours each social worker spends adding residents on WeChat.', zh: '每名社工每周用于添加居民微信的时间。' },
    source: 'BRIEF.md: social worker outreach',
  },
  {
    name: 'outreachStart',
    group: 'outreach',
    type: 'date',
    default: '2021-01-01',
    unit: U.date,
    meaning: { en: 'Date outreach begins.', zh: '社工外联开始日期。' },
  },
  {
    name: 'initialWechatContacts',
    group: 'outreach',
    type: 'integer',
    default: 200,
    min: 0,
    max: 100000,
    unit: { en: 'contacts per social worker', zh: '每名社工联系人' },
    meaning: {
      en: "WeChat contacts each social worker has at the start (capped by the cell's population).",
      zh: '每名社工初始微信联系人数（不超过社区人口）。',
    },
    source: 'FACTS.md: about 200 contacts before',
  },
  {
    name: 'wechatCapacity',
    group: 'outreach',
    type: 'number',
    default: 6,
    min: 0,
    max: 100,
    step: 0.5,
    unit: { en: 'messages per social worker per day', zh: '每名社工每天消息数' },
    meaning: { en: 'Messages a social worker can resolve per day; more wait.', zh: '社工每天能处理的消息数。' },
  },
  {
    name: 'educationCampaign',
    group: 'outreach',
    type: 'boolean',
    default: false,
    unit: U.onoff,
    meaning: {
      en: 'A public campaign about what 12345 is for (like the one for 110).',
      zh: '开展“12345是做什么的”公众宣传（如110的宣传）。',
    },
    source: 'BRIEF.md: 110',
  },
  {
    name: 'educationStart',
    group: 'outreach',
    type: 'date',
    default: '2022-01-01',
    unit: U.date,
    meaning: { en: 'Date the campaign starts.', zh: '宣传开始日期。' },
  },
  {
    name: 'educationDays',
    group: 'outreach',
    type: 'integer',
    default: 365,
    min: 1,
    max: 3650,
    unit: U.days,
    meaning: { en: 'Length of the campaign.', zh: '宣传持续天数。' },
  },
  {
    name: 'educationStrength',
    group: 'outreach',
    type: 'number',
    default: 0.4,
    min: 0,
    max: 1,
    step: 0.05,
    unit: U.share,
    meaning: { en: "Share of the public's ignorance the whole campaign removes.", zh: '整个宣传消除的公众“不了解”比例。' },
  },
];

export type KnobValue = number | boolean | string;

/** A fully resolved scenario: every knob has a value. */
export interface Knobs {
  residents: number;
  units: number;
  cells: number;
  districts: number;
  villageShare: number;
  householdSize: number;
  departments: number;
  startDate: string;
  horizonDays: number;
  consultRate: number;
  defectRate: number;
  defectNoticeRate: number;
  individualRate: number;
  wishRate: number;
  ventRate: number;
  disputeRate: number;
  boundaryDisputeShare: number;
  proxyRate: number;
  disputeResolveRate: number;
  contestedCellShare: number;
  contestedRate: number;
  frequentCallerShare: number;
  frequentCallerWeight: number;
  maintenanceEffect: number;
  hotlineCost: number;
  wechatCost: number;
  hallCost: number;
  memoryWeight: number;
  trustWeight: number;
  normEffect: number;
  initialNormKnowledge: number;
  intakePolicy: 'accept-all' | 'refuse-out-of-scope';
  refuseStart: string;
  classificationAccuracy: number;
  misclassificationRate: number;
  publishUnreasonable: boolean;
  publishStart: string;
  publishIntervalDays: number;
  publishReach: number;
  deptShare: number;
  routingErrorRate: number;
  staffPer10k: number;
  deptStaffPer10k: number;
  hoursPerDay: number;
  maxOvertimeHours: number;
  fatigueRate: number;
  fatigueRecovery: number;
  effortScale: number;
  deadlineGeneralDays: number;
  deadlineComplexDays: number;
  longTermNeed: number;
  initialResponsiveness: number;
  responsivenessGain: number;
  handDown: boolean;
  handDownStart: string;
  councilCoverage: number;
  councilSize: number;
  councilSkill: number;
  councilVisitsPerWeek: number;
  hall: boolean;
  hallStart: string;
  observerLearning: number;
  consensusYears: number;
  cadence: 'monthly' | 'bimonthly' | 'quarterly';
  rankingMode: 'rank' | 'grades';
  periodStartDay: number;
  weightAcceptance: number;
  weightCompletion: number;
  weightSatisfaction: number;
  weightRequests: number;
  penaltyBottomShare: number;
  penaltySeverity: number;
  rankVisibility: number;
  districtLayer: boolean;
  pressureDecay: number;
  integrityMean: number;
  integritySpread: number;
  gamingPropensity: number;
  gamingPaid: boolean;
  gamingInduced: boolean;
  gamingFake: boolean;
  appealExclusion: boolean;
  appealStart: string;
  appealApprovalRate: number;
  appealHours: number;
  auditRate: number;
  auditDetection: number;
  outreachHoursPerWeek: number;
  outreachStart: string;
  initialWechatContacts: number;
  wechatCapacity: number;
  educationCampaign: boolean;
  educationStart: string;
  educationDays: number;
  educationStrength: number;
}

export type KnobName = keyof Knobs;

const BY_NAME = new Map(KNOBS.map((k) => [k.name, k]));

export function knobSpec(name: string): KnobSpec | undefined {
  return BY_NAME.get(name);
}

/** Every knob at its default. */
export function defaultKnobs(): Knobs {
  const out: Record<string, KnobValue> = {};
  for (const k of KNOBS) out[k.name] = k.default;
  return out as unknown as Knobs;
}
