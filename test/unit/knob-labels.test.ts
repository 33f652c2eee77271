import { describe, expect, it } from 'vitest';
import { KNOB_LABELS, KNOBS, type KnobName } from '../../sim/index.ts';

describe('knob short names', () => {
  it('every knob of the schema has one, and no name is left over', () => {
    const schema = KNOBS.map((k) => k.name).sort();
    expect(Object.keys(KNOB_LABELS).sort()).toEqual(schema);
  });

  it('are written, not cut: no ellipsis, no option read as the name', () => {
    for (const k of KNOBS) {
      const label = KNOB_LABELS[k.name as KnobName];
      for (const lang of ['en', 'zh'] as const) {
        const s = label[lang];
        expect(s.trim(), `${k.name} ${lang}`).toBe(s);
        expect(s.length, `${k.name} ${lang}`).toBeGreaterThan(1);
        expect(s, `${k.name} ${lang}`).not.toMatch(/…|\.\.\.$/);
        const options = [...(k.options ?? []), ...Object.values(k.optionLabels ?? {}).map((o) => o[lang])];
        expect(options, `${k.name} ${lang} reads as one of its options`).not.toContain(s);
      }
      expect(label.zh, `${k.name}: the Chinese name is Chinese`).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('are unique within a language, so a table or a legend never shows two knobs under one name', () => {
    for (const lang of ['en', 'zh'] as const) {
      const names = Object.values(KNOB_LABELS).map((l) => l[lang]);
      expect(new Set(names).size, lang).toBe(names.length);
    }
  });
});
