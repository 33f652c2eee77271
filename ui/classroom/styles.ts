/** Styles the classroom's views share: cards, bars, buttons large enough for a thumb. */
import { css } from 'lit';
import { baseStyles } from '../styles/index.ts';

export const classroomStyles = [
  baseStyles,
  css`
    :host {
      font-size: 1rem;
      color: var(--hl-fg, #1a1a1a);
      box-sizing: border-box;
      padding: 0.75rem;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
    h1.title {
      font-size: 1.4rem;
      margin: 0.5rem 0 1rem;
    }
    .bar h1.title {
      margin: 0;
    }
    h2 {
      font-size: 1.1rem;
      margin: 0 0 0.5rem;
    }
    h3 {
      font-size: 1rem;
      margin: 1rem 0 0.25rem;
    }
    .card {
      border: 1px solid var(--hl-line, #c8ccd2);
      border-radius: 10px;
      padding: 0.8rem 1rem;
      margin: 0 0 0.75rem;
      background: #fff;
    }
    .bar {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 0.75rem;
      margin-bottom: 0.75rem;
    }
    .label {
      color: var(--hl-muted, #444);
      font-size: 0.9rem;
    }
    button {
      font: inherit;
      min-height: 2.75rem;
      padding: 0.4rem 1rem;
      border-radius: 8px;
      border: 1px solid var(--hl-line, #c8ccd2);
      background: #f4f5f7;
      color: inherit;
      cursor: pointer;
    }
    button.primary {
      background: var(--hl-primary, #0b57d0);
      border-color: var(--hl-primary, #0b57d0);
      color: #fff;
      font-weight: 600;
    }
    button.ghost {
      background: transparent;
    }
    button.wide {
      width: 100%;
    }
    button:disabled {
      opacity: 0.55;
      cursor: not-allowed;
    }
    .field {
      display: block;
      margin: 0 0 0.75rem;
      font-weight: 600;
    }
    .field input,
    .field select {
      display: block;
      width: 100%;
      font: inherit;
      min-height: 2.75rem;
      margin-top: 0.25rem;
      padding: 0.3rem 0.5rem;
      border: 1px solid #8a9099;
      border-radius: 6px;
    }
    .warn {
      background: #fdecea;
      border: 1px solid #b3261e;
      color: #7a1a14;
      border-radius: 8px;
      padding: 0.5rem 0.75rem;
    }
    .tag {
      font-size: 0.85rem;
      padding: 0.05rem 0.45rem;
      border-radius: 999px;
      background: #eef1f5;
      white-space: nowrap;
    }
    .tag.bad {
      background: #fdecea;
      color: #7a1a14;
    }
    .meter {
      display: grid;
      grid-template-columns: 9rem 1fr 3rem;
      gap: 0.5rem;
      align-items: center;
      margin: 0.3rem 0;
      font-size: 0.95rem;
    }
    meter {
      width: 100%;
      height: 1rem;
    }
  `,
];
