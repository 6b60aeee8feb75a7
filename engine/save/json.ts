/**
 * Parsing untrusted JSON text (saves, scenarios): a size limit first, then one non-recursive pass that checks the
 * syntax (reporting line and column the same way in every browser), refuses repeated keys, and bounds nesting
 * depth, container sizes and string lengths, then secure-json-parse to refuse prototype-poisoning keys (`__proto__`, `constructor.prototype`).
 */
import secureJsonParse from 'secure-json-parse';

export interface JsonLimits {
  /** Largest accepted text, in UTF-8 bytes. */
  maxBytes: number;
  /** Deepest accepted nesting of objects and arrays. */
  maxDepth: number;
  /** Most members of one object or elements of one array. */
  maxContainerSize: number;
  /** Longest accepted string (decoded characters). */
  maxStringChars: number;
}

export const DEFAULT_JSON_LIMITS: JsonLimits = {
  maxBytes: 16 * 1024 * 1024,
  maxDepth: 64,
  maxContainerSize: 100_000,
  maxStringChars: 10_000,
};

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: string };

/** "16 MiB" / "1.5 KiB" / "12 bytes": sizes in error messages. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${bytes} bytes`;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

/** Control characters (terminal escape sequences) in text quoted from an untrusted file, made visible. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** UTF-8 length of a JS string, without TextEncoder (the engine has no DOM or Node types). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** Parses untrusted JSON text within limits; never throws. */
export function parseJsonText(text: string, limits: Partial<JsonLimits> = {}): JsonResult {
  const lim = { ...DEFAULT_JSON_LIMITS, ...limits };
  if (typeof text !== 'string') return { ok: false, error: 'expected JSON text' };
  // bytes >= UTF-16 code units, so the cheap length test refuses huge texts without scanning them
  const size = text.length > lim.maxBytes ? text.length : utf8Length(text);
  if (size > lim.maxBytes) {
    const atLeast = text.length > lim.maxBytes ? 'at least ' : '';
    return { ok: false, error: `file is too large: ${atLeast}${formatBytes(size)} (${size} bytes); the limit is ${formatBytes(lim.maxBytes)}` };
  }
  if (text.trim() === '' || text === '\ufeff') return { ok: false, error: 'the file is empty' };
  const problem = checkJsonText(text, lim);
  if (problem) return { ok: false, error: problem };
  try {
    return { ok: true, value: secureJsonParse(text, null, { protoAction: 'error', constructorAction: 'error' }) as unknown };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/prototype/i.test(message)) {
      return { ok: false, error: 'refused: the JSON contains a "__proto__" key or a "constructor" key holding "prototype" (prototype poisoning)' };
    }
    return { ok: false, error: `invalid JSON: ${message}` };
  }
}

const enum Expect {
  Value,
  ValueOrClose,
  Key,
  KeyOrClose,
  Colon,
  CommaOrClose,
  End,
}

interface Container {
  isArray: boolean;
  members: number;
  start: number;
  /** An object's keys so far: a repeated key is refused (parsers disagree on which value wins). */
  keys: Set<string> | null;
}

/**
 * One linear, non-recursive pass over JSON text: RFC 8259 syntax plus the limits. Returns null when the text is
 * acceptable, else a message with line, column and position. Runs before any parser so a hostile file (deep
 * nesting, huge arrays) is refused without building it.
 */
export function checkJsonText(text: string, limits: JsonLimits): string | null {
  const stack: Container[] = [];
  let expect = Expect.Value;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const fail = (at: number, what: string): string => `invalid JSON at ${where(text, at)}: ${what}`;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      i += 1;
      continue;
    }
    const top = stack[stack.length - 1];
    if (expect === Expect.End) return fail(i, `unexpected ${describeChar(text, i)} after the end of the document`);
    if (expect === Expect.Colon) {
      if (c !== 0x3a) return fail(i, `expected ':' after an object key, found ${describeChar(text, i)}`);
      expect = Expect.Value;
      i += 1;
      continue;
    }
    if (expect === Expect.CommaOrClose) {
      if (c === 0x2c) {
        expect = top!.isArray ? Expect.Value : Expect.Key;
        i += 1;
        continue;
      }
      if (c === (top!.isArray ? 0x5d : 0x7d)) {
        stack.pop();
        expect = stack.length ? Expect.CommaOrClose : Expect.End;
        i += 1;
        continue;
      }
      return fail(i, `expected ',' or '${top!.isArray ? ']' : '}'}', found ${describeChar(text, i)}`);
    }
    if ((expect === Expect.ValueOrClose && c === 0x5d) || (expect === Expect.KeyOrClose && c === 0x7d)) {
      stack.pop();
      expect = stack.length ? Expect.CommaOrClose : Expect.End;
      i += 1;
      continue;
    }
    if (expect === Expect.Key || expect === Expect.KeyOrClose) {
      if (c !== 0x22) return fail(i, `expected a quoted object key, found ${describeChar(text, i)}`);
      if (++top!.members > limits.maxContainerSize) return fail(top!.start, `object has more than ${limits.maxContainerSize} members`);
      const end = scanString(text, i, limits.maxStringChars);
      if (typeof end !== 'number') return fail(end.at, end.what);
      const raw = text.slice(i + 1, end - 1);
      const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw;
      if (top!.keys!.has(key)) return fail(i, `duplicate key ${JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key)} in one object`);
      top!.keys!.add(key);
      i = end;
      expect = Expect.Colon;
      continue;
    }
    // a value is expected
    if (top?.isArray && ++top.members > limits.maxContainerSize) return fail(top.start, `array has more than ${limits.maxContainerSize} elements`);
    if (c === 0x7b || c === 0x5b) {
      if (stack.length >= limits.maxDepth) return fail(i, `nesting is deeper than ${limits.maxDepth} levels`);
      const isArray = c === 0x5b;
      stack.push({ isArray, members: 0, start: i, keys: isArray ? null : new Set() });
      expect = isArray ? Expect.ValueOrClose : Expect.KeyOrClose;
      i += 1;
      continue;
    }
    let end: number | ScanError;
    if (c === 0x22) end = scanString(text, i, limits.maxStringChars);
    else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) end = scanNumber(text, i);
    else if (text.startsWith('true', i)) end = i + 4;
    else if (text.startsWith('false', i)) end = i + 5;
    else if (text.startsWith('null', i)) end = i + 4;
    else return fail(i, `expected a JSON value, found ${describeChar(text, i)}`);
    if (typeof end !== 'number') return fail(end.at, end.what);
    i = end;
    expect = stack.length ? Expect.CommaOrClose : Expect.End;
  }
  if (expect !== Expect.End) {
    const open = stack[stack.length - 1];
    const unclosed = open ? ` (the ${open.isArray ? 'array' : 'object'} opened at ${where(text, open.start)} is not closed)` : '';
    return `invalid JSON: unexpected end of the file at ${where(text, n)}${unclosed}; the file may be truncated`;
  }
  return null;
}

interface ScanError {
  at: number;
  what: string;
}

/** Index just past the string starting at `start` (a quote), or where and why it is malformed. */
function scanString(text: string, start: number, maxChars: number): number | ScanError {
  let chars = 0;
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return { at: i, what: `${describeChar(text, i)} inside a string (control characters must be escaped)` };
    if (c === 0x5c) {
      const e = text.charCodeAt(i + 1);
      if (e === 0x75) {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { at: i, what: 'bad \\u escape inside a string' };
        i += 6;
      } else if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
        i += 2;
      } else return { at: i, what: 'bad escape inside a string' };
    } else i += 1;
    if (++chars > maxChars) return { at: start, what: `string longer than ${maxChars} characters` };
  }
  return { at: start, what: 'unterminated string; the file may be truncated' };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function scanNumber(text: string, start: number): number | ScanError {
  NUMBER.lastIndex = start;
  const end = NUMBER.test(text) ? NUMBER.lastIndex : start;
  const next = text.charCodeAt(end);
  if (end === start || (next >= 0x30 && next <= 0x39) || next === 0x2e || next === 0x65 || next === 0x45) return { at: start, what: 'malformed number' };
  return end;
}

/** "line 3, column 7 (position 42)", 1-based line and column. */
function where(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return `line ${line}, column ${position - lineStart + 1} (position ${position})`;
}

function describeChar(text: string, i: number): string {
  if (i >= text.length) return 'the end of the file';
  const c = text.charCodeAt(i);
  if (c >= 0x20 && c < 0x7f) return `'${text[i]}'`;
  return `character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}
