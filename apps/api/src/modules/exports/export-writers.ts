import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type * as ExcelJS from 'exceljs';
import type { CellValue, ExportCellType } from './export-columns';
import { parisOffsetMs } from '@comptoir/schema';
import { frenchDateTime, frenchDay } from './paris-time';

/** What a writer needs of a column (the catalogue's columns and the action summary's). */
export interface SheetColumn {
  labelFr: string;
  type: ExportCellType;
  width: number;
}

/** Lines of the "Paramètres" sheet: label, value. */
export type ParameterLine = [string, string | number | Date];

/**
 * Writes rows to a stream, batch by batch. `writeBatch` resolves once the
 * destination has room again (backpressure), so memory stays flat whatever the size.
 */
export interface RowWriter {
  readonly contentType: string;
  readonly extension: string;
  writeBatch(rows: readonly CellValue[][]): Promise<void>;
  /** Completes the file; resolves when everything has been handed to the destination. */
  finish(parameters: readonly ParameterLine[]): Promise<void>;
}

/** Resolves when `out` can take more (now, or after its next 'drain'). */
function roomIn(out: Writable): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

interface LegacyWritable {
  on(event: 'drain', listener: () => void): unknown;
  removeListener(event: 'drain', listener: () => void): unknown;
  _writableState?: { length: number; highWaterMark: number };
}

/**
 * exceljs pushes a sheet's XML into the zip entry without heeding its backpressure
 * (its StreamBuf ignores `write()`'s answer), so when XML is produced faster than
 * it is deflated the backlog grows without bound (≈ 450 MB at 1,000,000 rows). We
 * wait on that entry stream (exceljs internals: `worksheet.stream.pipes`), which
 * keeps the process flat at about 115 MB at no cost in speed.
 */
export function zipEntryRoom(sheet: ExcelJS.Worksheet): Promise<void> {
  const pipes = (sheet as unknown as { stream?: { pipes?: LegacyWritable[] } }).stream?.pipes ?? [];
  const full = pipes.find((p) => p._writableState && p._writableState.length > p._writableState.highWaterMark);
  if (!full) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      full.removeListener('drain', done);
      resolve();
    };
    full.on('drain', done);
  });
}

export const NUM_FMT: Record<ExportCellType, string | undefined> = {
  text: undefined,
  integer: '0',
  money: '#,##0.00 €',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
};

const DAY_MS = 24 * 3600 * 1000;
/** exceljs's date serial (`utils.dateToExcel`, 1900 system) of a UTC time in ms: the same arithmetic, without a Date. */
const excelSerial = (ms: number) => 25569 + ms / DAY_MS;

/**
 * .xlsx through exceljs's streaming WorkbookWriter: no shared strings (flat memory),
 * styles on (real date cells), bold frozen header with an auto-filter, then a
 * "Paramètres" sheet recording the filters, the columns, who exported and when.
 */
/** exceljs (about 25 MB of a process's memory) loads with the first .xlsx written, not when the app starts. */
let excel: typeof ExcelJS | undefined;
function loadExcel(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (excel ??= require('exceljs') as typeof ExcelJS);
}

/** exceljs's own XML escaping and date serial (internals), so rows written here match what it writes. */
interface ExcelUtils {
  xmlEncode(text: string): string;
  dateToExcel(date: Date, date1904?: boolean): number;
}
let excelUtils: ExcelUtils | undefined;
function loadExcelUtils(): ExcelUtils {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (excelUtils ??= require('exceljs/lib/utils/utils') as ExcelUtils);
}

/** `A`, `B`, … `Z`, `AA`, … for a 1-based column number. */
function columnLetters(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** The exceljs internals the row writer touches: its worksheet stream, the next row number, the style table. */
interface SheetInternals {
  /** exceljs's StreamBuf: in batch mode, once piped into the zip, `write` copies the bytes into its own 64 kB buffers before returning. */
  stream: { write(xml: Buffer): unknown; batch?: boolean; pipes?: unknown[] };
  _rowZero: number;
  _rows: unknown[];
}
interface StylesInternals {
  addStyleModel(style: Partial<ExcelJS.Style>, cellType: number): number;
}

/** exceljs's cell value types (Enums.ValueType) that an export writes. */
const VALUE_NULL = 0;
const VALUE_NUMBER = 2;
const VALUE_STRING = 3;
const VALUE_DATE = 4;

/**
 * A text column's cells after the row number (`s="…" t="str"><v>…</v></c>`) by value, for
 * values that repeat (user names, the history columns' texts, labels): escaped and
 * assembled once per export instead of once per cell. A column whose values hardly
 * repeat (numbers, names of parties) stops being memoised after a trial, so it pays no
 * lookups; the memo is bounded either way. What is written is the same with or without it.
 */
class CellMemo {
  private readonly cells = new Map<string, string>();
  private lookups = 0;
  private hits = 0;
  on = true;

  constructor(
    private readonly max = 4096,
    private readonly trial = 512,
  ) {}

  get(value: string): string | undefined {
    const cell = this.cells.get(value);
    this.lookups += 1;
    if (cell !== undefined) this.hits += 1;
    else if (this.lookups === this.trial && this.hits * 2 < this.lookups) {
      this.on = false;
      this.cells.clear();
    }
    return cell;
  }

  set(value: string, cell: string): void {
    if (this.on && this.cells.size < this.max) this.cells.set(value, cell);
  }
}

export function xlsxWriter(out: Writable, sheetName: string, columns: readonly SheetColumn[]): RowWriter {
  const workbook = new (loadExcel().stream.xlsx.WorkbookWriter)({ stream: out, useSharedStrings: false, useStyles: true });
  workbook.creator = 'Comptoir';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => {
    const numFmt = NUM_FMT[c.type];
    return { key: `c${i}`, width: c.width, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const header = sheet.addRow(columns.map((c) => c.labelFr));
  header.eachCell((cell) => {
    cell.style = { font: { bold: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } }, alignment: { vertical: 'middle' } };
  });
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const types = columns.map((c) => c.type);
  const n = types.length;
  // One style object per column, registered in exceljs's style table (which caches it by
  // object) on the column's first cell, as exceljs registered a cell's style.
  const cellStyles: Partial<ExcelJS.Style>[] = columns.map((c) => {
    const numFmt = NUM_FMT[c.type];
    return numFmt ? { numFmt } : {};
  });
  // Data rows are written here as the XML exceljs would write for them (sheet XML
  // identical, see export-writers.test.ts), straight into its worksheet stream: its
  // per-cell objects (Row, Cell, value models, an XmlStream per row, a style lookup
  // per cell) were most of an export's CPU and allocations. The header, the sheet's
  // frame, the styles and the Paramètres sheet stay exceljs's.
  const utils = loadExcelUtils();
  const styles = (workbook as unknown as { styles: StylesInternals }).styles;
  const styleIds = columns.map(() => -1);
  const letters = columns.map((_, i) => columnLetters(i + 1));
  // Every row exceljs writes carries its own `{}` style: the default style, unless it is not 0.
  const rowStyleId = styles.addStyleModel({}, VALUE_NUMBER);
  const rowStyle = rowStyleId ? ` s="${rowStyleId}" customFormat="1"` : '';
  const memos = types.map((type) => (type === 'text' ? new CellMemo() : null));
  let scratch = Buffer.allocUnsafeSlow(64 * 1024);
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    async writeBatch(rows) {
      const internals = sheet as unknown as SheetInternals;
      if (internals._rows.length) throw new Error('xlsxWriter: uncommitted exceljs rows');
      // Encoded row by row: one long string of two-byte text (accents, ’) converts to UTF-8
      // about 6 times slower than its rows one by one (measured at 100 rows with the history columns).
      // Into one scratch buffer kept for the whole export: exceljs's sheet stream copies what it
      // is given (see `handOver`), so no buffer is allocated per row or per batch. Buffers handed
      // on asynchronously (to zlib) may outlive two young collections and then wait in the old
      // generation for a full one: at 1,000,000 rows, 40–64 MB of dead buffers were counted in RSS.
      const stream = internals.stream;
      const copies = stream.batch === true && (stream.pipes?.length ?? 0) > 0;
      const handOver = () => {
        if (used) stream.write(copies ? scratch.subarray(0, used) : Buffer.from(scratch.subarray(0, used)));
        used = 0;
      };
      let used = 0;
      let number = internals._rowZero;
      for (const row of rows) {
        let cells = '';
        let hasValues = false;
        for (let i = 0; i < n; i++) {
          // The .xlsx value: real dates (Paris wall time for instants), euros as numbers.
          const value = row[i];
          const memo = memos[i];
          if (memo?.on && typeof value === 'string' && value !== '') {
            const cell = memo.get(value);
            if (cell !== undefined) {
              hasValues = true;
              cells += `<c r="${letters[i]}${number}"${cell}`;
              continue;
            }
          }
          let valueType = VALUE_NULL;
          let text = '';
          if (value !== null && value !== undefined && value !== '') {
            switch (types[i]) {
              case 'money':
                valueType = VALUE_NUMBER;
                text = String((value as number) / 100);
                break;
              case 'date': {
                const day = value as string;
                valueType = VALUE_DATE;
                text = String(excelSerial(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))));
                break;
              }
              case 'datetime': {
                const ms = (value as Date).getTime();
                valueType = VALUE_DATE;
                text = String(excelSerial(ms + parisOffsetMs(ms)));
                break;
              }
              default:
                if (typeof value === 'number') {
                  valueType = VALUE_NUMBER;
                  text = String(value);
                } else if (value instanceof Date) {
                  valueType = VALUE_DATE;
                  text = String(utils.dateToExcel(value));
                } else {
                  valueType = VALUE_STRING;
                  text = utils.xmlEncode(value);
                }
            }
          }
          let style = styleIds[i];
          // Decided by the column's first cell, as exceljs does (its style cache is keyed by the shared object).
          if (style < 0) style = styleIds[i] = styles.addStyleModel(cellStyles[i], valueType);
          const s = style ? ` s="${style}"` : '';
          if (valueType === VALUE_NULL) {
            if (style) cells += `<c r="${letters[i]}${number}"${s}/>`;
            continue;
          }
          hasValues = true;
          const cell = `${s}${valueType === VALUE_STRING ? ' t="str"' : ''}><v>${text}</v></c>`;
          if (valueType === VALUE_STRING) memo?.set(value as string, cell);
          cells += `<c r="${letters[i]}${number}"${cell}`;
        }
        // exceljs leaves out a row whose every cell is empty (it keeps its number).
        if (hasValues) {
          const xml = `<row r="${number}" spans="1:${n}"${rowStyle} x14ac:dyDescent="0.25">${cells}</row>`;
          // At most 3 UTF-8 bytes per UTF-16 unit: make room before writing (write() would cut the row).
          if (used + xml.length * 3 > scratch.length) {
            handOver();
            if (xml.length * 3 > scratch.length) scratch = Buffer.allocUnsafeSlow(xml.length * 3);
          }
          used += scratch.write(xml, used);
        }
        number += 1;
      }
      handOver();
      internals._rowZero = number;
      await zipEntryRoom(sheet);
      await roomIn(out);
    },
    async finish(parameters) {
      sheet.commit();
      const params = workbook.addWorksheet('Paramètres');
      params.columns = [{ width: 28 }, { width: 90 }];
      for (const [label, value] of parameters) {
        const row = params.addRow([label, value]);
        row.getCell(1).font = { bold: true };
        if (value instanceof Date) row.getCell(2).numFmt = 'dd/mm/yyyy hh:mm:ss';
        row.commit();
      }
      params.commit();
      await workbook.commit();
    },
  };
}

const CSV_SPECIAL = /[;"\r\n]/;
/** What a spreadsheet takes for the start of a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell: a leading quote neutralises anything a spreadsheet would evaluate
 * (`=HYPERLINK(…)`, `@SUM(…)`, `+…`, `-…`, tab, CR), then CSV quoting. Amounts and
 * counts are written by their own cases (`csvValue`), so negative numbers stay numbers.
 */
function csvText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return CSV_SPECIAL.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Integer cents as `1234,56` (decimal comma, no thousands separator), exactly, without floating point. */
export function centsToFrench(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100);
  const rest = abs - units * 100;
  return `${negative ? '-' : ''}${units},${rest < 10 ? '0' : ''}${rest}`;
}

function csvValue(type: ExportCellType, value: CellValue): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'money':
      return centsToFrench(value as number);
    case 'date':
      return frenchDay(value as string);
    case 'datetime':
      return frenchDateTime(value as Date);
    case 'integer':
      return String(value);
    default:
      return csvText(String(value));
  }
}

/** CSV as French spreadsheets expect: UTF-8 with BOM, `;`, decimal comma, CRLF, quotes where needed. */
export function csvWriter(out: Writable, columns: readonly SheetColumn[]): RowWriter {
  const types = columns.map((c) => c.type);
  out.write('\uFEFF' + columns.map((c) => csvText(c.labelFr)).join(';') + '\r\n');
  return {
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    async writeBatch(rows) {
      let chunk = '';
      for (const row of rows) {
        let line = '';
        for (let i = 0; i < types.length; i++) line += (i ? ';' : '') + csvValue(types[i], row[i]);
        chunk += line + '\r\n';
      }
      if (!out.write(chunk)) await roomIn(out);
    },
    async finish() {
      out.end();
      if (!out.writableFinished && !out.destroyed) await once(out, 'finish');
    },
  };
}
