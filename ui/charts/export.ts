/**
 * Export a chart's svg as a standalone SVG file or a 2x PNG. Styles from the page's
 * (shadow) stylesheets are copied inline, so the file looks like the screen.
 */
import { saveBlob } from '../download.ts';
import { wrapLines } from './caption.ts';

/** Properties worth copying: enough for paths, text and fills to look right outside the page. */
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linejoin',
  'stroke-linecap',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'shape-rendering',
  'visibility',
  'display',
  'paint-order',
  'writing-mode',
] as const;

export interface ExportExtras {
  /** Title printed above the plot. */
  title?: string;
  /** Legend entries printed below the title. */
  legend?: { label: string; color: string; dashed?: boolean }[];
  /** A note printed at the bottom (e.g. the run's seed and scenario). */
  note?: string;
  /** Caption lines printed below everything (the run's provenance, caption.ts); wrapped to the width. */
  caption?: string[];
}

const NS = 'http://www.w3.org/2000/svg';
const CAPTION_SIZE = 11;
const CAPTION_LINE = 15;

/** Rough rendered width of a label: CJK glyphs a full em, others about 0.58 em. */
export function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.58;
  return Math.ceil(w);
}

/** A standalone copy of `svg` with computed styles inlined, a white background and an optional title and legend. */
export function serializeSvg(svg: SVGSVGElement, extras: ExportExtras = {}): { text: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width || Number(svg.getAttribute('width')) || 600);
  const plotH = Math.round(box.height || Number(svg.getAttribute('height')) || 300);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...svg.querySelectorAll('*')];
  const dst = [clone, ...clone.querySelectorAll('*')];
  for (let i = 0; i < src.length; i++) {
    const cs = getComputedStyle(src[i]);
    const el = dst[i] as SVGElement;
    const parts: string[] = [];
    for (const p of PROPS) {
      const v = cs.getPropertyValue(p);
      if (v) parts.push(`${p}:${v}`);
    }
    el.setAttribute('style', parts.join(';'));
    el.removeAttribute('class');
  }
  // Interactive bits (read-out rule, focus overlay) are not part of the figure.
  for (const n of clone.querySelectorAll('[data-noexport]')) n.remove();

  // Legend entries flow left to right and wrap; text width is estimated (CJK glyphs are about twice as wide).
  const items = (extras.legend ?? []).map((e) => ({ ...e, w: 30 + textWidth(e.label, 13) }));
  const rows: { x: number; row: number }[] = [];
  let lx = 8;
  let row = 0;
  for (const it of items) {
    if (lx + it.w > width - 4 && lx > 8) {
      lx = 8;
      row++;
    }
    rows.push({ x: lx, row });
    lx += it.w + 10;
  }
  const legendH = items.length ? 22 * (row + 1) : 0;
  // a long title wraps rather than running off the image
  const titleLines = extras.title ? wrapLines([extras.title], (l) => textWidth(l, 16) * 1.05 <= width - 16) : [];
  const top = titleLines.length * 22 + (titleLines.length ? 6 : 0) + legendH;
  const capLines = wrapLines(extras.caption ?? [], (l) => textWidth(l, CAPTION_SIZE) <= width - 16);
  const bottom = (extras.note ? 22 : 0) + (capLines.length ? capLines.length * CAPTION_LINE + 8 : 0);
  const height = plotH + top + bottom + 8;
  const out = document.createElementNS(NS, 'svg');
  out.setAttribute('xmlns', NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  out.setAttribute('font-family', 'system-ui, sans-serif');
  const bg = document.createElementNS(NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#fff');
  out.append(bg);
  let y = 4;
  for (const line of titleLines) {
    const t = document.createElementNS(NS, 'text');
    t.setAttribute('x', '8');
    t.setAttribute('y', String(y + 18));
    t.setAttribute('font-size', '16');
    t.setAttribute('font-weight', '600');
    t.textContent = line;
    out.append(t);
    y += 22;
  }
  if (titleLines.length) y += 6;
  items.forEach((e, i) => {
    const gx = rows[i].x;
    const gy = y + rows[i].row * 22;
    const sw = document.createElementNS(NS, 'line');
    sw.setAttribute('x1', String(gx));
    sw.setAttribute('x2', String(gx + 18));
    sw.setAttribute('y1', String(gy + 9));
    sw.setAttribute('y2', String(gy + 9));
    sw.setAttribute('stroke', e.color);
    sw.setAttribute('stroke-width', e.dashed ? '2' : '6');
    if (e.dashed) sw.setAttribute('stroke-dasharray', '5 3');
    const t = document.createElementNS(NS, 'text');
    t.setAttribute('x', String(gx + 24));
    t.setAttribute('y', String(gy + 14));
    t.setAttribute('font-size', '13');
    t.textContent = e.label;
    out.append(sw, t);
  });
  y += legendH;
  const g = document.createElementNS(NS, 'g');
  g.setAttribute('transform', `translate(0,${y})`);
  while (clone.firstChild) g.append(clone.firstChild);
  out.append(g);
  const capTop = height - 8 - capLines.length * CAPTION_LINE;
  if (capLines.length) {
    const rule = document.createElementNS(NS, 'line');
    rule.setAttribute('x1', '8');
    rule.setAttribute('x2', String(width - 8));
    rule.setAttribute('y1', String(capTop - 2));
    rule.setAttribute('y2', String(capTop - 2));
    rule.setAttribute('stroke', '#ccc');
    const cap = document.createElementNS(NS, 'text');
    cap.setAttribute('class', 'caption');
    cap.setAttribute('font-size', String(CAPTION_SIZE));
    cap.setAttribute('fill', '#444');
    capLines.forEach((line, i) => {
      const span = document.createElementNS(NS, 'tspan');
      span.setAttribute('x', '8');
      span.setAttribute('y', String(capTop + (i + 1) * CAPTION_LINE - 3));
      span.textContent = line;
      cap.append(span);
    });
    out.append(rule, cap);
  }
  if (extras.note) {
    const t = document.createElementNS(NS, 'text');
    t.setAttribute('x', '8');
    t.setAttribute('y', String((capLines.length ? capTop - 6 : height) - 8));
    t.setAttribute('font-size', '11');
    t.setAttribute('fill', '#555');
    t.textContent = extras.note;
    out.append(t);
  }
  const text = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(out);
  return { text, width, height };
}

/** Rasterise SVG text at `scale` times its size (via an <img> of the SVG blob drawn on a canvas). */
export async function svgToPng(text: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('could not load the SVG for PNG export'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A file-name-safe slug of a chart title. */
export function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'chart'
  );
}

/** Export an svg as a file: 'svg' saves the text, 'png' a 2x raster. */
export async function exportSvgElement(
  svg: SVGSVGElement,
  format: 'svg' | 'png',
  fileBase: string,
  extras: ExportExtras = {},
): Promise<void> {
  const s = serializeSvg(svg, extras);
  if (format === 'svg') saveBlob(new Blob([s.text], { type: 'image/svg+xml' }), `${fileBase}.svg`);
  else saveBlob(await svgToPng(s.text, s.width, s.height, 2), `${fileBase}.png`);
}
