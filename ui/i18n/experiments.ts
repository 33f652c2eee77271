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
  // ---- a fit's result (ui/experiments/fit-view.ts)
  fitTitle: { en: 'Fit result: posterior and predictive check', zh: '拟合结果：后验与预测检验' },
  fitIntro: {
    en: 'Load the files of a fit folder (hotline-lab fit, e.g. docs/fit/): posterior.csv, predictive.csv and posterior-sample.json, one or several at once.',
    zh: '载入拟合文件夹（hotline-lab fit，例如 docs/fit/）中的文件：posterior.csv、predictive.csv 和 posterior-sample.json，可一次选多个。',
  },
  fitFiles: { en: 'Fit files', zh: '拟合文件' },
  fitLoaded: { en: '{file}: {what}', zh: '{file}：{what}' },
  fitIsPosterior: { en: 'posterior of {n} knobs (fit {hash})', zh: '{n} 个参数的后验（拟合 {hash}）' },
  fitIsPredictive: { en: 'predictive check of {n} targets (fit {hash})', zh: '{n} 个目标的预测检验（拟合 {hash}）' },
  fitIsSample: { en: '{n} posterior parameter sets (fit {hash})', zh: '{n} 组后验参数（拟合 {hash}）' },
  fitUnknown: {
    en: '{file}: not a file of a fit: expected posterior.csv (columns knob, scale, prior_min, …), predictive.csv (columns study, target, figure, …) or posterior-sample.json ({"model", "fitHash", "sets"})',
    zh: '{file}：不是拟合的文件：应为 posterior.csv（列 knob、scale、prior_min 等）、predictive.csv（列 study、target、figure 等）或 posterior-sample.json（{"model", "fitHash", "sets"}）',
  },
  fitTooLarge: {
    en: '{file}: {size} bytes, too large (the limit is {limit} bytes)',
    zh: '{file}：{size} 字节，过大（上限为 {limit} 字节）',
  },
  fitBadJson: { en: '{file}: not valid JSON: {why}', zh: '{file}：不是有效的 JSON：{why}' },
  fitBadRows: { en: '{file}: row {row}: {what} is not a number', zh: '{file}：第 {row} 行：{what} 不是数字' },
  fitMixed: {
    en: 'These files come from different fits ({hashes}): the tables below do not describe one fit.',
    zh: '这些文件来自不同的拟合（{hashes}）：下面的表格描述的不是同一次拟合。',
  },
  fitPosteriorCaption: {
    en: 'Posterior of each fitted knob, most constrained first: {c} constrained, {w} weakly constrained, {n} not constrained',
    zh: '各拟合参数的后验，约束最强者在前：{c} 个受约束，{w} 个弱约束，{n} 个未受约束',
  },
  fitKnob: { en: 'Knob', zh: '参数' },
  fitPrior: { en: 'Prior range', zh: '先验范围' },
  fitMedian: { en: 'Median', zh: '中位数' },
  fitInterval: { en: '90% interval', zh: '90% 区间' },
  fitWidth: { en: 'Width', zh: '宽度' },
  fitVerdict: { en: 'Verdict', zh: '结论' },
  fitWidthHelp: {
    en: "Width: the posterior 90% interval's width over the prior's, in the prior's own scale (1: the targets say nothing about the knob).",
    zh: '宽度：后验 90% 区间宽度与先验范围宽度之比（按先验自身的尺度；1 表示目标对该参数没有约束）。',
  },
  fitLog: { en: 'log', zh: '对数' },
  'verdict.constrained': { en: 'constrained', zh: '受约束' },
  'verdict.weakly constrained': { en: 'weakly constrained', zh: '弱约束' },
  'verdict.not constrained': { en: 'not constrained', zh: '未受约束' },
  fitPriorChart: {
    en: 'Posterior median and 90% interval within the prior range (0: prior minimum, 1: maximum), constrained and weakly constrained knobs',
    zh: '后验中位数与 90% 区间在先验范围中的位置（0：先验下限，1：上限），受约束与弱约束的参数',
  },
  fitPredictiveCaption: {
    en: 'Posterior predictive check against the published figures: {pass} of {n} targets pass (predictive median in the band)',
    zh: '对照公开数字的后验预测检验：{n} 个目标中 {pass} 个通过（预测中位数落在容许范围内）',
  },
  fitStudy: { en: 'Study', zh: '研究' },
  fitTarget: { en: 'Target', zh: '目标' },
  fitFigure: { en: 'Figure', zh: '公开数字' },
  fitBand: { en: 'Band', zh: '容许范围' },
  fitPredMedian: { en: 'Predictive median', zh: '预测中位数' },
  fitResult: { en: 'Result', zh: '结果' },
  fitPass: { en: 'pass', zh: '通过' },
  fitFail: { en: 'fail', zh: '未通过' },
  fitPredChart: {
    en: 'Predictive median and 90% interval, as a position in the band (0: its low end, 1: its high end); cut at −2 and 3',
    zh: '预测中位数与 90% 区间在容许范围中的位置（0：下端，1：上端）；超出 −2 与 3 的部分截断',
  },
  fitUse: { en: 'Draw uncertain knobs from this posterior ({n} sets)', zh: '从此后验抽取不确定参数（{n} 组）' },
  fitUseHelp: {
    en: 'Replicate k of every setting runs with parameter set k mod {n} (same seeds, so settings stay paired); knobs you vary, and knobs the scenario sets away from their default, keep their values.',
    zh: '每种设置的第 k 次重复使用第 k mod {n} 组参数（随机种子不变，各设置仍然配对）；您改变的参数，以及情景中不取默认值的参数，保持原值。',
  },
  fitInUse: {
    en: 'Uncertain knobs drawn from the posterior of fit {hash} ({n} sets): the intervals hold parameter uncertainty as well as seed noise.',
    zh: '不确定参数取自拟合 {hash} 的后验（{n} 组）：区间同时包含参数不确定性与随机噪声。',
  },
  fitLinkNote: {
    en: 'The link names the fit ({hash}) but cannot carry its sets: whoever opens it must load the same posterior-sample.json.',
    zh: '链接只记下拟合（{hash}），无法携带其参数组：打开链接的人须载入同一个 posterior-sample.json。',
  },
  fitLinkOther: {
    en: "exp.posterior: the link asks for fit {want}, the posterior in use is fit {have}: load that fit's posterior-sample.json",
    zh: 'exp.posterior：链接要求拟合 {want}，当前使用的是拟合 {have}：请载入该拟合的 posterior-sample.json',
  },
  fitWarnings: { en: 'Note:', zh: '注意：' },
} as const satisfies Record<string, Text>;
