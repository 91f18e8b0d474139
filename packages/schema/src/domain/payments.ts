import { PaymentMethod, PaymentTerms } from '../enums';
import type { Language } from './document-status';

/**
 * Due dates, payment methods and lateness, agreed once for the API (due date at
 * issue, PDF, reminders) and the SPA (forms, lists). Days are `YYYY-MM-DD`, UTC.
 */

function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const d = parseDay(day);
  d.setUTCDate(d.getUTCDate() + days);
  return formatDay(d);
}

export function endOfMonth(day: string): string {
  const d = parseDay(day);
  return formatDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
}

/**
 * The due date of an invoice issued on `issueDay`: by the customer's terms when
 * they have some, else `days` after issue (0: on receipt, the issue day).
 */
export function computeDueDate(issueDay: string, terms: PaymentTerms | null | undefined, days = 30): string {
  switch (terms) {
    case PaymentTerms.ON_RECEIPT:
      return issueDay;
    case PaymentTerms.DAYS_30:
      return addDays(issueDay, 30);
    case PaymentTerms.DAYS_60:
      return addDays(issueDay, 60);
    case PaymentTerms.DAYS_45_END_OF_MONTH:
      return endOfMonth(addDays(issueDay, 45));
    case PaymentTerms.END_OF_MONTH_45_DAYS:
      return addDays(endOfMonth(issueDay), 45);
    default:
      return addDays(issueDay, Math.max(0, Math.trunc(days)));
  }
}

/** Whole days from `dueDate` to `today` when positive (late), else 0. */
export function daysLate(dueDate: string | null | undefined, today: string): number {
  if (!dueDate || dueDate >= today) return 0;
  return Math.round((parseDay(today).getTime() - parseDay(dueDate).getTime()) / 86_400_000);
}

export const PAYMENT_METHOD_LABELS: Record<Language, Record<PaymentMethod, string>> = {
  fr: {
    [PaymentMethod.TRANSFER]: 'Virement',
    [PaymentMethod.CHECK]: 'Chèque',
    [PaymentMethod.CARD]: 'Carte',
    [PaymentMethod.CASH]: 'Espèces',
    [PaymentMethod.DIRECT_DEBIT]: 'Prélèvement',
  },
  en: {
    [PaymentMethod.TRANSFER]: 'Bank transfer',
    [PaymentMethod.CHECK]: 'Cheque',
    [PaymentMethod.CARD]: 'Card',
    [PaymentMethod.CASH]: 'Cash',
    [PaymentMethod.DIRECT_DEBIT]: 'Direct debit',
  },
};

export const PAYMENT_TERMS_LABELS: Record<Language, Record<PaymentTerms, string>> = {
  fr: {
    [PaymentTerms.ON_RECEIPT]: 'À réception',
    [PaymentTerms.DAYS_30]: '30 jours',
    [PaymentTerms.DAYS_45_END_OF_MONTH]: '45 jours fin de mois',
    [PaymentTerms.END_OF_MONTH_45_DAYS]: 'Fin de mois + 45 jours',
    [PaymentTerms.DAYS_60]: '60 jours',
  },
  en: {
    [PaymentTerms.ON_RECEIPT]: 'On receipt',
    [PaymentTerms.DAYS_30]: '30 days',
    [PaymentTerms.DAYS_45_END_OF_MONTH]: '45 days end of month',
    [PaymentTerms.END_OF_MONTH_45_DAYS]: 'End of month + 45 days',
    [PaymentTerms.DAYS_60]: '60 days',
  },
};
