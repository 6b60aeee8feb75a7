/**
 * Canonical JSON and a 128-bit state hash, used to compare game states across
 * runs/engines (replay verification, desync detection, save integrity).
 *
 * canonicalJson: object keys sorted by UTF-16 code units (Array.prototype.sort
 * default), no whitespace, numbers/strings as JSON.stringify writes them. It is
 * strict: undefined, functions, symbols, bigint, NaN/Infinity and non-plain
 * objects (Map, Set, Date, class instances, typed arrays) throw with a path.
 *
 * hashString: MurmurHash3_x86_128 (seed 0) over the string's UTF-16LE bytes,
 * read two code units per 32-bit word; output is h1..h4 as 8 hex digits each.
 */

/** Guard against cycles / runaway nesting (each level is a real JS stack frame). */
const MAX_DEPTH = 1000;

function fail(path: (string | number)[], what: string): never {
  let p = '$';
  for (const k of path) p += typeof k === 'number' ? `[${k}]` : `.${k}`;
  throw new Error(`canonicalJson: ${what} at ${p}`);
}

function describe(v: object): string {
  const ctor = (Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null)?.constructor?.name;
  return ctor ? `non-plain object (${ctor})` : 'non-plain object';
}

/** Strings needing escapes in JSON (quote, backslash, controls, any surrogate). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON string literal; skips JSON.stringify for the common escape-free case (same output). */
function quote(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : '"' + s + '"';
}

/** Quoted key + ':' memo; state objects reuse few key names. Bounded so it cannot grow forever. */
const keyMemo = new Map<string, string>();

function quoteKey(k: string): string {
  let r = keyMemo.get(k);
  if (r === undefined) {
    r = quote(k) + ':';
    if (keyMemo.size < 4096) keyMemo.set(k, r);
  }
  return r;
}

/**
 * Objects with at most this many keys have their layout cached: rows (a dozen fields) and the tables' `byId`
 * records (one key per row), whose key sets recur from turn to turn.
 */
const MAX_SHAPE_KEYS = 4096;
const MAX_LAYOUTS = 1024;
const LAYOUTS_PER_FIRST_KEY = 4;

/** Own enumerable string keys in code-unit order (through the object's cached layout, so known shapes never sort). */
function sortedKeys(obj: object): string[] {
  const keys = Object.keys(obj);
  const { order } = layoutOf(keys);
  return order === null ? keys : order.map((i) => keys[i]!);
}

/** True if every element is a finite number (then native JSON.stringify output is identical). */
function isFiniteNumberArray(a: readonly unknown[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (typeof x !== 'number' || x !== x || x === Infinity || x === -Infinity) return false;
  }
  return true;
}

function write(v: unknown, path: (string | number)[]): string {
  switch (typeof v) {
    case 'string':
      return quote(v);
    case 'number':
      if (v !== v || v === Infinity || v === -Infinity) fail(path, `non-finite number ${v}`);
      return '' + v; // same digits as JSON.stringify (-0 becomes "0")
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object': {
      if (v === null) return 'null';
      if (path.length >= MAX_DEPTH) fail(path, `nesting deeper than ${MAX_DEPTH} (cycle?)`);
      if (Array.isArray(v)) {
        if (isFiniteNumberArray(v)) return JSON.stringify(v); // fast path for series data
        let out = '[';
        for (let i = 0; i < v.length; i++) {
          if (i > 0) out += ',';
          path.push(i);
          out += write(v[i] as unknown, path); // holes read as undefined -> throw
          path.pop();
        }
        return out + ']';
      }
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) fail(path, describe(v));
      const obj = v as Record<string, unknown>;
      const keys = sortedKeys(obj);
      let out = '{';
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i] as string;
        if (i > 0) out += ',';
        path.push(k);
        out += quoteKey(k) + write(obj[k], path);
        path.pop();
      }
      return out + '}';
    }
    default:
      // undefined, function, symbol, bigint
      return fail(path, `unsupported value of type ${typeof v}`);
  }
}

/** Deterministic JSON text for plain JSON-like data; throws on anything else. */
export function canonicalJson(value: unknown): string {
  return write(value, []);
}

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

function hex8(x: number): string {
  return (x >>> 0).toString(16).padStart(8, '0');
}

/** 128-bit MurmurHash3_x86_128 of the UTF-16LE encoding of s, as 32 lowercase hex chars. */
export function hashString(s: string): string {
  const n = s.length; // code units; 8 units = one 16-byte block
  const blockEnd = n - (n & 7);
  let h1 = 0;
  let h2 = 0;
  let h3 = 0;
  let h4 = 0;
  let k1: number, k2: number, k3: number, k4: number;
  for (let i = 0; i < blockEnd; i += 8) {
    k1 = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
    k2 = s.charCodeAt(i + 2) | (s.charCodeAt(i + 3) << 16);
    k3 = s.charCodeAt(i + 4) | (s.charCodeAt(i + 5) << 16);
    k4 = s.charCodeAt(i + 6) | (s.charCodeAt(i + 7) << 16);

    k1 = Math.imul(rotl(Math.imul(k1, C1), 15), C2);
    h1 ^= k1;
    h1 = (Math.imul(((rotl(h1, 19) + h2) | 0), 5) + 0x561ccd1b) | 0;
    k2 = Math.imul(rotl(Math.imul(k2, C2), 16), C3);
    h2 ^= k2;
    h2 = (Math.imul(((rotl(h2, 17) + h3) | 0), 5) + 0x0bcaa747) | 0;
    k3 = Math.imul(rotl(Math.imul(k3, C3), 17), C4);
    h3 ^= k3;
    h3 = (Math.imul(((rotl(h3, 15) + h4) | 0), 5) + 0x96cd1c35) | 0;
    k4 = Math.imul(rotl(Math.imul(k4, C4), 18), C1);
    h4 ^= k4;
    h4 = (Math.imul(((rotl(h4, 13) + h1) | 0), 5) + 0x32ac3b17) | 0;
  }
  // tail: 0..7 code units; missing units read as 0, equivalent to Murmur's byte switch
  const rem = n - blockEnd;
  if (rem > 0) {
    const u = (j: number): number => (blockEnd + j < n ? s.charCodeAt(blockEnd + j) : 0);
    if (rem > 6) h4 ^= Math.imul(rotl(Math.imul(u(6), C4), 18), C1);
    if (rem > 4) h3 ^= Math.imul(rotl(Math.imul(u(4) | (u(5) << 16), C3), 17), C4);
    if (rem > 2) h2 ^= Math.imul(rotl(Math.imul(u(2) | (u(3) << 16), C2), 16), C3);
    h1 ^= Math.imul(rotl(Math.imul(u(0) | (u(1) << 16), C1), 15), C2);
  }
  const d = finalMix(h1, h2, h3, h4, n * 2);
  return hex8(d[0]) + hex8(d[1]) + hex8(d[2]) + hex8(d[3]);
}

/** Murmur3 x86_128 finalization: length xor, cross-adds and fmix32 on each lane. */
function finalMix(a: number, b: number, c: number, e: number, lengthBytes: number): Digest {
  let h1 = a ^ lengthBytes;
  let h2 = b ^ lengthBytes;
  let h3 = c ^ lengthBytes;
  let h4 = e ^ lengthBytes;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = fmix32(h1);
  h2 = fmix32(h2);
  h3 = fmix32(h3);
  h4 = fmix32(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * Digests of frozen subtrees. Every state the engine returns is deeply frozen and keeps unchanged subtrees as the
 * same objects, so after a turn only the changed paths are hashed again. Purely a memo: a digest is a function of
 * content alone, so hashes are identical with or without it, in every runtime.
 */
const frozenDigests = new WeakMap<object, Digest>();

/** A 128-bit digest as four unsigned 32-bit words. */
type Digest = readonly [number, number, number, number];

const TAG_NULL = 1;
const TAG_FALSE = 2;
const TAG_TRUE = 3;
const TAG_INT = 4;
const TAG_FLOAT = 5;
const TAG_STRING = 6;
const TAG_ARRAY = 7;
const TAG_OBJECT = 8;
/** A value hashed as one flat stream (HashOptions.flatKeys), followed by its digest. */
const TAG_FLAT = 9;

/** IEEE-754 bits of a float as two 32-bit words, low word first whatever the platform's byte order. */
const floatBits = new Float64Array(1);
const floatWords = new Uint32Array(floatBits.buffer);
const LOW_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;

/**
 * Streaming MurmurHash3 x86_128 over 32-bit words. Values are appended as tagged words (integers as one word,
 * other numbers as their IEEE-754 bits, strings as UTF-16 code units two per word, object keys as one word: their
 * own 32-bit hash) into a reusable buffer that `finish` mixes in one tight loop. No number is ever formatted as
 * text: exact, and several times faster than hashing canonical JSON. Callers `reserve` room before appending, so
 * the appends themselves carry no bounds checks.
 */
class WordHasher {
  buffer = new Int32Array(1 << 16);
  length = 0;

  /** Starts a new digest at the end of the shared buffer (nested containers stack their words after it). */
  begin(): number {
    return this.length;
  }

  /** Forgets any words left by a walk that threw. */
  reset(): void {
    this.length = 0;
  }

  /** Makes room for `n` more words. */
  reserve(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Int32Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  /** Appends a number: three words at most (reserved by the caller). */
  number(x: number, where: string): void {
    const b = this.buffer;
    if ((x | 0) === x) {
      b[this.length++] = TAG_INT;
      b[this.length++] = x;
      return;
    }
    if (x !== x || x === Infinity || x === -Infinity) throw new Error(`hashState: non-finite number at ${where}`);
    floatBits[0] = x;
    b[this.length++] = TAG_FLOAT;
    b[this.length++] = floatWords[LOW_WORD]!;
    b[this.length++] = floatWords[1 - LOW_WORD]!;
  }

  /** Appends a string (reserves its own room). */
  string(s: string): void {
    const n = s.length;
    this.reserve(3 + (n >> 1));
    const b = this.buffer;
    let k = this.length;
    b[k++] = TAG_STRING;
    b[k++] = n;
    this.length = n >= LONG_STRING && n <= MAX_ENCODED_STRING ? packViaUtf8(s, b, k) : packUtf16(s, b, k);
  }

  /** Appends a child's digest (reserves its own room). */
  digest(d: Digest): void {
    this.reserve(4);
    const b = this.buffer;
    b[this.length++] = d[0];
    b[this.length++] = d[1];
    b[this.length++] = d[2];
    b[this.length++] = d[3];
  }

  /** Mixes the words appended since `start` (Murmur blocks of four words, then the tail) and drops them. */
  finish(start: number): Digest {
    const b = this.buffer;
    const end = this.length;
    let h1 = 0;
    let h2 = 0;
    let h3 = 0;
    let h4 = 0;
    let i = start;
    for (; i + 4 <= end; i += 4) {
      h1 ^= Math.imul(rotl(Math.imul(b[i]!, C1), 15), C2);
      h1 = (Math.imul((rotl(h1, 19) + h2) | 0, 5) + 0x561ccd1b) | 0;
      h2 ^= Math.imul(rotl(Math.imul(b[i + 1]!, C2), 16), C3);
      h2 = (Math.imul((rotl(h2, 17) + h3) | 0, 5) + 0x0bcaa747) | 0;
      h3 ^= Math.imul(rotl(Math.imul(b[i + 2]!, C3), 17), C4);
      h3 = (Math.imul((rotl(h3, 15) + h4) | 0, 5) + 0x96cd1c35) | 0;
      h4 ^= Math.imul(rotl(Math.imul(b[i + 3]!, C4), 18), C1);
      h4 = (Math.imul((rotl(h4, 13) + h1) | 0, 5) + 0x32ac3b17) | 0;
    }
    const t = end - i;
    if (t > 2) h3 ^= Math.imul(rotl(Math.imul(b[i + 2]!, C3), 17), C4);
    if (t > 1) h2 ^= Math.imul(rotl(Math.imul(b[i + 1]!, C2), 16), C3);
    if (t > 0) h1 ^= Math.imul(rotl(Math.imul(b[i]!, C1), 15), C2);
    this.length = start;
    return finalMix(h1, h2, h3, h4, (end - start) * 4);
  }
}

/**
 * A string's UTF-16 code units, two per word (an odd last unit alone), written from `k`; returns the end. One
 * charCodeAt per unit: used for short strings (ids, categories), where it is cheapest.
 */
export function packUtf16(s: string, b: Int32Array, k: number): number {
  const n = s.length;
  for (let i = 0; i < n; i += 2) b[k++] = s.charCodeAt(i) | (i + 1 < n ? s.charCodeAt(i + 1) << 16 : 0);
  return k;
}

/** From this length on a string is packed through the UTF-8 encoder (packViaUtf8). */
const LONG_STRING = 32;
/** Longer strings are packed with charCodeAt rather than keep a scratch buffer of 3 bytes per unit for them. */
const MAX_ENCODED_STRING = 1 << 16;

/** The WHATWG encoder every JS runtime the engine targets has (Node, browsers); typed here, the engine sees no DOM. */
declare const TextEncoder: new () => { encodeInto(source: string, destination: Uint8Array): { read: number; written: number } };
const encoder = new TextEncoder();
let utf8Scratch = new Uint8Array(4096);

/**
 * packUtf16's words for a long string (the turn's report texts, ledger memos), decoded back from the native UTF-8
 * encoder's bytes: one native call and a typed-array loop instead of a charCodeAt per unit. Measured in played
 * games, charCodeAt on these freshly built (cons) strings made the state hash ~25% slower, and its speed varied
 * from run to run with V8's optimization of the loop. A lone surrogate becomes U+FFFD in UTF-8 and cannot be
 * recovered: a string that decodes to U+FFFD is packed with charCodeAt.
 */
export function packViaUtf8(s: string, b: Int32Array, k: number): number {
  const n = s.length;
  if (utf8Scratch.length < 3 * n) utf8Scratch = new Uint8Array(3 * n);
  const u = utf8Scratch;
  const written = encoder.encodeInto(s, u).written;
  const start = k;
  let held = -1; // the first code unit of a word, waiting for the second
  for (let i = 0; i < written; ) {
    const c = u[i]!;
    let unit: number;
    if (c < 0x80) {
      unit = c;
      i += 1;
    } else if (c < 0xe0) {
      unit = ((c & 0x1f) << 6) | (u[i + 1]! & 0x3f);
      i += 2;
    } else if (c < 0xf0) {
      unit = ((c & 0x0f) << 12) | ((u[i + 1]! & 0x3f) << 6) | (u[i + 2]! & 0x3f);
      if (unit === 0xfffd) return packUtf16(s, b, start);
      i += 3;
    } else {
      // Four bytes: a code point above U+FFFF, i.e. a surrogate pair.
      const offset = (((c & 0x07) << 18) | ((u[i + 1]! & 0x3f) << 12) | ((u[i + 2]! & 0x3f) << 6) | (u[i + 3]! & 0x3f)) - 0x10000;
      i += 4;
      const high = 0xd800 + (offset >> 10);
      if (held < 0) held = high;
      else {
        b[k++] = held | (high << 16);
        held = -1;
      }
      unit = 0xdc00 + (offset & 0x3ff);
    }
    if (held < 0) held = unit;
    else {
      b[k++] = held | (unit << 16);
      held = -1;
    }
  }
  if (held >= 0) b[k++] = held;
  return k;
}

/** One hasher for the whole walk: containers append to its buffer and mix their own slice. */
const hasher = new WordHasher();

/**
 * 128-bit Merkle hash of a JSON value as 32 lowercase hex characters: an array or object hashes its tagged
 * primitives and its children's digests (object keys in code-unit order, each as its own 32-bit hash). Equal values
 * give equal hashes on every engine; any change anywhere changes the root. Rejects what is not JSON data
 * (undefined, NaN, Map, Date...).
 */
export function hashState(value: unknown, options: HashOptions = {}): string {
  hasher.reset();
  const d = options.flatKeys && isPlainObject(value) ? rootDigest(value, options.flatKeys) : containerDigest({ root: value }, 0, '$', MEMO_ALL);
  return hex8(d[0]) + hex8(d[1]) + hex8(d[2]) + hex8(d[3]);
}

export interface HashOptions {
  /**
   * Top-level keys whose values are hashed as one flat stream (no digest per nested object, no memo): for records
   * rebuilt whole every turn (the turn's ledger and report), where a digest per entry only costs time.
   */
  flatKeys?: readonly string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The root object with some keys hashed flat: `{ root: { ...value } }` where those keys' values are flat digests. */
function rootDigest(value: Record<string, unknown>, flatKeys: readonly string[]): Digest {
  const h = hasher;
  // A state still being built (not frozen) is hashed without memo: its arrays may yet change.
  const rootFrozen = !Object.isExtensible(value);
  const keys = sortedKeys(value);
  const children: (Digest | null)[] = [];
  for (const key of keys) {
    if (!flatKeys.includes(key)) children.push(null);
    else {
      const start = h.begin();
      feedFlat(h, value[key], 0, `$.${key}`);
      children.push(h.finish(start));
    }
  }
  const start = h.begin();
  h.reserve(2);
  h.buffer[h.length++] = TAG_OBJECT;
  h.buffer[h.length++] = keys.length;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    h.reserve(6);
    h.buffer[h.length++] = wordOfKey(key);
    const flat = children[i];
    if (flat) {
      h.buffer[h.length++] = TAG_FLAT;
      h.digest(flat);
    } else {
      const child = value[key];
      feedChild(h, child, 1, `$.${key}`, rootFrozen ? MEMO_SELF | (Array.isArray(child) ? MEMO_CHILDREN : 0) : 0);
    }
  }
  const d = h.finish(start);
  // Same wrapping as hashState's generic path, so the root is a digest of `{ root: ... }`.
  const outer = h.begin();
  h.reserve(8);
  h.buffer[h.length++] = TAG_OBJECT;
  h.buffer[h.length++] = 1;
  h.buffer[h.length++] = wordOfKey('root');
  h.digest(d);
  return h.finish(outer);
}

/** Appends a whole value, containers included, to the current stream (tagged and length-prefixed: unambiguous). */
function feedFlat(h: WordHasher, value: unknown, depth: number, where: string): void {
  if (depth > MAX_DEPTH) throw new Error(`hashState: nesting deeper than ${MAX_DEPTH} (cycle?) at ${where}`);
  if (value !== null && typeof value === 'object') {
    if (Array.isArray(value)) {
      h.reserve(2);
      h.buffer[h.length++] = TAG_ARRAY;
      h.buffer[h.length++] = value.length;
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) throw new Error(`hashState: hole in array at ${where}[${i}]`);
        feedFlat(h, value[i], depth + 1, where);
      }
      return;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new Error(`hashState: ${describe(value)} at ${where}`);
    const keys = Object.keys(value);
    const layout = layoutOf(keys);
    const values = valuesOf(value as Record<string, unknown>, keys);
    h.reserve(2);
    h.buffer[h.length++] = TAG_OBJECT;
    h.buffer[h.length++] = values.length;
    for (let i = 0; i < values.length; i++) {
      h.reserve(1);
      h.buffer[h.length++] = layout.words[i]!;
      feedFlat(h, values[layout.order === null ? i : layout.order[i]!], depth + 1, where);
    }
    return;
  }
  h.reserve(4);
  feedPrimitive(h, value, where);
}

/** Above this many keys an object is read key by key rather than with Object.values (see valuesOf). */
const MAX_VALUES_AT_ONCE = 16;

/**
 * An object's values in the order of `keys` (its own keys, as Object.keys listed them). A small object (a row) in one
 * native call; a large one (a table's byId record, the deployments' figures by id) key by key: V8 keeps an object
 * that got many keys one by one in dictionary mode, where Object.values costs ~200 ns a key and a keyed read ~20.
 */
function valuesOf(obj: Record<string, unknown>, keys: readonly string[]): unknown[] {
  if (keys.length <= MAX_VALUES_AT_ONCE) return Object.values(obj);
  const values = new Array<unknown>(keys.length);
  for (let i = 0; i < keys.length; i++) values[i] = obj[keys[i]!];
  return values;
}

/**
 * An object key as one hash word: a 32-bit multiply-xorshift hash of its UTF-16 code units, finalized with
 * Murmur's fmix32. Memoized (ids are keys of tables and recur every turn); bounded.
 */
const keyWords = new Map<string, number>();

function wordOfKey(key: string): number {
  const known = keyWords.get(key);
  if (known !== undefined) return known;
  let h = 0x9747b28c ^ key.length;
  for (let i = 0; i < key.length; i++) {
    h = Math.imul(h ^ key.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  const word = fmix32(h);
  if (keyWords.size < 1 << 16) keyWords.set(key, word);
  return word;
}

/**
 * How to read an object's values in hash order: `order[i]` indexes Object.values (null: already in key order);
 * `words[i]` is that key's word.
 */
interface Layout {
  keys: string[];
  order: number[] | null;
  words: number[];
}

/** Layouts seen before, by first key (objects of one shape list their keys alike). Bounded. */
const layouts = new Map<string, Layout[]>();
let layoutCount = 0;
/** The layout found last: objects of one shape are often hashed one after another (a table's rows). */
let lastLayout: Layout | null = null;

function layoutOf(keys: string[]): Layout {
  const n = keys.length;
  if (lastLayout !== null && sameKeys(lastLayout.keys, keys)) return lastLayout;
  const cacheable = n > 0 && n <= MAX_SHAPE_KEYS;
  const known = cacheable ? layouts.get(keys[0]!) : undefined;
  if (known) for (const layout of known) if (sameKeys(layout.keys, keys)) return (lastLayout = layout);
  let ordered = true;
  for (let i = 1; i < n; i++) {
    if (keys[i - 1]! > keys[i]!) {
      ordered = false;
      break;
    }
  }
  let order: number[] | null = null;
  const words = new Array<number>(n);
  if (ordered) for (let i = 0; i < n; i++) words[i] = wordOfKey(keys[i]!);
  else {
    order = keys.map((_, i) => i).sort((x, y) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : 0));
    for (let i = 0; i < n; i++) words[i] = wordOfKey(keys[order[i]!]!);
  }
  const layout = { keys, order, words };
  if (cacheable) {
    // Bounded: a few layouts per first key (a growing table's ids replace the oldest), at most MAX_LAYOUTS in all.
    if (layoutCount >= MAX_LAYOUTS) {
      layouts.clear();
      layoutCount = 0;
    }
    const list = layouts.get(keys[0]!) ?? [];
    if (list.length === 0) layouts.set(keys[0]!, list);
    if (list.length >= LAYOUTS_PER_FIRST_KEY) list.shift();
    else layoutCount++;
    list.push(layout);
  }
  return (lastLayout = layout);
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Set by `containerDigest`: whether the digest it returned may be memoized (the subtree is wholly frozen). */
let lastCacheable = true;

/**
 * Which containers are memoized. A WeakMap entry costs far more than hashing a small object again (measured: a
 * cold whole-state hash takes twice as long when it records every container), so a state hash memoizes only
 * what is shared from turn to turn in bulk: the state's top-level values, table rows (the values of a `byId`) and
 * the entries of top-level arrays (history). Other callers memoize every frozen container.
 */
const MEMO_SELF = 1;
/** The container's children are memoized (MEMO_SELF). */
const MEMO_CHILDREN = 2;
/** Every frozen container below is memoized. */
const MEMO_ALL = 4;
const BY_ID = 'byId';

function childMode(mode: number, key: string | undefined): number {
  if (mode & MEMO_ALL) return MEMO_ALL | MEMO_SELF;
  return (mode & MEMO_CHILDREN ? MEMO_SELF : 0) | (key === BY_ID ? MEMO_CHILDREN : 0);
}

function containerDigest(value: object, depth: number, where: string, mode: number): Digest {
  if (mode & MEMO_SELF) {
    const cached = frozenDigests.get(value);
    if (cached) {
      lastCacheable = true;
      return cached;
    }
  }
  if (depth > MAX_DEPTH) throw new Error(`hashState: nesting deeper than ${MAX_DEPTH} (cycle?) at ${where}`);
  const h = hasher;
  const start = h.begin();
  // Engine states never freeze their arrays (turnCommit.ts) and never write a committed one: in a state hash an
  // array is as immutable as the frozen object holding it. Other callers (MEMO_ALL) memoize frozen arrays only.
  const isArray = Array.isArray(value);
  // (Engine data is frozen or fully writable: its map's extensible bit answers faster than Object.isFrozen.)
  let cacheable = mode & MEMO_ALL ? Object.isFrozen(value) : isArray || !Object.isExtensible(value);
  // Objects: values read in key order through the shape's layout.
  const keys = isArray ? null : Object.keys(value);
  const layout = keys === null ? null : layoutOf(keys);
  const values = keys === null ? (value as unknown[]) : valuesOf(value as Record<string, unknown>, keys);
  const n = values.length;
  // Per entry at most a key word and four words (a digest or a number); strings reserve their own room.
  h.reserve(2 + 5 * n);
  h.buffer[h.length++] = isArray ? TAG_ARRAY : TAG_OBJECT;
  h.buffer[h.length++] = n;
  for (let i = 0; i < n; i++) {
    let child: unknown;
    let key: string | undefined;
    if (layout === null) {
      if (!(i in value)) throw new Error(`hashState: hole in array at ${where}[${i}]`);
      child = values[i];
    } else {
      h.buffer[h.length++] = layout.words[i]!;
      const j = layout.order === null ? i : layout.order[i]!;
      child = values[j];
      key = layout.keys[j];
    }
    if (!feedChild(h, child, depth, where, childMode(mode, key))) cacheable = false;
    // A string may have grown the buffer past what was reserved for the rest of this container: re-reserve.
    if (typeof child === 'string') h.reserve(5 * (n - i));
  }
  const d = h.finish(start);
  if (cacheable && mode & MEMO_SELF) frozenDigests.set(value, d);
  lastCacheable = cacheable;
  return d;
}

/** Appends a container's child: a primitive's words or a nested container's digest. Returns whether memoizable. */
function feedChild(h: WordHasher, child: unknown, depth: number, where: string, mode: number): boolean {
  if (child === null || typeof child !== 'object') {
    feedPrimitive(h, child, where);
    return true;
  }
  if (!Array.isArray(child)) {
    const proto = Object.getPrototypeOf(child);
    if (proto !== Object.prototype && proto !== null) throw new Error(`hashState: ${describe(child)} at ${where}`);
  }
  const d = containerDigest(child, depth + 1, where, mode);
  // The child's own words were dropped by its finish, so room reserved by the caller is still there.
  h.digest(d);
  return lastCacheable;
}

/** Appends a primitive (the caller reserved four words; a string reserves its own). */
function feedPrimitive(h: WordHasher, value: unknown, where: string): void {
  if (typeof value === 'number') h.number(value, where);
  else if (typeof value === 'string') h.string(value);
  else if (value === null) h.buffer[h.length++] = TAG_NULL;
  else if (value === true) h.buffer[h.length++] = TAG_TRUE;
  else if (value === false) h.buffer[h.length++] = TAG_FALSE;
  else throw new Error(`hashState: unsupported value of type ${typeof value} at ${where}`);
}
