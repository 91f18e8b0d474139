import { Profile } from '@comptoir/schema';
import { createDossier, type FixtureDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { firstError } from '../documents/document.test-kit';
import { Customer } from './party.entity';
import { sqlAudit } from '../../../test/sql-audit';

const CREATE_C = 'mutation($input: CustomerInput!) { createCustomer(input: $input) { id version legalName siren siret vatNumber paymentTermsDays createdBy { name } } }';
const UPDATE_C = 'mutation($id: ID!, $version: Int!, $input: CustomerInput!) { updateCustomer(id: $id, version: $version, input: $input) { id version city updatedBy { name } } }';
const CREATE_S = 'mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }';
const ALL = [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL, Profile.ACHAT, Profile.ACCOUNTANT];

describe('customers and suppliers', () => {
  let t: TestApp;
  let d: FixtureDossier;
  let other: FixtureDossier;
  beforeAll(async () => {
    t = await createTestApp();
    d = await createDossier(t, { profiles: ALL });
    other = await createDossier(t, { profiles: [Profile.OWNER] });
  });
  afterAll(() => t.close());

  it('creates a customer with SIREN derived from the SIRET and default payment terms', async () => {
    const { createCustomer } = await d.client(Profile.COMMERCIAL).data<{ createCustomer: Record<string, unknown> }>(CREATE_C, {
      input: { legalName: '  Garage Lefèvre  ', siret: '732 829 320 00074', vatNumber: 'fr 44 732829320' },
    });
    expect(createCustomer).toMatchObject({ legalName: 'Garage Lefèvre', siren: '732829320', siret: '73282932000074', vatNumber: 'FR44732829320', paymentTermsDays: 30, version: 1, createdBy: { name: d.as.COMMERCIAL!.user.name } });
  });

  it('follows the matrix: customers OWNER/ADV/COMMERCIAL edit, ACCOUNTANT reads; suppliers OWNER/ADV/ACHAT', async () => {
    const expectations: Record<Profile, [string | undefined, string | undefined, string | undefined, string | undefined]> = {
      OWNER: [undefined, undefined, undefined, undefined],
      ADV: [undefined, undefined, undefined, undefined],
      COMMERCIAL: [undefined, undefined, 'FORBIDDEN', 'FORBIDDEN'],
      ACHAT: ['FORBIDDEN', 'FORBIDDEN', undefined, undefined],
      ACCOUNTANT: ['FORBIDDEN', undefined, 'FORBIDDEN', 'FORBIDDEN'],
    };
    for (const profile of ALL) {
      const client = d.client(profile);
      const got = [
        await client.errorCode(CREATE_C, { input: { legalName: `C ${profile}` } }),
        await client.errorCode('{ customers { totalCount } }'),
        await client.errorCode(CREATE_S, { input: { legalName: `S ${profile}` } }),
        await client.errorCode('{ suppliers { totalCount } }'),
      ];
      expect([profile, ...got]).toEqual([profile, ...expectations[profile]]);
    }
  });

  it('refuses bad SIREN, SIRET, VAT number, e-mail, terms and over-long names with the field path', async () => {
    const adv = d.client(Profile.ADV);
    const cases: [Record<string, unknown>, string][] = [
      [{ legalName: 'X', siren: '12345678' }, 'input.siren'],
      [{ legalName: 'X', siret: '1234567890123A' }, 'input.siret'],
      [{ legalName: 'X', siren: '123456789', siret: '98765432100012' }, 'input.siret'],
      [{ legalName: 'X', vatNumber: '12' }, 'input.vatNumber'],
      [{ legalName: 'X', contactEmail: 'pas-un-email' }, 'input.contactEmail'],
      [{ legalName: 'X', paymentTermsDays: 400 }, 'input.paymentTermsDays'],
      [{ legalName: 'x'.repeat(161) }, 'input.legalName'],
      [{ legalName: '   ' }, 'input.legalName'],
    ];
    const before = await sqlAudit.exempt('counts every dossier: proves nothing was written anywhere', () => t.app.dataSource.getRepository(Customer).count());
    for (const [input, field] of cases) expect(firstError(await adv.exec(CREATE_C, { input }))).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await sqlAudit.exempt('counts every dossier: proves nothing was written anywhere', () => t.app.dataSource.getRepository(Customer).count())).toBe(before);
  });

  it('updates with the expected version and answers CONFLICT (with who and when) on a stale one', async () => {
    const adv = d.client(Profile.ADV);
    const c = (await adv.data<{ createCustomer: { id: string } }>(CREATE_C, { input: { legalName: 'Pharmacie Roux' } })).createCustomer;
    const updated = (await d.client(Profile.COMMERCIAL).data<{ updateCustomer: { version: number; updatedBy: { name: string } } }>(UPDATE_C, { id: c.id, version: 1, input: { legalName: 'Pharmacie Roux', city: 'Lyon' } })).updateCustomer;
    expect(updated).toMatchObject({ version: 2, updatedBy: { name: d.as.COMMERCIAL!.user.name } });
    const stale = await adv.exec(UPDATE_C, { id: c.id, version: 1, input: { legalName: 'Pharmacie Roux', city: 'Paris' } });
    expect(firstError(stale)).toMatchObject({ code: 'CONFLICT', currentVersion: 2, updatedBy: d.as.COMMERCIAL!.user.name });
    const stored = await t.app.dataSource.getRepository(Customer).findOneByOrFail({ id: c.id, dossierId: d.dossier.id });
    expect(stored.city).toBe('Lyon');
  });

  it('answers NOT_FOUND for a customer of another dossier, for reads and writes', async () => {
    const c = (await d.client(Profile.ADV).data<{ createCustomer: { id: string } }>(CREATE_C, { input: { legalName: 'Secret SARL' } })).createCustomer;
    const stranger = other.client(Profile.OWNER);
    expect(await stranger.errorCode('query($id: ID!) { customer(id: $id) { id } }', { id: c.id })).toBe('NOT_FOUND');
    expect(await stranger.errorCode(UPDATE_C, { id: c.id, version: 1, input: { legalName: 'Pris' } })).toBe('NOT_FOUND');
    expect((await t.app.dataSource.getRepository(Customer).findOneByOrFail({ id: c.id, dossierId: d.dossier.id })).legalName).toBe('Secret SARL');
  });

  it('searches customers by name, city or SIREN', async () => {
    const adv = d.client(Profile.ADV);
    await adv.data(CREATE_C, { input: { legalName: 'Opticien 100% Vue', city: 'Annecy' } });
    const found = await adv.data<{ customers: { nodes: { legalName: string }[] } }>('{ customers(search: "100%") { nodes { legalName } } }');
    expect(found.customers.nodes.map((n) => n.legalName)).toEqual(['Opticien 100% Vue']);
    const byCity = await adv.data<{ customers: { totalCount: number } }>('{ customers(search: "annecy") { totalCount } }');
    expect(byCity.customers.totalCount).toBe(1);
  });
});
