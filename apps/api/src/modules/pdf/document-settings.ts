import { Arg, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Auth, PROFILES } from '../../core/auth/policy';
import type { RequestContext } from '../../core/context';
import { badInput, conflict } from '../../core/errors';
import { clock } from '../../core/clock';
import { optionalText } from '../../core/input-validation';
import { Dossier, type DossierSettings } from '../identity/dossier.entity';
import { DossierLogo } from './document-pdf.entity';

/**
 * Paramètres / Documents et envois: what the PDF and e-mails of the dossier print
 * (legal form, capital, RCS or RM, IBAN/BIC, penalty rate, discount terms, e-mail
 * templates) and the logo. Shares the dossier's settings version with Paramètres /
 * Dossier: a stale edit is refused (CONFLICT STALE_SETTINGS).
 */

/** ISO 13616: move the first four characters to the end, letters → 10..35, mod 97 = 1. */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

export const LOGO_MAX_BYTES = 300 * 1024;

@ObjectType('DocumentSettings', { description: 'Paramètres / Documents et envois' })
@Auth(...PROFILES.management)
export class DocumentSettingsType {
  @Field(() => Int, { description: 'The dossier settings version (shared with DossierSettings)' })
  version: number;

  @Field(() => String, { nullable: true })
  legalForm: string | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Share capital, cents' })
  shareCapitalCents: number | null;

  @Field(() => String, { nullable: true })
  rcsCity: string | null;

  @Field(() => String, { nullable: true })
  rmNumber: string | null;

  @Field(() => String, { nullable: true })
  iban: string | null;

  @Field(() => String, { nullable: true })
  bic: string | null;

  @Field(() => String, { nullable: true, description: 'Percent per year, decimal ("10.15"); 3 × the legal rate when empty' })
  latePenaltyRate: string | null;

  @Field(() => String, { nullable: true })
  discountTerms: string | null;

  @Field(() => String, { nullable: true, description: 'Placeholders: {type} {numero} {client} {montant} {echeance} {dossier}' })
  mailSubject: string | null;

  @Field(() => String, { nullable: true })
  mailBody: string | null;

  @Field(() => [String], { description: 'Subjects of reminders 1, 2, 3 (empty: the default)' })
  reminderSubjects: string[];

  @Field(() => [String], { description: 'Messages of reminders 1, 2, 3 (placeholders also {reste} {retard})' })
  reminderBodies: string[];

  @Field(() => String, { nullable: true, description: 'The logo as a data: URL (PNG or JPEG)' })
  logoDataUrl: string | null;
}

@InputType('DocumentSettingsInput')
export class DocumentSettingsInput {
  @Field(() => Int)
  version: number;

  @Field(() => String, { nullable: true })
  legalForm?: string | null;

  @Field(() => GraphQLSafeInt, { nullable: true })
  shareCapitalCents?: number | null;

  @Field(() => String, { nullable: true })
  rcsCity?: string | null;

  @Field(() => String, { nullable: true })
  rmNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Checked with its ISO 13616 key (INVALID_IBAN)' })
  iban?: string | null;

  @Field(() => String, { nullable: true })
  bic?: string | null;

  @Field(() => String, { nullable: true })
  latePenaltyRate?: string | null;

  @Field(() => String, { nullable: true })
  discountTerms?: string | null;

  @Field(() => String, { nullable: true })
  mailSubject?: string | null;

  @Field(() => String, { nullable: true })
  mailBody?: string | null;

  @Field(() => [String], { nullable: true })
  reminderSubjects?: string[] | null;

  @Field(() => [String], { nullable: true })
  reminderBodies?: string[] | null;
}

async function view(ctx: RequestContext): Promise<DocumentSettingsType> {
  const dossier = await ctx.platform(Dossier).findOneByOrFail({ id: ctx.dossierId });
  const s = dossier.settings;
  const logo = await ctx.scoped(DossierLogo, 'Logo').findOneBy({});
  return {
    version: dossier.settingsVersion,
    legalForm: s.legalForm ?? null,
    shareCapitalCents: s.shareCapitalCents ?? null,
    rcsCity: s.rcsCity ?? null,
    rmNumber: s.rmNumber ?? null,
    iban: s.iban ?? null,
    bic: s.bic ?? null,
    latePenaltyRate: s.latePenaltyRate ?? null,
    discountTerms: s.discountTerms ?? null,
    mailSubject: s.mailSubject ?? null,
    mailBody: s.mailBody ?? null,
    reminderSubjects: s.reminderSubjects ?? ['', '', ''],
    reminderBodies: s.reminderBodies ?? ['', '', ''],
    logoDataUrl: logo ? `data:${logo.mimeType};base64,${logo.content}` : null,
  };
}

function validate(input: DocumentSettingsInput): Partial<DossierSettings> {
  const iban = optionalText(input.iban?.replace(/\s+/g, '').toUpperCase(), 'input.iban', 34);
  if (iban && !isValidIban(iban)) throw badInput('INVALID_IBAN', 'The IBAN check digits do not match', 'input.iban');
  const bic = optionalText(input.bic?.replace(/\s+/g, '').toUpperCase(), 'input.bic', 11);
  if (bic && !/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)) throw badInput('INVALID_TEXT', 'Not a BIC (8 or 11 characters)', 'input.bic');
  const rate = optionalText(input.latePenaltyRate?.replace(',', '.'), 'input.latePenaltyRate', 10);
  if (rate && (!/^\d{1,2}(\.\d{1,2})?$/.test(rate) || Number(rate) <= 0)) throw badInput('INVALID_NUMBER', 'A percentage such as 10.15', 'input.latePenaltyRate');
  const capital = input.shareCapitalCents ?? null;
  if (capital !== null && (!Number.isSafeInteger(capital) || capital < 0)) throw badInput('OUT_OF_RANGE', 'Share capital in cents, not negative', 'input.shareCapitalCents');
  const three = (list: string[] | null | undefined, field: string, max: number) =>
    [0, 1, 2].map((i) => optionalText(list?.[i] ?? null, `${field}.${i}`, max) ?? '');
  return {
    legalForm: optionalText(input.legalForm, 'input.legalForm', 40),
    shareCapitalCents: capital,
    rcsCity: optionalText(input.rcsCity, 'input.rcsCity', 60),
    rmNumber: optionalText(input.rmNumber, 'input.rmNumber', 40),
    iban,
    bic,
    latePenaltyRate: rate,
    discountTerms: optionalText(input.discountTerms, 'input.discountTerms', 300),
    mailSubject: optionalText(input.mailSubject, 'input.mailSubject', 200),
    mailBody: optionalText(input.mailBody, 'input.mailBody', 5000),
    reminderSubjects: three(input.reminderSubjects, 'input.reminderSubjects', 200),
    reminderBodies: three(input.reminderBodies, 'input.reminderBodies', 5000),
  };
}

async function bumpVersion(tx: RequestContext, version: number, settings?: Partial<DossierSettings>): Promise<void> {
  const dossier = await tx.platform(Dossier).findOneByOrFail({ id: tx.dossierId });
  const result = await tx.platform(Dossier).update(
    { id: tx.dossierId, settingsVersion: version },
    { settings: { ...dossier.settings, ...(settings ?? {}) }, settingsVersion: version + 1 },
  );
  if (result.affected !== 1) {
    throw conflict('STALE_SETTINGS', 'The dossier settings were changed by someone else: reload them and apply your change again', { currentVersion: dossier.settingsVersion });
  }
}

/** PNG or JPEG by their magic bytes, at most LOGO_MAX_BYTES. */
function logoOf(dataUrl: string): { mimeType: string; bytes: Buffer } {
  const match = /^data:(image\/(?:png|jpeg));base64,([A-Za-z0-9+/=\s]+)$/.exec(dataUrl.trim());
  if (!match) throw badInput('INVALID_CHOICE', 'The logo must be a PNG or JPEG image', 'dataUrl');
  const bytes = Buffer.from(match[2], 'base64');
  if (bytes.length > LOGO_MAX_BYTES) throw badInput('OUT_OF_RANGE', `The logo is at most ${LOGO_MAX_BYTES / 1024} KB`, 'dataUrl', { max: LOGO_MAX_BYTES });
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if ((match[1] === 'image/png' && !png) || (match[1] === 'image/jpeg' && !jpeg)) throw badInput('INVALID_CHOICE', 'The file is not the image it claims to be', 'dataUrl');
  return { mimeType: match[1], bytes };
}

@Resolver()
export class DocumentSettingsResolver {
  @Query(() => DocumentSettingsType, { description: 'Paramètres / Documents et envois' })
  @Auth(...PROFILES.management)
  documentSettings(@Ctx() ctx: RequestContext): Promise<DocumentSettingsType> {
    return view(ctx);
  }

  @Mutation(() => DocumentSettingsType, { description: 'Legal mentions, bank details and e-mail templates of the documents; CONFLICT on a stale version' })
  @Auth(...PROFILES.management)
  async updateDocumentSettings(@Ctx() ctx: RequestContext, @Arg('input', () => DocumentSettingsInput) input: DocumentSettingsInput): Promise<DocumentSettingsType> {
    const values = validate(input);
    return ctx.transaction(async (tx) => {
      await bumpVersion(tx, input.version, values);
      return view(tx);
    });
  }

  @Mutation(() => DocumentSettingsType, { description: 'The dossier logo (PNG or JPEG data: URL, at most 300 KB), or none when dataUrl is null' })
  @Auth(...PROFILES.management)
  async setDossierLogo(
    @Ctx() ctx: RequestContext,
    @Arg('version', () => Int) version: number,
    @Arg('dataUrl', () => String, { nullable: true }) dataUrl: string | null,
  ): Promise<DocumentSettingsType> {
    const logo = dataUrl ? logoOf(dataUrl) : null;
    return ctx.transaction(async (tx) => {
      await bumpVersion(tx, version);
      const repo = tx.scoped(DossierLogo, 'Logo');
      await repo.delete({});
      if (logo) await repo.insert(repo.create({ mimeType: logo.mimeType, content: logo.bytes.toString('base64'), updatedAt: clock.now() }));
      return view(tx);
    });
  }
}

