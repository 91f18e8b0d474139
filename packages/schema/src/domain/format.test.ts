import { centsToInput, formatAmount, formatDate, formatDateTime, formatDecimalAmount, formatRate, frenchDateTime, frenchDay, parisDay, parisDayStart } from './format';

// Intl separates French thousands with a narrow no-break space and puts a no-break space before €.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('French formatting', () => {
  it('writes amounts from cents without going through a float', () => {
    expect(plain(formatAmount(123456))).toBe('1 234,56 €');
    expect(plain(formatAmount('123456789012345678'))).toBe('1 234 567 890 123 456,78 €');
    expect(plain(formatAmount(-5n))).toBe('-0,05 €');
    expect(formatAmount(123456, 'en')).toBe('€1,234.56');
    expect(plain(formatDecimalAmount('1234.56'))).toBe('1 234,56 €');
  });

  it('writes inputs and rates with a decimal comma', () => {
    expect(centsToInput(1250)).toBe('12,50');
    expect(centsToInput(-5)).toBe('-0,05');
    expect(formatRate(5.5)).toBe('5,5 %');
    expect(formatRate(550, true)).toBe('5,5 %');
  });

  it('writes calendar days as written, instants in Paris time', () => {
    expect(formatDate('2026-12-02')).toBe('02/12/2026');
    expect(frenchDay('2026-12-02')).toBe('02/12/2026');
    // 23:30 UTC on 1 December is 00:30 on 2 December in Paris (UTC+1 in winter)
    expect(formatDate('2026-12-01T23:30:00Z')).toBe('02/12/2026');
    expect(formatDateTime('2026-12-01T23:30:05Z')).toBe('02/12/2026 00:30:05');
    expect(frenchDateTime(new Date('2026-07-01T22:00:00Z'))).toBe('02/07/2026 00:00:00');
    expect(parisDay(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-02');
  });

  it('finds midnight in Paris on both sides of the clock change', () => {
    expect(parisDayStart('2026-12-02').toISOString()).toBe('2026-12-01T23:00:00.000Z');
    expect(parisDayStart('2026-07-02').toISOString()).toBe('2026-07-01T22:00:00.000Z');
    expect(parisDayStart('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });
});
