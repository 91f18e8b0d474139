import { z } from 'zod';
import { first, id, intRange, localDate, requiredText } from './fields';

/** Blank (null, undefined or spaces only). */
const blank = (v: string | null | undefined) => v === null || v === undefined || v.trim() === '';

/** SIREN checked with its Luhn key (9 digits). */
export function isValidSiren(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(value[8 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  // La Poste (356000000) is the one SIREN outside the rule.
  return sum % 10 === 0 || value === '356000000';
}

export const luhnSiren = () =>
  z
    .string()
    .refine((v) => blank(v) || isValidSiren(v.replace(/\s+/g, '')), { error: '9 digits with a valid check key', params: { reason: 'INVALID_SIREN' } })
    .nullish();

/** A general-ledger account of the French PCG: digits only, starting with `root`. */
export const ledgerAccount = (root: string) =>
  z
    .string({ error: 'Required' })
    .refine((v) => new RegExp(`^${root}\\d{0,${12 - root.length}}$`).test(v.trim()) && v.trim().length >= 3, {
      error: `An account number of 3 to 12 digits starting with ${root}`,
      params: { reason: 'INVALID_ACCOUNT' },
    });

/** A journal code (VT, BQ…): 1 to 6 uppercase letters or digits. */
export const journalCode = () =>
  z.string({ error: 'Required' }).refine((v) => /^[A-Z0-9]{1,6}$/.test(v.trim().toUpperCase()), { error: '1 to 6 letters or digits', params: { reason: 'INVALID_ACCOUNT' } });

/** A customer's auxiliary code (after 411): 1 to 14 uppercase letters or digits. */
export const auxiliaryCode = () =>
  z.string({ error: 'Required' }).refine((v) => /^[A-Z0-9]{1,14}$/.test(v.trim().toUpperCase()), { error: '1 to 14 letters or digits', params: { reason: 'INVALID_ACCOUNT' } });

/** `updateAccountingSettings`: Paramètres / Comptabilité (chart of accounts of the dossier). */
export const AccountingSettingsInputSchema = z.object({
  siren: luhnSiren(),
  salesJournalCode: journalCode(),
  salesJournalName: requiredText(40),
  bankJournalCode: journalCode(),
  bankJournalName: requiredText(40),
  customerAccount: ledgerAccount('411'),
  bankAccount: ledgerAccount('512'),
  goodsRevenueAccount: ledgerAccount('70'),
  servicesRevenueAccount: ledgerAccount('70'),
  vatAccount20: ledgerAccount('4457'),
  vatAccount10: ledgerAccount('4457'),
  vatAccount55: ledgerAccount('4457'),
  vatAccount21: ledgerAccount('4457'),
  version: intRange(0, 2_147_483_647),
});

export const AccountingArgsSchemas = {
  updateAccountingSettings: z.object({ input: AccountingSettingsInputSchema }),
  customerAccounts: z.object({ first: first(500).nullish() }),
  updateCustomerAccountCode: z.object({ customerId: id(), code: auxiliaryCode() }),
  documentAccountingEntries: z.object({ documentId: id() }),
  accountingBatch: z.object({ id: id() }),
  collectAccountingBatch: z.object({ id: id(), version: intRange(1, 2_147_483_647) }),
  cutAccountingBatch: z.object({ id: id(), version: intRange(1, 2_147_483_647), until: localDate() }),
  accountingBatchProgress: z.object({ id: id() }),
} as const;
