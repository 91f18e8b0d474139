import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { PAYMENT_METHOD_LABELS, parseDecimal, type Language } from '@comptoir/schema';
import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n/i18n';
import type { PaymentMethod } from '../../gql/graphql';
import { errorText } from '../documents/document-errors';
import { DateField } from '../../ui/date-field';
import { DeletePaymentMutation, InvoicePaymentsQuery, RecordPaymentMutation } from './payments.operations';

// The panel's words live in its own lazy chunk (the first-load bundle is at its budget).
const TEXT: Record<Language, Record<string, string>> = {
  fr: {
    title: 'Paiements',
    due: 'Échéance',
    late: 'En retard de {days} jour(s)',
    total: 'Total TTC',
    paid: 'Payé',
    credited: 'Avoirs',
    balance: 'Reste à payer',
    none: 'Aucun paiement enregistré.',
    amount: 'Montant (€)',
    date: 'Date du paiement',
    method: 'Mode de paiement',
    reference: 'Référence',
    record: 'Enregistrer le paiement',
    recorded: 'Paiement enregistré.',
    delete: 'Supprimer',
    confirmDelete: 'Supprimer ce paiement ? La suppression est inscrite dans l’historique.',
    deleted: 'Paiement supprimé.',
    invalidAmount: 'Saisissez un montant positif, par exemple 120,50.',
    by: 'par {name}',
  },
  en: {
    title: 'Payments',
    due: 'Due date',
    late: '{days} day(s) late',
    total: 'Total incl. VAT',
    paid: 'Paid',
    credited: 'Credit notes',
    balance: 'Balance due',
    none: 'No payment recorded.',
    amount: 'Amount (€)',
    date: 'Payment date',
    method: 'Method',
    reference: 'Reference',
    record: 'Record the payment',
    recorded: 'Payment recorded.',
    delete: 'Delete',
    confirmDelete: 'Delete this payment? The deletion is kept in the history.',
    deleted: 'Payment deleted.',
    invalidAmount: 'Enter a positive amount, for example 120.50.',
    by: 'by {name}',
  },
};

const METHODS: PaymentMethod[] = ['TRANSFER', 'CHECK', 'CARD', 'CASH', 'DIRECT_DEBIT'];

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** "120,50" or "120.50" → 12050 cents; null when not a positive amount. */
function toCents(text: string): number | null {
  try {
    const cents = Number(parseDecimal(text.replace(/\s/g, '').replace(',', '.'), 2));
    return Number.isSafeInteger(cents) && cents > 0 ? cents : null;
  } catch {
    return null;
  }
}

/** Payments of an issued invoice: balance, the list, a form to record one (OWNER/ADV). */
export default function PaymentsPanel({ invoiceId, onChanged }: { invoiceId: string; onChanged(): void }) {
  const i18n = useI18n();
  const { formatAmount, formatDate } = i18n;
  const words = TEXT[i18n.language];
  const w = (key: string, params: Record<string, string | number> = {}) => words[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
  const { profile } = useSession();
  const writable = profile === 'OWNER' || profile === 'ADV';
  const client = useApolloClient();
  const { data, refetch } = useQuery(InvoicePaymentsQuery, { variables: { id: invoiceId }, fetchPolicy: 'cache-and-network' });
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(today());
  const [method, setMethod] = useState<PaymentMethod>('TRANSFER');
  const [reference, setReference] = useState('');
  const [message, setMessage] = useState<{ tone: 'success' | 'warning'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const doc = data?.document;
  if (!doc) return null;

  const after = async (text: string) => {
    setMessage({ tone: 'success', text });
    await refetch();
    onChanged();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const cents = toCents(amount);
    if (cents === null) {
      setMessage({ tone: 'warning', text: w('invalidAmount') });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await client.mutate({ mutation: RecordPaymentMutation, variables: { input: { invoiceId, amountCents: cents, date, method, reference: reference.trim() || null } } });
      setAmount('');
      setReference('');
      await after(w('recorded'));
    } catch (error) {
      setMessage({ tone: 'warning', text: errorText(i18n, error) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string) => {
    if (!window.confirm(w('confirmDelete'))) return;
    setBusy(true);
    try {
      await client.mutate({ mutation: DeletePaymentMutation, variables: { id } });
      await after(w('deleted'));
    } catch (error) {
      setMessage({ tone: 'warning', text: errorText(i18n, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="payments-panel" data-testid="payments-panel" aria-labelledby="payments-title">
      <h2 className="section-title" id="payments-title">
        {w('title')}
      </h2>
      <dl className="payments-summary">
        {doc.dueDate ? (
          <div>
            <dt>{w('due')}</dt>
            <dd data-testid="due-date">
              {formatDate(doc.dueDate)}
              {doc.daysLate ? <strong className="late"> · {w('late', { days: doc.daysLate })}</strong> : null}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{w('total')}</dt>
          <dd>{formatAmount(doc.totalInclVatCents)}</dd>
        </div>
        <div>
          <dt>{w('paid')}</dt>
          <dd data-testid="amount-paid">{formatAmount(doc.amountPaidCents ?? 0)}</dd>
        </div>
        {doc.amountCreditedCents ? (
          <div>
            <dt>{w('credited')}</dt>
            <dd>{formatAmount(doc.amountCreditedCents)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{w('balance')}</dt>
          <dd data-testid="balance-due">
            <strong>{formatAmount(doc.balanceDueCents ?? 0)}</strong>
          </dd>
        </div>
      </dl>
      {doc.payments.length === 0 ? (
        <p className="muted">{w('none')}</p>
      ) : (
        <ul className="payments-list" data-testid="payments-list">
          {doc.payments.map((p) => (
            <li key={p.id} data-testid="payment">
              {formatDate(p.date)} · {PAYMENT_METHOD_LABELS[i18n.language][p.method]} · <strong>{formatAmount(p.amountCents)}</strong>
              {p.reference ? ` · ${p.reference}` : ''} {p.createdBy ? <span className="muted">({w('by', { name: p.createdBy.name })})</span> : null}{' '}
              {writable ? (
                <button type="button" className="button button-secondary button-small" disabled={busy} onClick={() => void remove(p.id)}>
                  {w('delete')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {writable && (doc.status === 'ISSUED' || doc.status === 'PARTIALLY_PAID') ? (
        <form className="form-grid payment-form" onSubmit={(e) => void submit(e)} aria-label={w('record')}>
          <label className="field">
            <span>{w('amount')}</span>
            <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} required data-testid="payment-amount" />
          </label>
          <div className="field">
            <DateField label={w('date')} value={date} onChange={setDate} testId="payment-date" />
          </div>
          <label className="field">
            <span>{w('method')}</span>
            <select value={method} onChange={(e) => setMethod(e.target.value as PaymentMethod)} data-testid="payment-method">
              {METHODS.map((m) => (
                <option key={m} value={m}>
                  {PAYMENT_METHOD_LABELS[i18n.language][m]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{w('reference')}</span>
            <input value={reference} maxLength={100} onChange={(e) => setReference(e.target.value)} />
          </label>
          <div className="editor-actions">
            <button type="submit" className="button" disabled={busy} data-testid="record-payment">
              {w('record')}
            </button>
          </div>
        </form>
      ) : null}
      {message ? (
        <p className={`notice notice-${message.tone}`} role={message.tone === 'warning' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
