/**
 * The experiments panel's strings, in English and Chinese: `t(lang, 'exp.run')`.
 */
import type { Text } from './text.ts';

/** The experiments panel. */
export const EXPERIMENTS = {
  tab: { en: 'Experiments', zh: '实验' },
  title: { en: 'Experiment: replicates and sweeps', zh: '实验：重复运行与参数扫描' },
  intro: {
    en: 'Vary knobs of the current scenario, run each setting several times with paired seeds, and compare with 95% intervals.',
    zh: '在当前情景上改变若干参数，每种设置用配对的随机种子运行多次，并以95%置信区间比较。',
  },
  scenario: { en: 'Scenario {preset}, {residents} residents, {days} days', zh: '情景 {preset}，{residents} 位居民，{days} 天' },
  vary: { en: 'Knobs to vary', zh: '要改变的参数' },
  valuesHelp: { en: 'values separated by commas, or a range min..max/steps', zh: '用逗号分隔的取值，或区间 最小..最大/步数' },
  addKnob: { en: 'Add a knob', zh: '添加参数' },
  remove: { en: 'Remove {knob}', zh: '移除 {knob}' },
  design: { en: 'Design', zh: '设计' },
  factorial: { en: 'All combinations', zh: '全部组合' },
  oat: { en: 'One at a time (sensitivity)', zh: '一次改变一个（敏感性）' },
  replicates: { en: 'Replicates', zh: '重复次数' },
  metric: { en: 'Metric', zh: '指标' },
  runs: { en: '{points} settings × {replicates} replicates = {runs} runs', zh: '{points} 种设置 × {replicates} 次重复 = {runs} 次运行' },
  run: { en: 'Run experiment', zh: '运行实验' },
  cancel: { en: 'Cancel', zh: '取消' },
  progress: {
    en: '{done} / {total} runs · {workers} workers · {rate} runs/s · {left} left',
    zh: '{done} / {total} 次运行 · {workers} 个线程 · 每秒 {rate} 次 · 剩余 {left}',
  },
  done: { en: '{total} runs in {secs} s on {workers} workers', zh: '{total} 次运行，用时 {secs} 秒，{workers} 个线程' },
  cancelled: { en: 'Cancelled after {done} of {total} runs', zh: '已取消：完成 {done} / {total} 次运行' },
  problems: { en: 'The experiment cannot run:', zh: '实验无法运行：' },
  overTime: { en: '{metric} over time (mean and 95% interval per setting)', zh: '{metric} 随时间变化（各设置的均值和95%区间）' },
  perDay: { en: 'per day', zh: '每天' },
  wholeRun: { en: '{metric}, whole run: mean and 95% interval', zh: '{metric}，全程：均值和95%区间' },
  difference: { en: 'Paired difference from the baseline ({baseline}), same seeds', zh: '与基准（{baseline}）的配对差异，相同随机种子' },
  tornado: { en: 'One at a time: effect on {metric} (whole run), widest first', zh: '一次改变一个：对 {metric}（全程）的影响，按幅度排序' },
  downloads: { en: 'Download', zh: '下载' },
  link: { en: 'Link to this experiment', zh: '本实验的链接' },
  copy: { en: 'Copy link', zh: '复制链接' },
  copied: { en: 'Link copied', zh: '链接已复制' },
  baseline: { en: 'baseline', zh: '基准' },
  seconds: { en: '{n} s', zh: '{n} 秒' },
  setting: { en: 'Setting', zh: '设置' },
  tooMany: {
    en: 'replicates: more than 20,000 runs: use the command line (hotline-lab experiment) for experiments this size',
    zh: 'replicates：超过 20,000 次运行：这种规模的实验请用命令行（hotline-lab experiment）',
  },
  tableLevels: {
    en: 'Whole run, every kept metric: mean [95% interval] over {n} replicates',
    zh: '全程各指标：{n} 次重复的均值 [95%区间]',
  },
  tableDifferences: {
    en: 'Paired difference from {baseline} (same seeds): mean [95% interval]',
    zh: '与 {baseline} 的配对差异（相同随机种子）：均值 [95%区间]',
  },
  staleForm: {
    en: 'The settings above changed since these results were computed: they still show the previous experiment. Run again to update them.',
    zh: '上方设置在这些结果算出之后已改动：下面仍是上一次实验的结果。请重新运行以更新。',
  },
  staleMetric: {
    en: '“{metric}” was not recorded in this run, so the charts still show “{shown}”. Run again to chart it.',
    zh: '本次运行没有记录“{metric}”，图表仍显示“{shown}”。请重新运行以绘制它。',
  },
  offerTitle: { en: 'Experiment from a link', zh: '链接中的实验' },
  offer: {
    en: 'This link describes an experiment of {runs} runs. Its results are computed in your browser: run it to see them.',
    zh: '此链接描述了一个共 {runs} 次运行的实验。结果在您的浏览器中计算：运行后即可查看。',
  },
} as const satisfies Record<string, Text>;
