import { z } from 'zod';
import { id, intRange, optionalText } from './fields';

const recipients = z.array(z.string().max(254, { error: 'At most 254 characters' })).max(5, { error: 'At most 5 recipients' }).nullish();

/** `emailDocument`: send a document with its PDF. */
export const EmailDocumentInputSchema = z.object({
  documentId: id(),
  to: recipients,
  subject: optionalText(200),
  message: optionalText(10_000),
  issue: z.boolean().nullish(),
});

/** `sendReminder`: a payment reminder of an overdue invoice. */
export const ReminderInputSchema = z.object({
  invoiceId: id(),
  level: intRange(1, 3),
  to: recipients,
  subject: optionalText(200),
  message: optionalText(10_000),
});

export const SendingArgsSchemas = {
  emailDocument: z.object({ input: EmailDocumentInputSchema }),
  sendReminder: z.object({ input: ReminderInputSchema }),
};
