import { randomUUID } from 'node:crypto';
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

/** Timestamps keep sub-second precision on MySQL/MariaDB (SQLite stores them as text anyway). */
export const TIMESTAMP = { type: 'datetime', precision: 6 } as const;

/** Money and other BIGINT columns come back as numbers (integer cents stay far below 2^53). */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};

/** Every table's key: a random UUID, so IDs reveal nothing about other dossiers. */
export abstract class Identified {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = randomUUID();
}

export abstract class Timestamped extends Identified {
  @CreateDateColumn(TIMESTAMP)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMP)
  updatedAt: Date;
}

/** A row that belongs to one dossier; reach it only through `ctx.scoped(...)`. */
export abstract class DossierOwned extends Timestamped {
  @Column({ type: 'varchar', length: 36 })
  dossierId: string;
}

/**
 * SQLite's default for creation/update columns is `datetime('now')`, precise to the
 * second only, so rows written in the same second would sort at random. Timestamps
 * are therefore set here, to the millisecond, on every dialect.
 */
@EventSubscriber()
export class TimestampSubscriber implements EntitySubscriberInterface {
  beforeInsert(event: InsertEvent<ObjectLiteral>): void {
    const now = new Date();
    for (const column of [event.metadata.createDateColumn, event.metadata.updateDateColumn]) {
      if (column && event.entity && [null, undefined].includes(column.getEntityValue(event.entity))) column.setEntityValue(event.entity, now);
    }
  }

  beforeUpdate(event: UpdateEvent<ObjectLiteral>): void {
    const column = event.metadata.updateDateColumn;
    if (column && event.entity) column.setEntityValue(event.entity, new Date());
  }
}
