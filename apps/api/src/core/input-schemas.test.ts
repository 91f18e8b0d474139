import { GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString, type GraphQLResolveInfo } from 'graphql';
import { Profile } from '@comptoir/schema';
import { createDossier, type FixtureDossier } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/harness';
import { firstError } from '../modules/documents/document.test-kit';
import { Document } from '../modules/documents/document.entity';
import { applyInputValidation, inputSchemaProblems } from './input-schemas';
import { buildDeclaredSchema } from '../app/schema';
import { sqlAudit } from '../../test/sql-audit';

describe('input validation by the shared zod schemas', () => {
  it('covers every argument of every root field, input types field by field', async () => {
    expect(inputSchemaProblems(await buildDeclaredSchema())).toEqual([]);
  });

  it('refuses to build a schema with a root field whose arguments have no schema (deny by default)', () => {
    const rogue = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { rogueField: { type: GraphQLString, args: { n: { type: GraphQLInt } }, resolve: () => 'ran' } } }),
    });
    expect(inputSchemaProblems(rogue)).toEqual(['Query.rogueField takes arguments but has no zod schema in OPERATION_ARGS']);
    expect(() => applyInputValidation(rogue)).toThrow(/deny by default/);
  });

  it('runs every root field with arguments through its schema before the resolver', async () => {
    const validated = applyInputValidation(await buildDeclaredSchema());
    let checked = 0;
    for (const root of [validated.getQueryType()!, validated.getMutationType()!]) {
      for (const field of Object.values(root.getFields())) {
        if (field.args.length === 0) continue;
        // A BigInt is a valid value for no GraphQL argument: every field must be refused, none resolved.
        const args = Object.fromEntries(field.args.map((a) => [a.name, 1n]));
        let outcome: unknown;
        try {
          outcome = await field.resolve!(undefined, args, {}, {} as GraphQLResolveInfo);
        } catch (error) {
          outcome = error;
        }
        const extensions = (outcome as { extensions?: { code?: string; fields?: { path: string }[] } }).extensions;
        expect([`${root.name}.${field.name}`, extensions?.code]).toEqual([`${root.name}.${field.name}`, 'BAD_USER_INPUT']);
        expect(extensions?.fields?.map((f) => f.path).sort()).toEqual(field.args.map((a) => a.name).sort());
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  describe('through the API', () => {
    let t: TestApp;
    let d: FixtureDossier;
    beforeAll(async () => {
      t = await createTestApp();
      d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV] });
    });
    afterAll(() => t.close());

    it('answers BAD_USER_INPUT with every failing field at once, each with a stable reason, and writes nothing', async () => {
      const before = await sqlAudit.exempt('counts every dossier: proves nothing was written anywhere', () => t.app.dataSource.getRepository(Document).count());
      const line = { description: 'Pose', quantity: '1', unitPriceCents: 100, vatRate: '20' };
      const result = await d.client(Profile.ADV).exec('mutation($input: DocumentInput!) { createQuote(input: $input) { id } }', {
        input: { subject: 'x'.repeat(201), lines: [line, { ...line, quantity: '1.0001', vatRate: '19.6' }, { ...line, discountPercent: '-1' }] },
      });
      expect(firstError(result)).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'TOO_LONG',
        field: 'input.subject',
        fields: [
          { path: 'input.subject', reason: 'TOO_LONG', max: 200 },
          { path: 'input.lines.1.quantity', reason: 'INVALID_NUMBER', scale: 3 },
          { path: 'input.lines.1.vatRate', reason: 'INVALID_VAT_RATE' },
          { path: 'input.lines.2.discountPercent', reason: 'OUT_OF_RANGE', min: 0 },
        ],
      });
      expect(await sqlAudit.exempt('counts every dossier: proves nothing was written anywhere', () => t.app.dataSource.getRepository(Document).count())).toBe(before);
    });

    it('checks authorization before input: an anonymous caller learns nothing about the input', async () => {
      const anonymous = await createDossier(t, { profiles: [Profile.OWNER] });
      const result = await anonymous.client(Profile.OWNER).exec('mutation { logout }');
      expect(result.errors).toBeUndefined();
      expect(firstError(await anonymous.client(Profile.OWNER).exec('mutation { orderSeats(quantity: 0) { id } }'))).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });
});
