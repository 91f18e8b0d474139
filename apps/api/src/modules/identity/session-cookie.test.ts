import { Profile } from '@comptoir/schema';
import { createTestApp, type TestApp } from '../../../test/harness';
import { createDossier, FIXTURE_PASSWORD } from '../../../test/fixtures';

const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { profile } }';

async function post(base: string, query: string, variables: Record<string, unknown> = {}, cookie?: string) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { res, body: (await res.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] } };
}

describe.each([
  ['COOKIE_SECURE=true', 'true', true],
  ['COOKIE_SECURE=false', 'false', false],
])('session cookie over HTTP (%s)', (_label, secure, expectSecure) => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp({ env: { COOKIE_SECURE: secure } });
    base = await t.http();
  });
  afterAll(() => t.close());

  it('is set at login httpOnly, SameSite=Lax, path /, with the absolute lifetime; logout revokes and clears it', async () => {
    const d = await createDossier(t, { profiles: [Profile.OWNER], withPasswords: true });
    const login = await post(base, LOGIN, { email: d.as.OWNER!.user.email, password: FIXTURE_PASSWORD });
    expect(login.body.data).toEqual({ login: { profile: 'OWNER' } });
    const setCookie = login.res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^comptoir_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).toContain(`Max-Age=${t.config.sessionAbsoluteHours * 3600}`);
    if (expectSecure) expect(setCookie).toMatch(/;\s*Secure/);
    else expect(setCookie).not.toMatch(/Secure/);

    const cookie = setCookie.split(';')[0];
    expect((await post(base, '{ me { user { email } } }', {}, cookie)).body.data).toEqual({ me: { user: { email: d.as.OWNER!.user.email } } });

    const logout = await post(base, 'mutation { logout }', {}, cookie);
    expect(logout.body.data).toEqual({ logout: true });
    const cleared = logout.res.headers.get('set-cookie')!;
    expect(cleared).toMatch(/^comptoir_session=;/);
    expect(cleared).toContain('Expires=Thu, 01 Jan 1970');
    expect(cleared).toContain('HttpOnly');
    expect((await post(base, '{ me { user { email } } }', {}, cookie)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps Apollo’s CSRF prevention on: a simple form POST is refused', async () => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=mutation%20%7B%20logout%20%7D',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});
