import { describe, expect, it } from 'vitest';
import { METRIC_LABELS, METRICS, type MetricName } from '../../sim/index.ts';
import { KEY_FIGURES, SUMMARY_LABELS } from '../../sim/metric-labels.ts';
import { APP } from '../../ui/i18n/app.ts';

describe('metric short names', () => {
  it('every metric of the table has one, and no name is left over', () => {
    expect(Object.keys(METRIC_LABELS).sort()).toEqual(METRICS.map((m) => m.name).sort());
  });

  it('are written words, not identifiers or cut text', () => {
    for (const m of METRICS) {
      const label = METRIC_LABELS[m.name as MetricName];
      for (const lang of ['en', 'zh'] as const) {
        const s = label[lang];
        expect(s.trim(), `${m.name} ${lang}`).toBe(s);
        expect(s, `${m.name} ${lang}`).not.toMatch(/…|\.\.\.$|_/);
        expect(s, `${m.name} ${lang}`).not.toBe(m.name);
      }
      expect(label.zh, `${m.name}: the Chinese name is Chinese`).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('are unique within a language, so a menu never shows two metrics under one name', () => {
    for (const lang of ['en', 'zh'] as const) {
      const names = Object.values(METRIC_LABELS).map((l) => l[lang]);
      expect(new Set(names).size, lang).toBe(names.length);
    }
  });
});

describe('key figures: one vocabulary', () => {
  it('each key figure is a summary field with a name, how it is computed, in both languages', () => {
    for (const f of KEY_FIGURES) {
      const l = SUMMARY_LABELS[f];
      for (const lang of ['en', 'zh'] as const) {
        expect(l[lang], f).not.toMatch(/…|_/);
        expect(l.how[lang], f).toContain(f);
      }
    }
  });

  it('a summary figure that is a daily metric summed or at its end has the metric’s own name', () => {
    expect(SUMMARY_LABELS.tickets_filed.en).toBe(METRIC_LABELS.tickets_filed.en);
    expect(SUMMARY_LABELS.needs_waiting_end.zh).toBe(METRIC_LABELS.needs_waiting.zh);
  });

  it('the app shell’s figure names (the version table) are the same words', () => {
    const app = new Map(Object.entries(APP).filter(([k]) => /^fig[A-Z]/.test(k)));
    expect(app.size).toBe(KEY_FIGURES.length);
    const names = [...app.values()].map((x) => `${x.en}|${x.zh}`).sort();
    expect(names).toEqual(KEY_FIGURES.map((f) => `${SUMMARY_LABELS[f].en}|${SUMMARY_LABELS[f].zh}`).sort());
  });
});
