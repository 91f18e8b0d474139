import { canonicalJson } from './canonical-json';

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys at every level, drops undefined members and writes dates as ISO strings', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'é' }, null], t: new Date('2026-01-02T03:04:05.678Z') })).toBe('{"a":[{"c":"é"},null],"b":1,"t":"2026-01-02T03:04:05.678Z"}');
  });

  it('serializes numbers as ECMAScript does (RFC 8785 §3.2.2.3), unlike a naive canonicalizer', () => {
    expect(canonicalJson({ big: 1e21, small: 1e-7, neg: -0, frac: 0.1 + 0.2 })).toBe('{"big":1e+21,"frac":0.30000000000000004,"neg":0,"small":1e-7}');
    // Keys sorted by UTF-16 code units.
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, ö: 4 })).toBe('{"\\r":2,"ö":4,"€":1,"😀":3}');
  });

  it('refuses what has no canonical form (lone surrogates)', () => {
    expect(() => canonicalJson({ x: '\ud800' })).toThrow(/surrogate/i);
  });
});
