import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import type { CellValue } from './export-columns';
import { NUM_FMT, xlsxWriter, type ParameterLine, type SheetColumn } from './export-writers';
import { parisWallClock } from './paris-time';

// The .xlsx writer writes its data rows' XML itself (not through exceljs's Row and Cell
// objects): the sheet must be the one exceljs writes for the same rows, byte for byte.

const COLUMNS: SheetColumn[] = [
  { labelFr: 'Texte', type: 'text', width: 20 },
  { labelFr: 'Montant', type: 'money', width: 14 },
  { labelFr: 'Jour', type: 'date', width: 12 },
  { labelFr: 'Instant', type: 'datetime', width: 17 },
  { labelFr: 'Nombre', type: 'integer', width: 10 },
  { labelFr: 'Autre texte', type: 'text', width: 20 },
];

const ROWS: CellValue[][] = [
  ['Crème brûlée & Cie; «Œuvres» <b> "quoted" \'apos\' è ç €', 123456, '2026-03-01', new Date('2026-03-29T00:59:59.123Z'), 3, null],
  // A first text cell that is empty: its column's style is still decided as exceljs decides it.
  [null, -5, null, null, 0, 'x'],
  // Every cell empty: exceljs leaves the row out and keeps its number.
  [null, null, null, null, null, null],
  ['', 0, '1999-12-31', new Date('2026-10-25T01:30:00Z'), null, '=HYPERLINK("http://x")'],
  ['control \u0001\u0008\u000b chars \u007f and \t tab \r\n newline', 1, '2024-02-29', new Date(0), 1234567, ' '],
  ['a', 99999999999, '2026-12-02', new Date('2026-12-02T16:05:00Z'), 7, 42],
];

const PARAMETERS: ParameterLine[] = [['Export', 'Liste'], ['Exporté le', new Date('2026-12-02T16:05:00Z')], ['Nombre de lignes', 6]];

/** What xlsxWriter wrote before: every cell through exceljs (addRow, a shared style per column, commit). */
async function reference(out: Writable, rows: readonly CellValue[][]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  workbook.creator = 'Comptoir';
  workbook.created = new Date('2026-01-01T00:00:00Z');
  const sheet = workbook.addWorksheet('Liste', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c, i) => ({ key: `c${i}`, width: c.width, ...(NUM_FMT[c.type] ? { style: { numFmt: NUM_FMT[c.type] } } : {}) }));
  const header = sheet.addRow(COLUMNS.map((c) => c.labelFr));
  header.eachCell((cell) => {
    cell.style = { font: { bold: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } }, alignment: { vertical: 'middle' } };
  });
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  const styles = COLUMNS.map((c) => (NUM_FMT[c.type] ? { numFmt: NUM_FMT[c.type] } : {}));
  for (const row of rows) {
    const values = row.map((value, i): ExcelJS.CellValue => {
      if (value === null || value === '') return null;
      switch (COLUMNS[i].type) {
        case 'money':
          return (value as number) / 100;
        case 'date': {
          const day = value as string;
          return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))));
        }
        case 'datetime':
          return parisWallClock(value as Date);
        default:
          return value;
      }
    });
    const added = sheet.addRow(values);
    for (let i = 0; i < COLUMNS.length; i++) added.getCell(i + 1).style = styles[i];
    added.commit();
  }
  sheet.commit();
  const params = workbook.addWorksheet('Paramètres');
  params.columns = [{ width: 28 }, { width: 90 }];
  for (const [label, value] of PARAMETERS) {
    const row = params.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (value instanceof Date) row.getCell(2).numFmt = 'dd/mm/yyyy hh:mm:ss';
    row.commit();
  }
  params.commit();
  await workbook.commit();
}

async function collect(write: (out: Writable) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await write(out);
  await ended;
  return Buffer.concat(chunks);
}

function files(buffer: Buffer): Record<string, string> {
  const book = XLSX.read(buffer, { type: 'buffer', bookFiles: true }) as unknown as { files: Record<string, { content: Buffer | Uint8Array }> };
  const out: Record<string, string> = {};
  for (const [name, file] of Object.entries(book.files)) if (/sheet\d\.xml$|styles\.xml$/.test(name)) out[name] = Buffer.from(file.content).toString('utf8');
  return out;
}

/**
 * 1,500 rows whose first text column repeats four values (memoised cells) and whose last
 * one is different on every row (memo switched off after its trial), with special
 * characters, empty cells and numbers among them.
 */
const REPEATED: CellValue[][] = Array.from({ length: 1500 }, (_, i) => [
  ['Alice Martin, Bruno Lefèvre', 'Crème & <Cie>', 'Céline Ançel : 2', null][i % 4],
  i * 7,
  '2026-03-01',
  new Date(Date.UTC(2026, 2, 29, 0, i % 60)),
  i % 5,
  i % 3 === 0 ? `unique ${i} «${'&'.repeat(i % 4)}»` : i % 3 === 1 ? '' : `n°${i}`,
]);

describe('xlsxWriter', () => {
  it.each([
    ['one batch', [ROWS]],
    ['several batches, one of them empty', [ROWS.slice(0, 2), [], ROWS.slice(2, 3), ROWS.slice(3)]],
    ['repeated and unique texts over many batches', Array.from({ length: 60 }, (_, k) => REPEATED.slice(k * 25, k * 25 + 25))],
  ])('writes the sheet exceljs writes for the same rows (%s)', async (label, batches) => {
    const ours = await collect(async (out) => {
      const writer = xlsxWriter(out, 'Liste', COLUMNS);
      for (const batch of batches) await writer.writeBatch(batch);
      await writer.finish(PARAMETERS);
    });
    const theirs = await collect((out) => reference(out, batches.flat()));
    const [a, b] = [files(ours), files(theirs)];
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    expect(Object.keys(a).length).toBeGreaterThanOrEqual(3);
    for (const name of Object.keys(b)) expect({ name, xml: a[name] }).toEqual({ name, xml: b[name] });
    if (label.startsWith('repeated')) {
      const sheet = XLSX.read(ours, { type: 'buffer' }).Sheets.Liste;
      expect(sheet['!ref']).toBe('A1:F1501');
      expect([sheet.A2.v, sheet.A3.v, sheet.A1502?.v, sheet.F1501.v]).toEqual(['Alice Martin, Bruno Lefèvre', 'Crème & <Cie>', undefined, 'n°1499']);
      return;
    }
    // And it reads back: 1 header + 5 rows (the empty one left out, its number kept).
    const sheet = XLSX.read(ours, { type: 'buffer', cellDates: true }).Sheets.Liste;
    expect(sheet['!ref']).toBe('A1:F7');
    expect(sheet.A2.v).toBe(ROWS[0][0]);
    expect(sheet.B6.v).toBe(0.01);
    expect(sheet.A4).toBeUndefined();
  });
});
