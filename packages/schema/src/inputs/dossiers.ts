import { z } from 'zod';
import { Plan, Profile } from '../enums';
import { SEAT_ORDER_MAX, SEAT_ORDER_MIN } from '../domain/seats';
import { country, email, id, intRange, luhnSiret, optionalText, requiredText, vatNumber, vatRate } from './fields';

/** A numbering prefix: 1 to 6 letters or digits (stored in upper case). */
const prefix = () =>
  z.string({ error: 'Required' }).refine((v) => /^[A-Z0-9]{1,6}$/.test(v.trim().toUpperCase()), { error: '1 to 6 uppercase letters or digits', params: { reason: 'INVALID_PREFIX' } });

/** `updateDossierSettings`: Paramètres du dossier. */
export const DossierSettingsInputSchema = z.object({
  name: requiredText(160),
  siret: luhnSiret(),
  vatNumber: vatNumber(),
  addressLine: optionalText(200),
  postalCode: optionalText(10),
  city: optionalText(100),
  country: country(),
  quotePrefix: prefix(),
  invoicePrefix: prefix(),
  creditNotePrefix: prefix(),
  priceRequestPrefix: prefix(),
  supplierOrderPrefix: prefix(),
  defaultVatRate: vatRate(),
  paymentTermsDays: intRange(0, 120),
  legalMentions: z.string({ error: 'Required' }).max(2000, { error: 'At most 2000 characters' }),
  version: intRange(0, 2_147_483_647),
});

export const UpdateDossierSettingsArgsSchema = z.object({ input: DossierSettingsInputSchema });
export const OrderSeatsArgsSchema = z.object({ quantity: intRange(SEAT_ORDER_MIN, SEAT_ORDER_MAX) });
export const CancelSeatOrderArgsSchema = z.object({ id: id() });

/** Support: a user added to a dossier (OWNER is the principal user's only). */
export const AdminAddUserInputSchema = z.object({
  email: email(),
  name: requiredText(120),
  phone: optionalText(40),
  firmName: optionalText(160),
  profile: z.enum(Profile).refine((p) => p !== Profile.OWNER, { error: 'OWNER is the principal user’s profile only: give ADV for the same functions', params: { reason: 'OWNER_PROFILE_RESERVED' } }),
});

const searchArgs = z.object({ query: z.string({ error: 'Required' }).max(100, { error: 'At most 100 characters' }), first: intRange(1, 50).nullish() });

export const AdminArgsSchemas = {
  adminAddUser: z.object({ dossierId: id(), input: AdminAddUserInputSchema }),
  adminCancelSeatOrder: z.object({ orderId: id() }),
  adminChangeLoginEmail: z.object({ newEmail: email(), userId: id() }),
  adminChangePlan: z.object({ dossierId: id(), plan: z.enum(Plan) }),
  adminChangeProfile: z.object({
    dossierId: id(),
    userId: id(),
    profile: z.enum(Profile).refine((p) => p !== Profile.OWNER, { error: 'OWNER is the principal user’s profile only', params: { reason: 'OWNER_PROFILE_RESERVED' } }),
  }),
  adminMarkSeatOrderPaid: z.object({ orderId: id(), reference: optionalText(120) }),
  adminRemoveUser: z.object({ dossierId: id(), userId: id() }),
  adminActions: z.object({ dossierId: id().nullish(), first: intRange(1, 200).nullish() }),
  adminDossier: z.object({ id: id() }),
  adminOutbox: z.object({ after: z.string().max(200).nullish(), first: intRange(1, 200) }),
  adminJobs: z.object({ state: z.enum(['waiting', 'active', 'delayed', 'failed', 'completed']).nullish() }),
  adminRetryJob: z.object({ id: z.string().min(1).max(200) }),
  adminSearchDossiers: searchArgs,
  adminSearchUsers: searchArgs,
} as const;
