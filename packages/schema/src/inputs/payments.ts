import { z } from 'zod';
import { PaymentMethod } from '../enums';
import { cents, id, localDate, optionalText } from './fields';

/** `recordPayment`: a payment received for an issued invoice (amount in cents, > 0). */
export const PaymentInputSchema = z.object({
  invoiceId: id(),
  amountCents: cents({ nonNegative: true }).refine((v) => v > 0, { error: 'Must be greater than 0', params: { reason: 'OUT_OF_RANGE' } }),
  date: localDate(),
  method: z.enum(PaymentMethod),
  reference: optionalText(100),
});

export const PaymentArgsSchemas = {
  recordPayment: z.object({ input: PaymentInputSchema }),
  deletePayment: z.object({ id: id() }),
};
