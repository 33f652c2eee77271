/**
 * An embed's `show=` flag: which charts (by id) and whether the key figures are shown. Ids are
 * the charts' (CHART_DEFS, and 'ranks') and 'figures'. Pure.
 */
import { CHART_DEFS } from './chart-defs.ts';

/** Every id `show=` accepts, in the panel's order, and 'figures' for the key figures. */
export const SHOW_IDS: readonly string[] = [
  ...CHART_DEFS.slice(0, 7).map((d) => d.id),
  'ranks',
  ...CHART_DEFS.slice(7).map((d) => d.id),
  'figures',
];

export interface EmbedShow {
  /** Chart ids to show; empty: every chart. */
  charts: string[];
  /** Show the key figures. */
  figures: boolean;
  /** Ids that are not charts or figures (shown to the reader, not silently dropped). */
  unknown: string[];
}

/** Read a `show=` list. No list, or only unknown ids: every chart and no figures. */
export function embedShow(show: readonly string[]): EmbedShow {
  const known = show.filter((id) => SHOW_IDS.includes(id));
  const unknown = show.filter((id) => !SHOW_IDS.includes(id));
  return { charts: known.filter((id) => id !== 'figures'), figures: known.includes('figures'), unknown };
}
