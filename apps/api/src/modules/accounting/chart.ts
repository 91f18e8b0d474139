import type { RequestContext } from '../../core/context';
import { AccountingSettings } from './accounting.entity';

/** What a dossier's chart of accounts holds (the editable part of `AccountingSettings`). */
export interface ChartValues {
  siren: string | null;
  salesJournalCode: string;
  salesJournalName: string;
  bankJournalCode: string;
  bankJournalName: string;
  customerAccount: string;
  bankAccount: string;
  goodsRevenueAccount: string;
  servicesRevenueAccount: string;
  vatAccount20: string;
  vatAccount10: string;
  vatAccount55: string;
  vatAccount21: string;
}

/** Plan comptable général defaults: VT / BQ journals, 411000, 512000, 707000 / 706000, 44571x. */
export const PCG_DEFAULTS: ChartValues = {
  siren: null,
  salesJournalCode: 'VT',
  salesJournalName: 'Journal des ventes',
  bankJournalCode: 'BQ',
  bankJournalName: 'Journal de banque',
  customerAccount: '411000',
  bankAccount: '512000',
  goodsRevenueAccount: '707000',
  servicesRevenueAccount: '706000',
  vatAccount20: '445712',
  vatAccount10: '445711',
  vatAccount55: '445715',
  vatAccount21: '445713',
};

/** The dossier's settings, or the PCG defaults (version 0: not saved yet). */
export async function chartOf(ctx: RequestContext): Promise<AccountingSettings> {
  const found = await ctx.scoped(AccountingSettings, 'Accounting settings').findOneBy({});
  if (found) return found;
  const defaults = ctx.scoped(AccountingSettings, 'Accounting settings').create({ ...PCG_DEFAULTS });
  defaults.version = 0;
  return defaults;
}

/** The VAT account of a rate (basis points); 0 % has none. */
export function vatAccountOf(chart: ChartValues, vatRateBp: number): string {
  switch (vatRateBp) {
    case 2000:
      return chart.vatAccount20;
    case 1000:
      return chart.vatAccount10;
    case 550:
      return chart.vatAccount55;
    case 210:
      return chart.vatAccount21;
    default:
      return chart.vatAccount20;
  }
}

/** `aucun accent, majuscules, lettres et chiffres` : the start of an auxiliary code from a name. */
export function codeStem(name: string): string {
  const stem = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 8);
  return stem || 'CLIENT';
}
