import { Column, Entity, Index, type SelectQueryBuilder } from 'typeorm';
import { DocumentType } from '@comptoir/schema';
import type { RequestContext } from '../../core/context';
import { DossierScoped, newId } from '../../core/entity';
import type { Document } from './document.entity';

/*
 * Searching documents by number or party name without `LIKE '%…%'`, which reads every
 * document of the dossier. Each document keeps, in `document_search_terms`, every prefix
 * of its search words (its number, and each word of its party's name, split on spaces
 * and on punctuation; lower case, accents removed), with its type and date. A word typed
 * is one of those prefixes exactly, so the index (dossier, type, term, date, document)
 * hands the list its first page already in order (date, id) — the join stops after a
 * page's rows whatever the number of matches (issue 14). More words: the longest drives
 * (the most selective, as a rule), each other one is a lookup in
 * (dossier, document, term).
 */

/** Prefixes longer than this are not stored: a longer word typed compares on its first 40 characters. */
const TERM_LENGTH = 40;
const MAX_QUERY_WORDS = 5;

/** One search term (a prefix of a word) of one document, with what the list sorts and filters by. */
@Entity('document_search_terms')
@Index('ix_document_search_terms_term', ['dossierId', 'type', 'term', 'date', 'documentId'])
@Index('uq_document_search_terms_document', ['dossierId', 'documentId', 'term', 'type', 'date'], { unique: true })
export class DocumentSearchTerm extends DossierScoped {
  @Column({ type: 'varchar', length: 36 })
  documentId: string;

  /** The document's type: the lists are per type. */
  @Column({ type: 'varchar', length: 20 })
  type: DocumentType;

  /** The document's date (YYYY-MM-DD), kept equal to it: the lists' default order. */
  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'varchar', length: TERM_LENGTH })
  term: string;
}

/** Lower case without accents: « Café » and « cafe » find each other. */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().trim();
}

/** The first `TERM_LENGTH` characters (code points, never half a surrogate pair). */
function clip(word: string): string {
  return Array.from(word).slice(0, TERM_LENGTH).join('');
}

/** The terms a document is found by: every prefix of each of its words. */
export function searchTermsOf(doc: Pick<Document, 'number' | 'partyName'>): string[] {
  const words = new Set<string>();
  if (doc.number) words.add(normalizeSearchText(doc.number));
  const name = normalizeSearchText(doc.partyName);
  for (const word of name.split(/\s+/)) words.add(word);
  for (const word of name.split(/[^\p{L}\p{N}]+/u)) words.add(word);
  const terms = new Set<string>();
  for (const word of words) {
    const chars = Array.from(clip(word));
    for (let n = 1; n <= chars.length; n++) terms.add(chars.slice(0, n).join(''));
  }
  return [...terms];
}

type Indexed = Pick<Document, 'id' | 'type' | 'date' | 'number' | 'partyName'>;

/** The rows of a document's terms (also used to seed benchmarks and tests). */
export function searchTermRows(dossierId: string, doc: Indexed): Partial<DocumentSearchTerm>[] {
  return searchTermsOf(doc).map((term) => ({ id: newId(), dossierId, documentId: doc.id, type: doc.type, date: doc.date, term }));
}

/** Rewrites the document's terms; called wherever its number, party name or date is written. */
export async function indexDocumentSearch(tx: RequestContext, doc: Indexed): Promise<void> {
  const repo = tx.scoped(DocumentSearchTerm, 'search term');
  await repo.delete({ documentId: doc.id });
  const rows = searchTermRows(tx.dossierId, doc);
  if (rows.length > 0) await repo.insert(rows.map((row) => repo.create(row)));
}

/** The words of a search, normalized, without repeats, the longest first (it drives the join). */
export function searchWords(search: string): string[] {
  const words = [...new Set(normalizeSearchText(search).split(/\s+/).filter(Boolean).map(clip))].slice(0, MAX_QUERY_WORDS);
  return words.map((word, i) => ({ word, i })).sort((a, b) => Array.from(b.word).length - Array.from(a.word).length || a.i - b.i).map((w) => w.word);
}

/**
 * Keeps documents (`alias`) having every word typed as the prefix of one of their words:
 * joins one `st<i>` per word (the longest is `st0`, which the caller may sort by
 * `st0.date, st0.documentId`), each restricted to `types`; the database starts from the
 * word with the fewest documents (MariaDB knows each term's count by index dives).
 * Returns false when there is nothing to search.
 */
export function applySearch(q: SelectQueryBuilder<Document>, alias: string, search: string, types: readonly DocumentType[]): boolean {
  const words = searchWords(search);
  if (words.length === 0) return false;
  words.forEach((word, i) => q.innerJoin(DocumentSearchTerm, `st${i}`, `st${i}.documentId = ${alias}.id AND ${termMatch(i)}`, { [`searchWord${i}`]: word, searchTypes: [...types] }));
  return true;
}

function termMatch(i: number): string {
  return `st${i}.dossierId = :scopeDossierId AND st${i}.type IN (:...searchTypes) AND st${i}.term = :searchWord${i}`;
}

/**
 * The documents a search alone finds, read from the terms' index only (no document row
 * per match): the list's count when the search is its only filter. A document's terms
 * carry its dossier and type and go with it, so these are the same documents.
 */
export function searchOnlyQuery(ctx: RequestContext, search: string, types: readonly DocumentType[]): SelectQueryBuilder<DocumentSearchTerm> {
  const words = searchWords(search);
  const q = ctx.scoped(DocumentSearchTerm, 'search term').query('st0').andWhere(termMatch(0), { searchWord0: words[0], searchTypes: [...types] });
  words.slice(1).forEach((word, k) => q.innerJoin(DocumentSearchTerm, `st${k + 1}`, `st${k + 1}.documentId = st0.documentId AND ${termMatch(k + 1)}`, { [`searchWord${k + 1}`]: word }));
  return q;
}
