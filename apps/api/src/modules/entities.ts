// Every TypeORM entity of the app, one line per feature module.
import { Dossier } from './dossiers/dossier.entity';
import { Membership } from './identity/membership.entity';
import { Session } from './identity/session.entity';
import { User } from './identity/user.entity';
import { AuthToken } from './identity/auth-token.entity';
import { LoginThrottle } from './identity/login-throttle.entity';
import { OutboxMessage } from './mail/outbox.entity';
import { Article } from './articles/article.entity';
import { Document, DocumentCounter, DocumentLine } from './documents/document.entity';
import { HistoryChainHead, HistoryEntry } from './history/history-entry.entity';
import { Customer, Supplier } from './parties/party.entity';
import { SeatOrder } from './dossiers/seat-order.entity';
import { AdminAction } from './admin/admin-action.entity';
import { ExportLog, ExportPreset } from './exports/export.entity';

export const ALL_ENTITIES = [
  User,
  Dossier,
  Membership,
  Session,
  AuthToken,
  LoginThrottle,
  OutboxMessage,
  Customer,
  Supplier,
  Article,
  Document,
  DocumentLine,
  DocumentCounter,
  HistoryEntry,
  HistoryChainHead,
  SeatOrder,
  AdminAction,
  ExportPreset,
  ExportLog,
];
