import { Profile } from '@comptoir/schema';
import { createTestApp, type TestApp } from '../../../test/harness';
import { createDossier, createSupportClient, type FixtureDossier } from '../../../test/fixtures';
import {
  ADMIN_SUPPORT_CHANGED,
  DOCUMENT_CHANGED,
  DOCUMENT_PRESENCE,
  listening,
  LiveClient,
  SUPPORT_CHANGED,
  type DocumentChanged,
  type DocumentPresence,
} from '../../../test/live-kit';
import { topics } from '../../core/bus';
import { exportJobId } from '../exports/export.jobs';
import { batchJobId } from '../accounting/batch-job';
import { newPastBatch } from '../../../test/matrix-kit';
import { createCustomer, createDoc, createSupplier, line, UPDATE } from '../documents/document.test-kit';

const ADMIN_JOB_CHANGED = 'subscription { adminJobChanged { id name state progress attemptsMade dossierId } }';
const CREATE_SUPPORT = 'mutation($input: SupportRequestInput!) { createSupportRequest(input: $input) { id } }';

describe('live: GraphQL subscriptions over WebSocket (in-process bus)', () => {
  let t: TestApp;
  let url: string;
  let d: FixtureDossier;
  let other: FixtureDossier;
  const clients: LiveClient[] = [];
  const live = (token: string | undefined, options: { origin?: string } = {}) => {
    const c = new LiveClient(url, token, options);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await createTestApp();
    url = await t.http();
    d = await createDossier(t, { name: 'Atelier', profiles: [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL] });
    other = await createDossier(t, { name: 'Autre', profiles: [Profile.OWNER] });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });
  afterAll(async () => {
    await t.close();
  });

  async function quote() {
    const customer = await createCustomer(d.client(Profile.OWNER));
    return createDoc(d.client(Profile.OWNER), 'QUOTE', { partyId: customer.id, lines: [line()] });
  }

  it('announces a colleague’s edit to the open document, with who and the entry', async () => {
    const doc = await quote();
    const sub = live(d.client(Profile.COMMERCIAL).sessionToken).subscribe<DocumentChanged>(DOCUMENT_CHANGED, { id: doc.id });
    await listening(t.app, topics.dossier(d.dossier.id));
    await d.client(Profile.ADV).data(UPDATE, { id: doc.id, version: doc.version, input: { partyId: doc.partyId, lines: [line({ description: 'Changé' })] } });
    const event = await sub.event();
    expect(event.documentChanged).toMatchObject({ documentId: doc.id, entryType: 'UPDATED', user: { id: d.as.ADV!.user.id, name: d.as.ADV!.user.name } });
  });

  it('shows who else has the document open, and not once they leave', async () => {
    const doc = await quote();
    const owner = live(d.client(Profile.OWNER).sessionToken).subscribe<DocumentPresence>(DOCUMENT_PRESENCE, { id: doc.id });
    await owner.event((e) => e.documentPresence.viewers.length === 1);
    const adv = live(d.client(Profile.ADV).sessionToken);
    adv.subscribe<DocumentPresence>(DOCUMENT_PRESENCE, { id: doc.id });
    const both = await owner.event((e) => e.documentPresence.viewers.length === 2);
    expect(both.documentPresence.viewers.map((v) => v.id).sort()).toEqual([d.as.OWNER!.user.id, d.as.ADV!.user.id].sort());
    const seen = owner.events.length;
    await adv.dispose();
    const after = await owner.event((e) => e.documentPresence.viewers.length === 1, 5000, seen);
    expect(after.documentPresence.viewers[0].id).toBe(d.as.OWNER!.user.id);
  });

  it('checks @auth and the dossier when subscribing: FORBIDDEN for a type the profile does not read, NOT_FOUND for another dossier’s id', async () => {
    const customer = await createCustomer(d.client(Profile.OWNER));
    const invoice = await createDoc(d.client(Profile.OWNER), 'INVOICE', { partyId: customer.id, lines: [line()] });
    const commercial = live(d.client(Profile.COMMERCIAL).sessionToken).subscribe(DOCUMENT_CHANGED, { id: invoice.id });
    expect((await commercial.error()).extensions?.code).toBe('FORBIDDEN');
    const stranger = live(other.client(Profile.OWNER).sessionToken).subscribe(DOCUMENT_PRESENCE, { id: invoice.id });
    expect((await stranger.error()).extensions?.code).toBe('NOT_FOUND');
    const support = await createSupportClient(t);
    const admin = live(support.client.sessionToken).subscribe(DOCUMENT_CHANGED, { id: invoice.id });
    expect((await admin.error()).extensions?.code).toBe('DOSSIER_NOT_SELECTED');
    const dossierSide = live(support.client.sessionToken).subscribe(SUPPORT_CHANGED);
    expect((await dossierSide.error()).extensions?.code).toBe('DOSSIER_NOT_SELECTED');
    const adminSide = live(d.client(Profile.OWNER).sessionToken).subscribe(ADMIN_SUPPORT_CHANGED);
    expect((await adminSide.error()).extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a connection without a session, from another origin, and queries or mutations over the socket', async () => {
    const anonymous = live(undefined);
    const sub = anonymous.subscribe(SUPPORT_CHANGED);
    await sub.until((s) => s.completed, 5000, 'the refusal');
    expect(anonymous.closes[0]?.code).toBe(4403);

    const foreign = live(d.client(Profile.OWNER).sessionToken, { origin: 'https://evil.example' });
    const refused = foreign.subscribe(SUPPORT_CHANGED);
    await refused.until((s) => s.completed, 5000, 'the refusal');
    expect(foreign.connected).toBe(false);

    const owner = live(d.client(Profile.OWNER).sessionToken);
    const query = owner.subscribe('{ me { profile } }');
    expect((await query.error()).extensions?.code).toBe('BAD_REQUEST');
  });

  it('closes a revoked session’s sockets at once (logout)', async () => {
    const doc = await quote();
    const adv = live(d.client(Profile.ADV).sessionToken);
    const sub = adv.subscribe<DocumentPresence>(DOCUMENT_PRESENCE, { id: doc.id });
    await sub.event();
    await d.client(Profile.ADV).data('mutation { logout }');
    await sub.until(() => adv.closes.length > 0, 5000, 'the socket to close');
    expect(adv.closes[0].code).toBe(4401);
  });

  it('tells the dossier and /admin of support requests; a COMMERCIAL hears only of its own', async () => {
    const support = await createSupportClient(t);
    const fresh = await createDossier(t, { profiles: [Profile.OWNER, Profile.COMMERCIAL] });
    const owner = live(fresh.client(Profile.OWNER).sessionToken).subscribe<{ supportRequestChanged: { requestId: string; change: string } }>(SUPPORT_CHANGED);
    const commercial = live(fresh.client(Profile.COMMERCIAL).sessionToken).subscribe<{ supportRequestChanged: { requestId: string } }>(SUPPORT_CHANGED);
    const admin = live(support.client.sessionToken).subscribe<{ adminSupportRequestChanged: { requestId: string; dossierId: string } }>(ADMIN_SUPPORT_CHANGED);
    await listening(t.app, topics.dossier(fresh.dossier.id), 2);
    await listening(t.app, topics.admin);
    const owners = (await fresh.client(Profile.OWNER).data<{ createSupportRequest: { id: string } }>(CREATE_SUPPORT, { input: { kind: 'OTHER', other: { subject: 'Du gérant', text: '?' } } })).createSupportRequest;
    const own = (await fresh.client(Profile.COMMERCIAL).data<{ createSupportRequest: { id: string } }>(CREATE_SUPPORT, { input: { kind: 'OTHER', other: { subject: 'Du commercial', text: '?' } } })).createSupportRequest;
    await owner.event((e) => e.supportRequestChanged.requestId === own.id);
    expect(owner.events.some((e) => e.supportRequestChanged.requestId === owners.id)).toBe(true);
    await commercial.event((e) => e.supportRequestChanged.requestId === own.id);
    await admin.event((e) => e.adminSupportRequestChanged.requestId === own.id);
    expect(admin.events.find((e) => e.adminSupportRequestChanged.requestId === owners.id)?.adminSupportRequestChanged.dossierId).toBe(fresh.dossier.id);
    // Events are delivered in order: the owner's request came first, and the commercial never heard of it.
    expect(commercial.events.map((e) => e.supportRequestChanged.requestId)).not.toContain(owners.id);
  });

  describe('authorization matrix of the subscriptions (SPEC.md’s profiles)', () => {
    let all: FixtureDossier;
    let docs: Record<'QUOTE' | 'INVOICE' | 'PRICE_REQUEST', string>;
    const PROFILES_ALL = [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL, Profile.ACHAT, Profile.ACCOUNTANT];
    beforeAll(async () => {
      all = await createDossier(t, { profiles: PROFILES_ALL });
      const owner = all.client(Profile.OWNER);
      const customer = await createCustomer(owner);
      const supplier = await createSupplier(owner);
      docs = {
        QUOTE: (await createDoc(owner, 'QUOTE', { partyId: customer.id, lines: [line()] })).id,
        INVOICE: (await createDoc(owner, 'INVOICE', { partyId: customer.id, lines: [line()] })).id,
        PRICE_REQUEST: (await createDoc(owner, 'PRICE_REQUEST', { partyId: supplier.id, lines: [line()] })).id,
      };
    });

    const READS: Record<keyof typeof docs, Profile[]> = {
      QUOTE: [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL],
      INVOICE: [Profile.OWNER, Profile.ADV, Profile.ACCOUNTANT],
      PRICE_REQUEST: [Profile.OWNER, Profile.ADV, Profile.ACHAT],
    };

    it.each(PROFILES_ALL)('documentPresence and documentChanged follow the document’s read rule for %s', async (profile) => {
      for (const type of Object.keys(docs) as (keyof typeof docs)[]) {
        const c = live(all.client(profile).sessionToken);
        const presence = c.subscribe<DocumentPresence>(DOCUMENT_PRESENCE, { id: docs[type] });
        const changes = c.subscribe(DOCUMENT_CHANGED, { id: docs[type] });
        if (READS[type].includes(profile)) {
          await presence.event();
          expect(changes.errors).toEqual([]);
        } else {
          expect([type, (await presence.error()).extensions?.code]).toEqual([type, 'FORBIDDEN']);
          expect([type, (await changes.error()).extensions?.code]).toEqual([type, 'FORBIDDEN']);
        }
      }
    });

    it.each(PROFILES_ALL)('exportProgress follows the exports rule (OWNER, ADV) for %s', async (profile) => {
      const started = await all.client(Profile.OWNER).data<{ startDocumentsExport: { id: string } }>('mutation { startDocumentsExport(input: { format: CSV, columns: ["number"] }) { id } }');
      const id = started.startDocumentsExport.id;
      const sub = live(all.client(profile).sessionToken).subscribe('subscription($id: ID!) { exportProgress(id: $id) { state progress } }', { id });
      if ([Profile.OWNER, Profile.ADV].includes(profile)) {
        await listening(t.app, topics.job(exportJobId(id)));
        expect(sub.errors).toEqual([]);
      } else {
        expect((await sub.error()).extensions?.code).toBe('FORBIDDEN');
      }
    });

    it.each(PROFILES_ALL)('accountingBatchProgress follows the accounting rule (OWNER, ADV, ACCOUNTANT) for %s; adminJobChanged is the support team’s', async (profile) => {
      const batch = await newPastBatch(all.client(Profile.OWNER));
      const c = live(all.client(profile).sessionToken);
      const sub = c.subscribe('subscription($id: ID!) { accountingBatchProgress(id: $id) { batchId state progress } }', { id: batch.id });
      if ([Profile.OWNER, Profile.ADV, Profile.ACCOUNTANT].includes(profile)) {
        await listening(t.app, topics.job(batchJobId(batch.id)));
        expect(sub.errors).toEqual([]);
      } else {
        expect((await sub.error()).extensions?.code).toBe('FORBIDDEN');
      }
      expect((await c.subscribe(ADMIN_JOB_CHANGED).error()).extensions?.code).toBe('FORBIDDEN');
    });

    it.each(PROFILES_ALL)('supportRequestChanged is open to %s; adminSupportRequestChanged is not', async (profile) => {
      // A dossier of its own: the only listener of its topic is this subscription.
      const alone = await createDossier(t, { profiles: [profile] });
      const c = live(alone.client(profile).sessionToken);
      const own = c.subscribe(SUPPORT_CHANGED);
      await listening(t.app, topics.dossier(alone.dossier.id));
      expect(own.errors).toEqual([]);
      expect((await c.subscribe(ADMIN_SUPPORT_CHANGED).error()).extensions?.code).toBe('FORBIDDEN');
    });
  });
});
