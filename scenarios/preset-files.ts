// The preset registry's one list: adding a preset is one line here (plus its JSON file).
// Each file is statically imported so the app bundles it and the command line needs no file access.
export { default as baseline } from './baseline.json';
export { default as pingguHandDown } from './pinggu-hand-down.json';
export { default as baotouRefusePublish } from './baotou-refuse-publish.json';
export { default as wulimiaoVillage } from './wulimiao-village.json';
export { default as xilijinBoundary } from './xilijin-boundary.json';
export { default as speedBumpAndLights } from './speed-bump-and-lights.json';
export { default as appealExclusion } from './appeal-exclusion.json';
export { default as rankingPressure } from './ranking-pressure.json';
export { default as relaxed2026 } from './relaxed-2026.json';
export { default as socialWorkerOutreach } from './social-worker-outreach.json';
export { default as publicEducation110 } from './public-education-110.json';
export { default as beijingCity } from './beijing-city.json';
