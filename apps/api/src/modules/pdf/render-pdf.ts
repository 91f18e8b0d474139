import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Color, PDFDocument, PDFFont, PDFPage } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
import { DocumentType, formatAmount, formatScaledFr, typeLabel } from '@comptoir/schema';
import { exemptionMentions, isDraft, type PdfModel } from './pdf-model';

/** Fonts are files of the repository (DejaVu Sans, from Debian's fonts-dejavu-core): nothing is downloaded. */
const ASSETS = join(__dirname, '../../../assets');
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function fontFiles() {
  fonts ??= { regular: readFileSync(join(ASSETS, 'fonts/DejaVuSans.ttf')), bold: readFileSync(join(ASSETS, 'fonts/DejaVuSans-Bold.ttf')) };
  return fonts;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 40;
/**
 * pdf-lib and fontkit (about 35 MB of a process's memory) load on the first render, not
 * when the app starts: a process that never prints (an export worker, most API
 * requests) does not carry them.
 */
type PdfLib = typeof import('pdf-lib');
let P: PdfLib;
let fontkit: Fontkit;
let GREY: Color;
let LINE: Color;
async function loadPdfLib(): Promise<void> {
  if (P) return;
  const [lib, kit] = await Promise.all([import('pdf-lib'), import('@pdf-lib/fontkit')]);
  fontkit = (kit as unknown as { default?: Fontkit }).default ?? (kit as unknown as Fontkit);
  GREY = lib.rgb(0.35, 0.35, 0.35);
  LINE = lib.rgb(0.75, 0.75, 0.75);
  P = lib;
}

/** French writing: 1 234,56 € and 02/12/2026 (narrow no-break spaces as no-break spaces, which every font has). */
export const euros = (cents: number) => formatAmount(cents).replace(/\u202f/g, '\u00a0');
export const frDate = (day: string | null | undefined) => (day ? day.split('-').reverse().join('/') : '');

const TITLES: Record<DocumentType, string> = {
  [DocumentType.QUOTE]: 'DEVIS',
  [DocumentType.INVOICE]: 'FACTURE',
  [DocumentType.CREDIT_NOTE]: 'AVOIR',
  [DocumentType.PRICE_REQUEST]: 'DEMANDE DE PRIX',
  [DocumentType.SUPPLIER_ORDER]: 'COMMANDE FOURNISSEUR',
};

export interface RenderOptions {
  /** Factur-X: the CII XML to embed (PDF/A-3, `factur-x.xml`). */
  facturX?: { xml: string; xmp: (info: { title: string; created: Date }) => string; icc: Buffer | null } | null;
}

interface Ctx {
  pdf: PDFDocument;
  page: PDFPage;
  regular: PDFFont;
  bold: PDFFont;
  y: number;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let current = '';
    for (const word of paragraph.split(/\s+/)) {
      const candidate = current ? `${current} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) current = candidate;
      else {
        if (current) out.push(current);
        // A word longer than the width is cut.
        let rest = word;
        while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
          let n = rest.length - 1;
          while (n > 1 && font.widthOfTextAtSize(rest.slice(0, n), size) > width) n--;
          out.push(rest.slice(0, n));
          rest = rest.slice(n);
        }
        current = rest;
      }
    }
    out.push(current);
  }
  return out;
}

function text(c: Ctx, value: string, x: number, y: number, size = 9, font: PDFFont = c.regular, color: Color = P.rgb(0, 0, 0)) {
  c.page.drawText(value, { x, y, size, font, color });
}

function right(c: Ctx, value: string, xRight: number, y: number, size = 9, font: PDFFont = c.regular) {
  c.page.drawText(value, { x: xRight - font.widthOfTextAtSize(value, size), y, size, font });
}

function compact(parts: (string | null | undefined | false)[]): string[] {
  return parts.filter((p): p is string => !!p && p.trim() !== '');
}

/** The seller's legal line (footer of every page). */
export function sellerLegalLine(m: PdfModel): string {
  const s = m.seller.settings;
  const capital = s.shareCapitalCents ? `au capital de ${euros(s.shareCapitalCents)}` : null;
  return compact([
    m.seller.name,
    [s.legalForm, capital].filter(Boolean).join(' ') || null,
    m.seller.siren ? `SIREN ${m.seller.siren}` : null,
    m.seller.siret ? `SIRET ${m.seller.siret}` : null,
    s.rcsCity ? `RCS ${s.rcsCity}` : null,
    s.rmNumber ? `RM ${s.rmNumber}` : null,
    m.seller.vatNumber ? `TVA intracommunautaire ${m.seller.vatNumber}` : null,
  ]).join(' — ');
}

/** The mentions an invoice must carry (Code de commerce L441-9, CGI 242 nonies A), in order. */
export function invoiceMentions(m: PdfModel): string[] {
  const s = m.seller.settings;
  const doc = m.doc;
  const mentions: string[] = [];
  if (doc.type === DocumentType.INVOICE) {
    mentions.push(`Date d’échéance : ${doc.dueDate ? frDate(doc.dueDate) : 'à réception'}`);
    mentions.push(`Escompte pour paiement anticipé : ${s.discountTerms?.trim() || 'néant'}`);
    const rate = s.latePenaltyRate?.trim();
    mentions.push(
      `Pénalités de retard : ${rate ? `taux annuel de ${rate.replace('.', ',')} %` : 'trois fois le taux d’intérêt légal'}, exigibles dès le lendemain de la date d’échéance.`,
    );
    mentions.push('Indemnité forfaitaire pour frais de recouvrement due en cas de retard de paiement : 40 € (art. L441-10 et D441-5 du Code de commerce).');
  }
  if (doc.type === DocumentType.INVOICE || doc.type === DocumentType.CREDIT_NOTE || doc.type === DocumentType.QUOTE) mentions.push(...exemptionMentions(m.lines));
  if (doc.type === DocumentType.CREDIT_NOTE && m.source?.number) mentions.push(`Avoir sur la facture n° ${m.source.number} du ${frDate(m.source.date)}.`);
  return mentions;
}

function newPage(c: Ctx): void {
  c.page = c.pdf.addPage(A4);
  c.y = A4[1] - MARGIN;
}

const COLS = { desc: MARGIN, qty: 300, unit: 305, price: 395, discount: 435, vat: 470, total: A4[0] - MARGIN };

function tableHeader(c: Ctx): void {
  const y = c.y;
  c.page.drawRectangle({ x: MARGIN, y: y - 4, width: A4[0] - 2 * MARGIN, height: 16, color: P.rgb(0.93, 0.93, 0.93) });
  text(c, 'Désignation', COLS.desc + 2, y, 8, c.bold);
  right(c, 'Qté', COLS.qty, y, 8, c.bold);
  text(c, 'Unité', COLS.unit, y, 8, c.bold);
  right(c, 'PU HT', COLS.price, y, 8, c.bold);
  right(c, 'Remise', COLS.discount, y, 8, c.bold);
  right(c, 'TVA', COLS.vat, y, 8, c.bold);
  right(c, 'Total HT', COLS.total - 2, y, 8, c.bold);
  c.y -= 20;
}

function ensure(c: Ctx, height: number, header = false): void {
  if (c.y - height < MARGIN + 40) {
    newPage(c);
    if (header) tableHeader(c);
  }
}

/** Renders the document's PDF; with `facturX`, a PDF/A-3 carrying the CII XML. Deterministic for one model. */
export async function renderPdf(m: PdfModel, options: RenderOptions = {}): Promise<Uint8Array> {
  const doc = m.doc;
  await loadPdfLib();
  const pdf = await P.PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const { regular: regularBytes, bold: boldBytes } = fontFiles();
  const regular = await pdf.embedFont(regularBytes, { subset: true });
  const bold = await pdf.embedFont(boldBytes, { subset: true });
  const c: Ctx = { pdf, page: pdf.addPage(A4), regular, bold, y: A4[1] - MARGIN };
  const title = `${TITLES[doc.type]}${doc.number ? ` n° ${doc.number}` : ''}`;
  const when = doc.issuedAt ?? doc.createdAt;

  // Metadata (fixed: the same document renders the same bytes).
  pdf.setTitle(`${typeLabel(doc.type)} ${doc.number ?? 'brouillon'} — ${m.seller.name}`);
  pdf.setAuthor(m.seller.name);
  pdf.setCreator('Comptoir');
  pdf.setProducer('Comptoir (pdf-lib)');
  pdf.setLanguage('fr-FR');
  pdf.setCreationDate(when);
  pdf.setModificationDate(when);
  const id = createHash('md5').update(`${doc.id}:${doc.version}`).digest('hex');
  pdf.context.trailerInfo.ID = pdf.context.obj([P.PDFHexString.of(id), P.PDFHexString.of(id)]);

  // Header: logo, seller, title block.
  let top = c.y;
  if (m.seller.logo) {
    try {
      const image = m.seller.logo.mimeType === 'image/png' ? await pdf.embedPng(m.seller.logo.bytes) : await pdf.embedJpg(m.seller.logo.bytes);
      const scale = Math.min(140 / image.width, 60 / image.height, 1);
      c.page.drawImage(image, { x: MARGIN, y: top - image.height * scale, width: image.width * scale, height: image.height * scale });
      top -= image.height * scale + 8;
    } catch {
      // An unreadable logo never prevents a document from being rendered.
    }
  }
  const sellerLines = compact([
    m.seller.addressLine,
    compact([m.seller.postalCode, m.seller.city]).join(' '),
    m.seller.siret ? `SIRET ${m.seller.siret}` : null,
    m.seller.vatNumber ? `TVA ${m.seller.vatNumber}` : null,
  ]);
  text(c, m.seller.name, MARGIN, top - 10, 12, bold);
  sellerLines.forEach((line, i) => text(c, line, MARGIN, top - 26 - i * 12, 9));

  const rightX = 330;
  text(c, title, rightX, A4[1] - MARGIN - 10, 14, bold);
  const meta = compact([
    `Date : ${frDate(doc.date)}`,
    doc.type === DocumentType.INVOICE && doc.dueDate ? `Échéance : ${frDate(doc.dueDate)}` : null,
    doc.type === DocumentType.QUOTE && doc.dueDate ? `Valable jusqu’au : ${frDate(doc.dueDate)}` : null,
    doc.type === DocumentType.SUPPLIER_ORDER && doc.dueDate ? `Livraison souhaitée : ${frDate(doc.dueDate)}` : null,
    doc.type === DocumentType.CREDIT_NOTE && m.source?.number ? `Facture d’origine : ${m.source.number}` : null,
  ]);
  meta.forEach((line, i) => text(c, line, rightX, A4[1] - MARGIN - 28 - i * 12, 9));

  // The customer or supplier.
  let partyY = A4[1] - MARGIN - 40 - meta.length * 12;
  const party = m.party;
  const isSales = doc.type === DocumentType.QUOTE || doc.type === DocumentType.INVOICE || doc.type === DocumentType.CREDIT_NOTE;
  text(c, isSales ? 'Client' : 'Fournisseur', rightX, partyY, 8, regular, GREY);
  partyY -= 14;
  const partyLines = compact([
    party?.legalName ?? doc.partyName,
    party?.addressLine1,
    party?.addressLine2,
    compact([party?.postalCode, party?.city]).join(' '),
    party && party.country !== 'FR' ? party.country : null,
    party?.siret ? `SIRET ${party.siret}` : null,
    party?.vatNumber ? `TVA ${party.vatNumber}` : null,
  ]);
  partyLines.forEach((line, i) => text(c, line, rightX, partyY - i * 12, i === 0 ? 10 : 9, i === 0 ? bold : regular));
  c.y = Math.min(top - 30 - sellerLines.length * 12, partyY - partyLines.length * 12) - 16;
  if (doc.subject) {
    text(c, `Objet : ${doc.subject}`, MARGIN, c.y, 10, bold);
    c.y -= 20;
  }

  // Lines.
  tableHeader(c);
  for (const line of m.lines) {
    const descLines = wrap(line.description, regular, 9, COLS.qty - COLS.desc - 40);
    ensure(c, descLines.length * 11 + 4, true);
    const y = c.y;
    descLines.forEach((d, i) => text(c, d, COLS.desc + 2, y - i * 11, 9));
    right(c, formatScaledFr(line.quantityMilli, 3), COLS.qty, y);
    text(c, line.unit, COLS.unit, y);
    right(c, euros(line.unitPriceCents), COLS.price, y);
    right(c, line.discountBp ? `${formatScaledFr(line.discountBp, 2)} %` : '', COLS.discount, y);
    right(c, `${formatScaledFr(line.vatRateBp, 2)} %`, COLS.vat, y);
    right(c, euros(line.totalExclVatCents), COLS.total - 2, y);
    c.y -= descLines.length * 11 + 4;
    c.page.drawLine({ start: { x: MARGIN, y: c.y + 6 }, end: { x: A4[0] - MARGIN, y: c.y + 6 }, thickness: 0.3, color: LINE });
  }

  // VAT per rate and totals.
  c.y -= 10;
  ensure(c, 30 + doc.vatBreakdown.length * 12 + 50);
  const totalsY = c.y;
  text(c, 'TVA', MARGIN, c.y, 8, bold);
  right(c, 'Base HT', MARGIN + 150, c.y, 8, bold);
  right(c, 'Montant TVA', MARGIN + 240, c.y, 8, bold);
  c.y -= 12;
  for (const v of doc.vatBreakdown) {
    text(c, `${formatScaledFr(v.vatRateBp, 2)} %`, MARGIN, c.y, 9);
    right(c, euros(v.baseCents), MARGIN + 150, c.y, 9);
    right(c, euros(v.vatCents), MARGIN + 240, c.y, 9);
    c.y -= 12;
  }
  let ty = totalsY;
  const totals: [string, number, boolean][] = [
    ['Total HT', doc.totalExclVatCents, false],
    ['Total TVA', doc.totalVatCents, false],
    [doc.type === DocumentType.CREDIT_NOTE ? 'Total TTC de l’avoir' : 'Total TTC', doc.totalInclVatCents, true],
  ];
  for (const [label, cents, strong] of totals) {
    text(c, label, 390, ty, strong ? 11 : 9, strong ? bold : regular);
    right(c, euros(cents), A4[0] - MARGIN - 2, ty, strong ? 11 : 9, strong ? bold : regular);
    ty -= strong ? 16 : 13;
  }
  c.y = Math.min(c.y, ty) - 16;

  // Legal mentions, payment details.
  const mentions = invoiceMentions(m);
  const s = m.seller.settings;
  if (doc.type === DocumentType.INVOICE && (s.iban || s.bic)) mentions.push(compact([s.iban ? `IBAN : ${s.iban}` : null, s.bic ? `BIC : ${s.bic}` : null]).join(' — '));
  if (s.legalMentions && doc.type !== DocumentType.PRICE_REQUEST && doc.type !== DocumentType.SUPPLIER_ORDER && doc.type === DocumentType.QUOTE) mentions.push(s.legalMentions);
  if (doc.notes) mentions.push(doc.notes);
  for (const mention of mentions) {
    const lines = wrap(mention, regular, 8, A4[0] - 2 * MARGIN);
    ensure(c, lines.length * 10 + 2);
    for (const l of lines) {
      text(c, l, MARGIN, c.y, 8);
      c.y -= 10;
    }
    c.y -= 2;
  }

  // Footer and watermark on every page.
  const legal = sellerLegalLine(m);
  const pages = pdf.getPages();
  pages.forEach((page, i) => {
    const lines = wrap(legal, regular, 7, A4[0] - 2 * MARGIN - 50);
    lines.forEach((l, j) => page.drawText(l, { x: MARGIN, y: 24 + (lines.length - 1 - j) * 9, size: 7, font: regular, color: GREY }));
    const pageLabel = `Page ${i + 1}/${pages.length}`;
    page.drawText(pageLabel, { x: A4[0] - MARGIN - regular.widthOfTextAtSize(pageLabel, 7), y: 24, size: 7, font: regular, color: GREY });
    if (isDraft(doc)) page.drawText('BROUILLON', { x: 120, y: 250, size: 90, font: bold, color: P.rgb(0.85, 0.85, 0.85), rotate: P.degrees(40), opacity: 0.5 });
  });
  if (isDraft(doc)) pages[0].drawText('Brouillon — document sans valeur', { x: MARGIN, y: A4[1] - 24, size: 8, font: regular, color: GREY });

  if (options.facturX) await makeFacturX(pdf, options.facturX, { title: pdf.getTitle() ?? title, created: when });
  return pdf.save({ useObjectStreams: false });
}

/** PDF/A-3B with the CII XML attached as `factur-x.xml` (AFRelationship Data), its XMP metadata and an sRGB output intent. */
async function makeFacturX(pdf: PDFDocument, fx: NonNullable<RenderOptions['facturX']>, info: { title: string; created: Date }): Promise<void> {
  const { AFRelationship } = await import('pdf-lib');
  await pdf.attach(Buffer.from(fx.xml, 'utf8'), 'factur-x.xml', {
    mimeType: 'text/xml',
    description: 'Factur-X invoice (EN 16931)',
    creationDate: info.created,
    modificationDate: info.created,
    afRelationship: AFRelationship.Data,
  });
  const xmp = fx.xmp(info);
  const metadata = pdf.context.stream(Buffer.from(xmp, 'utf8'), { Type: 'Metadata', Subtype: 'XML', Length: Buffer.byteLength(xmp, 'utf8') });
  pdf.catalog.set(P.PDFName.of('Metadata'), pdf.context.register(metadata));
  if (fx.icc) {
    const icc = pdf.context.stream(fx.icc, { N: 3, Length: fx.icc.length });
    const intent = pdf.context.obj({
      Type: 'OutputIntent',
      S: 'GTS_PDFA1',
      OutputConditionIdentifier: P.PDFHexString.fromText('sRGB IEC61966-2.1'),
      Info: P.PDFHexString.fromText('sRGB IEC61966-2.1'),
      DestOutputProfile: pdf.context.register(icc),
    });
    pdf.catalog.set(P.PDFName.of('OutputIntents'), pdf.context.obj([intent]));
  }
}
