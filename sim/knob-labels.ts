/**
 * Short names of the knobs, as a person would write them on a control or in a table, in English
 * and Chinese. Written for the schema (not cut from the meanings): the knob panel, the experiments
 * tab, exports and the docs read them. Every knob of the schema must have one (the type below makes
 * a missing or extra name a compile error); test/unit/knob-labels.test.ts checks that none ends in an
 * ellipsis or reads as one of the knob's options.
 */
import type { KnobName } from './knobs.ts';

export interface KnobLabel {
  readonly en: string;
  readonly zh: string;
}

export const KNOB_LABELS: Readonly<Record<KnobName, KnobLabel>> = {
  // world
  residents: { en: 'Residents', zh: '常住人口' },
  units: { en: 'Streets and towns', zh: '街道乡镇数' },
  cells: { en: 'Communities and villages', zh: '社区和村数' },
  districts: { en: 'Districts', zh: '区数' },
  villageShare: { en: 'Share of villages', zh: '村的占比' },
  unitMixSpread: { en: 'Urban–rural spread between units', zh: '街乡城乡差异' },
  householdSize: { en: 'Household size', zh: '户均人数' },
  departments: { en: 'Functional departments', zh: '职能部门数' },
  startDate: { en: 'Start date', zh: '开始日期' },
  horizonDays: { en: 'Days simulated', zh: '模拟天数' },
  // needs
  consultRate: { en: 'Questions per resident-year', zh: '人均年咨询数' },
  defectRate: { en: 'Defects per 1,000 residents-year', zh: '每千人年设施问题数' },
  defectNoticeRate: { en: 'Residents noticing a defect per day', zh: '每天发现问题的居民数' },
  individualRate: { en: 'Individual matters per resident-year', zh: '人均年个体诉求数' },
  wishRate: { en: 'Out-of-scope wishes per resident-year', zh: '人均年超范围诉求数' },
  ventRate: { en: 'Urges to vent per resident-year', zh: '人均年情绪发泄数' },
  disputeRate: { en: 'New disputes per 1,000 households-year', zh: '每千户年新发纠纷数' },
  boundaryDisputeShare: { en: 'Boundary disputes (share)', zh: '宅基地边界纠纷占比' },
  proxyRate: { en: 'Proxy complaints per dispute-year', zh: '每起纠纷年借题投诉数' },
  disputeResolveRate: { en: 'Disputes fading per year', zh: '纠纷年自行平息率' },
  contestedCellShare: { en: 'Cells with a contested good', zh: '有争议公共物品的社区占比' },
  contestedRate: { en: 'Requests to change a contested good', zh: '要求改变争议物品的频率' },
  frequentCallerShare: { en: 'Frequent callers (share)', zh: '高频来电者占比' },
  frequentCallerWeight: { en: 'Frequent caller’s needs (times)', zh: '高频来电者诉求倍数' },
  maintenanceEffect: { en: 'Effect of upkeep on defects', zh: '维护对问题发生率的影响' },
  needToleranceDays: { en: 'Days a need may wait and count as met', zh: '诉求满足的期限' },
  selfHelpShare: { en: 'Individual matters solved privately', zh: '个体事项自行解决比例' },
  defectReportCap: { en: 'Reports of one defect (most)', zh: '同一问题最多反映人数' },
  // channels
  hotlineCost: { en: 'Cost of calling 12345', zh: '拨打12345的成本' },
  wechatCost: { en: 'Cost of messaging the social worker', zh: '微信联系社工的成本' },
  hallCost: { en: 'Cost of going to the hall', zh: '去议事厅的成本' },
  memoryWeight: { en: 'Weight of past success', zh: '过往成功经验的权重' },
  trustWeight: { en: 'Weight of trust in the social worker', zh: '对社工信任的权重' },
  normEffect: { en: 'Deterrence by knowing the rules', zh: '了解规则的抑制作用' },
  initialNormKnowledge: { en: 'Knowledge of what 12345 is for, at start', zh: '初始对12345用途的了解' },
  // intake
  intakePolicy: { en: 'Intake policy', zh: '受理政策' },
  refuseStart: { en: 'Refusals start', zh: '开始拒绝的日期' },
  classificationAccuracy: { en: 'Unreasonable requests recognised', zh: '不合理诉求识别率' },
  misclassificationRate: { en: 'Reasonable requests misjudged', zh: '合理诉求误判率' },
  publishUnreasonable: { en: 'Publish unreasonable requests', zh: '公开不合理诉求' },
  publishStart: { en: 'Publication starts', zh: '开始公开的日期' },
  publishIntervalDays: { en: 'Days between publications', zh: '公开间隔天数' },
  publishReach: { en: 'Reach of one publication', zh: '每次公开的影响面' },
  deptShare: { en: 'Share sent to departments', zh: '派给职能部门的比例' },
  routingErrorRate: { en: 'Misrouted tickets (share)', zh: '派错单比例' },
  // work
  staffPer10k: { en: 'Street staff per 10,000 residents', zh: '街乡每万人工作人员' },
  deptStaffPer10k: { en: 'Department staff per 10,000 residents', zh: '部门每万人工作人员' },
  hoursPerDay: { en: 'Regular hours per day', zh: '每日常规工时' },
  maxOvertimeHours: { en: 'Overtime allowed per day', zh: '每日可加班时长' },
  fatigueRate: { en: 'Fatigue per overtime hour', zh: '每小时加班的疲劳' },
  fatigueRecovery: { en: 'Daily recovery from fatigue', zh: '每日疲劳恢复' },
  effortScale: { en: 'Hours per ticket (times)', zh: '单件工时倍数' },
  deadlineGeneralDays: { en: 'Deadline, general tickets', zh: '一般工单时限' },
  deadlineComplexDays: { en: 'Deadline, complex tickets', zh: '复杂工单时限' },
  initialResponsiveness: { en: 'Responsiveness at start', zh: '初始响应度' },
  responsivenessGain: { en: 'Responsiveness gained under pressure', zh: '压力带来的响应度提升' },
  longTermNeed: { en: 'Long-term work needed', zh: '所需长期工作量' },
  triageAfterDays: { en: 'Backlog before triage', zh: '开始分流的积压天数' },
  triageMinEffort: { en: 'Least effort under triage', zh: '分流时最少工时比例' },
  triageQualityLoss: { en: 'Quality lost to triage', zh: '分流的质量损失' },
  deptStaffFollowsShare: { en: 'Department staff follow their share', zh: '部门人员随事项比例' },
  staffSpread: { en: 'Staffing spread between units', zh: '街乡人员差异' },
  overtimePush: { en: 'Overtime pushed by pressure', zh: '压力推动的加班' },
  fatigueErrorRate: { en: 'Mistakes at full fatigue', zh: '疲劳差错率' },
  responsivenessTau: { en: 'Responsiveness adjusts in (days)', zh: '响应度调整天数' },
  respFeedback: { en: 'Residents’ feedback on responsiveness', zh: '居民反馈对响应度的影响' },
  // hand-down
  handDown: { en: 'Hand-down to village councils', zh: '下交群评' },
  handDownStart: { en: 'Hand-down starts', zh: '下交群评开始日期' },
  councilCoverage: { en: 'Villages with a council', zh: '成立议事团的村占比' },
  councilSize: { en: 'Council members', zh: '议事团人数' },
  councilSkill: { en: 'Council’s first-visit success', zh: '议事团首次调解成功率' },
  councilVisitsPerWeek: { en: 'Visits per member per week', zh: '每人每周上门次数' },
  hall: { en: 'Deliberation hall', zh: '村民议事厅' },
  hallStart: { en: 'Hall opens', zh: '议事厅开放日期' },
  observerLearning: { en: 'Learning by watching deliberation', zh: '旁听议事的学习效果' },
  consensusYears: { en: 'Years a consensus holds', zh: '共识维持年数' },
  councilMembersPer1000: { en: 'Council members per 1,000', zh: '每千人议事成员' },
  councilDeadlineDays: { en: 'Council deadline', zh: '议事团办理期限' },
  hallPatienceDays: { en: 'Patience with the hall', zh: '议事厅等待天数' },
  // assessment
  cadence: { en: 'Assessment cadence', zh: '考核周期' },
  rankingMode: { en: 'Ranking or grade bands', zh: '排名方式' },
  periodStartDay: { en: 'Period starts on day', zh: '考核周期起始日' },
  weightAcceptance: { en: 'Weight of acceptance rate', zh: '接单率权重' },
  weightCompletion: { en: 'Weight of completion rate', zh: '办结率权重' },
  weightSatisfaction: { en: 'Weight of satisfaction rate', zh: '满意率权重' },
  weightRequests: { en: 'Weight of requests per 10,000', zh: '万人诉求比权重' },
  penaltyBottomShare: { en: 'Units penalised at the bottom', zh: '末位问责比例' },
  penaltySeverity: { en: 'Severity of a penalty', zh: '问责力度' },
  rankVisibility: { en: 'Pressure of a published rank', zh: '公开排名的压力' },
  districtLayer: { en: 'Districts assessed too', zh: '区级考核' },
  pressureDecay: { en: 'Pressure kept after a month', zh: '压力月保留率' },
  basicallySatisfiedShare: { en: 'Ratings given as basically satisfied', zh: '“基本满意”占比' },
  deptAssessed: { en: 'Departments assessed', zh: '职能部门考核' },
  gradeShareExcellent: { en: 'Excellent band (share)', zh: '优秀档比例' },
  gradeShareGood: { en: 'Good band (share)', zh: '良好档比例' },
  // gaming
  integrityMean: { en: 'Leaders’ integrity (mean)', zh: '领导操守均值' },
  integritySpread: { en: 'Leaders’ integrity (spread)', zh: '领导操守离散度' },
  capabilitySpread: { en: 'Leaders’ capability (spread)', zh: '领导能力离散度' },
  leaderTurnover: { en: 'Leader turnover per year', zh: '领导年更替率' },
  gamingPropensity: { en: 'Gaming per unit of pressure', zh: '单位压力的造假强度' },
  gamingPaid: { en: 'Paid ratings', zh: '花钱买好评' },
  gamingInduced: { en: 'Induced substitute requests', zh: '诱导改提诉求' },
  gamingFake: { en: 'Fake tickets', zh: '自造虚假工单' },
  fakeShareAtFull: { en: 'Fake tickets at full gaming', zh: '满强度虚假工单比例' },
  gamingLearningRate: { en: 'Learning whether gaming pays', zh: '造假得失的学习速度' },
  // appeals and audits
  appealExclusion: { en: 'Exclusion appeals', zh: '申诉剔除' },
  appealStart: { en: 'Appeals start', zh: '开始申诉的日期' },
  appealApprovalRate: { en: 'Appeals approved (share)', zh: '申诉通过率' },
  appealHours: { en: 'Hours per appeal', zh: '每份申诉工时' },
  auditRate: { en: 'Units audited per period', zh: '每期抽查比例' },
  auditDetection: { en: 'Gaming found by an audit', zh: '抽查发现率' },
  // outreach and education
  outreachHoursPerWeek: { en: 'Outreach hours per week', zh: '每周外联小时' },
  outreachStart: { en: 'Outreach starts', zh: '外联开始日期' },
  initialWechatContacts: { en: 'WeChat contacts at start', zh: '初始微信联系人' },
  wechatCapacity: { en: 'Messages a social worker handles per day', zh: '社工每日处理消息数' },
  educationCampaign: { en: 'Public education campaign', zh: '公众宣传教育' },
  educationStart: { en: 'Campaign starts', zh: '宣传开始日期' },
  educationDays: { en: 'Campaign length', zh: '宣传天数' },
  educationStrength: { en: 'Campaign strength', zh: '宣传力度' },
};

/** The short name of a knob in a language. */
export function knobName(name: KnobName, lang: 'en' | 'zh'): string {
  return KNOB_LABELS[name][lang];
}
