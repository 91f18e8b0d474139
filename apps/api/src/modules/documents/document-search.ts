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
 * page's rows whatever the number of matches (issue 14). More words: the one with the
 * fewest documents drives, read in that order (`searchPlan` counts each word's terms, up
 * to `WORD_COUNT_CAP`), each other one is a lookup of its exact key (dossier, type, term,
 * date, document) in the same index: the lookups of one word follow each other in date
 * order, through the same few index pages.
 */

/** Prefixes longer than this are not stored: a longer word typed compares on its first 40 characters. */
const TERM_LENGTH = 40;
const MAX_QUERY_WORDS = 5;
/** Each word of a search of several is counted up to this many documents, to find the rarest. */
const WORD_COUNT_CAP = 1001;

/** One search term (a prefix of a word) of one document, with what the list sorts and filters by. */
@Entity('document_search_terms')
// A term is unique per document (and a document has one type and one date): the search's
// index is unique, so that the lookup of a word for a document is one key (eq_ref).
@Index('uq_document_search_terms_term', ['dossierId', 'type', 'term', 'date', 'documentId'], { unique: true })
// A document's terms, to rewrite them.
@Index('ix_document_search_terms_document', ['dossierId', 'documentId'])
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

/** The words of a search, normalized, without repeats, the longest first (the order `searchPlan` starts from). */
export function searchWords(search: string): string[] {
  const words = [...new Set(normalizeSearchText(search).split(/\s+/).filter(Boolean).map(clip))].slice(0, MAX_QUERY_WORDS);
  return words.map((word, i) => ({ word, i })).sort((a, b) => Array.from(b.word).length - Array.from(a.word).length || a.i - b.i).map((w) => w.word);
}

/**
 * The words of a search in the order the join takes them: the word found in the fewest
 * documents of `types` first (it drives: its terms are read in the list's order, each
 * other word a lookup), counted up to `WORD_COUNT_CAP` index entries each in one
 * statement (none for a single word); equal counts keep the longest first. Null when a
 * word is in no document: the search finds nothing.
 */
export async function searchPlan(ctx: RequestContext, search: string, types: readonly DocumentType[]): Promise<string[] | null> {
  const words = searchWords(search);
  if (words.length < 2) return words;
  const parts = words.map((word, i) =>
    ctx
      .scoped(DocumentSearchTerm, 'search term')
      .query(`w${i}`)
      .select('1', 'one')
      .andWhere(`w${i}.type IN (:...searchTypes) AND w${i}.term = :word`, { searchTypes: [...types], word })
      .limit(WORD_COUNT_CAP)
      .getQueryAndParameters(),
  );
  const sql = `SELECT ${parts.map(([part], i) => `(SELECT COUNT(*) FROM (${part}) c${i}) AS n${i}`).join(', ')}`;
  const [row] = await ctx.query<Record<string, string | number>[]>(
    sql,
    parts.flatMap(([, parameters]) => parameters),
  );
  const counts = words.map((_, i) => Number(row?.[`n${i}`] ?? 0));
  if (counts.some((n) => n === 0)) return null;
  return words.map((word, i) => ({ word, n: counts[i], i })).sort((a, b) => a.n - b.n || a.i - b.i).map((w) => w.word);
}

/**
 * Keeps documents (`alias`) having every word as the prefix of one of their words: joins
 * one `st<i>` per word, in `searchPlan`'s order (`st0`, the rarest, which the caller may
 * sort by `st0.date, st0.documentId`), each restricted to `types` and equal to the
 * document's type and date, so that it is a lookup of one key whichever table the
 * database starts from (the other filter's index or a word's terms).
 */
export function applySearch(q: SelectQueryBuilder<Document>, alias: string, words: readonly string[], types: readonly DocumentType[]): void {
  words.forEach((word, i) =>
    q.innerJoin(DocumentSearchTerm, `st${i}`, `${termMatch(i)} AND st${i}.type = ${alias}.type AND st${i}.date = ${alias}.date AND st${i}.documentId = ${alias}.id`, {
      [`searchWord${i}`]: word,
      searchTypes: [...types],
    }),
  );
}

function termMatch(i: number): string {
  return `st${i}.dossierId = :scopeDossierId AND st${i}.type IN (:...searchTypes) AND st${i}.term = :searchWord${i}`;
}

/**
 * `sql` (a statement of `searchOnlyQuery`'s joins) told to read its tables in the order
 * written, `st0` first: MariaDB would pick it by its own estimate, not by the ORDER BY …
 * LIMIT (the page), and SQLite has no count per term to pick by (it guesses).
 */
export function inWordOrder(ctx: RequestContext, sql: string): string {
  return ctx.dialect === 'better-sqlite3' ? sql.replace(/ INNER JOIN /g, ' CROSS JOIN ') : sql.replace(/^SELECT /, 'SELECT STRAIGHT_JOIN ');
}

/**
 * The documents a search alone finds, read from the terms' index only (no document row
 * per match): the list's count, and its page's ids when sorted by date. A document's terms
 * carry its dossier, type and date and go with it, so these are the same documents.
 * `words` in `searchPlan`'s order: `st0` drives, each other word is the lookup of its key
 * (dossier, type, term, date, document) with `st0`'s type, date and document.
 */
export function searchOnlyQuery(ctx: RequestContext, words: readonly string[], types: readonly DocumentType[]): SelectQueryBuilder<DocumentSearchTerm> {
  const q = ctx.scoped(DocumentSearchTerm, 'search term').query('st0').andWhere('st0.type IN (:...searchTypes) AND st0.term = :searchWord0', { searchWord0: words[0], searchTypes: [...types] });
  words.slice(1).forEach((word, k) =>
    q.innerJoin(DocumentSearchTerm, `st${k + 1}`, `${termMatch(k + 1)} AND st${k + 1}.type = st0.type AND st${k + 1}.date = st0.date AND st${k + 1}.documentId = st0.documentId`, {
      [`searchWord${k + 1}`]: word,
    }),
  );
  return q;
}
