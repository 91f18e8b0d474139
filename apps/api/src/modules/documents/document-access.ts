import { DocumentType, Profile } from '@comptoir/schema';
import { PROFILES } from '../../core/auth/policy';
import type { RequestContext } from '../../core/context';
import { forbidden } from '../../core/errors';

/**
 * THE permission table of documents (SPEC.md, "Profiles"), used by every
 * operation that takes a document ID. The type-specific root operations carry
 * the same groups in their `@auth` directives; a test checks both agree.
 */
export const DOCUMENT_ACCESS: Record<DocumentType, { read: readonly Profile[]; write: readonly Profile[] }> = {
  [DocumentType.QUOTE]: { read: PROFILES.sales, write: PROFILES.sales },
  [DocumentType.INVOICE]: { read: PROFILES.invoicingRead, write: PROFILES.invoicing },
  [DocumentType.CREDIT_NOTE]: { read: PROFILES.invoicingRead, write: PROFILES.invoicing },
  [DocumentType.PRICE_REQUEST]: { read: PROFILES.purchases, write: PROFILES.purchases },
  [DocumentType.SUPPLIER_ORDER]: { read: PROFILES.purchases, write: PROFILES.purchases },
};

/** Conversions: source type → target type, and who may convert (quote → invoice is OWNER/ADV only). */
export const CONVERSIONS: Partial<Record<DocumentType, { to: DocumentType; profiles: readonly Profile[] }>> = {
  [DocumentType.QUOTE]: { to: DocumentType.INVOICE, profiles: PROFILES.invoicing },
  [DocumentType.PRICE_REQUEST]: { to: DocumentType.SUPPLIER_ORDER, profiles: PROFILES.purchases },
  [DocumentType.INVOICE]: { to: DocumentType.CREDIT_NOTE, profiles: PROFILES.invoicing },
};

export type DocumentAccess = 'read' | 'write';

export function profileOf(ctx: RequestContext): Profile | null {
  return ctx.principal?.profile ?? null;
}

export function mayAccess(ctx: RequestContext, type: DocumentType, access: DocumentAccess): boolean {
  const profile = profileOf(ctx);
  return profile !== null && DOCUMENT_ACCESS[type][access].includes(profile);
}

export function assertDocumentAccess(ctx: RequestContext, type: DocumentType, access: DocumentAccess): void {
  if (!mayAccess(ctx, type, access)) {
    throw forbidden(`Your profile does not allow ${access === 'read' ? 'reading' : 'changing'} documents of type ${type}`);
  }
}

export function mayConvert(ctx: RequestContext, type: DocumentType): boolean {
  const profile = profileOf(ctx);
  const conversion = CONVERSIONS[type];
  return profile !== null && !!conversion && conversion.profiles.includes(profile);
}

/** Types this profile may read (for the generic `documents` list). */
export function readableTypes(ctx: RequestContext): DocumentType[] {
  return (Object.keys(DOCUMENT_ACCESS) as DocumentType[]).filter((type) => mayAccess(ctx, type, 'read'));
}

const union = (access: DocumentAccess): Profile[] =>
  PROFILES.all.filter((profile) => Object.values(DOCUMENT_ACCESS).some((rule) => rule[access].includes(profile)));

/** Profiles that read some document type: the policy of the generic operations taking an ID. */
export const DOCUMENT_READERS: Profile[] = union('read');
/** Profiles that write some document type (ACCOUNTANT writes none). */
export const DOCUMENT_WRITERS: Profile[] = union('write');
