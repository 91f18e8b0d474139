import { isValidSiret, type Profile } from '@comptoir/schema';
import type { RequestContext } from '../../core/context';
import { badInput, conflict } from '../../core/errors';
import { vatRate } from '../../core/money';
import { intInRange, optionalText, requiredText } from '../../core/input-validation';
import { Membership } from '../identity/membership.entity';
import { User } from '../identity/user.entity';
import { Dossier, type DossierSettings } from '../identity/dossier.entity';
import type { DossierSettingsInput } from './dossier.types';
import { seatUsage, type SeatUsage } from './seats.service';

const PREFIX_FIELDS = ['quotePrefix', 'invoicePrefix', 'creditNotePrefix', 'priceRequestPrefix', 'supplierOrderPrefix'] as const;

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  phone: string | null;
  profile: Profile;
  isPrincipal: boolean;
  since: Date;
  active: boolean;
}

export interface DossierSettingsView extends DossierSettings {
  id: string;
  version: number;
  name: string;
  siret: string | null;
  vatNumber: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
}

export function settingsView(dossier: Dossier): DossierSettingsView {
  return {
    ...dossier.settings,
    id: dossier.id,
    version: dossier.settingsVersion,
    name: dossier.name,
    siret: dossier.siret,
    vatNumber: dossier.vatNumber,
    addressLine: dossier.addressLine,
    postalCode: dossier.postalCode,
    city: dossier.city,
    country: dossier.country,
  };
}

/** The members of the context's dossier, principal user first, then by name. */
export async function membersOf(ctx: RequestContext): Promise<MemberView[]> {
  const memberships = await ctx.platform(Membership).find({ where: { dossierId: ctx.dossierId }, relations: { user: true } });
  return memberships
    .filter((m): m is Membership & { user: User } => !!m.user)
    .map((m) => ({
      userId: m.userId,
      name: m.user.name,
      email: m.user.email,
      phone: m.user.phone,
      profile: m.profile,
      isPrincipal: m.isPrincipal,
      since: m.createdAt,
      active: m.user.passwordHash !== null,
    }))
    .sort((a, b) => Number(b.isPrincipal) - Number(a.isPrincipal) || a.name.localeCompare(b.name, 'fr'));
}

export async function dossierSettings(ctx: RequestContext): Promise<DossierSettingsView> {
  return settingsView(await ctx.platform(Dossier).findOneByOrFail({ id: ctx.dossierId }));
}

function validateSettings(input: DossierSettingsInput) {
  const siret = optionalText(input.siret?.replace(/\s+/g, ''), 'input.siret', 14);
  if (siret !== null && !isValidSiret(siret)) throw badInput('INVALID_SIRET', 'siret must be 14 digits with a valid check key', 'input.siret');
  const vatNumber = optionalText(input.vatNumber?.replace(/\s+/g, '').toUpperCase(), 'input.vatNumber', 20);
  if (vatNumber && !/^[A-Z]{2}[0-9A-Z]{2,13}$/.test(vatNumber)) throw badInput('INVALID_VAT_NUMBER', 'vatNumber is not a VAT number', 'input.vatNumber');
  const country = (optionalText(input.country, 'input.country', 2) ?? 'FR').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw badInput('INVALID_COUNTRY', 'country must be a two-letter ISO code', 'input.country');
  const prefixes = {} as Record<(typeof PREFIX_FIELDS)[number], string>;
  for (const field of PREFIX_FIELDS) {
    const value = (input[field] ?? '').trim().toUpperCase();
    if (!/^[A-Z0-9]{1,6}$/.test(value)) throw badInput('INVALID_PREFIX', `${field} must be 1 to 6 uppercase letters or digits`, `input.${field}`);
    const taken = PREFIX_FIELDS.find((other) => prefixes[other] === value);
    // Legal numbers are unique per dossier across types: two types cannot share a prefix.
    if (taken) throw badInput('DUPLICATE_PREFIX', `${field} is already the prefix of ${taken}: each document type needs its own`, `input.${field}`);
    prefixes[field] = value;
  }
  // Stored as a percentage number in the settings JSON (20, 5.5): bp / 100 is exact for the French rates.
  const defaultVatRate = vatRate(input.defaultVatRate, 'input.defaultVatRate') / 100;
  const legalMentions = optionalText(input.legalMentions, 'input.legalMentions', 2000) ?? '';
  return {
    name: requiredText(input.name, 'input.name', 160),
    siret,
    vatNumber,
    addressLine: optionalText(input.addressLine, 'input.addressLine', 200),
    postalCode: optionalText(input.postalCode, 'input.postalCode', 10),
    city: optionalText(input.city, 'input.city', 100),
    country,
    settings: {
      ...prefixes,
      defaultVatRate,
      paymentTermsDays: intInRange(input.paymentTermsDays, 'input.paymentTermsDays', 0, 120),
      legalMentions,
    } satisfies DossierSettings,
  };
}

/** OWNER/ADV edit the dossier's identity and invoicing settings; CONFLICT on a stale version. */
export async function updateDossierSettings(ctx: RequestContext, input: DossierSettingsInput): Promise<DossierSettingsView> {
  const values = validateSettings(input);
  return ctx.transaction(async (tx) => {
    const dossierId = tx.dossierId;
    // Settings edited elsewhere (documents' legal mentions, templates) are kept.
    const before = await tx.platform(Dossier).findOneByOrFail({ id: dossierId });
    const result = await tx.platform(Dossier).update(
      { id: dossierId, settingsVersion: input.version },
      { ...values, settings: { ...before.settings, ...values.settings }, settingsVersion: input.version + 1 },
    );
    if (result.affected !== 1) {
      const current = await tx.platform(Dossier).findOneByOrFail({ id: dossierId });
      throw conflict('STALE_SETTINGS', 'The dossier settings were changed by someone else: reload them and apply your change again', {
        currentVersion: current.settingsVersion,
      });
    }
    return settingsView(await tx.platform(Dossier).findOneByOrFail({ id: dossierId }));
  });
}

export async function dossierUsers(ctx: RequestContext): Promise<{ members: MemberView[]; seats: SeatUsage }> {
  const dossier = await ctx.platform(Dossier).findOneByOrFail({ id: ctx.dossierId });
  return { members: await membersOf(ctx), seats: await seatUsage(ctx, dossier) };
}
