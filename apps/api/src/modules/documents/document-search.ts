import { Column, Entity, Index, type SelectQueryBuilder } from 'typeorm';
import { DocumentType } from '@comptoir/schema';
import type { RequestContext } from '../../core/context';
import { DossierScoped, newId } from '../../core/entity';
import type { TriggerSql } from '../../core/triggers';
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
 * to `WORD_COUNT_CAP`), and every word is checked against the document's words, which
 * each term row carries (`words`) as the index's last column: the check reads nothing
 * but the index entry the driving word already read — no lookup per match, so the count
 * (up to 1,000 matches) costs index entries read in order, not one key each.
 *
 * Terms and words are compared as bytes, on MariaDB too (`SEARCH_TERMS_BINARY`): what
 * equals what is `normalizeSearchText`'s business alone, the same on both databases.
 * MariaDB's default collations hold « straße » = « strasse », « ﬁ » = « fi », ignore a
 * zero-width space…: a document whose terms differed only so broke the unique index
 * there (its creation or change of party failed), and a search found more than on SQLite.
 */

/** Prefixes longer than this are not stored: a longer word typed compares on its first 40 characters. */
const TERM_LENGTH = 40;
const MAX_QUERY_WORDS = 5;
/** SQLite: each word of a search of several is counted up to this many documents, to find the rarest. */
const WORD_COUNT_CAP = 1001;
/**
 * Room for a document's words (see `wordsOf`): a number (40 characters) and a party name
 * (160) give at most about 510 characters even when decomposing them lengthens them
 * (a Hangul syllable becomes up to 3 letters, « ﬃ » too; each word is clipped to `TERM_LENGTH`).
 * MariaDB's key is at most 3,072 bytes: the index's other columns take 568, these 600
 * characters at most 2,400. A longer value is refused by the database (strict mode), not cut.
 */
const WORDS_LENGTH = 600;

/** One search term (a prefix of a word) of one document, with what the list sorts and filters by. */
@Entity('document_search_terms')
// A term is unique per document (and a document has one type and one date). The document's
// words close the key so that a search of several words checks the others in the entry it
// reads (a covering index: no table row, no other key looked up).
@Index('uq_document_search_terms_term', ['dossierId', 'type', 'term', 'date', 'documentId', 'words'], { unique: true })
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

  /** The document's words (`wordsOf`), each after a space: « ␣f-2026-0001␣garage␣zola ». */
  @Column({ type: 'varchar', length: WORDS_LENGTH })
  words: string;
}

/**
 * Letters spelt out as one types them on a French keyboard (« oeuvre » for « œuvre »),
 * and the final sigma as the other (a prefix typed in the middle of a word has no final
 * one). Each is at most 3 letters: no more than a Hangul syllable decomposed, which
 * `WORDS_LENGTH` allows for.
 */
const SPELT_OUT: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ĳ: 'ij', ﬀ: 'ff', ﬁ: 'fi', ﬂ: 'fl', ﬃ: 'ffi', ﬄ: 'ffl', ﬅ: 'st', ﬆ: 'st', ς: 'σ' };
const SPELT_OUT_PATTERN = new RegExp(`[${Object.keys(SPELT_OUT).join('')}]`, 'gu');

/**
 * Lower case without accents: « Café » and « cafe » find each other; without invisible
 * characters (a zero-width space, a soft hyphen: nobody types them), `SPELT_OUT` applied.
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\p{M}\p{Cf}]+/gu, '')
    .toLowerCase()
    .replace(SPELT_OUT_PATTERN, (c) => SPELT_OUT[c])
    .trim();
}

/** The first `TERM_LENGTH` characters (code points, never half a surrogate pair). */
function clip(word: string): string {
  return Array.from(word).slice(0, TERM_LENGTH).join('');
}

/** The words a document is found by (not yet clipped): its number; its party name split on spaces, and on punctuation. */
function searchableWords(doc: Pick<Document, 'number' | 'partyName'>): Set<string> {
  const words = new Set<string>();
  if (doc.number) words.add(normalizeSearchText(doc.number));
  const name = normalizeSearchText(doc.partyName);
  for (const word of name.split(/\s+/)) words.add(word);
  for (const word of name.split(/[^\p{L}\p{N}]+/u)) words.add(word);
  return words;
}

/**
 * The terms a document is found by: every prefix of each of its words, up to its first
 * space (only a number can hold one; a typed word never does). So no term ends with a
 * space, which MariaDB's comparisons ignore (PAD SPACE, « fa » = « fa␣ »), binary too.
 */
export function searchTermsOf(doc: Pick<Document, 'number' | 'partyName'>): string[] {
  const terms = new Set<string>();
  for (const word of searchableWords(doc)) {
    const chars = Array.from(clip(word).split(/\s/)[0]);
    for (let n = 1; n <= chars.length; n++) terms.add(chars.slice(0, n).join(''));
  }
  return [...terms];
}

/**
 * The document's words as one string, each after a space, for `LIKE '% word%'`: a typed
 * word (no space in it) is one of the document's terms exactly when it starts one of these.
 * So each is clipped as the terms are, and cut at its first space (only a number can hold
 * one: a typed word matches the part before it, as with the terms); a word starting another
 * is left out (it adds no match), as are empty ones. Sorted, so that equal documents store
 * equal strings.
 */
export function wordsOf(doc: Pick<Document, 'number' | 'partyName'>): string {
  const words = [...new Set([...searchableWords(doc)].map((word) => clip(word).split(/\s/)[0]).filter(Boolean))].sort();
  return words
    .filter((word, i) => !words.some((other, j) => j !== i && other.length > word.length && other.startsWith(word)))
    .map((word) => ` ${word}`)
    .join('');
}

/**
 * MariaDB compares terms and words byte by byte (`utf8mb4_bin`), as SQLite does: the
 * entity cannot say so for one dialect only, so this is installed beside the triggers
 * (synchronized schemas) and copied into a migration (scripts/write-trigger-migrations.ts).
 * A range of `term = ?` or `LIKE 'abc%'` in a binary collation still reads the index.
 */
export const SEARCH_TERMS_BINARY: TriggerSql = { drop: [], sqlite: [], mysql: [termColumnsSql(' CHARACTER SET utf8mb4 COLLATE utf8mb4_bin')] };
/** The migration's down: the table's default collation again. */
export const SEARCH_TERMS_BINARY_UNDO_MYSQL: readonly string[] = [termColumnsSql('')];

function termColumnsSql(collation: string): string {
  const column = (name: string, length: number) => `MODIFY \`${name}\` varchar(${length})${collation} NOT NULL`;
  return `ALTER TABLE \`document_search_terms\` ${column('term', TERM_LENGTH)}, ${column('words', WORDS_LENGTH)}`;
}

type Indexed = Pick<Document, 'id' | 'type' | 'date' | 'number' | 'partyName'>;

/** The rows of a document's terms (also used to seed benchmarks and tests). */
export function searchTermRows(dossierId: string, doc: Indexed): Partial<DocumentSearchTerm>[] {
  const words = wordsOf(doc);
  return searchTermsOf(doc).map((term) => ({ id: newId(), dossierId, documentId: doc.id, type: doc.type, date: doc.date, term, words }));
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
 * The words of a search in the order the query takes them: the word found in the fewest
 * documents of `types` first (it drives: its terms are read in the list's order, every
 * word then checked against each entry's `words`), in one statement (none for a single
 * word): on SQLite each word's entries counted up to `WORD_COUNT_CAP`, on MariaDB the
 * optimizer's estimate of each word's range. Equal counts keep the longest first. Null when
 * a word is in no document (SQLite only, which counts): the search finds nothing.
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
  const parameters = parts.flatMap(([, values]) => values);
  let counts: number[];
  if (ctx.dialect === 'better-sqlite3') {
    const sql = `SELECT ${parts.map(([part], i) => `(SELECT COUNT(*) FROM (${part}) c${i}) AS n${i}`).join(', ')}`;
    const [row] = await ctx.query<Record<string, string | number>[]>(sql, parameters);
    counts = words.map((_, i) => Number(row?.[`n${i}`] ?? 0));
    if (counts.some((n) => n === 0)) return null;
  } else {
    // MariaDB: its own estimate of each word's range (index dives, no entry read): counting
    // 1,001 entries of each common word cost more than the rest of the search (issue 14).
    // An estimate proves nothing empty (InnoDB says 1 for an empty range anyway): a word in
    // no document drives, and its empty range ends the count and the page at once. A word
    // without an estimate comes last rather than finding nothing.
    const plan = await ctx.query<{ table: string; rows: string | number | null }[]>(`EXPLAIN ${parts.map(([part]) => `(${part})`).join(' UNION ALL ')}`, parameters);
    counts = words.map((_, i) => Number(plan.find((r) => r.table === `w${i}`)?.rows ?? Infinity));
  }
  return words.map((word, i) => ({ word, n: counts[i], i })).sort((a, b) => a.n - b.n || a.i - b.i).map((w) => w.word);
}

/**
 * `st0`'s conditions: its term is the first word (`searchPlan`'s rarest); with several
 * words, every word starts one of the entry's `words` — the first too, so that which word
 * drives never changes what is found.
 * `LIKE '% word%' ESCAPE '!'` with the word's `%`, `_` and `!` escaped: bytes on MariaDB
 * (`SEARCH_TERMS_BINARY`), on SQLite as is for anything but ASCII letters' case — both
 * sides are already normalized.
 */
function wordsMatch(words: readonly string[]): { sql: string; parameters: Record<string, string> } {
  const parameters: Record<string, string> = { searchWord0: words[0] };
  const conditions = ['st0.term = :searchWord0'];
  if (words.length > 1) {
    words.forEach((word, i) => {
      parameters[`searchLike${i}`] = `% ${word.replace(/[!%_]/g, '!$&')}%`;
      conditions.push(`st0.words LIKE :searchLike${i} ESCAPE '!'`);
    });
  }
  return { sql: conditions.join(' AND '), parameters };
}

/**
 * Keeps documents (`alias`) having every word as the prefix of one of their words: joins
 * the first word's term (`st0`, which the caller may sort by `st0.date, st0.documentId`),
 * restricted to `types` and equal to the document's type and date, so that it is a lookup
 * of one key whichever table the database starts from (the other filter's index or the
 * word's terms); the other words are checked in that entry.
 */
export function applySearch(q: SelectQueryBuilder<Document>, alias: string, words: readonly string[], types: readonly DocumentType[]): void {
  const match = wordsMatch(words);
  q.innerJoin(
    DocumentSearchTerm,
    'st0',
    `st0.dossierId = :scopeDossierId AND st0.type IN (:...searchTypes) AND ${match.sql} AND st0.type = ${alias}.type AND st0.date = ${alias}.date AND st0.documentId = ${alias}.id`,
    { ...match.parameters, searchTypes: [...types] },
  );
}

/**
 * The documents a search alone finds, read from the terms' index only (no document row
 * per match): the list's count, and its page's ids when sorted by date. A document's terms
 * carry its dossier, type and date and go with it, so these are the same documents.
 * `words` in `searchPlan`'s order: `st0`, the first word's entries, read in the index's
 * order, each checked for the other words in place.
 */
export function searchOnlyQuery(ctx: RequestContext, words: readonly string[], types: readonly DocumentType[]): SelectQueryBuilder<DocumentSearchTerm> {
  const match = wordsMatch(words);
  return ctx
    .scoped(DocumentSearchTerm, 'search term')
    .query('st0')
    .andWhere(`st0.type IN (:...searchTypes) AND ${match.sql}`, { ...match.parameters, searchTypes: [...types] });
}
