// Plain HTTP routes under /api (downloads and other non-GraphQL endpoints), one line per feature.
import type { HttpRoute } from '../core/http-route';
import { exportRoutes } from '../modules/exports/export.routes';
import { accountingRoutes } from '../modules/accounting-downloads/accounting.routes';
import { pdfRoutes } from '../modules/pdf/pdf.routes';

export const ALL_HTTP_ROUTES: HttpRoute[] = [exportRoutes, accountingRoutes, pdfRoutes];
