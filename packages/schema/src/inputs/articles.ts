import { z } from 'zod';
import { ArticleKind } from '../enums';
import { cents, optionalText, requiredText, vatRate } from './fields';

/** `createArticle` / `updateArticle`. */
export const ArticleInputSchema = z.object({
  reference: requiredText(40),
  label: requiredText(200),
  /** "u" when omitted. */
  unit: optionalText(20),
  salePriceCents: cents({ nonNegative: true }),
  purchasePriceCents: cents({ nonNegative: true }).nullish(),
  vatRate: vatRate(),
  /** true when omitted. */
  active: z.boolean().nullish(),
  /** Goods or services (revenue account 707 / 706); SERVICES when omitted on creation, unchanged on update. */
  kind: z.enum(ArticleKind).nullish(),
});
