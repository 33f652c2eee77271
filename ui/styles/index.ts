/** The app shell's shared style sheets (lit `css`); each component adds its own. */
export { baseStyles } from './base.ts';
export { noticeStyles } from './notice.ts';
export { shellStyles } from './shell.ts';
