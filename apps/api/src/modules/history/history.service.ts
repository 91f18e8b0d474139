import { createHash } from 'node:crypto';
import { In, MoreThan } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { canonicalJson } from '../../core/canonical-json';
import { clock } from '../../core/clock';
import {
  HistoryChainHead,
  HistoryEntry,
  type HistoryDataByType,
  type HistoryEntityType,
  type HistoryEntryType,
} from './history-entry.entity';

export const GENESIS_HASH = '0'.repeat(64);

export interface NewHistoryEntry<K extends HistoryEntryType> {
  entityType: HistoryEntityType;
  entityId: string;
  documentId?: string | null;
  type: K;
  data: HistoryDataByType[K];
}

/** The fields the hash covers: everything an entry says, except the hashes themselves. */
function contentOf(entry: HistoryEntry): Record<string, unknown> {
  return {
    id: entry.id,
    dossierId: entry.dossierId,
    sequence: entry.sequence,
    entityType: entry.entityType,
    entityId: entry.entityId,
    documentId: entry.documentId ?? null,
    type: entry.type,
    data: entry.data,
    userId: entry.userId,
    createdAt: entry.createdAt.toISOString(),
  };
}

/** SHA-256 over (previous hash + canonical JSON of the entry's content), hex. */
export function entryHash(previousHash: string, entry: HistoryEntry): string {
  return createHash('sha256')
    .update(previousHash + canonicalJson(contentOf(entry)))
    .digest('hex');
}

/**
 * Locks the dossier's chain head for the rest of the transaction (creating it on
 * first use). MySQL/MariaDB: `INSERT … ON DUPLICATE KEY UPDATE` takes an exclusive
 * row lock, then `SELECT … FOR UPDATE`; SQLite transactions are serialized already.
 */
async function lockHead(ctx: RequestContext): Promise<HistoryChainHead> {
  const sqlite = ctx.em.connection.options.type === 'better-sqlite3';
  const dossierId = ctx.dossierId;
  if (sqlite) {
    await ctx.em.query('INSERT OR IGNORE INTO `history_chain_heads` (`dossierId`, `lastSequence`, `lastHash`) VALUES (?, 0, ?)', [
      dossierId,
      GENESIS_HASH,
    ]);
  } else {
    await ctx.em.query(
      'INSERT INTO `history_chain_heads` (`dossierId`, `lastSequence`, `lastHash`) VALUES (?, 0, ?) ON DUPLICATE KEY UPDATE `lastSequence` = `lastSequence`',
      [dossierId, GENESIS_HASH],
    );
  }
  const rows = (await ctx.em.query(
    `SELECT \`lastSequence\`, \`lastHash\` FROM \`history_chain_heads\` WHERE \`dossierId\` = ?${sqlite ? '' : ' FOR UPDATE'}`,
    [dossierId],
  )) as { lastSequence: number | string; lastHash: string }[];
  const head = new HistoryChainHead();
  head.dossierId = dossierId;
  head.lastSequence = Number(rows[0].lastSequence);
  head.lastHash = rows[0].lastHash;
  return head;
}

/**
 * Appends an entry to the dossier's history, inside the caller's transaction
 * (refuses to run outside one: history and change commit together or not at all).
 */
export async function recordHistory<K extends HistoryEntryType>(ctx: RequestContext, input: NewHistoryEntry<K>): Promise<HistoryEntry> {
  if (!ctx.inTransaction) throw new Error('recordHistory must run inside the transaction of the change it records');
  const head = await lockHead(ctx);
  const entry = ctx.em.create(HistoryEntry, {
    dossierId: ctx.dossierId,
    sequence: head.lastSequence + 1,
    entityType: input.entityType,
    entityId: input.entityId,
    documentId: input.documentId ?? null,
    type: input.type,
    data: input.data,
    userId: ctx.userId,
    createdAt: clock.now(),
    previousHash: head.lastHash,
  });
  entry.hash = entryHash(head.lastHash, entry);
  await ctx.em.insert(HistoryEntry, entry);
  await ctx.em.update(HistoryChainHead, { dossierId: ctx.dossierId }, { lastSequence: entry.sequence, lastHash: entry.hash });
  return entry;
}

export interface ChainVerification {
  ok: boolean;
  checkedEntries: number;
  brokenAtSequence: number | null;
  brokenEntryId: string | null;
  reason: string | null;
}

const VERIFY_BATCH = 500;

/** Recomputes the dossier's chain from the first entry; reports the first broken link. */
export async function verifyHistoryChain(ctx: RequestContext): Promise<ChainVerification> {
  const repo = ctx.em.getRepository(HistoryEntry);
  let previousHash = GENESIS_HASH;
  let expected = 1;
  let checked = 0;
  const broken = (entry: { sequence: number; id: string | null }, reason: string): ChainVerification => ({
    ok: false,
    checkedEntries: checked,
    brokenAtSequence: entry.sequence,
    brokenEntryId: entry.id,
    reason,
  });
  for (;;) {
    const batch = await repo.find({
      where: { dossierId: ctx.dossierId, sequence: MoreThan(expected - 1) },
      order: { sequence: 'ASC' },
      take: VERIFY_BATCH,
    });
    for (const entry of batch) {
      if (entry.sequence !== expected) return broken({ sequence: expected, id: entry.id }, `entry ${expected} is missing`);
      if (entry.previousHash !== previousHash) return broken(entry, 'previousHash does not match the hash of the entry before');
      if (entryHash(previousHash, entry) !== entry.hash) return broken(entry, 'content does not match its hash');
      previousHash = entry.hash;
      expected++;
      checked++;
    }
    if (batch.length < VERIFY_BATCH) break;
  }
  const head = await ctx.em.findOneBy(HistoryChainHead, { dossierId: ctx.dossierId });
  const lastSequence = head?.lastSequence ?? 0;
  if (lastSequence !== checked || (head && head.lastHash !== previousHash)) {
    return broken({ sequence: checked + 1, id: null }, `the chain head says ${lastSequence} entries, ${checked} found`);
  }
  return { ok: true, checkedEntries: checked, brokenAtSequence: null, brokenEntryId: null, reason: null };
}

/** Entries of these records, oldest first, grouped by `entityType:entityId`. */
export async function historyOf(
  ctx: RequestContext,
  keys: readonly { entityType: HistoryEntityType; entityId: string }[],
): Promise<Map<string, HistoryEntry[]>> {
  const byKey = new Map<string, HistoryEntry[]>();
  if (keys.length === 0) return byKey;
  const rows = await ctx.em.getRepository(HistoryEntry).find({
    where: { dossierId: ctx.dossierId, entityId: In([...new Set(keys.map((k) => k.entityId))]) },
    order: { sequence: 'ASC' },
  });
  for (const row of rows) {
    const key = `${row.entityType}:${row.entityId}`;
    const list = byKey.get(key) ?? [];
    list.push(row);
    byKey.set(key, list);
  }
  return byKey;
}
