// The charts: importing this registers <hl-charts>, <hl-line-chart> and <hl-bump-chart>.
export * from './types.ts';
export * from './charts-panel.ts';
export * from './line-chart.ts';
export * from './bump-chart.ts';
export { weekly, weeklyMetric, weekCount, aggOf } from './aggregate.ts';
export { serializeSvg, svgToPng, exportSvgElement } from './export.ts';
