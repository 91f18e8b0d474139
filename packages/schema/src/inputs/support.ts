import { z } from 'zod';
import { Plan, Profile, SupportRequestKind, SupportRequestStatus } from '../enums';
import { email, id, intRange, optionalText, refuse, requiredText } from './fields';

/*
 * Support requests (Demandes de support): the typed payload of each kind and the
 * thread's limits, one schema each, so the API and the SPA's forms refuse the same
 * input with the same reasons.
 */

export const SUPPORT_REQUEST_KINDS = Object.values(SupportRequestKind) as [SupportRequestKind, ...SupportRequestKind[]];
export type SupportRequestKindName = `${SupportRequestKind}`;
export const SUPPORT_REQUEST_STATUSES = Object.values(SupportRequestStatus) as [SupportRequestStatus, ...SupportRequestStatus[]];

/** Statuses of a request still waiting for support. */
export const OPEN_SUPPORT_STATUSES = [SupportRequestStatus.OPEN, SupportRequestStatus.IN_PROGRESS] as const;

/** Profiles a request may ask for: OWNER stays the principal user's, ACCOUNTANT goes through ACCOUNTANT_ACCESS. */
export const REQUESTABLE_PROFILES: readonly Profile[] = [Profile.ADV, Profile.COMMERCIAL, Profile.ACHAT];

/** Kinds a profile may send: OWNER and ADV all, the others OTHER only (SPEC.md, "Profiles"). */
export function supportKindsFor(profile: Profile | null): readonly SupportRequestKindName[] {
  return profile === Profile.OWNER || profile === Profile.ADV ? SUPPORT_REQUEST_KINDS : ['OTHER'];
}

export const SUPPORT_LIMITS = { message: 4000, subject: 160, name: 120, phone: 40, firmName: 160, reason: 1000 } as const;

/** Name of the input field carrying each kind's payload (`input.addUser`, …). */
export const SUPPORT_PAYLOAD_FIELD = {
  CHANGE_LOGIN_EMAIL: 'changeLoginEmail',
  ADD_USER: 'addUser',
  CHANGE_PROFILE: 'changeProfile',
  REMOVE_USER: 'removeUser',
  ACCOUNTANT_ACCESS: 'accountantAccess',
  OTHER: 'other',
} as const satisfies Record<SupportRequestKindName, string>;

/** C0 controls other than tab and line breaks, and DEL: plain text only. */
function hasControl(text: string): boolean {
  return [...text].some((c) => {
    const code = c.charCodeAt(0);
    return (code < 0x20 && c !== '\t' && c !== '\n' && c !== '\r') || code === 0x7f;
  });
}

/** Plain text, not blank, at most `max` characters. */
export const plainText = (max: number) =>
  requiredText(max).refine((v) => !hasControl(v), { error: 'Plain text only (no control characters)', params: { reason: 'INVALID_FORMAT' } });

const phone = () =>
  optionalText(SUPPORT_LIMITS.phone).refine((v) => !v?.trim() || /^[+0-9][0-9 ().-]{5,}$/.test(v.trim()), {
    error: 'Not a phone number',
    params: { reason: 'INVALID_FORMAT' },
  });

const requestableProfile = () =>
  z.enum(Profile, { error: 'ADV, COMMERCIAL or ACHAT' }).refine((p) => REQUESTABLE_PROFILES.includes(p), {
    error: 'ADV, COMMERCIAL or ACHAT',
    params: { reason: 'NOT_ALLOWED', allowed: REQUESTABLE_PROFILES },
  });

export const SupportChangeLoginEmailInputSchema = z.object({ memberId: id(), newEmail: email() });
export const SupportAddUserInputSchema = z.object({ name: plainText(SUPPORT_LIMITS.name), email: email(), phone: phone(), profile: requestableProfile() });
export const SupportChangeProfileInputSchema = z.object({ memberId: id(), profile: requestableProfile() });
export const SupportRemoveUserInputSchema = z.object({ memberId: id() });
export const SupportAccountantAccessInputSchema = z.object({
  name: plainText(SUPPORT_LIMITS.name),
  email: email(),
  phone: phone(),
  firmName: plainText(SUPPORT_LIMITS.firmName),
});
export const SupportOtherInputSchema = z.object({ subject: plainText(SUPPORT_LIMITS.subject), text: plainText(SUPPORT_LIMITS.message) });

/** The payload schema of each kind. */
export const SUPPORT_PAYLOAD_SCHEMAS = {
  CHANGE_LOGIN_EMAIL: SupportChangeLoginEmailInputSchema,
  ADD_USER: SupportAddUserInputSchema,
  CHANGE_PROFILE: SupportChangeProfileInputSchema,
  REMOVE_USER: SupportRemoveUserInputSchema,
  ACCOUNTANT_ACCESS: SupportAccountantAccessInputSchema,
  OTHER: SupportOtherInputSchema,
} as const satisfies Record<SupportRequestKindName, z.ZodType>;

export const supportMessage = () => plainText(SUPPORT_LIMITS.message);
const optionalMessage = () =>
  optionalText(SUPPORT_LIMITS.message).refine((v) => !v || !hasControl(v), { error: 'Plain text only (no control characters)', params: { reason: 'INVALID_FORMAT' } });

/** `createSupportRequest(input)`: the kind, and its payload in the field named after it (only that one). */
export const SupportRequestInputSchema = z
  .object({
    kind: z.enum(SUPPORT_REQUEST_KINDS, { error: 'Not a kind of request' }),
    changeLoginEmail: SupportChangeLoginEmailInputSchema.nullish(),
    addUser: SupportAddUserInputSchema.nullish(),
    changeProfile: SupportChangeProfileInputSchema.nullish(),
    removeUser: SupportRemoveUserInputSchema.nullish(),
    accountantAccess: SupportAccountantAccessInputSchema.nullish(),
    other: SupportOtherInputSchema.nullish(),
    message: optionalMessage(),
  })
  .superRefine((input, ctx) => {
    const wanted = SUPPORT_PAYLOAD_FIELD[input.kind];
    for (const field of Object.values(SUPPORT_PAYLOAD_FIELD)) {
      const given = input[field] !== null && input[field] !== undefined;
      if (field === wanted && !given) refuse(ctx, 'REQUIRED', `Required for a ${input.kind} request`, [field]);
      if (field !== wanted && given) refuse(ctx, 'INVALID_CHOICE', `Does not belong to a ${input.kind} request`, [field]);
    }
  });
export type SupportRequestInputValue = z.output<typeof SupportRequestInputSchema>;

const supportFilter = z
  .object({
    statuses: z.array(z.enum(SUPPORT_REQUEST_STATUSES)).max(4).nullish(),
    kind: z.enum(SUPPORT_REQUEST_KINDS).nullish(),
    plan: z.enum(Plan).nullish(),
    olderThanHours: intRange(0, 24 * 365).nullish(),
    dossierId: id().nullish(),
    mine: z.boolean().nullish(),
  })
  .nullish();

export const SupportArgsSchemas = {
  createSupportRequest: z.object({ input: SupportRequestInputSchema }),
  supportRequests: z.object({ status: z.enum(SUPPORT_REQUEST_STATUSES).nullish(), first: intRange(1, 200).nullish() }),
  supportRequest: z.object({ id: id() }),
  postSupportMessage: z.object({ requestId: id(), text: supportMessage() }),
  adminSupportQueue: z.object({ filter: supportFilter, first: intRange(1, 200).nullish() }),
  adminSupportCounts: z.object({ filter: supportFilter }),
  adminSupportRequest: z.object({ id: id() }),
  adminTakeSupportRequest: z.object({ id: id(), force: z.boolean().nullish() }),
  adminAnswerSupportRequest: z.object({ id: id(), text: supportMessage() }),
  adminProcessSupportRequest: z.object({ id: id(), message: optionalMessage() }),
  adminRejectSupportRequest: z.object({ id: id(), reason: plainText(SUPPORT_LIMITS.reason) }),
} as const;
