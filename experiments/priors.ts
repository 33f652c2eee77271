/**
 * Priors: what is known about every knob before the fit. One entry per knob (the type makes a
 * missing knob a compile error), in three kinds:
 *
 * - `input`: the scenario says it (the world's size and dates, policy switches and their settings);
 *   a study sets it, nothing is fitted.
 * - `source`: a published figure or the source article pins it (the knob's `source` in
 *   sim/knobs.ts names it); it stays fixed.
 * - `prior`: the sources do not pin it down; the fit draws it uniformly between `min` and `max`
 *   on a linear or log scale (log: a factor, when only the order of magnitude is known). The
 *   range holds the default and stays within the knob's allowed range.
 *
 * docs/PRIORS.md is generated from this table (`npm run docs`). Pure.
 */
import { KNOBS, type KnobName } from '../sim/index.ts';

export type PriorEntry =
  | { kind: 'input'; reason: string }
  | { kind: 'source'; reason: string }
  | { kind: 'prior'; scale: 'linear' | 'log'; min: number; max: number; reason: string };

const input = (reason: string): PriorEntry => ({ kind: 'input', reason });
const source = (reason: string): PriorEntry => ({ kind: 'source', reason });
const lin = (min: number, max: number, reason: string): PriorEntry => ({ kind: 'prior', scale: 'linear', min, max, reason });
const log = (min: number, max: number, reason: string): PriorEntry => ({ kind: 'prior', scale: 'log', min, max, reason });

const HALF_DOUBLE = 'an assumption with no figure behind it: half to double the default';

export const PRIOR_TABLE: { readonly [K in KnobName]: PriorEntry } = {
  // ---- world: the scenario's
  residents: input('the world being simulated (a study sets it)'),
  units: input('the world being simulated'),
  cells: input('the world being simulated'),
  districts: input('the world being simulated'),
  villageShare: input('the world being simulated (Pinggu mostly rural, Beijing mostly urban)'),
  householdSize: source('national census mean about 2.6'),
  departments: input('the world being simulated'),
  startDate: input('the period a study covers'),
  horizonDays: input('the period a study covers'),
  unitMixSpread: input('the world being simulated (how unlike its towns are)'),
  burnInDays: input('a method setting: the warm-up before day 0, not a property of the world'),
  // ---- needs
  consultRate: lin(0.4, 1, "Beijing's 58.5% consultations (FACTS.md) is a target of the fit, so the rate behind it is fitted"),
  defectRate: log(75, 300, 'calibrated by hand with the requests share; no figure of potholes per cell'),
  defectNoticeRate: log(0.3, 1.2, HALF_DOUBLE),
  individualRate: lin(0.25, 0.7, "Beijing's 1.1 contacts per resident and 41.5% requests are targets of the fit, not inputs"),
  wishRate: log(0.008, 0.04, "Linyi's 1.7% is a target of the fit; the rate was hand-tuned to it (docs/CALIBRATION.md)"),
  ventRate: log(0.004, 0.025, "hand-tuned with wishRate to Linyi's 1.7%; the brief gives no rate"),
  disputeRate: log(2, 8, HALF_DOUBLE),
  boundaryDisputeShare: lin(0.1, 0.4, 'the brief has boundary disputes (Xilijin), not their share'),
  proxyRate: log(3, 12, 'the brief says proxy complaints recur, not how often'),
  disputeResolveRate: log(0.07, 0.3, HALF_DOUBLE),
  contestedCellShare: lin(0.15, 0.5, 'the brief has one speed bump, not how many communities have one'),
  contestedRate: log(0.025, 0.1, HALF_DOUBLE),
  frequentCallerShare: log(0.005, 0.02, HALF_DOUBLE),
  frequentCallerWeight: log(10, 40, HALF_DOUBLE),
  maintenanceEffect: lin(0.25, 0.75, 'an assumption: a quarter to three quarters'),
  needToleranceDays: input('a definition: a need met within twice the 15-day complex deadline counts as met'),
  selfHelpShare: lin(0.3, 0.7, 'a round middle value, left to the fit (the knob says so)'),
  defectReportCap: lin(2, 5, 'an assumption: repeat reports of one pothole saturate after a few'),
  wishGroupShare: lin(0.05, 0.2, 'the brief has repeated unreasonable requests, not their share'),
  wishGroupSize: lin(3, 8, 'an assumption'),
  wishPersistence: lin(0.5, 0.85, 'an assumption (the knob allows at most 0.9)'),
  wishRetryDays: log(15, 60, HALF_DOUBLE),
  preferenceDrift: log(0.05, 0.2, HALF_DOUBLE),
  // ---- channels
  hotlineCost: source('the brief: complaining costs nothing'),
  wechatCost: log(0.15, 0.6, HALF_DOUBLE),
  hallCost: log(0.4, 1.6, HALF_DOUBLE),
  memoryWeight: log(1, 4, HALF_DOUBLE),
  trustWeight: log(1, 4, 'the brief says residents trust the social worker ("I only trust you"), not how much'),
  normEffect: log(4, 16, 'hand-tuned to Wulimiao and Linyi (docs/CALIBRATION.md), which are targets of the fit'),
  initialNormKnowledge: lin(0.15, 0.5, 'an assumption'),
  initialHotlineMemory: lin(0.5, 0.85, 'an assumption: around where memories settle'),
  initialWechatMemory: lin(0.6, 0.9, 'an assumption: around where memories settle'),
  initialAwareness: input('an initial condition: about the steady state of publicity and forgetting (the 2019 Beijing study sets its own)'),
  publicity: log(0.15, 0.6, HALF_DOUBLE),
  awarenessForget: log(0.025, 0.1, HALF_DOUBLE),
  wordOfMouth: log(0.5, 2, 'demand follows responsiveness (FACTS.md), but no figure gives its strength'),
  neighbourWeight: lin(0.25, 0.75, 'an assumption'),
  hotlineMerger: input('a policy: other hotlines folded into 12345 (off unless a scenario sets it)'),
  // ---- intake
  intakePolicy: input('a policy'),
  refuseStart: input('a policy date'),
  classificationAccuracy: lin(
    0.6,
    0.95,
    "no figure of how often operators recognise an out-of-scope request; Linyi's 1.7% constrains it with wishRate",
  ),
  misclassificationRate: log(0.002, 0.01, HALF_DOUBLE),
  publishUnreasonable: input('a policy'),
  publishStart: input('a policy date'),
  publishIntervalDays: input('a policy setting'),
  publishReach: log(0.015, 0.06, HALF_DOUBLE),
  deptShare: input('a policy setting (dispatch to departments)'),
  routingErrorRate: log(0.02, 0.08, HALF_DOUBLE),
  // ---- work
  staffPer10k: lin(5, 10, "hand-tuned to the default world's load (docs/CALIBRATION.md); no staffing figure"),
  deptStaffPer10k: log(0.75, 3, HALF_DOUBLE),
  hoursPerDay: lin(5, 7, 'an assumption: hours a day on tickets, besides other duties'),
  maxOvertimeHours: lin(2, 4, 'an assumption'),
  fatigueRate: log(0.005, 0.02, 'the brief has exhausted staff, not a rate'),
  fatigueRecovery: log(0.025, 0.1, HALF_DOUBLE),
  effortScale: log(0.7, 1.4, 'an assumption: hours per ticket within a factor of 1.4'),
  deadlineGeneralDays: source('Beijing 2021 draft standard: general 7 days'),
  deadlineComplexDays: source('Beijing 2021 draft standard: complex 15 days'),
  initialResponsiveness: lin(
    0.5,
    0.9,
    'Beijing 2019 shows units can start low (its study sets 0.1); the default world is after the reform',
  ),
  responsivenessGain: log(0.15, 0.6, 'the brief says assessment forced responsiveness, not how fast'),
  longTermNeed: log(0.3, 1.2, HALF_DOUBLE),
  longTermShare: lin(0.05, 0.2, 'an assumption: half to double a tenth of staff time'),
  triageAfterDays: log(2.5, 10, HALF_DOUBLE),
  triageMinEffort: lin(0.2, 0.6, 'an assumption'),
  triageQualityLoss: lin(0.25, 0.75, 'an assumption'),
  overdueReplyDays: log(15, 60, 'an assumption: half a month to two months past the deadline'),
  deptStaffFollowsShare: input('an assumption about a policy (staff follow the dispatched work)'),
  staffSpread: lin(0.1, 0.4, 'units differ persistently (issue 10); by how much no figure says'),
  overtimePush: log(0.5, 2, 'the brief has overtime under ranking, not its strength'),
  fatigueErrorRate: log(0.15, 0.6, HALF_DOUBLE),
  responsivenessTau: log(45, 180, 'an assumption: a season, within a factor of 2'),
  respFeedback: log(0.1, 0.4, HALF_DOUBLE),
  intrinsicResponsiveness: lin(0.5, 0.9, 'an assumption (the 0.1.0 starting level)'),
  // ---- hand-down
  handDown: input('a policy'),
  handDownStart: source('Pinggu, July 2021'),
  councilCoverage: input('a policy setting'),
  councilSize: source('the brief: four veteran party members visit'),
  councilSkill: lin(0.2, 0.5, 'Xilijin: the first visit failed, the third succeeded; one story, not a rate'),
  councilVisitsPerWeek: log(1.5, 6, HALF_DOUBLE),
  hall: input('a policy'),
  hallStart: input('a policy date'),
  observerLearning: log(
    0.00005,
    0.0008,
    "hand-tuned to Wulimiao's decline (docs/CALIBRATION.md), a target of the fit; a factor of 4 either way",
  ),
  consensusYears: log(1.5, 6, HALF_DOUBLE),
  councilMembersPer1000: source('the brief: four veteran members in a village of about 2,500'),
  councilDeadlineDays: log(15, 60, HALF_DOUBLE),
  hallPatienceDays: log(15, 60, HALF_DOUBLE),
  councilTieRadius: log(4, 16, 'the elders know the families (the brief); the distance is an assumption'),
  councilTieGain: log(0.075, 0.3, HALF_DOUBLE),
  councilPersuasion: log(0.075, 0.3, 'Xilijin: the third visit succeeded; one story, not a rate'),
  evidenceAfterVisits: source('the brief: the tape measure on the third visit'),
  evidenceStrength: lin(0.3, 0.9, 'an assumption'),
  // ---- assessment
  cadence: input('a policy (Beijing ranks monthly)'),
  rankingMode: input('a policy'),
  periodStartDay: source("one district's month runs from the 19th (FACTS.md); the default world's from the 1st"),
  weightAcceptance: source('Huairou 0.10'),
  weightCompletion: source('Huairou 0.50'),
  weightSatisfaction: source('Huairou 0.40'),
  weightRequests: input('a policy (万人诉求比)'),
  penaltyBottomShare: input('a policy setting (who is summoned)'),
  penaltySeverity: log(0.5, 2, 'rank low and promotion stops (the brief); the weight is an assumption'),
  rankVisibility: log(0.2, 0.8, HALF_DOUBLE),
  districtLayer: input('a policy'),
  pressureDecay: lin(0.25, 0.75, 'an assumption'),
  basicallySatisfiedShare: lin(0.15, 0.45, 'the Huairou formula weighs "basically satisfied" 0.9; its share is an assumption'),
  deptAssessed: input('a policy'),
  gradeShareExcellent: input('a policy setting (grade bands)'),
  gradeShareGood: input('a policy setting (grade bands)'),
  // ---- gaming
  integrityMean: lin(0.4, 0.8, 'an assumption: no figure of how many leaders game'),
  integritySpread: lin(0.1, 0.3, 'an assumption'),
  gamingPropensity: log(0.25, 1, HALF_DOUBLE),
  gamingPaid: source('the brief: paid ratings'),
  gamingInduced: source('the brief: induced ratings'),
  gamingFake: source('the brief: fake tickets'),
  capabilitySpread: lin(0.05, 0.3, 'units differ so rankings have leaders (two streets first in 9 of 12 months); how much is fitted'),
  leaderTurnover: log(0.075, 0.3, 'a township rose from 219th to 1st (FACTS.md) needs changes of leadership; how often is fitted'),
  fakeShareAtFull: log(0.05, 0.2, HALF_DOUBLE),
  gamingLearningRate: log(0.15, 0.6, HALF_DOUBLE),
  // ---- appeals
  appealExclusion: input('a policy'),
  appealStart: input('a policy date'),
  appealApprovalRate: input('a policy setting (the reviewers)'),
  appealHours: log(0.75, 3, HALF_DOUBLE),
  auditRate: input('a policy setting'),
  appealPausesDeadline: input('a policy setting'),
  auditDetection: lin(0.3, 0.7, 'an assumption'),
  auditDeterrence: lin(0.05, 0.2, 'an assumption: half to double the caution a catch adds'),
  auditDeterrenceYears: log(0.5, 2, 'an assumption: half a year to two years'),
  // ---- outreach
  outreachHoursPerWeek: input('a policy setting'),
  outreachStart: input('a policy date'),
  initialWechatContacts: source('about 200 contacts before (FACTS.md)'),
  wechatChurn: log(0.04, 0.16, 'an assumption: half to double the churn that holds a list steady'),
  wechatCapacity: log(3, 12, HALF_DOUBLE),
  educationCampaign: input('a policy'),
  educationStart: input('a policy date'),
  educationDays: input('a policy setting'),
  educationStrength: lin(0.2, 0.6, 'an assumption: no figure of what a campaign teaches'),
};

/** A knob the fit draws, with its range. */
export interface FittedPrior {
  knob: KnobName;
  scale: 'linear' | 'log';
  min: number;
  max: number;
  /** Integer knobs round their draws. */
  integer: boolean;
  reason: string;
}

/** The knobs the fit draws, in the schema's order. */
export function fittedPriors(): FittedPrior[] {
  const out: FittedPrior[] = [];
  for (const k of KNOBS) {
    const e = PRIOR_TABLE[k.name as KnobName];
    if (e.kind === 'prior')
      out.push({ knob: k.name as KnobName, scale: e.scale, min: e.min, max: e.max, integer: k.type === 'integer', reason: e.reason });
  }
  return out;
}

/** Problems with the table: a range that misses the default or leaves the knob's limits (empty when sound). */
export function priorProblems(): string[] {
  const out: string[] = [];
  for (const k of KNOBS) {
    const e = PRIOR_TABLE[k.name as KnobName];
    if (!e) {
      out.push(`${k.name}: no entry`);
      continue;
    }
    if (e.kind !== 'prior') continue;
    if (k.type !== 'number' && k.type !== 'integer') out.push(`${k.name}: only number knobs take a prior range`);
    if (!(e.min < e.max)) out.push(`${k.name}: min ${e.min} is not below max ${e.max}`);
    if (e.scale === 'log' && !(e.min > 0)) out.push(`${k.name}: a log prior needs min above 0`);
    if (k.min !== undefined && e.min < k.min) out.push(`${k.name}: min ${e.min} below the knob's ${k.min}`);
    if (k.max !== undefined && e.max > k.max) out.push(`${k.name}: max ${e.max} above the knob's ${k.max}`);
    const d = k.default as number;
    if (!(d >= e.min && d <= e.max)) out.push(`${k.name}: the default ${d} is outside ${e.min}..${e.max}`);
  }
  return out;
}
