/**
 * A reactive controller that keeps the page's state in the address bar and in localStorage.
 * At start it reads the link (the address bar's, or the scenario stored before a reload) into its
 * host's `page`; after each of the host's updates it writes the state back: the address bar (replaced,
 * not pushed: no history entry per knob), the stored scenario (not in an embedded frame) and the
 * document's language and title.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { startLink, storeQuery } from '../persist.ts';
import { openLink } from '../../versions/open.ts';
import { runsArchived } from '../../versions/registry.ts';
import { t } from '../i18n.ts';
import { type PageLink, type PageState, pageQuery, readPageLink } from './page-link.ts';

export class LinkController implements ReactiveController {
  /** The query last built, and the state it was built from (a new state object is a new state). */
  private memo: { page: PageState | null; q: string } = { page: null, q: '' };
  /** The query last written to the address bar, and to localStorage (each written only when it changes). */
  private shownQ = '';
  private storedQ = '';
  private docLang = '';

  constructor(private readonly host: ReactiveControllerHost & { page: PageState }) {
    host.addController(this);
  }

  /** Load the start link into the host: the address bar wins when it holds a scenario, else the stored one. */
  load(): Omit<PageLink, 'state'> {
    const { state, ...rest } = readPageLink(startLink(location.href));
    this.host.page = state;
    return rest;
  }

  /**
   * A start link made with an archived model version, read by that version's own code (the
   * page then runs on it); null when it cannot be (the notice names the link's version).
   */
  async openArchived(linkVersion: string | null): Promise<PageState['archived']> {
    if (!linkVersion || !runsArchived(linkVersion)) return null;
    const href = startLink(location.href);
    try {
      const o = await openLink(href);
      return o.archived ? { version: o.version, knobs: o.parsed.scenario.knobs, query: new URL(href).search } : null;
    } catch {
      return null;
    }
  }

  /** The host's state as a query string. Renders come with every chunk of a run: rebuilt only when the state changed. */
  query(): string {
    const page = this.host.page;
    if (this.memo.page !== page) this.memo = { page, q: pageQuery(page) };
    return this.memo.q;
  }

  /** The full link of the current state, with `extra` parameters appended. */
  link(extra = ''): string {
    return location.origin + location.pathname + this.query() + extra;
  }

  hostUpdated(): void {
    const q = this.query();
    if (q !== this.shownQ) {
      this.shownQ = q;
      if (location.search !== q) history.replaceState(history.state, '', q);
    }
    if (!this.host.page.embed && q !== this.storedQ) {
      this.storedQ = q;
      storeQuery(q);
    }
    const lang = this.host.page.lang;
    if (lang !== this.docLang) {
      this.docLang = lang;
      document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
      document.title = t(lang, 'title');
    }
  }
}
