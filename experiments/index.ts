// Experiments: replicates, designs, seeds, statistics, sensitivity and output files.
// Pure TypeScript with no Node or DOM API: the command line and the app's Web Workers share it.
export * from './schema.ts';
export * from './posterior.ts';
export * from './seeds.ts';
export * from './design.ts';
export * from './stats.ts';
export * from './run.ts';
export * from './sensitivity.ts';
export * from './output.ts';
export * from './table.ts';
export * from './link.ts';
export * from './targets.ts';
export * from './priors.ts';
export * from './abc.ts';
export * from './fit.ts';
