import { z } from 'zod';
import { intRange, optionalText } from './fields';

const three = (max: number) => z.array(z.string().max(max, { error: `At most ${max} characters` })).max(3, { error: 'At most 3' }).nullish();

/** `updateDocumentSettings`: Paramètres / Documents et envois (the IBAN key is checked by the API). */
export const DocumentSettingsInputSchema = z.object({
  version: intRange(0, 2_147_483_647),
  legalForm: optionalText(40),
  shareCapitalCents: z.number().int().min(0).nullish(),
  rcsCity: optionalText(60),
  rmNumber: optionalText(40),
  iban: optionalText(42),
  bic: optionalText(14),
  latePenaltyRate: optionalText(10),
  discountTerms: optionalText(300),
  mailSubject: optionalText(200),
  mailBody: optionalText(5000),
  reminderSubjects: three(200),
  reminderBodies: three(5000),
});

export const DocumentSettingsArgsSchemas = {
  updateDocumentSettings: z.object({ input: DocumentSettingsInputSchema }),
  // A 300 KB image is about 400,000 characters of base64.
  setDossierLogo: z.object({ version: intRange(0, 2_147_483_647), dataUrl: z.string().max(420_000, { error: 'The logo is at most 300 KB' }).nullish() }),
};
