import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultKnobs, MODEL } from '../../sim/index.ts';
import { canonicalJson, csvField, dailyCsv, dateOfDay, prettyJson, scenarioHash, sha256Hex } from '../../scenarios/export.ts';

describe('sha256Hex', () => {
  it('matches node:crypto on known and random text', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
      { numRuns: 200 },
    );
    for (const n of [55, 56, 63, 64, 65, 119, 120, 1000])
      expect(sha256Hex('a'.repeat(n))).toBe(createHash('sha256').update('a'.repeat(n)).digest('hex'));
  });
});

describe('canonicalJson and scenarioHash', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: true }, u: undefined })).toBe(
      '{"a":{"c":true,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('the hash depends on the scenario, not on key order', () => {
    const k = defaultKnobs();
    const reversed = Object.fromEntries(Object.entries(k).reverse()) as typeof k;
    expect(scenarioHash({ preset: 'baseline', knobs: k })).toBe(scenarioHash({ preset: 'baseline', knobs: reversed }));
    expect(scenarioHash({ preset: 'baseline', knobs: k })).not.toBe(scenarioHash({ preset: 'baseline', knobs: { ...k, handDown: true } }));
    expect(scenarioHash({ preset: 'baseline', knobs: k })).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('dailyCsv', () => {
  it('writes the comment header and tidy rows day,date,metric,value', () => {
    const knobs = { ...defaultKnobs(), startDate: '2024-02-28' };
    const text = dailyCsv({
      seed: 5,
      scenario: { preset: 'baseline', knobs },
      daily: { tickets_filed: [3, 4, 5], consultations: [1, NaN, 0.25] },
    });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(`# model ${MODEL.name} ${MODEL.version}`);
    expect(lines[1]).toBe('# seed 5');
    expect(lines[2]).toMatch(/^# scenario-hash [0-9a-f]{64}$/);
    expect(JSON.parse(lines[3].slice('# scenario '.length))).toEqual({ preset: 'baseline', knobs });
    expect(lines[4]).toBe('day,date,metric,value');
    expect(lines.slice(5)).toEqual([
      '0,2024-02-28,tickets_filed,3',
      '0,2024-02-28,consultations,1',
      '1,2024-02-29,tickets_filed,4',
      '1,2024-02-29,consultations,',
      '2,2024-03-01,tickets_filed,5',
      '2,2024-03-01,consultations,0.25',
    ]);
  });

  it('quotes fields that need it', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    expect(csvField(0.1)).toBe('0.1');
  });
});

describe('prettyJson and dates', () => {
  it('keeps arrays of values on one line and round-trips through JSON.parse', () => {
    const v = { a: [1, 2, 3], b: { c: 'x', d: [{ e: 1 }] }, t: new Float64Array([1.5, 2]) };
    const text = prettyJson(v);
    expect(text).toContain('"a": [1,2,3]');
    expect(JSON.parse(text)).toEqual({ a: [1, 2, 3], b: { c: 'x', d: [{ e: 1 }] }, t: [1.5, 2] });
    expect(prettyJson({ n: NaN })).toBe('{\n  "n": null\n}\n');
  });

  it('dates of days cross months, leap days and years', () => {
    expect(dateOfDay('2021-01-01', 0)).toBe('2021-01-01');
    expect(dateOfDay('2021-01-01', 1460)).toBe('2024-12-31');
    expect(dateOfDay('2024-02-28', 1)).toBe('2024-02-29');
  });
});
