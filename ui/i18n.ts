/**
 * Every string the app shell shows, in English and Chinese. Knob and metric texts come from
 * the core's schema ({en, zh}); preset texts from scenarios/. Placeholders are {name}.
 */

export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];
const STORAGE_KEY = 'hotline-lab.lang';

const en = {
  title: 'Hotline Lab',
  subtitle: 'An agent-based model of the 12345 citizen-service hotline',
  preset: 'Scenario',
  seed: 'Seed',
  language: 'Language',
  copyLink: 'Copy link',
  copied: 'Link copied',
  copyFailed: 'Copy failed: select the address and copy it by hand',
  embed: 'Embed',
  embedTitle: 'Embed this run',
  embedHelp: 'Paste this snippet into a web page; it shows the charts without the knob panel.',
  copySnippet: 'Copy snippet',
  close: 'Close',
  exportCsv: 'CSV',
  exportCsvLong: 'Export the daily data as CSV',
  exportJsonLong: 'Export the run as JSON',
  exportPeriodsLong: 'Export the assessment periods as CSV',
  exportJson: 'JSON',
  exports: 'Export',
  knobs: 'Knobs',
  knobsHelp: 'Changes re-run the model after a short pause.',
  resetAll: 'Reset all',
  resetKnob: 'Reset {name} to {value}',
  changed: 'changed',
  range: 'Range {min} to {max}',
  unit: 'Unit',
  default: 'Default {value}',
  source: 'Source',
  on: 'On',
  off: 'Off',
  progress: 'Progress',
  dayOf: 'Day {day} of {days}',
  pause: 'Pause',
  resume: 'Resume',
  step: 'Step one day',
  stepShort: 'Step',
  restart: 'Restart',
  cancel: 'Cancel',
  speed: 'Speed',
  speedMax: 'Fastest',
  speedDays: '{n} days/s',
  statusRunning: 'Running',
  statusPaused: 'Paused',
  statusDone: 'Finished',
  statusCancelled: 'Cancelled',
  statusIdle: 'Waiting',
  statusStarting: 'Starting',
  compare: 'Compare with baseline',
  aboutScenario: 'About this scenario',
  passage: 'From the article',
  compareHelp: 'Runs the preset without your changes (same world, same seed) next to your scenario.',
  baselineLabel: 'Baseline',
  scenarioLabel: 'Your scenario',
  difference: 'Difference',
  tabCharts: 'Charts',
  tabDistrict: 'District',
  tabVillage: 'Village',
  views: 'Views',
  cellPicker: 'Watched community or village',
  cellOption: 'Cell {n}',
  colourBy: 'Colour cells by',
  keyFigures: 'Key figures so far',
  figTickets: 'Tickets filed',
  figPer10k: 'Requests per 10k residents a year',
  figReported: 'Reported satisfaction',
  figTrue: 'True satisfaction',
  figOpen: 'Open tickets',
  figDisputes: 'Disputes open',
  figGamingHours: 'Staff hours on gaming',
  figLongTerm: 'Staff hours on long-term work',
  problemsTitle: 'This link had problems; the app opened with these values instead:',
  problemUsed: 'used {value}',
  problemIgnored: 'ignored',
  dismiss: 'Dismiss',
  versionNotice:
    "This link was made with model version {linkVersion}; you are running {version}. Numbers may differ from the ones the link's author saw.",
  errorTitle: 'Something went wrong',
  errorHelp: 'The app hit an error. Reloading the page usually helps; the link keeps your scenario.',
  reload: 'Reload',
  workerError: 'The simulation stopped with an error: {message}',
  openFull: 'Open in Hotline Lab',
  loadingCharts: 'Charts are loading…',
  question: 'Question',
  skipToMain: 'Skip to the results',
  offlineReady: 'Ready to work offline',
  none: 'none',
  cellVillage: 'village',
  cellCommunity: 'community',
  cellUnit: 'unit {n}',
  cellCouncil: 'council',
  exportPeriods: 'Periods CSV',
  exportFailed: 'Export failed: {message}',
  exportBaseline: 'The baseline is exported from compare mode with the same buttons while holding Shift.',
  problemField: 'Field',
  invalidView: 'view must be charts, district or village',
  invalidCell: 'cell must be a whole number from 0 to {max}',
  invalidFlag: '{field} must be 1 or 0',
  presetQuestion: 'Question this scenario asks',
  langEnglish: 'English',
  langChinese: '中文',
  embedSnippet: 'Embed code',
  statusRefused: 'Too large',
  refusedTitle: 'This run is too large for the browser, so it was not started:',
  refusedHelp: 'Change residents or horizonDays in the knob panel, or run it from the command line: {command}',
  workerRestarted: 'The simulation worker stopped ({reason}); a new one was started and the run began again from day 0.',
  importLabel: 'Import',
  importLong: 'Import a scenario or run file (JSON or CSV)',
  importHelp: 'Open a scenario JSON, a run JSON or a CSV export from Hotline Lab',
  importProblemsTitle: 'The file {name} could not be imported; your scenario is unchanged:',
  imported: 'Imported {name}',
} as const;

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  title: '热线实验室',
  subtitle: '12345 市民服务热线的多主体仿真模型',
  preset: '情景',
  seed: '随机种子',
  language: '语言',
  copyLink: '复制链接',
  copied: '链接已复制',
  copyFailed: '复制失败：请手动选中地址栏并复制',
  embed: '嵌入',
  embedTitle: '嵌入本次运行',
  embedHelp: '把这段代码粘贴到网页中；它只显示图表，不显示参数面板。',
  copySnippet: '复制代码',
  close: '关闭',
  exportCsv: 'CSV',
  exportCsvLong: '导出每日数据（CSV）',
  exportJsonLong: '导出本次运行（JSON）',
  exportPeriodsLong: '导出考核期数据（CSV）',
  exportJson: 'JSON',
  exports: '导出',
  knobs: '参数',
  knobsHelp: '修改参数后稍候模型会重新运行。',
  resetAll: '全部重置',
  resetKnob: '将 {name} 重置为 {value}',
  changed: '已修改',
  range: '范围 {min} 至 {max}',
  unit: '单位',
  default: '默认值 {value}',
  source: '依据',
  on: '开',
  off: '关',
  progress: '进度',
  dayOf: '第 {day} 天，共 {days} 天',
  pause: '暂停',
  resume: '继续',
  step: '前进一天',
  stepShort: '单步',
  restart: '重新开始',
  cancel: '取消',
  speed: '速度',
  speedMax: '最快',
  speedDays: '{n} 天/秒',
  statusRunning: '运行中',
  statusPaused: '已暂停',
  statusDone: '已完成',
  statusCancelled: '已取消',
  statusIdle: '等待中',
  statusStarting: '正在启动',
  compare: '与基线对比',
  aboutScenario: '关于本情景',
  passage: '原文',
  compareHelp: '在同一世界、同一随机种子下，并排运行不含您修改的预设情景。',
  baselineLabel: '基线',
  scenarioLabel: '您的情景',
  difference: '差值',
  tabCharts: '图表',
  tabDistrict: '全区',
  tabVillage: '村庄',
  views: '视图',
  cellPicker: '观察的社区或村',
  cellOption: '第 {n} 个社区/村',
  colourBy: '着色指标',
  keyFigures: '目前的关键数字',
  figTickets: '来电总数',
  figPer10k: '万人诉求比（每年）',
  figReported: '报告满意率',
  figTrue: '真实满意率',
  figOpen: '未办结工单',
  figDisputes: '未化解纠纷',
  figGamingHours: '用于造假的工时',
  figLongTerm: '用于长期工作的工时',
  problemsTitle: '链接中有问题，应用已改用以下值打开：',
  problemUsed: '改用 {value}',
  problemIgnored: '已忽略',
  dismiss: '关闭提示',
  versionNotice: '此链接由模型版本 {linkVersion} 生成；当前运行的是 {version}。数字可能与链接作者看到的不同。',
  errorTitle: '出错了',
  errorHelp: '应用遇到错误。刷新页面通常可以解决；链接中保留了您的情景。',
  reload: '刷新',
  workerError: '模拟因错误停止：{message}',
  openFull: '在热线实验室中打开',
  loadingCharts: '图表加载中…',
  question: '问题',
  skipToMain: '跳到结果',
  offlineReady: '已可离线使用',
  none: '无',
  cellVillage: '村',
  cellCommunity: '社区',
  cellUnit: '街乡 {n}',
  cellCouncil: '议事团',
  exportPeriods: '考核期 CSV',
  exportFailed: '导出失败：{message}',
  exportBaseline: '对比模式下按住 Shift 点击同样的按钮可导出基线。',
  problemField: '字段',
  invalidView: 'view 只能是 charts、district 或 village',
  invalidCell: 'cell 必须是 0 到 {max} 之间的整数',
  invalidFlag: '{field} 只能是 1 或 0',
  presetQuestion: '本情景提出的问题',
  langEnglish: 'English',
  langChinese: '中文',
  embedSnippet: '嵌入代码',
  statusRefused: '规模过大',
  refusedTitle: '这次运行对浏览器来说太大，因此没有启动：',
  refusedHelp: '请在参数面板中调整 residents（居民数）或 horizonDays（模拟天数），或在命令行中运行：{command}',
  workerRestarted: '模拟线程停止了（{reason}）；已启动新的线程，运行从第 0 天重新开始。',
  importLabel: '导入',
  importLong: '导入情景或运行文件（JSON 或 CSV）',
  importHelp: '打开热线实验室的情景 JSON、运行结果 JSON 或导出的 CSV',
  importProblemsTitle: '文件 {name} 无法导入；您的情景没有改变：',
  imported: '已导入 {name}',
};

const TABLE: Record<Lang, Record<MessageKey, string>> = { en, zh };

/** Translate a key, filling {placeholders}. */
export function t(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  let s = TABLE[lang][key] ?? en[key];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
  return s;
}

/** Pick the language-specific text of a schema field ({en, zh}). */
export function pick(lang: Lang, text: { en: string; zh: string } | undefined): string {
  if (!text) return '';
  return text[lang] || text.en;
}

export function isLang(x: unknown): x is Lang {
  return x === 'en' || x === 'zh';
}

/** The remembered language, or one guessed from the browser. */
export function storedLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (isLang(v)) return v;
  } catch {
    /* storage may be blocked (private mode, sandboxed iframe) */
  }
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* ignore: remembering is a convenience */
  }
}

/** Format a number for display in the given language. */
export function fmt(lang: Lang, x: number, digits = 0): string {
  if (!Number.isFinite(x)) return '–';
  return x.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
