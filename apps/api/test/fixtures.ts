import { randomBytes } from 'node:crypto';
import { Plan, PlatformRole, Profile } from '@comptoir/schema';
import { DEFAULT_DOSSIER_SETTINGS, Dossier } from '../src/modules/identity/dossier.entity';
import { Membership } from '../src/modules/identity/membership.entity';
import { hashPassword } from '../src/modules/identity/password';
import { Session } from '../src/modules/identity/session.entity';
import { hashToken, newToken } from '../src/modules/identity/session.service';
import { User } from '../src/modules/identity/user.entity';
import type { TestApp, TestClient } from './harness';

export const FIXTURE_PASSWORD = 'Correct-horse-42';

export interface FixtureUser {
  user: User;
  membership: Membership;
  client: TestClient;
}

export interface FixtureDossier {
  dossier: Dossier;
  /** One user per profile asked for, each with a session already bound to the dossier. */
  as: Partial<Record<Profile, FixtureUser>>;
  /** The client of a profile; throws when the fixture has no such user. */
  client(profile: Profile): TestClient;
}

const unique = () => randomBytes(4).toString('hex');

export async function createUser(t: TestApp, data: Partial<User> & { password?: string } = {}): Promise<User> {
  const { password, ...rest } = data;
  const em = t.app.dataSource.manager;
  return em.save(
    em.create(User, {
      email: `user-${unique()}@example.test`,
      name: 'Test User',
      phone: null,
      platformRole: null,
      passwordHash: password ? await hashPassword(password) : null,
      ...rest,
    }),
  );
}

/** A session row for the user, bound to `dossierId` (or not), and a client carrying its cookie. */
export async function sessionFor(t: TestApp, userId: string, dossierId: string | null): Promise<TestClient> {
  const token = newToken();
  const now = new Date();
  const em = t.app.dataSource.manager;
  await em.save(
    em.create(Session, {
      tokenHash: hashToken(token),
      userId,
      dossierId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 3_600_000),
      revokedAt: null,
      ip: '127.0.0.1',
      userAgent: 'jest',
    }),
  );
  return t.client(token);
}

/**
 * A dossier with one user per listed profile (OWNER is the principal user), each
 * logged in and bound to the dossier.
 */
export async function createDossier(
  t: TestApp,
  options: { name?: string; plan?: Plan; profiles?: Profile[]; extraSeats?: number; withPasswords?: boolean } = {},
): Promise<FixtureDossier> {
  const profiles = options.profiles ?? [Profile.OWNER];
  const em = t.app.dataSource.manager;
  const dossier = await em.save(
    em.create(Dossier, {
      name: options.name ?? `Dossier ${unique()}`,
      siret: null,
      vatNumber: null,
      addressLine: null,
      postalCode: null,
      city: null,
      country: 'FR',
      settings: DEFAULT_DOSSIER_SETTINGS,
      plan: options.plan ?? Plan.TPE_PLUS,
      extraSeats: options.extraSeats ?? 5,
    }),
  );
  const as: Partial<Record<Profile, FixtureUser>> = {};
  for (const profile of profiles) {
    const user = await createUser(t, {
      name: `${profile} ${dossier.name}`,
      email: `${profile.toLowerCase()}-${unique()}@example.test`,
      ...(options.withPasswords ? { password: FIXTURE_PASSWORD } : {}),
    });
    const membership = await em.save(
      em.create(Membership, { userId: user.id, dossierId: dossier.id, profile, isPrincipal: profile === Profile.OWNER }),
    );
    as[profile] = { user, membership, client: await sessionFor(t, user.id, dossier.id) };
  }
  return {
    dossier,
    as,
    client(profile: Profile) {
      const found = as[profile];
      if (!found) throw new Error(`fixture dossier has no ${profile}`);
      return found.client;
    },
  };
}

/** A support-team account with an open session. */
export async function createSupportClient(t: TestApp): Promise<{ user: User; client: TestClient }> {
  const user = await createUser(t, { name: 'Support', platformRole: PlatformRole.SUPPORT });
  return { user, client: await sessionFor(t, user.id, null) };
}
