import { VatExemption } from '../enums';

/** The mention printed on an invoice for lines of each exemption, and its EN 16931 VAT category. */
export const VAT_EXEMPTIONS: Record<VatExemption, { mention: string; category: 'E' | 'AE' | 'K' | 'G'; label: string }> = {
  [VatExemption.FRANCHISE_293B]: { mention: 'TVA non applicable, art. 293 B du CGI', category: 'E', label: 'Franchise en base (art. 293 B)' },
  [VatExemption.EXEMPT_261]: { mention: 'Exonération de TVA, article 261 du CGI', category: 'E', label: 'Exonération (art. 261)' },
  [VatExemption.REVERSE_CHARGE]: { mention: 'Autoliquidation : TVA due par le preneur', category: 'AE', label: 'Autoliquidation' },
  [VatExemption.INTRA_EU]: { mention: 'Exonération de TVA, article 262 ter I du CGI (livraison intracommunautaire)', category: 'K', label: 'Livraison intracommunautaire' },
  [VatExemption.EXPORT]: { mention: 'Exonération de TVA, article 262 I du CGI (exportation)', category: 'G', label: 'Exportation hors UE' },
};

/** A 0 % line without a chosen reason is taken as exempt under article 293 B (franchise en base). */
export const DEFAULT_VAT_EXEMPTION = VatExemption.FRANCHISE_293B;
