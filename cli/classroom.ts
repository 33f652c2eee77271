/**
 * `hotline-lab classroom`: the classroom server (issue 13). It serves the built app and a
 * WebSocket channel (the `ws` package: the standard Node implementation, RFC 6455, no native
 * build, with a hard limit on message size) on the address the teacher asks. Each room runs one
 * Simulation and advances it one assessment period per round; students' plans replace their
 * units' leaders. Every event goes to an append-only game log (JSON lines) first, so a restarted
 * server rebuilds each room by replaying its log. The server listens only where it is told and
 * opens no connection of its own.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Knobs, PeriodRecord, Simulation } from '../sim/index.ts';
import { PRESETS } from '../scenarios/presets.ts';
import {
  MAX_MESSAGE_BYTES,
  PLAN_FIELDS,
  ROOM_ALPHABET,
  ROOM_CODE_LENGTH,
  emptyPlan,
  errorMessage,
  gameRecordBase,
  newGameSimulation,
  parseClientMessage,
  periodSatisfaction,
  playRound,
  policyOf,
  requestSample,
  roundResult,
  roundsLeft,
  staffOf,
  startingPlan,
  type ClientMessage,
  type ErrorCode,
  type GameRecord,
  type GameRound,
  type Phase,
  type PolicyChange,
  type ServerMessage,
  type StudentView,
  type TeacherView,
  type UnitPlan,
  type UnitRow,
} from '../scenarios/classroom.ts';
import { UsageError } from './usage-error.ts';

const MAX_STUDENTS = 200;
/** Messages a connection may send per second before the rest are dropped (a stuck key, a script). */
const RATE_PER_SECOND = 20;

export interface ClassroomOptions {
  host: string;
  port: number;
  dataDir: string;
  distDir: string;
  /** Open a room at start (for scripts and tests). */
  preset?: string;
  seed?: number;
  units?: number;
  /** Knobs every room's world starts with (tests use a small world). */
  world?: Partial<Knobs>;
  /** A fixed teacher key (tests); otherwise kept in dataDir/teacher.key. */
  teacherKey?: string;
  log?: (line: string) => void;
  quiet?: boolean;
}

const newSecret = () => randomBytes(18).toString('base64url');
const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function roomCode(taken: (c: string) => boolean): string {
  for (;;) {
    const bytes = randomBytes(ROOM_CODE_LENGTH);
    let c = '';
    for (const b of bytes) c += ROOM_ALPHABET[b % ROOM_ALPHABET.length];
    if (!taken(c)) return c;
  }
}

interface Student {
  hash: string;
  name: string;
  unit: number;
  plan: UnitPlan;
  submitted: boolean;
  sockets: Set<WebSocket>;
}

type LogEvent =
  | { e: 'open'; code: string; preset: string; seed: number; overrides: Partial<Knobs>; at: string }
  | { e: 'join'; hash: string; unit: number; name: string }
  | { e: 'plan'; hash: string; plan: UnitPlan }
  | { e: 'policy'; knobs: PolicyChange }
  | { e: 'start' }
  | { e: 'round'; round: GameRound }
  | { e: 'reveal'; on: boolean }
  | { e: 'end' };

type Sat = ReturnType<typeof periodSatisfaction>;

/** The periods a room has played, with their district-wide satisfaction. */
class PeriodRecordList {
  private readonly recs: PeriodRecord[] = [];
  private readonly sats: Sat[] = [];
  push(rec: PeriodRecord, sat: Sat): void {
    this.recs.push(rec);
    this.sats.push(sat);
  }
  all(): readonly PeriodRecord[] {
    return this.recs;
  }
  last(): PeriodRecord | undefined {
    return this.recs[this.recs.length - 1];
  }
  previous(): PeriodRecord | undefined {
    return this.recs[this.recs.length - 2];
  }
  scores(): number[][] {
    return this.recs.map((r) => r.units.map((x) => x.score));
  }
  series(): TeacherView['series'] {
    return this.recs.map((r, i) => ({
      round: i,
      reported: this.sats[i].reported,
      truth: this.sats[i].truth,
      meanScore: r.units.reduce((a, x) => a + x.score, 0) / r.units.length,
      gamingActs: this.sats[i].gamingActs,
      caught: this.sats[i].caught,
    }));
  }
}

/** One class's game: its model, its players and its log. */
export class Room {
  readonly sim: Simulation;
  readonly record: GameRecord;
  readonly periods = new PeriodRecordList();
  phase: Phase = 'lobby';
  paused = false;
  reveal = false;
  countdownMs = 0;
  deadline: number | null = null;
  remainingWhenPaused: number | null = null;
  pendingPolicy: PolicyChange | null = null;
  readonly students = new Map<string, Student>();
  readonly teachers = new Set<WebSocket>();
  timer: ReturnType<typeof setTimeout> | null = null;
  /** Replaying the log: write nothing, send nothing. */
  private replaying = false;

  constructor(
    readonly code: string,
    readonly preset: string,
    readonly seed: number,
    overrides: Partial<Knobs>,
    private readonly logPath: string,
    private readonly onChange: (room: Room) => void,
  ) {
    const built = newGameSimulation(preset, seed, overrides);
    if (!built.ok) throw new UsageError(built.message);
    this.sim = built.sim;
    this.record = gameRecordBase(preset, built.knobs, built.timeline, seed);
  }

  get U(): number {
    return this.sim.model.world.U;
  }
  get round(): number {
    return this.record.rounds.length;
  }

  private log(ev: LogEvent): void {
    if (!this.replaying) appendFileSync(this.logPath, `${JSON.stringify(ev)}\n`);
  }

  /** Apply one logged event (from the log on resume, or just written). */
  apply(ev: LogEvent): void {
    switch (ev.e) {
      case 'open':
        break;
      case 'join': {
        const mates = [...this.students.values()].filter((x) => x.unit === ev.unit);
        // a team shares the plan its first member holds, so a late joiner does not reset it
        const plan = mates[0] ? { ...mates[0].plan } : startingPlan();
        this.students.set(ev.hash, { hash: ev.hash, name: ev.name, unit: ev.unit, plan, submitted: false, sockets: new Set() });
        this.record.players.push({ unit: ev.unit, name: ev.name });
        break;
      }
      case 'plan': {
        const s = this.students.get(ev.hash);
        if (s) {
          s.plan = ev.plan;
          s.submitted = true;
        }
        break;
      }
      case 'policy':
        this.pendingPolicy = { ...(this.pendingPolicy ?? {}), ...ev.knobs };
        break;
      case 'start':
        if (this.phase === 'lobby') this.phase = 'choosing';
        break;
      case 'round': {
        const rec = playRound(this.sim, ev.round);
        this.record.rounds.push(ev.round);
        this.pendingPolicy = null;
        for (const s of this.students.values()) s.submitted = false;
        if (rec) this.periods.push(rec, periodSatisfaction(this.sim, rec));
        if (!rec || this.sim.done || roundsLeft(this.sim) < 1) this.phase = 'ended';
        this.record.summary = this.sim.summary();
        this.record.scores = this.periods.scores();
        break;
      }
      case 'reveal':
        this.reveal = ev.on;
        break;
      case 'end':
        this.phase = 'ended';
        break;
    }
  }

  /** Rebuild from the log's events (after the 'open' line). */
  replay(events: LogEvent[]): void {
    this.replaying = true;
    try {
      for (const ev of events) this.apply(ev);
    } finally {
      this.replaying = false;
    }
  }

  do(ev: LogEvent): void {
    this.log(ev);
    this.apply(ev);
  }

  join(name: string): { secret: string; student: Student } | null {
    if (this.students.size >= MAX_STUDENTS) return null;
    const secret = newSecret();
    const hash = hashOf(secret);
    // units in turn; once every unit has a player, students share units as teams
    const unit = this.students.size % this.U;
    this.do({ e: 'join', hash, unit, name: name || `#${this.students.size + 1}` });
    const student = this.students.get(hash);
    return student ? { secret, student } : null;
  }

  studentBySecret(secret: string): Student | undefined {
    const h = hashOf(secret);
    const s = this.students.get(h);
    return s && sameSecret(s.hash, h) ? s : undefined;
  }

  /** The plan a unit plays this round: its team members' plans averaged, in joining order. */
  unitPlans(): [number, UnitPlan][] {
    const byUnit = new Map<number, UnitPlan[]>();
    for (const s of this.students.values()) {
      const l = byUnit.get(s.unit) ?? [];
      l.push(s.plan);
      byUnit.set(s.unit, l);
    }
    return [...byUnit.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([u, plans]) => {
        const p = emptyPlan();
        for (const f of PLAN_FIELDS) p[f] = plans.reduce((a, x) => a + x[f], 0) / plans.length;
        return [u, p];
      });
  }

  advance(): void {
    this.clearTimer();
    const round: GameRound = { round: this.round, plans: this.unitPlans() };
    if (this.pendingPolicy) round.policy = this.pendingPolicy;
    this.do({ e: 'round', round });
    if (this.phase === 'choosing') this.armTimer();
  }

  clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.deadline = null;
  }

  armTimer(ms = this.countdownMs): void {
    this.clearTimer();
    if (ms <= 0 || this.paused || this.phase !== 'choosing') return;
    this.deadline = Date.now() + ms;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.phase === 'choosing' && !this.paused) {
        this.advance();
        this.onChange(this);
      }
    }, ms);
  }

  remainingMs(): number | null {
    if (this.paused) return this.remainingWhenPaused;
    return this.deadline === null ? null : Math.max(0, this.deadline - Date.now());
  }

  lastPeriodDates(): { start: string; end: string } | null {
    const last = this.periods.last();
    return last ? { start: last.startDate, end: last.endDate } : null;
  }

  studentView(s: Student): StudentView {
    const sample = requestSample(this.sim, s.unit);
    const team = [...this.students.values()].filter((x) => x.unit === s.unit).length;
    return {
      room: this.code,
      phase: this.phase,
      paused: this.paused,
      round: this.round,
      remainingMs: this.remainingMs(),
      unit: s.unit,
      teamSize: team,
      name: s.name,
      period: this.lastPeriodDates(),
      history: this.periods.all().map((rec, i) => roundResult(rec, i, s.unit)),
      requests: sample.kinds,
      openTickets: sample.open,
      ...staffOf(this.sim, s.unit),
      plan: s.plan,
      submitted: s.submitted,
    };
  }

  teacherView(join: string): TeacherView {
    const last = this.periods.last();
    const prev = this.periods.previous();
    const rows: UnitRow[] = [];
    const ended = this.phase === 'ended';
    const show = this.reveal || ended;
    for (let u = 0; u < this.U; u++) {
      const team = [...this.students.values()].filter((x) => x.unit === u);
      const x = last?.units[u];
      rows.push({
        unit: u,
        players: team.map((t) => t.name),
        connected: team.reduce((a, t) => a + (t.sockets.size > 0 ? 1 : 0), 0),
        submitted: team.length > 0 && team.every((t) => t.submitted),
        score: x ? x.score : null,
        rank: x ? x.rank : null,
        grade: x ? x.grade : null,
        previousRank: prev ? prev.units[u].rank : null,
        reported: x ? x.satisfaction : null,
        truth: x ? x.truthSatisfaction : null,
        gaming: show && x ? x.gamingIntensity : null,
        caught: show && x ? x.caught : null,
        audited: show && x ? x.audited : null,
      });
    }
    return {
      room: this.code,
      preset: this.preset,
      seed: this.seed,
      phase: this.phase,
      paused: this.paused,
      round: this.round,
      rounds: this.round + roundsLeft(this.sim),
      remainingMs: this.remainingMs(),
      countdownSeconds: Math.round(this.countdownMs / 1000),
      reveal: this.reveal,
      units: rows,
      students: this.students.size,
      series: this.periods.series(),
      policy: { ...policyOf(this.sim.knobsNow()), ...(this.pendingPolicy ?? {}) },
      plans: show ? this.record.rounds.flatMap((r) => r.plans.map(([unit, plan]) => ({ round: r.round, unit, plan }))) : null,
      period: this.lastPeriodDates(),
      join,
    };
  }
}

// ---------------------------------------------------------------- the server

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ClassroomServer {
  server: Server;
  url: string;
  teacherUrl: string;
  teacherKey: string;
  rooms: Map<string, Room>;
  close(): Promise<void>;
}

/** Addresses students can reach: the asked host, or every LAN IPv4 address when listening on all. */
function reachable(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host];
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  return out.length ? out : ['127.0.0.1'];
}

function ensureBuilt(distDir: string, log: (s: string) => void): void {
  if (existsSync(join(distDir, 'index.html'))) return;
  log(`building the app into ${distDir} (once) / 正在构建应用（仅一次）…`);
  const root = resolve(import.meta.dirname, '..');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--outDir', distDir, '--emptyOutDir'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new UsageError(`could not build the app (vite build failed) / 应用构建失败`);
}

export async function startClassroom(opts: ClassroomOptions): Promise<ClassroomServer> {
  const log = opts.log ?? ((s: string) => process.stderr.write(`[classroom ${new Date().toISOString()}] ${s}\n`));
  const distDir = resolve(opts.distDir);
  const dataDir = resolve(opts.dataDir);
  ensureBuilt(distDir, log);
  mkdirSync(dataDir, { recursive: true });
  const keyFile = join(dataDir, 'teacher.key');
  const teacherKey = opts.teacherKey ?? (existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : newSecret());
  if (!opts.teacherKey && !existsSync(keyFile)) writeFileSync(keyFile, `${teacherKey}\n`, { mode: 0o600 });

  const rooms = new Map<string, Room>();
  const bound = new WeakMap<WebSocket, { room: Room; student?: Student; teacher?: boolean }>();
  const teacherSockets = new Set<WebSocket>();

  const send = (ws: WebSocket, m: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
  };
  let joinBase = '';
  const joinUrl = (room: Room) => `${joinBase}/?classroom=${room.code}&role=student`;
  const broadcast = (room: Room) => {
    for (const s of room.students.values()) {
      if (s.sockets.size === 0) continue;
      const m: ServerMessage = { v: 1, type: 'student', view: room.studentView(s) };
      const text = JSON.stringify(m);
      for (const ws of s.sockets) if (ws.readyState === ws.OPEN) ws.send(text);
    }
    const tv = room.teacherView(joinUrl(room));
    for (const ws of room.teachers) send(ws, { v: 1, type: 'teacher', view: tv, rooms: [...rooms.keys()] });
  };

  const openRoom = (preset: string, seed: number, overrides: Partial<Knobs>, code?: string): Room => {
    const c = code ?? roomCode((x) => rooms.has(x) || existsSync(join(dataDir, `${x}.jsonl`)));
    const path = join(dataDir, `${c}.jsonl`);
    const room = new Room(c, preset, seed, overrides, path, broadcast);
    if (!code) appendFileSync(path, `${JSON.stringify({ e: 'open', code: c, preset, seed, overrides, at: new Date().toISOString() })}\n`);
    rooms.set(c, room);
    return room;
  };

  // resume every room from its log
  for (const f of readdirSync(dataDir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    const path = join(dataDir, f);
    const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
    const events: LogEvent[] = [];
    for (const [i, line] of lines.entries()) {
      try {
        events.push(JSON.parse(line) as LogEvent);
      } catch {
        log(`${f}: line ${i + 1} is not JSON (a write cut short?): skipped`);
      }
    }
    const open = events[0];
    if (open?.e !== 'open') {
      log(`${f}: no 'open' line: not a game log, skipped`);
      continue;
    }
    try {
      const room = openRoom(open.preset, open.seed, open.overrides ?? {}, open.code);
      room.replay(events.slice(1));
      log(`room ${room.code} resumed from its log: round ${room.round}, ${room.students.size} students`);
    } catch (e) {
      log(`${f}: could not resume: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (opts.preset) {
    const room = openRoom(opts.preset, opts.seed ?? 1, { ...opts.world, ...(opts.units ? { units: opts.units } : {}) });
    log(`room ${room.code} opened: ${opts.preset}, seed ${room.seed}`);
  }

  const serveFile = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const headers = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-cache' };
    const game = /^\/classroom\/([A-Z0-9]{5})\/game\.json$/.exec(url.pathname);
    if (game) {
      // the teacher's page downloads with POST (its service worker would answer a GET from cache)
      if (req.method !== 'GET' && req.method !== 'POST') {
        res.writeHead(405, headers).end();
        return;
      }
      const room = rooms.get(game[1]);
      const key = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      if (!room || !sameSecret(key, teacherKey)) {
        res.writeHead(room ? 403 : 404, headers).end();
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(room.record, null, 1));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, headers).end();
      return;
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(distDir, rel));
    if (!file.startsWith(distDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found / 未找到\n');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  };

  const server = createServer(serveFile);
  const wss = new WebSocketServer({
    server,
    path: '/ws',
    maxPayload: MAX_MESSAGE_BYTES,
    // a page of this server only: a foreign site cannot drive a student's browser into the room
    verifyClient: ({ origin, req }: { origin: string; req: IncomingMessage }) => {
      if (!origin) return true;
      try {
        return new URL(origin).host === req.headers.host;
      } catch {
        return false;
      }
    },
  });

  const refuse = (ws: WebSocket, code: ErrorCode, detail: string, who: string) => {
    log(`refused from ${who}: ${code}${detail ? ` (${detail.slice(0, 120)})` : ''}`);
    send(ws, errorMessage(code, detail));
  };

  const handle = (ws: WebSocket, m: ClientMessage, who: string) => {
    const b = bound.get(ws);
    switch (m.type) {
      case 'join': {
        const room = rooms.get(m.room);
        if (!room) return refuse(ws, 'no-room', '', who);
        let student = m.secret ? room.studentBySecret(m.secret) : undefined;
        let secret = m.secret;
        if (!student) {
          if (m.secret) log(`${who}: a secret not of room ${room.code}: a new seat`);
          const j = room.join(m.name ?? '');
          if (!j) return refuse(ws, 'room-full', '', who);
          student = j.student;
          secret = j.secret;
        }
        if (b?.student) b.student.sockets.delete(ws);
        student.sockets.add(ws);
        bound.set(ws, { room, student });
        send(ws, { v: 1, type: 'joined', room: room.code, secret: secret ?? '', unit: student.unit });
        broadcast(room);
        return;
      }
      case 'plan': {
        if (!b?.student) return refuse(ws, 'not-joined', '', who);
        if (b.room.phase === 'ended') return refuse(ws, 'not-now', '', who);
        b.room.do({ e: 'plan', hash: b.student.hash, plan: m.plan });
        broadcast(b.room);
        return;
      }
      case 'teacher': {
        if (!sameSecret(m.key, teacherKey)) return refuse(ws, 'bad-key', '', who);
        for (const r of rooms.values()) r.teachers.delete(ws);
        teacherSockets.add(ws);
        const room = m.room ? rooms.get(m.room) : undefined;
        if (m.room && !room) refuse(ws, 'no-room', '', who);
        if (room) {
          room.teachers.add(ws);
          bound.set(ws, { room, teacher: true });
          broadcast(room);
        } else {
          bound.delete(ws);
          send(ws, { v: 1, type: 'teacher', view: null, rooms: [...rooms.keys()] });
        }
        return;
      }
      case 'open': {
        if (!teacherSockets.has(ws)) return refuse(ws, 'not-teacher', '', who);
        if (!PRESETS[m.preset]) return refuse(ws, 'bad-preset', m.preset, who);
        let room: Room;
        try {
          room = openRoom(m.preset, m.seed, { ...opts.world, ...(m.units ? { units: m.units } : {}) });
        } catch (e) {
          return refuse(ws, 'bad-knob', e instanceof Error ? e.message : String(e), who);
        }
        log(`room ${room.code} opened: ${m.preset}, seed ${m.seed}; students join at ${joinUrl(room)}`);
        for (const r of rooms.values()) r.teachers.delete(ws);
        room.teachers.add(ws);
        bound.set(ws, { room, teacher: true });
        broadcast(room);
        return;
      }
      case 'control': {
        if (!b?.teacher) return refuse(ws, 'not-teacher', '', who);
        const room = b.room;
        if (m.countdown !== undefined) room.countdownMs = m.countdown * 1000;
        switch (m.action) {
          case 'start':
            if (room.phase !== 'lobby') return refuse(ws, 'not-now', '', who);
            room.do({ e: 'start' });
            room.armTimer();
            break;
          case 'pause':
            if (room.paused) break;
            room.remainingWhenPaused = room.remainingMs();
            room.clearTimer();
            room.paused = true;
            break;
          case 'resume':
            if (!room.paused) {
              room.armTimer();
              break;
            }
            room.paused = false;
            room.armTimer(room.remainingWhenPaused ?? room.countdownMs);
            room.remainingWhenPaused = null;
            break;
          case 'advance':
            if (room.phase !== 'choosing') return refuse(ws, 'not-now', '', who);
            room.advance();
            break;
          case 'reveal':
          case 'hide':
            room.do({ e: 'reveal', on: m.action === 'reveal' });
            break;
          case 'end':
            room.clearTimer();
            room.do({ e: 'end' });
            break;
        }
        broadcast(room);
        return;
      }
      case 'policy': {
        if (!b?.teacher) return refuse(ws, 'not-teacher', '', who);
        if (b.room.phase === 'ended') return refuse(ws, 'not-now', '', who);
        b.room.do({ e: 'policy', knobs: m.knobs });
        broadcast(b.room);
        return;
      }
    }
  };

  let connections = 0;
  wss.on('connection', (ws, req) => {
    const who = `${req.socket.remoteAddress ?? '?'}#${++connections}`;
    let windowStart = Date.now();
    let count = 0;
    ws.on('error', (e: Error & { code?: string }) =>
      log(
        e.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
          ? `${who}: a message larger than ${MAX_MESSAGE_BYTES} bytes refused; connection closed`
          : `${who}: connection error: ${e.message}`,
      ),
    );
    ws.on('message', (data, isBinary) => {
      const now = Date.now();
      if (now - windowStart > 1000) {
        windowStart = now;
        count = 0;
      }
      if (++count > RATE_PER_SECOND) {
        if (count === RATE_PER_SECOND + 1) log(`${who}: more than ${RATE_PER_SECOND} messages a second: dropping`);
        return;
      }
      if (isBinary) return refuse(ws, 'bad-message', 'binary', who);
      const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
      const p = parseClientMessage(text);
      if (!p.ok) return refuse(ws, p.code, p.detail, who);
      try {
        handle(ws, p.value, who);
      } catch (e) {
        // one bad message must never take the room down
        log(`${who}: internal error on ${p.value.type}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        send(ws, errorMessage('bad-message', 'internal error'));
      }
    });
    ws.on('close', () => {
      const b = bound.get(ws);
      teacherSockets.delete(ws);
      if (b) {
        b.student?.sockets.delete(ws);
        b.room.teachers.delete(ws);
        broadcast(b.room);
      }
    });
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(new UsageError(`cannot listen on ${opts.host}:${opts.port}: ${e.code ?? e.message} / 无法在该地址监听`)),
    );
    server.listen(opts.port, opts.host, () => ok());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  const hosts = reachable(opts.host);
  joinBase = `http://${hosts[0].includes(':') ? `[${hosts[0]}]` : hosts[0]}:${port}`;
  const local = `http://${opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : hosts[0]}:${port}`;
  const teacherUrl = `${local}/?classroom=teacher&role=teacher#key=${teacherKey}`;
  if (!opts.quiet) {
    const lines = [
      `Hotline Lab classroom / 热线实验室课堂`,
      `  Teacher (this computer, keep the key private) / 教师（本机，密钥勿外传）:`,
      `    ${teacherUrl}`,
      `  Students join at / 学生加入地址: ${hosts.map((h) => `http://${h}:${port}/?classroom=ROOM`).join('  ')}`,
      ...[...rooms.values()].map((r) => `  Room / 房间 ${r.code}: ${joinUrl(r)}`),
      `  Game logs / 游戏记录: ${dataDir}`,
      `  Ctrl+C stops the server; a restart resumes every room / Ctrl+C 停止；重启后自动恢复房间`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return {
    server,
    url: local,
    teacherUrl,
    teacherKey,
    rooms,
    close: () =>
      new Promise<void>((ok) => {
        for (const r of rooms.values()) r.clearTimer();
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/** `hotline-lab classroom [--host H] [--port N] [--data DIR] [--preset P --seed N --units N]` */
export async function classroomCommand(opts: Map<string, string[]>): Promise<number> {
  const one = (n: string) => opts.get(n)?.[0];
  const host = one('host') ?? '0.0.0.0';
  if (!/^[0-9A-Za-z.:-]{1,64}$/.test(host)) throw new UsageError(`--host '${host}' is not a host name or address / 不是有效的主机地址`);
  const portText = one('port') ?? '8345';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port '${portText}' must be an integer from 0 to 65535 / 端口必须是 0 到 65535 的整数`);
  const preset = one('preset');
  if (preset !== undefined && !PRESETS[preset])
    throw new UsageError(`--preset '${preset}' is not a preset (see hotline-lab presets) / 没有这个预设`);
  const seedText = one('seed');
  const seed = seedText === undefined ? 1 : Number(seedText);
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32)
    throw new UsageError(`--seed '${seedText}' must be an integer from 0 to 4294967295 / 种子必须是 0 到 4294967295 的整数`);
  const unitsText = one('units');
  const units = unitsText === undefined ? undefined : Number(unitsText);
  if (units !== undefined && (!Number.isInteger(units) || units < 1 || units > 200))
    throw new UsageError(`--units '${unitsText}' must be an integer from 1 to 200 / 单位数必须是 1 到 200 的整数`);
  const srv = await startClassroom({
    host,
    port,
    dataDir: one('data') ?? 'classroom-games',
    distDir: one('dist') ?? join(resolve(import.meta.dirname, '..'), 'dist'),
    preset,
    seed,
    units,
  });
  await new Promise<void>((ok) => {
    const stop = () => {
      void srv.close().then(ok);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
