import type { Readable } from 'node:stream';
import { DocumentType, Profile } from '@comptoir/schema';
import { createTestApp, type TestApp } from '../../test/harness';
import { createDossier, type FixtureDossier } from '../../test/fixtures';
import { createCustomer, createDoc } from '../modules/documents/document.test-kit';
import { Document, DocumentCounter, DocumentLine } from '../modules/documents/document.entity';
import { Customer } from '../modules/parties/party.entity';
import { HistoryChainHead } from '../modules/history/history-entry.entity';
import { LoginThrottle } from '../modules/identity/login-throttle.entity';
import { User } from '../modules/identity/user.entity';
import { RequestContext } from './context';
import { installTriggers } from './triggers';

/** The doors of `RequestContext` that modules use instead of the raw manager, through the real database (SQLite or DATABASE_URL). */
describe('the doors of the request context', () => {
  let t: TestApp;
  let a: FixtureDossier;
  let b: FixtureDossier;
  let ctxA: RequestContext;
  let ctxB: RequestContext;
  const sqlite = () => t.app.dataSource.options.type === 'better-sqlite3';

  beforeAll(async () => {
    // No outbox or job worker: their transactions would count as commits.
    t = await createTestApp({ outbox: false, jobs: false });
    a = await createDossier(t, { profiles: [Profile.OWNER] });
    b = await createDossier(t, { profiles: [Profile.OWNER] });
    // A customer each: a history entry each, so a chain head each.
    await createCustomer(a.client(Profile.OWNER), 'Atelier A');
    await createCustomer(b.client(Profile.OWNER), 'Atelier B');
    ctxA = await a.client(Profile.OWNER).context();
    ctxB = await b.client(Profile.OWNER).context();
  });
  afterAll(() => t.close());

  describe('RequestContext.system', () => {
    it('has no principal: platform tables, raw SQL and transactions, but no dossier', async () => {
      const sys = RequestContext.system(t.app, { requestId: 'test' });
      expect(sys.principal).toBeNull();
      expect(sys.meta).toEqual({ requestId: 'test', ip: null, userAgent: 'system' });
      expect(await sys.platform(User).countBy({ id: ctxA.userId })).toBe(1);
      expect(await sys.query<unknown[]>('SELECT 1 AS one')).toHaveLength(1);
      expect(() => sys.scoped(Customer)).toThrow(/authenticat/i);
      expect(await sys.transaction(async (tx) => tx.inTransaction)).toBe(true);
    });
  });

  describe('detached', () => {
    it('is the same caller outside the transaction', async () => {
      await ctxA.transaction(async (tx) => {
        expect(tx.inTransaction).toBe(true);
        const out = tx.detached();
        expect(out.inTransaction).toBe(false);
        expect(out.principal).toBe(tx.principal);
        expect(out.meta).toBe(tx.meta);
      });
    });

    it('commits on its own what a rolled-back transaction would undo (MySQL/MariaDB: one connection per transaction)', async () => {
      if (sqlite()) return; // One connection per process: the transactions of a process run one at a time (core/transaction.ts).
      const key = `detached-${Date.now()}`;
      await expect(
        ctxA.transaction(async (tx) => {
          await tx.detached().platform(LoginThrottle).insert({ scope: 'email', key, failures: 1, lastAtMs: 1 });
          await tx.platform(LoginThrottle).insert({ scope: 'ip', key, failures: 1, lastAtMs: 1 });
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await ctxA.platform(LoginThrottle).countBy({ key })).toBe(1);
    });
  });

  describe('dossierRow', () => {
    it("reads and updates the session's dossier's row only", async () => {
      const headA = await ctxA.dossierRow(HistoryChainHead).findOneBy();
      const headB = await ctxB.dossierRow(HistoryChainHead).findOneBy();
      expect(headA?.dossierId).toBe(a.dossier.id);
      expect(headB?.dossierId).toBe(b.dossier.id);
      expect(await ctxA.dossierRow(HistoryChainHead).update({}, { seal: 'changed' })).toBe(1);
      expect((await ctxB.dossierRow(HistoryChainHead).findOneBy())?.seal).toBe(headB!.seal);
      expect(await ctxA.dossierRow(HistoryChainHead).update({}, { seal: headA!.seal })).toBe(1);
    });

    it('inserts then updates a row of the dossier, and refuses one of another dossier as missing', async () => {
      // A counter of a year no document of these tests is numbered in.
      const counters = ctxA.dossierRow(DocumentCounter, 'Document counter');
      const row = counters.create({ type: DocumentType.QUOTE, year: 1999, lastNumber: 0 });
      expect(row.dossierId).toBe(a.dossier.id);
      await counters.save(row);
      row.lastNumber = 2;
      await counters.save(row);
      expect(await counters.findOneBy({ type: DocumentType.QUOTE, year: 1999 })).toMatchObject({ dossierId: a.dossier.id, lastNumber: 2 });
      expect(await ctxB.dossierRow(DocumentCounter).findOneBy({ type: DocumentType.QUOTE, year: 1999 })).toBeNull();

      const theirs = ctxB.dossierRow(DocumentCounter).create({ type: DocumentType.QUOTE, year: 1998, lastNumber: 0 });
      await expect(counters.save(theirs)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      expect(await ctxB.dossierRow(DocumentCounter).findOneBy({ type: DocumentType.QUOTE, year: 1998 })).toBeNull();
    });

    it('refuses a table that is not keyed by its dossier', () => {
      expect(() => ctxA.dossierRow(Customer as never)).toThrow(/not keyed by its dossier/);
    });
  });

  describe('rowMapper and hydrated', () => {
    it('turns raw rows into entities as TypeORM loads them', async () => {
      const loaded = await ctxA.scoped(Customer).query('c').getMany();
      const mapped = (await ctxA.scoped(Customer).query('c').getRawMany<Record<string, unknown>>()).map(ctxA.rowMapper(Customer, 'c'));
      expect(mapped).toHaveLength(1);
      expect(mapped[0]).toBeInstanceOf(Customer);
      expect({ ...mapped[0] }).toEqual({ ...loaded[0] });
    });

    it('maps every kind of column as TypeORM does (bigint transformers, JSON, dates, nulls)', async () => {
      // A dossier of its own: the other tests count dossier A's customers.
      const c = await createDossier(t, { profiles: [Profile.OWNER] });
      const ctxC = await c.client(Profile.OWNER).context();
      const customer = await createCustomer(c.client(Profile.OWNER), 'Atelier Mappé');
      await createDoc(c.client(Profile.OWNER), 'INVOICE', {
        partyId: customer.id,
        lines: [{ description: 'Pain', quantity: '2.5', unitPriceCents: 1234, vatRate: '5.5' }, { description: 'Livre', quantity: '1', unitPriceCents: 990, vatRate: '0' }],
      });
      for (const [entity, alias] of [[Document, 'd'], [DocumentLine, 'l']] as const) {
        const loaded = await ctxC.scoped<Document | DocumentLine>(entity).query(alias).orderBy(`${alias}.id`).getMany();
        const mapped = (await ctxC.scoped<Document | DocumentLine>(entity).query(alias).orderBy(`${alias}.id`).getRawMany<Record<string, unknown>>()).map(ctxC.rowMapper(entity, alias));
        expect(mapped.length).toBeGreaterThan(0);
        expect(mapped.map((m) => m instanceof entity)).toEqual(mapped.map(() => true));
        expect(mapped.map((m) => ({ ...m }))).toEqual(loaded.map((l) => ({ ...l })));
      }
    });

    it('converts one raw column value as TypeORM does', async () => {
      const user = await ctxA.platform(User).findOneByOrFail({ id: ctxA.userId });
      const [raw] = await ctxA.query<{ createdAt: unknown }[]>('SELECT createdAt FROM users WHERE id = ?', [ctxA.userId]);
      const createdAt = ctxA.hydrated<Date>(User, 'createdAt', raw.createdAt);
      expect(createdAt).toBeInstanceOf(Date);
      expect(createdAt.getTime()).toBe(user.createdAt.getTime());
    });
  });

  describe('streamQuery', () => {
    const readAll = async (rows: Readable) => {
      const out: Record<string, unknown>[] = [];
      for await (const row of rows) out.push(row as Record<string, unknown>);
      return out;
    };

    it('refuses on SQLite, which streams nothing', async () => {
      if (!sqlite()) return;
      await expect(ctxA.streamQuery('SELECT 1', [])).rejects.toThrow(/SQLite/);
    });

    it("streams a scoped query's rows on a connection of its own, with its session statements", async () => {
      if (sqlite()) return;
      const [sql, parameters] = ctxA.scoped(Customer).query('c').select('c.legalName', 'legalName').getQueryAndParameters();
      const streamed = await ctxA.streamQuery(sql, parameters);
      expect(await readAll(streamed.rows)).toEqual([{ legalName: 'Atelier A' }]);
      await streamed.close(true);

      const session = await ctxA.streamQuery('SELECT @door_test AS v', [], { before: ['SET @door_test = 42'], after: ['SET @door_test = NULL'] });
      expect((await readAll(session.rows)).map((r) => Number(r.v))).toEqual([42]);
      await session.close(true);
    });

    it('closes a stream left half read, and the pool goes on', async () => {
      if (sqlite()) return;
      const streamed = await ctxA.streamQuery('SELECT seq FROM (SELECT 1 AS seq UNION ALL SELECT 2 UNION ALL SELECT 3) AS s', []);
      streamed.rows.on('error', () => undefined);
      await streamed.close(false);
      expect(await ctxA.query<unknown[]>('SELECT 1 AS one')).toHaveLength(1);
    });
  });

  describe('onEveryCommit', () => {
    it('calls its listener after each commit, never after a rollback, until stopped', async () => {
      let commits = 0;
      const stop = ctxA.onEveryCommit(() => commits++);
      await ctxA.transaction(async (tx) => tx.platform(User).update({ id: ctxA.userId }, { name: 'Renamed' }));
      expect(commits).toBeGreaterThanOrEqual(1);
      const afterCommit = commits;
      await expect(
        ctxA.transaction(async () => {
          throw new Error('rolled back');
        }),
      ).rejects.toThrow();
      expect(commits).toBe(afterCommit);
      stop();
      await ctxA.transaction(async (tx) => tx.platform(User).update({ id: ctxA.userId }, { name: 'Renamed again' }));
      expect(commits).toBe(afterCommit);
    });
  });
});

describe('installTriggers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ outbox: false, jobs: false });
  });
  afterAll(() => t.close());

  it("installs each set's statements for the dialect, and again over an earlier install", async () => {
    const ds = t.app.dataSource;
    await ds.query('CREATE TABLE door_scratch (id varchar(36) PRIMARY KEY, v int)');
    await ds.query("INSERT INTO door_scratch (id, v) VALUES ('a', 1)");
    const set = {
      drop: ['DROP TRIGGER IF EXISTS trg_door_scratch'],
      sqlite: ["CREATE TRIGGER trg_door_scratch BEFORE UPDATE ON door_scratch BEGIN SELECT RAISE(ABORT, 'frozen'); END"],
      mysql: ["CREATE TRIGGER trg_door_scratch BEFORE UPDATE ON door_scratch FOR EACH ROW BEGIN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'frozen'; END"],
    };
    await installTriggers(ds, [set]);
    await installTriggers(ds, [set]);
    await expect(ds.query("UPDATE door_scratch SET v = 2 WHERE id = 'a'")).rejects.toThrow(/frozen/);
  });
});
