import { createHash } from 'node:crypto';
import { AccountingBatchStatus } from '@comptoir/schema';
import type { AppServices, RequestContext } from '../../core/context';
import { clock } from '../../core/clock';
import { AppError } from '../../core/errors';
import { jobContext } from '../identity/job-context';
import { AccountingBatch, AccountingBatchFile } from '../accounting/accounting.entity';
import { batchDocumentIds, recordCollection } from '../accounting/accounting.service';
import { ACCOUNTING_BATCH_JOB, batchJobId, type BatchJobData } from '../accounting/batch-job';
import { lockAccounting } from '../accounting/periods';
import { fecFileName, fecRows, fecText, sirenFor } from './fec';

const FILES = 'Accounting batch file';

/** The dossier's SIREN, null when it has none yet (the FEC download will say so). */
async function sirenOrNull(tx: RequestContext): Promise<string | null> {
  try {
    return await sirenFor(tx);
  } catch (err) {
    if (err instanceof AppError && err.reason === 'SIREN_REQUIRED') return null;
    throw err;
  }
}

/**
 * Runs the job of a collected batch once: in one transaction, under the dossier's
 * accounting lock, the history of each document of the batch, the FEC as collected
 * and the `accounting_batch_files` row that marks it done. A run killed mid-way
 * rolled everything back; a second run (a retry, another node) finds the row and
 * does nothing — one set of history entries, one stored file.
 */
export async function runBatchJob(ctx: RequestContext, batchId: string, progress: (percent: number) => Promise<void>): Promise<'stored' | 'already'> {
  const files = () => ctx.scoped(AccountingBatchFile, FILES);
  if (await files().findOneBy({ batchId })) return 'already';
  return ctx.transaction(async (tx) => {
    await lockAccounting(tx);
    if (await tx.scoped(AccountingBatchFile, FILES).findOneBy({ batchId })) return 'already' as const;
    const batch = await tx.scoped(AccountingBatch, 'Accounting batch').get(batchId);
    if (batch.status !== AccountingBatchStatus.COLLECTED) throw new Error(`batch ${batch.number} is not collected`);
    const documentIds = await batchDocumentIds(tx, batch);
    await progress(5);
    let last = 5;
    await recordCollection(tx, batch, documentIds, async (done) => {
      const percent = 5 + Math.floor((85 * done) / documentIds.length);
      if (percent >= last + 5) await progress((last = percent));
    });
    const rows = await fecRows(tx, batch);
    const siren = await sirenOrNull(tx);
    const text = siren ? fecText(rows) : null;
    const repo = tx.scoped(AccountingBatchFile, FILES);
    await repo.insert(
      repo.create({
        batchId,
        documentCount: documentIds.length,
        entryCount: new Set(rows.map((r) => `${r.journalCode}:${r.ecritureNum}`)).size,
        fecFileName: siren ? fecFileName(siren, batch) : null,
        fecSha256: text ? createHash('sha256').update(text, 'utf8').digest('hex') : null,
        fecContent: text,
        createdAt: clock.now(),
      }),
    );
    await progress(95);
    return 'stored' as const;
  });
}

/** `accounting.batch` (see accounting/batch-job.ts). */
export function registerAccountingJobs(app: AppServices): void {
  app.jobs.register<BatchJobData>(ACCOUNTING_BATCH_JOB, async (data, run) => {
    const ctx = await jobContext(app, data, batchJobId(data.batchId));
    await runBatchJob(ctx, data.batchId, (p) => run.progress(p));
    await run.progress(100);
  });
}

/** The FEC stored when the batch was collected, when there is one. */
export async function storedFec(ctx: RequestContext, batchId: string): Promise<{ fileName: string; text: string } | null> {
  const file = await ctx.scoped(AccountingBatchFile, FILES).findOneBy({ batchId });
  if (!file?.fecContent || !file.fecFileName) return null;
  return { fileName: file.fecFileName, text: file.fecContent };
}
