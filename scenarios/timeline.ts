/**
 * Timelines: dated changes of knobs in the middle of a run. A scenario's `timeline` is a list of
 * `{ date, knobs }`; on the first simulated day whose date equals a change's date, before that
 * day's pipeline, the knobs take the new values. This module holds what every layer above the
 * core shares about them: which knobs may change, the value in force on a day, equality. It
 * imports nothing from the loader (the loader validates timelines with it).
 *
 * Knobs that cannot change mid-run:
 * - the world (group `world`): residents, cells, units, districts, village share, household size,
 *   departments, start date, horizon. They size arrays or fix the calendar;
 * - the start-date knobs (refuseStart, handDownStart, ...): a change's own date says when it
 *   takes effect; the start-date knobs keep their meaning (a policy switched on by a change is on
 *   from the change's date, or from its start date if that is later);
 * - the starting state (INITIAL_STATE_KNOBS): values drawn once when the world is built.
 */
import { KNOBS, knobSpec, type Knobs, type KnobValue, type ResolvedScenario } from '../sim/index.ts';

/** One dated change: from `date` on, the given knobs take these values. */
export interface TimelineChange {
  /** The first day the new values hold, YYYY-MM-DD. */
  date: string;
  knobs: Partial<Knobs>;
}

/** A resolved scenario with its timeline (sorted by date, one change per date, values checked). */
export interface TimelineScenario extends ResolvedScenario {
  timeline: TimelineChange[];
}

/**
 * Knobs read only when the world is built (or, for councils, when hand-down first starts): the
 * people's starting knowledge and awareness, the units' starting responsiveness, integrity,
 * capability and staffing spread, the social workers' first contacts, which cells hold contested
 * goods and frequent callers, and which villages have a council and how large. Changing them
 * later would change nothing, so a timeline refuses them rather than pretend.
 */
export const INITIAL_STATE_KNOBS: readonly string[] = [
  'frequentCallerShare',
  'frequentCallerWeight',
  'contestedCellShare',
  'initialNormKnowledge',
  'initialAwareness',
  'initialHotlineMemory',
  'initialWechatMemory',
  'initialResponsiveness',
  'initialWechatContacts',
  'integrityMean',
  'integritySpread',
  'capabilitySpread',
  'staffSpread',
  'councilCoverage',
  'councilSize',
  'councilMembersPer1000',
];

/** Why a knob cannot be changed by a timeline, or undefined when it can. */
export type FixedReason = 'world' | 'start-date' | 'initial';

export function fixedReason(name: string): FixedReason | undefined {
  const spec = knobSpec(name);
  if (!spec) return undefined;
  if (spec.group === 'world') return 'world';
  if (spec.type === 'date') return 'start-date';
  if (INITIAL_STATE_KNOBS.includes(name)) return 'initial';
  return undefined;
}

/** Every knob a timeline change may set, in schema order. */
export const CHANGEABLE_KNOBS: readonly string[] = KNOBS.filter((k) => fixedReason(k.name) === undefined).map((k) => k.name);

/** The last simulated day's date of a run (start date + horizon − 1), YYYY-MM-DD. */
export function lastDate(knobs: Pick<Knobs, 'startDate' | 'horizonDays'>): string {
  const [y, m, d] = knobs.startDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + knobs.horizonDays - 1)).toISOString().slice(0, 10);
}

/** A change's knobs in schema order (so that text, links and headers read the same every time). */
export function orderedKnobs(knobs: Partial<Knobs>): [string, KnobValue][] {
  const k = knobs as Record<string, KnobValue | undefined>;
  const out: [string, KnobValue][] = [];
  for (const spec of KNOBS) {
    const v = k[spec.name];
    if (v !== undefined) out.push([spec.name, v]);
  }
  return out;
}

/** The knobs in force on `date`: the scenario's knobs with every change dated on or before it applied. */
export function knobsOnDate(knobs: Knobs, timeline: readonly TimelineChange[], date: string): Knobs {
  let out = knobs;
  for (const c of timeline) if (c.date <= date) out = { ...out, ...c.knobs };
  return out;
}

/** Same changes on the same dates with the same values (timelines are resolved: sorted, one per date). */
export function sameTimeline(a: readonly TimelineChange[], b: readonly TimelineChange[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].date !== b[i].date) return false;
    const x = orderedKnobs(a[i].knobs);
    const y = orderedKnobs(b[i].knobs);
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j][0] !== y[j][0] || x[j][1] !== y[j][1]) return false;
  }
  return true;
}

/** A change as one readable line: `2026-01-01 cadence=bimonthly rankingMode=grades`. */
export function changeLine(c: TimelineChange): string {
  return [c.date, ...orderedKnobs(c.knobs).map(([k, v]) => `${k}=${String(v)}`)].join(' ');
}
