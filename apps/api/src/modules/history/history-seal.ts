import { createHash, createHmac, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../core/canonical-json';

/**
 * The cryptography of the history seal, free of any database so that the offline
 * verifier (`verify-history`) runs the very same code as the server.
 *
 * - Each entry's `hash` = HMAC-SHA256(HISTORY_KEY, previousHash + canonical(content)):
 *   a chain rewritten with recomputed plain SHA-256 hashes no longer verifies.
 * - A plain running digest D(n) = SHA-256(D(n−1) + canonical(content(n))) is kept
 *   in the chain head; checkpoints sign (sequence, hash, digest) with Ed25519, so
 *   an auditor holding only the public key can check that entries 1…n are exactly
 *   what the server had signed.
 * - The chain head is sealed with an HMAC too: deleting the last entries and
 *   rolling the head back needs the key.
 */

export const GENESIS_HASH = '0'.repeat(64);

/** What an entry says (everything except its hashes), as hashed and exported. */
export interface EntryContent {
  id: string;
  dossierId: string;
  sequence: number;
  entityType: string;
  entityId: string;
  documentId: string | null;
  type: string;
  data: unknown;
  userId: string;
  createdAt: string;
}

export function contentOf(entry: {
  id: string;
  dossierId: string;
  sequence: number;
  entityType: string;
  entityId: string;
  documentId?: string | null;
  type: string;
  data: unknown;
  userId: string;
  createdAt: Date | string;
}): EntryContent {
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
    createdAt: entry.createdAt instanceof Date ? entry.createdAt.toISOString() : entry.createdAt,
  };
}

export function entryHash(key: Buffer, previousHash: string, content: EntryContent): string {
  return createHmac('sha256', key)
    .update(previousHash + canonicalJson(content))
    .digest('hex');
}

/** The plain digest an auditor can recompute without any secret. */
export function nextDigest(previousDigest: string, content: EntryContent): string {
  return createHash('sha256')
    .update(previousDigest + canonicalJson(content))
    .digest('hex');
}

export interface HeadState {
  dossierId: string;
  lastSequence: number;
  lastHash: string;
  lastDigest: string;
}

export function headSeal(key: Buffer, head: HeadState): string {
  return createHmac('sha256', key)
    .update(canonicalJson({ dossierId: head.dossierId, lastSequence: head.lastSequence, lastHash: head.lastHash, lastDigest: head.lastDigest }))
    .digest('hex');
}

export interface CheckpointBody {
  dossierId: string;
  sequence: number;
  hash: string;
  digest: string;
  createdAt: string;
  keyId: string;
}

export interface SignedCheckpoint extends CheckpointBody {
  signature: string;
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex')
    .slice(0, 16);
}

function checkpointBytes(body: CheckpointBody): Buffer {
  const { dossierId, sequence, hash, digest, createdAt, keyId } = body;
  return Buffer.from(canonicalJson({ dossierId, sequence, hash, digest, createdAt, keyId }), 'utf8');
}

export function signCheckpoint(privateKey: KeyObject, body: CheckpointBody): string {
  return sign(null, checkpointBytes(body), privateKey).toString('base64');
}

export function checkpointSignatureValid(publicKey: KeyObject, checkpoint: SignedCheckpoint): boolean {
  try {
    return verify(null, checkpointBytes(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}

/** An export an auditor verifies offline (`history:export`, then `verify-history`). */
export interface HistoryExport {
  format: 'comptoir-history/1';
  dossierId: string;
  exportedAt: string;
  publicKey: string;
  entries: (EntryContent & { previousHash: string; hash: string })[];
  checkpoints: SignedCheckpoint[];
}

export interface OfflineVerification {
  ok: boolean;
  entries: number;
  /** The highest sequence covered by a valid signed checkpoint. */
  signedUpTo: number;
  checkpoints: number;
  problems: string[];
}

/**
 * What an auditor can check with the public key only: links between entries, the
 * plain digest at each signed checkpoint, every signature, and that no checkpoint
 * (from the export or kept by the auditor from an earlier one) lies beyond the end
 * of the chain. Entries after the last checkpoint are reported as not yet signed.
 */
export function verifyExport(data: HistoryExport, publicKey: KeyObject, kept: readonly SignedCheckpoint[] = []): OfflineVerification {
  const problems: string[] = [];
  const digests = new Map<number, { hash: string; digest: string }>();
  let previousHash = GENESIS_HASH;
  let digest = '';
  data.entries.forEach((entry, index) => {
    const expected = index + 1;
    if (entry.sequence !== expected) problems.push(`entry ${expected} is missing (found ${entry.sequence})`);
    if (entry.dossierId !== data.dossierId) problems.push(`entry ${entry.sequence} belongs to another dossier`);
    if (entry.previousHash !== previousHash) problems.push(`entry ${entry.sequence}: previousHash does not match the entry before`);
    digest = nextDigest(digest, contentOf(entry));
    digests.set(entry.sequence, { hash: entry.hash, digest });
    previousHash = entry.hash;
  });
  const last = data.entries.length;
  const keyId = keyIdOf(publicKey);
  let signedUpTo = 0;
  const all = [...data.checkpoints, ...kept.filter((k) => k.dossierId === data.dossierId)];
  for (const cp of all) {
    if (cp.dossierId !== data.dossierId) continue;
    if (cp.keyId !== keyId || !checkpointSignatureValid(publicKey, cp)) {
      problems.push(`checkpoint at entry ${cp.sequence}: signature not valid for this public key`);
      continue;
    }
    if (cp.sequence > last) {
      problems.push(`checkpoint at entry ${cp.sequence} is signed, but the history ends at entry ${last}: entries were deleted (truncated tail)`);
      continue;
    }
    const at = digests.get(cp.sequence);
    if (!at || at.hash !== cp.hash || at.digest !== cp.digest) {
      problems.push(`entries 1…${cp.sequence} differ from what checkpoint ${cp.sequence} signed`);
      continue;
    }
    signedUpTo = Math.max(signedUpTo, cp.sequence);
  }
  return { ok: problems.length === 0, entries: last, signedUpTo, checkpoints: all.length, problems };
}
