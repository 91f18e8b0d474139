// Every GraphQL resolver of the app, one line per feature module.
import type { NonEmptyArray } from 'type-graphql';
import { ColleaguesResolver } from './identity/colleagues.resolver';
import { ActivityItemResolver, DashboardResolver } from './dashboard/dashboard.resolver';
import { HealthResolver } from './health/health.resolver';
import { IdentityResolver } from './identity/identity.resolver';
import { ArticleResolver } from './articles/article.resolver';
import { DocumentLineResolver, DocumentResolver } from './documents/document.resolver';
import { HistoryResolver } from './history/history.resolver';
import { CustomerResolver, SupplierResolver } from './parties/party.resolver';
import { DossierResolver } from './dossiers/dossier.resolver';
import { AdminResolver } from './admin/admin.resolver';
import { ExportPresetResolver, ExportResolver } from './exports/export.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ALL_RESOLVERS: NonEmptyArray<Function> = [
  ColleaguesResolver,
  HealthResolver, IdentityResolver, DossierResolver, AdminResolver, CustomerResolver, SupplierResolver, ArticleResolver, DocumentResolver, DocumentLineResolver, HistoryResolver, ExportResolver, ExportPresetResolver, DashboardResolver, ActivityItemResolver];
