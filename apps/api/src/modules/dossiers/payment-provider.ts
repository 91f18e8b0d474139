import { randomBytes } from 'node:crypto';

/** Price of one extra seat: 9,00 € excl. VAT per month, in cents. */
export const SEAT_UNIT_PRICE_CENTS = 900;
/** VAT on the subscription, in percent. */
export const SUBSCRIPTION_VAT_PERCENT = 20;

export interface PaymentRequest {
  dossierName: string;
  quantity: number;
  /** Amount to pay, VAT included, in cents. */
  amountCents: number;
  /** The order's reference, to quote with the payment. */
  reference: string;
}

export interface PaymentInstructions {
  /** Shown to the customer as is (French). */
  text: string;
}

/**
 * How a seat order gets paid. The built-in provider is a bank transfer the
 * support team marks as received; a card provider would implement the same
 * interface (and confirm payment itself instead of the support team).
 */
export interface PaymentProvider {
  readonly code: string;
  /** A fresh reference for an order, to quote with the payment. */
  newReference(): string;
  /** What the customer must do to pay. */
  instructions(request: PaymentRequest): PaymentInstructions;
}

/** `1 234,56 €`, from integer cents, without floating point. */
export function formatEuros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return `${sign}${units},${String(abs % 100).padStart(2, '0')} €`;
}

export interface BankAccount {
  holder: string;
  iban: string;
  bic: string;
}

/** Comptoir's receiving account for seat orders. */
export const COMPTOIR_BANK_ACCOUNT: BankAccount = {
  holder: 'Comptoir SAS',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'AGRIFRPPXXX',
};

export class BankTransferProvider implements PaymentProvider {
  readonly code = 'BANK_TRANSFER';

  constructor(private readonly account: BankAccount = COMPTOIR_BANK_ACCOUNT) {}

  newReference(): string {
    // 8 characters without ambiguous ones (0/O, 1/I), easy to type on a transfer form.
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    const bytes = randomBytes(8);
    return `CPT-${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`;
  }

  instructions(request: PaymentRequest): PaymentInstructions {
    return {
      text: [
        `Virement bancaire de ${formatEuros(request.amountCents)} TTC`,
        `Bénéficiaire : ${this.account.holder}`,
        `IBAN : ${this.account.iban}`,
        `BIC : ${this.account.bic}`,
        `Référence à indiquer : ${request.reference}`,
        `Objet : ${request.quantity} accès utilisateur(s) supplémentaire(s) — ${request.dossierName}`,
        'Les accès sont activés dès réception du virement par notre équipe.',
      ].join('\n'),
    };
  }
}

const PROVIDERS: Record<string, PaymentProvider> = { BANK_TRANSFER: new BankTransferProvider() };

/** The provider used for new orders. */
export function defaultPaymentProvider(): PaymentProvider {
  return PROVIDERS.BANK_TRANSFER;
}

/** Register another provider (e.g. card payments) under its code. */
export function registerPaymentProvider(provider: PaymentProvider): void {
  PROVIDERS[provider.code] = provider;
}
