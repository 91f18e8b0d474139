import { Column, Entity, PrimaryColumn } from 'typeorm';
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

/**
 * What the export's user-action columns need of a document's history, kept up to date
 * by `recordHistory` in the transaction that writes each entry. The export reads it by
 * primary key in its one streamed query, instead of grouping history entries per batch
 * (those sit on pages written months apart: ~1,000 rows/s, issue 14). A projection of
 * the history, not a second source of truth (a test recomputes it from the entries).
 * WITHOUT ROWID on SQLite (ignored elsewhere; InnoDB already clusters rows by primary key):
 * the row lives in the primary key's B-tree, so the export's lookup is one descent instead
 * of the automatic index's descent and then the rowid table's.
 */
@Entity('document_action_facts', { withoutRowid: true })
export class DocumentActionFacts {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  dossierId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  documentId: string;

  @Column({ type: 'int', default: 0 })
  modificationCount: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  issuedById: string | null;

  @Column({ type: 'simple-json' })
  actions: UserActions[];
}

/** Adds one history entry to its document's facts (inside the entry's transaction, after the chain head lock). */
export async function addToDocumentActionFacts(ctx: RequestContext, documentId: string, type: HistoryEntryType, userId: string): Promise<void> {
  const rows = ctx.dossierRow(DocumentActionFacts, 'Document facts');
  const facts = (await rows.findOneBy({ documentId })) ?? rows.create({ documentId, modificationCount: 0, issuedById: null, actions: [] });
  if (MODIFICATION_TYPES.includes(type)) facts.modificationCount += 1;
  if (type === HistoryEntryType.ISSUED) facts.issuedById = userId;
  const mine = facts.actions.find(([id]) => id === userId);
  if (mine) mine[1] += 1;
  else facts.actions.push([userId, 1]);
  await rows.save(facts);
}

/** Whether an entry counts for a document's facts: entries about the document itself, as the export always counted. */
export function countsForDocumentFacts(entityType: HistoryEntityType, documentId: string | null | undefined): documentId is string {
  return entityType === HistoryEntityType.DOCUMENT && !!documentId;
}
