import { Link } from 'react-router';
import { getFragmentData, type FragmentType } from '../../gql';
import { useI18n, type I18n, type MessageKey } from '../../app/i18n/i18n';
import { HistoryEntryFieldsFragment } from './history.operations';
import { shortId, statusLabel as sharedStatusLabel, type DocumentStatus, type DocumentType } from '@comptoir/schema';
import { useSession } from '../../app/auth';
import { documentPath, mayRead } from '../documents/document-kinds';
import { fieldLabel } from '../documents/document-errors';

export type HistoryEntryRef = FragmentType<typeof HistoryEntryFieldsFragment>;

/** The current number of documents the page knows (a conversion entry keeps the number of its time). */
export type KnownDocuments = ReadonlyMap<string, { number: string | null; type: string }>;

const CENTS_FIELDS = /(Cents)$/;
const PERCENT_FIELDS = new Set(['discountPercent', 'vatRate', 'marginRate']);
const LINE_SUMMARY = /^(.*) × (\S+) (\S+) @ (-?\d+) c, -(\S+) %, VAT (\S+) %$/s;

function decimalFr(value: string): string {
  return value.replace('.', ',');
}

/** A before/after value as the user reads it: amounts in euros, dates in French, yes/no. */
export function displayValue(i18n: I18n, field: string, value: string | null): string {
  if (value === null || value === '') return i18n.t('history.empty.value');
  const name = field.split('.').pop() ?? field;
  if (/^lines\.\d+$/.test(field)) {
    const m = LINE_SUMMARY.exec(value);
    if (!m) return value;
    const [, description, quantity, unit, cents, discount, vat] = m;
    const parts = [`${description} — ${decimalFr(quantity)} ${unit} × ${i18n.formatAmount(cents)}`];
    if (discount !== '0') parts.push(`${i18n.t('field.discountPercent')} ${decimalFr(discount)} %`);
    parts.push(`${i18n.t('field.vatRate')} ${decimalFr(vat)} %`);
    return parts.join(', ');
  }
  if (CENTS_FIELDS.test(name) && /^-?\d+$/.test(value)) return i18n.formatAmount(value);
  if (PERCENT_FIELDS.has(name)) return `${decimalFr(value)} %`;
  if (name === 'quantity') return decimalFr(value);
  if (/Date$|^dueDate$/.test(name) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return i18n.formatDate(value);
  if (value === 'true') return i18n.t('field.yes');
  if (value === 'false') return i18n.t('field.no');
  if (name === 'articleId') return shortId(value);
  return value;
}

function changeLabel(i18n: I18n, field: string, before: string | null, after: string | null): string {
  const m = /^lines\.(\d+)$/.exec(field);
  if (m) {
    const n = Number(m[1]) + 1;
    if (before === null) return i18n.t('history.lineAdded', { n });
    if (after === null) return i18n.t('history.lineRemoved', { n });
  }
  return fieldLabel(i18n, field);
}

function typeLabel(i18n: I18n, type: string | null): string {
  return type ? i18n.t(`doc.type.${type}` as MessageKey) : '';
}

/** A status as the badge of the same document shows it ("Émise" for an invoice): the shared package's labels. */
function statusLabel(i18n: I18n, status: string | null, documentType?: DocumentType): string {
  if (!status) return '';
  return documentType ? sharedStatusLabel(documentType, status as DocumentStatus, i18n.language) : i18n.t(`doc.status.${status}` as MessageKey);
}

/** Every entry of a record's history, oldest first: who, when, what (before → after). */
export function HistoryTimeline({
  entries,
  knownDocuments,
  hiddenFields,
  documentType,
  testId = 'history',
}: {
  /** The type of the document whose history this is: its statuses agree with it. */
  documentType?: DocumentType;
  entries: readonly HistoryEntryRef[];
  knownDocuments?: KnownDocuments;
  hiddenFields?: ReadonlySet<string>;
  testId?: string;
}) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const { profile } = useSession();
  const list = getFragmentData(HistoryEntryFieldsFragment, entries);
  if (list.length === 0) return <p className="muted">{t('history.empty')}</p>;
  return (
    <ol className="timeline" data-testid={testId}>
      {list.map((entry) => {
        const related = entry.relatedDocumentId ? knownDocuments?.get(entry.relatedDocumentId) : undefined;
        const relatedNumber = related?.number ?? entry.relatedDocumentNumber;
        const relatedType = entry.relatedDocumentType ?? related?.type ?? null;
        const relatedText = `${typeLabel(i18n, relatedType)}${relatedNumber ? ` ${relatedNumber}` : ` (${t('doc.status.DRAFT').toLowerCase()})`}`;
        const relatedLink = !(entry.relatedDocumentId && relatedType) ? null : !mayRead(relatedType as DocumentType, profile) ? (
          <span>{relatedText}</span>
        ) : (
          <Link to={documentPath(relatedType, entry.relatedDocumentId, 'action')} data-testid="history-related-link">
            {relatedText}
          </Link>
        );
        const direction = entry.relationDirection;
        return (
          <li key={entry.id} className={`timeline-entry timeline-${entry.type.toLowerCase()}`} data-testid="history-entry" data-type={entry.type}>
            <p className="timeline-head">
              <strong className="timeline-what">{t(`history.entry.${entry.type}` as MessageKey)}</strong>
              <span className="timeline-user" data-testid="history-user">
                {entry.user?.name ?? t('history.unknownUser')}
              </span>
              <time dateTime={entry.createdAt} data-testid="history-time">
                {formatDateTime(entry.createdAt)}
              </time>
            </p>
            {entry.type === 'CREATED' && entry.entityType === 'DOCUMENT' && entry.number ? (
              <p className="timeline-detail">{t('history.createdNumber', { number: entry.number })}</p>
            ) : null}
            {((entry.type === 'CREATED' && entry.entityType !== 'DOCUMENT') || entry.type === 'ACCOUNTING') && entry.label ? <p className="timeline-detail">{entry.label}</p> : null}
            {entry.type === 'ISSUED' && entry.number ? <p className="timeline-detail">{t('history.issuedNumber', { number: entry.number })}</p> : null}
            {(entry.type === 'STATUS_CHANGED' || entry.type === 'SENT' || entry.type === 'ISSUED') && entry.fromStatus && entry.toStatus ? (
              <p className="timeline-detail">{t('history.status', { from: statusLabel(i18n, entry.fromStatus, documentType), to: statusLabel(i18n, entry.toStatus, documentType) })}</p>
            ) : null}
            {(entry.type === 'CONVERTED' || entry.type === 'DUPLICATED' || (entry.type === 'CREATED' && relatedLink)) && relatedLink ? (
              <p className="timeline-detail">
                {entry.type === 'DUPLICATED'
                  ? direction === 'TO'
                    ? t('history.duplicatedTo', { type: '' })
                    : t('history.duplicatedFrom', { type: '' })
                  : direction === 'TO'
                    ? t('history.convertedTo', { type: '' })
                    : t('history.convertedFrom', { type: '' })}
                {relatedLink}
              </p>
            ) : null}
            {(entry.type === 'DELETED' || entry.type === 'PAYMENT_RECORDED' || entry.type === 'PAYMENT_DELETED' || entry.type === 'MAILED' || entry.type === 'REMINDED') && entry.label ? (
              <p className="timeline-detail">{entry.label}</p>
            ) : null}
            {entry.type === 'PDF_STORED' && entry.sha256 ? <p className="timeline-detail">SHA-256 {entry.sha256}</p> : null}
            {entry.changes.length > 0 ? (
              <ul className="timeline-changes">
                {entry.changes.map((change) => {
                  const name = change.field.split('.').pop() ?? change.field;
                  const hidden = hiddenFields?.has(name);
                  return (
                    <li key={change.field} data-testid="history-change" data-field={change.field}>
                      <span className="change-field">{changeLabel(i18n, change.field, change.before, change.after)}</span>{' '}
                      {hidden ? (
                        <span className="muted">{t('history.hiddenChange')}</span>
                      ) : /^lines\.\d+$/.test(change.field) ? (
                        <span className="change-after">{displayValue(i18n, change.field, change.after ?? change.before)}</span>
                      ) : (
                        <>
                          <span className="change-before">{displayValue(i18n, change.field, change.before)}</span> →{' '}
                          <span className="change-after">{displayValue(i18n, change.field, change.after)}</span>
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
