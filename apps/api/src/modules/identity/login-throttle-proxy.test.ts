import { Profile } from '@comptoir/schema';
import { createTestApp, type TestApp } from '../../../test/harness';
import { createDossier, FIXTURE_PASSWORD } from '../../../test/fixtures';
import { LoginThrottle } from './login-throttle.entity';
import { Session } from './session.entity';
import { THROTTLE, throttleRuntime } from './login-throttle';
import { LOGIN } from './identity.test-kit';

/** Through HTTP behind one trusted proxy hop (the test client plays the proxy on 127.0.0.1). */
describe('client address behind TRUST_PROXY=1', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: '1' } });
    base = await t.http();
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  const login = (email: string, password: string, forwardedFor: string) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ query: LOGIN, variables: { email, password } }),
    }).then(async (res) => ({ res, body: (await res.json()) as { errors?: { extensions?: { code?: string } }[] } }));

  it('takes the address the trusted proxy gives, not the left-most one the client wrote', async () => {
    const email = (await createDossier(t, { profiles: [Profile.OWNER], withPasswords: true })).as.OWNER!.user.email;
    const { body } = await login(email, FIXTURE_PASSWORD, '6.6.6.6, 203.0.113.5');
    expect(body.errors).toBeUndefined();
    const session = await t.app.dataSource.manager.findOneOrFail(Session, { where: {}, order: { createdAt: 'DESC' } });
    expect(session.ip).toBe('203.0.113.5');
  });

  it('still slows a client that rotates the left-most X-Forwarded-For', async () => {
    const sleeps: number[] = [];
    jest.spyOn(throttleRuntime, 'sleep').mockImplementation(async (ms) => void sleeps.push(ms));
    for (let i = 0; i < THROTTLE.ipDelayAfter + 2; i++) {
      const { body } = await login(`spray-${i}@example.test`, 'wrong-password', `198.18.0.${i + 1}, 203.0.113.9`);
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const row = await t.app.dataSource.manager.findOneByOrFail(LoginThrottle, { scope: 'ip', key: '203.0.113.9' });
    expect(row.failures).toBe(THROTTLE.ipDelayAfter + 2);
    expect(sleeps.length).toBe(2);
    expect(await t.app.dataSource.manager.countBy(LoginThrottle, { scope: 'ip', key: '198.18.0.1' })).toBe(0);
  });
});
