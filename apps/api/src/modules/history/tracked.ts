import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { conflict } from '../../core/errors';
import type { ScopedRepository } from '../../core/scoped-repository';
import { User } from '../identity/user.entity';
import { clock } from '../../core/clock';
import type { FieldChangeData } from './history-entry.entity';
import type { TrackedRecord } from './tracked.entity';

/** CONFLICT carrying what the client needs to tell who changed the record and reload it. */
export async function staleVersion(ctx: RequestContext, label: string, current: TrackedRecord): Promise<Error> {
  const user = await ctx.platform(User).findOne({ where: { id: current.updatedById }, select: { id: true, name: true } });
  return conflict('STALE_VERSION', `${label} was changed by ${user?.name ?? 'someone else'} in the meantime: reload it`, {
    currentVersion: current.version,
    updatedBy: user?.name ?? null,
    updatedById: current.updatedById,
    updatedAt: current.updatedAt.toISOString(),
  });
}

/**
 * The record, locked for the rest of the transaction (FOR UPDATE on MySQL/MariaDB,
 * so it is the latest committed row), or CONFLICT when its version is not the one expected.
 */
export async function loadExpected<T extends TrackedRecord>(
  ctx: RequestContext,
  repo: ScopedRepository<T>,
  label: string,
  id: string,
  expectedVersion: number,
): Promise<T> {
  const record = await repo.get(id, { lock: true });
  if (record.version !== expectedVersion) throw await staleVersion(ctx, label, record);
  return record;
}

/**
 * Check-and-bump in one statement: `UPDATE … SET …, version = version + 1 WHERE id = ?
 * AND dossierId = ? AND version = ?`. Two concurrent updates of one version cannot
 * both match; the loser gets CONFLICT and nothing it sent is written.
 */
export async function updateVersioned<T extends TrackedRecord & ObjectLiteral>(
  ctx: RequestContext,
  entity: EntityTarget<T>,
  label: string,
  record: T,
  expectedVersion: number,
  changes: Partial<T>,
): Promise<T> {
  const now = clock.now();
  const repo = ctx.scoped(entity, label);
  const affected = await repo.update({ id: record.id, version: expectedVersion } as never, {
    ...changes,
    version: () => 'version + 1',
    updatedById: ctx.userId,
    updatedAt: now,
  } as never);
  if (affected !== 1) {
    const current = await repo.get(record.id);
    throw await staleVersion(ctx, label, current);
  }
  Object.assign(record, changes, { version: expectedVersion + 1, updatedById: ctx.userId, updatedAt: now });
  return record;
}

export type Shown = string | number | boolean | null | undefined;

/** Display value of a field for history (null when empty). */
export function shown(value: Shown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return String(value);
}

/** Fields whose display value differs, with before and after. */
export function changedFields(fields: readonly string[], before: Record<string, unknown>, after: Record<string, unknown>): FieldChangeData[] {
  const changes: FieldChangeData[] = [];
  for (const field of fields) {
    const b = shown(before[field] as Shown);
    const a = shown(after[field] as Shown);
    if (b !== a) changes.push({ field, before: b, after: a });
  }
  return changes;
}
