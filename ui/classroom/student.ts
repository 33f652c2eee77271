/**
 * `<hl-class-student>`: a student's phone. One column, large targets, the submit button within
 * the thumb's reach at the bottom. Shows the unit's last assessment, a sample of what residents
 * sent, the staff's hours and fatigue, and the plan's sliders within the unit's limits.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { Lang } from '../i18n.ts';
import { rememberLang } from '../i18n.ts';
import {
  REQUEST_KINDS,
  ROOM_CODE_LENGTH,
  isRoomCode,
  type PlanField,
  type ServerMessage,
  type StudentView,
  type UnitPlan,
} from '../../scenarios/classroom.ts';
import { ClassroomConnection } from './connection.ts';
import { classroomStyles } from './styles.ts';
import { num, pct, tr } from './strings.ts';

const secretKey = (room: string) => `hotline-lab.classroom.${room}`;
function load(k: string): string | null {
  try {
    return localStorage.getItem(k);
  } catch {
    return null;
  }
}
function save(k: string, v: string): void {
  try {
    localStorage.setItem(k, v);
  } catch {
    /* private mode: the seat lasts as long as the page */
  }
}

const GAMING: readonly (PlanField & ('paid' | 'induced' | 'fake' | 'appeals'))[] = ['paid', 'induced', 'fake', 'appeals'];

export class HlClassStudent extends LitElement {
  static override properties = {
    lang: {},
    room: {},
    view: { state: true },
    draft: { state: true },
    error: { state: true },
    joined: { state: true },
  };
  declare lang: Lang;
  declare room: string;
  declare view: StudentView | null;
  declare draft: UnitPlan | null;
  declare error: string | null;
  declare joined: boolean;
  private secret: string | null = null;
  private name = '';
  private readonly conn = new ClassroomConnection(
    this,
    () =>
      this.joined && this.room
        ? { type: 'join', room: this.room, ...(this.secret ? { secret: this.secret } : {}), ...(this.name ? { name: this.name } : {}) }
        : null,
    (m) => this.onMessage(m),
  );

  constructor() {
    super();
    this.lang = 'en';
    this.room = '';
    this.view = null;
    this.draft = null;
    this.error = null;
    this.joined = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (isRoomCode(this.room)) {
      this.secret = load(secretKey(this.room));
      // a device that holds a seat takes it back at once (a reload, a reconnect)
      this.joined = this.secret !== null;
    }
  }

  private onMessage(m: ServerMessage): void {
    if (m.type === 'joined') {
      this.secret = m.secret;
      this.room = m.room;
      save(secretKey(m.room), m.secret);
      this.error = null;
    } else if (m.type === 'student') {
      const first = this.view === null || this.view.round !== m.view.round;
      this.view = m.view;
      if (first || this.draft === null) this.draft = { ...m.view.plan };
    } else if (m.type === 'error') {
      this.error = this.lang === 'zh' ? m.zh : m.en;
      if (m.code === 'no-room') this.joined = false;
    }
  }

  private joinNow(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const code = (new FormData(form).get('room') as string | null)?.trim().toUpperCase() ?? '';
    this.name = (new FormData(form).get('name') as string | null) ?? '';
    if (!isRoomCode(code)) {
      this.error = tr(this.lang, 'roomCode');
      return;
    }
    this.room = code;
    this.secret = load(secretKey(code));
    this.joined = true;
    this.conn.send({
      type: 'join',
      room: code,
      ...(this.secret ? { secret: this.secret } : {}),
      ...(this.name ? { name: this.name } : {}),
    });
  }

  private setField(f: PlanField, v: number): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, [f]: Math.min(1, Math.max(0, v)) };
  }

  private submit(): void {
    if (this.draft) this.conn.send({ type: 'plan', plan: this.draft });
  }

  private toggleLang(): void {
    this.lang = this.lang === 'en' ? 'zh' : 'en';
    rememberLang(this.lang);
    document.documentElement.lang = this.lang === 'zh' ? 'zh-CN' : 'en';
  }

  static override styles = [
    classroomStyles,
    css`
      :host {
        display: block;
        max-width: 30rem;
        margin: 0 auto;
        padding-bottom: 6rem;
      }
      .slider {
        margin: 0.9rem 0;
      }
      .slider label {
        display: flex;
        justify-content: space-between;
        gap: 0.5rem;
        font-weight: 600;
      }
      .slider input {
        width: 100%;
        height: 2.5rem;
        margin: 0.2rem 0 0;
      }
      .help {
        color: var(--hl-muted, #444);
        font-size: 0.9rem;
        margin: 0;
      }
      .dock {
        position: fixed;
        left: 0;
        right: 0;
        bottom: 0;
        background: #fff;
        border-top: 1px solid var(--hl-line, #c8ccd2);
        padding: 0.6rem 1rem calc(0.6rem + env(safe-area-inset-bottom));
      }
      .dock .inner {
        max-width: 28rem;
        margin: 0 auto;
      }
      .dock button {
        width: 100%;
        min-height: 3.2rem;
        font-size: 1.15rem;
      }
      .dock p {
        margin: 0 0 0.4rem;
        font-size: 0.9rem;
      }
      .big {
        font-size: 2rem;
        font-weight: 700;
      }
      .pair {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0.5rem;
      }
      ul.req {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      ul.req li {
        padding: 0.35rem 0;
        border-bottom: 1px solid #eee;
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 0.5rem;
      }
    `,
  ];

  private renderJoin() {
    const l = this.lang;
    return html`<form class="card" @submit=${this.joinNow}>
      <h2>${tr(l, 'joinTitle')}</h2>
      <label class="field">${tr(l, 'roomCode')}
        <input name="room" required autocomplete="off" autocapitalize="characters" maxlength=${ROOM_CODE_LENGTH} .value=${this.room} data-testid="room-input" />
      </label>
      <label class="field">${tr(l, 'yourName')}
        <input name="name" maxlength="24" autocomplete="nickname" data-testid="name-input" />
      </label>
      <button type="submit" class="primary wide" data-testid="join">${tr(l, 'join')}</button>
    </form>`;
  }

  private renderResult(v: StudentView) {
    const l = this.lang;
    const last = v.history[v.history.length - 1];
    if (!last) return html`<section class="card"><h2>${tr(l, 'lastResult')}</h2><p>${tr(l, 'noResult')}</p></section>`;
    const place = last.rank !== null ? tr(l, 'rankOf', { r: last.rank, n: last.units }) : (last.grade ?? '–');
    return html`<section class="card" data-testid="result">
      <h2>${tr(l, 'lastResult')}</h2>
      <div class="pair">
        <div><div class="label">${tr(l, 'score')}</div><div class="big" data-testid="score">${num(last.score)}</div></div>
        <div><div class="label">${last.rank !== null ? tr(l, 'rank') : tr(l, 'grade')}</div><div class="big" data-testid="place">${place}</div></div>
      </div>
      <div class="pair">
        <div><div class="label">${tr(l, 'reportedSat')}</div><strong>${pct(last.reported)}</strong></div>
        <div><div class="label">${tr(l, 'trueSat')}</div><strong>${pct(last.truth)}</strong></div>
      </div>
      ${last.penalised ? html`<p class="warn">${tr(l, 'penalised')}</p>` : nothing}
      ${last.caught ? html`<p class="warn" data-testid="caught">${tr(l, 'caught')}</p>` : nothing}
    </section>`;
  }

  private renderSlider(f: PlanField, label: string, help: string, disabled = false) {
    const d = this.draft;
    if (!d) return nothing;
    const id = `s-${f}`;
    return html`<div class="slider">
      <label for=${id}><span>${label}</span><span>${Math.round(d[f] * 100)}%</span></label>
      <input
        id=${id}
        type="range"
        min="0"
        max="100"
        step="5"
        .value=${String(Math.round(d[f] * 100))}
        ?disabled=${disabled}
        data-testid=${`plan-${f}`}
        @input=${(e: Event) => this.setField(f, Number((e.target as HTMLInputElement).value) / 100)}
      />
      ${disabled || help ? html`<p class="help">${disabled ? tr(this.lang, 'notAllowed') : help}</p>` : nothing}
    </div>`;
  }

  private renderPlay(v: StudentView) {
    const l = this.lang;
    const d = this.draft;
    const lh = v.lastHours;
    const secs = v.remainingMs !== null ? Math.ceil(v.remainingMs / 1000) : null;
    return html`
      <header class="bar">
        <div>
          <strong data-testid="unit">${tr(l, 'unit', { n: v.unit + 1 })}</strong>
          ${v.teamSize > 1 ? html` · ${tr(l, 'team', { n: v.teamSize })}` : nothing}
          <div class="label" data-testid="round">${tr(l, 'round', { n: v.round + 1 })}${v.paused ? ` · ${tr(l, 'paused')}` : ''}${secs !== null && !v.paused ? ` · ${tr(l, 'secondsLeft', { s: secs })}` : ''}</div>
        </div>
        <button type="button" class="ghost" aria-label=${`${tr(l, 'lang')}: ${tr(l, 'langLabel')}`} @click=${this.toggleLang}>${tr(l, 'lang')}</button>
      </header>
      ${this.conn.online ? nothing : html`<p class="warn" role="status">${tr(l, 'offline')}</p>`}
      ${this.error ? html`<p class="warn" role="alert">${this.error}</p>` : nothing}
      ${v.phase === 'lobby' ? html`<p class="card" data-testid="lobby">${tr(l, 'lobby')}</p>` : nothing}
      ${v.phase === 'ended' ? html`<p class="card" data-testid="ended">${tr(l, 'ended')}</p>` : nothing}
      ${this.renderResult(v)}
      <section class="card">
        <h2>${tr(l, 'requests', { n: v.openTickets })}</h2>
        ${
          v.requests.length
            ? html`<ul class="req" data-testid="requests">
              ${v.requests.map(
                (r) => html`<li>
                  <span>${REQUEST_KINDS[r.kind]?.[l] ?? r.kind}</span>
                  <span class=${r.overdue ? 'tag bad' : 'tag'}>${r.overdue ? tr(l, 'overdue') : tr(l, r.waitingDays === 1 ? 'waiting1' : 'waiting', { d: r.waitingDays })}</span>
                </li>`,
              )}
            </ul>`
            : html`<p>${tr(l, 'noRequests')}</p>`
        }
      </section>
      <section class="card">
        <h2>${tr(l, 'staff')}</h2>
        <p data-testid="staff">${tr(l, 'staffLine', { n: num(v.staff), h: num(v.regularHours), o: num(v.overtimeHours) })}</p>
        <div class="meter"><span>${tr(l, 'fatigue')}</span><meter min="0" max="1" low="0.3" high="0.6" optimum="0" .value=${v.fatigue}></meter><span>${pct(v.fatigue)}</span></div>
        <div class="meter"><span>${tr(l, 'upkeep')}</span><meter min="0" max="1" low="0.4" high="0.7" optimum="1" .value=${v.upkeep}></meter><span>${pct(v.upkeep)}</span></div>
        ${lh ? html`<p class="help">${tr(l, 'lastHours', { t: num(lh.tickets), l: num(lh.longterm), g: num(lh.gaming), o: num(lh.overtime) })}</p>` : nothing}
      </section>
      ${
        d && v.phase !== 'ended'
          ? html`<section class="card" data-testid="plan">
            <h2>${tr(l, 'plan')}</h2>
            ${this.renderSlider('longterm', tr(l, 'longterm'), tr(l, 'longtermHelp', { h: num(d.longterm * v.regularHours) }))}
            ${this.renderSlider('overtime', tr(l, 'overtime'), tr(l, 'overtimeHelp', { h: num(d.overtime * v.overtimeHours) }))}
            <h3>${tr(l, 'gaming')}</h3>
            <p class="help">${tr(l, 'gamingHelp')}</p>
            ${GAMING.map((f) => this.renderSlider(f, tr(l, f), '', !v.tactics[f]))}
          </section>
          <div class="dock">
            <div class="inner">
              <p role="status" data-testid="submit-status">${v.submitted ? tr(l, 'submitted') : tr(l, 'keepLast')}</p>
              <button type="button" class="primary" data-testid="submit" ?disabled=${!this.conn.online} @click=${this.submit}>${tr(l, 'submit')}</button>
            </div>
          </div>`
          : nothing
      }
    `;
  }

  override render() {
    const l = this.lang;
    const head = html`<header class="bar">
      <h1 class="title">${tr(l, 'title')}</h1>
      <button type="button" class="ghost" aria-label=${`${tr(l, 'lang')}: ${tr(l, 'langLabel')}`} @click=${this.toggleLang}>${tr(l, 'lang')}</button>
    </header>`;
    const error = this.error ? html`<p class="warn" role="alert">${this.error}</p>` : nothing;
    if (!this.joined) return html`<main>${head}${error}${this.renderJoin()}</main>`;
    if (!this.view)
      return html`<main>${head}<p role="status">${this.conn.online ? tr(l, 'connecting') : tr(l, 'offline')}</p>${error}</main>`;
    return html`<main>${this.renderPlay(this.view)}</main>`;
  }

  /** For the end-to-end tests: drop the connection as a network failure would. */
  dropConnection(): void {
    this.conn.drop();
  }
}

customElements.define('hl-class-student', HlClassStudent);

declare global {
  interface HTMLElementTagNameMap {
    'hl-class-student': HlClassStudent;
  }
}
