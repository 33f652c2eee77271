/**
 * The app shell's page layout: the header band on top, the knob panel beside the results
 * (stacked on narrow screens), the skip link and the run bar.
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
    grid-template-columns: minmax(18rem, 23rem) 1fr;
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
  @media (max-width: 900px) {
    .body {
      grid-template-columns: 1fr;
    }
    aside {
      max-height: 40vh;
      border-right: none;
      border-bottom: 1px solid var(--hl-line, #ccc);
    }
  }
`;
