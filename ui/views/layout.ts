/**
 * Pure layout helpers for the agent views: the district treemap, the village's household
 * dots, and the value a district metric takes in each cell. No DOM; unit-tested.
 */
import * as d3 from 'd3';
import type { CellSnapshot } from '../../sim/index.ts';

export type DistrictMetric = 'ticketsFiled' | 'defectsOpen' | 'disputesOpen' | 'wechat' | 'norm' | 'ticketsPer1k';
export const DISTRICT_METRICS: readonly DistrictMetric[] = [
  'ticketsFiled',
  'ticketsPer1k',
  'defectsOpen',
  'disputesOpen',
  'wechat',
  'norm',
];

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface DistrictLayout {
  /** Cell rectangles, indexed by cell. */
  x0: Float32Array;
  y0: Float32Array;
  x1: Float32Array;
  y1: Float32Array;
  /** Cells in drawing order (unit by unit), for keyboard moves. */
  order: Int32Array;
  /** Position of each cell in `order`. */
  rankOf: Int32Array;
  /** One rectangle per unit, with the unit's label room. */
  units: (Rect & { unit: number; population: number })[];
}

/**
 * A treemap of cells grouped by unit, cell area proportional to population (at least a
 * tenth of the mean cell, so every cell is drawn). Units are ordered by index and cells by index within a unit,
 * so the same world always gets the same picture.
 */
export function districtLayout(cells: Pick<CellSnapshot, 'count' | 'unit' | 'population'>, width: number, height: number): DistrictLayout {
  interface Node {
    unit?: number;
    cell?: number;
    value?: number;
    children?: Node[];
  }
  // Every cell gets at least a tenth of the mean cell's area, so an empty or tiny cell stays visible.
  let total = 0;
  for (let c = 0; c < cells.count; c++) total += Math.max(0, cells.population[c]);
  const floor = Math.max(1, (0.1 * total) / Math.max(1, cells.count));
  const byUnit = new Map<number, Node[]>();
  for (let c = 0; c < cells.count; c++) {
    const u = cells.unit[c];
    let list = byUnit.get(u);
    if (!list) {
      list = [];
      byUnit.set(u, list);
    }
    list.push({ cell: c, value: Math.max(floor, cells.population[c]) });
  }
  const units = [...byUnit.keys()].sort((a, b) => a - b);
  const root = d3.hierarchy<Node>({ children: units.map((u) => ({ unit: u, children: byUnit.get(u)! })) }).sum((n) => n.value ?? 0);
  const n = cells.count;
  const gap = n > 2000 ? 0 : n > 500 ? 0.5 : 1;
  d3
    .treemap<Node>()
    .tile(d3.treemapSquarify.ratio(1.3))
    .size([width, height])
    .paddingOuter(gap ? 1.5 : 1)
    .paddingInner(gap)
    .round(false)(root);
  const out: DistrictLayout = {
    x0: new Float32Array(n),
    y0: new Float32Array(n),
    x1: new Float32Array(n),
    y1: new Float32Array(n),
    order: new Int32Array(n),
    rankOf: new Int32Array(n),
    units: [],
  };
  let k = 0;
  for (const u of (root.children ?? []) as d3.HierarchyRectangularNode<Node>[]) {
    out.units.push({ unit: u.data.unit!, x0: u.x0, y0: u.y0, x1: u.x1, y1: u.y1, population: u.value ?? 0 });
    for (const leaf of (u.children ?? []) as d3.HierarchyRectangularNode<Node>[]) {
      const c = leaf.data.cell!;
      out.x0[c] = leaf.x0;
      out.y0[c] = leaf.y0;
      out.x1[c] = leaf.x1;
      out.y1[c] = leaf.y1;
      out.order[k] = c;
      out.rankOf[c] = k;
      k++;
    }
  }
  return out;
}

/** The cell whose rectangle contains (x, y), or -1. */
export function cellAt(layout: DistrictLayout, x: number, y: number): number {
  const { x0, y0, x1, y1 } = layout;
  for (let c = 0; c < x0.length; c++) if (x >= x0[c] && x < x1[c] && y >= y0[c] && y < y1[c]) return c;
  return -1;
}

/** The value of a district metric in every cell. */
export function metricValues(cells: CellSnapshot, metric: DistrictMetric): Float64Array {
  const out = new Float64Array(cells.count);
  for (let c = 0; c < cells.count; c++) {
    switch (metric) {
      case 'ticketsPer1k':
        out[c] = cells.population[c] > 0 ? (cells.ticketsFiled[c] * 1000) / cells.population[c] : 0;
        break;
      case 'norm':
        out[c] = cells.norm[c];
        break;
      default:
        out[c] = cells[metric][c];
    }
  }
  return out;
}

/** Colour domain of a metric: [0, 1] for shares, else [0, the 98th percentile] so one outlier does not wash the map out. */
export function colorDomain(values: Float64Array, metric: DistrictMetric): [number, number] {
  if (metric === 'norm') return [0, 1];
  const finite = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const hi = finite.length ? (d3.quantileSorted(finite, 0.98) ?? 0) : 0;
  return [0, hi > 0 ? hi : Math.max(1, finite[finite.length - 1] ?? 1)];
}

/** A small deterministic hash to [0, 1): the same index and seed always give the same number. */
export function hash01(i: number, seed: number): number {
  let h = (Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(seed + 0x632be5ab, 0xc2b2ae35)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

export interface HouseholdLayout {
  x: Float32Array;
  y: Float32Array;
  /** Dot radius that keeps neighbours apart. */
  r: number;
}

/**
 * Households as a jittered grid filling a box: rows and columns chosen for the box's
 * aspect, each dot nudged by a seeded hash (never Math.random), so a cell's village
 * always looks the same.
 */
export function householdLayout(n: number, box: { x: number; y: number; w: number; h: number }, seed = 1): HouseholdLayout {
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  if (n <= 0) return { x, y, r: 4 };
  const cols = Math.max(1, Math.ceil(Math.sqrt((n * box.w) / box.h)));
  const rows = Math.max(1, Math.ceil(n / cols));
  const sx = box.w / cols;
  const sy = box.h / rows;
  const s = Math.min(sx, sy);
  for (let i = 0; i < n; i++) {
    const cx = i % cols;
    const cy = Math.floor(i / cols);
    x[i] = box.x + (cx + 0.5 + (hash01(i, seed) - 0.5) * 0.5) * sx;
    y[i] = box.y + (cy + 0.5 + (hash01(i, seed + 7919) - 0.5) * 0.5) * sy;
  }
  return { x, y, r: Math.max(1.2, Math.min(7, s * 0.3)) };
}
