import { Profile } from '@comptoir/schema';
import { createDossier, type FixtureDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness';
import { normalizeSearchText, searchTermsOf, wordsOf } from './document-search';
import { createCustomer, createDoc, line, UPDATE, type Doc } from './document.test-kit';

/*
 * A search of several words (issue 14): every word typed starts a word of the document
 * (its number, its party name's words split on spaces and on punctuation), accents and
 * case aside — whichever word the plan drives by, with or without another filter, counted
 * exactly. The expected documents are computed here from that rule, not from the index.
 */

const NAMES = [
  'Garage Zola SARL',
  'Garage Zoé',
  'Garage Martin',
  'Atelier Zola-Dupont',
  // « 100% », « a_b » and « hop! » are in 4 documents, « moulin », « ferme » and « grange » in 2:
  // those drive, and the word with %, _ or ! is checked in their entries.
  'Scierie 100% A_B Hop!',
  'Scierie 100% A_B Hop!',
  'Scierie 100% A_B Hop!',
  'Moulin 100%',
  'Moulin 1000',
  'Ferme A_B',
  'Ferme AXB',
  'Grange Hop!',
  'Grange Hopla',
  // A word typed may start two words of the same document.
  'Martin Marteau',
];

/**
 * The rule, written out: lower case without accents nor invisible characters, « ß », « æ »,
 * « œ » and the typographic ligatures spelt out, one sigma; each word typed starts a word of the document.
 */
const SPELT_OUT: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ĳ: 'ij', ﬀ: 'ff', ﬁ: 'fi', ﬂ: 'fl', ﬃ: 'ffi', ﬄ: 'ffl', ﬅ: 'st', ﬆ: 'st', ς: 'σ' };
const normalize = (text: string) =>
  Array.from(text.normalize('NFD').replace(/[\p{M}\p{Cf}]+/gu, '').toLowerCase())
    .map((c) => SPELT_OUT[c] ?? c)
    .join('')
    .trim();
function matches(doc: { number: string | null; partyName: string }, search: string): boolean {
  const name = normalize(doc.partyName);
  const words = [normalize(doc.number ?? ''), ...name.split(/\s+/), ...name.split(/[^\p{L}\p{N}]+/u)].filter(Boolean);
  return normalize(search)
    .split(/\s+/)
    .filter(Boolean)
    .every((typed) => words.some((word) => word.startsWith(typed)));
}

const LIST = `query($filter: DocumentFilter, $after: String) { quotes(first: 3, filter: $filter, after: $after) {
  count { value more } totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;
type Listed = { quotes: { count: { value: number; more: boolean }; totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

describe('search by several words (issue 14)', () => {
  let t: TestApp;
  let d: FixtureDossier;
  let adv: TestClient;
  const quotes: Doc[] = [];
  const customers = new Map<string, string>();

  /** Every page (3 rows each, by the cursor) and the counts of a search. */
  async function search(filter: Record<string, unknown>): Promise<{ ids: string[]; count: number; more: boolean; totalCount: number }> {
    const ids: string[] = [];
    let after: string | null = null;
    let first: Listed['quotes'] | null = null;
    do {
      const page: Listed['quotes'] = (await adv.data<Listed>(LIST, { filter, after })).quotes;
      first ??= page;
      ids.push(...page.nodes.map((n) => n.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return { ids: ids.sort(), count: first.count.value, more: first.count.more, totalCount: first.totalCount };
  }
  const expected = (text: string) =>
    quotes
      .filter((q) => matches(q, text))
      .map((q) => q.id)
      .sort();

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV] });
    adv = d.client(Profile.ADV);
    for (const name of NAMES) {
      const id = customers.get(name) ?? (await createCustomer(adv, name)).id;
      customers.set(name, id);
      quotes.push(await createDoc(adv, 'QUOTE', { partyId: id, lines: [line()] }));
      // An invoice of the same party: the quotes' list never finds it.
      if (name.startsWith('Garage')) await createDoc(adv, 'INVOICE', { partyId: id, lines: [line()] });
    }
  }, 60_000);
  afterAll(() => t.close());

  it.each([
    ['garage zol'],
    ['zol garage'],
    ['garage zola sarl'],
    ['sarl zol gar'],
    ['ZOÉ garage'],
    ['zoe GARAGE'],
    ['zola dupont'],
    ['zola-dup atelier'],
    ['moulin 100%'],
    ['ferme a_b'],
    ['grange hop!'],
    ['scierie 100% hop!'],
    ['mart marte'],
    ['marteau mart'],
    ['marteaux mart'],
    ['de- garage'],
    ['garage zzz'],
    ['100 bio'],
  ])('« %s » finds the documents where every word starts one of theirs, counted exactly', async (text) => {
    const want = expected(text);
    const alone = await search({ search: text });
    expect(alone).toEqual({ ids: want, count: want.length, more: false, totalCount: want.length });
    // With another filter, the words are joined to the documents instead: the same documents.
    expect(await search({ search: text, statuses: ['DRAFT'] })).toEqual(alone);
  });

  it('finds each of these searches in some documents and misses them in others', () => {
    // The cases above would prove nothing if the rule found all or nothing.
    for (const [text, n] of [['garage zol', 1], ['moulin 100%', 1], ['ferme a_b', 1], ['grange hop!', 1], ['mart marte', 1], ['mart', 2], ['zoe garage', 1], ['garage zola sarl', 1], ['de- garage', 3]] as const) {
      expect([text, expected(text).length]).toEqual([text, n]);
    }
  });

  it('finds a document by its new party after it changes party, not by the old one', async () => {
    const quote = quotes[NAMES.indexOf('Moulin 1000')];
    const updated = (
      await adv.data<{ updateDocument: Doc }>(UPDATE, { id: quote.id, version: quote.version, input: { partyId: customers.get('Ferme AXB'), lines: [line()] } })
    ).updateDocument;
    expect(updated.partyName).toBe('Ferme AXB');
    expect((await search({ search: 'ferme axb' })).ids).toContain(quote.id);
    expect((await search({ search: 'moulin 1000' })).ids).toEqual([]);
    expect((await search({ search: 'axb ferme', statuses: ['DRAFT'] })).ids).toContain(quote.id);
    quotes[NAMES.indexOf('Moulin 1000')] = updated;
  });

  it('keeps in each term row the document’s words: clipped, cut at a space, without those starting another', () => {
    expect(wordsOf({ number: 'FA 2026-7', partyName: 'Zola-Dupont Zola  ÉCLAIRAGE' })).toBe(' dupont eclairage fa zola-dupont');
    expect(wordsOf({ number: null, partyName: `${'x'.repeat(45)} 100%_!` })).toBe(` 100%_! ${'x'.repeat(40)}`);
  });

  it('keeps no term with a space, which MariaDB would hold equal to the term without it', () => {
    expect(searchTermsOf({ number: 'FA 2026-7', partyName: 'Zola' })).toEqual(['f', 'fa', 'z', 'zo', 'zol', 'zola']);
  });

  it('normalizes as the rule says', () => {
    const text = 'Straße ŒUVRE ﬁn Ab\u200bc ΟΔΟΣ Café\u00ad';
    expect(normalizeSearchText(text)).toBe('strasse oeuvre fin abc οδοσ cafe');
    expect(normalizeSearchText(text)).toBe(normalize(text));
  });
});

/*
 * Names whose words MariaDB's default collations (utf8mb4_unicode_ci, utf8mb4_general_ci)
 * hold equal though they differ as text: « straße » = « strasse », « cœur » = « coeur »,
 * « ﬁlm » = « film », a zero-width space ignored. A document's terms of such a name must
 * not collide in the terms' unique index (its creation or its change of party would fail
 * on MariaDB only), and a search must find the same documents on both databases.
 */
describe('search by names a collation holds equal', () => {
  let t: TestApp;
  let adv: TestClient;
  const quotes: Doc[] = [];
  const ZWSP = '\u200b';
  const NAMES = ['Straße Strasse', 'Cœur Coeur', 'ﬁlm Film', `Ab${ZWSP}c Abc`, 'Ǆemal Džemal', 'ΟΔΟΣ Οδοσ', 'Große Scheune', 'Œuvre', `Zé${ZWSP}ro`, 'Ｃafé Cafe', 'Garage'];

  async function found(text: string): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const page: Listed['quotes'] = (await adv.data<Listed>(LIST, { filter: { search: text }, after })).quotes;
      ids.push(...page.nodes.map((n) => n.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return ids.sort();
  }
  const expected = (text: string) =>
    quotes
      .filter((q) => matches(q, text))
      .map((q) => q.id)
      .sort();

  beforeAll(async () => {
    t = await createTestApp();
    const d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV] });
    adv = d.client(Profile.ADV);
  }, 60_000);
  afterAll(() => t.close());

  const customers: string[] = [];
  it.each(NAMES.map((name) => [name]))('creates a document of « %s »', async (name) => {
    const customer = (await createCustomer(adv, name)).id;
    customers.push(customer);
    quotes.push(await createDoc(adv, 'QUOTE', { partyId: customer, lines: [line()] }));
  });

  it('changes a document’s party to one of them', async () => {
    const garage = quotes[NAMES.indexOf('Garage')];
    const changed = (await adv.data<{ updateDocument: Doc }>(UPDATE, { id: garage.id, version: garage.version, input: { partyId: customers[0], lines: [line()] } }))
      .updateDocument;
    expect(changed.partyName).toBe('Straße Strasse');
    quotes[NAMES.indexOf('Garage')] = changed;
  });

  it.each([['strasse'], ['STRASS'], ['straße'], ['stras'], ['coeur'], ['cœur'], ['oeuvre'], ['film'], ['ﬁl'], ['abc'], ['zero'], ['zé'], ['dzemal'], ['ｃaf'], ['cafe'], ['οδος'], ['οδοσ'], ['grosse'], ['scheune große'], ['garage']])(
    '« %s » finds the same documents on every database: those the rule finds',
    async (text) => {
      expect(await found(text)).toEqual(expected(text));
    },
  );

  it('finds each of these searches in some documents and misses them in others', () => {
    for (const [text, n] of [['strasse', 2], ['coeur', 1], ['oeuvre', 1], ['film', 1], ['cafe', 1], ['abc', 1], ['zero', 1], ['οδος', 1], ['grosse', 1], ['garage', 0]] as const) {
      expect([text, expected(text).length]).toEqual([text, n]);
    }
  });
});
