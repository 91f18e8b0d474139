import { useApolloClient } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { errorCode } from '../../app/errors';
import { useI18n } from '../../app/i18n/i18n';
import type { DocumentDetailFragment } from '../../gql/graphql';
import { errorText, firstExtensions } from './document-errors';
import { CreateCreditNoteFromInvoiceMutation, DocumentQuery } from './document.operations';
import { formatScaled, formatScaledFr, parseDecimal, parseUserDecimal } from '@comptoir/schema';
import { ConfirmDialog } from './ui-bits';

/** An invoice line as the dialog shows it; quantities in thousandths (exact). */
interface CreditRow {
  id: string;
  number: number;
  description: string;
  unit: string;
  invoicedMilli: bigint;
  remainingMilli: bigint;
}

interface Checked {
  /** Per line id: what is wrong with the typed quantity. */
  lineErrors: Record<string, string>;
  /** Every quantity is valid, and all are 0. */
  nothing: boolean;
  /** The lines with a quantity > 0, in invoice order. */
  chosen: { row: CreditRow; milli: bigint }[];
  /** Every line that still has something to credit is credited in full. */
  everything: boolean;
}

/**
 * "Créer un avoir" on an issued invoice: one row per invoice line (quantity
 * invoiced, what remains to credit, the quantity to credit, defaulting to what
 * remains), checked here first (0 ≤ quantity ≤ remaining, at least one > 0), then
 * `createCreditNoteFromInvoice` with the lines > 0, or without `lines` when
 * everything that remains is credited. The server checks again: its
 * BAD_USER_INPUT / CONFLICT answers show in the dialog, the remaining quantities reloaded.
 */
export function CreditNoteDialog({
  invoice,
  onCancel,
  onCreated,
}: {
  invoice: DocumentDetailFragment;
  onCancel(): void;
  onCreated(target: { id: string; type: string }): void;
}) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const client = useApolloClient();
  const quantityText = (milli: bigint) => (language === 'fr' ? formatScaledFr(milli, 3) : formatScaled(milli, 3));

  const rows = useMemo<CreditRow[]>(
    () =>
      [...invoice.lines]
        .sort((a, b) => a.position - b.position)
        .map((line, index) => {
          const remaining = (parseDecimal(line.remainingToCredit ?? line.quantity, 3) ?? 0n);
          return {
            id: line.id,
            number: index + 1,
            description: line.description,
            unit: line.unit,
            invoicedMilli: parseDecimal(line.quantity, 3) ?? 0n,
            remainingMilli: remaining > 0n ? remaining : 0n,
          };
        }),
    [invoice.lines],
  );

  const [quantities, setQuantities] = useState<Record<string, string>>(() => Object.fromEntries(rows.map((r) => [r.id, quantityText(r.remainingMilli)])));
  // Lines typed in: their errors show as one types (not on blur: a message appearing
  // then would move the buttons under the pointer and swallow the click).
  const [edited, setEdited] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<{ text: string; lineId: string | null } | null>(null);

  const creditable = rows.filter((r) => r.remainingMilli > 0n);
  // A line with nothing left (fully credited, maybe just now by someone else) credits 0.
  const typed = (row: CreditRow) => (row.remainingMilli === 0n ? quantityText(0n) : (quantities[row.id] ?? quantityText(row.remainingMilli)));

  const check = (): Checked => {
    const lineErrors: Record<string, string> = {};
    const chosen: Checked['chosen'] = [];
    for (const row of rows) {
      const text = typed(row).trim();
      const milli = text === '' ? null : parseUserDecimal(text, 3);
      if (milli === null || milli < 0n) lineErrors[row.id] = t('credit.invalid.number');
      else if (milli > row.remainingMilli) lineErrors[row.id] = t('credit.invalid.tooMuch', { remaining: quantityText(row.remainingMilli) });
      else if (milli > 0n) chosen.push({ row, milli });
    }
    const valid = Object.keys(lineErrors).length === 0;
    return {
      lineErrors,
      nothing: valid && chosen.length === 0,
      chosen,
      everything: valid && creditable.length > 0 && creditable.every((r) => chosen.some((c) => c.row.id === r.id && c.milli === r.remainingMilli)),
    };
  };
  const checked = check();

  const setAll = (value: (row: CreditRow) => bigint) => {
    setQuantities(Object.fromEntries(rows.map((r) => [r.id, quantityText(value(r))])));
    setServerError(null);
  };

  const submit = async () => {
    setSubmitted(true);
    setServerError(null);
    if (Object.keys(checked.lineErrors).length > 0 || checked.nothing) return;
    const sent = checked.chosen;
    const variables = checked.everything
      ? { invoiceId: invoice.id }
      : { invoiceId: invoice.id, lines: sent.map(({ row, milli }) => ({ sourceLineId: row.id, quantity: formatScaled(milli, 3) })) };
    setBusy(true);
    try {
      const result = await client.mutate({ mutation: CreateCreditNoteFromInvoiceMutation, variables });
      const target = result.data?.converted;
      if (target) onCreated(target);
    } catch (caught) {
      const code = errorCode(caught);
      const ext = firstExtensions(caught) ?? {};
      // The server names the sent line (`lines.0.quantity`): show it by its invoice line number.
      const match = typeof ext.field === 'string' ? /^lines\.(\d+)\.(\w+)$/.exec(ext.field) : null;
      const row = match && !checked.everything ? (sent[Number(match[1])]?.row ?? null) : null;
      let text =
        code === 'CONFLICT'
          ? t('credit.error.conflict')
          : errorText(i18n, caught, (path) => (row && match ? `lines.${row.number - 1}.${match[2]}` : path));
      const remaining = typeof ext.remaining === 'string' ? parseDecimal(ext.remaining, 3) : null;
      if (code === 'BAD_USER_INPUT' && remaining !== null) {
        text += ` ${t('credit.error.remaining', { remaining: quantityText(remaining) })}`;
      }
      setServerError({ text, lineId: row?.id ?? null });
      if (code === 'CONFLICT' || code === 'BAD_USER_INPUT') {
        // What remains changed meanwhile: show the current amounts (the typed quantities stay).
        await client.query({ query: DocumentQuery, variables: { id: invoice.id }, fetchPolicy: 'network-only' }).catch(() => undefined);
      }
    } finally {
      setBusy(false);
    }
  };

  const showLineError = (id: string) => (submitted || edited[id]) && checked.lineErrors[id];
  const summary = submitted
    ? Object.keys(checked.lineErrors).length > 0
      ? t('credit.invalid.fix')
      : checked.nothing
        ? t('credit.invalid.none')
        : null
    : null;

  return (
    <ConfirmDialog
      open
      title={t('credit.title')}
      confirmLabel={busy ? t('credit.creating') : t('credit.confirm')}
      busy={busy}
      confirmDisabled={creditable.length === 0}
      className="credit-dialog"
      onCancel={() => {
        if (!busy) onCancel();
      }}
      onConfirm={() => void submit()}
    >
      {creditable.length === 0 ? (
        <p className="notice notice-info">{t('credit.nothingLeft')}</p>
      ) : (
        <>
          <p>{t('credit.intro')}</p>
          <div className="action-buttons">
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => setAll((r) => r.remainingMilli)}>
              {t('credit.all')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => setAll(() => 0n)}>
              {t('credit.none')}
            </button>
          </div>
        </>
      )}
      <div className="line-table-wrap">
        <table className="line-table credit-table" data-testid="credit-lines">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('credit.col.description')}</th>
              <th scope="col" className="num">
                {t('credit.col.invoiced')}
              </th>
              <th scope="col" className="num">
                {t('credit.col.remaining')}
              </th>
              <th scope="col">{t('credit.col.quantity')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const error = showLineError(row.id) || (serverError?.lineId === row.id ? serverError.text : null);
              const errorId = `credit-error-${row.id}`;
              return (
                <tr key={row.id} data-testid="credit-line">
                  <td>{row.number}</td>
                  <td>{row.description}</td>
                  <td className="num" data-testid="credit-invoiced">
                    {quantityText(row.invoicedMilli)} {row.unit}
                  </td>
                  <td className="num" data-testid="credit-remaining">
                    {quantityText(row.remainingMilli)} {row.unit}
                  </td>
                  <td>
                    <input
                      type="text"
                      inputMode="decimal"
                      size={8}
                      aria-label={t('credit.quantityLabel', { n: row.number })}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? errorId : undefined}
                      value={typed(row)}
                      disabled={busy || row.remainingMilli === 0n}
                      onChange={(e) => {
                        setQuantities((current) => ({ ...current, [row.id]: e.target.value }));
                        setEdited((current) => ({ ...current, [row.id]: true }));
                        setServerError(null);
                      }}
                    />
                    {error ? (
                      <div className="field-errors" id={errorId}>
                        {error}
                      </div>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {summary ? (
        <p className="notice notice-warning" role="alert">
          {summary}
        </p>
      ) : null}
      {serverError ? (
        <p className="notice notice-warning" role="alert" data-testid="credit-server-error">
          {serverError.text}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
