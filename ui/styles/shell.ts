/**
 * The app shell's page layout: the header band on top, the knob panel beside the results, the
 * skip link and the run bar. Wide screens: the panel and the results scroll side by side, and a
 * closed panel gives its width to the results. Narrow screens (phones): one column and one page
 * scroll, no scroll pane inside another. Presentation mode (`main.present`): larger charts and
 * key figures (CSS zoom, so the charts lay themselves out for the larger size).
 * The parts (header, notices, tabs, dialog) carry their own styles.
 */
import { css } from 'lit';

export const shellStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: 100vh;
    font-size: 1rem;
    color: var(--hl-fg, #1a1a1a);
    background: var(--hl-bg, #fff);
  }
  /* story mode: until the class runs the step, hide the previous scenario's results */
  main.story-waiting > :not(hl-story):not(hl-scenario-about) {
    display: none;
  }
  .skip {
    position: absolute;
    left: -999px;
    top: 0;
    z-index: 100;
    background: #fff;
    padding: 0.4rem 0.8rem;
  }
  .skip:focus {
    left: 0.5rem;
  }
  .body {
    flex: 1;
    min-height: 0;
    display: grid;
    grid-template-columns: minmax(18rem, 23rem) minmax(0, 1fr);
  }
  .body.knobs-closed {
    grid-template-columns: minmax(0, 1fr);
  }
  aside {
    overflow-y: auto;
    padding: 0.5rem 0.7rem 2rem;
    border-right: 1px solid var(--hl-line, #ccc);
    background: #fcfcfd;
  }
  aside h2 {
    font-size: 1.1rem;
    margin: 0.2rem 0 0.3rem;
  }
  main {
    overflow-y: auto;
    padding: 0.5rem 0.9rem 2rem;
    display: flex;
    flex-direction: column;
    gap: 0.55rem;
    min-width: 0;
  }
  main:focus {
    outline: none;
  }
  .runbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    padding: 0.45rem 0.6rem;
    border: 1px solid var(--hl-line, #ccc);
    border-radius: 8px;
    background: #f6f8fb;
  }
  .runbar hl-run-controls {
    flex: 1 1 auto;
  }
  .status-msg {
    min-height: 0;
  }
  .status-msg .notice {
    margin: 0.3rem 0.9rem;
  }
  /* a small screen (or a large zoom) gets a smaller enlargement, so the charts still show */
  @media (min-width: 901px) {
    main.present hl-key-figures {
      zoom: 1.15;
    }
    main.present hl-views {
      zoom: 1.1;
    }
  }
  @media (min-width: 1200px) {
    main.present hl-key-figures {
      zoom: 1.35;
    }
    main.present hl-views {
      zoom: 1.3;
    }
  }
  @media (max-width: 900px) {
    :host {
      height: auto;
      min-height: 100vh;
    }
    .body {
      display: block;
    }
    aside {
      overflow: visible;
      border-right: none;
      border-bottom: 1px solid var(--hl-line, #ccc);
    }
    main {
      overflow: visible;
      padding: 0.5rem 0.6rem 2rem;
    }
  }
`;
