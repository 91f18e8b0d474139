import { randomUUID } from 'node:crypto';
import { busIterator, topics } from '../../core/bus';
import type { RequestContext } from '../../core/context';
import { getDocument } from '../documents/document.service';
import { HistoryEntityType } from '../history/history-entry.entity';
import type { HistoryEvent } from '../history/history.service';
import { visibleRequest, type SupportMessageEvent } from '../support/support.service';
import { getExport } from '../exports/export.service';
import { exportJobId } from '../exports/export.jobs';
import { AccountingBatch } from '../accounting/accounting.entity';
import { batchJobId } from '../accounting/batch-job';
import type { AdminJobType } from '../jobs/jobs.types';
import type { AccountingBatchProgressEvent } from '../accounting/accounting.types';
import type { AdminSupportRequestLiveEvent, DocumentChangeEvent, ExportProgressEvent, DocumentPresenceEvent, LiveUser, SupportRequestLiveEvent } from './live.types';

/** A viewer is kept this long without a heartbeat (a node killed without closing its sockets). */
export const PRESENCE_TTL_MS = 30_000;
/** Each node refreshes its viewers, and re-reads the documents they watch, this often. */
export const PRESENCE_HEARTBEAT_MS = 10_000;

type BusEvent = HistoryEvent | SupportMessageEvent | { kind: 'presence'; dossierId: string; documentId: string };

const isHistory = (e: BusEvent): e is HistoryEvent => e.kind === 'history';

/**
 * Changes of one document, for the open editor. The document is looked up first
 * with the session's scope and profile: another dossier's id is NOT_FOUND, a type
 * the profile does not read is FORBIDDEN, exactly as the `document` query.
 */
export async function documentChanges(ctx: RequestContext, documentId: string): Promise<AsyncIterableIterator<DocumentChangeEvent>> {
  await getDocument(ctx, documentId);
  const dossierId = ctx.dossierId;
  return busIterator(ctx.app.bus, [topics.dossier(dossierId)], (payload) => {
    const event = payload as BusEvent;
    if (!isHistory(event) || event.dossierId !== dossierId) return undefined;
    const concerns = event.documentId === documentId || (event.entityType === HistoryEntityType.DOCUMENT && event.entityId === documentId);
    if (!concerns) return undefined;
    return {
      documentId,
      entryType: event.entryType,
      user: { id: event.userId, name: event.userName },
      at: new Date(event.at),
      sequence: event.sequence,
    };
  });
}

const presenceKey = (dossierId: string, documentId: string) => `presence:${dossierId}:${documentId}`;

interface PresenceMember {
  c: string;
  u: string;
  n: string;
}

function viewersOf(members: string[]): LiveUser[] {
  const byUser = new Map<string, LiveUser>();
  for (const raw of members) {
    try {
      const m = JSON.parse(raw) as PresenceMember;
      if (!byUser.has(m.u)) byUser.set(m.u, { id: m.u, name: m.n });
    } catch {
      // Not ours: ignored.
    }
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.id.localeCompare(b.id));
}

/**
 * Who has the document open. Subscribing is being there: the viewer is added to a
 * shared set (Redis when configured) and announced; unsubscribing, closing the tab
 * or losing the connection removes it and announces it again. A node killed
 * without closing anything leaves members that expire after PRESENCE_TTL_MS; the
 * other nodes' heartbeat notices and pushes the new list.
 */
export async function documentPresence(ctx: RequestContext, documentId: string): Promise<AsyncIterableIterator<DocumentPresenceEvent>> {
  await getDocument(ctx, documentId);
  const { bus } = ctx.app;
  const dossierId = ctx.dossierId;
  const key = presenceKey(dossierId, documentId);
  const member = JSON.stringify({ c: randomUUID(), u: ctx.userId, n: ctx.user.name } satisfies PresenceMember);
  const announce = () => bus.publish(topics.dossier(dossierId), { kind: 'presence', dossierId, documentId });
  let last = '';
  const signatureOf = (viewers: LiveUser[]) => viewers.map((v) => v.id).join(',');
  const current = async (force: boolean): Promise<DocumentPresenceEvent | undefined> => {
    const viewers = viewersOf(await bus.sets.members(key));
    const signature = signatureOf(viewers);
    if (!force && signature === last) return undefined;
    last = signature;
    return { documentId, viewers };
  };

  await bus.sets.add(key, member, PRESENCE_TTL_MS);
  // Refreshes this viewer; a list that changed without an announcement (a viewer
  // of a dead node expired) is announced, so every subscriber re-reads it.
  const heartbeat = setInterval(() => {
    void (async () => {
      await bus.sets.add(key, member, PRESENCE_TTL_MS);
      if (signatureOf(viewersOf(await bus.sets.members(key))) !== last) await announce();
    })().catch(() => undefined);
  }, PRESENCE_HEARTBEAT_MS);
  heartbeat.unref();

  const iterator = busIterator<DocumentPresenceEvent>(
    bus,
    [topics.dossier(dossierId)],
    async (payload) => {
      const event = payload as BusEvent;
      if (event.kind !== 'presence' || event.dossierId !== dossierId || event.documentId !== documentId) return undefined;
      return current(false);
    },
    {
      initial: async () => {
        await announce();
        return current(true);
      },
      onEnd: async () => {
        clearInterval(heartbeat);
        await bus.sets.remove(key, member).catch(() => undefined);
        await announce().catch(() => undefined);
      },
    },
  );
  return iterator;
}

/**
 * The dossier's support requests as they change (created, answered, status). A
 * profile that follows only its own `OTHER` requests hears only of those.
 */
export function supportRequestChanges(ctx: RequestContext): AsyncIterableIterator<SupportRequestLiveEvent> {
  const dossierId = ctx.dossierId;
  return busIterator(ctx.app.bus, [topics.dossier(dossierId)], async (payload) => {
    const event = payload as BusEvent;
    if (event.dossierId !== dossierId) return undefined;
    let requestId: string;
    let change: string;
    if (event.kind === 'support-message') {
      requestId = event.requestId;
      change = 'MESSAGE';
    } else if (isHistory(event) && event.entityType === HistoryEntityType.SUPPORT_REQUEST) {
      requestId = event.entityId;
      change = event.entryType;
    } else return undefined;
    // Visibility as the `supportRequest` query has it (NOT_FOUND drops the event).
    await visibleRequest(ctx, requestId);
    return { requestId, change, at: new Date(event.at) };
  });
}

/** Every dossier's support requests, for /admin. */
export function adminSupportRequestChanges(ctx: RequestContext): AsyncIterableIterator<AdminSupportRequestLiveEvent> {
  return busIterator(ctx.app.bus, [topics.admin], (payload) => {
    const event = payload as BusEvent;
    if (event.kind === 'support-message') return { requestId: event.requestId, dossierId: event.dossierId, change: 'MESSAGE', at: new Date(event.at) };
    if (isHistory(event) && event.entityType === HistoryEntityType.SUPPORT_REQUEST) {
      return { requestId: event.entityId, dossierId: event.dossierId, change: event.entryType, at: new Date(event.at) };
    }
    return undefined;
  });
}

/** Progress of one of the dossier's background exports (NOT_FOUND for another dossier's). */
export async function exportProgress(ctx: RequestContext, exportId: string): Promise<AsyncIterableIterator<ExportProgressEvent>> {
  await getExport(ctx, exportId);
  return busIterator(ctx.app.bus, [topics.job(exportJobId(exportId))], (payload) => {
    const job = payload as { kind: string; state: string; progress: number; attemptsMade: number; dossierId: string | null };
    if (job.kind !== 'job' || job.dossierId !== ctx.dossierId) return undefined;
    return { exportId, state: job.state, progress: job.progress, attemptsMade: job.attemptsMade };
  });
}

/** What a job publishes on the bus at each change (app/jobs.ts `publishJob`): a JobInfo with ISO dates. */
interface JobEvent {
  kind: string;
  id: string;
  name: string;
  state: string;
  attemptsMade: number;
  maxAttempts: number;
  progress: number;
  failedReason: string | null;
  dossierId: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** Progress of the job of one of the dossier's collected batches (NOT_FOUND for another dossier's batch). */
export async function accountingBatchProgress(ctx: RequestContext, batchId: string): Promise<AsyncIterableIterator<AccountingBatchProgressEvent>> {
  await ctx.scoped(AccountingBatch, 'Accounting batch').get(batchId);
  return busIterator(ctx.app.bus, [topics.job(batchJobId(batchId))], (payload) => {
    const job = payload as JobEvent;
    if (job.kind !== 'job' || job.dossierId !== ctx.dossierId) return undefined;
    return { batchId, state: job.state, progress: job.progress };
  });
}

/** Every job's changes (waiting, active, progress, retry to come, failed, completed), for /admin → Tâches. */
export function adminJobChanges(ctx: RequestContext): AsyncIterableIterator<AdminJobType> {
  return busIterator(ctx.app.bus, [topics.admin], (payload) => {
    const job = payload as JobEvent;
    if (job.kind !== 'job') return undefined;
    return {
      id: job.id,
      name: job.name,
      state: job.state,
      attemptsMade: job.attemptsMade,
      maxAttempts: job.maxAttempts,
      progress: job.progress,
      failedReason: job.failedReason,
      dossierId: job.dossierId,
      createdAt: new Date(job.createdAt),
      finishedAt: job.finishedAt ? new Date(job.finishedAt) : null,
    };
  });
}
