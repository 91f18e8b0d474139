import { Dossier } from './dossier.entity';
import { Membership } from './membership.entity';
import { Session } from './session.entity';
import { User } from './user.entity';
import { TestClient, type TestApp } from '../../../test/harness';

/** What `me`, login, signUp, selectDossier and acceptInvitation return. */
export const ME_FIELDS = `user { id email name phone platformRole } dossier { id name plan } profile isPrincipal needsDossierSelection dossiers { id name plan profile isPrincipal }`;

export interface MeData {
  user: { id: string; email: string; name: string; phone: string | null; platformRole: string | null };
  dossier: { id: string; name: string; plan: string } | null;
  profile: string | null;
  isPrincipal: boolean;
  needsDossierSelection: boolean;
  dossiers: { id: string; name: string; plan: string; profile: string; isPrincipal: boolean }[];
}

export const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { ${ME_FIELDS} } }`;
export const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { ${ME_FIELDS} } }`;
export const SELECT = `mutation($id: ID!) { selectDossier(dossierId: $id) { ${ME_FIELDS} } }`;
export const ME = `{ me { ${ME_FIELDS} } }`;
export const LOGOUT = `mutation { logout }`;

let ipCounter = 0;
/** A client from its own IP, so per-IP throttling of one test does not leak into another. */
export function freshClient(t: Pick<TestApp, 'app' | 'apollo'>, ip?: string): TestClient {
  ipCounter++;
  return new TestClient(t as TestApp, undefined, ip ?? `10.${(ipCounter >> 8) & 255}.${ipCounter & 255}.${Math.floor(Math.random() * 250) + 1}`);
}

export async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const em = t.app.dataSource.manager;
  return {
    users: await em.count(User),
    dossiers: await em.count(Dossier),
    memberships: await em.count(Membership),
    sessions: await em.count(Session),
  };
}

export function signUpInput(overrides: Record<string, unknown> = {}) {
  const n = Math.random().toString(36).slice(2, 8);
  return { email: `new-${n}@example.test`, password: 'Un-mot-de-passe-42', name: 'Léa Fournier', dossierName: `Fournier ${n} SAS`, plan: 'TPE', ...overrides };
}
