// The experiments panel: importing this registers <hl-experiments-panel>, <hl-band-chart> and <hl-interval-chart>.
export * from './experiments-panel.ts';
export * from './band-chart.ts';
export * from './interval-chart.ts';
export * from './fit-view.ts';
export { ExperimentPool, type PoolState, type PoolStatus } from './pool-controller.ts';
