import { ConfigError, loadConfig, parseDatabaseUrl } from './config';

describe('configuration', () => {
  it('defaults to the embedded SQLite file and port 4000', () => {
    const config = loadConfig({});
    expect(config.database).toMatchObject({ kind: 'sqlite', path: './data/comptoir.sqlite' });
    expect(config.port).toBe(4000);
  });

  it('reads MySQL and MariaDB URLs', () => {
    expect(parseDatabaseUrl('mysql://app:s%40cret@db.example:3307/comptoir')).toMatchObject({
      kind: 'mysql',
      host: 'db.example',
      port: 3307,
      username: 'app',
      password: 's@cret',
      database: 'comptoir',
    });
    expect(parseDatabaseUrl('mariadb://root@127.0.0.1/test')).toMatchObject({ kind: 'mariadb', port: 3306, password: '' });
  });

  it.each([
    ['nonsense', /DATABASE_URL is not a URL/],
    ['postgres://x@y/z', /DATABASE_URL has unsupported scheme "postgres"/],
    ['mysql://root@localhost', /DATABASE_URL names no database/],
    ['sqlite:', /DATABASE_URL has an empty SQLite path/],
  ])('refuses DATABASE_URL=%s with one line naming the variable', (url, message) => {
    expect(() => loadConfig({ DATABASE_URL: url })).toThrow(message);
    try {
      loadConfig({ DATABASE_URL: url });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message.split('\n')).toHaveLength(1);
    }
  });

  it('never shows the database password in its messages', () => {
    expect(() => loadConfig({ DATABASE_URL: 'oracle://u:topsecret@h/db' })).toThrow(ConfigError);
    try {
      parseDatabaseUrl('pg://u:topsecret@h/db');
    } catch (error) {
      expect((error as Error).message).not.toContain('topsecret');
    }
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be an integer/],
    [{ PORT: '70000' }, /PORT must be an integer between 0 and 65535/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV must be development, production or test/],
    [{ SMTP_URL: 'http://mail' }, /SMTP_URL must start with smtp/],
    [{ COOKIE_SECURE: 'maybe' }, /COOKIE_SECURE must be true or false/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('sends the session cookie with Secure outside development', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).cookieSecure).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).cookieSecure).toBe(false);
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['false', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['10.0.0.1, 172.16.0.0/12,loopback', ['10.0.0.1', '172.16.0.0/12', 'loopback']],
    ['::1,fd00::/8', ['::1', 'fd00::/8']],
  ])('reads %s as %p', (raw, expected) => {
    expect(loadConfig(raw === undefined ? {} : { TRUST_PROXY: raw }).trustProxy).toEqual(expected);
  });

  it.each([
    ['true', /TRUST_PROXY must name the proxies to trust, not "true"/],
    ['yes', /TRUST_PROXY must name the proxies to trust/],
    ['11', /TRUST_PROXY must be a hop count between 0 and 10/],
    ['10.0.0.1,proxy.local', /TRUST_PROXY .*"proxy.local" is not one/],
    ['10.0.0.0/33', /TRUST_PROXY .*"10.0.0.0\/33" is not one/],
  ])('refuses TRUST_PROXY=%s with a clear message', (raw, message) => {
    expect(() => loadConfig({ TRUST_PROXY: raw })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: raw })).toThrow(message);
  });
});
