/**
 * The caption drawn into every exported chart image: the scenario (its preset, and whether the
 * knobs or timeline differ from it, with the short hash the export file names carry), the seed,
 * the model version and the link that opens the run again. Pure.
 */
import { traceableFileName } from '../../scenarios/export.ts';
import { t } from '../i18n.ts';
import type { ChartProvenance, Lang } from './types.ts';

/** The caption's text lines (before wrapping): what ran, then the link. */
export function captionLines(p: ChartProvenance, lang: Lang, compare = false): string[] {
  const preset = p.changed ? t(lang, 'chart.capChanged', { preset: p.preset }) : p.preset;
  const first = [
    `${t(lang, 'title')} · ${t(lang, 'chart.capScenario', { preset })} (${p.hash})`,
    t(lang, 'chart.capSeed', { seed: p.seed }),
    t(lang, 'chart.capModel', { version: p.version }),
    ...(compare ? [t(lang, 'chart.capCompare')] : []),
  ].join(' · ');
  return [first, t(lang, 'chart.capLink', { link: p.link })];
}

/** Break lines longer than `fits` allows (a link has no spaces: it is broken anywhere). */
export function wrapLines(lines: readonly string[], fits: (s: string) => boolean): string[] {
  const out: string[] = [];
  for (const line of lines) {
    let rest = line;
    while (rest.length && !fits(rest)) {
      // the longest prefix that fits, preferring a break after a space, '&' or '·'
      let n = 1;
      while (n < rest.length && fits(rest.slice(0, n + 1))) n++;
      const soft = Math.max(rest.lastIndexOf(' ', n), rest.lastIndexOf('&', n - 1));
      const cut = soft > n * 0.6 ? soft + 1 : n;
      out.push(rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut);
    }
    if (rest.length) out.push(rest);
  }
  return out;
}

/** An exported chart's file name without extension: traceable like the run exports (`..._chart-<file>[-compare]_v..._s...`). */
export function chartFileBase(p: ChartProvenance | null, file: string, compare: boolean): string {
  const what = `chart-${file}${compare ? '-compare' : ''}`;
  if (!p) return `hotline-lab_${what}`;
  return traceableFileName({ preset: p.preset, hash: p.hash, what, version: p.version, seed: p.seed, ext: 'x' }).slice(0, -2);
}
