import { Profile } from '@comptoir/schema';
import { createDossier, type FixtureDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { readPdf } from '../../../test/pdf-tools';
import { validateCii, validatorPath } from '../../../test/en16931';
import { SESSION_COOKIE } from '../../core/cookies';
import { createDoc, CREDIT, ISSUE, line, pdfStored, type Doc } from '../documents/document.test-kit';

// The official EN 16931 CII Schematron lives beside the repository (../shared/validators).
const describeIfValidator = validatorPath() ? describe : describe.skip;
if (!validatorPath()) console.warn('factur-x: EN 16931 validator not found (../shared/validators/en16931-cii): skipped');

describeIfValidator('Factur-X (EN 16931 CII embedded in the PDF/A-3)', () => {
  let t: TestApp;
  let d: FixtureDossier;
  let base: string;
  let customerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    base = await t.http();
    d = await createDossier(t, { profiles: [Profile.ADV] });
    const settings = (await t.app.dataSource.query('SELECT `settings` FROM `dossiers` WHERE `id` = ?', [d.dossier.id])) as { settings: string }[];
    await t.app.dataSource.query('UPDATE `dossiers` SET `settings` = ?, `siret` = ?, `vatNumber` = ?, `addressLine` = ?, `postalCode` = ?, `city` = ? WHERE `id` = ?', [
      JSON.stringify({ ...(JSON.parse(settings[0].settings) as object), legalForm: 'SARL', shareCapitalCents: 500_000, rcsCity: 'Lyon', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', latePenaltyRate: '10.15' }),
      '73282932000074',
      'FR44732829320',
      '12 rue de la Paix',
      '69002',
      'Lyon',
      d.dossier.id,
    ]);
    customerId = (
      await d.client(Profile.ADV).data<{ createCustomer: { id: string } }>('mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }', {
        input: { legalName: 'Café Zola SARL', addressLine1: '3 place Bellecour', postalCode: '69002', city: 'Lyon', vatNumber: 'FR40303265045', siret: '30326504500013' },
      })
    ).createCustomer.id;
  }, 900_000);
  afterAll(() => t.close());

  async function issue(type: 'INVOICE' | 'CREDIT_NOTE', lines: Record<string, unknown>[]): Promise<Doc> {
    const adv = d.client(Profile.ADV);
    const draft = await createDoc(adv, type, { partyId: customerId, lines });
    const issued = (await adv.data<{ issueDocument: Doc }>(ISSUE, { id: draft.id, version: draft.version })).issueDocument;
    // Its PDF is rendered by a background job (pdf.render): the file checked is the stored one.
    await pdfStored(adv, issued.id);
    return issued;
  }

  // `connection: close`: the validator blocks this process (the server's too) for seconds, and a
  // kept-alive socket whose idle timer fires right after could be reused as it closes (ECONNRESET).
  async function embeddedXml(id: string): Promise<string> {
    const res = await fetch(`${base}/api/documents/${id}/pdf`, { headers: { cookie: `${SESSION_COOKIE}=${d.client(Profile.ADV).sessionToken}`, connection: 'close' } });
    const pdf = readPdf(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(pdf.attachments)).toEqual(['factur-x.xml']);
    return pdf.attachments['factur-x.xml'].toString('utf8');
  }

  const cases: [string, () => Promise<Doc>][] = [
    ['an invoice at several rates with discounts', () => issue('INVOICE', [
      line({ description: 'Table en chêne', quantity: 2, unitPriceCents: 123_456, vatRate: 20, discountPercent: 5 }),
      line({ description: 'Pose', quantity: 3.5, unitPriceCents: 4_500, vatRate: 10 }),
      line({ description: 'Livre', quantity: 1, unitPriceCents: 2_500, vatRate: 5.5, discountPercent: 10 }),
      line({ description: 'Presse', quantity: 4, unitPriceCents: 150, vatRate: 2.1 }),
    ])],
    ['an invoice with an exempt line (art. 261)', () => issue('INVOICE', [
      line({ description: 'Conseil', quantity: 1, unitPriceCents: 80_000, vatRate: 20 }),
      line({ description: 'Formation professionnelle', quantity: 2, unitPriceCents: 45_000, vatRate: 0, vatExemption: 'EXEMPT_261' }),
    ])],
    ['an invoice under reverse charge', () => issue('INVOICE', [line({ description: 'Travaux de sous-traitance', quantity: 10, unitPriceCents: 6_000, vatRate: 0, vatExemption: 'REVERSE_CHARGE' })])],
    ['a credit note of an invoice', async () => {
      const invoice = await issue('INVOICE', [line({ description: 'Chaise', quantity: 4, unitPriceCents: 9_990, vatRate: 20 }), line({ description: 'Coussin', quantity: 4, unitPriceCents: 1_500, vatRate: 10 })]);
      const adv = d.client(Profile.ADV);
      const credit = (await adv.data<{ createCreditNoteFromInvoice: Doc }>(CREDIT, { invoiceId: invoice.id, lines: [{ sourceLineId: invoice.lines[0].id, quantity: 1 }] })).createCreditNoteFromInvoice;
      const issued = (await adv.data<{ issueDocument: Doc }>(ISSUE, { id: credit.id, version: credit.version })).issueDocument;
      await pdfStored(adv, issued.id);
      return issued;
    }],
  ];

  it.each(cases)('embeds factur-x.xml for %s that passes EN 16931 with 0 fatal failures', async (_name, make) => {
    const doc = await make();
    const xml = await embeddedXml(doc.id);
    expect(xml).toContain(`<ram:ID>${doc.number}</ram:ID>`);
    expect(xml).toContain(`<ram:GrandTotalAmount>${(doc.totalInclVatCents / 100).toFixed(2)}</ram:GrandTotalAmount>`);
    const result = validateCii(xml);
    expect(result.fatal).toEqual([]);
  }, 900_000);

  it('is a real check: a wrong grand total is a fatal failure (BR-CO-15)', async () => {
    const doc = await issue('INVOICE', [line()]);
    const broken = (await embeddedXml(doc.id)).replace(/<ram:GrandTotalAmount>[^<]*</, '<ram:GrandTotalAmount>1.00<');
    expect(validateCii(broken).fatal.map((f) => f.id)).toContain('BR-CO-15');
  }, 900_000);

  it('declares PDF/A-3 and Factur-X in the XMP metadata', async () => {
    const doc = await issue('INVOICE', [line()]);
    const res = await fetch(`${base}/api/documents/${doc.id}/pdf`, { headers: { cookie: `${SESSION_COOKIE}=${d.client(Profile.ADV).sessionToken}`, connection: 'close' } });
    const raw = Buffer.from(await res.arrayBuffer()).toString('latin1');
    expect(raw).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(raw).toContain('<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>');
    expect(raw).toContain('/AFRelationship /Data');
    expect(raw).toContain('/OutputIntents');
  });
});
