import { Profile } from '@comptoir/schema';
import { createDossier, type FixtureDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { readPdf } from '../../../test/pdf-tools';
import { SESSION_COOKIE } from '../../core/cookies';
import { createCustomer, createDoc, firstError, ISSUE, line, type Doc } from '../documents/document.test-kit';
import { isValidIban } from './document-settings';

// A 1×1 PNG.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const UPDATE = 'mutation($input: DocumentSettingsInput!) { updateDocumentSettings(input: $input) { version legalForm shareCapitalCents rcsCity iban bic latePenaltyRate mailSubject } }';
const LOGO = 'mutation($v: Int!, $d: String) { setDossierLogo(version: $v, dataUrl: $d) { version logoDataUrl } }';

describe('document settings (Paramètres / Documents et envois)', () => {
  let t: TestApp;
  let d: FixtureDossier;
  beforeAll(async () => {
    t = await createTestApp();
    d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV] });
  });
  afterAll(() => t.close());

  const version = async () => (await d.client(Profile.ADV).data<{ documentSettings: { version: number } }>('{ documentSettings { version } }')).documentSettings.version;

  it('checks the IBAN key', () => {
    expect(isValidIban('FR76 3000 6000 0112 3456 7890 189')).toBe(true);
    expect(isValidIban('FR7630006000011234567890188')).toBe(false);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
  });

  it('stores legal mentions, IBAN and templates (kept by the dossier form), refuses a bad IBAN and a stale version', async () => {
    const adv = d.client(Profile.ADV);
    const v = await version();
    expect(firstError(await adv.exec(UPDATE, { input: { version: v, iban: 'FR7630006000011234567890188' } }))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_IBAN', field: 'input.iban' });
    const saved = (await adv.data<{ updateDocumentSettings: Record<string, unknown> }>(UPDATE, {
      input: { version: v, legalForm: 'SARL', shareCapitalCents: 1_000_000, rcsCity: 'Lyon', iban: 'fr76 3000 6000 0112 3456 7890 189', bic: 'agrifrpp', latePenaltyRate: '10,15', mailSubject: 'Notre {type} {numero}' },
    })).updateDocumentSettings;
    expect(saved).toMatchObject({ version: v + 1, iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', latePenaltyRate: '10.15' });
    expect(firstError(await adv.exec(UPDATE, { input: { version: v, legalForm: 'SAS' } }))).toMatchObject({ code: 'CONFLICT', reason: 'STALE_SETTINGS' });
    // The dossier form (updateDossierSettings) keeps them.
    const dossier = (await adv.data<{ dossierSettings: Record<string, unknown> }>('{ dossierSettings { version name quotePrefix invoicePrefix creditNotePrefix priceRequestPrefix supplierOrderPrefix defaultVatRate paymentTermsDays legalMentions } }')).dossierSettings;
    await adv.data('mutation($input: DossierSettingsInput!) { updateDossierSettings(input: $input) { version } }', { input: { ...dossier, name: 'Atelier renommé' } });
    expect((await adv.data<{ documentSettings: { iban: string } }>('{ documentSettings { iban } }')).documentSettings.iban).toBe('FR7630006000011234567890189');
  });

  it('takes a PNG or JPEG logo of at most 300 KB, checked by its bytes, and prints it', async () => {
    const adv = d.client(Profile.ADV);
    expect(firstError(await adv.exec(LOGO, { v: await version(), d: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(firstError(await adv.exec(LOGO, { v: await version(), d: 'data:image/png;base64,' + Buffer.from('pas une image').toString('base64') }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    const big = 'data:image/png;base64,' + Buffer.concat([Buffer.from(PNG.split(',')[1], 'base64'), Buffer.alloc(310 * 1024)]).toString('base64');
    expect(firstError(await adv.exec(LOGO, { v: await version(), d: big }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    const set = (await adv.data<{ setDossierLogo: { logoDataUrl: string } }>(LOGO, { v: await version(), d: PNG })).setDossierLogo;
    expect(set.logoDataUrl).toBe(PNG);
    const customer = await createCustomer(adv);
    const draft = await createDoc(adv, 'INVOICE', { partyId: customer.id, lines: [line()] });
    const invoice = (await adv.data<{ issueDocument: Doc }>(ISSUE, { id: draft.id, version: draft.version })).issueDocument;
    const base = await t.http();
    const bytes = Buffer.from(await (await fetch(`${base}/api/documents/${invoice.id}/pdf`, { headers: { cookie: `${SESSION_COOKIE}=${adv.sessionToken}` } })).arrayBuffer());
    expect(bytes.toString('latin1')).toContain('/Subtype /Image');
    const text = readPdf(bytes).text;
    expect(text).toContain('SARL au capital de 10 000,00 €');
    expect(text).toContain('RCS Lyon');
    expect(text).toContain('IBAN : FR7630006000011234567890189');
    expect(text).toContain('taux annuel de 10,15 %');
  });
});
