import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795921000420 implements MigrationInterface {
  name = 'Initial1795921000420';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "dossiers" ("id" varchar(36) PRIMARY KEY NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "name" varchar(160) NOT NULL, "siret" varchar(14), "vatNumber" varchar(20), "addressLine" varchar(200), "postalCode" varchar(10), "city" varchar(100), "country" varchar(2) NOT NULL DEFAULT ('FR'), "settings" text NOT NULL, "plan" varchar(12) NOT NULL, "extraSeats" integer NOT NULL DEFAULT (0))`);
    await queryRunner.query(`CREATE TABLE "users" ("id" varchar(36) PRIMARY KEY NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "email" varchar(254) NOT NULL, "passwordHash" varchar(255), "name" varchar(120) NOT NULL, "phone" varchar(40), "platformRole" varchar(20))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email") `);
    await queryRunner.query(`CREATE TABLE "memberships" ("id" varchar(36) PRIMARY KEY NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "userId" varchar(36) NOT NULL, "dossierId" varchar(36) NOT NULL, "profile" varchar(12) NOT NULL, "isPrincipal" boolean NOT NULL DEFAULT (0))`);
    await queryRunner.query(`CREATE INDEX "ix_memberships_dossier" ON "memberships" ("dossierId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_memberships_user_dossier" ON "memberships" ("userId", "dossierId") `);
    await queryRunner.query(`CREATE TABLE "sessions" ("id" varchar(36) PRIMARY KEY NOT NULL, "tokenHash" varchar(64) NOT NULL, "userId" varchar(36) NOT NULL, "dossierId" varchar(36), "createdAt" datetime(6) NOT NULL, "lastSeenAt" datetime(6) NOT NULL, "expiresAt" datetime(6) NOT NULL, "revokedAt" datetime(6), "ip" varchar(45), "userAgent" varchar(255))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_sessions_token_hash" ON "sessions" ("tokenHash") `);
    await queryRunner.query(`CREATE INDEX "ix_sessions_user" ON "sessions" ("userId") `);
    await queryRunner.query(`CREATE TABLE "mail_outbox" ("id" varchar(36) PRIMARY KEY NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "to" varchar(254) NOT NULL, "subject" varchar(255) NOT NULL, "text" text NOT NULL, "status" varchar(10) NOT NULL, "error" varchar(500))`);
    await queryRunner.query(`CREATE INDEX "ix_mail_outbox_created" ON "mail_outbox" ("createdAt") `);
    await queryRunner.query(`DROP INDEX "ix_memberships_dossier"`);
    await queryRunner.query(`DROP INDEX "uq_memberships_user_dossier"`);
    await queryRunner.query(`CREATE TABLE "temporary_memberships" ("id" varchar(36) PRIMARY KEY NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "userId" varchar(36) NOT NULL, "dossierId" varchar(36) NOT NULL, "profile" varchar(12) NOT NULL, "isPrincipal" boolean NOT NULL DEFAULT (0), CONSTRAINT "FK_187d573e43b2c2aa3960df20b78" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_3161c4ed950516abbf80e5c2829" FOREIGN KEY ("dossierId") REFERENCES "dossiers" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_memberships"("id", "createdAt", "updatedAt", "userId", "dossierId", "profile", "isPrincipal") SELECT "id", "createdAt", "updatedAt", "userId", "dossierId", "profile", "isPrincipal" FROM "memberships"`);
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`ALTER TABLE "temporary_memberships" RENAME TO "memberships"`);
    await queryRunner.query(`CREATE INDEX "ix_memberships_dossier" ON "memberships" ("dossierId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_memberships_user_dossier" ON "memberships" ("userId", "dossierId") `);
    await queryRunner.query(`DROP INDEX "uq_sessions_token_hash"`);
    await queryRunner.query(`DROP INDEX "ix_sessions_user"`);
    await queryRunner.query(`CREATE TABLE "temporary_sessions" ("id" varchar(36) PRIMARY KEY NOT NULL, "tokenHash" varchar(64) NOT NULL, "userId" varchar(36) NOT NULL, "dossierId" varchar(36), "createdAt" datetime(6) NOT NULL, "lastSeenAt" datetime(6) NOT NULL, "expiresAt" datetime(6) NOT NULL, "revokedAt" datetime(6), "ip" varchar(45), "userAgent" varchar(255), CONSTRAINT "FK_57de40bc620f456c7311aa3a1e6" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_sessions"("id", "tokenHash", "userId", "dossierId", "createdAt", "lastSeenAt", "expiresAt", "revokedAt", "ip", "userAgent") SELECT "id", "tokenHash", "userId", "dossierId", "createdAt", "lastSeenAt", "expiresAt", "revokedAt", "ip", "userAgent" FROM "sessions"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`ALTER TABLE "temporary_sessions" RENAME TO "sessions"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_sessions_token_hash" ON "sessions" ("tokenHash") `);
    await queryRunner.query(`CREATE INDEX "ix_sessions_user" ON "sessions" ("userId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_sessions_user"`);
    await queryRunner.query(`DROP INDEX "uq_sessions_token_hash"`);
    await queryRunner.query(`ALTER TABLE "sessions" RENAME TO "temporary_sessions"`);
    await queryRunner.query(`CREATE TABLE "sessions" ("id" varchar(36) PRIMARY KEY NOT NULL, "tokenHash" varchar(64) NOT NULL, "userId" varchar(36) NOT NULL, "dossierId" varchar(36), "createdAt" datetime(6) NOT NULL, "lastSeenAt" datetime(6) NOT NULL, "expiresAt" datetime(6) NOT NULL, "revokedAt" datetime(6), "ip" varchar(45), "userAgent" varchar(255))`);
    await queryRunner.query(`INSERT INTO "sessions"("id", "tokenHash", "userId", "dossierId", "createdAt", "lastSeenAt", "expiresAt", "revokedAt", "ip", "userAgent") SELECT "id", "tokenHash", "userId", "dossierId", "createdAt", "lastSeenAt", "expiresAt", "revokedAt", "ip", "userAgent" FROM "temporary_sessions"`);
    await queryRunner.query(`DROP TABLE "temporary_sessions"`);
    await queryRunner.query(`CREATE INDEX "ix_sessions_user" ON "sessions" ("userId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_sessions_token_hash" ON "sessions" ("tokenHash") `);
    await queryRunner.query(`DROP INDEX "uq_memberships_user_dossier"`);
    await queryRunner.query(`DROP INDEX "ix_memberships_dossier"`);
    await queryRunner.query(`ALTER TABLE "memberships" RENAME TO "temporary_memberships"`);
    await queryRunner.query(`CREATE TABLE "memberships" ("id" varchar(36) PRIMARY KEY NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "userId" varchar(36) NOT NULL, "dossierId" varchar(36) NOT NULL, "profile" varchar(12) NOT NULL, "isPrincipal" boolean NOT NULL DEFAULT (0))`);
    await queryRunner.query(`INSERT INTO "memberships"("id", "createdAt", "updatedAt", "userId", "dossierId", "profile", "isPrincipal") SELECT "id", "createdAt", "updatedAt", "userId", "dossierId", "profile", "isPrincipal" FROM "temporary_memberships"`);
    await queryRunner.query(`DROP TABLE "temporary_memberships"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_memberships_user_dossier" ON "memberships" ("userId", "dossierId") `);
    await queryRunner.query(`CREATE INDEX "ix_memberships_dossier" ON "memberships" ("dossierId") `);
    await queryRunner.query(`DROP INDEX "ix_mail_outbox_created"`);
    await queryRunner.query(`DROP TABLE "mail_outbox"`);
    await queryRunner.query(`DROP INDEX "ix_sessions_user"`);
    await queryRunner.query(`DROP INDEX "uq_sessions_token_hash"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "uq_memberships_user_dossier"`);
    await queryRunner.query(`DROP INDEX "ix_memberships_dossier"`);
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP INDEX "uq_users_email"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "dossiers"`);
  }
}
