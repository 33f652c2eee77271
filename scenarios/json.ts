/**
 * JSON text with positioned syntax errors, the same in every engine. The engine's JSON.parse does
 * the parsing; only when it throws does a scan of our own find where and why, since engines word
 * (and place) their errors differently and some give no position at all. The scan follows
 * RFC 8259 exactly as JSON.parse does, and stops at the first character that cannot continue
 * valid JSON: that character's line and column (1-based) is the position reported. Imports nothing.
 */

/** Why a JSON text is not valid, in English (ui/problem-text.ts has the Chinese). */
export const JSON_ERROR_REASONS = {
  empty: 'there is no JSON value: the text is empty',
  'unexpected-end': 'the text ends before the JSON value is complete',
  'unterminated-string': 'the string is not closed with a double quote',
  'bad-escape': 'invalid escape in a string: after \\ come only " \\ / b f n r t or u',
  'bad-unicode-escape': '\\u in a string must be followed by four hexadecimal digits',
  'control-character': 'a control character (line break, tab...) inside a string: write it as an escape such as \\n or \\t',
  'trailing-comma': 'a comma before the closing bracket (trailing comma)',
  'expected-colon': "expected ':' after the property name",
  'expected-property': 'expected a property name in double quotes',
  'single-quotes': 'JSON strings use double quotes, not single quotes',
  'expected-comma-or-brace': "expected ',' or '}' after a property's value",
  'expected-comma-or-bracket': "expected ',' or ']' after an array element",
  'mismatched-bracket': 'this closing bracket does not match the open one',
  'expected-value': 'expected a value: an object, array, string, number, true, false or null',
  'leading-zero': 'a number may not start with 0 followed by more digits',
  'expected-digit': 'expected a digit in this number',
  'bad-literal': 'invalid word: the only words in JSON are true, false and null',
  comment: 'comments are not allowed in JSON',
  'extra-text': 'unexpected text after the end of the JSON value',
  'engine-limit': "the text is valid JSON, but this engine's JSON.parse refused it (nested too deeply or too large)",
} as const;

export type JsonErrorReason = keyof typeof JSON_ERROR_REASONS;

/** Why JSON text failed to parse: where (1-based line and column), the text near it, and the reason. */
export interface JsonSyntaxError {
  line: number;
  column: number;
  /** Offset of the offending character in the text (UTF-16 units), or the text's length at its end. */
  offset: number;
  /** The text around the position, whitespace collapsed. */
  near: string;
  reason: JsonErrorReason;
  /** The offending character, shown ('x', or U+000A for an invisible one); absent at the end of the text. */
  found?: string;
  /** For an unclosed or mismatched bracket or an unclosed string: what was opened, and where. */
  open?: { char: string; line: number; column: number };
  /** One English sentence: the reason, the character found and what was left open. */
  why: string;
}

/**
 * Line and column (1-based) of an offset. A line ends at \n, \r\n or a lone \r (as editors count);
 * columns count characters (a character outside the BMP, written as two UTF-16 units, is one).
 */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      column = 1;
    } else if (c === 13) {
      // the \r of \r\n: the \n ends the line
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      i++;
      column++;
    } else column++;
  }
  return { line, column };
}

/** A character as shown in a message: itself when visible, its code point otherwise. */
function showChar(text: string, offset: number): string {
  const cp = text.codePointAt(offset) ?? 0;
  if (cp <= 0x20 || (cp >= 0x7f && cp <= 0xa0) || cp === 0xfeff || cp === 0x2028 || cp === 0x2029) {
    return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `'${String.fromCodePoint(cp)}'`;
}

function near(text: string, offset: number): string {
  const before = Array.from(text.slice(Math.max(0, offset - 20), offset)).slice(-10);
  const after = Array.from(text.slice(offset, offset + 20)).slice(0, 10);
  return (before.join('') + after.join('')).replace(/\s+/g, ' ');
}

interface Found {
  offset: number;
  reason: JsonErrorReason;
  /** Offset of the bracket or quote left open, when that is the story. */
  openAt?: number;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
const isWordChar = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || isDigit(c) || c === 95 || c === 36;

/**
 * The first syntax error of a JSON text, or null when the text is valid JSON. Iterative (an
 * explicit stack of open brackets), so any nesting depth is scanned without recursion.
 */
export function findJsonError(text: string): Found | null {
  const n = text.length;
  let i = 0;
  /** Offsets of the open brackets. */
  const open: number[] = [];
  const skipSpace = () => {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
  };
  const endOrOpen = (): Found =>
    open.length ? { offset: n, reason: 'unexpected-end', openAt: open[open.length - 1] } : { offset: n, reason: 'unexpected-end' };
  /** What stands at i where a value or a property name was expected. */
  const unexpected = (expected: 'expected-value' | 'expected-property'): Found => {
    const c = text.charCodeAt(i);
    if (c === 47 && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42)) return { offset: i, reason: 'comment' };
    if (c === 39) return { offset: i, reason: 'single-quotes' };
    return { offset: i, reason: expected };
  };

  /** Scans the string opening at i; returns an error or moves i past the closing quote. */
  const string = (): Found | null => {
    const start = i;
    i++;
    for (;;) {
      if (i >= n) return { offset: n, reason: 'unterminated-string', openAt: start };
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return null;
      }
      if (c < 0x20) return { offset: i, reason: 'control-character' };
      if (c === 92) {
        i++;
        if (i >= n) return { offset: n, reason: 'unterminated-string', openAt: start };
        const e = text.charCodeAt(i);
        if (e === 117) {
          for (let k = 1; k <= 4; k++) {
            if (i + k >= n) return { offset: n, reason: 'unterminated-string', openAt: start };
            if (!isHex(text.charCodeAt(i + k))) return { offset: i + k, reason: 'bad-unicode-escape' };
          }
          i += 5;
          continue;
        }
        // " \ / b f n r t
        if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
          i++;
          continue;
        }
        return { offset: i, reason: 'bad-escape' };
      }
      i++;
    }
  };

  /** Scans the number starting at i (a '-' or a digit). */
  const number = (): Found | null => {
    if (text.charCodeAt(i) === 45) i++;
    if (i >= n) return { offset: n, reason: 'expected-digit' };
    const first = text.charCodeAt(i);
    if (first === 48) {
      i++;
      if (i < n && isDigit(text.charCodeAt(i))) return { offset: i, reason: 'leading-zero' };
    } else if (isDigit(first)) {
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    } else return { offset: i, reason: 'expected-digit' };
    if (text.charCodeAt(i) === 46) {
      i++;
      if (i >= n || !isDigit(text.charCodeAt(i))) return { offset: i, reason: 'expected-digit' };
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const s = text.charCodeAt(i);
      if (s === 43 || s === 45) i++;
      if (i >= n || !isDigit(text.charCodeAt(i))) return { offset: i, reason: 'expected-digit' };
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
    return null;
  };

  /** Scans true, false or null at i. */
  const literal = (): Found | null => {
    const word = text.charCodeAt(i) === 116 ? 'true' : text.charCodeAt(i) === 102 ? 'false' : text.charCodeAt(i) === 110 ? 'null' : '';
    if (!word) {
      // A bare word (NaN, undefined, an unquoted name): its first letter is where it goes wrong.
      return { offset: i, reason: isWordChar(text.charCodeAt(i)) ? 'bad-literal' : 'expected-value' };
    }
    for (let k = 0; k < word.length; k++) {
      if (i + k >= n) return endOrOpen();
      if (text.charCodeAt(i + k) !== word.charCodeAt(k)) return { offset: i + k, reason: 'bad-literal' };
    }
    i += word.length;
    return null;
  };

  // What the scan expects next. A container's opening pushes onto `open`, its closing pops.
  type Step = 'value' | 'after-value' | 'property' | 'property-after-comma' | 'value-after-comma';
  let step: Step = 'value';
  for (;;) {
    skipSpace();
    if (step === 'value' || step === 'value-after-comma') {
      // Nothing open at the end of the text in this step: there was nothing but whitespace.
      if (i >= n) return open.length === 0 ? { offset: n, reason: 'empty' } : endOrOpen();
      const c = text.charCodeAt(i);
      if (c === 123) {
        open.push(i);
        i++;
        skipSpace();
        if (text.charCodeAt(i) === 125) {
          open.pop();
          i++;
          step = 'after-value';
        } else step = 'property';
        continue;
      }
      if (c === 91) {
        open.push(i);
        i++;
        skipSpace();
        if (text.charCodeAt(i) === 93) {
          open.pop();
          i++;
          step = 'after-value';
        } else step = 'value';
        continue;
      }
      if (c === 93 && step === 'value-after-comma') return { offset: i, reason: 'trailing-comma' };
      const err = c === 34 ? string() : c === 45 || isDigit(c) ? number() : isWordChar(c) ? literal() : unexpected('expected-value');
      if (err) return err;
      step = 'after-value';
      continue;
    }
    if (step === 'property' || step === 'property-after-comma') {
      if (i >= n) return endOrOpen();
      const c = text.charCodeAt(i);
      if (c === 125 && step === 'property-after-comma') return { offset: i, reason: 'trailing-comma' };
      if (c !== 34) return unexpected('expected-property');
      const err = string();
      if (err) return err;
      skipSpace();
      if (i >= n) return endOrOpen();
      if (text.charCodeAt(i) !== 58) return { offset: i, reason: 'expected-colon' };
      i++;
      step = 'value';
      continue;
    }
    // after a value
    if (open.length === 0) {
      if (i >= n) return null;
      const c = text.charCodeAt(i);
      if (c === 47 && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42)) return { offset: i, reason: 'comment' };
      return { offset: i, reason: 'extra-text' };
    }
    if (i >= n) return endOrOpen();
    const top = open[open.length - 1];
    const inObject = text.charCodeAt(top) === 123;
    const c = text.charCodeAt(i);
    if (c === 44) {
      i++;
      step = inObject ? 'property-after-comma' : 'value-after-comma';
    } else if (c === (inObject ? 125 : 93)) {
      open.pop();
      i++;
    } else if (c === 125 || c === 93) {
      return { offset: i, reason: 'mismatched-bracket', openAt: top };
    } else if (c === 47 && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42)) {
      return { offset: i, reason: 'comment' };
    } else return { offset: i, reason: inObject ? 'expected-comma-or-brace' : 'expected-comma-or-bracket' };
  }
}

/** The positioned error of a text JSON.parse refused (`engineMessage` is only used when the scan finds none). */
export function describeJsonError(text: string, engineMessage = ''): JsonSyntaxError {
  const found = findJsonError(text) ?? { offset: 0, reason: 'engine-limit' as const };
  const { line, column } = lineColumn(text, found.offset);
  const err: JsonSyntaxError = { line, column, offset: found.offset, near: near(text, found.offset), reason: found.reason, why: '' };
  if (found.offset < text.length && found.reason !== 'engine-limit') err.found = showChar(text, found.offset);
  if (found.openAt !== undefined) err.open = { char: text[found.openAt], ...lineColumn(text, found.openAt) };
  let why: string = JSON_ERROR_REASONS[found.reason];
  if (err.found) why += ` (found ${err.found})`;
  if (err.open) {
    why +=
      found.reason === 'unterminated-string'
        ? `; the string opened at line ${err.open.line} column ${err.open.column}`
        : `; '${err.open.char}' opened at line ${err.open.line} column ${err.open.column}`;
  }
  if (found.reason === 'engine-limit' && engineMessage) why += `: ${engineMessage}`;
  err.why = why;
  return err;
}

/**
 * Parse JSON text; on a syntax error say where, with the text around it. A leading byte order mark
 * is ignored (positions count from the character after it, as an editor shows them). Never throws.
 */
export function parseJsonText(text: string): { ok: true; value: unknown } | ({ ok: false } & JsonSyntaxError) {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    return { ok: false, ...describeJsonError(body, e instanceof Error ? e.message : String(e)) };
  }
}
