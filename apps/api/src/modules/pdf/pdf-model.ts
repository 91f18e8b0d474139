import { DocumentStatus, DocumentType, VAT_EXEMPTIONS, DEFAULT_VAT_EXEMPTION, type VatExemption } from '@comptoir/schema';
import type { RequestContext } from '../../core/context';
import { Document, DocumentLine } from '../documents/document.entity';
import { Dossier, type DossierSettings } from '../identity/dossier.entity';
import { Customer, Supplier, type PartyRecord } from '../parties/party.entity';
import { DossierLogo } from './document-pdf.entity';

/** Everything a document's PDF (and its Factur-X XML) shows, read once from the database. */
export interface PdfModel {
  doc: Document;
  lines: DocumentLine[];
  seller: {
    name: string;
    siret: string | null;
    siren: string | null;
    vatNumber: string | null;
    addressLine: string | null;
    postalCode: string | null;
    city: string | null;
    country: string;
    settings: DossierSettings;
    logo: { bytes: Buffer; mimeType: string } | null;
  };
  party: PartyRecord | null;
  /** The invoice a credit note credits (number and date). */
  source: { number: string | null; date: string } | null;
}

export async function loadPdfModel(ctx: RequestContext, doc: Document): Promise<PdfModel> {
  const dossier = await ctx.platform(Dossier).findOneByOrFail({ id: ctx.dossierId });
  const lines = await ctx.scoped(DocumentLine).find({ where: { dossierId: ctx.dossierId, documentId: doc.id }, order: { position: 'ASC' } });
  const sales = doc.type === DocumentType.QUOTE || doc.type === DocumentType.INVOICE || doc.type === DocumentType.CREDIT_NOTE;
  const party = doc.partyId ? await ctx.scoped<PartyRecord>(sales ? Customer : Supplier, 'Party').findOneBy({ id: doc.partyId }) : null;
  const logo = await ctx.scoped(DossierLogo, 'Logo').findOneBy({});
  const sourceDoc = doc.sourceDocumentId ? await ctx.scoped(Document, 'Document').findOneBy({ id: doc.sourceDocumentId }) : null;
  return {
    doc,
    lines,
    seller: {
      name: dossier.name,
      siret: dossier.siret,
      siren: dossier.siret ? dossier.siret.slice(0, 9) : null,
      vatNumber: dossier.vatNumber,
      addressLine: dossier.addressLine,
      postalCode: dossier.postalCode,
      city: dossier.city,
      country: dossier.country,
      settings: dossier.settings,
      logo: logo ? { bytes: Buffer.from(logo.content, 'base64'), mimeType: logo.mimeType } : null,
    },
    party,
    source: sourceDoc && sourceDoc.type === DocumentType.INVOICE ? { number: sourceDoc.number, date: sourceDoc.date } : null,
  };
}

export function isDraft(doc: Document): boolean {
  return doc.status === DocumentStatus.DRAFT;
}

/** The exemption of a 0 % line (default: franchise en base). */
export function exemptionOf(line: DocumentLine): VatExemption {
  return line.vatExemption ?? DEFAULT_VAT_EXEMPTION;
}

/** The distinct mentions of the document's 0 % lines. */
export function exemptionMentions(lines: readonly DocumentLine[]): string[] {
  return [...new Set(lines.filter((l) => l.vatRateBp === 0).map((l) => VAT_EXEMPTIONS[exemptionOf(l)].mention))];
}
