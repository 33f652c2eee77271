/**
 * Model constants that are not knobs: functional-form parameters, documented in docs/ODD.md.
 * Indexed by Kind where they are per kind:
 * [consult, defect, individual, wish, contested, dispute, vent, fake, induced].
 */

/** Hotline propensity classes: occasional (rest), regular, frequent (share and weight are knobs). */
export const REGULAR_SHARE = 0.15;
export const REGULAR_WEIGHT = 3;

/** Hours of work per ticket at full efficiency. */
export const EFFORT = [0, 3, 2, 1.5, 3, 2.5, 1, 0.5, 1];
/** Work slows by this share at full fatigue (fatigue runs 0..1). */
export const FATIGUE_SLOWDOWN = 0.3;
/** Departments work more slowly (coordination) but with more authority. */
export const DEPT_EFFORT_FACTOR = 1.3;

/** Chance a worked ticket solves the problem at full responsiveness, for units and departments; */
/** at responsiveness r it is this x (RESP_FLOOR + (1 - RESP_FLOOR) x r). */
export const SOLVE_UNIT = [1, 0.97, 0.8, 0, 0.9, 0.8, 0, 1, 1];
export const SOLVE_DEPT = [1, 0.99, 0.85, 0, 0.9, 0.8, 0, 1, 1];
export const RESP_FLOOR = 0.3;
/** Responsive work takes longer: effort x (RESP_EFFORT_BASE + RESP_EFFORT_SLOPE x r). */
export const RESP_EFFORT_BASE = 0.8;
export const RESP_EFFORT_SLOPE = 0.4;

/** Channel utilities by kind (before memory, trust, cost and norm terms). */
export const U_NONE = [-3, 0, 0, 0, 0.3, 0, 0, 0, 0];
export const U_HOTLINE = [0.5, 0.6, 0.6, 0.4, 0.6, 1.0, 0.3, 0, 0];
export const U_WECHAT = [0.5, 0.6, 0.8, 0.4, 0.6, 0.8, 0.6, 0, 0];
export const U_HALL = [-1, 0.2, 0.5, 0.4, 1.2, 1.5, 0.5, 0, 0];
/** Frequent callers lean to the hotline: utility added per propensity class (0, 1, 2). */
export const CLASS_HOTLINE_BONUS = [0, 0.5, 1.5];
/** Share of the norm deterrent applied to proxy complaints (it applies fully to wishes and venting). */
export const NORM_ON_PROXY = 0.3;

/** Memory update rate toward the latest outcome (exponential smoothing). */
export const MEMORY_RATE = 0.3;
/** The hall's starting memory (the hotline's and WeChat's are knobs: initialHotlineMemory, initialWechatMemory). */
export const INITIAL_HALL_MEMORY = 0.6;
/** Personal norm gain (share of remaining ignorance) from a refusal or an explanation. */
export const NORM_FROM_REFUSAL = 0.25;
export const NORM_FROM_EXPLANATION = 0.1;
export const NORM_FROM_ELDERS = 0.4;

/** Probability a rating is "satisfied": base + solved + on time, by kind. */
export const SAT_BASE = [0.9, 0.15, 0.15, 0.2, 0.15, 0.15, 0.35, 1, 1];
export const SAT_SOLVED = 0.65;
export const SAT_ON_TIME = 0.15;

/** Each earlier report of a defect divides the chance of noticing and raising it by (1 + this x reports). */
export const DUPLICATE_DAMPING = 3;

/** Routine upkeep fixes unreported defects at rate upkeep / ROUTINE_FIX_DAYS per day. */
export const ROUTINE_FIX_DAYS = 60;
/** Upkeep relaxes toward what long-term work supports with this time constant (days). */
export const UPKEEP_TAU = 120;

/** A council helps with individual matters and fixes small defects through the village committee. */
export const COUNCIL_HELP = 0.7;
export const COUNCIL_DEFECT_FIX = 0.6;

/** Social workers: success on WeChat by kind, contacts gained per outreach hour, word of mouth. */
export const WECHAT_SOLVE = [0.95, 0.6, 0.6, 0, 0.3, 0.15, 0, 0, 0];
export const CONTACTS_PER_OUTREACH_HOUR = 1.5;
export const WORD_OF_MOUTH = 0.15;
export const TRUST_RATE = 0.2;

/** Gaming: tactic probabilities at full intensity; hours per act. */
export const PAID_AT_FULL = 0.6;
export const INDUCED_AT_FULL = 0.5;
export const GAMING_APPEAL_AT_FULL = 0.6;
export const HOURS_PAID = 1;
export const HOURS_INDUCED = 1;
export const HOURS_FAKE = 0.5;
/** Units appeal tickets the hotline judged unreasonable with this probability when appeals exist. */
export const LEGIT_APPEAL = 0.8;
/** Gaming units appeal tickets they expect to be rated below their satisfaction rate so far this
 * period (this value before any rating of the period). */
export const APPEAL_SAT_DEFAULT = 0.9;
export const APPEAL_REVIEW_DAYS = 5;
/** Audit: score deduction of a caught unit (a caught leader's caution is the auditDeterrence knob). */
export const AUDIT_SCORE_PENALTY = 20;

/** District layer: units below the district mean get this share of the penalty severity. */
export const DISTRICT_LAYER_SHARE = 0.25;
