/** The app shell's parts; importing this module defines their elements. */
export { HlEmbedDialog } from './embed-dialog.ts';
export { HlEmbedFrame } from './embed-frame.ts';
export { HlHeader } from './header.ts';
export { HlNotices } from './notices.ts';
export { HlScenarioAbout } from './scenario-about.ts';
export { HlViewTabs } from './view-tabs.ts';
export { HlViews } from './views.ts';
