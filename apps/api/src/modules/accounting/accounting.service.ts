import { AccountingBatchStatus, isValidSiren, Profile } from '@comptoir/schema';
import type { RequestContext } from '../../core/context';
import { clock, isoDay } from '../../core/clock';
import { badInput, conflict, notFound } from '../../core/errors';
import { Dossier } from '../identity/dossier.entity';
import { Customer } from '../parties/party.entity';
import { HistoryEntityType, HistoryEntryType } from '../history/history-entry.entity';
import { recordHistory } from '../history/history.service';
import { AccountingBatch, AccountingBatchFile, AccountingEntry, AccountingEntryLine, AccountingSettings, CustomerAccount } from './accounting.entity';
import { queueBatchJob } from './batch-job';
import type { AccountingSettingsInput } from './accounting.types';
import { chartOf, codeStem, type ChartValues } from './chart';
import { addDays, lockAccounting, counter, periodLabel } from './periods';
import { freeCode } from './posting.service';

const BATCH = 'Accounting batch';

// ---------------------------------------------------------------------------
// Chart of accounts
// ---------------------------------------------------------------------------

export interface AccountingSettingsView extends ChartValues {
  version: number;
  effectiveSiren: string | null;
}

async function dossierSiren(ctx: RequestContext): Promise<string | null> {
  const dossier = await ctx.platform(Dossier).findOne({ where: { id: ctx.dossierId }, select: { id: true, siret: true } });
  return dossier?.siret ? dossier.siret.slice(0, 9) : null;
}

function viewOf(settings: AccountingSettings, fallbackSiren: string | null): AccountingSettingsView {
  return {
    version: settings.version,
    siren: settings.siren,
    effectiveSiren: settings.siren ?? fallbackSiren,
    salesJournalCode: settings.salesJournalCode,
    salesJournalName: settings.salesJournalName,
    bankJournalCode: settings.bankJournalCode,
    bankJournalName: settings.bankJournalName,
    customerAccount: settings.customerAccount,
    bankAccount: settings.bankAccount,
    goodsRevenueAccount: settings.goodsRevenueAccount,
    servicesRevenueAccount: settings.servicesRevenueAccount,
    vatAccount20: settings.vatAccount20,
    vatAccount10: settings.vatAccount10,
    vatAccount55: settings.vatAccount55,
    vatAccount21: settings.vatAccount21,
  };
}

export async function accountingSettings(ctx: RequestContext): Promise<AccountingSettingsView> {
  return viewOf(await chartOf(ctx), await dossierSiren(ctx));
}

/** Saves the chart (the zod schema checked every field); CONFLICT STALE_SETTINGS on a stale version. */
export async function updateAccountingSettings(ctx: RequestContext, input: AccountingSettingsInput): Promise<AccountingSettingsView> {
  const siren = input.siren?.replace(/\s+/g, '') || null;
  const values: ChartValues = {
    siren,
    salesJournalCode: input.salesJournalCode.trim().toUpperCase(),
    salesJournalName: input.salesJournalName.trim(),
    bankJournalCode: input.bankJournalCode.trim().toUpperCase(),
    bankJournalName: input.bankJournalName.trim(),
    customerAccount: input.customerAccount.trim(),
    bankAccount: input.bankAccount.trim(),
    goodsRevenueAccount: input.goodsRevenueAccount.trim(),
    servicesRevenueAccount: input.servicesRevenueAccount.trim(),
    vatAccount20: input.vatAccount20.trim(),
    vatAccount10: input.vatAccount10.trim(),
    vatAccount55: input.vatAccount55.trim(),
    vatAccount21: input.vatAccount21.trim(),
  };
  // The zod schema checked all this before the resolver; a script calling the service directly is checked here.
  if (siren !== null && !isValidSiren(siren)) throw badInput('INVALID_SIREN', 'siren must be 9 digits with a valid check key', 'input.siren');
  for (const [field, root] of [['customerAccount', '411'], ['bankAccount', '512'], ['goodsRevenueAccount', '70'], ['servicesRevenueAccount', '70'], ['vatAccount20', '4457'], ['vatAccount10', '4457'], ['vatAccount55', '4457'], ['vatAccount21', '4457']] as const) {
    if (!new RegExp(`^${root}\\d*$`).test(values[field]) || values[field].length < 3 || values[field].length > 12) {
      throw badInput('INVALID_ACCOUNT', `${field} must be an account number of 3 to 12 digits starting with ${root}`, `input.${field}`);
    }
  }
  if (values.salesJournalCode === values.bankJournalCode) {
    throw badInput('DUPLICATE_ACCOUNT_CODE', 'The sales and bank journals need different codes', 'input.bankJournalCode');
  }
  return ctx.transaction(async (tx) => {
    await lockAccounting(tx);
    const repo = tx.scoped(AccountingSettings, 'Accounting settings');
    const current = await chartOf(tx);
    if (current.version !== input.version) {
      throw conflict('STALE_SETTINGS', 'The accounting settings were changed by someone else: reload them and apply your change again', { currentVersion: current.version });
    }
    if (current.version === 0) {
      await repo.insert(repo.create({ ...values, version: 1 }));
    } else {
      await repo.update({ id: current.id, version: current.version }, { ...values, version: current.version + 1 });
    }
    return viewOf((await repo.findOneBy({}))!, await dossierSiren(tx));
  });
}

// ---------------------------------------------------------------------------
// Customer auxiliary codes
// ---------------------------------------------------------------------------

export interface CustomerAccountView {
  customerId: string;
  customerName: string;
  code: string;
  auxiliaryAccount: string;
  stored: boolean;
  used: boolean;
}

/** Every customer with its code (the stored one, or the one its first entry would get). */
export async function customerAccounts(ctx: RequestContext, first = 500): Promise<CustomerAccountView[]> {
  const customers = await ctx.scoped(Customer, 'Customer').find({ order: { legalName: 'ASC', id: 'ASC' }, take: first, select: { id: true, legalName: true, dossierId: true } });
  const accounts = await ctx.scoped(CustomerAccount, 'Customer account').find();
  const byCustomer = new Map(accounts.map((a) => [a.customerId, a]));
  const taken = new Set(accounts.map((a) => a.code));
  return customers.map((c) => {
    const account = byCustomer.get(c.id);
    let code = account?.code;
    if (!code) {
      const stem = codeStem(c.legalName);
      code = stem;
      for (let i = 2; taken.has(code); i++) code = `${stem}${i}`;
      taken.add(code);
    }
    return { customerId: c.id, customerName: c.legalName, code, auxiliaryAccount: `411${code}`, stored: !!account, used: !!account?.usedAt };
  });
}

/** Sets a customer's code: BAD_USER_INPUT when another customer has it, CONFLICT once an entry used it. */
export async function updateCustomerAccountCode(ctx: RequestContext, customerId: string, rawCode: string): Promise<CustomerAccountView> {
  const code = rawCode.trim().toUpperCase();
  return ctx.transaction(async (tx) => {
    await lockAccounting(tx);
    const customer = await tx.scoped(Customer, 'Customer').get(customerId);
    const repo = tx.scoped(CustomerAccount, 'Customer account');
    const account = await repo.findOneBy({ customerId });
    if (account?.usedAt) throw conflict('ACCOUNT_CODE_USED', `The code ${account.code} is used by entries: it cannot change any more`, { accountCode: account.code });
    const other = await repo.findOneBy({ code });
    if (other && other.customerId !== customerId) throw badInput('DUPLICATE_ACCOUNT_CODE', `Another customer has the code ${code}`, 'code');
    if (account) await repo.update({ id: account.id }, { code });
    else await repo.insert(repo.create({ customerId, code: code || (await freeCode(tx, codeStem(customer.legalName))), usedAt: null }));
    return { customerId, customerName: customer.legalName, code, auxiliaryAccount: `411${code}`, stored: true, used: false };
  });
}

// ---------------------------------------------------------------------------
// Entries
// ---------------------------------------------------------------------------

export type EntryView = AccountingEntry & { lines: AccountingEntryLine[] };

async function withLines(ctx: RequestContext, entries: AccountingEntry[]): Promise<EntryView[]> {
  if (entries.length === 0) return [];
  const lines = await ctx
    .scoped(AccountingEntryLine, 'Accounting entry line')
    .query('l')
    .andWhere('l.entryId IN (:...ids)', { ids: entries.map((e) => e.id) })
    .orderBy('l.entryId')
    .addOrderBy('l.position')
    .getMany();
  const byEntry = new Map<string, AccountingEntryLine[]>();
  for (const line of lines) byEntry.set(line.entryId, [...(byEntry.get(line.entryId) ?? []), line]);
  return entries.map((e) => Object.assign(e, { lines: byEntry.get(e.id) ?? [] }));
}

/** Entries of one invoice or credit note (NOT_FOUND for a document of another dossier). */
export async function documentEntries(ctx: RequestContext, documentId: string): Promise<EntryView[]> {
  const found = (await ctx.query('SELECT `id` FROM `documents` WHERE `id` = ? AND `dossierId` = ?', [documentId, ctx.dossierId])) as unknown[];
  if (found.length === 0) throw notFound('Document', documentId);
  const entries = await ctx.scoped(AccountingEntry, 'Accounting entry').find({ where: { documentId }, order: { validatedAt: 'ASC', id: 'ASC' } });
  return withLines(ctx, entries);
}

/** Entries of a batch in order of validation (FEC order); `limit` for screens, none for downloads. */
export async function batchEntries(ctx: RequestContext, batch: AccountingBatch, limit?: number): Promise<EntryView[]> {
  const q = ctx
    .scoped(AccountingEntry, 'Accounting entry')
    .query('e')
    .andWhere('e.entryDate >= :start AND e.entryDate <= :end', { start: batch.periodStart, end: batch.periodEnd })
    .orderBy('e.validatedAt', 'ASC')
    .addOrderBy('e.journalCode', 'ASC')
    .addOrderBy('e.number', 'ASC');
  if (limit) q.limit(limit);
  return withLines(ctx, await q.getMany());
}

// ---------------------------------------------------------------------------
// Batches
// ---------------------------------------------------------------------------

export interface BatchView extends AccountingBatch {
  entryCount: number;
  totalDebitCents: number;
  totalCreditCents: number;
  /** What the batch's job stored (null while pending, and for open batches). */
  file: Pick<AccountingBatchFile, 'fecSha256'> | null;
}

/** Every batch of the dossier, latest period first, with its count and totals (one aggregate query). */
export async function listBatches(ctx: RequestContext): Promise<BatchView[]> {
  const batches = await ctx.scoped(AccountingBatch, BATCH).find({ order: { periodStart: 'DESC' } });
  const rows = (await ctx.query(
    'SELECT b.`id` AS id, COUNT(e.`id`) AS n, COALESCE(SUM(e.`totalDebitCents`), 0) AS debit, COALESCE(SUM(e.`totalCreditCents`), 0) AS credit ' +
      'FROM `accounting_batches` b JOIN `accounting_entries` e ON e.`dossierId` = b.`dossierId` AND e.`entryDate` >= b.`periodStart` AND e.`entryDate` <= b.`periodEnd` ' +
      'WHERE b.`dossierId` = ? AND e.`dossierId` = ? GROUP BY b.`id`',
    [ctx.dossierId, ctx.dossierId],
  )) as { id: string; n: number | string; debit: number | string; credit: number | string }[];
  const totals = new Map(rows.map((r) => [r.id, r]));
  const files = new Map(
    (await ctx.scoped(AccountingBatchFile, 'Accounting batch file').find({ select: { batchId: true, fecSha256: true } })).map((f) => [f.batchId, { fecSha256: f.fecSha256 }]),
  );
  return batches.map((b) => {
    const t = totals.get(b.id);
    return Object.assign(b, { entryCount: Number(t?.n ?? 0), totalDebitCents: Number(t?.debit ?? 0), totalCreditCents: Number(t?.credit ?? 0), file: files.get(b.id) ?? null });
  });
}

export async function getBatch(ctx: RequestContext, id: string): Promise<BatchView> {
  const batch = await ctx.scoped(AccountingBatch, BATCH).get(id);
  const found = (await listBatches(ctx)).find((b) => b.id === batch.id);
  return found ?? Object.assign(batch, { entryCount: 0, totalDebitCents: 0, totalCreditCents: 0, file: null });
}

export interface AccountTotal {
  accountNumber: string;
  accountLabel: string;
  auxiliaryAccount: string | null;
  debitCents: number;
  creditCents: number;
}

/** Debit and credit per account (and auxiliary account) of a batch. */
export async function accountTotals(ctx: RequestContext, batch: AccountingBatch): Promise<AccountTotal[]> {
  const rows = (await ctx.query(
    'SELECT l.`accountNumber` AS accountNumber, MIN(l.`accountLabel`) AS accountLabel, l.`auxiliaryAccount` AS auxiliaryAccount, ' +
      'SUM(l.`debitCents`) AS debit, SUM(l.`creditCents`) AS credit FROM `accounting_entry_lines` l ' +
      'JOIN `accounting_entries` e ON e.`id` = l.`entryId` AND e.`dossierId` = l.`dossierId` ' +
      'WHERE l.`dossierId` = ? AND e.`dossierId` = ? AND e.`entryDate` >= ? AND e.`entryDate` <= ? ' +
      'GROUP BY l.`accountNumber`, l.`auxiliaryAccount` ORDER BY l.`accountNumber`, l.`auxiliaryAccount`',
    [ctx.dossierId, ctx.dossierId, batch.periodStart, batch.periodEnd],
  )) as { accountNumber: string; accountLabel: string; auxiliaryAccount: string | null; debit: number | string; credit: number | string }[];
  return rows.map((r) => ({ accountNumber: r.accountNumber, accountLabel: r.accountLabel, auxiliaryAccount: r.auxiliaryAccount, debitCents: Number(r.debit), creditCents: Number(r.credit) }));
}

async function lockedBatch(tx: RequestContext, id: string, version: number): Promise<AccountingBatch> {
  await lockAccounting(tx);
  const batch = await tx.scoped(AccountingBatch, BATCH).get(id);
  if (batch.status === AccountingBatchStatus.COLLECTED) {
    throw conflict('BATCH_COLLECTED', `Batch n° ${batch.number} (${periodLabel(batch)}) was already collected by ${batch.collectedByName ?? 'someone'}`, {
      currentVersion: batch.version,
      collectedByName: batch.collectedByName,
      collectedAt: batch.collectedAt?.toISOString() ?? null,
    });
  }
  if (batch.version !== version) {
    throw conflict('STALE_VERSION', `Batch n° ${batch.number} was changed by someone else: reload it`, { currentVersion: batch.version });
  }
  return batch;
}

/**
 * Marks a batch collected (by whom, when): its period is locked from then on. Two
 * accountants at once: the accounting lock orders them, the second gets CONFLICT.
 * The batch comes back with its `accounting.batch` job pending (see batch-job.ts).
 */
export async function collectBatch(ctx: RequestContext, id: string, version: number): Promise<BatchView> {
  return ctx.transaction(async (tx) => {
    const batch = await lockedBatch(tx, id, version);
    const now = clock.now();
    const changed = await tx
      .scoped(AccountingBatch, BATCH)
      .update(
        { id: batch.id, version, status: AccountingBatchStatus.OPEN },
        { status: AccountingBatchStatus.COLLECTED, version: version + 1, collectedById: tx.userId, collectedByName: tx.user.name, collectedAt: now },
      );
    if (changed !== 1) throw conflict('BATCH_COLLECTED', `Batch n° ${batch.number} was collected meanwhile`, { currentVersion: version + 1 });
    // The rest (each document's history, the FEC as collected) is the batch's job, queued once this commits.
    const collector = tx.userId;
    tx.afterCommit(() => queueBatchJob(tx, { id: batch.id, collectedById: collector }).then(() => undefined));
    return getBatch(tx, batch.id);
  });
}

/** Ends an open batch on `until`; the days after it go to a new open batch (next number). */
export async function cutBatch(ctx: RequestContext, id: string, version: number, until: string): Promise<BatchView> {
  return ctx.transaction(async (tx) => {
    const batch = await lockedBatch(tx, id, version);
    if (until < batch.periodStart || until >= batch.periodEnd) {
      throw badInput('CUT_OUTSIDE_BATCH', `The cut date must be between ${batch.periodStart} and the day before ${batch.periodEnd}`, 'until', {
        periodStart: batch.periodStart,
        periodEnd: batch.periodEnd,
      });
    }
    const repo = tx.scoped(AccountingBatch, BATCH);
    await repo.update({ id: batch.id, version }, { periodEnd: until, version: version + 1 });
    const rest = repo.create({ number: await counter(tx, 'BATCH'), periodStart: addDays(until, 1), periodEnd: batch.periodEnd, status: AccountingBatchStatus.OPEN, version: 1 });
    rest.collectedAt = null;
    rest.collectedById = null;
    rest.collectedByName = null;
    await repo.insert(rest);
    return getBatch(tx, batch.id);
  });
}

/**
 * For the picker (session not bound yet): open batches of a dossier of the user's
 * memberships whose period has begun. `dossierId` comes from the user's own
 * memberships (me.dossiers), never from an argument.
 */
export async function uncollectedBatches(ctx: RequestContext, dossierId: string, profile: Profile): Promise<number | null> {
  if (!(PROFILES_WITH_BATCHES as readonly Profile[]).includes(profile)) return null;
  const member = (await ctx.query('SELECT 1 AS ok FROM `memberships` WHERE `userId` = ? AND `dossierId` = ?', [ctx.userId, dossierId])) as unknown[];
  if (member.length === 0) return null;
  const rows = (await ctx.query('SELECT COUNT(*) AS n FROM `accounting_batches` WHERE `dossierId` = ? AND `status` = ? AND `periodStart` <= ?', [
    dossierId,
    AccountingBatchStatus.OPEN,
    isoDay(clock.now()),
  ])) as { n: number | string }[];
  return Number(rows[0]?.n ?? 0);
}

const PROFILES_WITH_BATCHES = [Profile.OWNER, Profile.ADV, Profile.ACCOUNTANT] as const;

const frDay = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;

/** The documents whose entries fall in the batch's period, in id order. */
export async function batchDocumentIds(ctx: RequestContext, batch: Pick<AccountingBatch, 'periodStart' | 'periodEnd'>): Promise<string[]> {
  const rows = await ctx
    .scoped(AccountingEntry, 'Accounting entry')
    .query('e')
    .select('e.documentId', 'documentId')
    .distinct(true)
    .andWhere('e.entryDate >= :start AND e.entryDate <= :end AND e.documentId IS NOT NULL', { start: batch.periodStart, end: batch.periodEnd })
    .orderBy('e.documentId', 'ASC')
    .getRawMany<{ documentId: string }>();
  return rows.map((r) => r.documentId);
}

/**
 * Each document of a collected batch records, in its history, the batch it is in
 * and who collected it when (the collector's name and day, whenever the job runs).
 */
export async function recordCollection(tx: RequestContext, batch: AccountingBatch, documentIds: readonly string[], progress: (done: number) => Promise<void>): Promise<void> {
  const at = batch.collectedAt ?? clock.now();
  const who = batch.collectedByName ?? tx.user.name;
  let done = 0;
  for (const documentId of documentIds) {
    for (const label of [`Inclus dans le lot n° ${batch.number} (${periodLabel(batch)})`, `Collecté par ${who} le ${frDay(at)}`]) {
      await recordHistory(tx, {
        entityType: HistoryEntityType.DOCUMENT,
        entityId: documentId,
        documentId,
        type: HistoryEntryType.ACCOUNTING,
        data: { label, batchNumber: batch.number },
      });
    }
    await progress(++done);
  }
}
