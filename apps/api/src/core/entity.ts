import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, PrimaryColumn, UpdateDateColumn, type ValueTransformer } from 'typeorm';

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
