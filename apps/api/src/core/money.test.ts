import fc from 'fast-check';
import { computeTotals, divRoundHalfUp, formatScaled, lineTotalCents, parseScaled, parseVatRate, VAT_RATES_BP, type PricedLine } from './money';

const lineArb: fc.Arbitrary<PricedLine> = fc.record({
  quantityMilli: fc.integer({ min: 1, max: 1_000_000_000 }),
  unitPriceCents: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  discountBp: fc.integer({ min: 0, max: 10_000 }),
  vatRateBp: fc.constantFrom(...VAT_RATES_BP),
});

describe('money', () => {
  it('rounds half up on the magnitude (half away from zero)', () => {
    expect(divRoundHalfUp(5n, 10n)).toBe(1n);
    expect(divRoundHalfUp(4n, 10n)).toBe(0n);
    expect(divRoundHalfUp(-5n, 10n)).toBe(-1n);
    expect(divRoundHalfUp(-4n, 10n)).toBe(0n);
    expect(divRoundHalfUp(15n, 10n)).toBe(2n);
  });

  it('computes a line as round(quantity × price × (1 − discount)) exactly', () => {
    // 2.5 × 19.99 € × 0.9 = 44.9775 € → 44.98 €
    expect(lineTotalCents({ quantityMilli: 2500, unitPriceCents: 1999, discountBp: 1000, vatRateBp: 2000 })).toBe(4498n);
    // 0.333 × 0.01 € = 0.00333 € → 0.00 €; 0.5 × 0.01 € = 0.005 € → 0.01 €
    expect(lineTotalCents({ quantityMilli: 333, unitPriceCents: 1, discountBp: 0, vatRateBp: 0 })).toBe(0n);
    expect(lineTotalCents({ quantityMilli: 500, unitPriceCents: 1, discountBp: 0, vatRateBp: 0 })).toBe(1n);
    // the largest line: 1,000,000 × 10,000,000.00 € stays exact
    expect(lineTotalCents({ quantityMilli: 1_000_000_000, unitPriceCents: 1_000_000_000, discountBp: 0, vatRateBp: 0 })).toBe(1_000_000_000_000_000n);
  });

  it('computes VAT per rate on the per-rate base, not line by line', () => {
    // three lines of 0.05 € at 20 %: line-by-line VAT would be 3 × 0.01 = 0.03; per rate 0.15 × 20 % = 0.03
    // two lines of 0.025 € base... use 0.07 € × 3 at 5.5 %: per rate round(21 × 0.055 = 1.155) = 1 cent; line by line 3 × round(0.385) = 0
    const totals = computeTotals([1, 2, 3].map(() => ({ quantityMilli: 1000, unitPriceCents: 7, discountBp: 0, vatRateBp: 550 })));
    expect(totals.vatBreakdown).toEqual([{ vatRateBp: 550, baseCents: 21, vatCents: 1 }]);
    expect(totals.totalInclVatCents).toBe(22);
  });

  it('keeps totals equal to the sum of their parts (property)', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 0, maxLength: 500 }), (lines) => {
        const totals = computeTotals(lines);
        // Beyond MAX_TOTAL_CENTS the service refuses the input (BAD_USER_INPUT), so nothing to check.
        if (!totals.inRange) return;
        const sumLines = totals.lineTotals.reduce((s, v) => s + BigInt(v), 0n);
        expect(BigInt(totals.totalExclVatCents)).toBe(sumLines);
        expect(totals.vatBreakdown.reduce((s, v) => s + BigInt(v.baseCents), 0n)).toBe(sumLines);
        expect(BigInt(totals.totalVatCents)).toBe(totals.vatBreakdown.reduce((s, v) => s + BigInt(v.vatCents), 0n));
        expect(totals.totalInclVatCents).toBe(totals.totalExclVatCents + totals.totalVatCents);
        for (const value of [...totals.lineTotals, totals.totalExclVatCents, totals.totalVatCents, totals.totalInclVatCents]) {
          expect(Number.isSafeInteger(value)).toBe(true);
        }
      }),
    );
  });

  it('keeps each line within half a cent of the exact value, and each VAT within half a cent of base × rate (property)', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 20 }), (lines) => {
        const totals = computeTotals(lines);
        lines.forEach((l, i) => {
          // exact value × 10^7 (thousandths × basis points) compared without floats
          const exact = BigInt(l.quantityMilli) * BigInt(l.unitPriceCents) * BigInt(10_000 - l.discountBp);
          const diff = BigInt(totals.lineTotals[i]) * 10_000_000n - exact;
          expect(diff <= 5_000_000n && diff >= -5_000_000n).toBe(true);
        });
        for (const v of totals.vatBreakdown) {
          const diff = BigInt(v.vatCents) * 10_000n - BigInt(v.baseCents) * BigInt(v.vatRateBp);
          expect(diff <= 5_000n && diff >= -5_000n).toBe(true);
        }
      }),
    );
  });

  it('flags totals beyond the supported range instead of losing precision', () => {
    const big = { quantityMilli: 1_000_000_000, unitPriceCents: 1_000_000_000, discountBp: 0, vatRateBp: 2000 };
    expect(computeTotals([big]).inRange).toBe(false);
    expect(computeTotals([{ ...big, vatRateBp: 0 }]).inRange).toBe(true);
  });

  it('parses decimals exactly from their written form and refuses extra decimals', () => {
    expect(parseScaled(2.5, 'q', 3)).toBe(2500);
    expect(parseScaled(0.1, 'q', 3)).toBe(100);
    expect(parseScaled(1.005, 'q', 3)).toBe(1005);
    expect(parseScaled(12.5, 'd', 2)).toBe(1250);
    expect(() => parseScaled(0.0001, 'q', 3)).toThrow(/decimal/);
    expect(() => parseScaled(1.0005, 'q', 3)).toThrow(/more than 3 decimals/);
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), (milli) => {
        expect(parseScaled(Number(formatScaled(milli, 3)), 'q', 3)).toBe(milli);
      }),
    );
  });

  it('accepts only the French VAT rates', () => {
    expect([20, 10, 5.5, 2.1, 0].map((r) => parseVatRate(r, 'v'))).toEqual([2000, 1000, 550, 210, 0]);
    for (const bad of [19.6, 7, 5.55, -20, 100, 2.10001]) expect(() => parseVatRate(bad, 'v')).toThrow(/not a French VAT rate/);
  });
});
