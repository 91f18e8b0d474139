import type { RequestContext } from '../../core/context';
import { HistoryEntityType, HistoryEntryType } from './history-entry.entity';

/** Entries that change a document after its creation (the export's "number of modifications"). */
export const MODIFICATION_TYPES: readonly HistoryEntryType[] = [
  HistoryEntryType.UPDATED,
  HistoryEntryType.STATUS_CHANGED,
  HistoryEntryType.SENT,
  HistoryEntryType.ISSUED,
];

/** One user's actions on a document: [userId, number of actions], in order of first action. */
export type UserActions = [userId: string, actions: number];

/** The length of `documents.actionUsers` (document.entity.ts). */
export const USER_ACTIONS_MAX_LENGTH = 2000;

/**
 * `actionUsers` of a document whose users do not fit its 2,000 characters (about 50 users:
 * unheard of in a small business's dossier). Nothing is cut: the export counts that
 * document's users from its history entries instead (`userActionsFromHistory`).
 */
export const USER_ACTIONS_OVERFLOW = '*';

/**
 * What the export's user-action columns need of a document's history — issued by, number
 * of modifications, its users and their number of entries — kept on the document's own row
 * (`actionModificationCount`, `actionIssuedById`, `actionUsers`) by `recordHistory`, in the
 * transaction that writes each entry, so that the export reads them with the row: no join,
 * no grouping of entries written months apart (issue 14). A projection of the history, not
 * a second source of truth (export.test.ts recomputes it from the entries).
 *
 * `actionUsers` is `userId:count` per user, comma-separated, in order of first action
 * ('' for none): user ids are UUIDs, so neither separator occurs in one.
 */
export function encodeUserActions(actions: readonly UserActions[]): string {
  return actions.map(([userId, n]) => `${userId}:${n}`).join(',');
}

export function decodeUserActions(text: string): UserActions[] {
  if (!text) return [];
  return text.split(',').map((pair) => {
    const at = pair.lastIndexOf(':');
    return [pair.slice(0, at), Number(pair.slice(at + 1))];
  });
}

/** `actionUsers` after one more entry of `userId` (the overflow marker once too long, and from then on). */
export function withOneMoreAction(stored: string, userId: string): string {
  if (stored === USER_ACTIONS_OVERFLOW) return stored;
  const actions = decodeUserActions(stored);
  const mine = actions.find(([id]) => id === userId);
  if (mine) mine[1] += 1;
  else actions.push([userId, 1]);
  const text = encodeUserActions(actions);
  return text.length > USER_ACTIONS_MAX_LENGTH ? USER_ACTIONS_OVERFLOW : text;
}

/**
 * Adds one history entry to its document's facts, inside the entry's transaction after the
 * chain head lock (entries of a dossier are written one at a time). The read locks the row on
 * MySQL/MariaDB: a plain read would see the transaction's snapshot, which may predate the last
 * entry's commit. The UPDATE sets `updatedAt` to itself so that MySQL's ON UPDATE does not move
 * it, and leaves `version` alone: the facts are no change of the document. A document already
 * deleted (a draft's DELETED entry) has no row left to update.
 */
export async function addToDocumentActionFacts(ctx: RequestContext, documentId: string, type: HistoryEntryType, userId: string): Promise<void> {
  const lock = ctx.dialect === 'better-sqlite3' ? '' : ' FOR UPDATE';
  const [row] = await ctx.query<{ actionUsers: string }[]>(`SELECT \`actionUsers\` FROM \`documents\` WHERE \`dossierId\` = ? AND \`id\` = ?${lock}`, [ctx.dossierId, documentId]);
  if (!row) return;
  const modification = MODIFICATION_TYPES.includes(type) ? 1 : 0;
  const issuedBy = type === HistoryEntryType.ISSUED ? userId : null;
  await ctx.query(
    'UPDATE `documents` SET `actionModificationCount` = `actionModificationCount` + ?, `actionIssuedById` = COALESCE(?, `actionIssuedById`), `actionUsers` = ?, `updatedAt` = `updatedAt` WHERE `dossierId` = ? AND `id` = ?',
    [modification, issuedBy, withOneMoreAction(row.actionUsers, userId), ctx.dossierId, documentId],
  );
}

/** Whether an entry counts for a document's facts: entries about the document itself, as the export always counted. */
export function countsForDocumentFacts(entityType: HistoryEntityType, documentId: string | null | undefined): documentId is string {
  return entityType === HistoryEntityType.DOCUMENT && !!documentId;
}
