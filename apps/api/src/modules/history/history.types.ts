import DataLoader from 'dataloader';
import { GraphQLSafeInt } from 'graphql-scalars';
import { DocumentType, Profile } from '@comptoir/schema';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Auth, PROFILES } from '../../core/auth/policy';
import type { RequestContext } from '../../core/context';
import { UserSummary } from '../identity/user-summary.type';
import { HistoryEntityType, HistoryEntry, HistoryEntryType, type HistoryData, type RelatedDocumentData } from './history-entry.entity';
import { historyOf } from './history.service';

registerEnumType(HistoryEntityType, { name: 'HistoryEntityType', description: 'Kind of record a history entry is about' });
registerEnumType(HistoryEntryType, { name: 'HistoryEntryType', description: 'What happened (ACTION tab)' });

export enum RelationDirection {
  FROM = 'FROM',
  TO = 'TO',
}
registerEnumType(RelationDirection, {
  name: 'RelationDirection',
  description: 'FROM: this document was made from the related one; TO: the related one was made from this document',
});

@ObjectType('FieldChange', { description: 'One field changed by an update: before → after, as display values' })
@Auth(...PROFILES.all)
export class FieldChangeType {
  @Field({ description: 'Field path, e.g. `partyName`, `lines.2.quantity`, `lines.3` (line added/removed)' })
  field: string;

  @Field(() => String, { nullable: true })
  before: string | null;

  @Field(() => String, { nullable: true })
  after: string | null;
}

/**
 * One action on a record. Reached only through a record's `history` field, whose
 * own policy already decided; every profile that reads the record reads its history.
 */
@ObjectType('HistoryEntry', { description: 'One action on a record: who, when, what (ACTION tab)' })
@Auth(...PROFILES.all)
export class HistoryEntryView {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Position in the dossier’s hash chain (gapless)' })
  sequence: number;

  @Field(() => HistoryEntryType)
  type: HistoryEntryType;

  @Field(() => HistoryEntityType)
  entityType: HistoryEntityType;

  @Field(() => ID)
  entityId: string;

  @Field(() => ID, { nullable: true })
  documentId: string | null;

  @Field(() => UserSummary, { nullable: true, description: 'Who did it (null if the user no longer exists)' })
  user: UserSummary | null;

  @Field()
  createdAt: Date;

  @Field(() => [FieldChangeType], { description: 'UPDATED: each changed field with before and after' })
  changes: FieldChangeType[];

  @Field(() => String, { nullable: true, description: 'STATUS_CHANGED, SENT, ISSUED: previous status' })
  fromStatus: string | null;

  @Field(() => String, { nullable: true, description: 'STATUS_CHANGED, SENT, ISSUED: new status' })
  toStatus: string | null;

  @Field(() => String, { nullable: true, description: 'ISSUED (the number given), CREATED/DELETED (the number if any)' })
  number: string | null;

  @Field(() => String, { nullable: true, description: 'CREATED/DELETED: what the record was called' })
  label: string | null;

  @Field(() => RelationDirection, { nullable: true, description: 'CONVERTED, DUPLICATED, CREATED from another document' })
  relationDirection: RelationDirection | null;

  @Field(() => ID, { nullable: true })
  relatedDocumentId: string | null;

  @Field(() => DocumentType, { nullable: true })
  relatedDocumentType: DocumentType | null;

  @Field(() => String, { nullable: true })
  relatedDocumentNumber: string | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'PAYMENT_RECORDED / PAYMENT_DELETED: amount in cents' })
  amountCents: number | null;

  @Field(() => String, { nullable: true, description: 'PDF_STORED: SHA-256 (hex) of the stored PDF' })
  sha256: string | null;

  @Field(() => String, { nullable: true, description: 'MAILED / REMINDED: Message-ID of the e-mail' })
  messageId: string | null;

  @Field(() => Int, { nullable: true, description: 'REMINDED: 1, 2 or 3 (mise en demeure)' })
  reminderLevel: number | null;

  @Field()
  previousHash: string;

  @Field()
  hash: string;

  /** Not exposed: used to resolve `user`. */
  userId: string;
}

@ObjectType('HistoryVerification', { description: 'Result of recomputing the dossier’s history hash chain' })
@Auth(...PROFILES.management)
export class HistoryVerificationType {
  @Field()
  ok: boolean;

  @Field(() => Int)
  checkedEntries: number;

  @Field(() => Int, { nullable: true, description: 'Sequence of the first broken link' })
  brokenAtSequence: number | null;

  @Field(() => ID, { nullable: true })
  brokenEntryId: string | null;

  @Field(() => String, { nullable: true })
  reason: string | null;
}

/** The GraphQL view of a stored entry (its typed payload flattened into optional fields). */
export function toHistoryView(entry: HistoryEntry): HistoryEntryView {
  const data = entry.data as HistoryData & Record<string, unknown>;
  const related: RelatedDocumentData | null =
    'related' in data && data.related
      ? (data.related as RelatedDocumentData)
      : 'from' in data && typeof data.from === 'object' && data.from
        ? (data.from as RelatedDocumentData)
        : null;
  const statusFrom = 'from' in data && typeof data.from === 'string' ? data.from : null;
  const statusTo = 'to' in data && typeof data.to === 'string' ? data.to : null;
  return {
    id: entry.id,
    sequence: entry.sequence,
    type: entry.type,
    entityType: entry.entityType,
    entityId: entry.entityId,
    documentId: entry.documentId,
    user: null,
    userId: entry.userId,
    createdAt: entry.createdAt,
    changes: 'changes' in data && Array.isArray(data.changes) ? data.changes : [],
    fromStatus: statusFrom,
    toStatus: statusTo,
    number: 'number' in data && typeof data.number === 'string' ? data.number : null,
    label: 'label' in data && typeof data.label === 'string' ? data.label : null,
    relationDirection: related ? (related.direction as RelationDirection) : null,
    relatedDocumentId: related ? related.documentId : null,
    relatedDocumentType: related ? (related.documentType as DocumentType) : null,
    relatedDocumentNumber: related ? related.number : null,
    amountCents: 'amountCents' in data && typeof data.amountCents === 'number' ? data.amountCents : null,
    sha256: 'sha256' in data && typeof data.sha256 === 'string' ? data.sha256 : null,
    messageId: 'messageId' in data && typeof data.messageId === 'string' ? data.messageId : null,
    reminderLevel: 'level' in data && typeof data.level === 'number' ? data.level : null,
    previousHash: entry.previousHash,
    hash: entry.hash,
  };
}

/**
 * Changes of fields a profile may not read (an article's purchase price for
 * COMMERCIAL) are dropped from the history it sees, like the fields themselves.
 */
const HIDDEN_CHANGES: Partial<Record<HistoryEntityType, Record<string, readonly Profile[]>>> = {
  [HistoryEntityType.ARTICLE]: { purchasePriceCents: PROFILES.purchases, marginCents: PROFILES.purchases },
};

function withoutHiddenChanges(ctx: RequestContext, view: HistoryEntryView): HistoryEntryView {
  const hidden = HIDDEN_CHANGES[view.entityType];
  if (!hidden) return view;
  const profile = ctx.principal?.profile ?? null;
  return { ...view, changes: view.changes.filter((c) => !hidden[c.field] || (profile !== null && hidden[c.field].includes(profile))) };
}

/** History of many records of one request in one query. Key: `ENTITY_TYPE:id`. */
export const historyLoader = (ctx: RequestContext) =>
  new DataLoader<string, HistoryEntryView[]>(async (keys) => {
    const parsed = keys.map((key) => {
      const [entityType, entityId] = key.split(':') as [HistoryEntityType, string];
      return { entityType, entityId };
    });
    const found = await historyOf(ctx, parsed);
    return keys.map((key) => (found.get(key) ?? []).map((entry) => withoutHiddenChanges(ctx, toHistoryView(entry))));
  });

export function historyKey(entityType: HistoryEntityType, entityId: string): string {
  return `${entityType}:${entityId}`;
}
