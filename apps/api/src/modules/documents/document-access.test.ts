import { DocumentType, Profile } from '@comptoir/schema';
import { isObjectType } from 'graphql';
import { effectivePolicy } from '../../core/auth/auth.directive';
import { createDossier, type FixtureDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { Document } from './document.entity';
import { CONVERSIONS, DOCUMENT_ACCESS } from './document-access';
import { CREATE_MUTATION, createCustomer, createDoc, createSupplier, DELETE, DUPLICATE, ISSUE, line, UPDATE } from './document.test-kit';
import { sqlAudit } from '../../../test/sql-audit';

const ALL = [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL, Profile.ACHAT, Profile.ACCOUNTANT];
const LIST_QUERY: Record<DocumentType, string> = {
  QUOTE: 'quotes',
  INVOICE: 'invoices',
  CREDIT_NOTE: 'creditNotes',
  PRICE_REQUEST: 'priceRequests',
  SUPPLIER_ORDER: 'supplierOrders',
};

describe('document permissions', () => {
  let t: TestApp;
  let d: FixtureDossier;
  let other: FixtureDossier;
  const docs = {} as Record<DocumentType, { id: string; version: number }>;
  beforeAll(async () => {
    t = await createTestApp();
    d = await createDossier(t, { profiles: ALL });
    other = await createDossier(t, { profiles: ALL });
    const owner = d.client(Profile.OWNER);
    const c = await createCustomer(owner);
    const s = await createSupplier(owner);
    for (const type of Object.values(DocumentType)) {
      const partyId = ['QUOTE', 'INVOICE', 'CREDIT_NOTE'].includes(type) ? c.id : s.id;
      docs[type] = await createDoc(owner, type, { partyId, lines: [line()] });
    }
  });
  afterAll(() => t.close());

  it('declares on each type-specific operation the profiles of the permission table', () => {
    const query = t.schema.getQueryType()!;
    const mutation = t.schema.getMutationType()!;
    for (const type of Object.values(DocumentType)) {
      const list = effectivePolicy(t.schema, query, LIST_QUERY[type]);
      const create = effectivePolicy(t.schema, mutation, CREATE_MUTATION[type]);
      expect(list?.kind === 'profiles' && [...list.profiles].sort()).toEqual([...DOCUMENT_ACCESS[type].read].sort());
      expect(create?.kind === 'profiles' && [...create.profiles].sort()).toEqual([...DOCUMENT_ACCESS[type].write].sort());
    }
    const convert = effectivePolicy(t.schema, mutation, 'convertQuoteToInvoice');
    expect(convert?.kind === 'profiles' && [...convert.profiles].sort()).toEqual([...CONVERSIONS.QUOTE!.profiles].sort());
    const convertPr = effectivePolicy(t.schema, mutation, 'convertPriceRequestToSupplierOrder');
    expect(convertPr?.kind === 'profiles' && [...convertPr.profiles].sort()).toEqual([...CONVERSIONS.PRICE_REQUEST!.profiles].sort());
    const credit = effectivePolicy(t.schema, mutation, 'createCreditNoteFromInvoice');
    expect(credit?.kind === 'profiles' && [...credit.profiles].sort()).toEqual([...CONVERSIONS.INVOICE!.profiles].sort());
    expect(isObjectType(t.schema.getType('Document'))).toBe(true);
  });

  // SPEC.md's matrix, row by row
  const readers: Record<DocumentType, Profile[]> = {
    QUOTE: [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL],
    INVOICE: [Profile.OWNER, Profile.ADV, Profile.ACCOUNTANT],
    CREDIT_NOTE: [Profile.OWNER, Profile.ADV, Profile.ACCOUNTANT],
    PRICE_REQUEST: [Profile.OWNER, Profile.ADV, Profile.ACHAT],
    SUPPLIER_ORDER: [Profile.OWNER, Profile.ADV, Profile.ACHAT],
  };
  const writers: Record<DocumentType, Profile[]> = {
    QUOTE: [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL],
    INVOICE: [Profile.OWNER, Profile.ADV],
    CREDIT_NOTE: [Profile.OWNER, Profile.ADV],
    PRICE_REQUEST: [Profile.OWNER, Profile.ADV, Profile.ACHAT],
    SUPPLIER_ORDER: [Profile.OWNER, Profile.ADV, Profile.ACHAT],
  };

  const cases = Object.values(DocumentType).flatMap((type) => ALL.map((profile) => [type, profile] as const));
  it.each(cases)('%s as %s: read, list, create, edit, duplicate as the matrix says', async (type, profile) => {
    const client = d.client(profile);
    const doc = docs[type];
    const canRead = readers[type].includes(profile);
    const canWrite = writers[type].includes(profile);
    expect(await client.errorCode('query($id: ID!) { document(id: $id) { id number } }', { id: doc.id })).toBe(canRead ? undefined : 'FORBIDDEN');
    expect(await client.errorCode(`{ ${LIST_QUERY[type]} { totalCount } }`)).toBe(canRead ? undefined : 'FORBIDDEN');
    const before = await sqlAudit.exempt('counts every dossier: proves nothing was written anywhere', () => t.app.dataSource.getRepository(Document).count());
    const created = await client.exec(`mutation($input: DocumentInput!) { ${CREATE_MUTATION[type]}(input: $input) { id } }`, { input: { lines: [] } });
    expect(created.errors?.[0]?.extensions?.code).toBe(canWrite ? undefined : 'FORBIDDEN');
    expect(await sqlAudit.exempt('counts every dossier: proves nothing was written anywhere', () => t.app.dataSource.getRepository(Document).count())).toBe(before + (canWrite ? 1 : 0));
    const current = await t.app.dataSource.getRepository(Document).findOneByOrFail({ id: doc.id, dossierId: d.dossier.id });
    const update = await client.exec(UPDATE, { id: doc.id, version: current.version, input: { partyId: current.partyId, subject: `by ${profile}`, lines: [line()] } });
    expect(update.errors?.[0]?.extensions?.code).toBe(canWrite ? undefined : 'FORBIDDEN');
    expect(await client.errorCode(DUPLICATE, { id: doc.id })).toBe(canWrite ? undefined : 'FORBIDDEN');
  });

  it.each(ALL)('as %s, answers NOT_FOUND for every document of another dossier and writes nothing', async (profile) => {
    const client = other.client(profile);
    const before = await sqlAudit.exempt('counts every dossier: proves nothing was written anywhere', () => t.app.dataSource.getRepository(Document).count());
    for (const type of Object.values(DocumentType)) {
      const doc = docs[type];
      const codes = [
        await client.errorCode('query($id: ID!) { document(id: $id) { id } }', { id: doc.id }),
        await client.errorCode(UPDATE, { id: doc.id, version: doc.version, input: { lines: [] } }),
        await client.errorCode(DELETE, { id: doc.id, version: doc.version }),
        await client.errorCode(DUPLICATE, { id: doc.id }),
        await client.errorCode(ISSUE, { id: doc.id, version: doc.version }),
      ];
      // FORBIDDEN only where the operation itself is closed to the profile (declared on the schema)
      for (const code of codes) expect(['NOT_FOUND', 'FORBIDDEN']).toContain(code);
      expect(codes[0]).toBe('NOT_FOUND');
      if (writers[type].includes(profile)) expect(codes.slice(1, 4)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    }
    expect(await sqlAudit.exempt('counts every dossier: proves nothing was written anywhere', () => t.app.dataSource.getRepository(Document).count())).toBe(before);
  });

  it('lets only OWNER and ADV issue and convert a quote, and ACHAT convert a price request', async () => {
    for (const profile of ALL) {
      const client = d.client(profile);
      const quote = await t.app.dataSource.getRepository(Document).findOneByOrFail({ id: docs.QUOTE.id, dossierId: d.dossier.id });
      const code = await client.errorCode('mutation($id: ID!, $v: Int!) { convertQuoteToInvoice(id: $id, version: $v) { id } }', { id: quote.id, v: quote.version + 100 });
      // a stale version proves the profile got through the policy (CONFLICT) without converting anything
      expect(code).toBe([Profile.OWNER, Profile.ADV].includes(profile) ? 'CONFLICT' : 'FORBIDDEN');
      const invoice = await t.app.dataSource.getRepository(Document).findOneByOrFail({ id: docs.INVOICE.id, dossierId: d.dossier.id });
      expect(await client.errorCode(ISSUE, { id: invoice.id, version: invoice.version + 100 })).toBe([Profile.OWNER, Profile.ADV].includes(profile) ? 'CONFLICT' : 'FORBIDDEN');
      const pr = await t.app.dataSource.getRepository(Document).findOneByOrFail({ id: docs.PRICE_REQUEST.id, dossierId: d.dossier.id });
      expect(await client.errorCode('mutation($id: ID!, $v: Int!) { convertPriceRequestToSupplierOrder(id: $id, v: $v) { id } }'.replace('v: $v', 'version: $v'), { id: pr.id, v: pr.version + 100 })).toBe(
        [Profile.OWNER, Profile.ADV, Profile.ACHAT].includes(profile) ? 'CONFLICT' : 'FORBIDDEN',
      );
    }
  });
});
