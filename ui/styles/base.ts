/**
 * What every part of the app shell needs in its shadow root: the focus ring (a shadow root does
 * not inherit its host's rules; a date field keeps it on its calendar button too, where Chromium
 * drops :focus-visible) and a `hidden` attribute that wins over the parts' display rules.
 */
import { css } from 'lit';

export const baseStyles = css`
  :focus-visible,
  input[type='date']:focus-within {
    outline: 3px solid var(--hl-focus, #e8a000);
    outline-offset: 2px;
  }
  [hidden] {
    display: none !important;
  }
`;
