import type { Request, Response, Router } from 'express';
import { assertAllowed } from '../../core/auth/auth.directive';
import type { Policy } from '../../core/auth/policy';
import type { AppServices, RequestContext } from '../../core/context';
import type { ContextOf, HttpRoute } from '../../core/http-route';
import { sendRouteError } from '../../core/http-errors';
import { EXPORTERS } from './export-columns';
import { ExportFormat, type ExportLog, ExportStatus } from './export.entity';
import { claimExport, startActionSummaryExport, startDocumentsExport, writeExport } from './export.service';
import { sendStoredExport } from './export.jobs';

/** The same rule as the GraphQL fields: `@auth(profiles: [OWNER, ADV])`. */
export const EXPORT_POLICY: Policy = { kind: 'profiles', profiles: EXPORTERS };

export const jobDownloadUrl = (id: string) => `/api/exports/jobs/${encodeURIComponent(id)}`;

/** `a,b,c` or repeated `?a=…&a=…` → list (empty when absent). */
function list(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function formatOf(ext: string): ExportFormat | null {
  return ext === 'xlsx' ? ExportFormat.XLSX : ext === 'csv' ? ExportFormat.CSV : null;
}

/** Sends the file, streaming; a cancelled or failed export ends the connection so the download is not taken as complete. */
async function stream(ctx: RequestContext, log: ExportLog, res: Response): Promise<void> {
  const contentType = log.format === ExportFormat.XLSX ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8';
  res.status(200);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${log.fileName}"; filename*=UTF-8''${encodeURIComponent(log.fileName)}`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Export-Id', log.id);
  if (log.totalRows !== null) res.setHeader('X-Export-Total-Rows', String(log.totalRows));
  let gone = false;
  res.on('close', () => {
    if (!res.writableFinished) gone = true;
  });
  const outcome = await writeExport(ctx, log, res, () => gone);
  if (!outcome.complete && !res.destroyed) res.destroy();
}

async function authorized(app: AppServices, contextOf: ContextOf, req: Request, res: Response): Promise<RequestContext | null> {
  try {
    const ctx = await contextOf(req, res);
    assertAllowed(EXPORT_POLICY, ctx);
    return ctx;
  } catch (error) {
    sendRouteError(res, error, app, 'export request');
    return null;
  }
}

/**
 * Downloads (session cookie, same authorization as the GraphQL fields, rows of the
 * session's dossier only):
 *   GET /api/exports/documents.xlsx|csv?columns=type,number,…&types=INVOICE,…&statuses=…&from=YYYY-MM-DD&to=…&partyId=…&createdById=…&updatedById=…
 *   GET /api/exports/action-summary.xlsx|csv?from=…&to=…
 *   GET /api/exports/jobs/:id   (an export started with startDocumentsExport / startActionSummaryExport: progress and cancel)
 */
export const exportRoutes: HttpRoute = (router: Router, app: AppServices, contextOf: ContextOf) => {
  router.get('/exports/jobs/:id', async (req, res) => {
    const ctx = await authorized(app, contextOf, req, res);
    if (!ctx) return;
    let log: ExportLog;
    try {
      // Written in the background (runExportInBackground): served from EXPORT_DIR by whichever node is asked.
      if (await sendStoredExport(ctx, String(req.params.id), res)) return;
      log = await claimExport(ctx, String(req.params.id));
    } catch (error) {
      sendRouteError(res, error, app, 'export request');
      return;
    }
    await stream(ctx, log, res);
  });

  router.get('/exports/:file', async (req, res, next) => {
    const match = /^(documents|action-summary)\.(xlsx|csv)$/.exec(String(req.params.file));
    if (!match) {
      next();
      return;
    }
    const ctx = await authorized(app, contextOf, req, res);
    if (!ctx) return;
    const format = formatOf(match[2]) as ExportFormat;
    let log: ExportLog;
    try {
      const q = req.query;
      log =
        match[1] === 'documents'
          ? await startDocumentsExport(
              ctx,
              {
                format,
                columns: list(q.columns),
                filter: {
                  types: list(q.types),
                  statuses: list(q.statuses),
                  from: text(q.from),
                  to: text(q.to),
                  partyId: text(q.partyId),
                  createdById: text(q.createdById),
                  updatedById: text(q.updatedById),
                },
              },
              ExportStatus.RUNNING,
            )
          : await startActionSummaryExport(ctx, { format, from: text(q.from), to: text(q.to) }, ExportStatus.RUNNING);
    } catch (error) {
      sendRouteError(res, error, app, 'export request');
      return;
    }
    await stream(ctx, log, res);
  });
};
