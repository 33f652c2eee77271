import { describe, expect, it } from 'vitest';
import { METRIC_LABELS, METRICS, type MetricName } from '../../sim/index.ts';

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
