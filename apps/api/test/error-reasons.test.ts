// Every refusal carries a machine-readable `extensions.reason` from the one registry
// in @comptoir/schema (the SPA maps code + reason to its own sentence). This file
// walks the registry against the API's sources, then provokes a refusal of each code
// through the API and checks the reason it carries belongs to that code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_ERROR_REASONS, ERROR_REASONS, ErrorCode, Profile } from '@comptoir/schema';
import { LOGIN } from '../src/modules/identity/identity.test-kit';
import { createDossier, createSupportClient, type FixtureDossier } from './fixtures';
import { createTestApp, type GraphQLResult, type TestApp } from './harness';
import { newCustomer, newDocument } from './matrix-kit';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.includes('test-kit') ? [path] : [];
  });
}

describe('error reasons registry', () => {
  const code = sources(join(__dirname, '..', 'src'))
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');

  it.each(ALL_ERROR_REASONS.map((r) => [r]))('%s is thrown somewhere in the API', (reason) => {
    expect(code).toContain(`'${reason}'`);
  });

  it('passes a registered reason to every refusal helper of the API', () => {
    const used = [...code.matchAll(/\b(?:badInput|conflict|planLimit)\('([A-Z_]+)'/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(40);
    expect(used.filter((r) => !(ALL_ERROR_REASONS as readonly string[]).includes(r))).toEqual([]);
  });

  it('lists each reason under one code only', () => {
    const seen = Object.values(ERROR_REASONS).flat();
    expect(seen.length).toBe(new Set(seen).size);
  });
});

describe('error reasons through the API', () => {
  let t: TestApp;
  let d: FixtureDossier;
  beforeAll(async () => {
    t = await createTestApp();
    d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ACHAT], withPasswords: true });
  });
  afterAll(() => t.close());

  /** The code and reason of the single error of `result`, checked against the registry. */
  function refusal(result: GraphQLResult): { code: string; reason: string } {
    expect(result.errors).toHaveLength(1);
    const { code, reason } = result.errors![0].extensions as { code: ErrorCode; reason: string };
    expect((ERROR_REASONS[code] as readonly string[]).includes(reason)).toBe(true);
    return { code, reason };
  }

  const owner = () => d.client(Profile.OWNER);

  it('UNAUTHENTICATED: LOGIN_REQUIRED without a session, INVALID_CREDENTIALS on a wrong password', async () => {
    expect(refusal(await t.client().exec('{ quotes(first: 1) { totalCount } }'))).toEqual({ code: 'UNAUTHENTICATED', reason: 'LOGIN_REQUIRED' });
    const login = await t.client().exec(LOGIN, { email: d.as.OWNER!.user.email, password: 'Wrong-password-1' });
    expect(refusal(login)).toEqual({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
  });

  it('FORBIDDEN: PROFILE_NOT_ALLOWED for a profile, SUPPORT_ONLY for the admin API', async () => {
    expect(refusal(await d.client(Profile.ACHAT).exec('{ quotes(first: 1) { totalCount } }'))).toEqual({ code: 'FORBIDDEN', reason: 'PROFILE_NOT_ALLOWED' });
    expect(refusal(await owner().exec('{ adminOutbox(first: 1) { totalCount } }')).reason).toBe('SUPPORT_ONLY');
  });

  it('NOT_FOUND: RECORD_NOT_FOUND', async () => {
    const result = await owner().exec('query($id: ID!) { customer(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' });
    expect(refusal(result)).toEqual({ code: 'NOT_FOUND', reason: 'RECORD_NOT_FOUND' });
  });

  it('BAD_USER_INPUT: the reason and the field path of the offending input', async () => {
    const result = await owner().exec('mutation { createCustomer(input: { legalName: "X", siren: "123456789", siret: "98765432100012" }) { id } }');
    expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', reason: 'SIRET_SIREN_MISMATCH' });
    expect(result.errors![0].extensions!.field).toBe('input.siret');
  });

  it('CONFLICT: STALE_VERSION, ALREADY_CONVERTED and NO_PARTY each say what happened', async () => {
    const customer = await newCustomer(owner());
    const stale = await owner().exec('mutation($id: ID!) { updateCustomer(id: $id, version: 99, input: { legalName: "Autre" }) { id } }', { id: customer.id });
    expect(refusal(stale)).toEqual({ code: 'CONFLICT', reason: 'STALE_VERSION' });

    const quote = await newDocument(owner(), 'createQuote', customer.id);
    const convert = 'mutation($id: ID!, $v: Int!) { convertQuoteToInvoice(id: $id, version: $v) { id } }';
    await owner().data(convert, { id: quote.id, v: quote.version });
    const again = (await owner().data<{ document: { version: number } }>('query($id: ID!) { document(id: $id) { version } }', { id: quote.id })).document;
    expect(refusal(await owner().exec(convert, { id: quote.id, v: again.version }))).toEqual({ code: 'CONFLICT', reason: 'ALREADY_CONVERTED' });

    const orphan = await newDocument(owner(), 'createInvoice');
    const issue = await owner().exec('mutation($id: ID!, $v: Int!) { issueDocument(id: $id, version: $v) { id } }', { id: orphan.id, v: orphan.version });
    expect(refusal(issue)).toEqual({ code: 'CONFLICT', reason: 'NO_PARTY' });
  });

  it('CONFLICT: ALREADY_MEMBER when the support team adds a member twice', async () => {
    const support = await createSupportClient(t);
    const add = 'mutation($d: ID!, $input: AdminAddUserInput!) { adminAddUser(dossierId: $d, input: $input) { userId } }';
    const input = { email: d.as.ACHAT!.user.email, name: 'Déjà là', profile: 'ADV' };
    expect(refusal(await support.client.exec(add, { d: d.dossier.id, input }))).toEqual({ code: 'CONFLICT', reason: 'ALREADY_MEMBER' });
  });

  it('DOSSIER_ALREADY_SELECTED carries its reason', async () => {
    const result = await owner().exec('mutation($id: ID!) { selectDossier(dossierId: $id) { profile } }', { id: d.dossier.id });
    expect(refusal(result)).toEqual({ code: 'DOSSIER_ALREADY_SELECTED', reason: 'DOSSIER_ALREADY_SELECTED' });
  });
});
