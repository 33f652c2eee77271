// The classroom (issue 13): the protocol refuses what it should, one student cannot act for
// another, a restarted server resumes its rooms from the log, and a game replays bit for bit.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClassroom, type ClassroomServer } from '../../cli/classroom.ts';
import { ScriptedClient, isType } from '../../cli/classroom-client.ts';
import { replayCommand } from '../../cli/replay.ts';
import {
  MAX_MESSAGE_BYTES,
  checkGameRecord,
  cleanName,
  compareReplay,
  emptyPlan,
  parseClientMessage,
  replayGame,
  type GameRecord,
  type StudentView,
} from '../../scenarios/classroom.ts';

const WORLD = { residents: 12000, cells: 12, units: 6, departments: 2, burnInDays: 60, horizonDays: 730 };
const KEY = 'teacher-key-for-tests-0123456789';

describe('protocol', () => {
  const ok = (m: unknown) => parseClientMessage(JSON.stringify(m));
  it('accepts well-formed messages', () => {
    expect(ok({ v: 1, type: 'join', room: 'ABCDE' }).ok).toBe(true);
    expect(ok({ v: 1, type: 'plan', plan: { ...emptyPlan(), paid: 0.5 } }).ok).toBe(true);
    expect(ok({ v: 1, type: 'policy', knobs: { cadence: 'quarterly', auditRate: 0.3 } }).ok).toBe(true);
    expect(ok({ v: 1, type: 'control', action: 'advance', countdown: 60 }).ok).toBe(true);
  });
  it.each([
    ['not JSON', '{"v":1,', 'not-json'],
    ['an array', '[1,2]', 'bad-message'],
    ['another version', JSON.stringify({ v: 2, type: 'join', room: 'ABCDE' }), 'bad-version'],
    ['an unknown type', JSON.stringify({ v: 1, type: 'hack' }), 'bad-message'],
    ['an extra field', JSON.stringify({ v: 1, type: 'plan', plan: emptyPlan(), unit: 3 }), 'bad-message'],
    ['a plan share above 1', JSON.stringify({ v: 1, type: 'plan', plan: { ...emptyPlan(), fake: 1.5 } }), 'bad-message'],
    ['a plan without a field', JSON.stringify({ v: 1, type: 'plan', plan: { paid: 0 } }), 'bad-message'],
    ['a plan field that is text', JSON.stringify({ v: 1, type: 'plan', plan: { ...emptyPlan(), paid: '1' } }), 'bad-message'],
    ['a room code of the wrong form', JSON.stringify({ v: 1, type: 'join', room: 'abc' }), 'no-room'],
    ['a short secret', JSON.stringify({ v: 1, type: 'join', room: 'ABCDE', secret: 'x' }), 'bad-secret'],
    ['a policy that is not a classroom policy', JSON.stringify({ v: 1, type: 'policy', knobs: { residents: 5 } }), 'bad-knob'],
    ['a policy value out of range', JSON.stringify({ v: 1, type: 'policy', knobs: { auditRate: 2 } }), 'bad-knob'],
    ['a countdown too long', JSON.stringify({ v: 1, type: 'control', action: 'start', countdown: 99999 }), 'bad-message'],
    ['an oversized message', JSON.stringify({ v: 1, type: 'join', room: 'ABCDE', name: 'x'.repeat(MAX_MESSAGE_BYTES) }), 'too-large'],
  ])('refuses %s', (_, text, code) => {
    const p = parseClientMessage(text);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.code).toBe(code);
  });
  it('cleans names of control and direction characters', () => {
    expect(cleanName(' Li\u202eMing\u0007 ')).toBe('LiMing');
  });
});

describe('server', () => {
  let dir: string;
  let dist: string;
  let srv: ClassroomServer;
  const logs: string[] = [];
  const wsUrl = () => `${srv.url.replace('http', 'ws')}/ws`;
  const start = () =>
    startClassroom({
      host: '127.0.0.1',
      port: 0,
      dataDir: dir,
      distDir: dist,
      teacherKey: KEY,
      world: WORLD,
      quiet: true,
      log: (l) => logs.push(l),
    });
  const client = async () => {
    const c = new ScriptedClient(wsUrl());
    await c.opened;
    return c;
  };
  const studentView = (c: ScriptedClient, round: number) =>
    c.next((m): m is { v: 1; type: 'student'; view: StudentView } => m.type === 'student' && m.view.round === round);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hl-classroom-'));
    dist = mkdtempSync(join(tmpdir(), 'hl-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>t</title>');
    srv = await start();
  });
  afterAll(async () => {
    await srv.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(dist, { recursive: true, force: true });
  });

  let room = '';
  const secrets: string[] = [];

  it('serves the app and nothing outside it', async () => {
    expect((await fetch(`${srv.url}/`)).status).toBe(200);
    expect((await fetch(`${srv.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    expect((await fetch(`${srv.url}/classroom/ABCDE/game.json`)).status).toBe(404);
  });

  it('a teacher with the key opens a room; without it, nothing', async () => {
    const bad = await client();
    bad.send({ v: 1, type: 'teacher', key: 'wrong-key-wrong-key-0000' });
    expect((await bad.next(isType('error'))).code).toBe('bad-key');
    bad.send({ v: 1, type: 'open', preset: 'baseline', seed: 3 });
    expect((await bad.next(isType('error'))).code).toBe('not-teacher');
    bad.close();
    const t = await client();
    t.send({ v: 1, type: 'teacher', key: KEY });
    await t.next(isType('teacher'));
    t.send({ v: 1, type: 'open', preset: 'baseline', seed: 3 });
    const view = (await t.next((m): m is Extract<typeof m, { type: 'teacher' }> => m.type === 'teacher' && m.view !== null)).view;
    room = view?.room ?? '';
    expect(room).toMatch(/^[A-Z0-9]{5}$/);
    expect(view?.units).toHaveLength(6);
    t.close();
  });

  it('students get their own units and secrets; a secret gets its seat back', async () => {
    const a = await client();
    const b = await client();
    a.send({ v: 1, type: 'join', room, name: 'Ann' });
    const ja = await a.next(isType('joined'));
    b.send({ v: 1, type: 'join', room, name: 'Bo' });
    const jb = await b.next(isType('joined'));
    expect(ja.unit).not.toBe(jb.unit);
    expect(ja.secret).not.toBe(jb.secret);
    secrets.push(ja.secret, jb.secret);
    a.close();
    await a.closed;
    const again = await client();
    again.send({ v: 1, type: 'join', room, secret: ja.secret });
    const j2 = await again.next(isType('joined'));
    expect(j2.unit).toBe(ja.unit);
    // a made-up secret is no one's: it gets a new seat, not someone else's unit
    const stranger = await client();
    stranger.send({ v: 1, type: 'join', room, secret: 'made-up-secret-made-up-secret' });
    const js = await stranger.next(isType('joined'));
    expect([ja.unit, jb.unit]).not.toContain(js.unit);
    again.close();
    b.close();
    stranger.close();
  });

  it('a malformed or oversized message is refused and logged, and the room goes on', async () => {
    const c = await client();
    c.send('{"v":1,"type":');
    expect((await c.next(isType('error'))).code).toBe('not-json');
    c.send({ v: 1, type: 'plan', plan: emptyPlan() });
    expect((await c.next(isType('error'))).code).toBe('not-joined');
    c.send('x'.repeat(MAX_MESSAGE_BYTES + 10));
    expect(await c.closed).toBe(1009);
    expect(logs.some((l) => l.includes('not-json'))).toBe(true);
    expect(logs.some((l) => l.includes('larger than'))).toBe(true);
    // the server still answers
    const d = await client();
    d.send({ v: 1, type: 'join', room, secret: secrets[1] });
    expect((await d.next(isType('joined'))).room).toBe(room);
    d.close();
  });

  it('plays rounds with the plans; one who does not choose keeps the last plan; a restart resumes', async () => {
    const t = await client();
    t.send({ v: 1, type: 'teacher', key: KEY, room });
    await t.next(isType('teacher'));
    const a = await client();
    a.send({ v: 1, type: 'join', room, secret: secrets[0] });
    const unitA = (await a.next(isType('joined'))).unit;
    t.send({ v: 1, type: 'control', action: 'start' });
    await studentView(a, 0);
    const gaming = { ...emptyPlan(), longterm: 0.4, paid: 1, fake: 0.5 };
    a.send({ v: 1, type: 'plan', plan: gaming });
    await a.next((m): m is Extract<typeof m, { type: 'student' }> => m.type === 'student' && m.view.submitted);
    t.send({ v: 1, type: 'policy', knobs: { auditRate: 1 } });
    t.send({ v: 1, type: 'control', action: 'advance' });
    const v1 = (await studentView(a, 1)).view;
    expect(v1.history).toHaveLength(1);
    expect(v1.lastHours?.gaming).toBeGreaterThan(0);
    // round 2: A sends nothing and keeps the plan
    t.send({ v: 1, type: 'control', action: 'advance' });
    await studentView(a, 2);
    const r = srv.rooms.get(room);
    if (!r) throw new Error('room gone');
    expect(r.record.rounds[0].policy).toEqual({ auditRate: 1 });
    expect(r.record.rounds[0].plans.find(([u]) => u === unitA)?.[1]).toEqual(gaming);
    expect(r.record.rounds[1].plans.find(([u]) => u === unitA)?.[1]).toEqual(gaming);
    const before = JSON.stringify(r.record);
    a.close();
    t.close();
    await srv.close();
    srv = await start();
    const resumed = srv.rooms.get(room);
    expect(resumed?.round).toBe(2);
    expect(JSON.stringify(resumed?.record)).toBe(before);
    // and the student's secret still holds the seat
    const a2 = await client();
    a2.send({ v: 1, type: 'join', room, secret: secrets[0] });
    expect((await a2.next(isType('joined'))).unit).toBe(unitA);
    a2.close();
  });

  it('the downloaded game replays bit for bit, from the API and from the command line', async () => {
    const res = await fetch(`${srv.url}/classroom/${room}/game.json`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(res.status).toBe(200);
    expect((await fetch(`${srv.url}/classroom/${room}/game.json`, { headers: { authorization: 'Bearer nope' } })).status).toBe(403);
    // the teacher's page downloads with POST, which the app's service worker leaves to the network
    const posted = await fetch(`${srv.url}/classroom/${room}/game.json`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` } });
    expect(posted.status).toBe(200);
    const game = (await res.json()) as GameRecord;
    expect(await posted.json()).toEqual(game);
    expect(JSON.stringify(game)).not.toContain(secrets[0]);
    const checked = checkGameRecord(game);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const replay = replayGame(checked.game);
    expect(compareReplay(checked.game, replay)).toEqual([]);
    expect(replay.scores).toEqual(game.scores);
    const file = join(dir, 'game.json');
    writeFileSync(file, JSON.stringify(game));
    expect(await replayCommand([file])).toBe(0);
    // a changed plan changes the numbers, and replay says so
    const tampered = JSON.parse(readFileSync(file, 'utf8')) as GameRecord;
    tampered.rounds[0].plans[0][1].longterm = 0.9;
    tampered.rounds[0].plans[0][1].paid = 0;
    writeFileSync(file, JSON.stringify(tampered));
    expect(await replayCommand([file])).toBe(1);
  });

  it('the committed sample game (60 students, 3 rounds) replays bit for bit', async () => {
    const checked = checkGameRecord(JSON.parse(readFileSync(new URL('../../docs/classroom/sample-game.json', import.meta.url), 'utf8')));
    if (!checked.ok) throw new Error(checked.problems.join('; '));
    expect(checked.game.players).toHaveLength(60);
    expect(checked.game.rounds).toHaveLength(3);
    expect(checked.game.summary, 'the sample records what the class saw').toBeTruthy();
    expect(compareReplay(checked.game, replayGame(checked.game))).toEqual([]);
  });

  it('a countdown runs the round by itself; a pause holds it', async () => {
    const t = await client();
    t.send({ v: 1, type: 'teacher', key: KEY });
    await t.next(isType('teacher'));
    t.send({ v: 1, type: 'open', preset: 'baseline', seed: 5 });
    const code =
      (await t.next((m): m is Extract<typeof m, { type: 'teacher' }> => m.type === 'teacher' && m.view !== null)).view?.room ?? '';
    const a = await client();
    a.send({ v: 1, type: 'join', room: code, name: 'Cy' });
    await a.next(isType('joined'));
    t.send({ v: 1, type: 'control', action: 'start', countdown: 1 });
    const v0 = (await studentView(a, 0)).view;
    expect(v0.remainingMs).toBeGreaterThan(0);
    expect(v0.remainingMs).toBeLessThanOrEqual(1000);
    // a teacher who reloads gets the room's countdown back (the page used to show 0 and send it back)
    const t2 = await client();
    t2.send({ v: 1, type: 'teacher', key: KEY, room: code });
    const back = await t2.next((m): m is Extract<typeof m, { type: 'teacher' }> => m.type === 'teacher' && m.view !== null);
    expect(back.view?.countdownSeconds).toBe(1);
    t2.close();
    // nobody presses anything: the round runs when the second is up
    const v1 = (await a.next((m): m is Extract<typeof m, { type: 'student' }> => m.type === 'student' && m.view.round === 1, 10_000)).view;
    expect(v1.history).toHaveLength(1);
    t.send({ v: 1, type: 'control', action: 'pause' });
    const paused = (await a.next((m): m is Extract<typeof m, { type: 'student' }> => m.type === 'student' && m.view.paused)).view;
    await new Promise((ok) => setTimeout(ok, 1500));
    expect(srv.rooms.get(code)?.round).toBe(1);
    expect(paused.remainingMs).not.toBeNull();
    t.send({ v: 1, type: 'control', action: 'resume' });
    await a.next((m): m is Extract<typeof m, { type: 'student' }> => m.type === 'student' && m.view.round === 2, 10_000);
    t.send({ v: 1, type: 'control', action: 'end' });
    await a.next((m): m is Extract<typeof m, { type: 'student' }> => m.type === 'student' && m.view.phase === 'ended');
    a.close();
    t.close();
  });
});
