import { PaymentTerms } from '../enums';
import { computeDueDate, daysLate } from './payments';

describe('due dates', () => {
  it('follows the payment terms', () => {
    expect(computeDueDate('2026-01-15', PaymentTerms.ON_RECEIPT)).toBe('2026-01-15');
    expect(computeDueDate('2026-01-15', PaymentTerms.DAYS_30)).toBe('2026-02-14');
    expect(computeDueDate('2026-01-15', PaymentTerms.DAYS_45_END_OF_MONTH)).toBe('2026-03-31');
    expect(computeDueDate('2026-01-15', PaymentTerms.END_OF_MONTH_45_DAYS)).toBe('2026-03-17');
    expect(computeDueDate('2026-01-15', null, 10)).toBe('2026-01-25');
    expect(computeDueDate('2026-01-15', null, 0)).toBe('2026-01-15');
  });
  it('counts days late', () => {
    expect(daysLate('2026-01-15', '2026-01-15')).toBe(0);
    expect(daysLate('2026-01-15', '2026-02-14')).toBe(30);
    expect(daysLate(null, '2026-02-14')).toBe(0);
  });
});
