import { Plan, Profile } from '@comptoir/schema';
import { createTestApp, type TestApp } from '../../../test/harness';
import { createDossier, createSupportClient, type FixtureDossier } from '../../../test/fixtures';
import { Dossier } from '../identity/dossier.entity';
import { SeatOrder } from './seat-order.entity';
import { membersOf } from './dossier.service';
import { lockDossier, seatUsage } from './seats.service';
import { sqlAudit } from '../../../test/sql-audit';

const SUBSCRIPTION = `{ mySubscription { plan includedSeats extraSeats totalSeats seatsUsed seatsAvailable accountantAccess accountants canOrderSeats seatUnitPriceCents
  orders { id quantity status unitPriceCents totalCents totalInclVatCents paymentReference paymentInstructions orderedByName provider } } }`;
const ORDER = `mutation($q: Int!) { orderSeats(quantity: $q) { id quantity status unitPriceCents totalCents totalInclVatCents paymentReference paymentInstructions orderedByName provider } }`;
const CANCEL = `mutation($id: ID!) { cancelSeatOrder(id: $id) { id status cancelledAt } }`;
const SETTINGS = `{ dossierSettings { id version name siret vatNumber addressLine postalCode city country quotePrefix invoicePrefix creditNotePrefix priceRequestPrefix supplierOrderPrefix defaultVatRate paymentTermsDays legalMentions } }`;
const UPDATE_SETTINGS = `mutation($input: DossierSettingsInput!) { updateDossierSettings(input: $input) { version name siret vatNumber quotePrefix invoicePrefix defaultVatRate paymentTermsDays legalMentions country } }`;
const USERS = `{ dossierUsers { members { userId name email profile isPrincipal since active } seats { plan totalSeats seatsUsed seatsAvailable accountants } } }`;

interface OrderView {
  id: string;
  quantity: number;
  status: string;
  unitPriceCents: number;
  totalCents: number;
  totalInclVatCents: number;
  paymentReference: string;
  paymentInstructions: string;
  orderedByName: string;
  provider: string;
}

function validSettingsInput(version: number, overrides: Record<string, unknown> = {}) {
  return {
    version,
    name: 'Menuiserie Martin SAS',
    siret: '812 345 678 00021',
    vatNumber: 'fr 12 812345678',
    addressLine: '3 place du Marché',
    postalCode: '38000',
    city: 'Grenoble',
    country: 'fr',
    quotePrefix: 'dv',
    invoicePrefix: 'FAC',
    creditNotePrefix: 'AV',
    priceRequestPrefix: 'DP',
    supplierOrderPrefix: 'CF2026',
    defaultVatRate: '5.5',
    paymentTermsDays: 45,
    legalMentions: 'Escompte pour paiement anticipé : néant.',
    ...overrides,
  };
}

describe('subscription, seats and settings of the session’s dossier (Paramètres)', () => {
  let t: TestApp;
  let d: FixtureDossier;
  let other: FixtureDossier;

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDossier(t, {
      plan: Plan.TPE_PLUS,
      extraSeats: 2,
      profiles: [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL, Profile.ACHAT, Profile.ACCOUNTANT],
    });
    other = await createDossier(t, { plan: Plan.TPE, extraSeats: 0, profiles: [Profile.OWNER] });
  });
  afterAll(() => t.close());

  it('opens subscription, seat orders, settings and users to OWNER and ADV only', async () => {
    const order = await d.client(Profile.OWNER).data<{ orderSeats: OrderView }>(ORDER, { q: 1 });
    const operations: [string, Record<string, unknown>][] = [
      [SUBSCRIPTION, {}],
      [ORDER, { q: 1 }],
      [CANCEL, { id: order.orderSeats.id }],
      [SETTINGS, {}],
      [UPDATE_SETTINGS, { input: validSettingsInput(1) }],
      [USERS, {}],
    ];
    for (const profile of [Profile.COMMERCIAL, Profile.ACHAT, Profile.ACCOUNTANT]) {
      for (const [query, vars] of operations) {
        expect([profile, query.slice(0, 40), await d.client(profile).errorCode(query, vars)]).toEqual([profile, query.slice(0, 40), 'FORBIDDEN']);
      }
    }
    for (const profile of [Profile.OWNER, Profile.ADV]) {
      for (const query of [SUBSCRIPTION, SETTINGS, USERS]) {
        expect(await d.client(profile).errorCode(query)).toBeUndefined();
      }
    }
    // Nothing was ordered or cancelled by the refused profiles.
    const orders = await t.app.dataSource.getRepository(SeatOrder).findBy({ dossierId: d.dossier.id });
    expect(orders.map((o) => o.status)).toEqual(['PENDING_PAYMENT']);
    await d.client(Profile.ADV).data(CANCEL, { id: order.orderSeats.id });
    expect(await t.client().errorCode(SUBSCRIPTION)).toBe('UNAUTHENTICATED');
  });

  it('reports the plan and seats: the accountant takes no seat, pending orders add none', async () => {
    const { mySubscription: sub } = await d.client(Profile.ADV).data<{ mySubscription: Record<string, unknown> }>(SUBSCRIPTION);
    expect(sub).toMatchObject({
      plan: 'TPE_PLUS',
      includedSeats: 2,
      extraSeats: 2,
      totalSeats: 4,
      seatsUsed: 4,
      seatsAvailable: 0,
      accountantAccess: true,
      accountants: 1,
      canOrderSeats: true,
      seatUnitPriceCents: 900,
    });
  });

  it('orders extra seats as PENDING_PAYMENT with bank transfer instructions, without adding seats', async () => {
    const { orderSeats: order } = await d.client(Profile.OWNER).data<{ orderSeats: OrderView }>(ORDER, { q: 3 });
    expect(order).toMatchObject({
      quantity: 3,
      status: 'PENDING_PAYMENT',
      unitPriceCents: 900,
      totalCents: 2700,
      totalInclVatCents: 3240,
      provider: 'BANK_TRANSFER',
      orderedByName: d.as.OWNER!.user.name,
    });
    expect(order.paymentReference).toMatch(/^CPT-[A-Z2-9]{8}$/);
    expect(order.paymentInstructions).toContain('IBAN');
    expect(order.paymentInstructions).toContain(order.paymentReference);
    expect(order.paymentInstructions).toContain('32,40 €');
    const { mySubscription: sub } = await d.client(Profile.OWNER).data<{ mySubscription: { extraSeats: number; orders: OrderView[] } }>(SUBSCRIPTION);
    expect(sub.extraSeats).toBe(2);
    expect(sub.orders[0]).toMatchObject({ id: order.id, status: 'PENDING_PAYMENT' });
  });

  it('refuses a quantity outside 1..50 and writes nothing', async () => {
    const before = await sqlAudit.exempt('counts every dossier: proves nothing was written anywhere', () => t.app.dataSource.getRepository(SeatOrder).count());
    for (const q of [0, -1, 51]) {
      const result = await d.client(Profile.OWNER).exec(ORDER, { q });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quantity' });
    }
    expect(await sqlAudit.exempt('counts every dossier: proves nothing was written anywhere', () => t.app.dataSource.getRepository(SeatOrder).count())).toBe(before);
  });

  it('refuses extra seats on the SOLO plan (PLAN_LIMIT)', async () => {
    const solo = await createDossier(t, { plan: Plan.SOLO, extraSeats: 0, profiles: [Profile.OWNER] });
    expect(await solo.client(Profile.OWNER).errorCode(ORDER, { q: 1 })).toBe('PLAN_LIMIT');
    const { mySubscription: sub } = await solo.client(Profile.OWNER).data<{ mySubscription: Record<string, unknown> }>(SUBSCRIPTION);
    expect(sub).toMatchObject({ plan: 'SOLO', totalSeats: 1, seatsUsed: 1, seatsAvailable: 0, canOrderSeats: false, accountantAccess: false });
  });

  it('cancels a pending order once; a cancelled one answers CONFLICT', async () => {
    const { orderSeats: order } = await d.client(Profile.OWNER).data<{ orderSeats: OrderView }>(ORDER, { q: 1 });
    const { cancelSeatOrder: cancelled } = await d.client(Profile.ADV).data<{ cancelSeatOrder: { status: string; cancelledAt: string } }>(CANCEL, { id: order.id });
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.cancelledAt).toBeTruthy();
    expect(await d.client(Profile.OWNER).errorCode(CANCEL, { id: order.id })).toBe('CONFLICT');
  });

  it('answers NOT_FOUND for another dossier’s seat order and leaves it pending', async () => {
    const { orderSeats: theirs } = await other.client(Profile.OWNER).data<{ orderSeats: OrderView }>(ORDER, { q: 1 });
    expect(await d.client(Profile.OWNER).errorCode(CANCEL, { id: theirs.id })).toBe('NOT_FOUND');
    expect(await d.client(Profile.OWNER).errorCode(CANCEL, { id: '00000000-0000-4000-8000-000000000000' })).toBe('NOT_FOUND');
    const row = await t.app.dataSource.getRepository(SeatOrder).findOneByOrFail({ id: theirs.id, dossierId: other.dossier.id });
    expect(row.status).toBe('PENDING_PAYMENT');
    const { mySubscription: sub } = await d.client(Profile.OWNER).data<{ mySubscription: { orders: OrderView[] } }>(SUBSCRIPTION);
    expect(sub.orders.map((o) => o.id)).not.toContain(theirs.id);
  });

  it('lists the dossier’s users with their profile, the principal user first, and the seats', async () => {
    const { dossierUsers } = await d.client(Profile.ADV).data<{
      dossierUsers: { members: { email: string; profile: string; isPrincipal: boolean }[]; seats: Record<string, unknown> };
    }>(USERS);
    expect(dossierUsers.members).toHaveLength(5);
    expect(dossierUsers.members[0]).toMatchObject({ email: d.as.OWNER!.user.email, profile: 'OWNER', isPrincipal: true });
    expect(dossierUsers.members.filter((m) => m.isPrincipal)).toHaveLength(1);
    expect(dossierUsers.members.map((m) => m.profile).sort()).toEqual(['ACCOUNTANT', 'ACHAT', 'ADV', 'COMMERCIAL', 'OWNER']);
    expect(dossierUsers.seats).toMatchObject({ plan: 'TPE_PLUS', totalSeats: 4, seatsUsed: 4, seatsAvailable: 0, accountants: 1 });
    const { dossierUsers: theirs } = await other.client(Profile.OWNER).data<{ dossierUsers: { members: { email: string }[] } }>(USERS);
    expect(theirs.members.map((m) => m.email)).toEqual([other.as.OWNER!.user.email]);
  });

  it('refuses two document types sharing a prefix (legal numbers are unique per dossier across types)', async () => {
    const { dossierSettings: before } = await d.client(Profile.OWNER).data<{ dossierSettings: { version: number } }>(SETTINGS);
    const result = await d.client(Profile.OWNER).exec(UPDATE_SETTINGS, { input: validSettingsInput(before.version, { creditNotePrefix: 'fac' }) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DUPLICATE_PREFIX', field: 'input.creditNotePrefix' });
    expect((await d.client(Profile.OWNER).data<{ dossierSettings: { version: number } }>(SETTINGS)).dossierSettings.version).toBe(before.version);
  });

  it('reads and updates the dossier settings, normalized, with an optimistic version', async () => {
    const { dossierSettings: before } = await d.client(Profile.OWNER).data<{ dossierSettings: { version: number; invoicePrefix: string } }>(SETTINGS);
    expect(before.invoicePrefix).toBe('FA');
    const { updateDossierSettings: after } = await d.client(Profile.ADV).data<{ updateDossierSettings: Record<string, unknown> }>(UPDATE_SETTINGS, {
      input: validSettingsInput(before.version),
    });
    expect(after).toMatchObject({
      version: before.version + 1,
      name: 'Menuiserie Martin SAS',
      siret: '81234567800021',
      vatNumber: 'FR12812345678',
      quotePrefix: 'DV',
      invoicePrefix: 'FAC',
      defaultVatRate: '5.5',
      paymentTermsDays: 45,
      country: 'FR',
    });
    const stored = await t.app.dataSource.getRepository(Dossier).findOneByOrFail({ id: d.dossier.id });
    expect(stored.settings.supplierOrderPrefix).toBe('CF2026');
    expect(stored.name).toBe('Menuiserie Martin SAS');
    // The other engineer's edit based on the old version is refused.
    const stale = await d.client(Profile.OWNER).exec(UPDATE_SETTINGS, { input: validSettingsInput(before.version, { name: 'Lost update' }) });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: before.version + 1 });
    expect((await t.app.dataSource.getRepository(Dossier).findOneByOrFail({ id: d.dossier.id })).name).toBe('Menuiserie Martin SAS');
    // Another dossier's settings are untouched.
    expect((await t.app.dataSource.getRepository(Dossier).findOneByOrFail({ id: other.dossier.id })).name).toBe(other.dossier.name);
  });

  it('refuses invalid settings with the field in error and changes nothing', async () => {
    const { dossierSettings: current } = await d.client(Profile.OWNER).data<{ dossierSettings: { version: number; name: string } }>(SETTINGS);
    const cases: [Record<string, unknown>, string][] = [
      [{ siret: '81234567800022' }, 'input.siret'],
      [{ siret: '1234' }, 'input.siret'],
      [{ vatNumber: '12-34' }, 'input.vatNumber'],
      [{ invoicePrefix: 'FACTURE' }, 'input.invoicePrefix'],
      [{ quotePrefix: 'D-V' }, 'input.quotePrefix'],
      [{ creditNotePrefix: '' }, 'input.creditNotePrefix'],
      [{ defaultVatRate: 19.6 }, 'input.defaultVatRate'],
      [{ paymentTermsDays: 121 }, 'input.paymentTermsDays'],
      [{ paymentTermsDays: -1 }, 'input.paymentTermsDays'],
      [{ legalMentions: 'x'.repeat(2001) }, 'input.legalMentions'],
      [{ name: '  ' }, 'input.name'],
      [{ country: 'FRA' }, 'input.country'],
    ];
    for (const [override, field] of cases) {
      const result = await d.client(Profile.OWNER).exec(UPDATE_SETTINGS, { input: validSettingsInput(current.version, { name: 'Changed', ...override }) });
      expect([field, result.errors?.[0]?.extensions]).toEqual([field, expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
    }
    const { dossierSettings: after } = await d.client(Profile.OWNER).data<{ dossierSettings: { version: number; name: string } }>(SETTINGS);
    expect(after).toEqual(current);
    // The limits themselves are accepted.
    const ok = await d.client(Profile.OWNER).exec(UPDATE_SETTINGS, {
      input: validSettingsInput(current.version, { legalMentions: 'x'.repeat(2000), paymentTermsDays: 120, defaultVatRate: 0, siret: null, invoicePrefix: 'ABC123' }),
    });
    expect(ok.errors).toBeUndefined();
  });
});

describe('the seat helpers work on the dossier of the context they are given', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('counts and locks the session’s dossier, or the one named by inDossier, and refuses another dossier’s row', async () => {
    const a = await createDossier(t, { plan: Plan.TPE, extraSeats: 0, profiles: [Profile.OWNER, Profile.ADV] });
    const b = await createDossier(t, { plan: Plan.TPE_PLUS, extraSeats: 2, profiles: [Profile.OWNER] });
    const owner = await a.client(Profile.OWNER).context();
    expect((await seatUsage(owner, a.dossier)).seatsUsed).toBe(2);
    expect((await membersOf(owner)).map((m) => m.profile)).toEqual([Profile.OWNER, Profile.ADV]);
    await expect(seatUsage(owner, b.dossier)).rejects.toThrow(/not the context's/);
    const support = await (await createSupportClient(t)).client.context();
    const onB = support.inDossier(b.dossier.id, 'platformAdmin');
    expect((await seatUsage(onB, b.dossier)).seatsUsed).toBe(1);
    expect((await membersOf(onB)).map((m) => m.userId)).toEqual([b.as.OWNER!.user.id]);
    await onB.transaction(async (tx) => expect((await lockDossier(tx)).id).toBe(b.dossier.id));
    await expect(support.transaction((tx) => lockDossier(tx.inDossier('no-such-dossier', 'platformAdmin')))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(lockDossier(onB)).rejects.toThrow(/inside the transaction/);
  });
});
