/**
 * Notice boxes: a warning (`.warn`), an error (`.error`) or information (`.info`), with an
 * optional list and a button. Shared by `<hl-notices>` and the app's short status message.
 */
import { css } from 'lit';

export const noticeStyles = css`
  .notice {
    margin-top: 0.4rem;
    padding: 0.45rem 0.7rem;
    border-radius: 6px;
    border: 1px solid;
    font-size: 0.95rem;
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
  }
  .notice > div {
    flex: 1;
  }
  .notice ul {
    margin: 0.25rem 0 0;
    padding-left: 1.2rem;
  }
  .notice code {
    font-weight: 600;
  }
  .warn {
    background: #fff6db;
    border-color: #b58100;
  }
  .error {
    background: #fdecea;
    border-color: #b3261e;
  }
  .info {
    background: #e8f0fe;
    border-color: #0b57d0;
  }
  .notice button {
    font: inherit;
    font-size: 0.875rem;
    border: 1px solid #767676;
    background: #fff;
    border-radius: 4px;
    cursor: pointer;
  }
`;
