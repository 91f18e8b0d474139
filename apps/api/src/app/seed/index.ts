import type { AppServices } from '../../core/context';
import { Dossier } from '../../modules/identity/dossier.entity';
import { seedIdentity, type DemoIdentity } from './identity.seed';
import { seedDocuments } from './documents.seed';
import { seedSupport } from './support.seed';
import { seedAccounting } from './accounting.seed';

export interface SeedReport {
  logins: { email: string; password: string; what: string }[];
}

/** True when the database has no dossier yet (a fresh install). */
export async function isEmpty(app: AppServices): Promise<boolean> {
  return (await app.dataSource.getRepository(Dossier).count()) === 0;
}

/**
 * Creates the demo data: dossiers, users of every profile, customers, articles and
 * documents. Each feature adds its part below, in dependency order.
 */
export async function seedDemo(app: AppServices): Promise<SeedReport> {
  const identity: DemoIdentity = await seedIdentity(app);
  await seedDocuments(app, identity);
  await seedSupport(app, identity);
  await seedAccounting(app, identity);
  return { logins: identity.logins };
}

export function describeLogins(report: SeedReport): string {
  const lines = report.logins.map((l) => `  ${l.email.padEnd(36)} ${l.password.padEnd(16)} ${l.what}`);
  return ['Demo data created. Log in with:', ...lines].join('\n');
}
