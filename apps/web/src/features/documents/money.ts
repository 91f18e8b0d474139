/**
 * Client-side document totals: the same exact arithmetic and rounding rule as the
 * server (apps/api/src/modules/documents/money.ts), so the live totals of the
 * editor match what the server computes on save. The server's totals replace
 * these once the document is saved: the server is authoritative.
 *
 * Units: amounts in integer cents; quantity in thousandths; discount in basis
 * points of a percent (0.01 %); VAT rate in basis points (2000 = 20 %).
 *  1. line HT = round(quantity × unit price × (1 − discount)) to the cent;
 *  2. per VAT rate: VAT = round(Σ line HT at that rate × rate) to the cent;
 *  3. TTC = Σ HT + Σ VAT.
 * "round" is half away from zero. Every product uses BigInt: no floating point on money.
 */

export const VAT_RATES = [20, 10, 5.5, 2.1, 0] as const;
export type VatRate = (typeof VAT_RATES)[number];

export const MAX_LINES = 500;
export const MAX_QUANTITY_MILLI = 1_000_000_000n;
export const MAX_UNIT_PRICE_CENTS = 1_000_000_000n;

/** a / b rounded half away from zero (b > 0). */
export function divRoundHalfUp(a: bigint, b: bigint): bigint {
  const negative = a < 0n;
  const magnitude = negative ? -a : a;
  const q = (magnitude * 2n + b) / (b * 2n);
  return negative ? -q : q;
}

/**
 * A decimal typed by a user (`1 234,5`, `1234.5`, `-3`) as an integer of `scale`
 * decimals, read digit by digit; null when it is not a number or has more decimals.
 */
export function parseDecimal(text: string, scale: number): bigint | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€%]/g, '').replace(',', '.');
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  if (whole === '' && fraction === '') return null;
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > scale) return null;
  if (whole.replace(/^0+/, '').length > 13) return null;
  const value = BigInt(whole || '0') * 10n ** BigInt(scale) + BigInt((trimmed || '0').padEnd(scale, '0'));
  return sign === '-' ? -value : value;
}

/** An integer of `scale` decimals as a decimal string without trailing zeros (2500n, 3 → "2.5"). */
export function formatScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** The same, with a French decimal comma, for input fields (2500n, 3 → "2,5"). */
export function formatScaledFr(value: bigint, scale: number): string {
  return formatScaled(value, scale).replace('.', ',');
}

/** A number the API sent (quantity 2.5, discount 12.5, VAT 5.5) as an integer of `scale` decimals, exactly. */
export function numberToScaled(value: number, scale: number): bigint {
  return parseDecimal(String(value), scale) ?? 0n;
}

/** Cents → the text of a price input (`1250` → `12,50`). */
export function centsToInput(cents: number | bigint): string {
  const value = BigInt(cents);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return `${negative ? '-' : ''}${abs / 100n},${(abs % 100n).toString().padStart(2, '0')}`;
}

export interface PricedLine {
  quantityMilli: bigint;
  unitPriceCents: bigint;
  discountBp: bigint;
  vatRateBp: bigint;
}

export function lineTotalCents(line: PricedLine): bigint {
  return divRoundHalfUp(line.quantityMilli * line.unitPriceCents * (10_000n - line.discountBp), 1000n * 10_000n);
}

export interface VatAmount {
  vatRateBp: bigint;
  baseCents: bigint;
  vatCents: bigint;
}

export interface Totals {
  lineTotals: bigint[];
  vatBreakdown: VatAmount[];
  totalExclVatCents: bigint;
  totalVatCents: bigint;
  totalInclVatCents: bigint;
}

/** Totals by the rule above; rates in descending order (as the server lists them). */
export function computeTotals(lines: readonly PricedLine[]): Totals {
  const lineTotals = lines.map(lineTotalCents);
  const bases = new Map<bigint, bigint>();
  lines.forEach((line, i) => bases.set(line.vatRateBp, (bases.get(line.vatRateBp) ?? 0n) + lineTotals[i]));
  const vatBreakdown = [...bases.entries()]
    .sort(([a], [b]) => (a === b ? 0 : a > b ? -1 : 1))
    .map(([rate, base]) => ({ vatRateBp: rate, baseCents: base, vatCents: divRoundHalfUp(base * rate, 10_000n) }));
  const totalExclVatCents = lineTotals.reduce((sum, v) => sum + v, 0n);
  const totalVatCents = vatBreakdown.reduce((sum, b) => sum + b.vatCents, 0n);
  return { lineTotals, vatBreakdown, totalExclVatCents, totalVatCents, totalInclVatCents: totalExclVatCents + totalVatCents };
}

/** A VAT rate in percent (5.5) → basis points (550n). */
export function vatRateBp(rate: number): bigint {
  return numberToScaled(rate, 2);
}

/** French display of a rate: 5.5 → "5,5 %". */
export function formatRate(rate: number | bigint, scaled = false): string {
  const text = scaled ? formatScaled(BigInt(rate), 2) : String(rate);
  return `${text.replace('.', ',')} %`;
}
