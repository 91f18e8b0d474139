import { Profile } from '@comptoir/schema';
import { createDossier, type FixtureDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness';
import { LISTED_FIELDS } from './document-columns';
import { Document } from './document.entity';
import { CONVERT_QUOTE, CREDIT, createCustomer, createDoc, createSupplier, ISSUE, line, UPDATE, type Doc } from './document.test-kit';

/**
 * A list page reads only the columns of `documents` its selected fields show
 * (document-columns.ts), and answers exactly as from whole rows.
 */
describe('document list columns', () => {
  let t: TestApp;
  let f: FixtureDossier;
  let owner: TestClient;
  /** Every column of `documents` a whole row reads, by property name, in the entity's order (not the history's facts: `select: false`). */
  let allColumns: string[];

  beforeAll(async () => {
    t = await createTestApp();
    f = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV] });
    owner = f.client(Profile.OWNER);
    const adv = f.client(Profile.ADV);
    allColumns = t.app.dataSource
      .getMetadata(Document)
      .columns.filter((c) => c.isSelect)
      .map((c) => c.propertyName);
    const customer = await createCustomer(owner, 'Atelier Zola');
    const supplier = await createSupplier(owner, 'Bois & Co');
    // Documents in the states the fields tell apart: a quote converted to an invoice, issued,
    // with a credit note; a draft edited by another user; a price request; a plain quote.
    const quote = await createDoc(owner, 'QUOTE', { partyId: customer.id, subject: 'Devis', notes: 'Notes', lines: [line({ quantity: 2 }), line({ vatRate: 5.5 })] });
    const invoice = (await owner.data<{ convertQuoteToInvoice: Doc }>(CONVERT_QUOTE, { id: quote.id, version: quote.version })).convertQuoteToInvoice;
    const issued = (await owner.data<{ issueDocument: Doc }>(ISSUE, { id: invoice.id, version: invoice.version })).issueDocument;
    await owner.data(CREDIT, { invoiceId: issued.id, lines: [{ sourceLineId: issued.lines[0].id, quantity: "1" }] });
    const draft = await createDoc(owner, 'INVOICE', { partyId: customer.id, lines: [line()] });
    await adv.data(UPDATE, { id: draft.id, version: draft.version, input: { partyId: customer.id, subject: 'edited', lines: [line({ quantity: 3 })] } });
    await createDoc(adv, 'PRICE_REQUEST', { partyId: supplier.id, lines: [line()] });
    await createDoc(adv, 'QUOTE', { partyId: customer.id, lines: [line()] });
  });
  afterAll(() => t.close());

  /** The columns (property names, sorted) of the page's SELECT among the statements of a request. */
  const pageColumns = (statements: string[]): string[] => {
    const page = statements.find((sql) => /AS [`"]d_id[`"]/.test(sql));
    if (!page) throw new Error(`no page statement among:\n${statements.join('\n')}`);
    const names = [...page.matchAll(/AS [`"]d_(\w+)[`"]/g)].map((m) => m[1]);
    const metadata = t.app.dataSource.getMetadata(Document);
    return names.map((name) => metadata.columns.find((c) => c.databaseName === name)!.propertyName).sort();
  };

  const SPA_FIELDS = 'id type status number date dueDate partyId partyName totalExclVatCents totalInclVatCents createdAt createdBy { id name } updatedAt updatedBy { id name }';
  const list = (fields: string, root = 'documents') => `query($first: Int, $after: String, $sort: DocumentSort) {
    ${root}(first: $first, after: $after, sort: $sort) { count { value more } pageInfo { hasNextPage endCursor } nodes { ${fields} } } }`;
  /** A field of another module whose needs document-columns.ts does not list: the page then reads whole rows. */
  const WHOLE_ROWS = 'balanceDueCents';

  it("reads only the columns the SPA's invoice page shows, and answers as from whole rows", async () => {
    const partial = await t.queries.measure(() => owner.exec(list(SPA_FIELDS, 'invoices'), { first: 50 }));
    const whole = await t.queries.measure(() => owner.exec(list(`${SPA_FIELDS} ${WHOLE_ROWS}`, 'invoices'), { first: 50 }));
    // The raw server's 14 columns, and the dossier (carried by every row of dossier data).
    expect(pageColumns(partial.statements)).toEqual(
      ['createdAt', 'createdById', 'date', 'dossierId', 'dueDate', 'id', 'number', 'partyId', 'partyName', 'status', 'totalExclVatCents', 'totalInclVatCents', 'type', 'updatedAt', 'updatedById'].sort(),
    );
    expect(pageColumns(whole.statements)).toEqual([...allColumns].sort());
    // The export's projection of the history stays out of lists, whole rows included.
    for (const statements of [partial.statements, whole.statements]) expect(statements.join('\n')).not.toMatch(/actionModificationCount|actionIssuedById|actionUsers/);
    expect(partial.result.errors).toBeUndefined();
    type Nodes = { invoices: { nodes: Record<string, unknown>[] } };
    const withoutExtra = (whole.result.data as Nodes).invoices.nodes.map(({ [WHOLE_ROWS]: _extra, ...rest }) => rest);
    expect((partial.result.data as Nodes).invoices.nodes).toEqual(withoutExtra);
    expect(withoutExtra.length).toBe(2);
    // Session, count, page, users (whole rows add the settlements of balanceDueCents).
    expect(partial.queries).toBe(4);
  });

  it('reads the sort column for the cursor, and pages every sort as with whole rows', async () => {
    for (const field of ['DATE', 'NUMBER', 'TOTAL', 'PARTY_NAME', 'UPDATED_AT', 'CREATED_AT']) {
      for (const direction of ['ASC', 'DESC']) {
        const pages = async (fields: string) => {
          const ids: string[] = [];
          let after: string | null = null;
          do {
            type Page = { documents: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
            const page: Page = await owner.data<Page>(list(fields), { first: 2, after, sort: { field, direction } });
            ids.push(...page.documents.nodes.map((n) => n.id));
            after = page.documents.pageInfo.hasNextPage ? page.documents.pageInfo.endCursor : null;
          } while (after);
          return ids;
        };
        const partial = await pages('id');
        expect(partial).toEqual(await pages(`id ${WHOLE_ROWS}`));
        expect(partial).toHaveLength(6);
      }
    }
    const sortedByTotal = await t.queries.measure(() => owner.data(list('id'), { first: 2, sort: { field: 'TOTAL', direction: 'ASC' } }));
    expect(pageColumns(sortedByTotal.statements)).toEqual(['dossierId', 'id', 'status', 'totalInclVatCents', 'type']);
  });

  it('answers every listed field of Document from a list page exactly as from whole rows', async () => {
    // Each field alone (what it reads must come from its own columns), with a selection below it
    // for object fields: every plain field of the type below.
    type TypeInfo = { name: string; fields: { name: string; args: unknown[]; type: TypeRef }[] | null };
    type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
    const ofType = '{ kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
    const schema = await owner.data<{ __schema: { types: TypeInfo[] } }>(`{ __schema { types { name fields { name args { name } type ${ofType} } } } }`);
    const types = new Map(schema.__schema.types.map((type) => [type.name, type]));
    const named = (ref: TypeRef): TypeRef => (ref.ofType ? named(ref.ofType) : ref);
    const plain = (ref: TypeRef) => ['SCALAR', 'ENUM'].includes(named(ref).kind);
    const selectionOf = (name: string): string => {
      const field = types.get('Document')!.fields!.find((x) => x.name === name);
      if (!field) throw new Error(`Document.${name} is listed in document-columns.ts but not in the schema`);
      if (plain(field.type)) return name;
      const below = types.get(named(field.type).name!)!.fields!.filter((x) => x.args.length === 0 && plain(x.type));
      return `${name} { ${below.map((x) => x.name).join(' ')} }`;
    };
    expect(LISTED_FIELDS.length).toBeGreaterThan(30);
    for (const name of LISTED_FIELDS) {
      const selection = selectionOf(name);
      const partial = await t.queries.measure(() => owner.exec(list(selection), { first: 50 }));
      const whole = await t.queries.measure(() => owner.exec(list(`${selection} ${WHOLE_ROWS}`), { first: 50 }));
      expect(pageColumns(partial.statements).length).toBeLessThan(allColumns.length);
      expect(pageColumns(whole.statements)).toEqual([...allColumns].sort());
      type Nodes = { documents: { nodes: Record<string, unknown>[] } };
      const expected = (whole.result.data as Nodes).documents.nodes.map((n) => ({ [name]: n[name] }));
      expect({ name, errors: partial.result.errors, nodes: (partial.result.data as Nodes).documents.nodes.map((n) => ({ [name]: n[name] })) }).toEqual({
        name,
        errors: whole.result.errors,
        nodes: expected,
      });
      expect(expected).toHaveLength(6);
    }
  });
});
