// JSON syntax errors are placed by our own scan (scenarios/json.ts), not by reading the engine's
// message: the positions below hold with JSON.parse's message replaced by a useless one.
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { findJsonError, JSON_ERROR_REASONS, lineColumn, parseJsonText, type JsonErrorReason } from '../../scenarios/json.ts';
import { loadScenarioText } from '../../scenarios/loader.ts';
import { loadExperimentText } from '../../experiments/schema.ts';
import { problemMessage } from '../../ui/problem-text.ts';

interface Case {
  name: string;
  text: string;
  line: number;
  column: number;
  reason: JsonErrorReason;
  found?: string;
  open?: { char: string; line: number; column: number };
}

// Positions counted by hand: the first character that cannot continue valid JSON (or the end).
const CASES: Case[] = [
  {
    name: 'trailing comma in an object',
    text: '{\n  "preset": "baseline",\n}',
    line: 3,
    column: 1,
    reason: 'trailing-comma',
    found: "'}'",
  },
  { name: 'trailing comma in an array', text: '[1, 2,]', line: 1, column: 7, reason: 'trailing-comma' },
  { name: 'missing colon', text: '{"seed" 1}', line: 1, column: 9, reason: 'expected-colon', found: "'1'" },
  {
    name: 'unterminated string',
    text: '{"preset": "base',
    line: 1,
    column: 17,
    reason: 'unterminated-string',
    open: { char: '"', line: 1, column: 12 },
  },
  { name: 'bad escape', text: '{"a": "x\\q"}', line: 1, column: 10, reason: 'bad-escape', found: "'q'" },
  { name: 'bad \\u escape', text: '["\\u12G4"]', line: 1, column: 7, reason: 'bad-unicode-escape', found: "'G'" },
  { name: 'line break inside a string', text: '{"a": "line\nbreak"}', line: 1, column: 12, reason: 'control-character', found: 'U+000A' },
  { name: 'tab inside a string', text: '["a\tb"]', line: 1, column: 4, reason: 'control-character', found: 'U+0009' },
  { name: 'extra closing bracket', text: '{"a": 1}}', line: 1, column: 9, reason: 'extra-text', found: "'}'" },
  {
    name: 'closing bracket of the wrong kind',
    text: '{"a": [1]]}',
    line: 1,
    column: 10,
    reason: 'mismatched-bracket',
    open: { char: '{', line: 1, column: 1 },
  },
  { name: 'empty input', text: '', line: 1, column: 1, reason: 'empty' },
  { name: 'only whitespace', text: '  \n  ', line: 2, column: 3, reason: 'empty' },
  { name: 'byte order mark, then a trailing comma', text: '\uFEFF{"a": 1,}', line: 1, column: 9, reason: 'trailing-comma' },
  { name: 'CRLF line endings', text: '{\r\n  "a": 1,\r\n  "b" 2\r\n}', line: 3, column: 7, reason: 'expected-colon' },
  { name: 'old Mac CR line endings', text: '{\r"a" 1}', line: 2, column: 5, reason: 'expected-colon' },
  { name: 'Chinese text before the error', text: '{"名称": "热线", x}', line: 1, column: 14, reason: 'expected-property', found: "'x'" },
  {
    name: 'Chinese text on earlier lines',
    text: '{\n  "说明": "第一行",\n  "seed": 1 2\n}',
    line: 3,
    column: 13,
    reason: 'expected-comma-or-brace',
  },
  { name: 'a character outside the BMP counts as one column', text: '["😀", ]', line: 1, column: 7, reason: 'trailing-comma' },
  { name: 'unclosed object', text: '{"seed": 1', line: 1, column: 11, reason: 'unexpected-end', open: { char: '{', line: 1, column: 1 } },
  {
    name: 'unclosed array on a later line',
    text: '{"a": [\n  1,\n  2',
    line: 3,
    column: 4,
    reason: 'unexpected-end',
    open: { char: '[', line: 1, column: 7 },
  },
  { name: 'leading zero', text: '[01]', line: 1, column: 3, reason: 'leading-zero' },
  { name: 'no digit after the point', text: '[1.]', line: 1, column: 4, reason: 'expected-digit' },
  { name: 'no digit in the exponent', text: '[1e+]', line: 1, column: 5, reason: 'expected-digit' },
  { name: 'a lone minus', text: '-', line: 1, column: 2, reason: 'expected-digit' },
  { name: 'single quotes', text: "{'a': 1}", line: 1, column: 2, reason: 'single-quotes' },
  { name: 'a comment', text: '{"a": 1 // why\n}', line: 1, column: 9, reason: 'comment' },
  { name: 'unquoted property name', text: '{seed: 1}', line: 1, column: 2, reason: 'expected-property' },
  { name: 'misspelt word', text: '[True]', line: 1, column: 2, reason: 'bad-literal' },
  { name: 'NaN', text: '{"a": NaN}', line: 1, column: 7, reason: 'bad-literal' },
  { name: 'missing comma', text: '[1 2]', line: 1, column: 4, reason: 'expected-comma-or-bracket' },
  { name: 'missing value', text: '{"preset": "baseline",\n "seed": }', line: 2, column: 10, reason: 'expected-value', found: "'}'" },
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('JSON syntax errors: line and column from our own scan', () => {
  it.each(CASES)('$name', (c) => {
    // The case is really invalid for the engine…
    expect(() => JSON.parse(c.text.replace(/^\uFEFF/, ''))).toThrow();
    // …and its position does not come from the engine's message.
    vi.spyOn(JSON, 'parse').mockImplementation(() => {
      throw new SyntaxError('something went wrong at position 0');
    });
    const r = parseJsonText(c.text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect({ line: r.line, column: r.column, reason: r.reason }).toEqual({ line: c.line, column: c.column, reason: c.reason });
    if (c.found) expect(r.found).toBe(c.found);
    if (c.open) expect(r.open).toEqual(c.open);
    expect(r.why.startsWith(JSON_ERROR_REASONS[c.reason])).toBe(true);
    expect(r.why).not.toMatch(/something went wrong|position/);
  });

  it('the sentence names what was found and what was left open', () => {
    const r = parseJsonText('{"a": [1, 2}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.why).toBe(`${JSON_ERROR_REASONS['mismatched-bracket']} (found '}'); '[' opened at line 1 column 7`);
    const s = parseJsonText('{\n"a": "open');
    if (s.ok) throw new Error('should fail');
    expect(s.why).toBe(`${JSON_ERROR_REASONS['unterminated-string']}; the string opened at line 2 column 6`);
  });

  it('valid text parses (a byte order mark ignored), with the engine', () => {
    expect(parseJsonText('\uFEFF{"seed": 2}')).toEqual({ ok: true, value: { seed: 2 } });
    expect(parseJsonText(' [1, -0.5e3, "\\u00e9\\n", true, null] ')).toEqual({ ok: true, value: [1, -500, 'é\n', true, null] });
  });

  it('valid text the engine refuses anyway (its limits) is reported, not placed at a wrong spot', () => {
    vi.spyOn(JSON, 'parse').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    const r = parseJsonText('[[[]]]');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('engine-limit');
    expect(r.why).toContain('Maximum call stack size exceeded');
  });

  it('deep nesting is scanned without recursion', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(199_999);
    expect(findJsonError(deep)).toEqual({ offset: deep.length, reason: 'unexpected-end', openAt: 0 });
    expect(findJsonError('['.repeat(200_000) + ']'.repeat(200_000))).toBeNull();
  });

  it('lineColumn counts \\n, \\r\\n and a lone \\r as one line break each', () => {
    expect(lineColumn('a\nb\r\nc\rd', 7)).toEqual({ line: 4, column: 1 });
    // \r\n is one line break, at one column: its \n stands where the \r does.
    expect(lineColumn('a\r\n', 2)).toEqual(lineColumn('a\r\n', 1));
    expect(lineColumn('😀x', 2)).toEqual({ line: 1, column: 2 });
  });
});

describe('the scan agrees with the engine', () => {
  // Valid JSON with one character inserted, removed or replaced (from JSON's own alphabet and a
  // few usual mistakes): the scan calls it valid exactly when JSON.parse does, and an error's
  // position is the first bad character: the text before it has no error of its own.
  const ALPHABET = [...'{}[]:,"\\ \n\t0123456789-+.eEtrufalsn/\'x\u0001\u00e9'];
  const mutated = fc
    .tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom(...ALPHABET), fc.constantFrom('insert', 'delete', 'replace'))
    .map(([json, at, ch, op]) => {
      const i = at % (json.length + 1);
      if (op === 'insert') return json.slice(0, i) + ch + json.slice(i);
      if (op === 'delete') return json.slice(0, i) + json.slice(i + 1);
      return json.slice(0, i) + ch + json.slice(i + 1);
    });

  it('valid exactly when JSON.parse accepts, errors at the first bad character', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        let engineOk = true;
        try {
          JSON.parse(text);
        } catch {
          engineOk = false;
        }
        const found = findJsonError(text);
        expect(found === null).toBe(engineOk);
        if (found && found.offset < text.length) {
          const before = findJsonError(text.slice(0, found.offset));
          // Cut at the error, the text is valid so far: complete, or wanting more at its end.
          if (before) expect(before.offset).toBe(found.offset);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('where the errors are shown', () => {
  it('scenario text: the problem carries line, column and reason, in English and Chinese', () => {
    const r = loadScenarioText('\uFEFF{\r\n  "说明": "热线",\r\n  "seed": 1,\r\n}');
    expect(r.ok).toBe(false);
    const p = r.problems[0];
    expect(p.code).toBe('invalid-json');
    expect(p.detail).toMatchObject({ line: 4, column: 1, reason: 'trailing-comma', found: "'}'" });
    expect(p.message).toMatch(/^invalid JSON at line 4 column 1 \(near '.*'\): a comma before the closing bracket \(trailing comma\)/);
    expect(problemMessage('en', p)).toBe(p.message);
    const zh = problemMessage('zh', p);
    expect(zh).toContain('第 4 行第 1 列');
    expect(zh).toContain('尾随逗号');
    expect(zh).not.toMatch(/trailing/);
  });

  it('an unclosed bracket names where it was opened, in Chinese too', () => {
    const p = loadScenarioText('{"knobs": {"handDown": true}').problems[0];
    expect(p.detail).toMatchObject({ line: 1, column: 29, reason: 'unexpected-end', openChar: '{', openLine: 1, openColumn: 1 });
    expect(problemMessage('zh', p)).toContain('“{”始于第 1 行第 1 列');
  });

  it('every reason has a Chinese sentence', () => {
    for (const reason of Object.keys(JSON_ERROR_REASONS)) {
      const zh = problemMessage('zh', {
        field: '(json)',
        value: '',
        message: 'x',
        code: 'invalid-json',
        detail: { line: 1, column: 1, near: '', reason },
      });
      expect(zh, reason).toMatch(/JSON 格式错误，位于第 1 行第 1 列（“”附近）：\S/);
    }
  });

  it('experiment text reports the same position', () => {
    vi.spyOn(JSON, 'parse').mockImplementation(() => {
      throw new SyntaxError('nope');
    });
    const r = loadExperimentText('{\n  "vary": {"handDown": [false, true,]}\n}');
    expect(r.problems[0].message).toBe(`invalid JSON at line 2 column 37: ${JSON_ERROR_REASONS['trailing-comma']} (found ']')`);
  });
});
