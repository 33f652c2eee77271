/**
 * A balanced grid for the key figures: as many columns as fit, then as few as keep the same
 * number of rows, so the rows are even and no card sits alone on the last row unless nothing
 * else fits (11 figures: 6 + 5, 4 + 4 + 3, 3 + 3 + 3 + 2, never 10 + 1 or 5 + 5 + 1).
 * The controller watches the figures' width and sets `--hl-figure-grid` on the element, which
 * `<hl-key-figures>` uses for its grid (its own auto-fit grid when the property is unset).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Columns for `n` cards when at most `fit` fit in a row: the fewest rows, and of the column
 * counts that give them, the one with the fullest last row (a lone card only when every count does).
 */
export function balancedColumns(n: number, fit: number): number {
  if (!(n > 0) || !(fit >= 1)) return 1;
  const max = Math.min(n, Math.floor(fit));
  const rows = Math.ceil(n / max);
  let best = max;
  let bestLast = 0;
  for (let c = max; c >= 1 && Math.ceil(n / c) === rows; c--) {
    const last = n - (rows - 1) * c;
    if (last > bestLast) {
      best = c;
      bestLast = last;
    }
  }
  return best;
}

/** How many cards of `min` px with `gap` px between them fit in `width` px. */
export function fittingColumns(width: number, min: number, gap: number): number {
  return Math.max(1, Math.floor((width + gap) / (min + gap)));
}

/** The smallest card (6.4rem) and the gap (0.4rem) of `<hl-key-figures>`, in rem. */
const CARD_REM = 6.4;
const GAP_REM = 0.4;

export class FigureGridController implements ReactiveController {
  private ro: ResizeObserver | null = null;
  private el: HTMLElement | null = null;

  /** `find` returns the figures' element in the host's current render; `count` the number of cards. */
  constructor(
    host: ReactiveControllerHost,
    private readonly find: () => HTMLElement | null,
    private readonly count: () => number,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const el = this.find();
    if (el === this.el) return;
    this.ro?.disconnect();
    this.el = el;
    if (!el) return;
    this.ro = new ResizeObserver((entries) => this.apply(entries[0].contentRect.width));
    this.ro.observe(el);
  }

  hostDisconnected(): void {
    this.ro?.disconnect();
    this.ro = null;
    this.el = null;
  }

  /** `width`: the element's content width in its own CSS pixels. */
  private apply(width: number): void {
    const el = this.el;
    if (!el || width <= 0) return;
    const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const cols = balancedColumns(this.count(), fittingColumns(width, CARD_REM * rem, GAP_REM * rem));
    const value = `repeat(${cols}, minmax(0, 1fr))`;
    if (el.style.getPropertyValue('--hl-figure-grid') !== value) el.style.setProperty('--hl-figure-grid', value);
  }
}
