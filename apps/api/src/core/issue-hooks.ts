import type { RequestContext } from './context';

/**
 * What other features do in the transaction that issues an invoice or credit note
 * (documents → ISSUED), without the documents module depending on them: payments
 * settle the credited invoice, the PDF job is queued (after commit). The composition root
 * (`app/app.ts`) registers the listeners; each runs inside the issuing transaction,
 * so a failure rolls the issue back.
 */
export interface IssuedDocument {
  id: string;
  type: string;
  number: string | null;
  sourceDocumentId: string | null;
}

export type IssueListener = (tx: RequestContext, doc: IssuedDocument) => Promise<void>;

const listeners = new Map<string, IssueListener>();

/** Registers (or replaces, by name) a listener: registering twice keeps one. */
export function onDocumentIssued(name: string, listener: IssueListener): void {
  listeners.set(name, listener);
}

export async function documentIssued(tx: RequestContext, doc: IssuedDocument): Promise<void> {
  for (const listener of listeners.values()) await listener(tx, doc);
}
