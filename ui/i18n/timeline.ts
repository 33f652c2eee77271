/**
 * Every label of the timeline editor, the chart markers, the values in force and the side-by-side
 * version view, in English and Chinese: `t(lang, 'tl.add')`.
 */
import type { Text } from './text.ts';

export const TIMELINE = {
  title: { en: 'Timeline: dated changes', zh: '时间线：按日期的政策变更' },
  help: {
    en: 'From a date on, a knob takes a new value; the run goes on from the state it has reached. Dates fall after the start {start} and by the last day {last}.',
    zh: '自某一日期起，某个参数取新值，模拟从当时的状态继续。日期须晚于开始日期 {start}，不晚于最后一天 {last}。',
  },
  none: { en: 'No changes: every knob holds from the first day to the last.', zh: '没有变更：所有参数从第一天到最后一天保持不变。' },
  add: { en: 'Add a change', zh: '添加变更' },
  remove: { en: 'Remove', zh: '删除' },
  removeLabel: { en: 'Remove the change of {knob} on {date}', zh: '删除 {date} 对“{knob}”的变更' },
  change: { en: 'Change {n}', zh: '变更 {n}' },
  date: { en: 'From', zh: '生效日期' },
  knob: { en: 'Knob', zh: '参数' },
  value: { en: 'New value', zh: '新值' },
  invalid: {
    en: 'The timeline is not applied until these are fixed:',
    zh: '以下问题修正之前，时间线不会生效：',
  },
  applied: { en: '{n} change(s) in the run', zh: '模拟中有 {n} 项变更' },
  inForceOn: { en: 'on {date}: {value}', zh: '{date}：{value}' },
  inForceTitle: { en: 'Value in force on {date} (the timeline changes this knob)', zh: '{date} 当天生效的值（时间线会改变此参数）' },
  showOn: { en: 'Show the knobs in force on', zh: '显示某日生效的参数值' },
  markerTitle: { en: 'From {date}: {changes}', zh: '自 {date} 起：{changes}' },
  baselineMarker: { en: 'baseline', zh: '基线' },
  // the side-by-side version view
  versionTitle: {
    en: 'Model {old} as published, beside today’s model {current}',
    zh: '按发布时的模型 {old} 与当前模型 {current} 并排比较',
  },
  versionOffer: {
    en: 'Run the same scenario on today’s model {current}, side by side',
    zh: '用当前模型 {current} 并排运行同一情景',
  },
  versionClose: { en: 'Hide the side-by-side view', zh: '关闭并排比较' },
  versionHelp: {
    en: 'Solid lines and the first column: model {old}, the numbers the link was published with (its link stays as it was made). Dashed lines and the second column: the same scenario as today’s model {current} reads it.',
    zh: '实线和第一列：模型 {old}，即链接发布时的数字（链接保持原样）。虚线和第二列：当前模型 {current} 读取的同一情景。',
  },
  figure: { en: 'Key figure', zh: '关键指标' },
  modelCol: { en: 'Model {v}', zh: '模型 {v}' },
  // the page's run less the other side, as everywhere in compare mode
  diffCol: { en: 'Difference ({old} − {current})', zh: '差异（{old} − {current}）' },
  points: { en: '{n} points', zh: '{n} 个百分点' },
  notInModel: { en: 'not in this model', zh: '此模型中没有' },
  waiting: { en: 'running…', zh: '运行中……' },
  // compare mode's words when its two sides are two model versions
  dashed: { en: '{name} (dashed)', zh: '{name}（虚线）' },
  difference: { en: 'Difference, {run} − {base}', zh: '差值：{run} − {base}' },
} as const satisfies Record<string, Text>;
