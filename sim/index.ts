// The model core: pure, deterministic, no DOM and no Node-only API.
export * from './knobs.ts';
export * from './metrics.ts';
export * from './types.ts';
export { Simulation, runScenario } from './simulation.ts';
export { isIsoDate, epochDay, isoOfEpochDay } from './calendar.ts';
export { estimateRun, checkRunLimits, BROWSER_LIMITS, type RunEstimate, type RunLimits } from './budget.ts';
export { KNOB_LABELS, knobName, type KnobLabel } from './knob-labels.ts';
export { METRIC_LABELS, type MetricLabel } from './metric-labels.ts';
