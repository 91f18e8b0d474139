import { computeTotals, formatScaled, MAX_TOTAL_CENTS, parseDecimal, vatRateBp, type PricedLine, type VatRateBp } from '@comptoir/schema';
import { badInput } from './errors';

/**
 * The API's side of the shared pricing engine (`@comptoir/schema`): stored values
 * are JS numbers (integer cents, thousandths, basis points, all within 2^53), the
 * engine works in BigInt. Inputs were checked by their zod schema before any
 * service runs; these conversions only refuse what slipped past (e.g. a service
 * called directly from a script).
 */

/** Totals as stored on a document (numbers; the engine's BigInts fit: see MAX_TOTAL_CENTS). */
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
}

/** The document's totals by the shared rounding rule; BAD_USER_INPUT beyond MAX_TOTAL_CENTS at `path`. */
export function storedTotals(lines: readonly PricedLine[], path: string): DocumentTotals {
  const totals = computeTotals(lines);
  if (!totals.inRange) throw badInput('TOTALS_OUT_OF_RANGE', `The totals exceed the supported range (${MAX_TOTAL_CENTS} cents)`, path);
  return {
    lineTotals: totals.lineTotals.map(Number),
    vatBreakdown: totals.vatBreakdown.map((v) => ({ vatRateBp: Number(v.vatRateBp), baseCents: Number(v.baseCents), vatCents: Number(v.vatCents) })),
    totalExclVatCents: Number(totals.totalExclVatCents),
    totalVatCents: Number(totals.totalVatCents),
    totalInclVatCents: Number(totals.totalInclVatCents),
  };
}

/** A wire decimal as an integer of `scale` decimals; BAD_USER_INPUT on `field` otherwise. */
export function scaled(value: string | number, field: string, scale: number): number {
  const parsed = parseDecimal(value, scale);
  if (parsed === null) throw badInput('INVALID_NUMBER', `${field} must be a decimal number with at most ${scale} decimals`, field);
  return Number(parsed);
}

/** A VAT rate in percent → basis points; BAD_USER_INPUT on `field` unless a French rate. */
export function vatRate(value: string | number, field: string): VatRateBp {
  const bp = vatRateBp(value);
  if (bp === null) throw badInput('INVALID_VAT_RATE', `${field}: ${value} is not a French VAT rate (20, 10, 5.5, 2.1 or 0)`, field, { allowed: ['20', '10', '5.5', '2.1', '0'] });
  return bp;
}

/** Basis points → the wire decimal of a percentage (550 → "5.5"). */
export function percentOf(bp: number): string {
  return formatScaled(bp, 2);
}

/** Thousandths → the wire decimal of a quantity (2500 → "2.5"). */
export function quantityOf(milli: number): string {
  return formatScaled(milli, 3);
}
