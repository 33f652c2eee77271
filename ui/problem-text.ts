/**
 * Problems of links, scenario files and imports in the user's language. The scenario boundary
 * (scenarios/loader.ts, link.ts, import.ts) writes its messages in English and marks each
 * problem with a machine-readable `code`, `allowed`, `suggestion` and `detail`; this layer
 * renders the Chinese text from that structure. English keeps the loader's own message (the
 * same words the command line prints). A problem without a code falls back to its message.
 */
import type { JsonErrorReason } from '../scenarios/json.ts';
import type { Allowed, Problem } from '../scenarios/loader.ts';
import { BROWSER_LIMITS, MODEL, checkRunLimits, estimateRun, type Knobs } from '../sim/index.ts';
import type { Lang } from './i18n.ts';

const num = (n: number | undefined): string => (n === undefined ? '' : Object.is(n, -0) ? '0' : String(n));

/** What a field allows, in Chinese. */
export function allowedZh(a: Allowed | undefined): string {
  if (!a) return '';
  switch (a.type) {
    case 'boolean':
      return 'true 或 false';
    case 'enum':
      return `以下之一：${(a.options ?? []).join('、')}`;
    case 'date':
      return '日期，格式为 YYYY-MM-DD';
    case 'integer':
      return `${num(a.min)} 到 ${num(a.max)} 之间的整数`;
    case 'number':
      return `${num(a.min)} 到 ${num(a.max)} 之间的数`;
    case 'text':
      return '文字';
    case 'object':
      return 'JSON 对象';
  }
}

/** Why JSON text is not valid, in Chinese: one entry per reason of scenarios/json.ts (the compiler checks). */
const JSON_REASONS_ZH: Record<JsonErrorReason, string> = {
  empty: '没有 JSON 值：内容为空',
  'unexpected-end': '内容在 JSON 值完整之前就结束了',
  'unterminated-string': '字符串缺少结尾的双引号',
  'bad-escape': '字符串中的转义无效：\\ 之后只能是 " \\ / b f n r t 或 u',
  'bad-unicode-escape': '字符串中的 \\u 之后必须是四位十六进制数字',
  'control-character': '字符串中有控制字符（换行、制表符等）：请写成 \\n 或 \\t 这样的转义',
  'trailing-comma': '右括号之前多了一个逗号（尾随逗号）',
  'expected-colon': '属性名之后应为“:”',
  'expected-property': '此处应为用双引号括起的属性名',
  'single-quotes': 'JSON 字符串须用双引号，不能用单引号',
  'expected-comma-or-brace': '属性值之后应为“,”或“}”',
  'expected-comma-or-bracket': '数组元素之后应为“,”或“]”',
  'mismatched-bracket': '这个右括号与未闭合的左括号不匹配',
  'expected-value': '此处应为一个值：对象、数组、字符串、数字、true、false 或 null',
  'leading-zero': '数字不能以 0 开头后接其他数字',
  'expected-digit': '数字在此处缺少一位数字',
  'bad-literal': '无效的词：JSON 中只有 true、false 和 null 这三个词',
  comment: 'JSON 中不允许注释',
  'extra-text': 'JSON 值结束之后还有多余的内容',
  'engine-limit': '内容是有效的 JSON，但此浏览器的 JSON.parse 拒绝了它（嵌套太深或太大）',
};

/** The Chinese reason of a JSON syntax error from its detail (reason, found, the bracket left open). */
function jsonReasonZh(d: Record<string, string | number>): string {
  const reason = JSON_REASONS_ZH[d.reason as JsonErrorReason];
  if (!reason) return '';
  let out = `：${reason}`;
  if (d.found !== undefined) out += `（发现 ${d.found}）`;
  if (d.openLine !== undefined) {
    const what = d.reason === 'unterminated-string' ? '字符串' : `“${d.openChar}”`;
    out += `；${what}始于第 ${d.openLine} 行第 ${d.openColumn} 列`;
  }
  return out;
}

/** A field name as shown in Chinese messages (input-level pseudo fields get words). */
function fieldZh(field: string): string {
  switch (field) {
    case '(input)':
      return '输入';
    case '(json)':
      return 'JSON';
    case '(link)':
      return '链接';
    case '(file)':
      return '文件';
    case '(csv)':
      return 'CSV';
    default:
      return field;
  }
}

function knobName(p: Problem): string {
  return p.field.startsWith('knobs.') ? p.field.slice(6) : p.field;
}

/** The Chinese sentence for a problem, or null when its code is unknown here. */
function zhMessage(p: Problem): string | null {
  const f = `“${fieldZh(p.field)}”`;
  const v = `“${p.value}”`;
  const must = p.allowed ? `：应为${allowedZh(p.allowed)}` : '';
  const mean = p.suggestion ? `；您是否想输入“${p.suggestion}”？` : '';
  const d = p.detail ?? {};
  switch (p.code) {
    case 'unknown-knob':
      return `未知参数“${knobName(p)}”${mean || '；可用 `hotline-lab knobs` 查看参数列表'}`;
    case 'unknown-field':
      return `未知字段 ${f}${mean || `：可用字段为 ${(p.allowed?.options ?? []).join('、')}`}`;
    case 'knob-outside-knobs':
      return `未知字段 ${f}：“${p.field}”是参数，应写在 "knobs" 里，例如 {"knobs": {"${p.field}": ...}}`;
    case 'unknown-preset':
      return `未知预设情景 preset = ${v}${mean || `：可用的预设为 ${(p.allowed?.options ?? []).join('、')}`}`;
    case 'unknown-param':
      return `未知链接参数 ${f}${mean}`;
    case 'duplicate-param':
      return `参数 ${f} 出现了不止一次：以最后一个为准`;
    case 'not-boolean':
      return `参数 ${f} = ${v} 不是布尔值${p.allowed ? '：应为 true/false、1/0、on/off 或 yes/no' : ''}`;
    case 'not-text':
      return `参数 ${f} = ${v} 不是文字${must}`;
    case 'not-option':
      return `参数 ${f} = ${v} 不是可选项${must}`;
    case 'not-date-form':
      return `参数 ${f} = ${v} 不符合 YYYY-MM-DD 格式${must}`;
    case 'not-calendar-date':
      return `参数 ${f} = ${v} 不是有效日期（1900–2199 年）${must}`;
    case 'not-number':
      return `参数 ${f} = ${v} 不是数字${must}`;
    case 'not-finite':
      return `参数 ${f} = ${v} 不是有限数${must}`;
    case 'not-integer':
      return `参数 ${f} = ${v} 不是整数${must}`;
    case 'below-min':
      return `参数 ${f} = ${v} 小于最小值${must}`;
    case 'above-max':
      return `参数 ${f} = ${v} 大于最大值${must}`;
    case 'bad-seed':
      return `随机种子 seed = ${v} 无效${must}`;
    case 'bad-lang':
      return `语言 lang = ${v} 无效：应为 en 或 zh`;
    case 'bad-description':
      return `description = ${v} 无效：应为文字`;
    case 'bad-knobs':
      return `knobs = ${v} 无效：应为参数名和值组成的对象，例如 {"handDown": true}`;
    case 'cross-field': {
      const a = String(d.first ?? p.field);
      const b = String(d.second ?? '');
      const why =
        a === 'units'
          ? '每个区至少要有一个街乡'
          : a === 'cells'
            ? '每个街乡至少要有一个社区或村'
            : a === 'residents'
              ? '每个社区或村至少要有一名居民'
              : '';
      return `${a} = ${d.firstValue ?? p.value} 少于 ${b} = ${d.secondValue ?? ''}${why ? `：${why}` : ''}`;
    }
    case 'bad-timeline':
      return p.field === 'timeline'
        ? `timeline = ${v} 无效：应为变更列表，例如 [{"date": "2026-01-01", "knobs": {"cadence": "bimonthly"}}]`
        : `${f} = ${v} 不是一项变更：应为对象，例如 {"date": "2026-01-01", "knobs": {"cadence": "bimonthly"}}`;
    case 'bad-change':
      return `${f} = ${v} 不是一项变更：应写作 日期~参数:值,参数:值，例如 2026-01-01~cadence:bimonthly,districtLayer:false`;
    case 'timeline-outside':
      return `${f} = ${v} 不在模拟期内：变更日期应晚于开始日期 ${d.start ?? ''}、不晚于最后一天 ${d.last ?? ''}（第一天的变更就是参数本身，请写在 "knobs" 里）`;
    case 'timeline-after-end':
      return `${f} = ${v} 晚于模拟的最后一天 ${d.last ?? ''}：此变更不会生效，已略去`;
    case 'timeline-fixed': {
      const why =
        d.reason === 'world'
          ? '规定了模拟世界（决定规模或日历）'
          : d.reason === 'start-date'
            ? '是开始日期：变更自身的日期就是它生效的时间'
            : '设定的是初始状态，只在建立世界时抽取一次';
      return `${f}：“${d.knob ?? ''}”${why}，不能在模拟中途改变：请写在 "knobs" 里`;
    }
    case 'timeline-duplicate':
      return `${f}：该参数在 ${d.date ?? ''} 已由 ${d.other ?? ''} 设定：每个日期每个参数只能设定一次`;
    case 'timeline-empty':
      return `${f} 为空：一项变更至少要设定一个参数，例如 {"cadence": "bimonthly"}`;
    case 'not-object':
      return `${f} 必须是 JSON 对象，例如 {"preset": "baseline", "seed": 1, "knobs": {}}`;
    case 'not-text-input':
      return `${f} 必须是文字`;
    case 'too-large':
      return d.characters !== undefined
        ? `链接有 ${d.characters} 个字符：太长，上限为 ${d.limit}`
        : `${f} 有 ${d.bytes ?? p.value} 字节：太大，上限为 ${d.limit ?? ''} 字节`;
    case 'empty':
      return '内容为空：应为 JSON 对象，例如 {"preset": "baseline"}';
    case 'invalid-json':
      return d.line !== undefined
        ? `JSON 格式错误，位于第 ${d.line} 行第 ${d.column} 列（“${d.near}”附近）${jsonReasonZh(d)}`
        : 'JSON 格式错误';
    case 'unreadable':
      return `${f} 无法读取`;
    case 'not-hotline-file':
      return '不是热线实验室的文件：应为情景或运行结果的 JSON，或导出的 CSV';
    case 'csv-no-scenario':
      return '此 CSV 没有“# scenario {...}”表头行：不是热线实验室导出的文件';
    case 'csv-data-only':
      return '此 CSV 只含数据：情景和随机种子在同时保存的同名“.provenance.json”文件中，请导入该文件';
    case 'csv-bad-scenario':
      return 'CSV 的“# scenario”行不是有效的 JSON 对象';
    case 'result-bad-scenario':
      return '运行结果中的“scenario”必须是对象 {preset, knobs}';
    case 'unknown-version':
      return `模型版本 ${p.field} = ${v} 不存在：可运行的版本为 ${(p.allowed?.options ?? []).map((o) => (o === MODEL.version ? `${o}（当前）` : o)).join('、')}`;
    case 'bad-view':
      return 'view 只能是 charts、district 或 village';
    case 'bad-flag':
      return `${p.field} 只能是 1 或 0`;
    case 'bad-cell':
      return `cell 必须是 0 到 ${d.max ?? ''} 之间的整数`;
    case 'bad-story':
      return `课堂故事中没有 ${v}：“${d.story ?? ''}”的步骤为 1 到 8`;
    default:
      return null;
  }
}

/** The problem's sentence in `lang`. */
export function problemMessage(lang: Lang, p: Problem): string {
  if (lang !== 'zh') return p.message;
  return p.zh ?? zhMessage(p) ?? p.message;
}

/** The value used instead (lenient mode), in `lang`; '' when none. */
export function problemUsed(lang: Lang, p: Problem): string {
  const u = p.used;
  if (u === undefined || u === '') return '';
  if (lang !== 'zh') return u === 'ignored' ? 'ignored' : `used ${u}`;
  if (u === 'ignored') return '已忽略';
  if (u === 'the app default') return '改用应用默认值';
  if (u === 'the sandbox') return '改为自由探索';
  let m = /^preset (\S+), seed (\d+)$/.exec(u);
  if (m) return `改用预设 ${m[1]}、随机种子 ${m[2]}`;
  m = /^(timeline\[\d+\])'s value$/.exec(u);
  if (m) return `改用 ${m[1]} 的值`;
  m = /^preset (\S+)'s knobs$/.exec(u);
  if (m) return `改用预设 ${m[1]} 的参数`;
  return `改用 ${u}`;
}

/**
 * Why a run is too large for the browser, with a suggestion, in `lang` (the same figures as
 * the core's checkRunLimits, which words them in English).
 */
export function limitReasons(lang: Lang, k: Knobs): string[] {
  if (lang !== 'zh') return checkRunLimits(k, BROWSER_LIMITS);
  const e = estimateRun(k);
  const L = BROWSER_LIMITS;
  const out: string[] = [];
  const gb = (b: number) => (b / 1e9).toFixed(2);
  if (e.bytes > L.maxBytes) {
    const n = Math.floor(k.residents * (L.maxBytes / e.bytes) * 0.9);
    out.push(
      `这次运行约需 ${gb(e.bytes)} GB 内存，超过此处允许的 ${gb(L.maxBytes)} GB：可改为约 ${n.toLocaleString('zh-CN')} 名居民或缩短模拟天数，或在命令行中运行`,
    );
  }
  if (e.contacts > L.maxContacts) {
    const d = Math.max(1, Math.floor(k.horizonDays * (L.maxContacts / e.contacts) * 0.9));
    out.push(
      `这次运行约要模拟 ${(e.contacts / 1e6).toFixed(0)} 百万次来电，超过此处允许的 ${(L.maxContacts / 1e6).toFixed(0)} 百万次：可将 horizonDays 改为 ${d} 或减少居民，或在命令行中运行`,
    );
  }
  return out;
}
