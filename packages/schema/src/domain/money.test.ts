import fc from 'fast-check';
import { computeTotals, divRoundHalfUp, formatScaled, formatScaledFixed, lineTotalCents, parseDecimal, parseUserDecimal, VAT_RATES_BP, vatRateBp, type PricedLine } from './money';

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
    // a negative line rounds as the mirror of the positive one
    expect(lineTotalCents({ quantityMilli: 500n, unitPriceCents: -1n, discountBp: 0n, vatRateBp: 0n })).toBe(-1n);
    // the largest line: 1,000,000 × 10,000,000.00 € stays exact
    expect(lineTotalCents({ quantityMilli: 1_000_000_000, unitPriceCents: 1_000_000_000, discountBp: 0, vatRateBp: 0 })).toBe(1_000_000_000_000_000n);
  });

  it('computes VAT per rate on the per-rate base, not line by line', () => {
    // 0.07 € × 3 at 5.5 %: per rate round(21 × 0.055 = 1.155) = 1 cent; line by line 3 × round(0.385) = 0
    const totals = computeTotals([1, 2, 3].map(() => ({ quantityMilli: 1000, unitPriceCents: 7, discountBp: 0, vatRateBp: 550 })));
    expect(totals.vatBreakdown).toEqual([{ vatRateBp: 550n, baseCents: 21n, vatCents: 1n }]);
    expect(totals.totalInclVatCents).toBe(22n);
  });

  it('lists the rates in descending order', () => {
    const totals = computeTotals([0, 550, 2000, 1000].map((vatRateBp) => ({ quantityMilli: 1000, unitPriceCents: 100, discountBp: 0, vatRateBp })));
    expect(totals.vatBreakdown.map((v) => v.vatRateBp)).toEqual([2000n, 1000n, 550n, 0n]);
  });

  it('keeps totals equal to the sum of their parts (property)', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 0, maxLength: 500 }), (lines) => {
        const totals = computeTotals(lines);
        // Beyond MAX_TOTAL_CENTS the API refuses the input (BAD_USER_INPUT), so nothing to check.
        if (!totals.inRange) return;
        const sumLines = totals.lineTotals.reduce((s, v) => s + v, 0n);
        expect(totals.totalExclVatCents).toBe(sumLines);
        expect(totals.vatBreakdown.reduce((s, v) => s + v.baseCents, 0n)).toBe(sumLines);
        expect(totals.totalVatCents).toBe(totals.vatBreakdown.reduce((s, v) => s + v.vatCents, 0n));
        expect(totals.totalInclVatCents).toBe(totals.totalExclVatCents + totals.totalVatCents);
        for (const value of [...totals.lineTotals, totals.totalExclVatCents, totals.totalVatCents, totals.totalInclVatCents]) {
          expect(Number.isSafeInteger(Number(value))).toBe(true);
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
          const exact = BigInt(l.quantityMilli) * BigInt(l.unitPriceCents) * (10_000n - BigInt(l.discountBp));
          const diff = totals.lineTotals[i] * 10_000_000n - exact;
          expect(diff <= 5_000_000n && diff >= -5_000_000n).toBe(true);
        });
        for (const v of totals.vatBreakdown) {
          const diff = v.vatCents * 10_000n - v.baseCents * v.vatRateBp;
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
    expect(parseDecimal(2.5, 3)).toBe(2500n);
    expect(parseDecimal('0.1', 3)).toBe(100n);
    expect(parseDecimal('1.005', 3)).toBe(1005n);
    expect(parseDecimal('12.50', 2)).toBe(1250n);
    expect(parseDecimal('-3', 2)).toBe(-300n);
    expect(parseDecimal(0.0001, 3)).toBeNull(); // "1e-4" is not a decimal
    expect(parseDecimal('1.0005', 3)).toBeNull();
    expect(parseDecimal('1,5', 3)).toBeNull();
    expect(parseDecimal('12345678901234', 2)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), (milli) => {
        expect(parseDecimal(formatScaled(milli, 3), 3)).toBe(BigInt(milli));
        expect(parseDecimal(Number(formatScaled(milli, 3)), 3)).toBe(BigInt(milli));
        expect(parseDecimal(formatScaledFixed(milli, 3), 3)).toBe(BigInt(milli));
      }),
    );
  });

  it('reads what a French user types', () => {
    expect(parseUserDecimal('1 234,5', 2)).toBe(123450n);
    expect(parseUserDecimal('1\u202f234,50 €', 2)).toBe(123450n);
    expect(parseUserDecimal('5,5 %', 2)).toBe(550n);
    expect(parseUserDecimal(',5', 2)).toBe(50n);
    expect(parseUserDecimal('abc', 2)).toBeNull();
    expect(parseUserDecimal('', 2)).toBeNull();
  });

  it('writes wire decimals', () => {
    expect(formatScaled(2500, 3)).toBe('2.5');
    expect(formatScaled(-5n, 2)).toBe('-0.05');
    expect(formatScaledFixed(123456, 2)).toBe('1234.56');
    expect(formatScaledFixed(-5, 2)).toBe('-0.05');
  });

  it('accepts only the French VAT rates', () => {
    expect(['20', '10', '5.5', '2.1', '0', 20, 5.5, '5.50'].map((r) => vatRateBp(r))).toEqual([2000, 1000, 550, 210, 0, 2000, 550, 550]);
    for (const bad of [19.6, 7, '5.55', -20, 100, 2.10001, 'x']) expect(vatRateBp(bad)).toBeNull();
  });
});
