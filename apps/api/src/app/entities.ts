// Every TypeORM entity of the app, one line per feature module.
import { Dossier } from '../modules/identity/dossier.entity';
import { Membership } from '../modules/identity/membership.entity';
import { Session } from '../modules/identity/session.entity';
import { User } from '../modules/identity/user.entity';
import { AuthToken } from '../modules/identity/auth-token.entity';
import { LoginThrottle } from '../modules/identity/login-throttle.entity';
import { OutboxAttachment, OutboxMessage } from '../modules/mail/outbox.entity';
import { Article } from '../modules/articles/article.entity';
import { Document, DocumentCounter, DocumentLine } from '../modules/documents/document.entity';
import { DocumentSearchTerm } from '../modules/documents/document-search';
import { HistoryChainHead, HistoryCheckpoint, HistoryEntry } from '../modules/history/history-entry.entity';
import { Customer, Supplier } from '../modules/parties/party.entity';
import { SeatOrder } from '../modules/dossiers/seat-order.entity';
import { AdminAction } from '../modules/admin/admin-action.entity';
import { ExportLog, ExportPreset } from '../modules/exports/export.entity';
import { SupportMessage, SupportRequest } from '../modules/support/support-request.entity';
import { AccountingBatch, AccountingBatchFile, AccountingCounter, AccountingEntry, AccountingEntryLine, AccountingSettings, CustomerAccount } from '../modules/accounting/accounting.entity';
import { Payment } from '../modules/payments/payment.entity';
import { DocumentPdf, DossierLogo } from '../modules/pdf/document-pdf.entity';

export const ALL_ENTITIES = [
  User,
  Dossier,
  Membership,
  Session,
  AuthToken,
  LoginThrottle,
  OutboxMessage,
  OutboxAttachment,
  Customer,
  Supplier,
  Article,
  Document,
  DocumentLine,
  DocumentSearchTerm,
  DocumentCounter,
  HistoryEntry,
  HistoryChainHead,
  HistoryCheckpoint,
  SeatOrder,
  AdminAction,
  ExportPreset,
  ExportLog,
  SupportRequest,
  SupportMessage,
  AccountingSettings,
  CustomerAccount,
  AccountingEntry,
  AccountingEntryLine,
  AccountingBatch,
  AccountingBatchFile,
  AccountingCounter,
  Payment,
  DocumentPdf,
  DossierLogo,
];
