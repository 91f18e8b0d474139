import { DocumentStatus as S, DocumentType as T } from '../enums';
import { canTransition, DOCUMENT_STATUSES, isCancellable, isDeletable, isEditable, nextStatuses, statusLabel, TRANSITIONS, typeLabel } from './document-status';

describe('document statuses', () => {
  it('moves an invoice DRAFT → ISSUED by hand; payments settle it (no manual PAID)', () => {
    expect(nextStatuses(T.INVOICE, S.DRAFT)).toEqual([S.ISSUED]);
    expect(nextStatuses(T.INVOICE, S.ISSUED)).toEqual([]);
    expect(nextStatuses(T.INVOICE, S.PAID)).toEqual([]);
    expect(canTransition(T.INVOICE, S.PAID, S.DRAFT)).toBe(false);
    expect(canTransition(T.QUOTE, S.SENT, S.REFUSED)).toBe(true);
  });

  it('only moves a document between statuses of its own type', () => {
    for (const type of Object.values(T)) {
      for (const [from, tos] of Object.entries(TRANSITIONS[type])) {
        expect(DOCUMENT_STATUSES[type]).toContain(from);
        for (const to of tos ?? []) expect(DOCUMENT_STATUSES[type]).toContain(to);
      }
    }
  });

  it('freezes issued invoices and credit notes, deletes only unnumbered drafts, cancels numbered ones', () => {
    expect(isEditable(T.INVOICE, S.ISSUED)).toBe(false);
    expect(isEditable(T.QUOTE, S.SENT)).toBe(true);
    expect(isDeletable(T.INVOICE, S.ISSUED)).toBe(false);
    expect(isDeletable(T.INVOICE, S.DRAFT)).toBe(true);
    expect(isDeletable(T.CREDIT_NOTE, S.DRAFT)).toBe(true);
    // Numbered at creation: never deleted (no gap in the numbering), cancelled instead.
    expect(isDeletable(T.QUOTE, S.DRAFT)).toBe(false);
    expect(isCancellable(T.QUOTE, S.DRAFT)).toBe(true);
    expect(isCancellable(T.SUPPLIER_ORDER, S.SENT)).toBe(true);
    expect(isCancellable(T.INVOICE, S.ISSUED)).toBe(false);
  });

  it('says "Émise" for an issued invoice, "Émis" for an issued credit note, agreeing in gender', () => {
    expect(statusLabel(T.INVOICE, S.ISSUED)).toBe('Émise');
    expect(statusLabel(T.INVOICE, S.PAID)).toBe('Payée');
    expect(statusLabel(T.CREDIT_NOTE, S.ISSUED)).toBe('Émis');
    expect(statusLabel(T.QUOTE, S.SENT)).toBe('Envoyé');
    expect(statusLabel(T.SUPPLIER_ORDER, S.RECEIVED)).toBe('Reçue');
    expect(statusLabel(T.INVOICE, S.ISSUED, 'en')).toBe('Issued');
    expect(typeLabel(T.CREDIT_NOTE)).toBe('Avoir');
    expect(typeLabel('PRICE_REQUEST', 'en')).toBe('Price request');
  });

  it('has a label for every status of every type, in both languages', () => {
    for (const type of Object.values(T)) {
      for (const status of DOCUMENT_STATUSES[type]) {
        for (const language of ['fr', 'en'] as const) expect(statusLabel(type, status, language)).not.toBe(status);
      }
    }
  });
});
