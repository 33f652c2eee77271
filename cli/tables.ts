/**
 * Listings of the schema (knobs, metrics, presets) as terminal text, Markdown or JSON.
 * `hotline-lab knobs|metrics|presets` print them; `npm run docs` writes docs/KNOBS.md and
 * docs/METRICS.md from the same functions, so the docs cannot drift from the schema.
 */
import { KNOBS, KNOB_GROUPS, METRICS, type KnobSpec } from '../sim/index.ts';
import { allowedText, formatKnobValue } from '../scenarios/loader.ts';
import { listPresets } from '../scenarios/presets.ts';

export type Lang = 'en' | 'zh';

/** Range or options of a knob, short. */
export function rangeText(k: KnobSpec): string {
  switch (k.type) {
    case 'boolean':
      return 'true | false';
    case 'enum':
      return (k.options ?? []).join(' | ');
    case 'date':
      return 'YYYY-MM-DD';
    default:
      return `${formatKnobValue(k.min ?? -Infinity)} .. ${formatKnobValue(k.max ?? Infinity)}${k.type === 'integer' ? ' (integer)' : ''}`;
  }
}

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function pad(s: string, n: number): string {
  return s.length >= n ? s + ' ' : s + ' '.repeat(n - s.length);
}

// ---------------------------------------------------------------- knobs

export function knobsText(lang: Lang = 'en'): string {
  const lines: string[] = [];
  const nameW = Math.max(...KNOBS.map((k) => k.name.length)) + 2;
  const defW = Math.max(...KNOBS.map((k) => formatKnobValue(k.default).length)) + 2;
  for (const g of KNOB_GROUPS) {
    const ks = KNOBS.filter((k) => k.group === g.id);
    if (ks.length === 0) continue;
    lines.push(`${g[lang]} (${g.id})`);
    for (const k of ks) {
      const unit = k.unit[lang] ? `  [${k.unit[lang]}]` : '';
      lines.push(`  ${pad(k.name, nameW)}${pad(formatKnobValue(k.default), defW)}${rangeText(k)}${unit}`);
      lines.push(`  ${' '.repeat(nameW)}${k.meaning[lang]}`);
    }
    lines.push('');
  }
  lines.push(
    lang === 'zh' ? '用 --set 名称=值 修改，例如 --set handDown=true' : 'Change one with --set name=value, e.g. --set handDown=true',
  );
  return lines.join('\n') + '\n';
}

export function knobsMarkdown(lang: Lang = 'en'): string {
  const zh = lang === 'zh';
  const lines: string[] = [];
  for (const g of KNOB_GROUPS) {
    const ks = KNOBS.filter((k) => k.group === g.id);
    if (ks.length === 0) continue;
    lines.push(`## ${zh ? g.zh : g.en} (${zh ? g.en : g.zh})`, '');
    lines.push(
      zh
        ? '| 参数 | 类型 | 默认值 | 范围 / 选项 | 单位 | 含义 | Meaning | 依据 |'
        : '| Knob | Type | Default | Range / options | Unit | Meaning | 含义 | Source |',
    );
    lines.push('|---|---|---|---|---|---|---|---|');
    for (const k of ks) {
      const [m1, m2] = zh ? [k.meaning.zh, k.meaning.en] : [k.meaning.en, k.meaning.zh];
      lines.push(
        `| \`${k.name}\` | ${k.type} | \`${formatKnobValue(k.default)}\` | ${mdCell(rangeText(k))} | ${mdCell(k.unit[lang])} | ${mdCell(m1)} | ${mdCell(m2)} | ${mdCell(k.source ?? '')} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function knobsJson(): string {
  return (
    JSON.stringify(
      KNOBS.map((k) => ({ ...k, allowed: allowedText(k) })),
      null,
      2,
    ) + '\n'
  );
}

// ---------------------------------------------------------------- metrics

export function metricsText(lang: Lang = 'en'): string {
  const nameW = Math.max(...METRICS.map((m) => m.name.length)) + 2;
  const lines: string[] = [];
  for (const m of METRICS) {
    lines.push(`${pad(m.name, nameW)}[${m.unit[lang]}; ${m.agg}]`);
    lines.push(`${' '.repeat(nameW)}${m.meaning[lang]}`);
  }
  return lines.join('\n') + '\n';
}

export function metricsMarkdown(lang: Lang = 'en'): string {
  const zh = lang === 'zh';
  const lines = [
    zh ? '| 指标 | 单位 | 汇总 | 含义 | Meaning |' : '| Metric | Unit | Aggregation | Meaning | 含义 |',
    '|---|---|---|---|---|',
  ];
  for (const m of METRICS) {
    const [m1, m2] = zh ? [m.meaning.zh, m.meaning.en] : [m.meaning.en, m.meaning.zh];
    lines.push(`| \`${m.name}\` | ${mdCell(m.unit[lang])} | ${m.agg} | ${mdCell(m1)} | ${mdCell(m2)} |`);
  }
  return lines.join('\n') + '\n';
}

export function metricsJson(): string {
  return JSON.stringify(METRICS, null, 2) + '\n';
}

// ---------------------------------------------------------------- presets

export function presetsText(lang: Lang = 'en'): string {
  const ps = listPresets();
  const nameW = Math.max(...ps.map((p) => p.name.length)) + 2;
  const lines: string[] = [];
  for (const p of ps) {
    const changes = Object.entries(p.knobs).map(([k, v]) => `${k}=${formatKnobValue(v as string)}`);
    lines.push(`${pad(p.name, nameW)}${p.title[lang]}`);
    lines.push(`${' '.repeat(nameW)}${p.question[lang]}`);
    lines.push(
      `${' '.repeat(nameW)}${changes.length ? changes.join(' ') : lang === 'zh' ? '（全部默认值）' : '(all knobs at their defaults)'}`,
    );
    for (const c of p.timeline ?? []) lines.push(`${' '.repeat(nameW)}${lang === 'zh' ? '自' : 'from'} ${timelineText(c)}`);
  }
  lines.push('', lang === 'zh' ? '运行：hotline-lab run <名称>' : 'Run one: hotline-lab run <name>');
  return lines.join('\n') + '\n';
}

/** A preset's timeline change as `DATE knob=value ...`. */
function timelineText(c: { date: string; knobs: Record<string, unknown> }): string {
  return [c.date, ...Object.entries(c.knobs).map(([k, v]) => `${k}=${formatKnobValue(v as string)}`)].join(' ');
}

export function presetsMarkdown(lang: Lang = 'en'): string {
  const lines: string[] = [];
  for (const p of listPresets()) {
    lines.push(
      `### \`${p.name}\`: ${p.title[lang]}`,
      '',
      p.description[lang],
      '',
      `> ${p.passage}`,
      '',
      `**${lang === 'zh' ? '问题' : 'Question'}:** ${p.question[lang]}`,
      '',
    );
    const changes = Object.entries(p.knobs).map(([k, v]) => `\`${k}=${formatKnobValue(v as string)}\``);
    lines.push(
      `${lang === 'zh' ? '参数' : 'Knobs'}: ${changes.length ? changes.join(', ') : lang === 'zh' ? '全部默认值' : 'all at their defaults'}`,
      '',
    );
    for (const c of p.timeline ?? [])
      lines.push(`${lang === 'zh' ? '时间线：自' : 'Timeline: from'} ${c.date}: \`${timelineText(c).slice(c.date.length + 1)}\``, '');
  }
  return lines.join('\n');
}

export function presetsJson(): string {
  return JSON.stringify(listPresets(), null, 2) + '\n';
}

// ---------------------------------------------------------------- generated docs

const GENERATED =
  '<!-- Generated from sim/knobs.ts and sim/metrics.ts and scenarios/ by `npm run docs` (cli/docs.ts). Do not edit by hand. -->';

export function knobsDoc(): string {
  return [
    GENERATED,
    '',
    '# Knobs',
    '',
    'Every scenario parameter of Hotline Lab, from the schema in `sim/knobs.ts`: name, type, default,',
    'allowed range or options, unit, meaning (English and Chinese) and, where the default rests on a',
    'published figure, its source (`FACTS.md` / `BRIEF.md` rows). A scenario is a preset plus',
    'overrides of these knobs; see the README for the scenario file and link formats.',
    '',
    `${KNOBS.length} knobs in ${KNOB_GROUPS.length} groups.`,
    '',
    knobsMarkdown('en'),
    '# Presets',
    '',
    'Named scenarios (`scenarios/*.json`, listed by `hotline-lab presets`): each is a set of overrides',
    'of the knobs above, with the passage of the article it comes from.',
    '',
    presetsMarkdown('en'),
  ].join('\n');
}

export function metricsDoc(): string {
  return [
    GENERATED,
    '',
    '# Daily metrics',
    '',
    'Every series a run records, one value per simulated day, from `sim/metrics.ts`. In JSON output',
    'they are the arrays under `daily`; in CSV output the rows `day,date,metric,value`.',
    'Aggregation says how a series combines over a week or an assessment period: `sum` for counts,',
    '`mean` for rates and levels, `last` for end-of-day stocks.',
    '',
    `${METRICS.length} metrics.`,
    '',
    metricsMarkdown('en'),
  ].join('\n');
}
