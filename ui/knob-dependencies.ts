/**
 * Knobs that do nothing under the current settings, from a small declared table: each row names
 * the knobs, the switch they depend on, the value that makes them act, and why, in both languages.
 * A knob is inert when one of its rows is unmet by the knobs and by every dated change of the
 * timeline (a change that turns the switch on makes the knob act from that date).
 * test/unit/knob-dependencies.test.ts checks each row against the model: with the switch off,
 * changing the knob leaves a run's summary exactly as it was.
 */
import type { KnobChange, Knobs, KnobValue } from '../sim/index.ts';
import type { Text } from './i18n.ts';

export interface KnobDependency {
  /** The knobs that act only when `on` has the value `when`. */
  readonly knobs: readonly string[];
  readonly on: string;
  readonly when: KnobValue;
  readonly reason: Text;
}

const COUNCILS = [
  'handDownStart',
  'hall',
  'councilCoverage',
  'councilSize',
  'councilMembersPer1000',
  'councilSkill',
  'councilVisitsPerWeek',
  'councilTieRadius',
  'councilTieGain',
  'councilPersuasion',
  'councilDeadlineDays',
  'consensusYears',
  'evidenceAfterVisits',
  'evidenceStrength',
] as const;

export const KNOB_DEPENDENCIES: readonly KnobDependency[] = [
  {
    knobs: ['publishStart', 'publishIntervalDays', 'publishReach'],
    on: 'publishUnreasonable',
    when: true,
    reason: { en: 'Publishing unreasonable requests is off', zh: '未开启定期公开不合理诉求' },
  },
  {
    knobs: ['refuseStart'],
    on: 'intakePolicy',
    when: 'refuse-out-of-scope',
    reason: { en: 'The intake policy accepts every call', zh: '受理政策为全部受理' },
  },
  {
    knobs: [...COUNCILS, 'hallStart', 'hallPatienceDays'],
    on: 'handDown',
    when: true,
    reason: { en: 'Hand-down to village councils is off', zh: '未开启下交村议事会' },
  },
  {
    knobs: ['hallStart', 'hallPatienceDays'],
    on: 'hall',
    when: true,
    reason: { en: 'The village hall is off', zh: '未开启议事厅' },
  },
  {
    knobs: ['appealStart', 'appealApprovalRate', 'appealHours', 'appealPausesDeadline'],
    on: 'appealExclusion',
    when: true,
    reason: { en: 'Exclusion appeals are off', zh: '未开启申诉剔除' },
  },
  {
    knobs: ['gradeShareExcellent', 'gradeShareGood'],
    on: 'rankingMode',
    when: 'grades',
    reason: { en: 'Units are ranked, not graded', zh: '考核方式为排名而非评级' },
  },
];

/** Why each inert knob does nothing now (knob name → reasons); knobs that act are absent. */
export function inertKnobs(knobs: Knobs, timeline: readonly KnobChange[] = []): Map<string, Text[]> {
  const k = knobs as unknown as Record<string, KnobValue>;
  const out = new Map<string, Text[]>();
  for (const d of KNOB_DEPENDENCIES) {
    const met = k[d.on] === d.when || timeline.some((c) => (c.knobs as Record<string, KnobValue>)[d.on] === d.when);
    if (met) continue;
    for (const name of d.knobs) out.set(name, [...(out.get(name) ?? []), d.reason]);
  }
  return out;
}
