/**
 * A scripted classroom client over the real protocol (Node `ws`): the load test's students and
 * the unit tests' players. It keeps every message it received and waits for one that matches.
 */
import { WebSocket } from 'ws';
import type { ServerMessage } from '../scenarios/classroom.ts';

export class ScriptedClient {
  readonly ws: WebSocket;
  readonly received: ServerMessage[] = [];
  private waiters: { test: (m: ServerMessage) => boolean; ok: (m: ServerMessage) => void }[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;

  constructor(url: string, origin?: string) {
    this.ws = new WebSocket(url, origin ? { origin } : {});
    this.opened = new Promise((ok, fail) => {
      this.ws.once('open', () => ok());
      this.ws.once('error', fail);
    });
    this.closed = new Promise((ok) => this.ws.once('close', (code) => ok(code)));
    this.ws.on('error', () => {});
    this.ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as ServerMessage;
      this.received.push(m);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(m)) return true;
        w.ok(m);
        return false;
      });
    });
  }

  send(m: unknown): void {
    this.ws.send(typeof m === 'string' ? m : JSON.stringify(m));
  }

  /** The next message (from now on, or already received when `past`) that passes `test`. */
  next<T extends ServerMessage>(test: (m: ServerMessage) => m is T, timeoutMs = 30000, past = false): Promise<T> {
    if (past) {
      for (let i = this.received.length - 1; i >= 0; i--) {
        const m = this.received[i];
        if (test(m)) return Promise.resolve(m);
      }
    }
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no matching message in ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        test,
        ok: (m) => {
          clearTimeout(timer);
          ok(m as T);
        },
      });
    });
  }

  close(): void {
    this.ws.close();
  }
}

export const isType =
  <K extends ServerMessage['type']>(type: K) =>
  (m: ServerMessage): m is Extract<ServerMessage, { type: K }> =>
    m.type === type;
