import { DocumentStatus, DocumentType, Profile } from '@comptoir/schema';
import { createDossier, type FixtureDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { newId } from '../../core/entity';
import { DocumentSearchTerm, searchTermRows } from './document-search';
import { Document } from './document.entity';

/*
 * Issue 14: a list page costs an index range whatever the dossier's size. For every
 * filter the SPA offers, the statements the API runs for the invoice list are
 * EXPLAINed on a dossier of a few thousand documents (beside another dossier as big):
 * no full scan of the table or of an index, on SQLite and on MariaDB.
 */

const DOCS_PER_DOSSIER = 3000;
const PARTIES = 60;

const SPA_LIST = `query($filter: DocumentFilter, $sort: DocumentSort) {
  invoices(first: 50, filter: $filter, sort: $sort) {
    count { value more } pageInfo { hasNextPage endCursor }
    nodes { id type status number date dueDate partyId partyName totalExclVatCents totalInclVatCents createdAt createdBy { id name } updatedAt updatedBy { id name } }
  } }`;

/** Rows written straight to the tables: the test is about reading plans, not about writing. */
async function fillDossier(t: TestApp, d: FixtureDossier): Promise<{ partyIds: string[] }> {
  const users = Object.values(d.as).map((u) => u.user.id);
  const partyIds = Array.from({ length: PARTIES }, () => newId());
  const types = [DocumentType.INVOICE, DocumentType.QUOTE, DocumentType.CREDIT_NOTE, DocumentType.SUPPLIER_ORDER];
  const statuses = [DocumentStatus.DRAFT, DocumentStatus.ISSUED, DocumentStatus.PAID];
  const em = t.app.dataSource.manager;
  for (let start = 0; start < DOCS_PER_DOSSIER; start += 250) {
    const docs: Partial<Document>[] = [];
    const terms: Partial<DocumentSearchTerm>[] = [];
    for (let i = start; i < start + 250; i++) {
      const type = types[i % types.length];
      const day = new Date(Date.UTC(2024, 0, 1) + (i % 700) * 86_400_000);
      const doc: Partial<Document> = {
        id: newId(),
        dossierId: d.dossier.id,
        type,
        status: statuses[i % statuses.length],
        number: `${type.slice(0, 2)}-${2024 + (i % 2)}-${String(i).padStart(5, '0')}`,
        date: day.toISOString().slice(0, 10),
        partyId: partyIds[i % PARTIES],
        partyName: `Client ${i % PARTIES} Société d’Éclairage`,
        totalExclVatCents: 1000 + i,
        totalVatCents: 200,
        totalInclVatCents: 1200 + i,
        vatBreakdown: [],
        lineCount: 0,
        version: 1,
        // Spread so that each user created and modified a fifth of each type.
        createdById: users[(i >> 2) % users.length],
        updatedById: users[(i >> 3) % users.length],
        createdAt: day,
        updatedAt: day,
      };
      docs.push(doc);
      terms.push(...searchTermRows(d.dossier.id, doc as Document));
    }
    await em.insert(Document, docs);
    for (let i = 0; i < terms.length; i += 2000) await em.insert(DocumentSearchTerm, terms.slice(i, i + 2000));
  }
  return { partyIds };
}

function isMysql(t: TestApp): boolean {
  return t.app.dataSource.options.type !== 'better-sqlite3';
}

const INVOICES_PER_DOSSIER = DOCS_PER_DOSSIER / 4;

/**
 * Why the statement's plan reads too much, or null when it does not: never a whole
 * table or index; with a filter, the filter's own index (SQLite: `selective` names the
 * constraint the plan must show; MariaDB: fewer than half the dossier's invoices read).
 */
async function planProblem(t: TestApp, sql: string, parameters: unknown[], selective: RegExp | null, maySort: boolean): Promise<string | null> {
  if (isMysql(t)) {
    const rows = (await t.app.dataSource.query(`EXPLAIN ${sql}`, parameters)) as { table: string; type: string; key: string | null; rows: string | number; Extra: string | null }[];
    const plan = rows.map((r) => `${r.table}:${r.type}:${r.key ?? '-'}:${r.rows}:${r.Extra ?? ''}`).join(' | ');
    if (process.env.PRINT_PLANS) console.log(plan);
    const real = rows.filter((r) => r.table && !r.table.startsWith('<'));
    if (real.some((r) => r.type === 'ALL' || r.type === 'index' || !r.key)) return plan;
    // The page is read in its order (sorting every match first reads them all), unless
    // `maySort`: several conditions, MariaDB starting from the rarest and sorting its matches.
    // (A search alone materializes its page's ids, at most 51, as `<subqueryN>`: sorting those is fine.)
    const sorted = rows.filter((r) => /Using filesort|Using temporary/.test(r.Extra ?? '') && !(/^<subquery/.test(r.table) && Number(r.rows) <= 51));
    if (!maySort && sorted.length > 0) return plan;
    // With a filter, the table the plan starts from reads fewer than half the invoices.
    if (selective && real.length > 0 && Number(real[0].rows) >= INVOICES_PER_DOSSIER / 2) return plan;
    return null;
  }
  const rows = (await t.app.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters)) as { detail: string; parent: number }[];
  // The capped counts read their subqueries as co-routines, then scan those (at most 1,001) rows.
  const plan = rows
    .map((r) => r.detail)
    .filter((detail) => !/^(CO-ROUTINE|SCAN) (capped|c\d+)$/.test(detail))
    .join(' | ');
  if (process.env.PRINT_PLANS) console.log(plan);
  // SQLite: "SEARCH d USING INDEX …" is a range; "SCAN d" (even "USING INDEX") reads it all.
  if (rows.some((r) => /^SCAN (d|st\d+|w\d+|documents|document_search_terms)\b/.test(r.detail))) return plan;
  // The page is read in its order: sorting every match first reads them all.
  // A search alone takes its page's (at most 51) ids from a subquery on the terms: sorting
  // those at the top level is not sorting the matches.
  const pageOfIds = rows.some((r) => /^LIST SUBQUERY/.test(r.detail));
  if (!maySort && rows.some((r) => /TEMP B-TREE/.test(r.detail) && !(pageOfIds && r.parent === 0))) return plan;
  if (selective && !selective.test(plan)) return plan;
  return null;
}

describe('document list plans (issue 14)', () => {
  let t: TestApp;
  let d: FixtureDossier;
  let partyIds: string[];

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL, Profile.ACHAT, Profile.ACCOUNTANT] });
    const other = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL, Profile.ACHAT, Profile.ACCOUNTANT] });
    ({ partyIds } = await fillDossier(t, d));
    await fillDossier(t, other);
    if (isMysql(t)) await t.app.dataSource.query('ANALYZE TABLE documents, document_search_terms');
    else await t.app.dataSource.query('ANALYZE');
  }, 120_000);
  afterAll(() => t.close());

  // A search is driven by a word's terms (the rarest's), read in the list's order (no sort
  // of all matches), each document fetched by its id; the other words are checked in the
  // entries read (their `words`), never looked up.
  const SEARCH = /^SEARCH st0 USING COVERING INDEX uq_document_search_terms_term \(dossierId=\? AND type=\? AND term=\?\)( \| SEARCH d USING INDEX \S+ \(id=\?\))?$/;
  // A search alone: the page's ids from the terms alone (same order, same lookups), then those documents.
  const SEARCH_ALONE = new RegExp(
    `${SEARCH.source}|^SEARCH d USING INDEX \\S+ \\(id=\\?\\) \\| LIST SUBQUERY \\d+ \\| ${SEARCH.source.slice(1, -1)}( \\| USE TEMP B-TREE FOR ORDER BY)?$`,
  );
  // Several words: first each word's count (at most 1,001 index entries each), to find the rarest.
  const WORD_COUNTS = /^(SCAN CONSTANT ROW \| )?(SCALAR SUBQUERY \d+ \| )?SEARCH w0 USING COVERING INDEX uq_document_search_terms_term \(dossierId=\? AND type=\? AND term=\?\)( \| (SCALAR SUBQUERY \d+ \| )?SEARCH w\d USING COVERING INDEX uq_document_search_terms_term \(dossierId=\? AND type=\? AND term=\?\))+$/;
  // [name, variables, selective (SQLite: the plan it must show), may sort (see planProblem)]
  const filters: [string, () => Record<string, unknown>, RegExp | null, boolean][] = [
    ['no filter', () => ({}), null, false],
    ['customer', () => ({ filter: { partyId: partyIds[8] } }), /SEARCH d .*partyId=\?/, false],
    ['status', () => ({ filter: { statuses: ['ISSUED'] } }), /SEARCH d .*status=\?/, false],
    ['period', () => ({ filter: { dateFrom: '2024-03-01', dateTo: '2024-03-31' } }), /SEARCH d .*date>\? AND date<\?/, false],
    ['created by', () => ({ filter: { createdById: d.as.OWNER!.user.id } }), /SEARCH d .*createdById=\?/, false],
    ['modified by', () => ({ filter: { updatedById: d.as.OWNER!.user.id } }), /SEARCH d .*updatedById=\?/, false],
    ['search by number', () => ({ filter: { search: 'IN-2024-001' } }), SEARCH_ALONE, false],
    ['search by a word of the party name', () => ({ filter: { search: '16' } }), SEARCH_ALONE, false],
    // A word every invoice has: the first page is still its first 51 terms, in order.
    ['search by a word all share', () => ({ filter: { search: 'éclairage' } }), null, false],
    // « client » is in every invoice, « 16 » in 1 in 60: « 16 » drives, in date order, « client » checked in its entries.
    ['search by two words', () => ({ filter: { search: 'client 16' } }), SEARCH_ALONE, false],
    ['search by three words', () => ({ filter: { search: 'société 16 client' } }), SEARCH_ALONE, false],
    ['search and a status', () => ({ filter: { search: '16', statuses: ['ISSUED'] } }), /SEARCH (st0|d) /, true],
    ['sort by total', () => ({ sort: { field: 'TOTAL', direction: 'DESC' } }), null, false],
    ['sort by party name', () => ({ sort: { field: 'PARTY_NAME', direction: 'ASC' } }), null, false],
  ];

  it.each(filters)('%s: no statement of the page reads all the dossier’s documents', async (_name, variables, selective, maySort) => {
    const adv = d.client(Profile.ADV);
    const measured = await t.queries.measure(() => adv.data<{ invoices: { nodes: unknown[]; totalCount: number } }>(SPA_LIST, variables()));
    expect(measured.result.invoices.nodes.length).toBeGreaterThan(0);
    const listStatements = measured.statements
      .map((sql, i) => ({ sql, parameters: measured.parameters[i] }))
      .filter(({ sql }) => /FROM [`"](documents|document_search_terms)[`"]/.test(sql));
    // The count and the page; before them, for several words, the words' counts.
    const words = String((variables().filter as { search?: string } | undefined)?.search ?? '').split(' ').length;
    expect(listStatements).toHaveLength(words > 1 ? 3 : 2);
    for (const { sql, parameters } of listStatements) {
      // MariaDB: the words' counts are its own estimates (EXPLAIN: no entry read).
      if (isMysql(t) && sql.startsWith('EXPLAIN ')) continue;
      const wordCounts = sql.startsWith('SELECT (SELECT COUNT(*)');
      expect(await planProblem(t, sql, parameters, wordCounts ? (isMysql(t) ? null : WORD_COUNTS) : selective, wordCounts ? false : maySort)).toBeNull();
    }
  });

  it('starts a search of several words from the rarest, read in date order: its page ids statement stops after a page', async () => {
    const adv = d.client(Profile.ADV);
    const measured = await t.queries.measure(() => adv.data<{ invoices: { nodes: unknown[] } }>(SPA_LIST, { filter: { search: 'client 16' } }));
    const page = measured.statements.findIndex((sql) => /ORDER BY [`"]st0[`"]\.[`"]date[`"] DESC, [`"]st0[`"]\.[`"]documentId[`"] DESC LIMIT 51/.test(sql));
    expect(page).toBeGreaterThanOrEqual(0);
    // « 16 », the rarer word (though the shorter), is st0's term.
    expect(measured.parameters[page]).toContain('16');
    expect(measured.statements[page]).toMatch(/[`"]st0[`"]\.[`"]term[`"] = \?/);
    const st0Term = measured.parameters[page][(measured.statements[page].slice(0, measured.statements[page].search(/[`"]st0[`"]\.[`"]term[`"] = \?/)).match(/\?/g) ?? []).length];
    expect(st0Term).toBe('16');
    if (isMysql(t)) {
      // Two words of every invoice (750 each): ANALYZE runs the page, whose terms read stop at
      // its 51 rows instead of reading (and sorting) the 750 matches.
      const shared = await t.queries.measure(() => adv.data<{ invoices: { nodes: unknown[] } }>(SPA_LIST, { filter: { search: 'client éclairage' } }));
      const i = shared.statements.findIndex((sql) => /LIMIT 51\) page\)/.test(sql));
      const [row] = (await t.app.dataSource.query(`ANALYZE FORMAT=JSON ${shared.statements[i]}`, shared.parameters[i])) as Record<string, string>[];
      const tables: { table_name: string; r_rows: number; r_loops: number }[] = [];
      JSON.stringify(JSON.parse(Object.values(row)[0]), (key, value: unknown) => {
        if (key === 'table' && value && typeof value === 'object' && 'table_name' in value) tables.push(value as (typeof tables)[number]);
        return value;
      });
      const st0 = tables.find((table) => table.table_name === 'st0');
      expect(st0).toBeDefined();
      expect(st0!.r_loops * st0!.r_rows).toBeLessThanOrEqual(51);
    }
  });

  it('checks the other words of a search in the driving word’s index entries: no other key read per match', async () => {
    const adv = d.client(Profile.ADV);
    const measured = await t.queries.measure(() => adv.data<{ invoices: { count: { value: number } } }>(SPA_LIST, { filter: { search: 'client 16 société' } }));
    expect(measured.result.invoices.count.value).toBe(INVOICES_PER_DOSSIER / (PARTIES / 4));
    // The count and the page's ids: one alias of the terms each, `st0`, read from its index alone.
    const onTerms = measured.statements.map((sql, i) => ({ sql, parameters: measured.parameters[i] })).filter(({ sql }) => /FROM [`"]document_search_terms[`"] [`"]st0[`"]/.test(sql));
    expect(onTerms).toHaveLength(2);
    for (const { sql, parameters } of onTerms) {
      expect(sql).not.toMatch(/[`"]st1[`"]/);
      if (isMysql(t)) {
        const rows = (await t.app.dataSource.query(`EXPLAIN ${sql}`, parameters)) as { table: string; key: string | null; Extra: string | null }[];
        const st0 = rows.filter((r) => r.table === 'st0');
        expect(st0).toHaveLength(1);
        expect([st0[0].key, st0[0].Extra]).toEqual(['uq_document_search_terms_term', expect.stringMatching(/Using index/)]);
        // The count reads « 16 »'s entries (50), not one per match of each other word as well.
        if (sql.includes('capped')) {
          const [row] = (await t.app.dataSource.query(`ANALYZE FORMAT=JSON ${sql}`, parameters)) as Record<string, string>[];
          const read: number[] = [];
          JSON.stringify(JSON.parse(Object.values(row)[0]), (key, value: { table_name?: string; r_rows?: number; r_loops?: number }) => {
            if (key === 'table' && value?.table_name === 'st0') read.push((value.r_loops ?? 0) * (value.r_rows ?? 0));
            return value;
          });
          expect(read).toEqual([INVOICES_PER_DOSSIER / (PARTIES / 4)]);
        }
      } else {
        const plan = ((await t.app.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters)) as { detail: string }[]).map((r) => r.detail).join(' | ');
        expect(plan).toMatch(/SEARCH st0 USING COVERING INDEX uq_document_search_terms_term/);
        expect(plan).not.toMatch(/\bst1\b/);
      }
    }
  });

  it('finds nothing without reading the page or counting when one word is in no document', async () => {
    const adv = d.client(Profile.ADV);
    const measured = await t.queries.measure(() => adv.data<{ invoices: { nodes: unknown[]; count: { value: number; more: boolean } } }>(SPA_LIST, { filter: { search: 'client zzz' } }));
    expect(measured.result.invoices.nodes).toEqual([]);
    expect(measured.result.invoices.count).toEqual({ value: 0, more: false });
    const statements = measured.statements.map((sql, i) => ({ sql, parameters: measured.parameters[i] })).filter(({ sql }) => /FROM [`"](documents|document_search_terms)[`"]/.test(sql));
    if (!isMysql(t)) {
      expect(statements).toHaveLength(1);
      return;
    }
    // MariaDB estimates an empty range at 1 entry, never 0: « zzz » drives, and the count and
    // the page read its empty range (ANALYZE: no entry of the terms read).
    expect(statements.map(({ sql }) => sql.slice(0, 7))).toEqual(['EXPLAIN', 'SELECT ', 'SELECT ']);
    for (const { sql, parameters } of statements.slice(1)) {
      const [row] = (await t.app.dataSource.query(`ANALYZE FORMAT=JSON ${sql}`, parameters)) as Record<string, string>[];
      const read: number[] = [];
      JSON.stringify(JSON.parse(Object.values(row)[0]), (key, value: { table_name?: string; r_rows?: number; r_loops?: number }) => {
        if (key === 'table' && value?.table_name && /^(st0|d)$/.test(value.table_name)) read.push((value.r_loops ?? 0) * (value.r_rows ?? 0));
        return value;
      });
      expect(read.reduce((a, b) => a + b, 0)).toBe(0);
    }
  });

  it('counts up to 1,000, then says « more » (the count reads at most 1,001 index entries)', async () => {
    const owner = d.client(Profile.OWNER);
    const list = `query($filter: DocumentFilter) { documents(first: 5, filter: $filter) { count { value more } totalCount } }`;
    type Counted = { documents: { count: { value: number; more: boolean }; totalCount: number } };
    expect((await owner.data<Counted>(list, {})).documents).toEqual({ count: { value: 1000, more: true }, totalCount: DOCS_PER_DOSSIER });
    // 3,000 documents, one in three ISSUED: 1,000 exactly is not « more ».
    expect((await owner.data<Counted>(list, { filter: { statuses: ['ISSUED'] } })).documents).toEqual({ count: { value: 1000, more: false }, totalCount: 1000 });
    expect((await owner.data<Counted>(list, { filter: { search: 'client 8' } })).documents).toEqual({ count: { value: 50, more: false }, totalCount: 50 });
    expect((await owner.data<Counted>(list, { filter: { search: 'eclairage' } })).documents).toEqual({ count: { value: 1000, more: true }, totalCount: DOCS_PER_DOSSIER });
  });

  it('pages through a search by the cursor, alone (ids from the terms) or with a filter (joined), in date order', async () => {
    const adv = d.client(Profile.ADV);
    const list = `query($filter: DocumentFilter, $after: String, $first: Int) { invoices(first: $first, filter: $filter, after: $after) {
      nodes { id date status } pageInfo { hasNextPage endCursor } } }`;
    type Paged = { invoices: { nodes: { id: string; date: string; status: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const all = async (filter: Record<string, unknown>, first = 200) => {
      const seen: { id: string; date: string; status: string }[] = [];
      let after: string | null = null;
      do {
        const page: Paged['invoices'] = (await adv.data<Paged>(list, { filter, after, first })).invoices;
        seen.push(...page.nodes);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      return seen;
    };
    const alone = await all({ search: 'eclairage' });
    expect(alone).toHaveLength(INVOICES_PER_DOSSIER);
    expect(new Set(alone.map((n) => n.id)).size).toBe(INVOICES_PER_DOSSIER);
    const byDateThenId = (a: { id: string; date: string }, b: { id: string; date: string }) => (a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1);
    expect(alone).toEqual([...alone].sort(byDateThenId));
    const issued = await all({ search: 'eclairage', statuses: ['ISSUED'] });
    expect(issued).toEqual(alone.filter((n) => n.status === 'ISSUED'));
    // Several words, alone or with a filter: the same documents, in the same order, whichever word drives.
    const client16 = await all({ search: '16' }, 7);
    expect(client16).toHaveLength(INVOICES_PER_DOSSIER / (PARTIES / 4));
    expect(await all({ search: 'client 16' }, 7)).toEqual(client16);
    expect(await all({ search: '16 eclairage client' }, 7)).toEqual(client16);
    expect(await all({ search: 'client 16', statuses: ['ISSUED'] }, 7)).toEqual(client16.filter((n) => n.status === 'ISSUED'));
  });

  it('finds by word prefixes of the party name and by the number’s prefix, accents and case aside', async () => {
    const adv = d.client(Profile.ADV);
    const count = async (search: string) =>
      (await adv.data<{ invoices: { count: { value: number } } }>(SPA_LIST, { filter: { search } })).invoices.count.value;
    // Document i is of client i % 60 and an invoice when i % 4 == 0: client 8's are all invoices.
    expect(await count('client 8')).toBe(DOCS_PER_DOSSIER / PARTIES);
    expect(await count('IN-2024-00000')).toBe(1);
    expect(await count('client 8 ÉCLAIR')).toBe(await count('CLIENT 8 eclair'));
    expect(await count('client 8')).toBe(await count('8 client'));
    expect(await count('lairage')).toBe(0); // a prefix of a word, not any substring
    expect(await count('zzz')).toBe(0);
  });
});
