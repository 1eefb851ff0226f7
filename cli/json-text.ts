// Reading a JSON file the user wrote (a scenario, a sweep file, a replay
// bundle) with nothing accepted silently: the bytes must be UTF-8 (UTF-16 and
// UTF-32 are named, and an invalid byte is given by its offset), the text must
// be JSON (the first syntax error located by line and column), and three things
// JSON.parse lets through are refused: a key twice in one object (JSON.parse
// keeps the last one without a word), a number too large for a double (1e999
// becomes Infinity, then null), and nesting deeper than any scenario needs (a
// 200,000-deep list is an attack or a damaged file, not a scenario).

/** Lists and objects inside each other: a scenario needs fewer than 10 levels. */
export const MAX_JSON_DEPTH = 100;

/** A problem in a JSON text: where (a character offset) and what, with the fix. */
export interface JsonProblem {
  at: number;
  message: string;
  /** False for valid JSON that is refused (a repeated key, an overflowing number, deep nesting). */
  syntax: boolean;
}

/** A problem in a JSON file's bytes (before it is text): the message, with the fix. */
export class JsonBytesProblem {
  constructor(readonly message: string) {}
}

/**
 * The text of a JSON file's bytes, or the problem with them: UTF-32 and UTF-16
 * (with or without a byte-order mark) are named; a UTF-8 byte-order mark is
 * dropped (RFC 8259 lets a parser ignore it); the first byte that is not UTF-8
 * is given by its offset.
 */
export function decodeJsonBytes(bytes: Uint8Array): string | JsonBytesProblem {
  const b = bytes;
  const save = 'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)';
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return new JsonBytesProblem(`the file is UTF-32 text (little-endian, with a byte-order mark), not UTF-8; ${save}`);
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return new JsonBytesProblem(`the file is UTF-32 text (big-endian, with a byte-order mark), not UTF-8; ${save}`);
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new JsonBytesProblem(`the file is UTF-16 text (little-endian, with a byte-order mark), not UTF-8; ${save}`);
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new JsonBytesProblem(`the file is UTF-16 text (big-endian, with a byte-order mark), not UTF-8; ${save}`);
  // Without a mark, UTF-16 of JSON (ASCII punctuation) has a zero byte in every pair.
  if (b.length >= 4 && b[0] !== 0 && b[1] === 0 && b[2] !== 0 && b[3] === 0) return new JsonBytesProblem(`the file looks like UTF-16 text (little-endian, no byte-order mark: every other byte is zero), not UTF-8; ${save}`);
  if (b.length >= 4 && b[0] === 0 && b[1] !== 0 && b[2] === 0 && b[3] !== 0) return new JsonBytesProblem(`the file looks like UTF-16 text (big-endian, no byte-order mark: every other byte is zero), not UTF-8; ${save}`);
  const start = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const bad = invalidUtf8At(b, start);
  if (bad >= 0) {
    const shown = Array.from(b.subarray(bad, Math.min(b.length, bad + 4)), (x) => x.toString(16).padStart(2, '0')).join(' ');
    const { line, column } = lineOfByte(b, bad);
    const guess = b[bad]! >= 0x80 ? '; it may be Latin-1 or Windows-1252 text' : '';
    return new JsonBytesProblem(`not valid UTF-8 at byte ${bad} (line ${line}, column ${column}: bytes ${shown})${guess}; ${save}`);
  }
  const nul = b.indexOf(0, start);
  if (nul >= 0) {
    const { line, column } = lineOfByte(b, nul);
    return new JsonBytesProblem(`a zero byte (NUL) at byte ${nul} (line ${line}, column ${column}): this is not a text file, or it is damaged; give a JSON text file`);
  }
  return Buffer.from(b.buffer, b.byteOffset + start, b.length - start).toString('utf8');
}

/** The offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF), or −1. */
export function invalidUtf8At(b: Uint8Array, from = 0): number {
  let i = from;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0; // no overlong 3-byte forms
      if (c === 0xed) hi = 0x9f; // no UTF-16 surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90; // no overlong 4-byte forms
      if (c === 0xf4) hi = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const x = i + k < n ? b[i + k]! : -1;
      if (x < (k === 1 ? lo : 0x80) || x > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

function lineOfByte(b: Uint8Array, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < at; i++) {
    if (b[i] === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: at - start + 1 };
}

/** Line (1-based), column (1-based) and the line's text of a character offset. */
export function lineAndColumn(text: string, at: number): { line: number; column: number; lineText: string } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  return { line, column: at - start + 1, lineText: text.slice(start, end).replace(/\r$/, '').replace(/\t/g, ' ') };
}

/**
 * The first problem of a JSON text, or null: a syntax error (with a plain
 * description: JSON.parse's messages do not always give a position), a key
 * repeated in one object, a number that overflows, or nesting deeper than
 * `maxDepth`.
 */
export function findJsonProblem(text: string, maxDepth: number = MAX_JSON_DEPTH): JsonProblem | null {
  let i = 0;
  const fail = (message: string, at = i, syntax = true): never => {
    throw { at, message, syntax } satisfies JsonProblem;
  };
  const ws = () => {
    for (;;) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) fail('JSON does not allow comments');
      else return;
    }
  };
  /** Reads a string; returns its decoded value when `decode` (keys), else ''. */
  const str = (decode: boolean): string => {
    const open = i;
    i++; // the opening quote
    let escaped = false;
    for (;;) {
      if (i >= text.length) fail('a string is not closed; add the closing "');
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        if (!decode) return '';
        const raw = text.slice(open, i);
        return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      }
      if (c < 32) fail(c === 10 ? 'a string runs past the end of the line; close it with "' : 'a control character inside a string; escape it');
      if (c === 92) {
        escaped = true;
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('a \\u escape needs four hex digits');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`unknown escape \\${e ?? ''}`);
      } else i++;
    }
  };
  const num = () => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m) fail('expected a value (a number, string, true, false, null, object or list)');
    const token = m![0];
    if (!Number.isFinite(Number(token))) {
      const shown = token.length > 40 ? `${token.slice(0, 37)}…` : token;
      fail(`the number ${shown} is too large: it overflows a number (the largest is about 1.8e308) and would be read as Infinity; write a smaller number`, i, false);
    }
    i += token.length;
  };
  const tooDeep = () =>
    fail(`lists and objects are nested more than ${maxDepth} levels deep, over the limit of ${maxDepth} levels (a scenario needs fewer than 10); the file is damaged or not a scenario`, i, false);
  const value = (depth: number): void => {
    ws();
    const c = text[i];
    if (c === undefined) fail('the file ends where a value was expected');
    if (c === '{') {
      if (depth >= maxDepth) tooDeep();
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      const keys = new Map<string, number>();
      for (;;) {
        ws();
        if (text[i] !== '"') fail(text[i] === '}' ? 'JSON does not allow a trailing comma; remove the last ","' : 'expected a key in double quotes');
        const keyAt = i;
        const key = str(true);
        const first = keys.get(key);
        if (first !== undefined) {
          const a = lineAndColumn(text, first).line;
          const b = lineAndColumn(text, keyAt).line;
          const lines = a === b ? `twice on line ${a}` : `on lines ${a} and ${b}`;
          fail(`the key ${JSON.stringify(key)} appears ${lines} of one object; JSON would keep only the last silently — remove one`, keyAt, false);
        }
        keys.set(key, keyAt);
        ws();
        if (text[i] !== ':') fail('expected ":" after the key');
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(text[i] === undefined ? 'the file ends inside an object; add "}"' : 'expected "," or "}" after a value');
      }
    }
    if (c === '[') {
      if (depth >= maxDepth) tooDeep();
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === ']') fail('JSON does not allow a trailing comma; remove the last ","');
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(text[i] === undefined ? 'the file ends inside a list; add "]"' : 'expected "," or "]" after a value');
      }
    }
    if (c === '"') {
      str(false);
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (c === "'") fail('JSON strings use double quotes');
    if (text.startsWith('NaN', i) || text.startsWith('Infinity', i) || text.startsWith('-Infinity', i)) fail('JSON has no NaN or Infinity; write a number, or null');
    num();
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail('unexpected text after the end of the JSON value');
    return null;
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'at' in e && 'message' in e) return e as JsonProblem;
    throw e;
  }
}

/** `label:line:column: message`, the line, and a caret under the column. */
export function locate(text: string, label: string, problem: JsonProblem): string {
  const { line, column, lineText } = lineAndColumn(text, problem.at);
  const caret = `${' '.repeat(Math.max(0, Math.min(column - 1, 200)))}^`;
  const what = problem.syntax ? 'not valid JSON: ' : '';
  return `${label}:${line}:${column}: ${what}${problem.message}\n  ${lineText.slice(0, 200)}\n  ${caret}`;
}
