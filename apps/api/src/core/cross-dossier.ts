import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The few places that work across dossiers on purpose, each with its reason. Every other
 * statement on a table of dossier data compares that table's `dossierId` with the session's
 * dossier (`ctx.scoped(...)`), and the test suite's SQL audit fails on any that does not,
 * except inside `acrossDossiers(reason, …)`. Adding a reason here is a reviewed change: keep
 * the list short.
 */
export const CROSS_DOSSIER_REASONS = {
  /** /support desk: platform support staff list, assign and process the requests of every dossier. */
  supportDesk: 'the support desk handles the requests of every dossier',
  /** /admin: platform administrators see and settle any dossier's seat orders. */
  platformAdmin: 'platform administration works on any dossier',
} as const;

export type CrossDossierReason = keyof typeof CROSS_DOSSIER_REASONS;

/**
 * TypeORM's own statements for a row `ScopedRepository` has just verified is in the session's
 * dossier (the load by primary key and the UPDATE by primary key of `save`): TypeORM offers no
 * way to add the dossier to them, the scoped check that precedes them does.
 */
export type CoreMarker = 'verifiedInDossier';

const current = new AsyncLocalStorage<CrossDossierReason | CoreMarker>();

/** Runs `work` as a deliberate cross-dossier operation (see `CROSS_DOSSIER_REASONS`). */
export function acrossDossiers<T>(reason: CrossDossierReason, work: () => Promise<T>): Promise<T> {
  return current.run(reason, work);
}

/** Core only: TypeORM's statements for rows already verified to be in the dossier. */
export function verifiedInDossier<T>(work: () => Promise<T>): Promise<T> {
  return current.run('verifiedInDossier', work);
}

/** Why the running statement may leave out the dossier condition, if it may (read by the SQL audit). */
export function crossDossierReason(): CrossDossierReason | CoreMarker | undefined {
  return current.getStore();
}
