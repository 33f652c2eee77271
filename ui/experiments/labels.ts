/** The experiments panel's strings, in English and Chinese. Placeholders are {name}. */
export type Lang = 'en' | 'zh';

const en = {
  tab: 'Experiments',
  title: 'Experiment: replicates and sweeps',
  intro: 'Vary knobs of the current scenario, run each setting several times with paired seeds, and compare with 95% intervals.',
  scenario: 'Scenario {preset}, {residents} residents, {days} days',
  vary: 'Knobs to vary',
  valuesHelp: 'values separated by commas, or a range min..max/steps',
  addKnob: 'Add a knob',
  remove: 'Remove {knob}',
  design: 'Design',
  factorial: 'All combinations',
  oat: 'One at a time (sensitivity)',
  replicates: 'Replicates',
  metric: 'Metric',
  runs: '{points} settings × {replicates} replicates = {runs} runs',
  run: 'Run experiment',
  cancel: 'Cancel',
  progress: '{done} / {total} runs · {workers} workers · {rate} runs/s · {left} left',
  done: '{total} runs in {secs} s on {workers} workers',
  cancelled: 'Cancelled after {done} of {total} runs',
  problems: 'The experiment cannot run:',
  overTime: '{metric} over time (mean and 95% interval per setting)',
  perDay: 'per day',
  wholeRun: '{metric}, whole run: mean and 95% interval',
  difference: 'Paired difference from the baseline ({baseline}), same seeds',
  tornado: 'One at a time: effect on {metric} (whole run), widest first',
  downloads: 'Download',
  link: 'Link to this experiment',
  copy: 'Copy link',
  copied: 'Link copied',
  baseline: 'baseline',
  seconds: '{n} s',
} as const;

export type LabelKey = keyof typeof en;

const zh: Record<LabelKey, string> = {
  tab: '实验',
  title: '实验：重复运行与参数扫描',
  intro: '在当前情景上改变若干参数，每种设置用配对的随机种子运行多次，并以95%置信区间比较。',
  scenario: '情景 {preset}，{residents} 位居民，{days} 天',
  vary: '要改变的参数',
  valuesHelp: '用逗号分隔的取值，或区间 最小..最大/步数',
  addKnob: '添加参数',
  remove: '移除 {knob}',
  design: '设计',
  factorial: '全部组合',
  oat: '一次改变一个（敏感性）',
  replicates: '重复次数',
  metric: '指标',
  runs: '{points} 种设置 × {replicates} 次重复 = {runs} 次运行',
  run: '运行实验',
  cancel: '取消',
  progress: '{done} / {total} 次运行 · {workers} 个线程 · 每秒 {rate} 次 · 剩余 {left}',
  done: '{total} 次运行，用时 {secs} 秒，{workers} 个线程',
  cancelled: '已取消：完成 {done} / {total} 次运行',
  problems: '实验无法运行：',
  overTime: '{metric} 随时间变化（各设置的均值和95%区间）',
  perDay: '每天',
  wholeRun: '{metric}，全程：均值和95%区间',
  difference: '与基准（{baseline}）的配对差异，相同随机种子',
  tornado: '一次改变一个：对 {metric}（全程）的影响，按幅度排序',
  downloads: '下载',
  link: '本实验的链接',
  copy: '复制链接',
  copied: '链接已复制',
  baseline: '基准',
  seconds: '{n} 秒',
};

export function tr(lang: Lang, key: LabelKey, vars: Record<string, string | number> = {}): string {
  const s: string = lang === 'zh' ? zh[key] : en[key];
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
