/**
 * `<hl-class-teacher>`: the teacher's screen, made for the projector (1920 x 1080 and down to a
 * laptop). The join QR code and room code, round control (start, pause, run the round, an
 * optional countdown, reveal, end, download), the policies for the next round, the ranking as it
 * moves with each unit's reported against its residents' real satisfaction, the district's two
 * lines by round, and, when the game ends or the teacher reveals it, the debrief: each unit's
 * official score against its residents' real satisfaction, with the students' choices.
 *
 * The teacher key comes in the address the server printed (#key=...); it is moved to session
 * storage and wiped from the address bar at once, so a projected address bar does not show it.
 */
import { LitElement, css, html, nothing, svg } from 'lit';
import qrcode from 'qrcode-generator';
import { knobSpec, type KnobValue } from '../../sim/index.ts';
import { listPresets } from '../../scenarios/presets.ts';
import {
  TEACHER_POLICIES,
  isRoomCode,
  type PlanField,
  type ServerMessage,
  type TeacherPolicy,
  type TeacherView,
  type UnitRow,
} from '../../scenarios/classroom.ts';
import type { Lang } from '../i18n.ts';
import { rememberLang } from '../i18n.ts';
import { ClassroomConnection } from './connection.ts';
import { classroomStyles } from './styles.ts';
import { num, pct, tr, type StringKey } from './strings.ts';

const KEY_STORE = 'hotline-lab.classroom.teacherKey';
const ROOM_STORE = 'hotline-lab.classroom.teacherRoom';

function sessionGet(k: string): string | null {
  try {
    return sessionStorage.getItem(k);
  } catch {
    return null;
  }
}
function sessionSet(k: string, v: string | null): void {
  try {
    if (v === null) sessionStorage.removeItem(k);
    else sessionStorage.setItem(k, v);
  } catch {
    /* no storage: the key lasts as long as the page */
  }
}

/** The teacher key: from the address (then wiped from it), or from this tab's session. */
function takeKey(): string | null {
  const m = /(?:^#|&)key=([A-Za-z0-9_-]{16,64})/.exec(location.hash);
  if (m) {
    sessionSet(KEY_STORE, m[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return m[1];
  }
  return sessionGet(KEY_STORE);
}

/** A QR code as an SVG of dark modules (drawn by lit: no HTML from a string). */
function qrSvg(text: string, label: string) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  const m = 4; // the quiet zone scanners need
  let d = '';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + m} ${r + m}h1v1h-1z`;
  return html`<svg class="qr" viewBox="0 0 ${n + 2 * m} ${n + 2 * m}" role="img" aria-label=${label} shape-rendering="crispEdges" data-testid="qr">
    <rect width="100%" height="100%" fill="#fff"></rect>
    ${svg`<path d=${d} fill="#000"></path>`}
  </svg>`;
}

const POLICY_LABEL: Record<TeacherPolicy, StringKey> = {
  cadence: 'cadence',
  rankingMode: 'rankingMode',
  gradeShareExcellent: 'gradeShareExcellent',
  gradeShareGood: 'gradeShareGood',
  auditRate: 'auditRate',
  handDown: 'handDown',
  appealExclusion: 'appealExclusion',
  districtLayer: 'districtLayer',
};

const CHOICE_FIELDS: readonly PlanField[] = ['longterm', 'overtime', 'paid', 'induced', 'fake', 'appeals'];

export class HlClassTeacher extends LitElement {
  static override properties = {
    lang: {},
    view: { state: true },
    rooms: { state: true },
    error: { state: true },
    countdown: { state: true },
  };
  declare lang: Lang;
  declare view: TeacherView | null;
  declare rooms: string[];
  declare error: string | null;
  declare countdown: number;
  private readonly key: string | null = takeKey();
  private tick: ReturnType<typeof setInterval> | null = null;
  private readonly conn = new ClassroomConnection(
    this,
    () => {
      if (!this.key) return null;
      const room = sessionGet(ROOM_STORE);
      return { type: 'teacher', key: this.key, ...(room ? { room } : {}) };
    },
    (m) => this.onMessage(m),
  );

  constructor() {
    super();
    this.lang = 'en';
    this.view = null;
    this.rooms = [];
    this.error = null;
    this.countdown = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // the countdown's seconds move between the server's updates
    this.tick = setInterval(() => {
      if (this.view?.remainingMs != null && !this.view.paused) this.requestUpdate();
    }, 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.tick) clearInterval(this.tick);
  }

  private receivedAt = 0;

  private onMessage(m: ServerMessage): void {
    if (m.type === 'teacher') {
      // The room keeps the countdown: a reloaded page (or a second teacher's screen) shows it,
      // rather than its own 0, which the next button would have sent back and switched off.
      if (m.view && !this.countdownEdited) this.countdown = m.view.countdownSeconds;
      this.view = m.view;
      this.rooms = m.rooms;
      this.receivedAt = performance.now();
      sessionSet(ROOM_STORE, m.view ? m.view.room : null);
      this.error = null;
    } else if (m.type === 'error') {
      this.error = this.lang === 'zh' ? m.zh : m.en;
      if (m.code === 'no-room') sessionSet(ROOM_STORE, null);
    }
  }

  private remaining(): number | null {
    const v = this.view;
    if (!v || v.remainingMs === null) return null;
    if (v.paused) return v.remainingMs;
    return Math.max(0, v.remainingMs - (performance.now() - this.receivedAt));
  }

  private toggleLang(): void {
    this.lang = this.lang === 'en' ? 'zh' : 'en';
    rememberLang(this.lang);
    document.documentElement.lang = this.lang === 'zh' ? 'zh-CN' : 'en';
  }

  private openRoom(e: Event): void {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const seed = Number(f.get('seed'));
    const unitsText = String(f.get('units') ?? '').trim();
    const units = unitsText ? Number(unitsText) : undefined;
    if (!Number.isInteger(seed) || seed < 0 || (units !== undefined && (!Number.isInteger(units) || units < 1 || units > 200))) {
      this.error = this.lang === 'zh' ? '种子或街道数无效。' : 'The seed or the number of streets is not valid.';
      return;
    }
    this.conn.send({ type: 'open', preset: String(f.get('preset')), seed, ...(units ? { units } : {}) });
  }

  private enterRoom(room: string): void {
    sessionSet(ROOM_STORE, room);
    if (this.key) this.conn.send({ type: 'teacher', key: this.key, room });
  }

  private leaveRoom(): void {
    sessionSet(ROOM_STORE, null);
    if (this.key) this.conn.send({ type: 'teacher', key: this.key });
  }

  /** The teacher changed the countdown field since the last control was sent. */
  private countdownEdited = false;

  private control(action: 'start' | 'pause' | 'resume' | 'advance' | 'reveal' | 'hide' | 'end'): void {
    this.conn.send({ type: 'control', action, countdown: this.countdown });
    this.countdownEdited = false;
  }

  private setPolicy(p: TeacherPolicy, value: KnobValue): void {
    this.conn.send({ type: 'policy', knobs: { [p]: value } });
  }

  private async download(): Promise<void> {
    const v = this.view;
    if (!v || !this.key || !isRoomCode(v.room)) return;
    // POST: the app's service worker answers GETs from its cache first, and the game changes each round
    const res = await fetch(`./classroom/${v.room}/game.json`, { method: 'POST', headers: { authorization: `Bearer ${this.key}` } });
    if (!res.ok) {
      this.error = `${res.status}`;
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `hotline-lab-classroom-${v.room}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  static override styles = [
    classroomStyles,
    css`
      :host {
        display: block;
        padding: 1rem 1.5rem;
        font-size: 1.05rem;
      }
      .top {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 1rem;
        margin-bottom: 0.75rem;
      }
      .top h1 {
        margin: 0;
        font-size: 1.6rem;
      }
      .top .status {
        font-size: 1.2rem;
      }
      .grid {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 22rem;
        gap: 1.25rem;
        align-items: start;
      }
      @media (max-width: 900px) {
        .grid,
        .policy {
          grid-template-columns: 1fr;
        }
      }
      .join {
        text-align: center;
      }
      .qr {
        width: 100%;
        max-width: 13rem;
        height: auto;
        display: block;
        margin: 0 auto;
      }
      .code {
        font-size: 3rem;
        font-weight: 800;
        letter-spacing: 0.2em;
        font-family: ui-monospace, monospace;
      }
      .url {
        font-family: ui-monospace, monospace;
        font-size: 0.85rem;
        word-break: break-all;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin: 0.5rem 0;
      }
      .buttons button {
        flex: 1 1 auto;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        text-align: left;
        padding: 0.35rem 0.5rem;
        border-bottom: 1px solid #e3e5e8;
      }
      th {
        font-size: 0.9rem;
        color: var(--hl-muted, #444);
      }
      td.n,
      th.n {
        text-align: right;
      }
      tr.played td:first-child {
        font-weight: 700;
      }
      .up {
        color: #146c2e;
      }
      .down {
        color: #b3261e;
      }
      .gap {
        color: #b3261e;
        font-weight: 600;
      }
      .policy {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr) auto);
        column-gap: 1.5rem;
        row-gap: 0.3rem;
        align-items: center;
      }
      .policy select,
      .policy input[type='number'] {
        font: inherit;
        min-height: 2.4rem;
        max-width: 11rem;
      }
      .policy input[type='checkbox'] {
        width: 1.5rem;
        height: 1.5rem;
      }
      .legend {
        display: flex;
        gap: 1.25rem;
        font-size: 0.95rem;
      }
      .swatch {
        display: inline-block;
        width: 1.4rem;
        height: 0.3rem;
        vertical-align: middle;
        margin-right: 0.35rem;
      }
      .dot {
        display: inline-block;
        width: 0.8rem;
        height: 0.8rem;
        border-radius: 50%;
        vertical-align: middle;
        margin-right: 0.35rem;
      }
      td {
        white-space: nowrap;
      }
      svg.chart {
        width: 100%;
        height: auto;
        display: block;
      }
      svg.chart text {
        font: 15px system-ui, sans-serif;
        fill: #333;
      }
      .choices {
        max-height: 24rem;
        overflow: auto;
      }
      .row-inline {
        display: flex;
        gap: 0.75rem;
        align-items: end;
        flex-wrap: wrap;
      }
      .row-inline .field {
        flex: 1 1 8rem;
        margin: 0;
      }
    `,
  ];

  private renderNoKey() {
    return html`<h1 class="title">${tr(this.lang, 'title')}</h1>
      <p class="warn" role="alert">${tr(this.lang, 'needKey')}</p>`;
  }

  private renderLobby() {
    const l = this.lang;
    return html`<div class="grid">
      <form class="card" @submit=${this.openRoom} data-testid="open-form">
        <h2>${tr(l, 'openRoom')}</h2>
        <label class="field">${tr(l, 'preset')}
          <select name="preset" data-testid="preset">
            ${listPresets().map((p) => html`<option value=${p.name}>${p.title[l]}</option>`)}
          </select>
        </label>
        <div class="row-inline">
          <label class="field">${tr(l, 'seed')}<input name="seed" type="number" min="0" step="1" value="1" required /></label>
          <label class="field">${tr(l, 'units')}<input name="units" type="number" min="1" max="200" step="1" data-testid="units" /></label>
        </div>
        <p><button type="submit" class="primary wide" data-testid="open-room">${tr(l, 'open')}</button></p>
      </form>
      <section class="card">
        <h2>${tr(l, 'rooms')}</h2>
        ${
          this.rooms.length
            ? html`<div class="buttons">${this.rooms.map((r) => html`<button type="button" @click=${() => this.enterRoom(r)}>${r}</button>`)}</div>`
            : html`<p>–</p>`
        }
      </section>
    </div>`;
  }

  private phaseText(v: TeacherView): string {
    const l = this.lang;
    if (v.phase === 'lobby') return tr(l, 'phaseLobby');
    if (v.phase === 'ended') return tr(l, 'phaseEnded');
    const secs = this.remaining();
    const base = `${tr(l, 'roundOf', { n: v.round + 1, m: v.rounds })} · ${v.paused ? tr(l, 'paused') : tr(l, 'phaseChoosing')}`;
    return secs !== null ? `${base} · ${tr(l, 'secondsLeft', { s: Math.ceil(secs / 1000) })}` : base;
  }

  private renderControls(v: TeacherView) {
    const l = this.lang;
    const choosing = v.phase === 'choosing';
    const ready = v.units.filter((u) => u.players.length > 0);
    const inNow = ready.filter((u) => u.submitted).length;
    return html`<section class="card" aria-labelledby="ctl">
      <h2 id="ctl">${this.phaseText(v)}</h2>
      ${choosing ? html`<p class="label" data-testid="plans-in">${tr(l, 'colReady')}: ${inNow} / ${ready.length}</p>` : nothing}
      <div class="buttons">
        ${v.phase === 'lobby' ? html`<button type="button" class="primary" data-testid="start" @click=${() => this.control('start')}>${tr(l, 'start')}</button>` : nothing}
        ${
          choosing
            ? html`<button type="button" class="primary" data-testid="advance" @click=${() => this.control('advance')}>${tr(l, 'advance')}</button>
              ${
                v.paused
                  ? html`<button type="button" data-testid="resume" @click=${() => this.control('resume')}>${tr(l, 'resume')}</button>`
                  : html`<button type="button" data-testid="pause" @click=${() => this.control('pause')}>${tr(l, 'pause')}</button>`
              }`
            : nothing
        }
      </div>
      ${
        v.phase !== 'ended'
          ? html`<label class="field">${tr(l, 'countdown')}
            <input type="number" min="0" max="600" step="10" .value=${String(this.countdown)} data-testid="countdown"
              @change=${(e: Event) => {
                const n = Number((e.target as HTMLInputElement).value);
                this.countdown = Number.isInteger(n) && n >= 0 && n <= 600 ? n : 0;
                this.countdownEdited = true;
              }} />
          </label>`
          : nothing
      }
      <div class="buttons">
        <button type="button" data-testid="reveal" aria-pressed=${v.reveal ? 'true' : 'false'} @click=${() => this.control(v.reveal ? 'hide' : 'reveal')}>
          ${v.reveal ? tr(l, 'hide') : tr(l, 'reveal')}
        </button>
        ${v.phase !== 'ended' ? html`<button type="button" data-testid="end" @click=${() => this.control('end')}>${tr(l, 'end')}</button>` : nothing}
        <button type="button" data-testid="download" @click=${() => void this.download()}>${tr(l, 'download')}</button>
      </div>
    </section>`;
  }

  private renderPolicyInput(p: TeacherPolicy, value: KnobValue, disabled: boolean) {
    const spec = knobSpec(p);
    const l = this.lang;
    const id = `pol-${p}`;
    if (!spec) return nothing;
    let input: unknown;
    if (spec.type === 'boolean')
      input = html`<input id=${id} type="checkbox" .checked=${value === true} ?disabled=${disabled} data-testid=${id}
        @change=${(e: Event) => this.setPolicy(p, (e.target as HTMLInputElement).checked)} />`;
    else if (spec.type === 'enum')
      input = html`<select id=${id} ?disabled=${disabled} data-testid=${id} @change=${(e: Event) => this.setPolicy(p, (e.target as HTMLSelectElement).value)}>
        ${(spec.options ?? []).map((o) => html`<option value=${o} ?selected=${o === value}>${spec.optionLabels?.[o]?.[l] ?? o}</option>`)}
      </select>`;
    else
      input = html`<input id=${id} type="number" min=${spec.min ?? 0} max=${spec.max ?? 1} step=${spec.step ?? 0.05} .value=${String(value)}
        ?disabled=${disabled} data-testid=${id}
        @change=${(e: Event) => {
          const n = Number((e.target as HTMLInputElement).value);
          if (Number.isFinite(n) && n >= (spec.min ?? 0) && n <= (spec.max ?? 1)) this.setPolicy(p, n);
        }} />`;
    return html`<label for=${id}>${tr(l, POLICY_LABEL[p])}</label>${input}`;
  }

  private renderPolicies(v: TeacherView) {
    const disabled = v.phase === 'ended';
    return html`<section class="card">
      <h2>${tr(this.lang, 'policies')}</h2>
      <div class="policy">${TEACHER_POLICIES.map((p) => this.renderPolicyInput(p, v.policy[p], disabled))}</div>
    </section>`;
  }

  private renderJoin(v: TeacherView) {
    const l = this.lang;
    return html`<section class="card join">
      <h2>${tr(l, 'joinAt')}</h2>
      ${qrSvg(v.join, `${tr(l, 'joinAt')} ${v.join}`)}
      <div class="label">${tr(l, 'roomCode')}</div>
      <div class="code" data-testid="room-code">${v.room}</div>
      <div class="url" data-testid="join-url">${v.join}</div>
      <p class="label">${tr(l, 'students', { n: v.students })}</p>
    </section>`;
  }

  private placeText(r: UnitRow): string {
    if (r.rank !== null) return String(r.rank);
    return r.grade ?? '–';
  }

  private renderRanking(v: TeacherView) {
    const l = this.lang;
    const rows = [...v.units].sort((a, b) => {
      if (a.score === null || b.score === null) return a.unit - b.unit;
      return b.score - a.score || a.unit - b.unit;
    });
    const reveal = v.units.some((u) => u.gaming !== null);
    return html`<section class="card" aria-labelledby="rk">
      <h2 id="rk">${tr(l, 'ranking')}${v.period ? html` <span class="label">· ${tr(l, 'period', { a: v.period.start, b: v.period.end })}</span>` : nothing}</h2>
      <table data-testid="ranking">
        <thead>
          <tr>
            <th class="n">${tr(l, 'colPlace')}</th>
            <th>${tr(l, 'colUnit')}</th>
            <th>${tr(l, 'colPlayers')}</th>
            <th class="n">${tr(l, 'colScore')}</th>
            <th class="n">${tr(l, 'colReported')}</th>
            <th class="n">${tr(l, 'colTruth')}</th>
            ${reveal ? html`<th class="n">${tr(l, 'colGaming')}</th><th>${tr(l, 'colCaught')}</th>` : nothing}
            ${v.phase === 'choosing' ? html`<th>${tr(l, 'colReady')}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${rows.map((r) => {
            const move = r.rank !== null && r.previousRank !== null ? r.previousRank - r.rank : 0;
            const gap = r.reported !== null && r.truth !== null && r.reported - r.truth > 0.1;
            return html`<tr class=${r.players.length ? 'played' : ''}>
              <td class="n">${this.placeText(r)}${move > 0 ? html` <span class="up" aria-label="up">▲${move}</span>` : move < 0 ? html` <span class="down" aria-label="down">▼${-move}</span>` : nothing}</td>
              <td>${tr(l, 'unit', { n: r.unit + 1 })}</td>
              <td>${r.players.length ? r.players.join(', ') : html`<span class="label">${tr(l, 'model')}</span>`}</td>
              <td class="n">${r.score === null ? '–' : num(r.score)}</td>
              <td class="n">${pct(r.reported)}</td>
              <td class="n ${gap ? 'gap' : ''}">${pct(r.truth)}</td>
              ${
                reveal
                  ? html`<td class="n">${r.gaming === null ? '–' : pct(r.gaming)}</td>
                    <td>${r.caught ? html`<span class="tag bad">${tr(l, 'caughtYes')}</span>` : r.audited ? tr(l, 'auditedNo') : ''}</td>`
                  : nothing
              }
              ${v.phase === 'choosing' ? html`<td>${r.players.length ? (r.submitted ? '✓' : '…') : ''}</td>` : nothing}
            </tr>`;
          })}
        </tbody>
      </table>
    </section>`;
  }

  /** The district's reported and real satisfaction by round: two lines on a 0-100% scale. */
  private renderSeries(v: TeacherView) {
    const l = this.lang;
    const s = v.series;
    if (s.length === 0) return nothing;
    const W = 1000;
    const H = 250;
    const P = { l: 48, r: 16, t: 10, b: 30 };
    const lo = Math.max(0, Math.floor(Math.min(...s.flatMap((x) => [x.reported, x.truth])) * 10) / 10 - 0.1);
    const x = (i: number) => P.l + (s.length === 1 ? (W - P.l - P.r) / 2 : (i * (W - P.l - P.r)) / (s.length - 1));
    const y = (v: number) => P.t + ((1 - v) / (1 - lo)) * (H - P.t - P.b);
    const line = (f: (p: (typeof s)[number]) => number) =>
      s.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)} ${y(f(p)).toFixed(1)}`).join('');
    const ticks = [];
    for (let t = Math.ceil(lo * 10) / 10; t <= 1.0001; t += 0.1) ticks.push(t);
    return html`<section class="card">
      <h2>${tr(l, 'chartTitle')}</h2>
      <div class="legend">
        <span><span class="swatch" style="background:#0b57d0"></span>${tr(l, 'series')}</span>
        <span><span class="swatch" style="background:#b3261e"></span>${tr(l, 'seriesTruth')}</span>
      </div>
      <svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label=${tr(l, 'chartTitle')} data-testid="series">
        ${ticks.map(
          (t) => svg`<line x1=${P.l} x2=${W - P.r} y1=${y(t)} y2=${y(t)} stroke="#e3e5e8"></line>
            <text x=${P.l - 6} y=${y(t) + 4} text-anchor="end">${Math.round(t * 100)}%</text>`,
        )}
        ${s.map((_, i) => svg`<text x=${x(i)} y=${H - 8} text-anchor="middle">${i + 1}</text>`)}
        ${svg`<path d=${line((p) => p.reported)} fill="none" stroke="#0b57d0" stroke-width="3"></path>
          <path d=${line((p) => p.truth)} fill="none" stroke="#b3261e" stroke-width="3" stroke-dasharray="7 4"></path>`}
        ${s.map(
          (p, i) =>
            svg`<circle cx=${x(i)} cy=${y(p.reported)} r="4" fill="#0b57d0"></circle><circle cx=${x(i)} cy=${y(p.truth)} r="4" fill="#b3261e"></circle>`,
        )}
      </svg>
    </section>`;
  }

  /** Debrief: each unit's last official score against its residents' real satisfaction, and the choices. */
  private renderDebrief(v: TeacherView) {
    const l = this.lang;
    const pts = v.units.filter((u) => u.score !== null && u.truth !== null) as (UnitRow & { score: number; truth: number })[];
    if (pts.length === 0) return nothing;
    const W = 1000;
    const H = 360;
    const P = { l: 56, r: 24, t: 14, b: 40 };
    const xs = pts.map((p) => p.score);
    const ys = pts.map((p) => p.truth);
    const x0 = Math.min(...xs) - 2;
    const x1 = Math.max(...xs) + 2;
    const y0 = Math.max(0, Math.min(...ys) - 0.05);
    const y1 = Math.min(1, Math.max(...ys) + 0.05);
    const x = (v: number) => P.l + ((v - x0) / (x1 - x0 || 1)) * (W - P.l - P.r);
    const y = (v: number) => P.t + ((y1 - v) / (y1 - y0 || 1)) * (H - P.t - P.b);
    const plans = v.plans ?? [];
    return html`<section class="card" data-testid="debrief">
      <h2>${tr(l, 'debrief')}</h2>
      <div class="legend">
        <span><span class="dot" style="background:#0b57d0"></span>${tr(l, 'colPlayers')}</span>
        <span><span class="dot" style="background:#9aa3ad"></span>${tr(l, 'model')}</span>
        <span><span class="dot" style="background:#b3261e"></span>${tr(l, 'caughtYes')}</span>
      </div>
      <svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label=${tr(l, 'debrief')}>
        ${svg`<line x1=${P.l} x2=${W - P.r} y1=${H - P.b} y2=${H - P.b} stroke="#888"></line>
          <line x1=${P.l} x2=${P.l} y1=${P.t} y2=${H - P.b} stroke="#888"></line>
          <text x=${(W + P.l) / 2} y=${H - 8} text-anchor="middle">${tr(l, 'debriefAxisX')}</text>
          <text x=${P.l - 8} y=${P.t + 10} text-anchor="end">${pct(y1)}</text>
          <text x=${P.l - 8} y=${H - P.b} text-anchor="end">${pct(y0)}</text>
          <text x=${P.l + 6} y=${P.t + 10}>${tr(l, 'debriefAxisY')}</text>
          <text x=${x(x0)} y=${H - P.b + 18} text-anchor="start">${num(x0)}</text>
          <text x=${x(x1)} y=${H - P.b + 18} text-anchor="end">${num(x1)}</text>`}
        ${pts.map(
          (p) => svg`<circle cx=${x(p.score)} cy=${y(p.truth)} r=${p.players.length ? 9 : 6}
              fill=${p.caught ? '#b3261e' : p.players.length ? '#0b57d0' : '#9aa3ad'} fill-opacity="0.85"></circle>
            <text x=${x(p.score) + 11} y=${y(p.truth) + 4}>${p.unit + 1}</text>`,
        )}
      </svg>
      ${
        plans.length
          ? html`<h3>${tr(l, 'choices')}</h3>
            <div class="choices">
              <table data-testid="choices">
                <thead><tr><th>${tr(l, 'round', { n: '' }).trim()}</th><th>${tr(l, 'colUnit')}</th>${CHOICE_FIELDS.map((f) => html`<th class="n">${tr(l, f)}</th>`)}</tr></thead>
                <tbody>
                  ${plans.map(
                    (p) =>
                      html`<tr><td>${p.round + 1}</td><td>${tr(l, 'unit', { n: p.unit + 1 })}</td>${CHOICE_FIELDS.map((f) => html`<td class="n">${pct(p.plan[f])}</td>`)}</tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : nothing
      }
    </section>`;
  }

  private renderRoom(v: TeacherView) {
    const show = v.phase === 'ended' || v.reveal;
    return html`<div class="grid">
      <div>
        ${this.renderRanking(v)}
        ${this.renderSeries(v)}
        ${this.renderPolicies(v)}
        ${show ? this.renderDebrief(v) : nothing}
      </div>
      <div>
        ${this.renderJoin(v)}
        ${this.renderControls(v)}
      </div>
    </div>`;
  }

  override render() {
    const l = this.lang;
    if (!this.key) return this.renderNoKey();
    const v = this.view;
    return html`<header class="top">
        <h1>${tr(l, 'title')}${v ? html` · <span data-testid="teacher-room">${v.room}</span>` : nothing}</h1>
        <div class="buttons">
          ${v ? html`<button type="button" class="ghost" @click=${this.leaveRoom}>${tr(l, 'rooms')}</button>` : nothing}
          <button type="button" class="ghost" aria-label=${`${tr(l, 'lang')}: ${tr(l, 'langLabel')}`} @click=${this.toggleLang} data-testid="lang">${tr(l, 'lang')}</button>
        </div>
      </header>
      ${this.conn.online ? nothing : html`<p class="warn" role="status">${tr(l, 'offline')}</p>`}
      ${this.error ? html`<p class="warn" role="alert" data-testid="error">${this.error}</p>` : nothing}
      <main>${v ? this.renderRoom(v) : this.renderLobby()}</main>`;
  }
}

customElements.define('hl-class-teacher', HlClassTeacher);

declare global {
  interface HTMLElementTagNameMap {
    'hl-class-teacher': HlClassTeacher;
  }
}
