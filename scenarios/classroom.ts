/**
 * The classroom game (issue 13): students play unit leaders, one assessment period per round.
 * This module is the part the server, the replay command and the views share: the wire protocol
 * (small typed JSON messages with a version, validated before anything reads them), the game
 * record (scenario, seed, every round's plans and policy changes) and its bit-for-bit replay, and
 * the views of the model a student and the teacher see. Pure: no Node, no DOM.
 */
import {
  KIND_NAMES,
  MODEL,
  Simulation,
  knobSpec,
  BROWSER_LIMITS,
  checkRunLimits,
  type KnobChange,
  type Knobs,
  type KnobValue,
  type PeriodRecord,
  type Summary,
} from '../sim/index.ts';
import { PLAN_FIELDS, emptyPlan, type PlanField, type UnitPlan } from '../sim/plans.ts';
import { checkKnobValue, loadScenario } from './loader.ts';
import { canonicalJson } from './export.ts';

export { PLAN_FIELDS, emptyPlan, type PlanField, type UnitPlan };

export const PROTOCOL_VERSION = 1;
/** Largest message either side sends, in bytes (the server's ws maxPayload). */
export const MAX_MESSAGE_BYTES = 8192;
/** Room codes: short, upper-case, without look-alike letters (0/O, 1/I). */
export const ROOM_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const ROOM_CODE_LENGTH = 5;
export const MAX_NAME_LENGTH = 24;
export const MAX_COUNTDOWN_SECONDS = 600;

/** What a student's first plan is before they choose: tickets first, some long-term work, no gaming. */
export function startingPlan(): UnitPlan {
  return { ...emptyPlan(), longterm: 0.2, overtime: 0.3 };
}

/** The policies a teacher may switch between rounds (the article's history), each a model knob. */
export const TEACHER_POLICIES = [
  'cadence',
  'rankingMode',
  'gradeShareExcellent',
  'gradeShareGood',
  'auditRate',
  'handDown',
  'appealExclusion',
  'districtLayer',
] as const satisfies readonly (keyof Knobs)[];
export type TeacherPolicy = (typeof TEACHER_POLICIES)[number];
export type PolicyChange = Partial<Pick<Knobs, TeacherPolicy>>;

export const ACTIONS = ['start', 'pause', 'resume', 'advance', 'reveal', 'hide', 'end'] as const;
export type Action = (typeof ACTIONS)[number];

// ---------------------------------------------------------------- messages

export type ClientMessage =
  | { v: 1; type: 'join'; room: string; secret?: string; name?: string }
  | { v: 1; type: 'plan'; plan: UnitPlan }
  | { v: 1; type: 'teacher'; key: string; room?: string }
  | { v: 1; type: 'open'; preset: string; seed: number; units?: number }
  | { v: 1; type: 'control'; action: Action; countdown?: number }
  | { v: 1; type: 'policy'; knobs: PolicyChange };

export type ServerMessage =
  | { v: 1; type: 'joined'; room: string; secret: string; unit: number }
  | { v: 1; type: 'student'; view: StudentView }
  | { v: 1; type: 'teacher'; view: TeacherView | null; rooms: string[] }
  | { v: 1; type: 'error'; code: ErrorCode; en: string; zh: string };

export const ERRORS = {
  'not-json': ['The message is not JSON.', '消息不是 JSON。'],
  'too-large': ['The message is too large.', '消息太大。'],
  'bad-version': ['The message is from another version of Hotline Lab: reload the page.', '消息来自其他版本的热线实验室：请刷新页面。'],
  'bad-message': ['The message is not one this server understands.', '服务器无法理解这条消息。'],
  'no-room': ['There is no room with this code.', '没有这个房间号。'],
  'bad-secret': ['This device does not hold that seat.', '这台设备不持有该席位。'],
  'not-joined': ['Join a room first.', '请先加入房间。'],
  'not-teacher': ['Only the teacher can do that.', '只有教师可以这样做。'],
  'bad-key': ['The teacher key is wrong.', '教师密钥不正确。'],
  'bad-preset': ['There is no preset with that name.', '没有这个预设。'],
  'bad-knob': ['That policy value is not allowed.', '该政策取值不被允许。'],
  'not-now': ['That cannot be done at this point of the game.', '游戏当前阶段不能这样做。'],
  'room-full': ['The room is full.', '房间已满。'],
} as const satisfies Record<string, readonly [string, string]>;
export type ErrorCode = keyof typeof ERRORS;

export function errorMessage(code: ErrorCode, detail = ''): ServerMessage {
  const [en, zh] = ERRORS[code];
  return { v: 1, type: 'error', code, en: detail ? `${en} ${detail}` : en, zh: detail ? `${zh} ${detail}` : zh };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; detail: string };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const fail = <T>(code: ErrorCode, detail: string): Parsed<T> => ({ ok: false, code, detail });

/** Only these fields, each present where required. */
function fieldsOk(o: Record<string, unknown>, allowed: readonly string[]): string | null {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) return `unknown field '${k}'`;
  return null;
}

export function isRoomCode(x: unknown): x is string {
  return typeof x === 'string' && x.length === ROOM_CODE_LENGTH && [...x].every((c) => ROOM_ALPHABET.includes(c));
}

/** Secrets and keys: 16 to 64 characters of base64url. */
export function isSecret(x: unknown): x is string {
  return typeof x === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(x);
}

/** A plan from the wire: every field a finite number from 0 to 1, nothing else. */
export function parsePlan(x: unknown): Parsed<UnitPlan> {
  if (!isObj(x)) return fail('bad-message', 'plan is not an object');
  const extra = fieldsOk(x, PLAN_FIELDS);
  if (extra) return fail('bad-message', `plan: ${extra}`);
  const plan = emptyPlan();
  for (const f of PLAN_FIELDS) {
    const v = x[f];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1)
      return fail('bad-message', `plan.${f} must be a number from 0 to 1`);
    plan[f] = v;
  }
  return { ok: true, value: plan };
}

/** A teacher's policy change: known policies only, each value checked against its knob's spec. */
export function parsePolicy(x: unknown): Parsed<PolicyChange> {
  if (!isObj(x)) return fail('bad-message', 'knobs is not an object');
  const keys = Object.keys(x);
  if (keys.length === 0) return fail('bad-knob', 'no policy given');
  const out: Record<string, KnobValue> = {};
  for (const k of keys) {
    if (!(TEACHER_POLICIES as readonly string[]).includes(k)) return fail('bad-knob', `'${k}' is not a classroom policy`);
    const spec = knobSpec(k);
    if (!spec) return fail('bad-knob', k);
    const c = checkKnobValue(spec, x[k]);
    if (!c.ok) return fail('bad-knob', c.message);
    out[k] = c.value;
  }
  return { ok: true, value: out as PolicyChange };
}

/** Parse and validate one message from a client. Never throws. */
export function parseClientMessage(text: string): Parsed<ClientMessage> {
  if (text.length > MAX_MESSAGE_BYTES) return fail('too-large', '');
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch {
    return fail('not-json', '');
  }
  if (!isObj(x)) return fail('bad-message', 'not an object');
  if (x.v !== PROTOCOL_VERSION) return fail('bad-version', '');
  const bad = (what: string) => fail<ClientMessage>('bad-message', what);
  switch (x.type) {
    case 'join': {
      const e = fieldsOk(x, ['v', 'type', 'room', 'secret', 'name']);
      if (e) return bad(e);
      if (!isRoomCode(x.room)) return fail('no-room', '');
      if (x.secret !== undefined && !isSecret(x.secret)) return fail('bad-secret', '');
      if (x.name !== undefined && (typeof x.name !== 'string' || x.name.length > MAX_NAME_LENGTH)) return bad('name');
      const m: ClientMessage = { v: 1, type: 'join', room: x.room };
      if (x.secret !== undefined) m.secret = x.secret;
      if (typeof x.name === 'string') m.name = cleanName(x.name);
      return { ok: true, value: m };
    }
    case 'plan': {
      const e = fieldsOk(x, ['v', 'type', 'plan']);
      if (e) return bad(e);
      const p = parsePlan(x.plan);
      return p.ok ? { ok: true, value: { v: 1, type: 'plan', plan: p.value } } : p;
    }
    case 'teacher': {
      const e = fieldsOk(x, ['v', 'type', 'key', 'room']);
      if (e) return bad(e);
      if (!isSecret(x.key)) return fail('bad-key', '');
      if (x.room !== undefined && !isRoomCode(x.room)) return fail('no-room', '');
      const m: ClientMessage = { v: 1, type: 'teacher', key: x.key };
      if (x.room !== undefined) m.room = x.room;
      return { ok: true, value: m };
    }
    case 'open': {
      const e = fieldsOk(x, ['v', 'type', 'preset', 'seed', 'units']);
      if (e) return bad(e);
      if (typeof x.preset !== 'string' || x.preset.length > 64) return fail('bad-preset', '');
      if (typeof x.seed !== 'number' || !Number.isInteger(x.seed) || x.seed < 0 || x.seed >= 2 ** 32) return bad('seed');
      const m: ClientMessage = { v: 1, type: 'open', preset: x.preset, seed: x.seed };
      if (x.units !== undefined) {
        if (typeof x.units !== 'number' || !Number.isInteger(x.units) || x.units < 1 || x.units > 200) return bad('units');
        m.units = x.units;
      }
      return { ok: true, value: m };
    }
    case 'control': {
      const e = fieldsOk(x, ['v', 'type', 'action', 'countdown']);
      if (e) return bad(e);
      if (!(ACTIONS as readonly unknown[]).includes(x.action)) return bad('action');
      const m: ClientMessage = { v: 1, type: 'control', action: x.action as Action };
      if (x.countdown !== undefined) {
        if (typeof x.countdown !== 'number' || !Number.isInteger(x.countdown) || x.countdown < 0 || x.countdown > MAX_COUNTDOWN_SECONDS)
          return bad('countdown');
        m.countdown = x.countdown;
      }
      return { ok: true, value: m };
    }
    case 'policy': {
      const e = fieldsOk(x, ['v', 'type', 'knobs']);
      if (e) return bad(e);
      const p = parsePolicy(x.knobs);
      return p.ok ? { ok: true, value: { v: 1, type: 'policy', knobs: p.value } } : p;
    }
    default:
      return bad('type');
  }
}

/** A display name: printable characters only, trimmed. */
export function cleanName(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 32 || (c >= 127 && c < 160) || c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
      continue;
    out += ch;
  }
  return out.trim().slice(0, MAX_NAME_LENGTH);
}

// ---------------------------------------------------------------- the game record and its replay

/** One round: the policy change that opened it (if any) and every plan in force during it. */
export interface GameRound {
  round: number;
  policy?: PolicyChange;
  /** [unit, plan] for every unit a student played this round, by unit. */
  plans: [number, UnitPlan][];
}

export interface GameRecord {
  format: 'hotline-lab-classroom';
  version: 1;
  model: string;
  preset: string;
  /** The knobs at the start (resolved: the preset with the room's overrides). */
  knobs: Knobs;
  timeline: KnobChange[];
  seed: number;
  /** Who played which unit (display names only; no secrets). */
  players: { unit: number; name: string }[];
  rounds: GameRound[];
  /** The model's summary after the last round, and each round's official scores, to check a replay against. */
  summary?: Summary;
  scores?: number[][];
}

/** The model a room runs: build it from a preset (with overrides) and a seed, or from a record. */
export function newGameSimulation(
  preset: string,
  seed: number,
  overrides: Partial<Knobs> = {},
): { ok: true; sim: Simulation; knobs: Knobs; timeline: KnobChange[] } | { ok: false; message: string } {
  const r = loadScenario({ preset, seed, knobs: overrides });
  if (!r.ok) return { ok: false, message: r.problems.map((p) => p.message).join('; ') };
  // a room runs while a class waits: no larger a world than the browser app runs
  const tooLarge = checkRunLimits(r.scenario.knobs, BROWSER_LIMITS);
  if (tooLarge.length) return { ok: false, message: `${preset}: ${tooLarge.join('; ')}` };
  const timeline = r.scenario.timeline ?? [];
  return { ok: true, sim: new Simulation(r.scenario.knobs, r.seed, { timeline }), knobs: r.scenario.knobs, timeline };
}

/** Play one round on a simulation: the policy first, then the plans, then one assessment period. */
export function playRound(sim: Simulation, round: GameRound): PeriodRecord | null {
  if (round.policy) sim.configure(round.policy);
  for (const [u, plan] of round.plans) sim.setUnitPlan(u, plan);
  sim.model.plans.resetHours();
  return sim.runPeriod();
}

/** Check a game file's shape (from JSON) and return it typed, or a list of problems. */
export function checkGameRecord(x: unknown): { ok: true; game: GameRecord } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (!isObj(x)) return { ok: false, problems: ['the file is not a JSON object / 文件不是 JSON 对象'] };
  if (x.format !== 'hotline-lab-classroom') problems.push("format must be 'hotline-lab-classroom' / format 必须是 hotline-lab-classroom");
  if (x.version !== 1) problems.push('version must be 1 / version 必须是 1');
  if (typeof x.preset !== 'string') problems.push('preset is missing / 缺少 preset');
  if (!isObj(x.knobs)) problems.push('knobs is missing / 缺少 knobs');
  if (typeof x.seed !== 'number') problems.push('seed is missing / 缺少 seed');
  if (!Array.isArray(x.rounds)) problems.push('rounds is missing / 缺少 rounds');
  if (problems.length) return { ok: false, problems };
  const load = loadScenario({ preset: x.preset, seed: x.seed, knobs: x.knobs, timeline: x.timeline ?? [] });
  if (!load.ok) return { ok: false, problems: load.problems.map((p) => p.message) };
  (x.rounds as unknown[]).forEach((r, i) => {
    if (!isObj(r) || r.round !== i || !Array.isArray(r.plans)) {
      problems.push(`rounds[${i}] is not a round numbered ${i} with plans / rounds[${i}] 不是编号为 ${i} 且带 plans 的一轮`);
      return;
    }
    if (r.policy !== undefined) {
      const p = parsePolicy(r.policy);
      if (!p.ok) problems.push(`rounds[${i}].policy: ${p.detail}`);
    }
    for (const e of r.plans as unknown[]) {
      const ok =
        Array.isArray(e) && e.length === 2 && Number.isInteger(e[0]) && e[0] >= 0 && e[0] < load.scenario.knobs.units && parsePlan(e[1]).ok;
      if (!ok) problems.push(`rounds[${i}].plans: ${JSON.stringify(e).slice(0, 80)} is not [unit, plan] / 不是 [单位, 计划]`);
    }
  });
  if (problems.length) return { ok: false, problems };
  const game = x as unknown as GameRecord;
  return { ok: true, game: { ...game, knobs: load.scenario.knobs, timeline: load.scenario.timeline ?? [] } };
}

/** Replay a game: the same scenario, seed, policies and plans in the same rounds give the same numbers. */
export function replayGame(game: GameRecord): { sim: Simulation; scores: number[][]; summary: Summary } {
  const sim = new Simulation(game.knobs, game.seed, { timeline: game.timeline });
  const scores: number[][] = [];
  for (const r of game.rounds) {
    const rec = playRound(sim, r);
    if (rec) scores.push(rec.units.map((x) => x.score));
  }
  return { sim, scores, summary: sim.summary() };
}

/** Does a replay reproduce the recorded numbers exactly? Names the first difference. */
export function compareReplay(game: GameRecord, replay: { scores: number[][]; summary: Summary }): string[] {
  const diffs: string[] = [];
  if (game.summary) {
    for (const [k, v] of Object.entries(game.summary)) {
      if (!Object.is(replay.summary[k], v)) diffs.push(`summary.${k}: recorded ${v}, replayed ${replay.summary[k]}`);
    }
  }
  if (game.scores && canonicalJson(game.scores) !== canonicalJson(replay.scores)) diffs.push('the rounds\u2019 official scores differ');
  return diffs;
}

export function gameRecordBase(preset: string, knobs: Knobs, timeline: KnobChange[], seed: number): GameRecord {
  return { format: 'hotline-lab-classroom', version: 1, model: MODEL.version, preset, knobs, timeline, seed, players: [], rounds: [] };
}

// ---------------------------------------------------------------- what the players see

/** Kinds of request residents send, in both languages (for the student's sample). */
export const REQUEST_KINDS: Record<string, { en: string; zh: string }> = {
  consult: { en: 'a question', zh: '咨询' },
  defect: { en: 'a pothole, broken light or rubbish', zh: '坑洼、路灯或垃圾问题' },
  individual: { en: 'a personal matter (a lock, a leak, a lost cat)', zh: '个人事务（门锁、漏水、丢猫）' },
  wish: { en: 'a wish the unit cannot grant', zh: '无法满足的诉求' },
  contested: { en: 'a speed bump or lights some want and others not', zh: '减速带或路灯（有人要有人不要）' },
  dispute: { en: 'a quarrel between neighbours', zh: '邻里纠纷' },
  vent: { en: 'someone who needs to vent', zh: '情绪倾诉' },
  fake: { en: 'a ticket staff filed', zh: '工作人员自填工单' },
  induced: { en: 'an easier substitute request', zh: '替代的简单诉求' },
};

export interface RoundResult {
  round: number;
  score: number;
  rank: number | null;
  grade: string | null;
  units: number;
  /** Reported (official) satisfaction of the unit's rated tickets, and the residents' true one. */
  reported: number;
  truth: number;
  penalised: boolean;
  caught: boolean;
}

export interface StudentView {
  room: string;
  phase: Phase;
  paused: boolean;
  round: number;
  /** Milliseconds left on the countdown, or null when the teacher advances by hand. */
  remainingMs: number | null;
  unit: number;
  teamSize: number;
  name: string;
  period: { start: string; end: string } | null;
  history: RoundResult[];
  requests: { kind: string; waitingDays: number; overdue: boolean }[];
  openTickets: number;
  staff: number;
  /** Hours per day: regular, the overtime allowance, and last round's use per day. */
  regularHours: number;
  overtimeHours: number;
  lastHours: { tickets: number; gaming: number; longterm: number; overtime: number } | null;
  fatigue: number;
  upkeep: number;
  tactics: { paid: boolean; induced: boolean; fake: boolean; appeals: boolean };
  rankingMode: string;
  plan: UnitPlan;
  submitted: boolean;
}

export type Phase = 'lobby' | 'choosing' | 'ended';

export interface UnitRow {
  unit: number;
  players: string[];
  connected: number;
  submitted: boolean;
  score: number | null;
  rank: number | null;
  grade: string | null;
  previousRank: number | null;
  reported: number | null;
  truth: number | null;
  /** Revealed only when the teacher chooses. */
  gaming: number | null;
  caught: boolean | null;
  audited: boolean | null;
}

export interface TeacherView {
  room: string;
  preset: string;
  seed: number;
  phase: Phase;
  paused: boolean;
  round: number;
  rounds: number;
  remainingMs: number | null;
  /** The countdown the teacher set for each round, in seconds (0: advanced by hand). */
  countdownSeconds: number;
  reveal: boolean;
  units: UnitRow[];
  students: number;
  /** Per played round: district official (reported) satisfaction against residents' true satisfaction. */
  series: { round: number; reported: number; truth: number; meanScore: number; gamingActs: number; caught: number }[];
  policy: Record<TeacherPolicy, KnobValue>;
  /** Each unit's plans by round (the debrief), only after the game ends or when revealed. */
  plans: { round: number; unit: number; plan: UnitPlan }[] | null;
  period: { start: string; end: string } | null;
  /** The address students open (the QR code's content). */
  join: string;
}

/** Residents' side and official side over a period's days, weighted as the summary weights them. */
export function periodSatisfaction(
  sim: Simulation,
  rec: PeriodRecord,
): { reported: number; truth: number; gamingActs: number; caught: number } {
  const d = sim.daily;
  let rn = 0;
  let rd = 0;
  let tn = 0;
  let td = 0;
  let acts = 0;
  let caught = 0;
  for (let i = Math.max(0, rec.startDay); i < rec.endDay && i < sim.day; i++) {
    rn += d.official_satisfaction[i] * d.tickets_rated[i];
    rd += d.tickets_rated[i];
    const w = d.needs_met[i] + d.needs_unmet[i];
    tn += d.true_satisfaction[i] * w;
    td += w;
    acts += d.gaming_paid[i] + d.gaming_induced[i] + d.gaming_fake[i];
    caught += d.audits_caught[i];
  }
  return { reported: rd > 0 ? rn / rd : 0, truth: td > 0 ? tn / td : 0, gamingActs: acts, caught };
}

export function roundResult(rec: PeriodRecord, round: number, u: number): RoundResult {
  const x = rec.units[u];
  return {
    round,
    score: x.score,
    rank: x.rank,
    grade: x.grade,
    units: rec.units.length,
    reported: x.satisfaction,
    truth: x.truthSatisfaction,
    penalised: x.penalised,
    caught: x.caught,
  };
}

/** A sample of the requests waiting in unit u's queues: evenly spaced, no random draw. */
export function requestSample(
  sim: Simulation,
  u: number,
  n = 5,
): { kinds: { kind: string; waitingDays: number; overdue: boolean }[]; open: number } {
  const { tickets: T, work, clock } = sim.model;
  const day = clock.day;
  const ids: number[] = [];
  for (const q of [work.qGeneral[u], work.qComplex[u]]) for (let i = 0; i < q.length; i++) ids.push(q.at(i));
  const out: { kind: string; waitingDays: number; overdue: boolean }[] = [];
  const step = ids.length / Math.min(n, ids.length || 1);
  for (let i = 0; i < Math.min(n, ids.length); i++) {
    const t = ids[Math.floor(i * step)];
    out.push({ kind: KIND_NAMES[T.kind[t]] ?? 'consult', waitingDays: Math.max(0, day - T.fileDay[t]), overdue: T.deadline[t] < day });
  }
  return { kinds: out, open: ids.length };
}

/** The staff numbers a student plans with, from the model's state. */
export function staffOf(sim: Simulation, u: number) {
  const { work, plans, clock } = sim.model;
  const k = sim.knobsNow();
  const staff = work.staff[u];
  return {
    staff,
    regularHours: staff * k.hoursPerDay,
    overtimeHours: staff * k.maxOvertimeHours,
    lastHours: plans.hoursPerDay(u),
    fatigue: work.fatigue[u],
    upkeep: work.upkeep[u],
    tactics: {
      paid: k.gamingPaid,
      induced: k.gamingInduced,
      fake: k.gamingFake,
      appeals: k.appealExclusion && clock.day >= clock.dayOf(k.appealStart),
    },
    rankingMode: k.rankingMode,
  };
}

export function policyOf(k: Knobs): Record<TeacherPolicy, KnobValue> {
  const out = {} as Record<TeacherPolicy, KnobValue>;
  for (const p of TEACHER_POLICIES) out[p] = k[p];
  return out;
}

/** Rounds a game can have: the assessment periods left before the horizon, at the cadence in force. */
export function roundsLeft(sim: Simulation): number {
  const cadence = sim.knobsNow().cadence;
  const months = cadence === 'monthly' ? 1 : cadence === 'bimonthly' ? 2 : 3;
  return Math.floor((sim.days - sim.day) / (30.4375 * months));
}
