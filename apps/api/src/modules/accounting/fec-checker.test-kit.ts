// A FEC checker written from the official column rules (LPF art. A47 A-1, BOI-CF-IOR-60-40-20),
// independent of the writer: the tests run every FEC the API produces through it.

export const FEC_HEADER = [
  'JournalCode', 'JournalLib', 'EcritureNum', 'EcritureDate', 'CompteNum', 'CompteLib', 'CompAuxNum', 'CompAuxLib', 'PieceRef',
  'PieceDate', 'EcritureLib', 'Debit', 'Credit', 'EcritureLet', 'DateLet', 'ValidDate', 'Montantdevise', 'Idevise',
];

export interface FecCheck {
  faults: string[];
  lines: Record<string, string>[];
}

const DATE = /^(\d{4})(\d{2})(\d{2})$/;
/** Decimal comma, no thousands separator, at most 2 decimals, optional minus. */
const AMOUNT = /^-?\d+(,\d{1,2})?$/;

function validDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const cents = (amount: string) => {
  const [units, decimals = ''] = amount.replace('-', '').split(',');
  const value = Number(units) * 100 + Number(decimals.padEnd(2, '0'));
  return amount.startsWith('-') ? -value : value;
};

/**
 * Checks a FEC: file name `<SIREN>FEC<YYYYMMDD>.txt` (SIREN with its Luhn key), no
 * BOM, 18 tab-separated columns in the official order, mandatory fields filled,
 * dates YYYYMMDD, amounts with a decimal comma and no thousands separator, one of
 * Debit/Credit per line, each entry (journal + EcritureNum) balanced and dated once,
 * EcritureNum continuous per journal, ValidDate set and in chronological order of
 * validation. `firstNumbers`: the EcritureNum each journal must start at (default 1).
 */
export function checkFec(fileName: string, body: Buffer, firstNumbers: Record<string, number> = {}): FecCheck {
  const faults: string[] = [];
  const name = /^(\d{9})FEC(\d{8})\.txt$/.exec(fileName);
  if (!name) faults.push(`file name ${fileName} is not <SIREN>FEC<YYYYMMDD>.txt`);
  else {
    let sum = 0;
    for (let i = 0; i < 9; i++) {
      let d = Number(name[1][8 - i]);
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 !== 0) faults.push(`SIREN ${name[1]} fails its Luhn key`);
    if (!validDate(name[2])) faults.push(`closing date ${name[2]} is not a date`);
  }
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) faults.push('the file starts with a BOM');
  const text = body.toString('utf8');
  const rawLines = text.split(/\r?\n/);
  if (rawLines[rawLines.length - 1] === '') rawLines.pop();
  const header = rawLines.shift()?.split('\t') ?? [];
  if (header.join('|') !== FEC_HEADER.join('|')) faults.push(`header is not the 18 official columns in order: ${header.join(',')}`);
  const lines: Record<string, string>[] = [];
  rawLines.forEach((raw, i) => {
    const cells = raw.split('\t');
    if (cells.length !== 18) {
      faults.push(`line ${i + 2}: ${cells.length} fields instead of 18`);
      return;
    }
    const line = Object.fromEntries(FEC_HEADER.map((h, j) => [h, cells[j]]));
    lines.push(line);
    const at = `line ${i + 2}`;
    for (const f of ['JournalCode', 'JournalLib', 'EcritureNum', 'EcritureDate', 'CompteNum', 'CompteLib', 'PieceRef', 'PieceDate', 'EcritureLib', 'Debit', 'Credit', 'ValidDate']) {
      if (!line[f]) faults.push(`${at}: ${f} is empty`);
    }
    for (const f of ['EcritureDate', 'PieceDate', 'ValidDate']) if (line[f] && !validDate(line[f])) faults.push(`${at}: ${f} ${line[f]} is not YYYYMMDD`);
    if (line.DateLet && !validDate(line.DateLet)) faults.push(`${at}: DateLet ${line.DateLet} is not YYYYMMDD`);
    for (const f of ['Debit', 'Credit']) if (line[f] && !AMOUNT.test(line[f])) faults.push(`${at}: ${f} ${line[f]} is not an amount with a decimal comma`);
    if (line.Montantdevise && !AMOUNT.test(line.Montantdevise)) faults.push(`${at}: Montantdevise is not an amount`);
    if (line.Montantdevise && !line.Idevise) faults.push(`${at}: Montantdevise without Idevise`);
    if (line.CompAuxNum && !line.CompAuxLib) faults.push(`${at}: CompAuxNum without CompAuxLib`);
    if (AMOUNT.test(line.Debit) && AMOUNT.test(line.Credit) && cents(line.Debit) !== 0 && cents(line.Credit) !== 0) faults.push(`${at}: both Debit and Credit`);
    if (!/^[0-9A-Za-z]+$/.test(line.CompteNum)) faults.push(`${at}: CompteNum ${line.CompteNum} is not an account number`);
  });
  // Entries: balanced, one date, numbers continuous per journal, validation order.
  const entries = new Map<string, { debit: number; credit: number; dates: Set<string> }>();
  const numbers = new Map<string, number[]>();
  let lastValid = '';
  for (const line of lines) {
    const key = `${line.JournalCode}#${line.EcritureNum}`;
    if (!entries.has(key)) {
      entries.set(key, { debit: 0, credit: 0, dates: new Set() });
      numbers.set(line.JournalCode, [...(numbers.get(line.JournalCode) ?? []), Number(line.EcritureNum)]);
    }
    const e = entries.get(key)!;
    e.debit += AMOUNT.test(line.Debit) ? cents(line.Debit) : 0;
    e.credit += AMOUNT.test(line.Credit) ? cents(line.Credit) : 0;
    e.dates.add(line.EcritureDate);
    if (line.ValidDate < lastValid) faults.push(`entry ${key}: ValidDate ${line.ValidDate} before the previous line's ${lastValid} (not in order of validation)`);
    lastValid = line.ValidDate > lastValid ? line.ValidDate : lastValid;
  }
  for (const [key, e] of entries) {
    if (e.debit !== e.credit) faults.push(`entry ${key} does not balance: debit ${e.debit}, credit ${e.credit}`);
    if (e.dates.size !== 1) faults.push(`entry ${key} has several EcritureDate`);
  }
  for (const [journal, nums] of numbers) {
    const start = firstNumbers[journal] ?? 1;
    nums.forEach((n, i) => {
      if (n !== start + i) faults.push(`journal ${journal}: EcritureNum ${n} where ${start + i} was expected (not continuous)`);
    });
  }
  return { faults, lines };
}
