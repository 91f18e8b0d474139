import type { Request, Response, Router } from 'express';
import { assertAllowed } from '../../core/auth/auth.directive';
import type { AppServices } from '../../core/context';
import type { ContextOf, HttpRoute } from '../../core/http-route';
import { sendRouteError } from '../../core/http-errors';
import { DOCUMENT_READERS } from '../documents/document-access';
import { documentPdf } from './pdf.service';

export const documentPdfUrl = (id: string) => `/api/documents/${encodeURIComponent(id)}/pdf`;

/**
 * `GET /api/documents/:id/pdf` (session cookie): the document's PDF, for a profile that
 * reads its type (403 otherwise), of the session's dossier (404 for another's, as for
 * a missing one). `?inline=1` shows it in the page (preview) instead of downloading.
 */
export const pdfRoutes: HttpRoute = (router: Router, app: AppServices, contextOf: ContextOf) => {
  router.get('/documents/:id/pdf', async (req: Request, res: Response) => {
    try {
      const ctx = await contextOf(req, res);
      assertAllowed({ kind: 'profiles', profiles: DOCUMENT_READERS }, ctx);
      const file = await documentPdf(ctx, String(req.params.id));
      const disposition = req.query.inline === '1' ? 'inline' : 'attachment';
      res.status(200);
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `${disposition}; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Content-SHA256', file.sha256);
      res.setHeader('X-Pdf-Stored', file.stored ? 'true' : 'false');
      res.end(file.bytes);
    } catch (error) {
      sendRouteError(res, error, app, 'PDF request');
    }
  });
};
