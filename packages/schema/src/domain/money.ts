/**
 * Exact money arithmetic, shared by the API (authoritative totals) and the SPA
 * (live totals of the editor): SPEC.md, integer cents, never floating point.
 *
 * Scaled integers:
 *  - amounts: integer cents (scale 2);
 *  - quantity: integer thousandths (scale 3), quantity > 0 and ≤ 1,000,000;
 *  - discount: basis points of a percent (0.01 %, scale 2), 0..10000 (= 0 %..100 %);
 *  - VAT rate: basis points (scale 2: 2000 = 20 %; 1000, 550, 210, 0).
 *
 * Rounding rule (documented for users and accountants):
 *  1. each line: HT = round(quantity × unit price × (1 − discount)) to the cent;
 *  2. per VAT rate: VAT = round(Σ line HT at that rate × rate) to the cent
 *     (VAT is computed on each rate's base, not line by line: the usual French practice);
 *  3. TTC = Σ HT + Σ VAT (no further rounding).
 * "round" is round-half-up on the magnitude (half away from zero for negative amounts,
 * so a negative line rounds as the mirror of the positive one). Products use BigInt:
 * quantity (≤ 1e9 thousandths) × price (≤ 1e9 cents) × 1e4 overflows 2^53.
 */

/** Scales of the wire decimals: how many decimals each kind of number has. */
export const SCALE = { money: 2, quantity: 3, percent: 2 } as const;

export const VAT_RATES_BP = [2000, 1000, 550, 210, 0] as const;
export type VatRateBp = (typeof VAT_RATES_BP)[number];
/** The French VAT rates as the user reads them (percent). */
export const VAT_RATES = ['20', '10', '5.5', '2.1', '0'] as const;

export const MAX_QUANTITY_MILLI = 1_000_000_000; // 1,000,000 units
export const MAX_UNIT_PRICE_CENTS = 1_000_000_000; // 10,000,000.00 € excl. VAT, either sign
/** Every line total and document total stays within this (well inside 2^53). */
export const MAX_TOTAL_CENTS = 1_000_000_000_000_000; // 10,000,000,000,000.00 €
export const MAX_LINES = 500;

/** a / b rounded half away from zero (b > 0). */
export function divRoundHalfUp(a: bigint, b: bigint): bigint {
  if (b <= 0n) throw new Error('divisor must be positive');
  const negative = a < 0n;
  const magnitude = negative ? -a : a;
  const q = (magnitude * 2n + b) / (b * 2n);
  return negative ? -q : q;
}

/** The wire form of a decimal: optional minus, digits, optional point and digits ("-1234.56"). */
export const DECIMAL_PATTERN = /^-?\d+(?:\.\d+)?$/;

/**
 * A decimal in its wire form ("1234.5", also a JS number by its shortest
 * round-trip form) as an integer of `scale` decimals, read digit by digit, never
 * multiplied as a float. Null when it is not a decimal, has more than `scale`
 * significant decimals, or more than 13 integer digits.
 */
export function parseDecimal(value: string | number, scale: number): bigint | null {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > scale) return null;
  if (whole.replace(/^0+/, '').length > 13) return null;
  const scaled = BigInt(whole) * 10n ** BigInt(scale) + BigInt((trimmed || '0').padEnd(scale, '0'));
  return sign === '-' ? -scaled : scaled;
}

/**
 * A decimal typed by a French user (`1 234,5`, `1234.5`, `-3`, `12,50 €`, `5,5 %`)
 * as an integer of `scale` decimals; null when it is not a number or has more decimals.
 */
export function parseUserDecimal(text: string, scale: number): bigint | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€%]/g, '').replace(',', '.');
  const normalized = cleaned.replace(/^(-?)\./, '$10.').replace(/\.$/, '');
  return parseDecimal(normalized, scale);
}

/** An integer of `scale` decimals as a wire decimal without trailing zeros (2500, 3 → "2.5"). */
export function formatScaled(value: number | bigint, scale: number): string {
  const big = BigInt(value);
  const negative = big < 0n;
  const digits = (negative ? -big : big).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** An integer of `scale` decimals with exactly `scale` decimals (123456, 2 → "1234.56"). */
export function formatScaledFixed(value: number | bigint, scale: number): string {
  const big = BigInt(value);
  const negative = big < 0n;
  const digits = (negative ? -big : big).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/** Cents → the wire decimal of an amount (123456 → "1234.56"). */
export function centsToDecimal(cents: number | bigint): string {
  return formatScaledFixed(cents, SCALE.money);
}

/** The wire decimal of an amount → cents; null when not a decimal with at most 2 decimals. */
export function decimalToCents(value: string): bigint | null {
  return parseDecimal(value, SCALE.money);
}

/** A VAT rate in percent ("5.5", 5.5) → basis points (550), or null when it is not a French rate. */
export function vatRateBp(value: string | number): VatRateBp | null {
  const bp = parseDecimal(value, 2);
  if (bp === null) return null;
  const n = Number(bp);
  return (VAT_RATES_BP as readonly number[]).includes(n) ? (n as VatRateBp) : null;
}

export function isVatRateBp(bp: number): bp is VatRateBp {
  return (VAT_RATES_BP as readonly number[]).includes(bp);
}

type Scaled = number | bigint;

export interface PricedLine {
  quantityMilli: Scaled;
  unitPriceCents: Scaled;
  discountBp: Scaled;
  vatRateBp: Scaled;
}

/** round(quantity × unit price × (1 − discount)), in cents. */
export function lineTotalCents(line: PricedLine): bigint {
  const numerator = BigInt(line.quantityMilli) * BigInt(line.unitPriceCents) * (10_000n - BigInt(line.discountBp));
  return divRoundHalfUp(numerator, 1000n * 10_000n);
}

export interface VatAmount {
  vatRateBp: bigint;
  baseCents: bigint;
  vatCents: bigint;
}

export interface DocumentTotals {
  lineTotals: bigint[];
  /** One entry per rate used, rates in descending order. */
  vatBreakdown: VatAmount[];
  totalExclVatCents: bigint;
  totalVatCents: bigint;
  totalInclVatCents: bigint;
  /** False when a line or a total exceeds MAX_TOTAL_CENTS (the server refuses such a document). */
  inRange: boolean;
}

const abs = (v: bigint) => (v < 0n ? -v : v);

/** Totals of a document by the rounding rule above; rates in descending order. */
export function computeTotals(lines: readonly PricedLine[]): DocumentTotals {
  const lineTotals = lines.map(lineTotalCents);
  const bases = new Map<bigint, bigint>();
  lines.forEach((line, i) => {
    const rate = BigInt(line.vatRateBp);
    bases.set(rate, (bases.get(rate) ?? 0n) + lineTotals[i]);
  });
  const vatBreakdown = [...bases.entries()]
    .sort(([a], [b]) => (a === b ? 0 : a > b ? -1 : 1))
    .map(([rate, base]) => ({ vatRateBp: rate, baseCents: base, vatCents: divRoundHalfUp(base * rate, 10_000n) }));
  const totalExclVatCents = lineTotals.reduce((sum, v) => sum + v, 0n);
  const totalVatCents = vatBreakdown.reduce((sum, b) => sum + b.vatCents, 0n);
  const totalInclVatCents = totalExclVatCents + totalVatCents;
  const max = BigInt(MAX_TOTAL_CENTS);
  const inRange = [...lineTotals, totalExclVatCents, totalVatCents, totalInclVatCents].every((v) => abs(v) <= max);
  return { lineTotals, vatBreakdown, totalExclVatCents, totalVatCents, totalInclVatCents, inRange };
}
