import { badInput } from './errors';

/**
 * Exact money arithmetic (SPEC.md: integer cents, never floating point).
 *
 * Storage units:
 *  - amounts: integer cents;
 *  - quantity: integer thousandths (0.001), quantity > 0 and ≤ 1,000,000;
 *  - discount: basis points of a percent (0.01 %), 0..10000 (= 0 %..100 %);
 *  - VAT rate: basis points (2000 = 20 %, 1000, 550, 210, 0).
 *
 * Rounding rule (documented for users and accountants):
 *  1. each line: HT = round(quantity × unit price × (1 − discount)) to the cent;
 *  2. per VAT rate: VAT = round(Σ line HT at that rate × rate) to the cent
 *     (VAT is computed on each rate's base, not line by line: the usual French practice);
 *  3. TTC = Σ HT + Σ VAT (no further rounding).
 * "round" is round-half-up on the magnitude (half away from zero for negative amounts,
 * so a negative line rounds as the mirror of the positive one). Intermediate products
 * use BigInt: quantity (≤ 1e9 thousandths) × price (≤ 1e9 cents) × 1e4 overflows 2^53.
 */

export const VAT_RATES_BP = [2000, 1000, 550, 210, 0] as const;
export type VatRateBp = (typeof VAT_RATES_BP)[number];

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

/**
 * Parses the decimal written by the client into an integer of `scale` decimals,
 * exactly: the number's shortest round-trip decimal form (`String(value)`) is read
 * digit by digit, never multiplied as a float. More decimals than `scale` → BAD_USER_INPUT.
 */
export function parseScaled(value: number | string, field: string, scale: number): number {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw badInput('INVALID_NUMBER', `${field} must be a decimal number with at most ${scale} decimals`, field);
  const [, sign, whole, fraction = ''] = match;
  const trimmedFraction = fraction.replace(/0+$/, '');
  if (trimmedFraction.length > scale) throw badInput('INVALID_NUMBER', `${field} has more than ${scale} decimals`, field);
  if (whole.replace(/^0+/, '').length > 12) throw badInput('INVALID_NUMBER', `${field} is out of range`, field);
  const scaled = BigInt(whole) * 10n ** BigInt(scale) + BigInt((trimmedFraction || '0').padEnd(scale, '0'));
  return Number(sign === '-' ? -scaled : scaled);
}

/** An integer of `scale` decimals as a JS number for display (2500, 3 → 2.5). */
export function scaledToNumber(value: number, scale: number): number {
  return Number(formatScaled(value, scale));
}

/** An integer of `scale` decimals as a decimal string without trailing zeros (2500, 3 → "2.5"). */
export function formatScaled(value: number, scale: number): string {
  const negative = value < 0;
  const digits = String(Math.abs(value)).padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** A VAT rate among 20, 10, 5.5, 2.1, 0 (percent) → basis points; BAD_USER_INPUT otherwise. */
export function parseVatRate(value: number, field: string): VatRateBp {
  let bp: number;
  try {
    bp = parseScaled(value, field, 2);
  } catch {
    bp = -1;
  }
  if (!(VAT_RATES_BP as readonly number[]).includes(bp)) {
    throw badInput('INVALID_VAT_RATE', `${field}: ${value} is not a French VAT rate (20, 10, 5.5, 2.1 or 0)`, field, { allowed: [20, 10, 5.5, 2.1, 0] });
  }
  return bp as VatRateBp;
}

export function vatRateOf(bp: number): number {
  return scaledToNumber(bp, 2);
}

export interface PricedLine {
  quantityMilli: number;
  unitPriceCents: number;
  discountBp: number;
  vatRateBp: number;
}

/** round(quantity × unit price × (1 − discount)), in cents. */
export function lineTotalCents(line: PricedLine): bigint {
  const numerator = BigInt(line.quantityMilli) * BigInt(line.unitPriceCents) * BigInt(10_000 - line.discountBp);
  return divRoundHalfUp(numerator, 1000n * 10_000n);
}

export interface VatAmount {
  vatRateBp: number;
  baseCents: number;
  vatCents: number;
}

export interface DocumentTotals {
  lineTotals: number[];
  vatBreakdown: VatAmount[];
  totalExclVatCents: number;
  totalVatCents: number;
  totalInclVatCents: number;
  /** False when a line or a total exceeds MAX_TOTAL_CENTS (the numbers are then not exact). */
  inRange: boolean;
}

/** Totals of a document by the rounding rule above; rates in descending order. */
export function computeTotals(lines: readonly PricedLine[]): DocumentTotals {
  const lineTotals = lines.map(lineTotalCents);
  const bases = new Map<number, bigint>();
  lines.forEach((line, i) => bases.set(line.vatRateBp, (bases.get(line.vatRateBp) ?? 0n) + lineTotals[i]));
  const breakdown = [...bases.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, base]) => ({ rate, base, vat: divRoundHalfUp(base * BigInt(rate), 10_000n) }));
  const totalExcl = lineTotals.reduce((sum, v) => sum + v, 0n);
  const totalVat = breakdown.reduce((sum, b) => sum + b.vat, 0n);
  const max = BigInt(MAX_TOTAL_CENTS);
  const abs = (v: bigint) => (v < 0n ? -v : v);
  const inRange = [...lineTotals, totalExcl, totalVat, totalExcl + totalVat].every((v) => abs(v) <= max);
  return {
    inRange,
    lineTotals: lineTotals.map(Number),
    vatBreakdown: breakdown.map((b) => ({ vatRateBp: b.rate, baseCents: Number(b.base), vatCents: Number(b.vat) })),
    totalExclVatCents: Number(totalExcl),
    totalVatCents: Number(totalVat),
    totalInclVatCents: Number(totalExcl + totalVat),
  };
}
