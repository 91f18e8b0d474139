import { MemoryCookieJar, parseCookieHeader } from './cookies';

describe('cookie parsing', () => {
  it('reads pairs, keeps the first of duplicates and decodes', () => {
    expect(parseCookieHeader('a=1; comptoir_session=abc; a=2; pct=%C3%A9')).toEqual({ a: '1', comptoir_session: 'abc', pct: 'é' });
  });

  it('survives malformed headers: bad escapes kept as sent, empty names and bare words skipped', () => {
    expect(parseCookieHeader('bad=%ZZ; =x; lonely; ok=1')).toEqual({ bad: '%ZZ', ok: '1' });
    expect(parseCookieHeader(undefined)).toEqual({});
    expect(parseCookieHeader('')).toEqual({});
  });

  it('MemoryCookieJar records what would be sent', () => {
    const jar = new MemoryCookieJar({ a: '1' });
    jar.set('b', '2');
    jar.clear('a');
    expect([...jar.values]).toEqual([['b', '2']]);
    expect(jar.get('b')).toBe('2');
  });
});
