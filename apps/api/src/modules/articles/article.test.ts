import { Profile } from '@comptoir/schema';
import { createDossier, type FixtureDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { firstError } from '../documents/document.test-kit';

const CREATE = 'mutation($input: ArticleInput!) { createArticle(input: $input) { id version reference } }';
const UPDATE = 'mutation($id: ID!, $version: Int!, $input: ArticleInput!) { updateArticle(id: $id, version: $version, input: $input) { id version label } }';
const READ = 'query($id: ID!) { article(id: $id) { reference label salePriceCents vatRate purchasePriceCents marginCents marginRate } }';
const input = (over: Record<string, unknown> = {}) => ({ reference: 'ART-001', label: 'Plan de travail chêne', unit: 'm', salePriceCents: 15_000, purchasePriceCents: 9_000, vatRate: 20, ...over });

describe('articles', () => {
  let t: TestApp;
  let d: FixtureDossier;
  let id: string;
  beforeAll(async () => {
    t = await createTestApp();
    d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL, Profile.ACHAT, Profile.ACCOUNTANT] });
    id = (await d.client(Profile.ADV).data<{ createArticle: { id: string } }>(CREATE, { input: input() })).createArticle.id;
  });
  afterAll(() => t.close());

  it('shows purchase price and margin to OWNER, ADV and ACHAT', async () => {
    for (const profile of [Profile.OWNER, Profile.ADV, Profile.ACHAT]) {
      const { article } = await d.client(profile).data<{ article: Record<string, unknown> }>(READ, { id });
      // margin 60.00 €, taux de marge 60 / 90 = 66.67 %
      expect(article).toEqual({ reference: 'ART-001', label: 'Plan de travail chêne', salePriceCents: 15_000, vatRate: '20', purchasePriceCents: 9_000, marginCents: 6_000, marginRate: '66.67' });
    }
  });

  it('hides purchase price and margin from COMMERCIAL (FORBIDDEN on those fields), the rest stays readable', async () => {
    const result = await d.client(Profile.COMMERCIAL).exec<{ article: Record<string, unknown> }>(READ, { id });
    expect(result.data?.article).toMatchObject({ reference: 'ART-001', salePriceCents: 15_000, purchasePriceCents: null, marginCents: null, marginRate: null });
    expect(result.errors?.map((e) => [e.path?.join('.'), e.extensions?.code]).sort()).toEqual([
      ['article.marginCents', 'FORBIDDEN'],
      ['article.marginRate', 'FORBIDDEN'],
      ['article.purchasePriceCents', 'FORBIDDEN'],
    ]);
  });

  it('lets only OWNER and ADV create and edit; ACCOUNTANT does not read articles', async () => {
    for (const profile of [Profile.COMMERCIAL, Profile.ACHAT, Profile.ACCOUNTANT]) {
      expect(await d.client(profile).errorCode(CREATE, { input: input({ reference: `X-${profile}` }) })).toBe('FORBIDDEN');
    }
    expect(await d.client(Profile.ACCOUNTANT).errorCode(READ, { id })).toBe('FORBIDDEN');
    expect(await d.client(Profile.OWNER).errorCode(CREATE, { input: input({ reference: 'ART-OWN' }) })).toBeUndefined();
  });

  it('refuses a duplicate reference, an unknown VAT rate and a negative price with the field path', async () => {
    const adv = d.client(Profile.ADV);
    expect(firstError(await adv.exec(CREATE, { input: input() }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reference' });
    expect(firstError(await adv.exec(CREATE, { input: input({ reference: 'N', vatRate: 7 }) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.vatRate' });
    expect(firstError(await adv.exec(CREATE, { input: input({ reference: 'N', salePriceCents: -1 }) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.salePriceCents' });
    expect(firstError(await adv.exec(CREATE, { input: input({ reference: 'x'.repeat(41) }) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reference' });
  });

  it('updates with the expected version, records the change, and answers CONFLICT on a stale one', async () => {
    const adv = d.client(Profile.ADV);
    const updated = (await adv.data<{ updateArticle: { version: number } }>(UPDATE, { id, version: 1, input: input({ label: 'Plan de travail chêne massif' }) })).updateArticle;
    expect(updated.version).toBe(2);
    expect(firstError(await d.client(Profile.OWNER).exec(UPDATE, { id, version: 1, input: input({ label: 'perdu' }) }))).toMatchObject({ code: 'CONFLICT', currentVersion: 2, updatedBy: d.as.ADV!.user.name });
    const history = await adv.data<{ article: { label: string; history: { type: string; changes: { field: string; before: string; after: string }[] }[] } }>(
      'query($id: ID!) { article(id: $id) { label history { type changes { field before after } } } }',
      { id },
    );
    expect(history.article.label).toBe('Plan de travail chêne massif');
    expect(history.article.history[1]).toEqual({ type: 'UPDATED', changes: [{ field: 'label', before: 'Plan de travail chêne', after: 'Plan de travail chêne massif' }] });
  });

  it('keeps purchase-price changes out of the history COMMERCIAL reads', async () => {
    const adv = d.client(Profile.ADV);
    const created = (await adv.data<{ createArticle: { id: string; version: number } }>(CREATE, { input: input({ reference: 'PX-1' }) })).createArticle;
    await adv.data(UPDATE, { id: created.id, version: created.version, input: input({ reference: 'PX-1', purchasePriceCents: 9_500, label: 'Plan chêne' }) });
    const HISTORY = 'query($id: ID!) { article(id: $id) { history { type changes { field } } } }';
    const fields = async (profile: Profile) =>
      (await d.client(profile).data<{ article: { history: { changes: { field: string }[] }[] } }>(HISTORY, { id: created.id })).article.history.flatMap((h) => h.changes.map((c) => c.field));
    expect(await fields(Profile.ADV)).toEqual(expect.arrayContaining(['purchasePriceCents', 'label']));
    expect(await fields(Profile.COMMERCIAL)).toEqual(['label']);
  });

  it('lists by reference with search and a cursor', async () => {
    const adv = d.client(Profile.ADV);
    for (let i = 0; i < 5; i++) await adv.data(CREATE, { input: input({ reference: `LOT-${i}`, label: `Lot ${i}` }) });
    const page = await adv.data<{ articles: { totalCount: number; nodes: { reference: string }[]; pageInfo: { endCursor: string } } }>(
      '{ articles(search: "lot", first: 3) { totalCount nodes { reference } pageInfo { endCursor } } }',
    );
    expect(page.articles.totalCount).toBe(5);
    expect(page.articles.nodes.map((n) => n.reference)).toEqual(['LOT-0', 'LOT-1', 'LOT-2']);
    const next = await adv.data<{ articles: { nodes: { reference: string }[] } }>('query($after: String) { articles(search: "lot", first: 3, after: $after) { nodes { reference } } }', {
      after: page.articles.pageInfo.endCursor,
    });
    expect(next.articles.nodes.map((n) => n.reference)).toEqual(['LOT-3', 'LOT-4']);
  });
});
