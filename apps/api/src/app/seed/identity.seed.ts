import type { EntityManager } from 'typeorm';
import { Plan, PlatformRole, Profile } from '@comptoir/schema';
import type { AppServices } from '../../core/context';
import { DEFAULT_DOSSIER_SETTINGS, Dossier } from '../../modules/identity/dossier.entity';
import { BankTransferProvider, SEAT_UNIT_PRICE_CENTS } from '../../modules/dossiers/payment-provider';
import { SeatOrder, SeatOrderStatus } from '../../modules/dossiers/seat-order.entity';
import { withVat } from '../../modules/dossiers/subscription.service';
import { AdminAction, AdminActionKind } from '../../modules/admin/admin-action.entity';
import { Membership } from '../../modules/identity/membership.entity';
import { hashPassword } from '../../modules/identity/password';
import { User } from '../../modules/identity/user.entity';

export const DEMO_PASSWORD = 'Comptoir-demo-2026';

export interface DemoLogin {
  email: string;
  password: string;
  what: string;
}

export interface DemoIdentity {
  /** The main demo dossier, Atelier Dupont SARL (TPE_PLUS). */
  dossier: Dossier;
  /** Its principal user (OWNER), claire@atelier-dupont.fr. */
  owner: User;
  /** One user of each profile of the main dossier, to attribute documents to several users. */
  members: Record<Profile, User>;
  /** Dupont Conseil EURL (TPE): same owner login, so the dossier picker shows after login. */
  secondDossier: Dossier;
  /** Boulangerie Martin (TPE_PLUS): another client of the same accountant. */
  accountantDossier: Dossier;
  support: User;
  logins: DemoLogin[];
}

function dossierData(data: Partial<Dossier> & Pick<Dossier, 'name' | 'plan'>): Partial<Dossier> {
  return {
    siret: null,
    vatNumber: null,
    addressLine: null,
    postalCode: null,
    city: null,
    country: 'FR',
    settings: DEFAULT_DOSSIER_SETTINGS,
    extraSeats: 0,
    ...data,
  };
}

async function seatOrder(
  em: EntityManager,
  dossier: Dossier,
  orderedBy: User,
  quantity: number,
  paid: { by: User; at: Date; reference: string } | null,
  createdAt: Date,
): Promise<SeatOrder> {
  const provider = new BankTransferProvider();
  const totalCents = quantity * SEAT_UNIT_PRICE_CENTS;
  const totalInclVatCents = withVat(totalCents);
  const paymentReference = provider.newReference();
  // A new row: inserted (save would first look it up by id alone, outside its dossier).
  const order = em.create(SeatOrder, {
    dossierId: dossier.id,
    quantity,
    unitPriceCents: SEAT_UNIT_PRICE_CENTS,
    totalCents,
    totalInclVatCents,
    status: paid ? SeatOrderStatus.PAID : SeatOrderStatus.PENDING_PAYMENT,
    provider: provider.code,
    paymentReference,
    paymentInstructions: provider.instructions({ dossierName: dossier.name, quantity, amountCents: totalInclVatCents, reference: paymentReference }).text,
    orderedById: orderedBy.id,
    paidAt: paid?.at ?? null,
    markedPaidById: paid?.by.id ?? null,
    receivedReference: paid?.reference ?? null,
    cancelledAt: null,
    cancelledById: null,
    createdAt,
  });
  await em.insert(SeatOrder, order);
  return order;
}

/**
 * The demo logins: Atelier Dupont SARL (TPE_PLUS) with one user of each profile,
 * a second dossier of the same owner (the picker), a third dossier of the same
 * accountant, and a support account. Every login uses DEMO_PASSWORD.
 */
export async function seedIdentity(app: AppServices): Promise<DemoIdentity> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return app.dataSource.transaction(async (em) => {
    const user = (email: string, name: string, phone: string | null, platformRole: PlatformRole | null = null) =>
      em.save(em.create(User, { email, name, phone, passwordHash, platformRole }));
    const member = (u: User, d: Dossier, profile: Profile, isPrincipal = false) =>
      em.save(em.create(Membership, { userId: u.id, dossierId: d.id, profile, isPrincipal }));

    // Four logins take a seat (the accountant takes none): 2 included + 3 paid leaves one free seat.
    const dossier = await em.save(
      em.create(
        Dossier,
        dossierData({
          name: 'Atelier Dupont SARL',
          siret: '81234567800021',
          vatNumber: 'FR12812345678',
          addressLine: '12 rue des Artisans',
          postalCode: '69003',
          city: 'Lyon',
          plan: Plan.TPE_PLUS,
          extraSeats: 3,
        }),
      ),
    );
    const owner = await user('claire@atelier-dupont.fr', 'Claire Dupont', '+33 4 78 00 00 01');
    const adv = await user('marc@atelier-dupont.fr', 'Marc Lambert', '+33 4 78 00 00 02');
    const commercial = await user('sophie@atelier-dupont.fr', 'Sophie Martin', '+33 6 12 00 00 03');
    const achat = await user('julien@atelier-dupont.fr', 'Julien Roux', '+33 4 78 00 00 04');
    const accountant = await user('nadia@cabinet-lefevre.fr', 'Nadia Benali (Cabinet Lefèvre)', '+33 4 72 00 00 05');
    await member(owner, dossier, Profile.OWNER, true);
    await member(adv, dossier, Profile.ADV);
    await member(commercial, dossier, Profile.COMMERCIAL);
    await member(achat, dossier, Profile.ACHAT);
    await member(accountant, dossier, Profile.ACCOUNTANT);

    const support = await user('support@comptoir.fr', 'Équipe support Comptoir', null, PlatformRole.SUPPORT);

    const day = 86_400_000;
    const now = Date.now();
    const paidOrder = await seatOrder(em, dossier, owner, 3, { by: support, at: new Date(now - 40 * day), reference: 'VIR SEPA ATELIER DUPONT' }, new Date(now - 45 * day));
    await seatOrder(em, dossier, adv, 1, null, new Date(now - 2 * day));
    await em.save(
      em.create(AdminAction, {
        supportUserId: support.id,
        kind: AdminActionKind.MARK_SEAT_ORDER_PAID,
        dossierId: dossier.id,
        targetUserId: null,
        detail: {
          before: { status: SeatOrderStatus.PENDING_PAYMENT, extraSeats: 0 },
          after: { status: SeatOrderStatus.PAID, extraSeats: 3 },
          orderId: paidOrder.id,
          quantity: 3,
          paymentReference: paidOrder.paymentReference,
          receivedReference: 'VIR SEPA ATELIER DUPONT',
        },
        createdAt: new Date(now - 40 * day),
      }),
    );

    const secondDossier = await em.save(
      em.create(
        Dossier,
        dossierData({
          name: 'Dupont Conseil EURL',
          siret: '90123456700013',
          vatNumber: 'FR45901234567',
          addressLine: '4 quai Saint-Vincent',
          postalCode: '69001',
          city: 'Lyon',
          plan: Plan.TPE,
        }),
      ),
    );
    await member(owner, secondDossier, Profile.OWNER, true);

    const accountantDossier = await em.save(
      em.create(
        Dossier,
        dossierData({ name: 'Boulangerie Martin', postalCode: '69007', city: 'Lyon', addressLine: '27 avenue Jean-Jaurès', plan: Plan.TPE_PLUS }),
      ),
    );
    const baker = await user('paul@boulangerie-martin.fr', 'Paul Martin', '+33 4 78 00 00 06');
    await member(baker, accountantDossier, Profile.OWNER, true);
    await member(accountant, accountantDossier, Profile.ACCOUNTANT);

    const members: Record<Profile, User> = {
      [Profile.OWNER]: owner,
      [Profile.ADV]: adv,
      [Profile.COMMERCIAL]: commercial,
      [Profile.ACHAT]: achat,
      [Profile.ACCOUNTANT]: accountant,
    };
    const login = (u: User, what: string): DemoLogin => ({ email: u.email, password: DEMO_PASSWORD, what });
    return {
      dossier,
      owner,
      members,
      secondDossier,
      accountantDossier,
      support,
      logins: [
        login(owner, 'OWNER of Atelier Dupont SARL (TPE+) and of Dupont Conseil EURL (TPE): dossier picker'),
        login(adv, 'ADV of Atelier Dupont SARL'),
        login(commercial, 'COMMERCIAL of Atelier Dupont SARL (quotes only)'),
        login(achat, 'ACHAT of Atelier Dupont SARL (purchases only)'),
        login(accountant, 'ACCOUNTANT (Cabinet Lefèvre) of Atelier Dupont SARL and Boulangerie Martin: dossier picker'),
        login(baker, 'OWNER of Boulangerie Martin (TPE+)'),
        login(support, 'SUPPORT team: /admin'),
      ],
    };
  });
}
