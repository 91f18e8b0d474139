import { statusLabel as sharedStatusLabel, type DocumentStatus, type DocumentType } from '@comptoir/schema';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { StatusBadge, type Tone } from '../../ui/status-badge';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import { DOCUMENT_STATUSES } from './document-kinds';

/** A modal confirmation (native <dialog>: focus trapped, Escape cancels). */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  danger,
  busy,
  confirmDisabled,
  className,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  /** The confirm button is off (nothing to confirm), Cancel still works. */
  confirmDisabled?: boolean;
  /** Extra class on the <dialog> (e.g. a wider one for a table). */
  className?: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={className ? `confirm-dialog ${className}` : 'confirm-dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="confirm-body">{children}</div>
      <div className="confirm-actions">
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
          {t('confirm.cancel')}
        </button>
        <button type="button" className={danger ? 'button button-danger' : 'button'} onClick={onConfirm} disabled={busy || confirmDisabled}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

const STATUS_TONES: Record<string, Tone> = {
  DRAFT: 'neutral',
  SENT: 'warning',
  ACCEPTED: 'success',
  REFUSED: 'danger',
  ISSUED: 'success',
  PARTIALLY_PAID: 'warning',
  PAID: 'success',
  ANSWERED: 'success',
  CLOSED: 'neutral',
  RECEIVED: 'success',
  CANCELLED: 'danger',
};

/**
 * The label of a status, agreeing with its document type when there is one
 * ("Facture émise", "Devis émis"); the shared form otherwise (history, exports).
 */
export function statusKey(status: string, type?: string): MessageKey {
  const kinds = DOCUMENT_STATUSES as Record<string, readonly string[] | undefined>;
  if (type && kinds[type]?.includes(status)) return `doc.status.${type}.${status}` as MessageKey;
  return `doc.status.${status}` as MessageKey;
}

/** A document's status in the interface's language, from the shared package's labels (badges, lists, history and exports agree). */
export function useStatusLabel(): (status: string, type?: string) => string {
  const { t, language } = useI18n();
  return (status, type) => (type ? sharedStatusLabel(type as DocumentType, status as DocumentStatus, language) : t(statusKey(status)));
}

export function DocumentStatusBadge({ status, type }: { status: string; type?: string }) {
  const label = useStatusLabel();
  return (
    <span data-testid="document-status" data-status={status}>
      <StatusBadge tone={STATUS_TONES[status] ?? 'neutral'}>{label(status, type)}</StatusBadge>
    </span>
  );
}

/** A polite line for what just happened (saved, done…). */
export function Notice({ tone = 'info', children }: { tone?: 'info' | 'success' | 'warning'; children: ReactNode }) {
  return (
    <p className={`notice notice-${tone}`} role="status">
      {children}
    </p>
  );
}
