/**
 * A reactive controller that keeps a host's `_width` (a reactive state property) equal to its
 * rendered width, through a ResizeObserver it owns and frees when the host disconnects.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface WidthHost extends ReactiveControllerHost, Element {
  _width: number;
}

export class WidthController implements ReactiveController {
  private ro: ResizeObserver | null = null;
  /** `tolerance`: changes of at most this many pixels are ignored (avoids resize loops). */
  constructor(
    private readonly host: WidthHost,
    private readonly tolerance = 0,
  ) {
    host.addController(this);
  }
  hostConnected(): void {
    this.ro = new ResizeObserver((entries) => {
      const w = Math.round(entries[0].contentRect.width);
      if (w > 0 && Math.abs(w - this.host._width) > this.tolerance) this.host._width = w;
    });
    this.ro.observe(this.host);
  }
  hostDisconnected(): void {
    this.ro?.disconnect();
    this.ro = null;
  }
}
