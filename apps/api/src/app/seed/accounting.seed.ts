import { AccountingBatchStatus, Profile } from '@comptoir/schema';
import type { AppServices } from '../../core/context';
import { RequestContext } from '../../core/context';
import { MemoryCookieJar } from '../../core/cookies';
import { withClock } from '../../core/clock';
import { AccountingBatch } from '../../modules/accounting/accounting.entity';
import { accountingSettings, collectBatch, updateAccountingSettings } from '../../modules/accounting/accounting.service';
import { runBatchJob } from '../../modules/accounting-downloads/batch.jobs';
import type { User } from '../../modules/identity/user.entity';
import type { DemoIdentity } from './identity.seed';

function contextOf(app: AppServices, user: User, dossierId: string, profile: Profile): RequestContext {
  return new RequestContext(
    app,
    { sessionId: 'seed', userId: user.id, email: user.email, name: user.name, dossierId, profile, platformRole: null },
    { requestId: 'seed', ip: null, userAgent: 'seed' },
    new MemoryCookieJar(),
  );
}

/**
 * Accounting of the demo: the entries were written when the seed issued its invoices
 * and credit notes (six months of them, hence monthly batches); the accountant set a
 * SIREN on both client dossiers and collected the oldest batch of Atelier Dupont.
 */
export async function seedAccounting(app: AppServices, identity: DemoIdentity): Promise<void> {
  const accountant = identity.members[Profile.ACCOUNTANT];
  for (const [dossier, siren] of [
    [identity.dossier, '812345678'],
    [identity.accountantDossier, '732829320'],
  ] as const) {
    const ctx = contextOf(app, accountant, dossier.id, Profile.ACCOUNTANT);
    const current = await accountingSettings(ctx);
    const { version, effectiveSiren: _effective, ...chart } = current;
    await updateAccountingSettings(ctx, { ...chart, siren: isLuhn(siren) ? siren : null, version });
  }
  const ctx = contextOf(app, accountant, identity.dossier.id, Profile.ACCOUNTANT);
  const [oldest] = await ctx.scoped(AccountingBatch, 'Accounting batch').find({ where: { status: AccountingBatchStatus.OPEN }, order: { periodStart: 'ASC' }, take: 1 });
  if (!oldest) return;
  const end = new Date(`${oldest.periodEnd}T09:30:00Z`);
  // Collecting queues the batch's job; the demo runs it at once, on the demo's clock.
  await withClock(new Date(Math.min(end.getTime() + 5 * 86_400_000, Date.now() - 60_000)), async () => {
    await collectBatch(ctx, oldest.id, oldest.version);
    await runBatchJob(ctx, oldest.id, async () => undefined);
  });
}

function isLuhn(value: string): boolean {
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    let d = Number(value[value.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}
