import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795921000420 implements MigrationInterface {
  name = 'Initial1795921000420';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`dossiers\` (\`id\` varchar(36) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`name\` varchar(160) NOT NULL, \`siret\` varchar(14) NULL, \`vatNumber\` varchar(20) NULL, \`addressLine\` varchar(200) NULL, \`postalCode\` varchar(10) NULL, \`city\` varchar(100) NULL, \`country\` varchar(2) NOT NULL DEFAULT 'FR', \`settings\` text NOT NULL, \`plan\` varchar(12) NOT NULL, \`extraSeats\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`users\` (\`id\` varchar(36) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`email\` varchar(254) NOT NULL, \`passwordHash\` varchar(255) NULL, \`name\` varchar(120) NOT NULL, \`phone\` varchar(40) NULL, \`platformRole\` varchar(20) NULL, UNIQUE INDEX \`uq_users_email\` (\`email\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`memberships\` (\`id\` varchar(36) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`userId\` varchar(36) NOT NULL, \`dossierId\` varchar(36) NOT NULL, \`profile\` varchar(12) NOT NULL, \`isPrincipal\` tinyint NOT NULL DEFAULT 0, INDEX \`ix_memberships_dossier\` (\`dossierId\`), UNIQUE INDEX \`uq_memberships_user_dossier\` (\`userId\`, \`dossierId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`sessions\` (\`id\` varchar(36) NOT NULL, \`tokenHash\` varchar(64) NOT NULL, \`userId\` varchar(36) NOT NULL, \`dossierId\` varchar(36) NULL, \`createdAt\` datetime(6) NOT NULL, \`lastSeenAt\` datetime(6) NOT NULL, \`expiresAt\` datetime(6) NOT NULL, \`revokedAt\` datetime(6) NULL, \`ip\` varchar(45) NULL, \`userAgent\` varchar(255) NULL, UNIQUE INDEX \`uq_sessions_token_hash\` (\`tokenHash\`), INDEX \`ix_sessions_user\` (\`userId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`mail_outbox\` (\`id\` varchar(36) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`to\` varchar(254) NOT NULL, \`subject\` varchar(255) NOT NULL, \`text\` text NOT NULL, \`status\` varchar(10) NOT NULL, \`error\` varchar(500) NULL, INDEX \`ix_mail_outbox_created\` (\`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`memberships\` ADD CONSTRAINT \`FK_187d573e43b2c2aa3960df20b78\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`memberships\` ADD CONSTRAINT \`FK_3161c4ed950516abbf80e5c2829\` FOREIGN KEY (\`dossierId\`) REFERENCES \`dossiers\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`sessions\` ADD CONSTRAINT \`FK_57de40bc620f456c7311aa3a1e6\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`sessions\` DROP FOREIGN KEY \`FK_57de40bc620f456c7311aa3a1e6\``);
    await queryRunner.query(`ALTER TABLE \`memberships\` DROP FOREIGN KEY \`FK_3161c4ed950516abbf80e5c2829\``);
    await queryRunner.query(`ALTER TABLE \`memberships\` DROP FOREIGN KEY \`FK_187d573e43b2c2aa3960df20b78\``);
    await queryRunner.query(`DROP INDEX \`ix_mail_outbox_created\` ON \`mail_outbox\``);
    await queryRunner.query(`DROP TABLE \`mail_outbox\``);
    await queryRunner.query(`DROP INDEX \`ix_sessions_user\` ON \`sessions\``);
    await queryRunner.query(`DROP INDEX \`uq_sessions_token_hash\` ON \`sessions\``);
    await queryRunner.query(`DROP TABLE \`sessions\``);
    await queryRunner.query(`DROP INDEX \`uq_memberships_user_dossier\` ON \`memberships\``);
    await queryRunner.query(`DROP INDEX \`ix_memberships_dossier\` ON \`memberships\``);
    await queryRunner.query(`DROP TABLE \`memberships\``);
    await queryRunner.query(`DROP INDEX \`uq_users_email\` ON \`users\``);
    await queryRunner.query(`DROP TABLE \`users\``);
    await queryRunner.query(`DROP TABLE \`dossiers\``);
  }
}
