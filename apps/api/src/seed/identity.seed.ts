import { Plan, Profile } from '@comptoir/schema';
import type { AppServices } from '../core/context';
import { DEFAULT_DOSSIER_SETTINGS, Dossier } from '../modules/dossiers/dossier.entity';
import { Membership } from '../modules/identity/membership.entity';
import { hashPassword } from '../modules/identity/password';
import { User } from '../modules/identity/user.entity';

export const DEMO_PASSWORD = 'Comptoir-demo-2026';

export interface DemoIdentity {
  dossier: Dossier;
  owner: User;
  logins: { email: string; password: string; what: string }[];
}

export async function seedIdentity(app: AppServices): Promise<DemoIdentity> {
  return app.dataSource.transaction(async (em) => {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const dossier = await em.save(
      em.create(Dossier, {
        name: 'Atelier Dupont SARL',
        siret: '81234567800021',
        vatNumber: 'FR12812345678',
        addressLine: '12 rue des Artisans',
        postalCode: '69003',
        city: 'Lyon',
        country: 'FR',
        settings: DEFAULT_DOSSIER_SETTINGS,
        plan: Plan.TPE_PLUS,
        extraSeats: 3,
      }),
    );
    const owner = await em.save(
      em.create(User, { email: 'claire@atelier-dupont.fr', name: 'Claire Dupont', phone: '+33 4 78 00 00 01', passwordHash, platformRole: null }),
    );
    await em.save(em.create(Membership, { userId: owner.id, dossierId: dossier.id, profile: Profile.OWNER, isPrincipal: true }));
    return {
      dossier,
      owner,
      logins: [{ email: owner.email, password: DEMO_PASSWORD, what: 'OWNER of Atelier Dupont SARL' }],
    };
  });
}
