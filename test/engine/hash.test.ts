import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, hashState, hashString, packUtf16, packViaUtf8 } from '../../engine/hash';

/** Byte-level MurmurHash3_x86_128, transcribed from the C reference, as an independent oracle. */
function murmurBytes(key: Uint8Array, seed: number): string {
  const c1 = 0x239b961b, c2 = 0xab0e9789, c3 = 0x38b34ae5, c4 = 0xa1e38b93;
  const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));
  const fmix = (h: number): number => {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return h ^ (h >>> 16);
  };
  const mixK = (k: number, a: number, r: number, b: number): number => Math.imul(rotl(Math.imul(k, a), r), b);
  const len = key.length;
  const word = (i: number): number => key[i]! | (key[i + 1]! << 8) | (key[i + 2]! << 16) | (key[i + 3]! << 24);
  let h1 = seed, h2 = seed, h3 = seed, h4 = seed;
  let o = 0;
  for (; o + 16 <= len; o += 16) {
    h1 ^= mixK(word(o), c1, 15, c2);
    h1 = (Math.imul((rotl(h1, 19) + h2) | 0, 5) + 0x561ccd1b) | 0;
    h2 ^= mixK(word(o + 4), c2, 16, c3);
    h2 = (Math.imul((rotl(h2, 17) + h3) | 0, 5) + 0x0bcaa747) | 0;
    h3 ^= mixK(word(o + 8), c3, 17, c4);
    h3 = (Math.imul((rotl(h3, 15) + h4) | 0, 5) + 0x96cd1c35) | 0;
    h4 ^= mixK(word(o + 12), c4, 18, c1);
    h4 = (Math.imul((rotl(h4, 13) + h1) | 0, 5) + 0x32ac3b17) | 0;
  }
  const k = [0, 0, 0, 0];
  for (let i = 0; o + i < len; i++) k[i >> 2]! ^= key[o + i]! << ((i & 3) * 8);
  const r = len - o;
  if (r > 12) h4 ^= mixK(k[3]!, c4, 18, c1);
  if (r > 8) h3 ^= mixK(k[2]!, c3, 17, c4);
  if (r > 4) h2 ^= mixK(k[1]!, c2, 16, c3);
  if (r > 0) h1 ^= mixK(k[0]!, c1, 15, c2);
  h1 ^= len; h2 ^= len; h3 ^= len; h4 ^= len;
  h1 = (h1 + h2 + h3 + h4) | 0; h2 = (h2 + h1) | 0; h3 = (h3 + h1) | 0; h4 = (h4 + h1) | 0;
  h1 = fmix(h1); h2 = fmix(h2); h3 = fmix(h3); h4 = fmix(h4);
  h1 = (h1 + h2 + h3 + h4) | 0; h2 = (h2 + h1) | 0; h3 = (h3 + h1) | 0; h4 = (h4 + h1) | 0;
  return [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

function utf16le(s: string): Uint8Array {
  const b = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    b[2 * i] = s.charCodeAt(i) & 0xff;
    b[2 * i + 1] = s.charCodeAt(i) >>> 8;
  }
  return b;
}

/** Any UTF-16 string, lone surrogates included. */
const anyUtf16 = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 80 }).map((cs) => String.fromCharCode(...cs));

describe('hashString (MurmurHash3_x86_128 over UTF-16LE)', () => {
  it('byte oracle passes the SMHasher verification value 0xB3ECE62A', () => {
    const key = new Uint8Array(256);
    const all = new Uint8Array(16 * 256);
    for (let i = 0; i < 256; i++) {
      key[i] = i;
      const hex = murmurBytes(key.subarray(0, i), 256 - i);
      for (let w = 0; w < 4; w++) {
        const h = parseInt(hex.slice(w * 8, w * 8 + 8), 16);
        for (let b = 0; b < 4; b++) all[i * 16 + w * 4 + b] = (h >>> (8 * b)) & 0xff;
      }
    }
    const h1 = murmurBytes(all, 0).slice(0, 8);
    expect(h1).toBe('b3ece62a');
  });

  it('equals the byte oracle on the UTF-16LE encoding (all tail lengths)', () => {
    fc.assert(fc.property(anyUtf16, (s) => hashString(s) === murmurBytes(utf16le(s), 0)));
  });

  it('golden values and format', () => {
    expect(hashString('')).toBe('00000000000000000000000000000000');
    expect(hashString('a')).toBe('033bb196ccef4fe1ccef4fe1ccef4fe1');
    fc.assert(fc.property(anyUtf16, (s) => /^[0-9a-f]{32}$/.test(hashString(s))));
  });

  it('distinct strings hash differently', () => {
    fc.assert(fc.property(anyUtf16, anyUtf16, (a, b) => a === b || hashString(a) !== hashString(b)));
    expect(hashString('\u0000')).not.toBe(hashString(''));
    expect(hashString('ab')).not.toBe(hashString('ba'));
  });
});

describe('canonicalJson', () => {
  it('sorts keys, no whitespace, JSON number/string formatting', () => {
    const v = { b: [1, 'x"\n', null, true], a: { d: -0, c: 1e21, e: 0.1 }, 'é': false, Z: 1 };
    expect(canonicalJson(v)).toBe('{"Z":1,"a":{"c":1e+21,"d":0,"e":0.1},"b":[1,"x\\"\\n",null,true],"é":false}');
  });

  it('is key-order independent', () => {
    expect(canonicalJson({ a: 1, b: { x: 1, y: 2 } })).toBe(canonicalJson({ b: { y: 2, x: 1 }, a: 1 }));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        return canonicalJson(obj) === canonicalJson(reversed) && hashState(obj) === hashState(reversed);
      }),
    );
  });

  it('round-trips through JSON.parse and is stable', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const c = canonicalJson(v);
        expect(JSON.parse(c)).toEqual(JSON.parse(JSON.stringify(v))); // same data (-0 reads back as 0)
        expect(canonicalJson(JSON.parse(c))).toBe(c);
      }),
    );
  });

  it('accepts null-prototype objects', () => {
    const o = Object.create(null) as Record<string, number>;
    o.b = 2;
    o.a = 1;
    expect(canonicalJson(o)).toBe('{"a":1,"b":2}');
  });

  it('rejects non-JSON values with a clear message and path', () => {
    class Thing {
      x = 1;
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const cases: [unknown, RegExp][] = [
      [{ a: { b: undefined } }, /undefined at \$\.a\.b/],
      [[1, undefined], /undefined at \$\[1\]/],
      [{ n: NaN }, /non-finite number NaN at \$\.n/],
      [{ n: [Infinity] }, /non-finite number Infinity at \$\.n\[0\]/],
      [{ m: new Map() }, /non-plain object \(Map\) at \$\.m/],
      [{ s: new Set([1]) }, /non-plain object \(Set\)/],
      [{ d: new Date(0) }, /non-plain object \(Date\)/],
      [{ t: new Thing() }, /non-plain object \(Thing\)/],
      [{ u: new Uint8Array(2) }, /non-plain object \(Uint8Array\)/],
      [{ f: () => 1 }, /unsupported value of type function/],
      [{ b: 10n }, /unsupported value of type bigint/],
      [{ s: Symbol('x') }, /unsupported value of type symbol/],
      [[1, , 3], /undefined at \$\[1\]/],
      [cyclic, /nesting deeper than/],
      [undefined, /undefined at \$/],
    ];
    for (const [value, msg] of cases) {
      expect(() => canonicalJson(value)).toThrow(msg);
      expect(() => hashState(value)).toThrow(/^hashState: /);
    }
  });
});

describe('hashState', () => {
  it('golden hash for a fixed object (change = save/replay hash break)', () => {
    const v = {
      name: 'Tokens per Watt',
      tick: 1234,
      rng: [1, 2, 3, 4],
      company: { cash: 1.5e9, pue: 1.12, regions: ['us-east', 'eu-west'], online: true, note: null },
      'é': 'ünïcödé ✓',
    };
    expect(hashState(v)).toBe('72d74094b6b2c0677576e2b58f827c0a');
  });

  it('changing any one number changes the hash', () => {
    type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
    /** Paths to every number inside v. */
    const numberPaths = (v: Json, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] => {
      if (typeof v === 'number') out.push(path);
      else if (Array.isArray(v)) v.forEach((x, i) => numberPaths(x, [...path, i], out));
      else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) numberPaths(v[k]!, [...path, k], out);
      return out;
    };
    const withNumbers = fc.jsonValue().filter((v) => numberPaths(v as Json).length > 0);
    fc.assert(
      fc.property(withNumbers, fc.nat(), (v0, which) => {
        const v = v0 as Json;
        const paths = numberPaths(v);
        const path = paths[which % paths.length]!;
        const bump = (x: number): number => (x + 1 !== x ? x + 1 : -x); // a value with different JSON text
        if (path.length === 0) return hashState(bump(v as number)) !== hashState(v);
        const copy = JSON.parse(JSON.stringify(v)) as Json;
        let parent: Json = copy;
        for (const k of path.slice(0, -1)) parent = (parent as Record<string, Json>)[k]!;
        const last = path[path.length - 1]!;
        const old = (parent as Record<string | number, Json>)[last] as number;
        (parent as Record<string | number, Json>)[last] = bump(old);
        return hashState(copy) !== hashState(v);
      }),
    );
  });

  it('is fast on a ~200 KB state', () => {
    const dcs = Array.from({ length: 1350 }, (_, i) => ({
      id: `dc-${i}`, region: ['us-east', 'eu-west', 'ap-south'][i % 3], powerMw: i * 1.37, pue: 1.1 + (i % 7) * 0.013,
      gpus: { h100: i * 8, b200: i % 5 }, online: i % 2 === 0, history: [i, i + 0.5, i * 2.25],
    }));
    const state = { tick: 1234, datacenters: dcs };
    expect(canonicalJson(state).length).toBeGreaterThan(190_000);
    for (let i = 0; i < 5; i++) hashState(state); // warm up the JIT
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) hashState(state);
    const ms = (performance.now() - t0) / 10;
    expect(ms).toBeLessThan(50); // ~3 ms on a dev machine; generous so CI cannot flake
  });
});

describe('hashState memo of frozen subtrees', () => {
  it('gives the same digest for frozen and unfrozen copies, and tracks changes in unfrozen objects', () => {
    const make = () => ({ a: { b: [1, 2.5, 'x'], c: { d: true } }, e: null });
    const frozen = make();
    const deepFreeze = (o: object): object => {
      for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v);
      return Object.freeze(o);
    };
    deepFreeze(frozen);
    const plain = make();
    expect(hashState(frozen)).toBe(hashState(plain));
    expect(hashState(frozen)).toBe(hashState(frozen)); // memo hit returns the same digest
    const before = hashState(plain);
    plain.a.c.d = false; // unfrozen objects are never memoized, so a change is always seen
    expect(hashState(plain)).not.toBe(before);
  });

  it('distinguishes integers, floats, strings and nesting that print alike', () => {
    expect(hashState({ x: 1 })).not.toBe(hashState({ x: '1' }));
    expect(hashState({ x: 1 })).not.toBe(hashState({ x: 1.0000000000000002 }));
    expect(hashState([[1], 2])).not.toBe(hashState([1, [2]]));
    expect(hashState({ x: 0 })).toBe(hashState({ x: -0 }));
  });
});

describe('hashState with flat keys (records rebuilt whole every turn)', () => {
  const value = () => ({ log: [{ who: 'a', usd: 1.5 }, { who: 'b', usd: -2 }], table: { x: { n: 1 } }, n: 3 });

  it('is a function of content: equal values hash alike, a change deep inside a flat key changes the hash', () => {
    const flat = { flatKeys: ['log'] };
    expect(hashState(value(), flat)).toBe(hashState(value(), flat));
    const changed = value();
    changed.log[1]!.usd = -2.5;
    expect(hashState(changed, flat)).not.toBe(hashState(value(), flat));
    const moved = value();
    moved.table.x.n = 2;
    expect(hashState(moved, flat)).not.toBe(hashState(value(), flat));
  });

  it('is its own encoding (tagged), not the Merkle digest of the same key', () => {
    expect(hashState(value(), { flatKeys: ['log'] })).not.toBe(hashState(value()));
    // Keys absent from the value change nothing.
    expect(hashState(value(), { flatKeys: ['absent'] })).toBe(hashState(value()));
  });

  it('rejects what is not JSON inside a flat key, with its path', () => {
    expect(() => hashState({ log: [{ usd: Number.NaN }] }, { flatKeys: ['log'] })).toThrow(/^hashState: non-finite number at \$\.log/);
    expect(() => hashState({ log: [new Map()] }, { flatKeys: ['log'] })).toThrow(/^hashState: non-plain object \(Map\)/);
  });
});

describe('string packing (long strings through the UTF-8 encoder)', () => {
  const pack = (f: (s: string, b: Int32Array, k: number) => number, s: string): number[] => {
    const b = new Int32Array(s.length + 4);
    return [...b.subarray(0, f(s, b, 0))];
  };
  const FC_SEED = 20_240_101;

  it('gives exactly the words of one charCodeAt per unit, for any string: astral pairs, lone surrogates, U+FFFD, NUL', () => {
    const cases = [
      'a'.repeat(33), 'Packaging short — 4 of 5 → 1 × late', '😀'.repeat(20), 'x😀'.repeat(17), `lone ${'\ud800'} high and ${'\udc00'} low surrogates, long enough`,
      `${'\ufffd'} a real replacement character in a long text`, '\u0000\u007f\u0080\u07ff\u0800\uffff'.repeat(6), 'é'.repeat(33),
    ];
    for (const s of cases) expect(pack(packViaUtf8, s), JSON.stringify(s)).toEqual(pack(packUtf16, s));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 0, maxLength: 200 }), (s) => {
        expect(pack(packViaUtf8, s)).toEqual(pack(packUtf16, s));
      }),
      { seed: FC_SEED, numRuns: 2000 },
    );
  });

  it('leaves hashes as they were: long texts (non-ASCII, astral, a lone surrogate) hash as with charCodeAt alone', () => {
    // Pinned from engine 2.0.0, which packed every string with charCodeAt.
    const value = {
      report: [
        { text: 'Packaging short: 13% of your order delayed — 7 of 8 arrived → 1 next quarter (×2).' },
        { text: 'Emoji 😀 in a long enough text, and a lone \ud800 surrogate too.' },
        { text: 'Plain ASCII text that is longer than thirty-two characters.' },
      ],
    };
    expect(hashState(value)).toBe('97f4bb6421e2dcbb1ac14a2a39837374');
  });
});
