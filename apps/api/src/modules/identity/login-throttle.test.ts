import { Profile } from '@comptoir/schema';
import type { DataSource } from 'typeorm';
import type { ApolloServer } from '@apollo/server';
import { createAppServices } from '../../app/app';
import type { RequestContext } from '../../core/context';
import { openDataSource } from '../../app/database';
import { buildAppSchema } from '../../app/schema';
import { createApolloServer } from '../../app/server';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness';
import { createDossier, createUser, FIXTURE_PASSWORD } from '../../../test/fixtures';
import { LoginThrottle } from './login-throttle.entity';
import { ipDelayMs, THROTTLE, throttleRuntime } from './login-throttle';
import { passwordVerifier } from './password';
import { freshClient, LOGIN, SIGN_UP, signUpInput } from './identity.test-kit';

describe('login throttling (database counters)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  // The clock and the wait are injected: decisions are asserted, never elapsed time.
  let clock: number;
  let sleeps: number[];
  beforeEach(() => {
    clock = Date.now();
    sleeps = [];
    jest.spyOn(throttleRuntime, 'now').mockImplementation(() => clock);
    jest.spyOn(throttleRuntime, 'sleep').mockImplementation(async (ms: number) => {
      sleeps.push(ms);
    });
  });
  afterEach(() => jest.restoreAllMocks());

  const login = (c: TestClient, email: string, password: string) => c.exec(LOGIN, { email, password });
  const ownerEmail = async () => (await createDossier(t, { profiles: [Profile.OWNER], withPasswords: true })).as.OWNER!.user.email;

  it(`locks an e-mail after ${THROTTLE.maxPerEmail} failures from any IPs, even for the right password, with the retry delay`, async () => {
    const email = await ownerEmail();
    for (let i = 0; i < THROTTLE.maxPerEmail; i++) {
      const r = await login(freshClient(t), email, `wrong-password-${i}`);
      expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const locked = await login(freshClient(t), email, FIXTURE_PASSWORD);
    const error = locked.errors?.[0];
    expect(error?.extensions?.code).toBe('TOO_MANY_ATTEMPTS');
    const retry = error?.extensions?.retryAfterSeconds as number;
    expect(retry).toBeGreaterThan(THROTTLE.windowMs / 1000 - 60);
    expect(retry).toBeLessThanOrEqual(THROTTLE.windowMs / 1000);
    expect(error?.message).toContain(`${retry} s`);
    // Another account from the same IPs is unaffected.
    const other = await ownerEmail();
    expect(await freshClient(t).errorCode(LOGIN, { email: other, password: FIXTURE_PASSWORD })).toBeUndefined();
  });

  it('counts the e-mail case-insensitively and trimmed', async () => {
    const email = await ownerEmail();
    for (let i = 0; i < THROTTLE.maxPerEmail; i++) await login(freshClient(t), i % 2 ? ` ${email.toUpperCase()} ` : email, 'wrong-password');
    expect(await freshClient(t).errorCode(LOGIN, { email, password: FIXTURE_PASSWORD })).toBe('TOO_MANY_ATTEMPTS');
  });

  it(`never refuses a correct password because of the IP: after ${THROTTLE.ipDelayAfter} failures it slows every check, progressively`, async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < THROTTLE.ipDelayAfter; i++) {
      expect(await login(freshClient(t, ip), `spray-${i}@example.test`, 'wrong-password').then((r) => r.errors?.[0]?.extensions?.code)).toBe('UNAUTHENTICATED');
    }
    expect(sleeps).toEqual([]);
    // A colleague behind the same office address logs in (slowed, not refused).
    const email = await ownerEmail();
    expect(await freshClient(t, ip).errorCode(LOGIN, { email, password: FIXTURE_PASSWORD })).toBeUndefined();
    expect(sleeps).toEqual([ipDelayMs(THROTTLE.ipDelayAfter)]);
    // Guessing on goes slower and slower, up to the cap; other IPs are not slowed.
    for (let i = 0; i < 60; i++) await login(freshClient(t, ip), `spray-more-${i}@example.test`, 'wrong-password');
    expect(sleeps.slice(1, 4)).toEqual([0, 1, 2].map((n) => ipDelayMs(THROTTLE.ipDelayAfter + n)));
    expect(sleeps[2]).toBeGreaterThan(sleeps[1]);
    expect(sleeps.at(-1)).toBe(THROTTLE.ipMaxDelayMs);
    const before = sleeps.length;
    expect(await freshClient(t, ip).errorCode(LOGIN, { email, password: FIXTURE_PASSWORD })).toBeUndefined();
    expect(sleeps.length).toBe(before + 1);
    expect(await freshClient(t).errorCode(LOGIN, { email, password: FIXTURE_PASSWORD })).toBeUndefined();
    expect(sleeps.length).toBe(before + 1);
    // The IP's slowdown ends once it has been quiet for a window.
    clock += THROTTLE.windowMs + 1000;
    expect(await freshClient(t, ip).errorCode(LOGIN, { email, password: FIXTURE_PASSWORD })).toBeUndefined();
    expect(sleeps.length).toBe(before + 1);
  });

  it.each([40, 200])('checks at most %i → 5 passwords when that many wrong guesses for one account arrive at once', async (n) => {
    const email = await ownerEmail();
    const verify = jest.spyOn(passwordVerifier, 'verify');
    const codes = await Promise.all(
      Array.from({ length: n }, (_, i) => login(freshClient(t), email, `wrong-password-${i}`).then((r) => r.errors?.[0]?.extensions?.code)),
    );
    expect(verify.mock.calls.length).toBeLessThanOrEqual(THROTTLE.maxPerEmail);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBe(verify.mock.calls.length);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS').length).toBe(n - verify.mock.calls.length);
    expect(await freshClient(t).errorCode(LOGIN, { email, password: FIXTURE_PASSWORD })).toBe('TOO_MANY_ATTEMPTS');
    expect(verify.mock.calls.length).toBeLessThanOrEqual(THROTTLE.maxPerEmail);
  });

  it('clears the e-mail’s counter on a successful login', async () => {
    const email = await ownerEmail();
    for (let i = 0; i < THROTTLE.maxPerEmail - 1; i++) await login(freshClient(t), email, 'wrong-password');
    expect(await freshClient(t).errorCode(LOGIN, { email, password: FIXTURE_PASSWORD })).toBeUndefined();
    expect(await t.app.dataSource.manager.countBy(LoginThrottle, { scope: 'email', key: email })).toBe(0);
    for (let i = 0; i < THROTTLE.maxPerEmail - 1; i++) await login(freshClient(t), email, 'wrong-password');
    expect(await freshClient(t).errorCode(LOGIN, { email, password: FIXTURE_PASSWORD })).toBeUndefined();
  });

  it('unlocks once the failures leave the 15-minute window', async () => {
    const email = await ownerEmail();
    for (let i = 0; i < THROTTLE.maxPerEmail; i++) await login(freshClient(t), email, 'wrong-password');
    expect(await freshClient(t).errorCode(LOGIN, { email, password: FIXTURE_PASSWORD })).toBe('TOO_MANY_ATTEMPTS');
    clock += THROTTLE.windowMs + 1000;
    expect(await freshClient(t).errorCode(LOGIN, { email, password: FIXTURE_PASSWORD })).toBeUndefined();
  });

  it('throttles password guessing through signUp with an existing e-mail too', async () => {
    const email = await ownerEmail();
    for (let i = 0; i < THROTTLE.maxPerEmail; i++) {
      expect(await freshClient(t).errorCode(SIGN_UP, { input: signUpInput({ email, password: 'wrong-password-x' }) })).toBe('UNAUTHENTICATED');
    }
    expect(await freshClient(t).errorCode(SIGN_UP, { input: signUpInput({ email, password: FIXTURE_PASSWORD }) })).toBe('TOO_MANY_ATTEMPTS');
    expect(await freshClient(t).errorCode(LOGIN, { email, password: FIXTURE_PASSWORD })).toBe('TOO_MANY_ATTEMPTS');
  });

  describe('with two API processes sharing the database', () => {
    let secondDataSource: DataSource;
    let second: { app: ReturnType<typeof createAppServices>; apollo: ApolloServer<RequestContext> };
    beforeAll(async () => {
      secondDataSource = await openDataSource(t.config.database, { synchronize: false });
      const app = createAppServices(t.config, secondDataSource);
      const apollo = createApolloServer(app, await buildAppSchema());
      await apollo.start();
      second = { app, apollo };
    });
    afterAll(async () => {
      await second.apollo.stop();
      await secondDataSource.destroy();
    });

    it('enforces one limit for the e-mail across both', async () => {
      const email = await ownerEmail();
      for (let i = 0; i < THROTTLE.maxPerEmail; i++) {
        const instance = i % 2 === 0 ? t : second;
        await login(freshClient(instance), email, 'wrong-password');
      }
      expect(await freshClient(second).errorCode(LOGIN, { email, password: FIXTURE_PASSWORD })).toBe('TOO_MANY_ATTEMPTS');
      expect(await freshClient(t).errorCode(LOGIN, { email, password: FIXTURE_PASSWORD })).toBe('TOO_MANY_ATTEMPTS');
    });

    it('slows one IP across both', async () => {
      const ip = '198.51.100.9';
      for (let i = 0; i < THROTTLE.ipDelayAfter; i++) {
        await login(freshClient(i % 2 === 0 ? t : second, ip), `spray2-${i}@example.test`, 'wrong-password');
      }
      const user = await createUser(t, { password: FIXTURE_PASSWORD });
      expect(await freshClient(second, ip).errorCode(LOGIN, { email: user.email, password: FIXTURE_PASSWORD })).toBeUndefined();
      expect(sleeps).toEqual([ipDelayMs(THROTTLE.ipDelayAfter)]);
    });
  });
});
