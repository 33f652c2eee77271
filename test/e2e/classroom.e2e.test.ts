// The classroom in Chromium (issue 13): the classroom server on the loopback serves the built app;
// a teacher (1920 x 1080) and five students (phones, 390 x 844) play a short game: two make
// choices, three join and follow, each on a street of their own. One student
// reloads and one loses the connection, and both get their units back; the teacher reloads and
// gets the room back; the downloaded game replays bit for bit. Screenshots of both views in both
// languages go to test-results/screenshots/ for people to look at.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startClassroom, type ClassroomServer } from '../../cli/classroom.ts';
import { checkGameRecord, compareReplay, replayGame, type GameRecord } from '../../scenarios/classroom.ts';
import { launch, SCREENSHOTS, type Launched } from './browser.ts';

const KEY = 'e2e-teacher-key-0123456789abcdef';
const WORLD = { residents: 12000, cells: 12, units: 5, departments: 2, burnInDays: 60, horizonDays: 400 };

describe('classroom', () => {
  let chrome: Launched;
  let srv: ClassroomServer;
  let data: string;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), 'hl-classroom-e2e-'));
    srv = await startClassroom({
      host: '127.0.0.1',
      port: 0,
      dataDir: data,
      distDir: inject('distDir'),
      teacherKey: KEY,
      world: WORLD,
      quiet: true,
      log: () => {},
    });
    chrome = await launch();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await chrome?.close();
    await srv?.close();
    rmSync(data, { recursive: true, force: true });
  });

  async function page(viewport: { width: number; height: number }, mobile: boolean): Promise<Page> {
    const ctx = await chrome.browser.newContext({
      viewport,
      isMobile: mobile,
      hasTouch: mobile,
      deviceScaleFactor: 1,
      serviceWorkers: 'block',
    });
    contexts.push(ctx);
    const p = await ctx.newPage();
    p.on('pageerror', (e) => errors.push(e.message));
    return p;
  }

  const round = (p: Page) => p.getByTestId('round').textContent();

  test('a teacher and five students play a short game', async () => {
    // --- the teacher opens a room; the key leaves the address bar
    const teacher = await page({ width: 1920, height: 1080 }, false);
    await teacher.goto(srv.teacherUrl);
    await teacher.getByTestId('open-room').waitFor();
    expect(teacher.url()).not.toContain(KEY);
    await teacher.getByTestId('preset').selectOption('baseline');
    await teacher.getByTestId('open-room').click();
    const code = ((await teacher.getByTestId('room-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z0-9]{5}$/);
    await expect.poll(() => teacher.getByTestId('qr').count()).toBe(1);
    const joinUrl = ((await teacher.getByTestId('join-url').textContent()) ?? '').trim();
    expect(joinUrl).toContain(`classroom=${code}`);

    // --- two students join from their phones (the QR code's address)
    const ann = await page({ width: 390, height: 844 }, true);
    const bo = await page({ width: 390, height: 844 }, true);
    const others = [
      await page({ width: 390, height: 844 }, true),
      await page({ width: 390, height: 844 }, true),
      await page({ width: 390, height: 844 }, true),
    ];
    await ann.goto(joinUrl);
    await ann.getByTestId('join').waitFor();
    await ann.screenshot({ path: join(SCREENSHOTS, 'classroom-student-join-en.png') });
    for (const [p, name] of [
      [ann, 'Ann'],
      [bo, 'Bo'],
      [others[0], 'Cai'],
      [others[1], 'Dee'],
      [others[2], 'Eli'],
    ] as const) {
      if (p !== ann) await p.goto(joinUrl);
      await p.getByTestId('name-input').fill(name);
      await p.getByTestId('join').click();
      await p.getByTestId('unit').waitFor();
      await p.getByTestId('lobby').waitFor();
    }
    const annUnit = await ann.getByTestId('unit').textContent();
    const boUnit = await bo.getByTestId('unit').textContent();
    expect(annUnit).not.toBe(boUnit);
    await expect.poll(() => teacher.getByTestId('ranking').textContent()).toContain('Eli');
    // five students on five streets (the world has five): each a street of their own
    const units = new Set(await Promise.all([ann, bo, ...others].map((p) => p.getByTestId('unit').textContent())));
    expect(units.size).toBe(5);

    // --- round 1: Ann games hard, Bo keeps the starting plan; the teacher audits every unit
    await teacher.getByTestId('start').click();
    await expect.poll(() => round(ann)).toContain('Round 1');
    await ann.getByTestId('plan-paid').fill('100');
    await ann.getByTestId('plan-fake').fill('100');
    await ann.getByTestId('plan-longterm').fill('0');
    await ann.getByTestId('submit').click();
    await expect.poll(() => ann.getByTestId('submit-status').textContent()).toContain('Plan sent');
    await expect.poll(() => teacher.getByTestId('plans-in').textContent()).toContain('1 / 5');
    await teacher.getByTestId('pol-auditRate').fill('1');
    await teacher.getByTestId('pol-auditRate').dispatchEvent('change');
    await expect.poll(() => teacher.getByTestId('pol-auditRate').inputValue()).toBe('1');
    await teacher.getByTestId('advance').click();
    await expect.poll(() => round(ann)).toContain('Round 2');
    for (const p of [ann, bo, ...others]) await p.getByTestId('score').waitFor();
    await teacher.screenshot({ path: join(SCREENSHOTS, 'classroom-teacher-en-round1.png') });
    await ann.screenshot({ path: join(SCREENSHOTS, 'classroom-student-en-round1.png'), fullPage: true });

    // --- Bo reloads, Ann's connection drops: both keep their units
    await bo.reload();
    await bo.getByTestId('score').waitFor();
    expect(await bo.getByTestId('unit').textContent()).toBe(boUnit);
    await ann.evaluate(() => document.querySelector('hl-class-student')?.dropConnection());
    await expect.poll(() => ann.getByTestId('submit').isEnabled()).toBe(true);
    expect(await ann.getByTestId('unit').textContent()).toBe(annUnit);

    // --- the teacher reloads and gets the room back; round 2 runs; reveal shows the debrief
    await teacher.reload();
    await expect.poll(() => teacher.getByTestId('teacher-room').textContent()).toBe(code);
    await teacher.getByTestId('advance').click();
    await expect.poll(() => round(bo)).toContain('Round 3');
    await teacher.getByTestId('reveal').click();
    await teacher.getByTestId('debrief').waitFor();
    // revealed: Ann's unit played every tactic at full intensity
    const annRow = teacher.getByTestId('ranking').locator('tr', { hasText: 'Ann' });
    await expect.poll(() => annRow.textContent()).toContain('100%');

    // --- screenshots of both views in both languages (looked at by people, not compared)
    await teacher.screenshot({ path: join(SCREENSHOTS, 'classroom-teacher-en.png') });
    await teacher.screenshot({ path: join(SCREENSHOTS, 'classroom-teacher-en-full.png'), fullPage: true });
    await ann.screenshot({ path: join(SCREENSHOTS, 'classroom-student-en.png') });
    await ann.screenshot({ path: join(SCREENSHOTS, 'classroom-student-en-full.png'), fullPage: true });
    await teacher.getByTestId('lang').click();
    await expect.poll(() => teacher.getByTestId('ranking').textContent()).toContain('街道');
    await teacher.screenshot({ path: join(SCREENSHOTS, 'classroom-teacher-zh.png') });
    await ann.getByRole('button', { name: 'Switch to Chinese' }).click();
    await expect.poll(() => round(ann)).toContain('第 3 轮');
    await ann.screenshot({ path: join(SCREENSHOTS, 'classroom-student-zh.png') });
    await ann.screenshot({ path: join(SCREENSHOTS, 'classroom-student-zh-full.png'), fullPage: true });

    // the phone view fits 390 px: nothing scrolls sideways, the submit button sits on screen
    const overflow = await ann.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const submit = await ann.getByTestId('submit').boundingBox();
    expect(submit && submit.y + submit.height).toBeLessThanOrEqual(844);

    // --- the teacher ends the game; the students see it; the download replays bit for bit
    await teacher.getByTestId('end').click();
    for (const p of [ann, bo, ...others]) await p.getByTestId('ended').waitFor();
    const game = (await teacher.evaluate(async (key) => {
      const code = document.querySelector('hl-class-teacher')?.shadowRoot?.querySelector('[data-testid="teacher-room"]')?.textContent;
      const res = await fetch(`./classroom/${code}/game.json`, { method: 'POST', headers: { authorization: `Bearer ${key}` } });
      return res.json();
    }, KEY)) as GameRecord;
    expect(game.rounds).toHaveLength(2);
    expect(game.players.map((p) => p.name).sort()).toEqual(['Ann', 'Bo', 'Cai', 'Dee', 'Eli']);
    const checked = checkGameRecord(game);
    if (!checked.ok) throw new Error(checked.problems.join('; '));
    const replay = replayGame(checked.game);
    expect(compareReplay(checked.game, replay)).toEqual([]);
    expect(replay.scores).toEqual(game.scores);

    expect(errors).toEqual([]);
  });
});
