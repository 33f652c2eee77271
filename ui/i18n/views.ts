/**
 * Every label of the district and village views, in English and Chinese: `t(lang, 'district.title')`,
 * `t(lang, 'districtMetric.norm')`, `t(lang, 'village.hall')`.
 */
import type { DistrictMetric } from '../views/layout.ts';
import type { Text } from './text.ts';

/** The district view. */
export const DISTRICT = {
  title: { en: 'District: every community and village', zh: '全区：每个社区和村' },
  colourBy: { en: 'Colour cells by', zh: '着色指标' },
  help: {
    en: 'Map of cells grouped by unit; area is population. Arrow keys move between cells, Enter opens the village view.',
    zh: '按街乡分组的社区和村，面积代表人口。方向键在格子间移动，回车打开村庄视图。',
  },
  council: { en: 'Deliberation council', zh: '议事团' },
  hall: { en: 'Deliberation hall', zh: '议事厅' },
  wechat: { en: 'Social worker with WeChat contacts', zh: '社工有微信联系人' },
  community: { en: 'Urban community (hatched)', zh: '城市社区（斜线）' },
  village: { en: 'Village', zh: '村' },
  communityWord: { en: 'Community', zh: '社区' },
  cell: { en: 'Cell', zh: '格' },
  unit: { en: 'Unit', zh: '街乡' },
  population: { en: 'residents', zh: '人' },
  tickets: { en: 'tickets filed', zh: '工单' },
  per1k: { en: 'per 1,000', zh: '每千人' },
  defects: { en: 'defects open', zh: '未修复问题' },
  disputes: { en: 'disputes open', zh: '未化解纠纷' },
  contacts: { en: 'WeChat contacts', zh: '微信联系人' },
  norm: { en: 'knows 12345', zh: '了解12345' },
  lightsBright: { en: 'lights bright', zh: '路灯亮' },
  lightsDim: { en: 'lights dim', zh: '路灯暗' },
  bumpOn: { en: 'speed bump present', zh: '有减速带' },
  bumpOff: { en: 'no speed bump', zh: '无减速带' },
  yes: { en: 'yes', zh: '有' },
  hoverHint: {
    en: 'Point at or focus a cell to read its figures; click to watch it.',
    zh: '指向或聚焦一个格子查看数据；点击进入村庄视图。',
  },
  noData: { en: 'Waiting for the world…', zh: '等待数据…' },
  selected: { en: 'watched', zh: '正在观察' },
} as const satisfies Record<string, Text>;

/** What the district view can colour cells by. */
export const DISTRICT_METRIC = {
  ticketsFiled: { en: '12345 tickets filed (since start)', zh: '12345工单累计数' },
  ticketsPer1k: { en: '12345 tickets per 1,000 residents', zh: '每千人12345工单数' },
  defectsOpen: { en: 'Public defects open', zh: '未修复公共设施问题' },
  disputesOpen: { en: 'Neighbour disputes open', zh: '未化解邻里纠纷' },
  wechat: { en: 'Residents on the social worker’s WeChat', zh: '加社工微信的居民数' },
  norm: { en: 'Knows what 12345 is for (share)', zh: '了解12345用途的居民比例' },
} as const satisfies Record<DistrictMetric, Text>;

/** The village view. */
export const VILLAGE = {
  title: { en: 'Village view', zh: '村庄视图' },
  hotline: { en: '12345 hotline', zh: '12345热线' },
  hall: { en: 'Village hall', zh: '议事厅' },
  council: { en: 'Council', zh: '议事团' },
  social: { en: 'Social worker (WeChat)', zh: '社工（微信）' },
  socialShort: { en: 'Social worker', zh: '社工' },
  onWechat: { en: 'on WeChat', zh: '微信联系' },
  hotlineSub: { en: 'citizen hotline', zh: '市民热线' },
  households: { en: 'households', zh: '户' },
  light: { en: 'Street light', zh: '路灯' },
  bright: { en: 'bright', zh: '亮' },
  dim: { en: 'dim', zh: '暗' },
  bump: { en: 'Speed bump', zh: '减速带' },
  present: { en: 'present', zh: '有' },
  absent: { en: 'removed', zh: '已拆' },
  defects: { en: 'Defects open', zh: '未修复问题' },
  legendTitle: { en: 'What moves', zh: '图例' },
  toHotline: { en: 'Call to 12345', zh: '打12345' },
  toHall: { en: 'Matter taken to the hall', zh: '到议事厅反映' },
  toSocial: { en: 'WeChat to the social worker', zh: '微信找社工' },
  visit: { en: 'Council visit', zh: '议事团上门' },
  closed: { en: 'Ticket closed', zh: '工单办结' },
  refused: { en: 'Call refused', zh: '被拒绝受理' },
  settled: { en: 'Dispute settled (ring)', zh: '纠纷化解（圆圈）' },
  waiting: { en: 'Household with an open ticket', zh: '有未办结工单的住户' },
  need: { en: 'Household with a new need', zh: '出现新诉求的住户' },
  fixed: { en: 'Defect fixed', zh: '问题已修复' },
  counters: { en: 'This year', zh: '今年' },
  ticketsYear: { en: 'Tickets to 12345', zh: '打12345' },
  hallYear: { en: 'Hall cases', zh: '议事厅事项' },
  visitsYear: { en: 'Council visits', zh: '议事团上门' },
  flipsYear: { en: 'Light/bump flips', zh: '路灯/减速带改动' },
  perYear: { en: '12345 tickets from this cell, by year', zh: '本村每年12345工单' },
  day: { en: 'Day', zh: '第' },
  dayUnit: { en: '', zh: '天' },
  noCell: { en: 'Pick a cell in the district view to watch it.', zh: '在全区视图中点选一个村或社区进行观察。' },
  help: { en: 'Village view: households as dots; tickets travel to where they are filed.', zh: '村庄视图：圆点为住户，工单流向反映渠道。' },
  dayN: { en: 'day {n}', zh: '第{n}天' },
} as const satisfies Record<string, Text>;
