import type { RequestContext } from '../../core/context';
import type { JobState } from '../../core/jobs';
import { AccountingBatchFile, type AccountingBatch } from './accounting.entity';

/**
 * `accounting.batch`: what collecting a batch sets going in the background — the
 * « Inclus dans le lot n° N » / « Collecté par … » history of each of its documents
 * and the FEC as collected, stored in `accounting_batch_files` (any node serves it).
 * Its handler lives with the FEC writer (`accounting-downloads/batch.jobs.ts`).
 */
export const ACCOUNTING_BATCH_JOB = 'accounting.batch';

/** A batch is collected once (a collected batch never changes): its id is the idempotency key. */
export const batchJobId = (batchId: string) => `accounting-batch-${batchId}`;

export interface BatchJobData {
  batchId: string;
  dossierId: string;
  /** Who collected it: the job writes the history as them. */
  userId: string;
}

/** Queues the job of a collected batch (adding it again while it is known is a no-op). */
export async function queueBatchJob(ctx: RequestContext, batch: Pick<AccountingBatch, 'id' | 'collectedById'>): Promise<string> {
  const data: BatchJobData = { batchId: batch.id, dossierId: ctx.dossierId, userId: batch.collectedById ?? ctx.userId };
  return ctx.app.jobs.add(ACCOUNTING_BATCH_JOB, data, { id: batchJobId(batch.id), dossierId: ctx.dossierId, attempts: 5, backoffMs: 1000 });
}

export interface BatchGeneration {
  jobId: string;
  /** READY once stored; else the job's state: waiting, active, delayed (retry to come), failed. */
  state: 'READY' | JobState;
  progress: number;
  fecSha256: string | null;
}

/**
 * Where a collected batch's job stands (null for an open batch). A collected batch
 * whose job this queue does not know (an in-process queue restarted before it ran)
 * is queued again here, so it always ends READY.
 */
export async function batchGeneration(ctx: RequestContext, batch: AccountingBatch & { file?: Pick<AccountingBatchFile, 'fecSha256'> | null }): Promise<BatchGeneration | null> {
  if (batch.status !== 'COLLECTED') return null;
  const file = batch.file !== undefined ? batch.file : await ctx.scoped(AccountingBatchFile, 'Accounting batch file').findOneBy({ batchId: batch.id });
  const jobId = batchJobId(batch.id);
  if (file) return { jobId, state: 'READY', progress: 100, fecSha256: file.fecSha256 };
  let job = await ctx.app.jobs.get(jobId);
  if (!job) {
    await queueBatchJob(ctx, batch);
    job = await ctx.app.jobs.get(jobId);
  }
  return { jobId, state: job?.state === 'completed' ? 'READY' : (job?.state ?? 'waiting'), progress: job?.progress ?? 0, fecSha256: null };
}
