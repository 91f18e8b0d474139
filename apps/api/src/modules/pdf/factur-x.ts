import { DocumentType, VAT_EXEMPTIONS, centsToDecimal, formatScaled } from '@comptoir/schema';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentLine } from '../documents/document.entity';
import { exemptionOf, type PdfModel } from './pdf-model';
import type { RenderOptions } from './render-pdf';

/**
 * Factur-X (profile EN 16931): the invoice or credit note as UN/CEFACT CII XML,
 * embedded as `factur-x.xml` in a PDF/A-3 with the XMP metadata Factur-X requires.
 * Checked against the official EN 16931 Schematron (`validators/en16931-cii/`) by
 * `factur-x.test.ts`.
 */

const esc = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const amount = (cents: number | bigint) => centsToDecimal(BigInt(cents));
const day102 = (day: string) => day.replace(/-/g, '');
const rateOf = (bp: number) => formatScaled(bp, 2);

const UNIT_CODES: Record<string, string> = { u: 'C62', h: 'HUR', heure: 'HUR', j: 'DAY', jour: 'DAY', kg: 'KGM', g: 'GRM', m: 'MTR', m2: 'MTK', 'm²': 'MTK', m3: 'MTQ', l: 'LTR', forfait: 'C62', lot: 'C62' };
const unitCode = (unit: string) => UNIT_CODES[unit.trim().toLowerCase()] ?? 'C62';

function categoryOf(line: DocumentLine): 'S' | 'E' | 'AE' | 'K' | 'G' {
  return line.vatRateBp === 0 ? VAT_EXEMPTIONS[exemptionOf(line)].category : 'S';
}

function address(a: { line1?: string | null; line2?: string | null; postalCode?: string | null; city?: string | null; country: string }): string {
  return `<ram:PostalTradeAddress>${a.postalCode ? `<ram:PostcodeCode>${esc(a.postalCode)}</ram:PostcodeCode>` : ''}${a.line1 ? `<ram:LineOne>${esc(a.line1)}</ram:LineOne>` : ''}${a.line2 ? `<ram:LineTwo>${esc(a.line2)}</ram:LineTwo>` : ''}${a.city ? `<ram:CityName>${esc(a.city)}</ram:CityName>` : ''}<ram:CountryID>${esc(a.country || 'FR')}</ram:CountryID></ram:PostalTradeAddress>`;
}

function taxRegistration(vat: string | null | undefined): string {
  return vat ? `<ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">${esc(vat)}</ram:ID></ram:SpecifiedTaxRegistration>` : '';
}

/** The CII XML of an issued invoice or credit note. */
export function ciiXml(m: PdfModel): string {
  const doc = m.doc;
  const s = m.seller.settings;
  const lines = m.lines.map((line, i) => {
    // Net price = unit price; the discount is a line allowance: qty × price − allowance = line total.
    const gross = (BigInt(line.quantityMilli) * BigInt(line.unitPriceCents)) / 1000n;
    const allowance = gross - BigInt(line.totalExclVatCents);
    const category = categoryOf(line);
    return `<ram:IncludedSupplyChainTradeLineItem>
<ram:AssociatedDocumentLineDocument><ram:LineID>${i + 1}</ram:LineID></ram:AssociatedDocumentLineDocument>
<ram:SpecifiedTradeProduct><ram:Name>${esc(line.description.slice(0, 500))}</ram:Name></ram:SpecifiedTradeProduct>
<ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>${amount(line.unitPriceCents)}</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>
<ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="${unitCode(line.unit)}">${formatScaled(line.quantityMilli, 3)}</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
<ram:SpecifiedLineTradeSettlement>
<ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>${category}</ram:CategoryCode><ram:RateApplicablePercent>${rateOf(line.vatRateBp)}</ram:RateApplicablePercent></ram:ApplicableTradeTax>${
      allowance !== 0n
        ? `
<ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>${allowance > 0n ? 'false' : 'true'}</udt:Indicator></ram:ChargeIndicator><ram:CalculationPercent>${rateOf(line.discountBp)}</ram:CalculationPercent><ram:BasisAmount>${amount(gross)}</ram:BasisAmount><ram:ActualAmount>${amount(allowance > 0n ? allowance : -allowance)}</ram:ActualAmount><ram:Reason>Remise</ram:Reason></ram:SpecifiedTradeAllowanceCharge>`
        : ''
    }
<ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>${amount(line.totalExclVatCents)}</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>
</ram:SpecifiedLineTradeSettlement>
</ram:IncludedSupplyChainTradeLineItem>`;
  });

  // VAT breakdown per category and rate (the document's per-rate VAT for taxed lines).
  const groups = new Map<string, { category: string; rateBp: number; basis: number; exemption: string | null; reasonCode: string | null }>();
  for (const line of m.lines) {
    const category = categoryOf(line);
    const key = `${category}:${line.vatRateBp}`;
    const group = groups.get(key) ?? { category, rateBp: line.vatRateBp, basis: 0, exemption: null, reasonCode: null };
    group.basis += line.totalExclVatCents;
    if (category !== 'S') {
      group.exemption = VAT_EXEMPTIONS[exemptionOf(line)].mention;
      group.reasonCode = category === 'AE' ? 'VATEX-EU-AE' : category === 'K' ? 'VATEX-EU-IC' : category === 'G' ? 'VATEX-EU-G' : null;
    }
    groups.set(key, group);
  }
  const vatOfRate = new Map(doc.vatBreakdown.map((v) => [v.vatRateBp, v.vatCents]));
  const taxes = [...groups.values()]
    .map((g) => {
      const vat = g.category === 'S' ? (vatOfRate.get(g.rateBp) ?? 0) : 0;
      return `<ram:ApplicableTradeTax><ram:CalculatedAmount>${amount(vat)}</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>${g.exemption ? `<ram:ExemptionReason>${esc(g.exemption)}</ram:ExemptionReason>` : ''}<ram:BasisAmount>${amount(g.basis)}</ram:BasisAmount><ram:CategoryCode>${g.category}</ram:CategoryCode>${g.reasonCode ? `<ram:ExemptionReasonCode>${g.reasonCode}</ram:ExemptionReasonCode>` : ''}<ram:RateApplicablePercent>${rateOf(g.rateBp)}</ram:RateApplicablePercent></ram:ApplicableTradeTax>`;
    })
    .join('\n');

  const party = m.party;
  const sellerId = m.seller.siren
    ? `<ram:SpecifiedLegalOrganization><ram:ID schemeID="0002">${esc(m.seller.siren)}</ram:ID><ram:TradingBusinessName>${esc(m.seller.name)}</ram:TradingBusinessName></ram:SpecifiedLegalOrganization>`
    : '';
  const buyerId = party?.siren ? `<ram:SpecifiedLegalOrganization><ram:ID schemeID="0002">${esc(party.siren)}</ram:ID></ram:SpecifiedLegalOrganization>` : '';
  const terms =
    doc.type === DocumentType.INVOICE
      ? `<ram:SpecifiedTradePaymentTerms><ram:Description>${esc(
          `Pénalités de retard : ${s.latePenaltyRate ? `${s.latePenaltyRate} % l'an` : "3 fois le taux d'intérêt légal"}. Indemnité forfaitaire pour frais de recouvrement : 40 EUR. Escompte : ${s.discountTerms?.trim() || 'néant'}.`,
        )}</ram:Description>${doc.dueDate ? `<ram:DueDateDateTime><udt:DateTimeString format="102">${day102(doc.dueDate)}</udt:DateTimeString></ram:DueDateDateTime>` : ''}</ram:SpecifiedTradePaymentTerms>`
      : '';
  const means = s.iban
    ? `<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>58</ram:TypeCode><ram:PayeePartyCreditorFinancialAccount><ram:IBANID>${esc(s.iban.replace(/\s+/g, ''))}</ram:IBANID></ram:PayeePartyCreditorFinancialAccount>${s.bic ? `<ram:PayeeSpecifiedCreditorFinancialInstitution><ram:BICID>${esc(s.bic)}</ram:BICID></ram:PayeeSpecifiedCreditorFinancialInstitution>` : ''}</ram:SpecifiedTradeSettlementPaymentMeans>`
    : '';
  const lineTotal = m.lines.reduce((sum, l) => sum + l.totalExclVatCents, 0);
  const referenced = doc.type === DocumentType.CREDIT_NOTE && m.source?.number
    ? `<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>${esc(m.source.number)}</ram:IssuerAssignedID><ram:FormattedIssueDateTime><qdt:DateTimeString format="102">${day102(m.source.date)}</qdt:DateTimeString></ram:FormattedIssueDateTime></ram:InvoiceReferencedDocument>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>
<rsm:ExchangedDocument><ram:ID>${esc(doc.number ?? '')}</ram:ID><ram:TypeCode>${doc.type === DocumentType.CREDIT_NOTE ? '381' : '380'}</ram:TypeCode><ram:IssueDateTime><udt:DateTimeString format="102">${day102(doc.date)}</udt:DateTimeString></ram:IssueDateTime>${
    doc.notes ? `<ram:IncludedNote><ram:Content>${esc(doc.notes)}</ram:Content></ram:IncludedNote>` : ''
  }</rsm:ExchangedDocument>
<rsm:SupplyChainTradeTransaction>
${lines.join('\n')}
<ram:ApplicableHeaderTradeAgreement>
<ram:SellerTradeParty>${m.seller.siren ? '' : `<ram:ID>${esc(m.doc.dossierId)}</ram:ID>`}<ram:Name>${esc(m.seller.name)}</ram:Name>${sellerId}${address({ line1: m.seller.addressLine, postalCode: m.seller.postalCode, city: m.seller.city, country: m.seller.country })}${taxRegistration(m.seller.vatNumber)}</ram:SellerTradeParty>
<ram:BuyerTradeParty><ram:Name>${esc(party?.legalName ?? doc.partyName)}</ram:Name>${buyerId}${address({ line1: party?.addressLine1, line2: party?.addressLine2, postalCode: party?.postalCode, city: party?.city, country: party?.country ?? 'FR' })}${taxRegistration(party?.vatNumber)}</ram:BuyerTradeParty>
</ram:ApplicableHeaderTradeAgreement>
<ram:ApplicableHeaderTradeDelivery/>
<ram:ApplicableHeaderTradeSettlement>
<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
${means}
${taxes}
${terms}
<ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:LineTotalAmount>${amount(lineTotal)}</ram:LineTotalAmount><ram:TaxBasisTotalAmount>${amount(doc.totalExclVatCents)}</ram:TaxBasisTotalAmount><ram:TaxTotalAmount currencyID="EUR">${amount(doc.totalVatCents)}</ram:TaxTotalAmount><ram:GrandTotalAmount>${amount(doc.totalInclVatCents)}</ram:GrandTotalAmount><ram:DuePayableAmount>${amount(doc.totalInclVatCents)}</ram:DuePayableAmount></ram:SpecifiedTradeSettlementHeaderMonetarySummation>
${referenced}
</ram:ApplicableHeaderTradeSettlement>
</rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
`;
}

/** XMP metadata of a PDF/A-3B Factur-X (EN 16931 profile), with the Factur-X extension schema. */
export function facturXmp(info: { title: string; created: Date }): string {
  const when = info.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">${esc(info.title)}</rdf:li></rdf:Alt></dc:title><dc:creator><rdf:Seq><rdf:li>Comptoir</rdf:li></rdf:Seq></dc:creator></rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreatorTool>Comptoir</xmp:CreatorTool><xmp:CreateDate>${when}</xmp:CreateDate><xmp:ModifyDate>${when}</xmp:ModifyDate></rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Producer>Comptoir (pdf-lib)</pdf:Producer></rdf:Description>
<rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"><fx:DocumentType>INVOICE</fx:DocumentType><fx:DocumentFileName>factur-x.xml</fx:DocumentFileName><fx:Version>1.0</fx:Version><fx:ConformanceLevel>EN 16931</fx:ConformanceLevel></rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>fx</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq>
<rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentFileName</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The name of the embedded XML document</pdfaProperty:description></rdf:li>
<rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentType</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The type of the hybrid document in capital letters, e.g. INVOICE or ORDER</pdfaProperty:description></rdf:li>
<rdf:li rdf:parseType="Resource"><pdfaProperty:name>Version</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The actual version of the standard applying to the embedded XML document</pdfaProperty:description></rdf:li>
<rdf:li rdf:parseType="Resource"><pdfaProperty:name>ConformanceLevel</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The conformance level of the embedded XML document</pdfaProperty:description></rdf:li>
</rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

let icc: Buffer | null | undefined;
function iccProfile(): Buffer | null {
  if (icc === undefined) {
    try {
      icc = readFileSync(join(__dirname, '../../../assets/icc/sRGB.icc'));
    } catch {
      icc = null;
    }
  }
  return icc;
}

/** Factur-X options of `renderPdf` for an issued invoice or credit note. */
export function facturXFor(model: PdfModel): NonNullable<RenderOptions['facturX']> {
  return { xml: ciiXml(model), xmp: facturXmp, icc: iccProfile() };
}
