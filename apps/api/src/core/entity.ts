import { randomBytes } from 'node:crypto';
import {
  Column,
  CreateDateColumn,
  EventSubscriber,
  PrimaryColumn,
  UpdateDateColumn,
  type EntitySubscriberInterface,
  type InsertEvent,
  type ObjectLiteral,
  type UpdateEvent,
  type ValueTransformer,
} from 'typeorm';
import { clock } from './clock';

/** Timestamps keep sub-second precision on MySQL/MariaDB (SQLite stores them as text anyway). */
export const TIMESTAMP = { type: 'datetime', precision: 6 } as const;

/** Money and other BIGINT columns come back as numbers (integer cents stay far below 2^53). */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};

/**
 * A UUIDv7 (RFC 9562): 48 bits of milliseconds, then 74 random bits. Time-ordered, so
 * rows written together (a document's lines, its history entries) sit on neighbouring
 * index pages instead of random ones; the random part keeps IDs unguessable. Within
 * one millisecond the order is random, which no code relies on (ties sort by id only
 * to be stable).
 */
export function newId(now = Date.now()): string {
  const bytes = Buffer.allocUnsafe(16);
  bytes.writeUIntBE(now, 0, 6);
  randomPart().copy(bytes, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Every entity instance gets an id, rows TypeORM loads included (it then overwrites it):
// random bytes are drawn from the CSPRNG in blocks, not one system call per row.
const RANDOM_BLOCK = 10 * 512;
let randomBlock = Buffer.alloc(0);
let randomOffset = 0;
function randomPart(): Buffer {
  if (randomOffset + 10 > randomBlock.length) {
    randomBlock = randomBytes(RANDOM_BLOCK);
    randomOffset = 0;
  }
  randomOffset += 10;
  return randomBlock.subarray(randomOffset - 10, randomOffset);
}

/** Every table's key: a UUIDv7 (`newId`). */
export abstract class Identified {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();
}

export abstract class Timestamped extends Identified {
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMP)
  updatedAt: Date;
}

/**
 * The one scoped base: a row of one dossier's data. Every table of dossier data
 * (records, document lines, history entries, …) extends it, directly or through
 * `DossierOwned`; modules reach such rows only through `ctx.scoped(...)`, and the
 * test suite fails on any SQL statement that touches one of these tables without a
 * `dossierId` condition (see `isDossierTable`). Tables keyed by the dossier itself
 * (numbering counters, history chain heads) declare `dossierId` as their primary key
 * and count as dossier tables too.
 */
export abstract class DossierScoped extends Identified {
  @Column({ type: 'varchar', length: 36 })
  dossierId: string;

  /**
   * Type-level mark only (no column, no value at run time): makes this base nominal, so a
   * platform table that merely has a `dossierId` column (memberships) is not taken for
   * dossier data by `ctx.platform`'s type.
   */
  declare protected readonly dossierScoped: true;
}

/**
 * What `ctx.scoped(...)` reads and writes in one dossier: a row of dossier data (the scoped
 * base), or a row of a platform table that names its dossier (a membership), read in that
 * dossier's scope.
 */
export interface DossierRow {
  id: string;
  dossierId: string;
}

/** A dossier row with creation and update timestamps. */
export abstract class DossierOwned extends DossierScoped {
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMP)
  updatedAt: Date;
}

/** True for the tables of dossier data: rows of the scoped base, or rows keyed by their dossier. */
export function isDossierTable(metadata: { target: unknown; primaryColumns: { propertyName: string }[] }): boolean {
  const target = metadata.target;
  if (typeof target === 'function' && target.prototype instanceof DossierScoped) return true;
  return metadata.primaryColumns.some((c) => c.propertyName === 'dossierId');
}

/**
 * SQLite's default for creation/update columns is `datetime('now')`, precise to the
 * second only, so rows written in the same second would sort at random. Timestamps
 * are therefore set here, to the millisecond, on every dialect.
 */
@EventSubscriber()
export class TimestampSubscriber implements EntitySubscriberInterface {
  beforeInsert(event: InsertEvent<ObjectLiteral>): void {
    // The app's clock (the system clock, or the seed's past dates), like history entries.
    const now = clock.now();
    for (const column of [event.metadata.createDateColumn, event.metadata.updateDateColumn]) {
      if (column && event.entity && [null, undefined].includes(column.getEntityValue(event.entity))) column.setEntityValue(event.entity, now);
    }
  }

  beforeUpdate(event: UpdateEvent<ObjectLiteral>): void {
    const column = event.metadata.updateDateColumn;
    if (column && event.entity) column.setEntityValue(event.entity, clock.now());
  }
}
