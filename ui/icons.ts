/**
 * Small inline SVG icons for the run buttons: they do not depend on the fonts a projector
 * machine has (emoji and media symbols often render as empty boxes). Decorative only: every
 * button carries its name as text.
 */
import { svg, type TemplateResult } from 'lit';

const wrap = (body: TemplateResult) =>
  svg`<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false" fill="currentColor">${body}</svg>`;

export const ICONS = {
  play: wrap(svg`<path d="M4 2.5v11l9-5.5z"/>`),
  pause: wrap(svg`<rect x="3.5" y="2.5" width="3" height="11"/><rect x="9.5" y="2.5" width="3" height="11"/>`),
  step: wrap(svg`<path d="M3 2.5v11l7-5.5z"/><rect x="11" y="2.5" width="2.5" height="11"/>`),
  stop: wrap(svg`<rect x="3" y="3" width="10" height="10"/>`),
  restart: wrap(
    svg`<path d="M8 2.5a5.5 5.5 0 1 0 5.3 7h-1.9A3.8 3.8 0 1 1 8 4.2c1 0 2 .4 2.6 1.1L8.8 7H14V1.8l-2.1 2.1A5.5 5.5 0 0 0 8 2.5z"/>`,
  ),
  link: wrap(
    svg`<path d="M6.6 9.4a.8.8 0 0 1 0-1.1l3.2-3.2a2.3 2.3 0 0 1 3.2 3.2l-1.5 1.5-1.1-1.1 1.5-1.5a.7.7 0 0 0-1-1L7.7 9.4a.8.8 0 0 1-1.1 0zM3 11.9a2.3 2.3 0 0 1 0-3.2l1.5-1.5 1.1 1.1-1.5 1.5a.7.7 0 0 0 1 1l3.2-3.2 1.1 1.1-3.2 3.2a2.3 2.3 0 0 1-3.2 0z"/>`,
  ),
};
