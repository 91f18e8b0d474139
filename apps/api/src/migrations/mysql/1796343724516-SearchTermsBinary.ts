import type { MigrationInterface, QueryRunner } from 'typeorm';

/** MariaDB compares document search terms as bytes, as SQLite does (see document-search.ts). */
export class SearchTermsBinary1796343724516 implements MigrationInterface {
  name = 'SearchTermsBinary1796343724516';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`document_search_terms\` MODIFY \`term\` varchar(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, MODIFY \`words\` varchar(600) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`document_search_terms\` MODIFY \`term\` varchar(40) NOT NULL, MODIFY \`words\` varchar(600) NOT NULL`);
  }
}
