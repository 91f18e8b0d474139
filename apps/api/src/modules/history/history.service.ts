import { In, MoreThan } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { clock } from '../../core/clock';
import { topics } from '../../core/bus';
import {
  HistoryChainHead,
  HistoryCheckpoint,
  HistoryEntityType,
  HistoryEntry,
  type HistoryDataByType,
  type HistoryEntryType,
} from './history-entry.entity';
import { addToDocumentActionFacts, countsForDocumentFacts } from './document-action-facts';
import { contentOf, entryHash, GENESIS_HASH, headSeal, keyIdOf, nextDigest, signCheckpoint, checkpointSignatureValid, type HistoryExport } from './history-seal';

export { GENESIS_HASH } from './history-seal';

export interface NewHistoryEntry<K extends HistoryEntryType> {
  entityType: HistoryEntityType;
  entityId: string;
  documentId?: string | null;
  type: K;
  data: HistoryDataByType[K];
}

/**
 * Locks the dossier's chain head for the rest of the transaction (creating it on
 * first use). MySQL/MariaDB: `INSERT … ON DUPLICATE KEY UPDATE` takes an exclusive
 * row lock, then `SELECT … FOR UPDATE`; SQLite transactions are serialized already.
 */
async function lockHead(ctx: RequestContext): Promise<HistoryChainHead> {
  const dossierId = ctx.dossierId;
  const sqlite = ctx.dialect === 'better-sqlite3';
  await ctx.query(
    sqlite
      ? "INSERT OR IGNORE INTO `history_chain_heads` (`dossierId`, `lastSequence`, `lastHash`, `lastDigest`, `seal`) VALUES (?, 0, ?, '', '')"
      : "INSERT INTO `history_chain_heads` (`dossierId`, `lastSequence`, `lastHash`, `lastDigest`, `seal`) VALUES (?, 0, ?, '', '') ON DUPLICATE KEY UPDATE `lastSequence` = `lastSequence`",
    [dossierId, GENESIS_HASH],
  );
  const rows = (await ctx.query(
    `SELECT \`lastSequence\`, \`lastHash\`, \`lastDigest\`, \`seal\` FROM \`history_chain_heads\` WHERE \`dossierId\` = ?${sqlite ? '' : ' FOR UPDATE'}`,
    [dossierId],
  )) as { lastSequence: number | string; lastHash: string; lastDigest: string; seal: string }[];
  const head = new HistoryChainHead();
  head.dossierId = dossierId;
  head.lastSequence = Number(rows[0].lastSequence);
  head.lastHash = rows[0].lastHash;
  head.lastDigest = rows[0].lastDigest;
  head.seal = rows[0].seal;
  return head;
}

/** Signs the head's current state as a checkpoint (inside the caller's transaction, head locked). */
async function writeCheckpoint(ctx: RequestContext, head: HistoryChainHead): Promise<HistoryCheckpoint | null> {
  if (head.lastSequence === 0) return null;
  const keys = ctx.app.keys;
  const checkpoints = ctx.scoped(HistoryCheckpoint, 'History checkpoint');
  const existing = await checkpoints.findOneBy({ sequence: head.lastSequence });
  if (existing) return existing;
  const body = {
    dossierId: head.dossierId,
    sequence: head.lastSequence,
    hash: head.lastHash,
    digest: head.lastDigest,
    createdAt: clock.now().toISOString(),
    keyId: keyIdOf(keys.publicKey),
  };
  const checkpoint = checkpoints.create({ ...body, createdAt: new Date(body.createdAt), signature: signCheckpoint(keys.signingKey, body) });
  await checkpoints.insert(checkpoint);
  return checkpoint;
}

/**
 * Appends an entry to the dossier's history, inside the caller's transaction
 * (refuses to run outside one: history and change commit together or not at all).
 * Every HISTORY_CHECKPOINT_EVERY entries, the new head is signed as a checkpoint.
 */
export async function recordHistory<K extends HistoryEntryType>(ctx: RequestContext, input: NewHistoryEntry<K>): Promise<HistoryEntry> {
  if (!ctx.inTransaction) throw new Error('recordHistory must run inside the transaction of the change it records');
  const { keys, config } = ctx.app;
  const head = await lockHead(ctx);
  const entries = ctx.scoped(HistoryEntry, 'History entry');
  const entry = entries.create({
    dossierId: ctx.dossierId,
    sequence: head.lastSequence + 1,
    entityType: input.entityType,
    entityId: input.entityId,
    documentId: input.documentId ?? null,
    type: input.type,
    data: input.data,
    userId: ctx.userId,
    // Millisecond precision: what every database stores and gives back, so the hash recomputes.
    createdAt: new Date(Math.floor(clock.now().getTime())),
    previousHash: head.lastHash,
  });
  const content = contentOf(entry);
  entry.hash = entryHash(keys.historyKey, head.lastHash, content);
  await entries.insert(entry);
  if (countsForDocumentFacts(entry.entityType, entry.documentId)) await addToDocumentActionFacts(ctx, entry.documentId, entry.type, entry.userId);
  head.lastSequence = entry.sequence;
  head.lastHash = entry.hash;
  head.lastDigest = nextDigest(head.lastDigest, content);
  head.seal = headSeal(keys.historyKey, head);
  await ctx.dossierRow(HistoryChainHead, 'History chain head').update({}, { lastSequence: head.lastSequence, lastHash: head.lastHash, lastDigest: head.lastDigest, seal: head.seal });
  if (entry.sequence % config.historyCheckpointEvery === 0) await writeCheckpoint(ctx, head);
  announceEntry(ctx, entry);
  return entry;
}

/** What the bus carries for each history entry, once its transaction commits. */
export interface HistoryEvent {
  kind: 'history';
  dossierId: string;
  sequence: number;
  entityType: HistoryEntityType;
  entityId: string;
  documentId: string | null;
  entryType: HistoryEntryType;
  userId: string;
  userName: string;
  at: string;
}

/** Live: the dossier's users (and /admin for support requests) learn of the entry after commit. */
function announceEntry(ctx: RequestContext, entry: HistoryEntry): void {
  const event: HistoryEvent = {
    kind: 'history',
    dossierId: entry.dossierId,
    sequence: entry.sequence,
    entityType: entry.entityType,
    entityId: entry.entityId,
    documentId: entry.documentId,
    entryType: entry.type,
    userId: entry.userId,
    userName: ctx.user.name,
    at: entry.createdAt.toISOString(),
  };
  ctx.publishAfterCommit(topics.dossier(entry.dossierId), event);
  if (entry.entityType === HistoryEntityType.SUPPORT_REQUEST) ctx.publishAfterCommit(topics.admin, event);
}

/** A signed checkpoint of the session's dossier's chain as it stands now (on demand: `history:checkpoint`), in one transaction. */
export async function checkpointNow(ctx: RequestContext): Promise<HistoryCheckpoint | null> {
  return ctx.transaction(async (tx) => writeCheckpoint(tx, await lockHead(tx)));
}

export interface ChainVerification {
  ok: boolean;
  checkedEntries: number;
  brokenAtSequence: number | null;
  brokenEntryId: string | null;
  reason: string | null;
}

const VERIFY_BATCH = 500;

/**
 * Recomputes the dossier's chain from the first entry with HISTORY_KEY and reports
 * the first problem: a missing entry, a broken link, content that does not match
 * its HMAC (a chain rewritten with plain hashes fails here), a signed checkpoint
 * that does not match or lies beyond the end (truncated tail), or a chain head
 * whose seal does not match (head rolled back).
 */
export async function verifyHistoryChain(ctx: RequestContext): Promise<ChainVerification> {
  // One transaction, so every read sees the same state (InnoDB's snapshot; SQLite's serialized
  // transactions): read outside one, an entry appended by a colleague or a job between reading
  // the entries and reading the chain head would look like a broken chain.
  return ctx.transaction((tx) => verifyDossierHistory(tx));
}

/** The verification of `verifyHistoryChain`, in the caller's transaction (or none). */
export async function verifyDossierHistory(ctx: RequestContext): Promise<ChainVerification> {
  const keys = ctx.app.keys;
  const entries = ctx.scoped(HistoryEntry, 'History entry');
  const checkpoints = await ctx.scoped(HistoryCheckpoint, 'History checkpoint').find({ order: { sequence: 'ASC' } });
  const bySequence = new Map(checkpoints.map((c) => [c.sequence, c]));
  let previousHash = GENESIS_HASH;
  let digest = '';
  let expected = 1;
  let checked = 0;
  const broken = (entry: { sequence: number; id: string | null }, reason: string): ChainVerification => ({
    ok: false,
    checkedEntries: checked,
    brokenAtSequence: entry.sequence,
    brokenEntryId: entry.id,
    reason,
  });
  for (const cp of checkpoints) {
    const body = { ...cp, createdAt: cp.createdAt.toISOString() };
    if (cp.keyId !== keyIdOf(keys.publicKey) || !checkpointSignatureValid(keys.publicKey, body)) {
      return broken({ sequence: cp.sequence, id: null }, `the signed checkpoint at entry ${cp.sequence} has an invalid signature`);
    }
  }
  for (;;) {
    const batch = await entries.find({ where: { sequence: MoreThan(expected - 1) }, order: { sequence: 'ASC' }, take: VERIFY_BATCH });
    for (const entry of batch) {
      if (entry.sequence !== expected) return broken({ sequence: expected, id: entry.id }, `entry ${expected} is missing`);
      if (entry.previousHash !== previousHash) return broken(entry, 'previousHash does not match the hash of the entry before');
      const content = contentOf(entry);
      if (entryHash(keys.historyKey, previousHash, content) !== entry.hash) return broken(entry, 'content does not match its hash (HMAC seal)');
      digest = nextDigest(digest, content);
      const cp = bySequence.get(entry.sequence);
      if (cp && (cp.hash !== entry.hash || cp.digest !== digest)) return broken(entry, `entries up to ${entry.sequence} differ from the signed checkpoint`);
      previousHash = entry.hash;
      expected++;
      checked++;
    }
    if (batch.length < VERIFY_BATCH) break;
  }
  const beyond = checkpoints.find((c) => c.sequence > checked);
  if (beyond) {
    return broken({ sequence: checked + 1, id: null }, `a signed checkpoint covers entry ${beyond.sequence} but the history ends at entry ${checked}: entries were deleted`);
  }
  const head = await ctx.dossierRow(HistoryChainHead, 'History chain head').findOneBy();
  const lastSequence = head?.lastSequence ?? 0;
  if (lastSequence !== checked || (head && head.lastHash !== previousHash)) {
    return broken({ sequence: checked + 1, id: null }, `the chain head says ${lastSequence} entries, ${checked} found`);
  }
  if (head && checked > 0 && (head.lastDigest !== digest || head.seal !== headSeal(keys.historyKey, head))) {
    return broken({ sequence: checked + 1, id: null }, 'the chain head does not match its seal: the end of the history was changed (entries deleted and head rolled back?)');
  }
  return { ok: true, checkedEntries: checked, brokenAtSequence: null, brokenEntryId: null, reason: null };
}

/** Everything an auditor needs to verify the session's dossier's history offline with the public key. */
export async function exportHistory(ctx: RequestContext): Promise<HistoryExport> {
  const entries = await ctx.scoped(HistoryEntry, 'History entry').find({ order: { sequence: 'ASC' } });
  const checkpoints = await ctx.scoped(HistoryCheckpoint, 'History checkpoint').find({ order: { sequence: 'ASC' } });
  return {
    format: 'comptoir-history/1',
    dossierId: ctx.dossierId,
    exportedAt: new Date().toISOString(),
    publicKey: ctx.app.keys.publicKeyPem,
    entries: entries.map((e) => ({ ...contentOf(e), previousHash: e.previousHash, hash: e.hash })),
    checkpoints: checkpoints.map((c) => ({
      dossierId: c.dossierId,
      sequence: c.sequence,
      hash: c.hash,
      digest: c.digest,
      createdAt: c.createdAt.toISOString(),
      keyId: c.keyId,
      signature: c.signature,
    })),
  };
}

/** Entries of these records, oldest first, grouped by `entityType:entityId`. */
export async function historyOf(
  ctx: RequestContext,
  keys: readonly { entityType: HistoryEntityType; entityId: string }[],
): Promise<Map<string, HistoryEntry[]>> {
  const byKey = new Map<string, HistoryEntry[]>();
  if (keys.length === 0) return byKey;
  const rows = await ctx.scoped(HistoryEntry, 'History entry').find({
    where: { entityId: In([...new Set(keys.map((k) => k.entityId))]) },
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
