/**
 * The classroom's channel to the server: one socket on this page's own host, reopened with a
 * growing delay when it drops (a phone that sleeps, a Wi-Fi hiccup). Each time it opens it says
 * hello again (a student's secret or the teacher's key), so the server binds the new connection
 * to the same seat. Messages from the server are handed to the host element as they come.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PROTOCOL_VERSION, type ClientMessage, type ServerMessage } from '../../scenarios/classroom.ts';

type Outgoing = ClientMessage extends infer M ? (M extends { v: 1 } ? Omit<M, 'v'> : never) : never;

export class ClassroomConnection implements ReactiveController {
  online = false;
  private ws: WebSocket | null = null;
  private retry = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly hello: () => Outgoing | null,
    private readonly onMessage: (m: ServerMessage) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stopped = false;
    this.open();
  }

  hostDisconnected(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.close();
  }

  private open(): void {
    if (this.stopped) return;
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${proto}//${location.host}/ws`);
    this.ws = ws;
    ws.addEventListener('open', () => {
      this.online = true;
      this.retry = 0;
      const h = this.hello();
      if (h) this.send(h);
      this.host.requestUpdate();
    });
    ws.addEventListener('message', (e) => {
      try {
        this.onMessage(JSON.parse(String(e.data)) as ServerMessage);
      } catch (err) {
        console.warn('[classroom] bad message from server', err);
      }
    });
    ws.addEventListener('close', () => {
      if (this.ws !== ws) return;
      this.online = false;
      this.host.requestUpdate();
      if (this.stopped) return;
      const delay = Math.min(5000, 300 * 2 ** this.retry++);
      this.timer = setTimeout(() => this.open(), delay);
    });
  }

  send(m: Outgoing): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ v: PROTOCOL_VERSION, ...m }));
  }

  /** Say hello again on the open connection (after the seat or room changed). */
  rehello(): void {
    const h = this.hello();
    if (h) this.send(h);
  }

  /** Drop the connection as a network failure would (tests) and let it reconnect. */
  drop(): void {
    this.ws?.close();
  }
}
