import { useQuery } from '@apollo/client/react';
import { Tabs } from '@mantine/core';
import { lazy, Suspense, useRef, useState } from 'react';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import type { DocumentType } from '@comptoir/schema';
import { useSession } from '../../app/auth';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import { getFragmentData } from '../../gql';
import type { DocumentDetailFragment } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/error-message';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { ActionTab } from '../history/action-tab';
import { HistoryTimeline } from '../history/history-timeline';
import { DocumentActions } from './document-actions';
import { DocumentEditor, type DocumentDraft } from './document-editor';
import { errorText, type ConflictInfo } from './document-errors';
import { DOCUMENT_KINDS, documentPath, mayRead, mayWrite } from './document-kinds';
import { DocumentDetailFragment as DocumentDetailDoc, DocumentQuery } from './document.operations';
import { DocumentStatusBadge, Notice } from './ui-bits';
import { useDocumentLive } from './use-document-live';
import './documents.css';

// Payments (and what leaves the building: PDF, e-mail) load with the first invoice opened.
const PaymentsPanel = lazy(() => import('../payments/payments-panel'));
const DocumentOutbound = lazy(() => import('../outbound/document-outbound'));

export function documentTitle(t: (key: MessageKey, params?: Record<string, string | number>) => string, type: string, number: string | null): string {
  const typeLabel = t(`doc.type.${type}` as MessageKey);
  return number ? t('doc.titleWithNumber', { type: typeLabel, number }) : t('doc.titleDraft', { type: typeLabel });
}

/** The user's typed content kept across a CONFLICT, until re-applied or forgotten. */
interface Stash {
  draft: DocumentDraft;
  reloaded: boolean;
}

/** The tabs of a document page, as written in the URL (`?onglet=…`; none for the first one). */
export type DocumentTab = 'piece' | 'paiements' | 'envoi' | 'action';
const DOCUMENT_TABS: readonly string[] = ['piece', 'paiements', 'envoi', 'action'] satisfies DocumentTab[];

function toTab(value: string | null): DocumentTab {
  // "historique" is what people type for the ACTION tab; the links the app makes say "action".
  if (value === 'historique') return 'action';
  return value !== null && DOCUMENT_TABS.includes(value) ? (value as DocumentTab) : 'piece';
}

/**
 * A document in tabs kept in the URL, so a reload or a shared link opens the same one:
 * "Pièce" (editor, totals, actions), "Paiements" (issued invoices), "PDF et e-mail",
 * and ACTION (who did what, when).
 */
/** History entries written by background jobs (pdf.render, accounting.batch) in the name of the user who set them going. */
const BACKGROUND_ENTRIES = new Set(['PDF_STORED', 'ACCOUNTING']);

export default function DocumentPage({ type }: { type: DocumentType }) {
  const i18n = useI18n();
  const { t, formatDate, formatDateTime } = i18n;
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { profile, user } = useSession();
  const requestedTab = toTab(search.get('onglet'));
  const { data, error, refetch } = useQuery(DocumentQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [stash, setStash] = useState<Stash | null>(null);
  const [reapplied, setReapplied] = useState<DocumentDraft | null>(null);
  const [editorKey, setEditorKey] = useState(0);
  const [reloading, setReloading] = useState(false);
  // Live: who else has it open, and the last change by someone else ("modifié par Marc à 14:02").
  const [liveChange, setLiveChange] = useState<{ name: string; at: string; refreshed: boolean } | null>(null);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const others = useDocumentLive(id, user?.id, (change) => {
    if (change.user.id === user?.id) {
      // Your own edits come back as their mutation's result; what a background job writes for
      // you afterwards (the stored PDF, a collected batch's entries) is fetched quietly.
      if (BACKGROUND_ENTRIES.has(change.entryType) && !dirtyRef.current) void refetch();
      return;
    }
    if (dirtyRef.current) {
      // Unsaved input: never overwritten; the user reloads before saving (else CONFLICT).
      setLiveChange({ name: change.user.name, at: change.at, refreshed: false });
      return;
    }
    setLiveChange({ name: change.user.name, at: change.at, refreshed: true });
    void refetch().then(() => setEditorKey((k) => k + 1));
  });
  const timeOf = (at: string) => new Date(at).toLocaleTimeString(i18n.language === 'en' ? 'en-GB' : 'fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });

  const doc: DocumentDetailFragment | null = data?.document ? getFragmentData(DocumentDetailDoc, data.document) : null;

  if (!doc) {
    if (error) return <ErrorMessage title={t('error.title')} message={errorText(i18n, error)} retryLabel={t('error.retry')} onRetry={() => void refetch()} />;
    return <Loading label={t('doc.loading')} />;
  }
  if (doc.type !== type) {
    // An old link with the wrong path: go to the right one.
    return <Navigate to={documentPath(doc.type, doc.id)} replace />;
  }

  const kind = DOCUMENT_KINDS[type];
  const writable = mayWrite(type, profile);
  const readOnly = !writable || !doc.canEdit;
  const paymentsTab = doc.type === 'INVOICE' && doc.status !== 'DRAFT';
  // A draft invoice has no payments yet: an old "?onglet=paiements" link opens the document.
  const tab: DocumentTab = requestedTab === 'paiements' && !paymentsTab ? 'piece' : requestedTab;
  const selectTab = (next: DocumentTab) => {
    const params = new URLSearchParams(search);
    if (next === 'piece') params.delete('onglet');
    else params.set('onglet', next);
    setSearch(params, { replace: true });
  };

  const onConflict = (info: ConflictInfo, draft?: DocumentDraft) => {
    setConflict(info);
    if (draft) setStash({ draft, reloaded: false });
  };
  const reload = async () => {
    setReloading(true);
    try {
      await refetch();
    } finally {
      setReloading(false);
    }
    setConflict(null);
    setLiveChange(null);
    setDirty(false);
    setReapplied(null);
    setEditorKey((k) => k + 1);
    setStash((current) => (current ? { ...current, reloaded: true } : null));
  };
  const reapply = () => {
    if (!stash) return;
    setReapplied(stash.draft);
    setStash(null);
    setEditorKey((k) => k + 1);
    setDirty(true);
  };

  const known = new Map<string, { number: string | null; type: string }>();
  if (doc.sourceDocument) known.set(doc.sourceDocument.id, doc.sourceDocument);
  for (const derived of doc.derivedDocuments) known.set(derived.id, derived);

  return (
    <>
      <PageHeader
        title={documentTitle(t, type, doc.number)}
        intro={
          <>
            <DocumentStatusBadge type={doc.type} status={doc.status} /> <span data-testid="document-number">{doc.number ?? t('doc.noNumber')}</span> · {t('doc.date')} {formatDate(doc.date)}
            {doc.partyName ? ` · ${doc.partyName}` : ''}
          </>
        }
        actions={
          <Link className="button button-secondary" to={kind.path}>
            {t(kind.plural)}
          </Link>
        }
      />

      {doc.sourceDocument || doc.derivedDocuments.length > 0 ? (
        <p className="document-links">
          {doc.sourceDocument ? (
            <span>
              {t('doc.source')}{' '}
              <Link to={documentPath(doc.sourceDocument.type, doc.sourceDocument.id)} data-testid="source-link">
                {documentTitle(t, doc.sourceDocument.type, doc.sourceDocument.number)}
              </Link>
            </span>
          ) : null}
          {doc.derivedDocuments.length > 0 ? (
            <span>
              {t('doc.derived')}{' '}
              {doc.derivedDocuments.map((d) => (
                <Link key={d.id} to={documentPath(d.type, d.id)} data-testid="derived-link">
                  {documentTitle(t, d.type, d.number)}
                </Link>
              ))}
            </span>
          ) : null}
        </p>
      ) : null}

      {others.length > 0 ? (
        <p className="notice notice-info" role="status" data-testid="presence">
          {t(others.length === 1 ? 'live.presence.one' : 'live.presence.many', { names: others.map((o) => o.name).join(', ') })}
        </p>
      ) : null}
      {liveChange && !conflict ? (
        <div className={`notice ${liveChange.refreshed ? 'notice-info' : 'notice-warning'}`} role="status" data-testid="live-change">
          <p>{t(liveChange.refreshed ? 'live.refreshed' : 'live.changedDirty', { name: liveChange.name, time: timeOf(liveChange.at) })}</p>
          {liveChange.refreshed ? null : (
            <button type="button" className="button" onClick={() => void reload()} disabled={reloading}>
              {t('conflict.reload')}
            </button>
          )}
        </div>
      ) : null}

      {/* display-none, not Mantine's default Activity: a hidden panel keeps its effects, so the
          editor's unsaved-changes guard still asks when leaving from another tab. */}
      <Tabs value={tab} onChange={(next) => selectTab(toTab(next))} keepMountedMode="display-none" mt="md">
        <Tabs.List aria-label={t('doc.tabs')}>
          <Tabs.Tab value="piece">{t('doc.tab.document')}</Tabs.Tab>
          {paymentsTab ? <Tabs.Tab value="paiements">{t('doc.tab.payments')}</Tabs.Tab> : null}
          <Tabs.Tab value="envoi">{t('doc.tab.outbound')}</Tabs.Tab>
          <Tabs.Tab value="action">{t('doc.tab.action')}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="piece" pt="md">
          {conflict ? (
            <div className="notice notice-warning conflict" role="alert" data-testid="conflict">
              <p>
                <strong>{t('conflict.title')}</strong> —{' '}
                {t('conflict.body', { name: conflict.updatedBy ?? t('conflict.someone'), date: conflict.updatedAt ? formatDateTime(conflict.updatedAt) : '' })}
              </p>
              {stash ? <p>{t('conflict.kept')}</p> : null}
              <button type="button" className="button" onClick={() => void reload()} disabled={reloading}>
                {t('conflict.reload')}
              </button>
            </div>
          ) : null}
          {stash?.reloaded ? (
            <div className="notice notice-info" role="status" data-testid="stash">
              <p>{t('conflict.kept')}</p>
              <button type="button" className="button" onClick={reapply}>
                {t('conflict.reapply')}
              </button>{' '}
              <button type="button" className="button button-secondary" onClick={() => setStash(null)}>
                {t('conflict.discard')}
              </button>
            </div>
          ) : null}
          {reapplied ? <Notice>{t('conflict.reapplied')}</Notice> : null}
          {!writable ? <p className="muted">{t('doc.readonlyProfile')}</p> : !doc.canEdit ? <p className="muted">{t('doc.readonly')}</p> : null}

          <DocumentEditor
            key={`${doc.id}:${editorKey}`}
            type={type}
            doc={doc}
            initialDraft={reapplied ?? undefined}
            readOnly={readOnly}
            onDirtyChange={setDirty}
            onSaved={() => {
              setReapplied(null);
              setDirty(false);
            }}
            onConflict={onConflict}
          />
          <DocumentActions doc={doc} dirty={dirty} onChanged={() => setDirty(false)} onConflict={(info) => onConflict(info)} />
        </Tabs.Panel>

        {paymentsTab ? (
          <Tabs.Panel value="paiements" pt="md">
            <Suspense fallback={<Loading label={t('doc.loading')} />}>
              <PaymentsPanel key={doc.id} invoiceId={doc.id} onChanged={() => void refetch()} />
            </Suspense>
          </Tabs.Panel>
        ) : null}

        <Tabs.Panel value="envoi" pt="md">
          <Suspense fallback={<Loading label={t('doc.loading')} />}>
            <DocumentOutbound key={doc.id} doc={doc} writable={writable} overdue={doc.type === 'INVOICE' && (doc.status === 'ISSUED' || doc.status === 'PARTIALLY_PAID') && !!doc.dueDate && doc.dueDate < new Date().toISOString().slice(0, 10)} onChanged={() => void refetch()} />
          </Suspense>
        </Tabs.Panel>

        <Tabs.Panel value="action" pt="md">
          <ActionTab
            documentType={doc.type as DocumentType}
            createdAt={doc.createdAt}
            createdBy={doc.createdBy}
            updatedAt={doc.updatedAt}
            updatedBy={doc.updatedBy}
            history={doc.history}
            knownDocuments={known}
          >
            {doc.sourceDocument && mayRead(doc.sourceDocument.type as DocumentType, profile) ? (
              <section className="source-history" data-testid="source-history">
                <h2 className="section-title">
                  {t('history.sourceTitle')}{' '}
                  <Link to={documentPath(doc.sourceDocument.type, doc.sourceDocument.id, 'action')}>
                    {documentTitle(t, doc.sourceDocument.type, doc.sourceDocument.number)}
                  </Link>
                </h2>
                <p className="muted">
                  {t('history.created', { name: doc.sourceDocument.createdBy?.name ?? t('history.unknownUser'), date: formatDateTime(doc.sourceDocument.createdAt) })} ·{' '}
                  {t('history.updated', { name: doc.sourceDocument.updatedBy?.name ?? t('history.unknownUser'), date: formatDateTime(doc.sourceDocument.updatedAt) })}
                </p>
                <HistoryTimeline entries={doc.sourceDocument.history} documentType={doc.sourceDocument.type as DocumentType} knownDocuments={known} testId="source-history-timeline" />
              </section>
            ) : null}
          </ActionTab>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
