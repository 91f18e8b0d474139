import { Column, Entity, Index, type SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { DossierScoped } from '../../core/entity';
import type { Document } from './document.entity';

/*
 * Searching documents by number or party name without `LIKE '%…%'`, which reads every
 * document of the dossier: each document keeps its search terms (its number, each word
 * of its party's name, and the whole name) in a table indexed by (dossier, term), and a
 * search is a prefix match per word typed — an index range each, whatever the dossier's size.
 */

const TERM_LENGTH = 80;
const MAX_QUERY_WORDS = 5;

/** One search term of one document. */
@Entity('document_search_terms')
@Index('ix_document_search_terms_term', ['dossierId', 'term', 'documentId'])
@Index('ix_document_search_terms_document', ['dossierId', 'documentId'])
export class DocumentSearchTerm extends DossierScoped {
  @Column({ type: 'varchar', length: 36 })
  documentId: string;

  @Column({ type: 'varchar', length: TERM_LENGTH })
  term: string;
}

/** Lower case without accents: « Café » and « cafe » find each other. */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().trim();
}

/** The terms a document is found by. */
export function searchTermsOf(doc: Pick<Document, 'number' | 'partyName'>): string[] {
  const terms = new Set<string>();
  const add = (text: string) => {
    const term = text.slice(0, TERM_LENGTH);
    if (term) terms.add(term);
  };
  if (doc.number) add(normalizeSearchText(doc.number));
  const name = normalizeSearchText(doc.partyName);
  add(name.replace(/\s+/g, ' '));
  for (const word of name.split(/[^\p{L}\p{N}]+/u)) add(word);
  return [...terms];
}

/** Rewrites the document's terms; called wherever its number or party name is written. */
export async function indexDocumentSearch(tx: RequestContext, doc: Pick<Document, 'id' | 'number' | 'partyName'>): Promise<void> {
  const repo = tx.scoped(DocumentSearchTerm, 'search term');
  await repo.delete({ documentId: doc.id });
  const terms = searchTermsOf(doc);
  if (terms.length > 0) await repo.insert(terms.map((term) => repo.create({ documentId: doc.id, term })));
}

/** Keeps documents (`alias`) matching every word typed, each as the prefix of one of their terms. */
export function applySearch(q: SelectQueryBuilder<Document>, alias: string, search: string): void {
  const words = normalizeSearchText(search).split(/\s+/).filter(Boolean).slice(0, MAX_QUERY_WORDS);
  // SQLite uses an index for LIKE only on case-insensitive columns; a range on the
  // (binary) term column is its prefix match. MySQL/MariaDB range-scan `LIKE 'x%'`.
  const sqlite = q.connection.options.type === 'better-sqlite3';
  words.forEach((word, i) => {
    const prefix = word.slice(0, TERM_LENGTH);
    const matches = sqlite
      ? { sql: `st${i}.term >= :searchFrom${i} AND st${i}.term < :searchTo${i}`, params: { [`searchFrom${i}`]: prefix, [`searchTo${i}`]: prefix + LAST_CODE_POINT } }
      : { sql: `st${i}.term LIKE :searchWord${i} ESCAPE '!'`, params: { [`searchWord${i}`]: `${prefix.replace(/[!%_]/g, (c) => `!${c}`)}%` } };
    q.andWhere(
      `${alias}.id IN (SELECT st${i}.documentId FROM document_search_terms st${i} WHERE st${i}.dossierId = :scopeDossierId AND ${matches.sql})`,
      matches.params,
    );
  });
}

/** Sorts after every string that starts with the same prefix (binary UTF-8 order). */
const LAST_CODE_POINT = String.fromCodePoint(0x10ffff);
