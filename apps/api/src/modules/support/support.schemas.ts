import { z } from 'zod';

/*
 * The typed payload of each kind of support request, and the message limits: one
 * zod schema per kind. Self-contained (zod only) so the SPA can validate with the
 * very same rules once the shared package carries zod schemas.
 */

export const SUPPORT_REQUEST_KINDS = ['CHANGE_LOGIN_EMAIL', 'ADD_USER', 'CHANGE_PROFILE', 'REMOVE_USER', 'ACCOUNTANT_ACCESS', 'OTHER'] as const;
export type SupportRequestKindName = (typeof SUPPORT_REQUEST_KINDS)[number];

/** Profiles a support request may ask for: OWNER stays the principal user's, ACCOUNTANT goes through ACCOUNTANT_ACCESS. */
export const REQUESTABLE_PROFILES = ['ADV', 'COMMERCIAL', 'ACHAT'] as const;

export const SUPPORT_LIMITS = {
  message: 4000,
  subject: 160,
  name: 120,
  phone: 40,
  firmName: 160,
  email: 254,
  reason: 1000,
} as const;

/** C0 controls other than tab and line breaks, and DEL. */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code < 0x20 && char !== '\t' && char !== '\n' && char !== '\r') || code === 0x7f;
}

/** Plain text: trimmed, control characters other than line breaks and tabs refused. */
const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'required')
    .max(max, `at most ${max} characters`)
    .refine((text) => ![...text].some(isControl), 'control characters are not allowed');

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(SUPPORT_LIMITS.email, `at most ${SUPPORT_LIMITS.email} characters`)
  .pipe(z.email('not an e-mail address'));

const phone = z
  .string()
  .trim()
  .max(SUPPORT_LIMITS.phone, `at most ${SUPPORT_LIMITS.phone} characters`)
  .regex(/^(|[+0-9][0-9 ().-]{5,})$/, 'not a phone number')
  .nullish()
  .transform((value) => (value ? value : null));

const memberId = z.string().trim().min(1, 'required').max(36, 'not an id');

export const changeLoginEmailPayload = z.object({ memberId, newEmail: email });
export const addUserPayload = z.object({
  name: plainText(SUPPORT_LIMITS.name),
  email,
  phone,
  profile: z.enum(REQUESTABLE_PROFILES, 'ADV, COMMERCIAL or ACHAT'),
});
export const changeProfilePayload = z.object({ memberId, profile: z.enum(REQUESTABLE_PROFILES, 'ADV, COMMERCIAL or ACHAT') });
export const removeUserPayload = z.object({ memberId });
export const accountantAccessPayload = z.object({
  name: plainText(SUPPORT_LIMITS.name),
  email,
  phone,
  firmName: plainText(SUPPORT_LIMITS.firmName),
});
export const otherPayload = z.object({ subject: plainText(SUPPORT_LIMITS.subject), text: plainText(SUPPORT_LIMITS.message) });

export const SUPPORT_PAYLOAD_SCHEMAS = {
  CHANGE_LOGIN_EMAIL: changeLoginEmailPayload,
  ADD_USER: addUserPayload,
  CHANGE_PROFILE: changeProfilePayload,
  REMOVE_USER: removeUserPayload,
  ACCOUNTANT_ACCESS: accountantAccessPayload,
  OTHER: otherPayload,
} as const satisfies Record<SupportRequestKindName, z.ZodType>;

export type SupportPayloadOf<K extends SupportRequestKindName> = z.output<(typeof SUPPORT_PAYLOAD_SCHEMAS)[K]>;

/** Name of the input field carrying each kind's payload (`input.addUser`, …). */
export const PAYLOAD_FIELD: Record<SupportRequestKindName, string> = {
  CHANGE_LOGIN_EMAIL: 'changeLoginEmail',
  ADD_USER: 'addUser',
  CHANGE_PROFILE: 'changeProfile',
  REMOVE_USER: 'removeUser',
  ACCOUNTANT_ACCESS: 'accountantAccess',
  OTHER: 'other',
};

export const supportMessageText = plainText(SUPPORT_LIMITS.message);
export const rejectionReason = plainText(SUPPORT_LIMITS.reason);

/** The first problem of a failed parse, as `path` (dotted, under `prefix`) and message. */
export function firstIssue(error: z.ZodError, prefix: string): { field: string; message: string } {
  const issue = error.issues[0];
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  return { field: path, message: issue.message };
}
