/** The presentation-mode link flag (`present=1`): read, written back, and refused when malformed. */
import { describe, expect, test } from 'vitest';
import { defaultPageState, pageQuery, readPageLink } from '../../ui/shell/page-link.ts';
import { holdsScenario } from '../../ui/persist.ts';

const base = 'https://x.org/app/';

describe('present= link flag', () => {
  test('is off by default and not written when off', () => {
    expect(defaultPageState().present).toBe(false);
    expect(pageQuery(defaultPageState())).not.toContain('present');
    expect(readPageLink(`${base}?preset=baseline`).state.present).toBe(false);
  });

  test('round-trips through the link', () => {
    const r = readPageLink(`${base}?preset=baseline&seed=3&lang=zh&present=1`);
    expect(r.problems).toEqual([]);
    expect(r.state.present).toBe(true);
    const q = pageQuery(r.state);
    expect(q).toContain('&present=1');
    const again = readPageLink(base + q);
    expect(again.state.present).toBe(true);
    expect(again.state.seed).toBe(3);
    expect(again.state.lang).toBe('zh');
    expect(pageQuery(again.state)).toBe(q);
  });

  test('accepts true/0 and refuses other values with a problem, keeping it off', () => {
    expect(readPageLink(`${base}?present=true`).state.present).toBe(true);
    expect(readPageLink(`${base}?present=0`).state.present).toBe(false);
    const bad = readPageLink(`${base}?present=yes`);
    expect(bad.state.present).toBe(false);
    expect(bad.problems.map((p) => [p.field, p.code])).toEqual([['present', 'bad-flag']]);
  });

  test('is a page parameter, not a scenario (a stored scenario still loads under it)', () => {
    expect(holdsScenario('?present=1')).toBe(false);
    expect(holdsScenario('?present=1&seed=2')).toBe(true);
  });
});
