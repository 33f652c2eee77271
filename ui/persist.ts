/**
 * Nothing lost on a reload: the app's state (the same query string the address bar holds) is
 * kept in localStorage. On start the address bar wins when it holds a scenario (any parameter
 * besides the app's own: lang, view, compare, ...); otherwise the stored scenario is used, with
 * the address bar's own parameters on top. Storage may be blocked (private mode, sandboxed
 * iframes): then nothing is remembered and nothing breaks.
 */
import { MAX_LINK_LENGTH, RESERVED_PARAMS } from '../scenarios/link.ts';

/** Where the scenario is kept (the e2e tests read it too). */
export const SCENARIO_KEY = 'hotline-lab.scenario';

/** Does this query name a scenario (a preset, seed or knob), not only app parameters? */
export function holdsScenario(search: string): boolean {
  try {
    for (const k of new URLSearchParams(search).keys()) if (!(RESERVED_PARAMS as readonly string[]).includes(k)) return true;
  } catch {
    return true;
  }
  return false;
}

export function storedQuery(): string | null {
  try {
    const q = localStorage.getItem(SCENARIO_KEY);
    return q?.startsWith('?') && q.length <= MAX_LINK_LENGTH ? q : null;
  } catch {
    return null;
  }
}

export function storeQuery(q: string): void {
  try {
    localStorage.setItem(SCENARIO_KEY, q);
  } catch {
    /* remembering is a convenience */
  }
}

/** The link to start from: the address bar's, or the stored scenario under the address bar's app parameters. */
export function startLink(href: string): string {
  const url = new URL(href);
  if (holdsScenario(url.search)) return href;
  const stored = storedQuery();
  if (!stored) return href;
  const params = new URLSearchParams(stored);
  for (const [k, v] of new URLSearchParams(url.search)) params.set(k, v);
  return url.origin + url.pathname + '?' + params.toString();
}
