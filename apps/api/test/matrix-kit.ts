// Builders shared by the cross-cutting authorization and isolation tests: each
// returns fresh records made by the dossier's OWNER, so every attempt starts clean.
import type { TestClient } from './harness';
import { withClock } from '../src/core/clock';

export interface Ref {
  id: string;
  version: number;
}

const DOC = 'id version';

export async function newCustomer(owner: TestClient): Promise<Ref> {
  return (await owner.data<{ r: Ref }>(`mutation { r: createCustomer(input: { legalName: "Client matrice" }) { id version } }`)).r;
}

export async function newSupplier(owner: TestClient): Promise<Ref> {
  return (await owner.data<{ r: Ref }>(`mutation { r: createSupplier(input: { legalName: "Fournisseur matrice" }) { id version } }`)).r;
}

let articleSeq = 0;
export async function newArticle(owner: TestClient): Promise<Ref> {
  articleSeq += 1;
  return (
    await owner.data<{ r: Ref }>(
      `mutation($ref: String!) { r: createArticle(input: { reference: $ref, label: "Vis inox", salePriceCents: 120, purchasePriceCents: 80, vatRate: 20 }) { id version } }`,
      { ref: `MAT-${process.pid}-${articleSeq}` },
    )
  ).r;
}

const LINES = '[{ description: "Prestation", quantity: 2, unitPriceCents: 5000, vatRate: 20 }]';

export async function newDocument(owner: TestClient, create: string, partyId?: string): Promise<Ref> {
  const party = partyId ? `partyId: "${partyId}", ` : '';
  return (await owner.data<{ r: Ref }>(`mutation { r: ${create}(input: { ${party}lines: ${LINES} }) { ${DOC} } }`)).r;
}

export async function newIssuedInvoice(owner: TestClient): Promise<Ref> {
  const draft = await newDocument(owner, 'createInvoice', (await newCustomer(owner)).id);
  return (
    await owner.data<{ r: Ref }>(`mutation($id: ID!, $v: Int!) { r: issueDocument(id: $id, version: $v) { ${DOC} } }`, {
      id: draft.id,
      v: draft.version,
    })
  ).r;
}

export const DOCUMENT_INPUT = { lines: [{ description: 'Modifié', quantity: 3, unitPriceCents: 5000, vatRate: 20 }] };

/** An issued invoice due long ago (overdue): the draft's own due date is kept at issue. */
export async function newOverdueInvoice(owner: TestClient): Promise<Ref> {
  const customer = await newCustomer(owner);
  const draft = (await owner.data<{ r: Ref }>(`mutation { r: createInvoice(input: { partyId: "${customer.id}", dueDate: "2020-01-31", lines: ${LINES} }) { ${DOC} } }`)).r;
  return (await owner.data<{ r: Ref }>(`mutation($id: ID!, $v: Int!) { r: issueDocument(id: $id, version: $v) { ${DOC} } }`, { id: draft.id, v: draft.version })).r;
}

/**
 * An open accounting batch of its own past month (an invoice issued then, clock moved
 * back): collecting it locks only that month, never the days other tests issue on.
 */
let pastMonth = 0;
export async function newPastBatch(owner: TestClient): Promise<Ref & { periodStart: string; periodEnd: string }> {
  pastMonth += 1;
  const day = new Date(Date.UTC(2001, pastMonth - 1, 10, 12));
  const invoice = await withClock(day, () => newIssuedInvoice(owner));
  const { batches } = await owner.data<{ batches: (Ref & { periodStart: string; periodEnd: string })[] }>('{ batches: accountingBatches { id version periodStart periodEnd } }');
  const iso = day.toISOString().slice(0, 10);
  const batch = batches.find((b) => b.periodStart <= iso && b.periodEnd >= iso);
  if (!batch || !invoice) throw new Error('no batch for the past invoice');
  return batch;
}
