import type { Router } from 'express';
import { assertAllowed } from '../../core/auth/auth.directive';
import { PROFILES, type Policy } from '../../core/auth/policy';
import type { AppServices } from '../../core/context';
import type { ContextOf, HttpRoute } from '../../core/http-route';
import { sendRouteError } from '../../core/http-errors';
import { AccountingBatch, AccountingBatchStatus } from '../accounting/accounting.entity';
import { storedFec } from './batch.jobs';
import { fecFileName, fecRows, sirenFor, writeFec, writeSheet } from './fec';

/** The same rule as the GraphQL fields: `@auth(profiles: [OWNER, ADV, ACCOUNTANT])`. */
export const ACCOUNTING_POLICY: Policy = { kind: 'profiles', profiles: PROFILES.accounting };

export const batchDownloadUrl = (id: string, format: 'fec' | 'csv' | 'xlsx') => `/api/exports/accounting-batches/${encodeURIComponent(id)}/${format}`;

/**
 * Downloads of a batch (session cookie, same authorization as the GraphQL fields,
 * the session's dossier only), next to the other exports:
 *   GET /api/exports/accounting-batches/:id/fec   <SIREN>FEC<YYYYMMDD>.txt
 *   GET /api/exports/accounting-batches/:id/csv   lot-<n>.csv
 *   GET /api/exports/accounting-batches/:id/xlsx  lot-<n>.xlsx
 * A collected batch's FEC is served as its `accounting.batch` job stored it, by any
 * node (built on the spot until the job has run).
 */
export const accountingRoutes: HttpRoute = (router: Router, app: AppServices, contextOf: ContextOf) => {
  router.get('/exports/accounting-batches/:id/:format', async (req, res, next) => {
    const format = String(req.params.format);
    if (format !== 'fec' && format !== 'csv' && format !== 'xlsx') {
      next();
      return;
    }
    let rows: Awaited<ReturnType<typeof fecRows>>;
    let batch: AccountingBatch;
    let fileName: string;
    let who: string;
    try {
      const ctx = await contextOf(req, res);
      assertAllowed(ACCOUNTING_POLICY, ctx);
      batch = await ctx.scoped(AccountingBatch, 'Accounting batch').get(String(req.params.id));
      // A collected batch's FEC is the one its job stored (as collected), once stored.
      const stored = format === 'fec' && batch.status === AccountingBatchStatus.COLLECTED ? await storedFec(ctx, batch.id) : null;
      if (stored) {
        ctx.log.info({ batchId: batch.id, format, stored: true }, 'accounting batch downloaded');
        res.status(200);
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="${stored.fileName}"`);
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader('X-Fec-Stored', 'true');
        res.end(stored.text);
        return;
      }
      fileName = format === 'fec' ? fecFileName(await sirenFor(ctx), batch) : `lot-${batch.number}-${batch.periodStart}-${batch.periodEnd}.${format}`;
      rows = await fecRows(ctx, batch);
      who = ctx.user.name;
      ctx.log.info({ batchId: batch.id, format, rows: rows.length }, 'accounting batch downloaded');
    } catch (error) {
      sendRouteError(res, error, app, 'accounting download');
      return;
    }
    res.status(200);
    res.setHeader(
      'Content-Type',
      format === 'fec' ? 'text/plain; charset=utf-8' : format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.setHeader('Cache-Control', 'no-store');
    if (format === 'fec') await writeFec(res, rows);
    else await writeSheet(res, format, batch, rows, who);
  });
};
