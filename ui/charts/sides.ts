/**
 * What compare mode calls its two sides. Ordinarily the scenario against its preset's baseline,
 * and the existing words ("policy", "baseline") say so. On a page opened on an archived model
 * version, the other side is the same scenario on today's model: both sides are then named by
 * their model version, so the charts, the key figures and the run controls say plainly which
 * version each line and number comes from. Pure.
 */
import { t } from '../i18n.ts';
import type { Lang, RunView } from './types.ts';

export interface SideNames {
  /** The page's own run, e.g. "Model 0.1.0". */
  run: string;
  /** The other side, e.g. "Model 0.2.0". */
  base: string;
}

/** The two sides' names when they run on different model versions; null for ordinary compare mode. */
export function sideNames(run: RunView | null | undefined, base: RunView | null | undefined, lang: Lang): SideNames | null {
  if (!run?.model || !base?.model || run.model === base.model) return null;
  return { run: t(lang, 'tl.modelCol', { v: run.model }), base: t(lang, 'tl.modelCol', { v: base.model }) };
}
