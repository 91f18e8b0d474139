import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'express';
import type { AppServices, RequestContext } from '../../core/context';
import { jobContext } from '../identity/job-context';
import { ExportFormat, ExportLog, ExportStatus } from './export.entity';
import { claimExport, getExport, writeExport } from './export.service';

export const EXPORT_JOB = 'export.render';

/** The job of an export: its id is the idempotency key (adding it twice queues it once). */
export const exportJobId = (exportId: string) => `export-${exportId}`;

interface ExportJobData {
  exportId: string;
  dossierId: string;
  userId: string;
}

const extension = (log: Pick<ExportLog, 'format'>) => (log.format === ExportFormat.XLSX ? 'xlsx' : 'csv');

/** The finished file of a background export, in EXPORT_DIR (every node reads the same directory). */
export function storedExportPath(app: AppServices, log: Pick<ExportLog, 'id' | 'format'>): string {
  return join(app.config.exportDir, `${log.id}.${extension(log)}`);
}

/** Starts writing one of your PENDING exports in the background (any node's worker); then download it from any node. */
export async function runExportInBackground(ctx: RequestContext, id: string): Promise<ExportLog> {
  const log = await claimExport(ctx, id);
  const data: ExportJobData = { exportId: log.id, dossierId: ctx.dossierId, userId: ctx.userId };
  await ctx.app.jobs.add(EXPORT_JOB, data, { id: exportJobId(log.id), dossierId: ctx.dossierId, attempts: 3, backoffMs: 2000 });
  return log;
}

/** The exporter's context, as their request would have it (their current profile in the dossier). */
const exporterContext = (app: AppServices, data: ExportJobData): Promise<RequestContext> => jobContext(app, data, exportJobId(data.exportId));

/**
 * Writes the export to EXPORT_DIR: to a file of its own first, renamed into place
 * once complete, so a run killed mid-way leaves no half file under the final name,
 * and a run that finds the final file has nothing to do.
 */
export function registerExportJobs(app: AppServices): void {
  app.jobs.register<ExportJobData>(EXPORT_JOB, async (data, run) => {
    const ctx = await exporterContext(app, data);
    let log = await getExport(ctx, data.exportId);
    const final = storedExportPath(app, log);
    if (existsSync(final) || log.status === ExportStatus.CANCELLED) return;
    if (log.status !== ExportStatus.RUNNING) {
      // A run after a crash: the log may say COMPLETED or FAILED while no file was kept.
      await ctx.scoped(ExportLog, 'Export').update({ id: log.id }, { status: ExportStatus.RUNNING, cancelRequested: false });
      log = await getExport(ctx, data.exportId);
    }
    mkdirSync(app.config.exportDir, { recursive: true });
    const part = `${final}.${process.pid}.part`;
    const out = createWriteStream(part);
    const total = log.totalRows ?? 0;
    const ticker = setInterval(() => {
      void getExport(ctx, data.exportId)
        .then((l) => (total > 0 ? run.progress((100 * l.rowsWritten) / total) : undefined))
        .catch(() => undefined);
    }, 500);
    try {
      const outcome = await writeExport(ctx, log, out);
      if (!out.writableFinished) {
        out.end();
        await once(out, 'finish');
      }
      if (outcome.complete) renameSync(part, final);
      else rmSync(part, { force: true });
      if (outcome.log.status === ExportStatus.FAILED) throw new Error(outcome.log.error ?? 'export failed');
    } finally {
      clearInterval(ticker);
      rmSync(part, { force: true });
    }
    await run.progress(100);
  });
}

/** Sends a finished background export when this node can read it; false when there is none (the caller streams instead). */
export async function sendStoredExport(ctx: RequestContext, id: string, res: Response): Promise<boolean> {
  const log = await getExport(ctx, id);
  if (log.userId !== ctx.userId || log.status !== ExportStatus.COMPLETED) return false;
  const path = storedExportPath(ctx.app, log);
  if (!existsSync(path)) return false;
  res.status(200);
  res.setHeader('Content-Type', log.format === ExportFormat.XLSX ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${log.fileName}"; filename*=UTF-8''${encodeURIComponent(log.fileName)}`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Export-Id', log.id);
  createReadStream(path).pipe(res);
  await once(res, 'close');
  return true;
}
