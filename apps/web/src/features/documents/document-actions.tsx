import { useApolloClient } from '@apollo/client/react';
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DocumentType } from '@comptoir/schema';
import { useSession } from '../../app/auth';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import type { DocumentDetailFragment, DocumentStatus } from '../../gql/graphql';
import { conflictOf, errorText, type ConflictInfo } from './document-errors';
import { DOCUMENT_KINDS, documentPath, mayConvert, mayWrite } from './document-kinds';
import { listField } from './document-editor';
import {
  ChangeDocumentStatusMutation,
  ConvertPriceRequestMutation,
  ConvertQuoteMutation,
  CancelDocumentMutation,
  DeleteDocumentMutation,
  DuplicateDocumentMutation,
  IssueDocumentMutation,
  SendDocumentMutation,
} from './document.operations';
import { CreditNoteDialog } from './credit-note-dialog';
import { ConfirmDialog, Notice } from './ui-bits';

const STATUS_ACTION: Partial<Record<DocumentStatus, MessageKey>> = {
  SENT: 'action.send',
  ACCEPTED: 'action.accept',
  REFUSED: 'action.refuse',
  ISSUED: 'action.issue',
  PAID: 'action.markPaid',
  ANSWERED: 'action.markAnswered',
  CLOSED: 'action.close',
  RECEIVED: 'action.markReceived',
  CANCELLED: 'action.cancelOrder',
};

type Pending = { kind: 'issue' } | { kind: 'delete' } | { kind: 'cancel' } | { kind: 'credit' } | null;

/**
 * The status actions of a document, each shown only when the server says the
 * status allows it (`allowedStatuses`, `canDelete`, `canConvertTo`) and the profile may.
 * Issuing and deleting ask for confirmation first.
 */
export function DocumentActions({
  doc,
  dirty,
  onChanged,
  onConflict,
}: {
  doc: DocumentDetailFragment;
  dirty: boolean;
  onChanged(): void;
  onConflict(info: ConflictInfo): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { profile } = useSession();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const type = doc.type as DocumentType;
  const writable = mayWrite(type, profile);

  const evictLists = (...types: string[]) => {
    for (const each of types) client.cache.evict({ id: 'ROOT_QUERY', fieldName: listField(each) });
    client.cache.gc();
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await action();
    } catch (caught) {
      const conflict = conflictOf(caught);
      if (conflict && conflict.updatedBy !== null) onConflict(conflict);
      else setError(errorText(i18n, caught));
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  const changeStatus = (status: DocumentStatus) =>
    run(async () => {
      const variables = { id: doc.id, version: doc.version };
      if (status === 'ISSUED') await client.mutate({ mutation: IssueDocumentMutation, variables });
      else if (status === 'SENT') await client.mutate({ mutation: SendDocumentMutation, variables });
      else await client.mutate({ mutation: ChangeDocumentStatusMutation, variables: { ...variables, status } });
      evictLists(type);
      setDone(true);
      notifications.show({ color: 'green', message: t('action.done') });
      onChanged();
    });

  const convert = () =>
    run(async () => {
      const variables = { id: doc.id, version: doc.version };
      let target: { id: string; type: string } | undefined;
      if (doc.canConvertTo === 'INVOICE') target = (await client.mutate({ mutation: ConvertQuoteMutation, variables })).data?.converted;
      else if (doc.canConvertTo === 'SUPPLIER_ORDER') target = (await client.mutate({ mutation: ConvertPriceRequestMutation, variables })).data?.converted;
      evictLists(type, doc.canConvertTo ?? type);
      if (target) navigate(documentPath(target.type, target.id));
    });

  const duplicate = () =>
    run(async () => {
      const copy = (await client.mutate({ mutation: DuplicateDocumentMutation, variables: { id: doc.id } })).data?.duplicated;
      evictLists(type);
      if (copy) navigate(documentPath(copy.type, copy.id));
    });

  const remove = () =>
    run(async () => {
      await client.mutate({ mutation: DeleteDocumentMutation, variables: { id: doc.id, version: doc.version } });
      navigate(DOCUMENT_KINDS[type].path);
      client.cache.evict({ id: client.cache.identify({ __typename: 'Document', id: doc.id }) });
      evictLists(type);
    });

  // A numbered document is never deleted: it is cancelled and kept (its number is not lost).
  const cancel = () =>
    run(async () => {
      await client.mutate({ mutation: CancelDocumentMutation, variables: { id: doc.id, version: doc.version } });
      evictLists(type);
      setDone(true);
      onChanged();
    });

  const statusButtons = doc.allowedStatuses.filter((s) => STATUS_ACTION[s]);
  const canConvert = doc.canConvertTo !== null && doc.canConvertTo !== undefined && mayConvert(type, profile);
  if (!writable && !canConvert) return null;
  const disabled = busy || dirty;

  return (
    <section className="document-actions" aria-label={t('action.title')}>
      <Group className="action-buttons" gap="xs">
        {statusButtons.map((status) => (
          <Button
            key={status}
            // Issuing is the main action; the other status changes are secondary.
            variant={status === 'ISSUED' ? 'filled' : 'default'}
            disabled={disabled}
            onClick={() => (status === 'ISSUED' ? setPending({ kind: 'issue' }) : void changeStatus(status))}
          >
            {t(STATUS_ACTION[status] as MessageKey)}
          </Button>
        ))}
        {canConvert ? (
          <Button
            variant="default"
            disabled={disabled}
            // Crediting an invoice first asks which lines and quantities (partial credit notes).
            onClick={() => (doc.canConvertTo === 'CREDIT_NOTE' ? setPending({ kind: 'credit' }) : void convert())}
          >
            {t(`action.convert.${doc.canConvertTo}` as MessageKey)}
          </Button>
        ) : null}
        {writable ? (
          <Button variant="default" disabled={disabled} onClick={() => void duplicate()}>
            {t('action.duplicate')}
          </Button>
        ) : null}
        {doc.canDelete ? (
          // Destructive and rare: a red outline, never the filled main-action look.
          <Button variant="outline" color="red.9" disabled={disabled} data-variant-kind="danger" data-testid="delete-draft" onClick={() => setPending({ kind: 'delete' })}>
            {t('action.delete')}
          </Button>
        ) : null}
        {doc.canCancel ? (
          <Button variant="outline" color="red.9" disabled={disabled} data-variant-kind="danger" onClick={() => setPending({ kind: 'cancel' })}>
            {t('action.cancelDocument')}
          </Button>
        ) : null}
      </Group>
      {dirty ? <p className="muted small">{t('action.unsavedFirst')}</p> : null}
      {error ? (
        <p className="notice notice-warning" role="alert">
          {error}
        </p>
      ) : null}
      {done ? <Notice tone="success">{t('action.done')}</Notice> : null}

      <ConfirmDialog
        open={pending?.kind === 'issue'}
        title={t('confirm.issue.title')}
        confirmLabel={t('confirm.issue.confirm')}
        busy={busy}
        onCancel={() => setPending(null)}
        onConfirm={() => void changeStatus('ISSUED')}
      >
        <p>{t('confirm.issue.body')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={pending?.kind === 'delete'}
        title={t('confirm.delete.title')}
        confirmLabel={t('confirm.delete.confirm')}
        danger
        busy={busy}
        onCancel={() => setPending(null)}
        onConfirm={() => void remove()}
      >
        <p>{t('confirm.delete.body')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={pending?.kind === 'cancel'}
        title={t('confirm.cancelDocument.title')}
        confirmLabel={t('confirm.cancelDocument.confirm')}
        danger
        busy={busy}
        onCancel={() => setPending(null)}
        onConfirm={() => void cancel()}
      >
        <p>{t('confirm.cancelDocument.body')}</p>
      </ConfirmDialog>
      {pending?.kind === 'credit' ? (
        <CreditNoteDialog
          invoice={doc}
          onCancel={() => setPending(null)}
          onCreated={(target) => {
            setPending(null);
            evictLists(type, DocumentType.CREDIT_NOTE);
            navigate(documentPath(target.type, target.id));
          }}
        />
      ) : null}
    </section>
  );
}
