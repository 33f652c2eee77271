/**
 * A reactive controller for the app's short status message ("Link copied", "Imported run.csv",
 * an export or a seed that failed): shown for a few seconds, then cleared; a new message
 * replaces the old one and starts the time again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long a message stays. */
const SHOW_MS = 6000;

export class FlashController implements ReactiveController {
  /** The message on screen, '' for none. */
  text = '';
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  show(message: string): void {
    this.text = message;
    this.host.requestUpdate();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.text = '';
      this.host.requestUpdate();
    }, SHOW_MS);
  }

  hostDisconnected(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
