// What runs in the transaction that issues an invoice or credit note, one line per feature (the PDF: a job queued after commit).
import { onDocumentIssued } from '../core/issue-hooks';
import { settleCreditedInvoice } from '../modules/payments/payment.service';
import { queuePdfAtIssue } from '../modules/pdf/pdf.service';

export function registerIssueListeners(): void {
  onDocumentIssued('payments', settleCreditedInvoice);
  onDocumentIssued('pdf', queuePdfAtIssue);
}
