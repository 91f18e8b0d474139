import { Arg, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { Access, Allow, Auth, PROFILES } from '../../core/auth/policy';
import type { RequestContext } from '../../core/context';
import { DOCUMENT_READERS } from '../documents/document-access';
import { accountingBatchProgress, adminJobChanges, adminSupportRequestChanges, documentChanges, documentPresence, exportProgress, supportRequestChanges } from './live.service';
import { AccountingBatchProgressEvent } from '../accounting/accounting.types';
import { AdminJobType } from '../jobs/jobs.types';
import { EXPORTERS } from '../exports/export-columns';
import { AdminSupportRequestLiveEvent, DocumentChangeEvent, DocumentPresenceEvent, ExportProgressEvent, SupportRequestLiveEvent } from './live.types';

type Data<A = Record<string, never>> = SubscribeResolverData<unknown, A, RequestContext>;

/**
 * GraphQL subscriptions (graphql-ws on /graphql, the session cookie of the
 * upgrade request). The dossier always comes from the session; `@auth` is checked
 * when subscribing, like any field.
 */
@Resolver()
export class LiveResolver {
  @Subscription(() => DocumentChangeEvent, {
    description: 'Changes of one document by anyone (you included): NOT_FOUND / FORBIDDEN as the `document` query',
    subscribe: ({ args, context }: Data<{ id: string }>) => documentChanges(context, args.id),
  })
  @Auth(...DOCUMENT_READERS)
  documentChanged(@Root() event: DocumentChangeEvent, @Arg('id', () => ID) _id: string): DocumentChangeEvent {
    return event;
  }

  @Subscription(() => DocumentPresenceEvent, {
    description: 'Subscribing marks you as viewing the document; gives who views it now, at once and at each arrival or departure',
    subscribe: ({ args, context }: Data<{ id: string }>) => documentPresence(context, args.id),
  })
  @Auth(...DOCUMENT_READERS)
  documentPresence(@Root() event: DocumentPresenceEvent, @Arg('id', () => ID) _id: string): DocumentPresenceEvent {
    return event;
  }

  @Subscription(() => ExportProgressEvent, {
    description: 'Progress of a background export (runExportInBackground): NOT_FOUND for another dossier’s',
    subscribe: ({ args, context }: Data<{ id: string }>) => exportProgress(context, args.id),
  })
  @Auth(...EXPORTERS)
  exportProgress(@Root() event: ExportProgressEvent, @Arg('id', () => ID) _id: string): ExportProgressEvent {
    return event;
  }

  @Subscription(() => SupportRequestLiveEvent, {
    description: 'Support requests of the dossier you follow: created, answered, status changed',
    subscribe: ({ context }: Data) => supportRequestChanges(context),
  })
  @Auth(...PROFILES.all)
  supportRequestChanged(@Root() event: SupportRequestLiveEvent): SupportRequestLiveEvent {
    return event;
  }

  @Subscription(() => AdminSupportRequestLiveEvent, {
    description: 'Support requests of every dossier: created, answered, status changed (support team)',
    subscribe: ({ context }: Data) => adminSupportRequestChanges(context),
  })
  @Allow(Access.SUPPORT)
  adminSupportRequestChanged(@Root() event: AdminSupportRequestLiveEvent): AdminSupportRequestLiveEvent {
    return event;
  }

  @Subscription(() => AccountingBatchProgressEvent, {
    description: 'Progress of a collected batch’s background job (accounting.batch): NOT_FOUND for another dossier’s batch',
    subscribe: ({ args, context }: Data<{ id: string }>) => accountingBatchProgress(context, args.id),
  })
  @Auth(...PROFILES.accounting)
  accountingBatchProgress(@Root() event: AccountingBatchProgressEvent, @Arg('id', () => ID) _id: string): AccountingBatchProgressEvent {
    return event;
  }

  @Subscription(() => AdminJobType, {
    description: 'Every background job as it changes: queued, started, progress, retry to come, failed, completed (support team, /admin → Tâches)',
    subscribe: ({ context }: Data) => adminJobChanges(context),
  })
  @Allow(Access.SUPPORT)
  adminJobChanged(@Root() event: AdminJobType): AdminJobType {
    return event;
  }
}
