import { Profile } from '@comptoir/schema';
import { createDossier, type FixtureDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { startSmtpServer, type ReceivedMail } from '../../../test/smtp';
import { SESSION_COOKIE } from '../../core/cookies';
import { withClock } from '../../core/clock';
import { createDoc, firstError, historyOfDoc, ISSUE, line, type Doc } from '../documents/document.test-kit';

/** The PDF attached to a received message (base64 MIME part), decoded. */
function pdfAttachment(mail: ReceivedMail): { filename: string; bytes: Buffer } | null {
  const parts = mail.raw.split(/\r?\n--[^\r\n]+\r?\n/);
  for (const part of parts) {
    if (!/Content-Type: application\/pdf/i.test(part)) continue;
    const filename = /filename="?([^";\r\n]+)"?/i.exec(part)?.[1] ?? '';
    const body = part.split(/\r?\n\r?\n/).slice(1).join('').replace(/--[^\r\n]*--\s*$/, '').replace(/[\r\n\s]/g, '');
    return { filename, bytes: Buffer.from(body, 'base64') };
  }
  return null;
}

const EMAIL = 'mutation($input: EmailDocumentInput!) { emailDocument(input: $input) { id status number } }';
const REMIND = 'mutation($input: ReminderInput!) { sendReminder(input: $input) { id remindersSent } }';

describe('sending documents by e-mail', () => {
  let t: TestApp;
  let d: FixtureDossier;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let customerId: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url } });
    d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL, Profile.ACCOUNTANT] });
    customerId = (
      await d.client(Profile.ADV).data<{ createCustomer: { id: string } }>('mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }', {
        input: { legalName: 'Café Zola SARL', contactEmail: 'contact@cafe-zola.fr', billingEmail: 'compta@cafe-zola.fr' },
      })
    ).createCustomer.id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('issues a draft invoice when confirmed, sends it to the billing e-mail with the stored PDF attached, and records it', async () => {
    const adv = d.client(Profile.ADV);
    const draft = await createDoc(adv, 'INVOICE', { partyId: customerId, lines: [line()] });
    // Not confirmed: refused, nothing issued.
    expect(firstError(await adv.exec(EMAIL, { input: { documentId: draft.id } }))).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_STATUS' });
    const sent = (await adv.data<{ emailDocument: Doc }>(EMAIL, { input: { documentId: draft.id, issue: true } })).emailDocument;
    expect(sent.status).toBe('ISSUED');
    expect(sent.number).toMatch(/^FA-/);
    await t.app.outbox.runOnce();
    const mail = await smtp.waitFor('compta@cafe-zola.fr');
    expect(mail.subject).toContain(sent.number!);
    expect(mail.text).toContain('Veuillez trouver ci-joint notre facture');
    const attachment = pdfAttachment(mail);
    expect(attachment?.filename).toBe(`Facture-${sent.number}.pdf`);
    const base = await t.http();
    const stored = Buffer.from(await (await fetch(`${base}/api/documents/${sent.id}/pdf`, { headers: { cookie: `${SESSION_COOKIE}=${adv.sessionToken}` } })).arrayBuffer());
    expect(attachment!.bytes.equals(stored)).toBe(true);
    const history = await historyOfDoc(adv, sent.id);
    const mailed = (await adv.data<{ document: { history: { type: string; label: string | null; messageId: string | null; user: { name: string } | null }[] } }>(
      'query($id: ID!) { document(id: $id) { history { type label messageId user { name } } } }',
      { id: sent.id },
    )).document.history.find((h) => h.type === 'MAILED');
    expect(history.map((h) => h.type)).toEqual(expect.arrayContaining(['ISSUED', 'PDF_STORED', 'MAILED']));
    expect(mailed).toMatchObject({ label: 'à compta@cafe-zola.fr', user: { name: expect.any(String) } });
    expect(mail.raw).toContain(`Message-ID: ${mailed!.messageId}`);
  });

  it('takes chosen recipients, subject and message; COMMERCIAL sends quotes but not invoices', async () => {
    const commercial = d.client(Profile.COMMERCIAL);
    const quote = await createDoc(commercial, 'QUOTE', { partyId: customerId, lines: [line()] });
    const sent = (await commercial.data<{ emailDocument: Doc }>(EMAIL, { input: { documentId: quote.id, to: ['achats@cafe-zola.fr'], subject: 'Votre devis', message: 'Bonjour, voici le devis.' } })).emailDocument;
    expect(sent.status).toBe('SENT');
    await t.app.outbox.runOnce();
    const mail = await smtp.waitFor('achats@cafe-zola.fr');
    expect(mail.subject).toBe('Votre devis');
    expect(pdfAttachment(mail)?.filename).toBe(`Devis-${quote.number}.pdf`);
    const invoice = await createDoc(d.client(Profile.ADV), 'INVOICE', { partyId: customerId, lines: [line()] });
    expect(firstError(await commercial.exec(EMAIL, { input: { documentId: invoice.id, issue: true } }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(firstError(await commercial.exec(EMAIL, { input: { documentId: quote.id, to: ['pas-une-adresse'] } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.to.0' });
  });

  it('sends reminders of an overdue invoice, level by level, with its PDF; refuses one not yet due', async () => {
    const adv = d.client(Profile.ADV);
    const draft = await createDoc(adv, 'INVOICE', { partyId: customerId, lines: [line()] });
    const invoice = await withClock(new Date('2026-01-05T10:00:00Z'), async () => (await adv.data<{ issueDocument: Doc }>(ISSUE, { id: draft.id, version: draft.version })).issueDocument);
    expect(firstError(await withClock(new Date('2026-01-10T10:00:00Z'), () => adv.exec(REMIND, { input: { invoiceId: invoice.id, level: 1 } })))).toMatchObject({ code: 'CONFLICT' });
    const LIST = '{ invoices(first: 200, filter: { overdue: true }) { nodes { id daysLate remindersSent emailDraft(reminderLevel: 3) { subject } } } }';
    const listed = await withClock(new Date('2026-03-01T10:00:00Z'), async () => (await adv.data<{ invoices: { nodes: { id: string; daysLate: number; remindersSent: number; emailDraft: { subject: string } }[] } }>(LIST)).invoices.nodes);
    expect(listed.find((n) => n.id === invoice.id)).toMatchObject({ daysLate: 25, remindersSent: 0, emailDraft: { subject: `Mise en demeure de payer la facture ${invoice.number}` } });
    for (const level of [1, 2, 3]) {
      const r = await withClock(new Date('2026-03-01T10:00:00Z'), () => adv.data<{ sendReminder: { remindersSent: number } }>(REMIND, { input: { invoiceId: invoice.id, level, to: [`relance${level}@cafe-zola.fr`] } }));
      expect(r.sendReminder.remindersSent).toBe(level);
    }
    await t.app.outbox.runOnce();
    const third = await smtp.waitFor('relance3@cafe-zola.fr');
    expect(third.subject).toContain('Mise en demeure');
    expect(third.raw.replace(/=\r?\n/g, '')).toContain('mettons en demeure');
    expect((await smtp.waitFor('relance1@cafe-zola.fr')).raw.replace(/=\r?\n/g, '')).toContain('25 jour(s) de retard');
    expect(pdfAttachment(third)?.filename).toBe(`Facture-${invoice.number}.pdf`);
    const history = await historyOfDoc(adv, invoice.id);
    expect(history.filter((h) => h.type === 'REMINDED')).toHaveLength(3);
    expect(await d.client(Profile.ACCOUNTANT).errorCode(REMIND, { input: { invoiceId: invoice.id, level: 1 } })).toBe('FORBIDDEN');
  });
});
