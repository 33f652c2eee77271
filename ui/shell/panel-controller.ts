/**
 * A reactive controller for the side panel (the timeline editor and the knobs): whether it is
 * open (closed at first on phones and in presentation mode), and the day whose values the knob
 * panel shows (under a chart's cursor, else the day chosen in the timeline editor). The cursor
 * is set straight on the knob panel, so moving it re-renders the panel, not the page.
 */
import type { ReactiveControllerHost } from 'lit';

/** A phone-sized screen, where the panel starts closed (the width at which the layout stacks). */
export function narrowScreen(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(max-width: 900px)').matches;
}

export class PanelController {
  /** The panel is shown. */
  open = !narrowScreen();
  private cursor: { hover: string | null; chosen: string | null } = { hover: null, chosen: null };

  constructor(private readonly host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment }) {}

  toggle(): void {
    this.open = !this.open;
    this.host.requestUpdate();
  }

  /** Presentation mode on hides the panel; off shows it again where there is room. */
  present(on: boolean): void {
    this.open = !on && !narrowScreen();
    this.host.requestUpdate();
  }

  setCursor(change: { hover?: string | null; chosen?: string | null }): void {
    this.cursor = { ...this.cursor, ...change };
    const panel = this.host.renderRoot.querySelector('hl-knob-panel');
    if (panel) panel.cursorDate = this.cursor.hover ?? this.cursor.chosen;
  }
}
