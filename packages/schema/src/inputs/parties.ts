import { z } from 'zod';
import { PaymentTerms } from '../enums';
import { country, digits, intRange, optionalEmail, optionalText, refuse, requiredText, vatNumber } from './fields';

const partyFields = {
  legalName: requiredText(160),
  siren: digits(9),
  siret: digits(14),
  vatNumber: vatNumber(),
  addressLine1: optionalText(200),
  addressLine2: optionalText(200),
  postalCode: optionalText(10),
  city: optionalText(100),
  country: country(),
  contactName: optionalText(120),
  contactEmail: optionalEmail(),
  contactPhone: optionalText(40),
  /** The dossier default (30) when omitted. */
  paymentTermsDays: intRange(0, 365).nullish(),
  paymentTerms: z.enum(PaymentTerms).nullish(),
  billingEmail: optionalEmail(),
  notes: optionalText(2000),
};

type PartyShape = { siren?: string | null; siret?: string | null };
function siretStartsWithSiren(value: PartyShape, ctx: z.RefinementCtx): void {
  const siren = value.siren?.replace(/\s+/g, '');
  const siret = value.siret?.replace(/\s+/g, '');
  if (siren && siret && /^\d{9}$/.test(siren) && /^\d{14}$/.test(siret) && !siret.startsWith(siren)) {
    refuse(ctx, 'SIRET_SIREN_MISMATCH', 'The SIRET must start with the SIREN', ['siret']);
  }
}

/** `createCustomer` / `updateCustomer`. */
export const CustomerInputSchema = z.object(partyFields).superRefine(siretStartsWithSiren);
/** `createSupplier` / `updateSupplier`. */
export const SupplierInputSchema = z.object(partyFields).superRefine(siretStartsWithSiren);
