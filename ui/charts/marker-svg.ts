/**
 * The timeline markers as svg, shared by the line charts and the rank chart: a vertical line at
 * each change's day and its label written down the line (Chinese upright, top to bottom; other
 * languages turned a quarter), cut to the plot's height, the full text in a <title>. Part of the
 * figure, so exports keep them. Styles: `markerStyles`.
 */
import { css, nothing, svg } from 'lit';
import { textWidth } from './export.ts';
import type { ChartMarker, Lang } from './types.ts';

export const markerStyles = css`
  .marker line { stroke: #9a4a00; stroke-width: 1.5; }
  .marker text { font-size: 11px; fill: #7a3a00; stroke: #fff; stroke-width: 3px; stroke-opacity: 0.85; paint-order: stroke; stroke-linejoin: round; }
  .marker.base line { stroke: #555; stroke-dasharray: 3 3; }
  .marker.base text { fill: #444; }
`;

const SIZE = 11;

/** Markers at x = `xOf(marker)` (skipped when null) from `top` to `bottom`. */
export function markersSvg(
  markers: readonly ChartMarker[] | undefined,
  xOf: (m: ChartMarker) => number | null,
  top: number,
  bottom: number,
  lang: Lang,
) {
  if (!markers?.length) return nothing;
  const room = bottom - top - 6;
  return svg`<g class="markers">${markers.map((m) => {
    const x = xOf(m);
    if (x === null || !Number.isFinite(x)) return nothing;
    let label = m.label;
    if (textWidth(label, SIZE) > room) {
      while (label.length > 1 && textWidth(`${label}…`, SIZE) > room) label = label.slice(0, -1);
      label = `${label}…`;
    }
    const ty = top + 3;
    const text =
      lang === 'zh'
        ? svg`<text x=${x + 8} y=${ty} writing-mode="vertical-rl">${label}</text>`
        : svg`<text x=${x + 3} y=${ty} transform=${`rotate(90 ${x + 3} ${ty})`}>${label}</text>`;
    return svg`<g class=${m.baseline ? 'marker base' : 'marker'} data-marker=${m.date}>
      <title>${m.title}</title>
      <line x1=${x} x2=${x} y1=${top} y2=${bottom}></line>
      ${text}
    </g>`;
  })}</g>`;
}
