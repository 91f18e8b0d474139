// Builders shared by the cross-cutting authorization and isolation tests: each
// returns fresh records made by the dossier's OWNER, so every attempt starts clean.
import type { TestClient } from './harness';

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
