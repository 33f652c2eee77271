/**
 * Labels of compare mode's paired seeds, the key figures' differences and intervals, and the knob
 * panel's inert-knob and out-of-range notes, in English and Chinese: `t(lang, 'cmp.seeds')`.
 */
import type { Text } from './text.ts';

export const COMPARE = {
  seeds: { en: 'Paired seeds', zh: '配对随机种子数' },
  seedsHelp: {
    en: 'Run the scenario and its baseline on this many seeds each (the same seeds on both sides) and show each difference with its 95% interval.',
    zh: '情景与基线各用这些随机种子运行（两边种子相同），并给出每项差异及其 95% 区间。',
  },
  seedsProgress: { en: 'Paired seeds: {done} of {total} runs done', zh: '配对种子：已完成 {done}/{total} 次运行' },
  seedsProgressLabel: { en: 'Paired seed runs', zh: '配对种子运行进度' },
  sameRun: {
    en: 'Nothing differs from the baseline: its run is reused, not run again',
    zh: '与基线没有差别：直接复用同一次运行，不再重复运行',
  },
  points: { en: '{n} pts', zh: '{n} 个百分点' },
  interval: { en: 'mean of {n} seeds; 95% interval {lo} to {hi}', zh: '{n} 个种子的平均；95% 区间 {lo} 至 {hi}' },
  intervalWaiting: { en: 'interval: {done} of {total} seeds done', zh: '区间：已完成 {done}/{total} 个种子' },
  oneSeed: { en: 'one seed: no interval', zh: '单一种子：无区间' },
  relative: { en: '{r} of the baseline', zh: '相对基线 {r}' },
  how: { en: 'How it is computed', zh: '计算方法' },
  summaryNote: {
    en: 'The numbers of the run’s summary, as in the JSON export and the command line.',
    zh: '即本次运行摘要中的数字，与 JSON 导出和命令行一致。',
  },
  inert: { en: 'no effect now', zh: '当前不起作用' },
  outOfRange: {
    en: '{value} is outside the range {min} to {max}; the knob keeps {current}',
    zh: '{value} 超出范围 {min} 至 {max}；参数仍为 {current}',
  },
  notNumber: { en: 'Not a number: enter one from {min} to {max}', zh: '不是数字：请输入 {min} 至 {max} 之间的数' },
  notNumberOpen: { en: 'Not a number', zh: '不是数字' },
  badSeeds: { en: 'seeds must be a whole number from 1 to {max}', zh: 'seeds 必须是 1 到 {max} 之间的整数' },
} satisfies Record<string, Text>;
