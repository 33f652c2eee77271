// The agent views: importing this registers <hl-district-view> and <hl-village-view>.
export * from './district-view.ts';
export * from './village-view.ts';
export { DISTRICT_METRICS, type DistrictMetric } from './layout.ts';
