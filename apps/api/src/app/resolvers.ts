// Every GraphQL resolver of the app, one line per feature module.
import type { NonEmptyArray } from 'type-graphql';
import { ColleaguesResolver } from '../modules/identity/colleagues.resolver';
import { ActivityItemResolver, DashboardResolver } from '../modules/dashboard/dashboard.resolver';
import { HealthResolver } from '../modules/health/health.resolver';
import { IdentityResolver } from '../modules/identity/identity.resolver';
import { ArticleResolver } from '../modules/articles/article.resolver';
import { DocumentLineResolver, DocumentResolver } from '../modules/documents/document.resolver';
import { HistoryResolver } from '../modules/history/history.resolver';
import { CustomerResolver, SupplierResolver } from '../modules/parties/party.resolver';
import { DossierResolver } from '../modules/dossiers/dossier.resolver';
import { AdminResolver } from '../modules/admin/admin.resolver';
import { ExportPresetResolver, ExportResolver } from '../modules/exports/export.resolver';
import { AdminSupportResolver, SupportRequestResolver } from '../modules/support/support.resolver';
import { LiveResolver } from '../modules/live/live.resolver';
import { InvoicePaymentsResolver, PaymentResolver } from '../modules/payments/payment.resolver';
import { DocumentSendingResolver } from '../modules/sending/sending.resolver';
import { DocumentSettingsResolver } from '../modules/pdf/document-settings';
import { AccountingBatchResolver, AccountingResolver, DossierChoiceBatchesResolver } from '../modules/accounting/accounting.resolver';
import { ComplianceResolver } from '../modules/compliance/compliance.resolver';
import { AdminJobsResolver } from '../modules/jobs/jobs.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ALL_RESOLVERS: NonEmptyArray<Function> = [
  ColleaguesResolver,
  HealthResolver, IdentityResolver, DossierResolver, AdminResolver, CustomerResolver, SupplierResolver, ArticleResolver, DocumentResolver, DocumentLineResolver, HistoryResolver, ExportResolver, ExportPresetResolver, DashboardResolver, ActivityItemResolver,
  SupportRequestResolver, AdminSupportResolver, LiveResolver, AccountingResolver, AccountingBatchResolver, DossierChoiceBatchesResolver, ComplianceResolver,
  InvoicePaymentsResolver, PaymentResolver, AdminJobsResolver, DocumentSendingResolver, DocumentSettingsResolver];
