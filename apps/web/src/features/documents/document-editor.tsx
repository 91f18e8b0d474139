import { useApolloClient, useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { DocumentType } from '@comptoir/schema';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import { getFragmentData } from '../../gql';
import type { DocumentDetailFragment, DocumentInput, VatExemption } from '../../gql/graphql';
import { CustomerOptionsQuery, SupplierOptionsQuery } from '../parties/party.operations';
import { conflictOf, errorText, type ConflictInfo } from './document-errors';
import { DOCUMENT_KINDS } from './document-kinds';
import {
  CreateCreditNoteMutation,
  CreateInvoiceMutation,
  CreatePriceRequestMutation,
  CreateQuoteMutation,
  CreateSupplierOrderMutation,
  DocumentDetailFragment as DocumentDetailDoc,
  UpdateDocumentMutation,
} from './document.operations';
import { emptyLine, LineEditor, newLineKey, parseLine, type LineDraft } from './line-editor';
import { SearchSelect, useServerSearch } from '../../ui/search-select';
import { useUnsavedChangesGuard } from '../../app/ui/use-unsaved-changes-guard';
import { centsToInput, computeTotals, formatScaled, formatScaledFr, MAX_LINES, parseDecimal } from '@comptoir/schema';
import { TotalsPanel } from './totals-panel';
import { Notice } from './ui-bits';
import { DateField } from '../../ui/date-field';

/** What the user typed in the editor: header and lines, as text. */
export interface DocumentDraft {
  partyId: string;
  dueDate: string;
  subject: string;
  notes: string;
  lines: LineDraft[];
}

export function draftFromDocument(doc: DocumentDetailFragment): DocumentDraft {
  return {
    partyId: doc.partyId ?? '',
    dueDate: doc.dueDate ?? '',
    subject: doc.subject ?? '',
    notes: doc.notes ?? '',
    lines: [...doc.lines]
      .sort((a, b) => a.position - b.position)
      .map((line) => ({
        key: newLineKey(),
        articleId: line.articleId,
        description: line.description,
        quantity: formatScaledFr(parseDecimal(line.quantity, 3) ?? 0n, 3),
        unit: line.unit,
        unitPrice: centsToInput(line.unitPriceCents),
        discount: formatScaledFr(parseDecimal(line.discountPercent, 2) ?? 0n, 2),
        vatRate: line.vatRate,
        sourceLineId: line.sourceLineId,
        vatExemption: line.vatExemption ?? null,
      })),
  };
}

function emptyDraft(): DocumentDraft {
  return { partyId: '', dueDate: '', subject: '', notes: '', lines: [emptyLine()] };
}

/** The API input of a draft, or null when a line is invalid. */
function toInput(draft: DocumentDraft): DocumentInput | null {
  const lines: DocumentInput['lines'] = [];
  for (const line of draft.lines) {
    const { parsed, errors } = parseLine(line);
    if (!parsed || Object.keys(errors).length > 0) return null;
    lines.push({
      articleId: line.articleId,
      description: line.description.trim(),
      quantity: formatScaled(parsed.quantityMilli, 3),
      unit: line.unit.trim() || null,
      unitPriceCents: Number(parsed.unitPriceCents),
      discountPercent: formatScaled(parsed.discountBp, 2),
      vatRate: line.vatRate,
      sourceLineId: line.sourceLineId,
      vatExemption: Number(line.vatRate) === 0 ? ((line.vatExemption ?? null) as VatExemption | null) : null,
    });
  }
  return {
    partyId: draft.partyId || null,
    dueDate: draft.dueDate || null,
    subject: draft.subject.trim() || null,
    notes: draft.notes.trim() || null,
    lines,
  };
}

const CREATE_MUTATIONS = {
  [DocumentType.QUOTE]: CreateQuoteMutation,
  [DocumentType.INVOICE]: CreateInvoiceMutation,
  [DocumentType.CREDIT_NOTE]: CreateCreditNoteMutation,
  [DocumentType.PRICE_REQUEST]: CreatePriceRequestMutation,
  [DocumentType.SUPPLIER_ORDER]: CreateSupplierOrderMutation,
} as const;

function PartyPicker({ side, value, fallbackName, disabled, onChange }: { side: 'sales' | 'purchases'; value: string; fallbackName: string; disabled: boolean; onChange(id: string): void }) {
  const { t } = useI18n();
  const [selectedLabel, setSelectedLabel] = useState<string | null>(fallbackName || null);
  const search = useServerSearch(selectedLabel);
  // Server-side search (`customers(search:)` / `suppliers(search:)`): the dossier may have thousands.
  const customers = useQuery(CustomerOptionsQuery, { skip: side !== 'sales' || disabled, variables: { search: search.term } });
  const suppliers = useQuery(SupplierOptionsQuery, { skip: side !== 'purchases' || disabled, variables: { search: search.term } });
  const result = side === 'sales' ? customers : suppliers;
  const options = (result.data?.list.nodes ?? []).map((o) => ({ value: o.id, label: o.city ? `${o.legalName} (${o.city})` : o.legalName }));
  const label = side === 'sales' ? t('doc.customer') : t('doc.supplier');
  return (
    <SearchSelect
      label={label}
      value={value || null}
      selectedLabel={selectedLabel}
      options={options}
      loading={result.loading}
      search={search}
      disabled={disabled}
      placeholder={t('editor.searchParty')}
      nothingFound={t('editor.nothingFound')}
      testId="party-picker"
      onChange={(id, option) => {
        setSelectedLabel(option?.label ?? null);
        onChange(id ?? '');
      }}
    />
  );
}

/**
 * The editor of a document: header (party, due date, subject, notes), lines and
 * live totals. Creates the document (`doc` absent) or updates it with its version;
 * a CONFLICT goes to `onConflict` with everything the user typed.
 */
export function DocumentEditor({
  type,
  doc,
  initialDraft,
  readOnly,
  onCreated,
  onSaved,
  onDirtyChange,
  onConflict,
}: {
  type: DocumentType;
  doc?: DocumentDetailFragment;
  initialDraft?: DocumentDraft;
  readOnly: boolean;
  onCreated?(id: string): void;
  onSaved?(): void;
  onDirtyChange?(dirty: boolean): void;
  onConflict?(info: ConflictInfo, draft: DocumentDraft): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useApolloClient();
  const kind = DOCUMENT_KINDS[type];
  const [draft, setDraft] = useState<DocumentDraft>(() => initialDraft ?? (doc ? draftFromDocument(doc) : emptyDraft()));
  const [dirty, setDirtyState] = useState(initialDraft !== undefined);
  const [showErrors, setShowErrors] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  // Leaving with unsaved edits asks first (not after a save: `dirty` is false by then).
  const guard = useUnsavedChangesGuard(dirty && !readOnly);

  const setDirty = (value: boolean) => {
    setDirtyState(value);
    onDirtyChange?.(value);
  };
  const change = (patch: Partial<DocumentDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setSaved(false);
    setError(null);
    if (!dirty) setDirty(true);
  };

  const liveTotals = useMemo(() => {
    const parsed = draft.lines.map((line) => parseLine(line).parsed).filter((p) => p !== null);
    const totals = computeTotals(parsed);
    return {
      ...totals,
      vatBreakdown: totals.vatBreakdown.map((row) => ({ vatRate: formatScaled(row.vatRateBp, 2), baseCents: row.baseCents, vatCents: row.vatCents })),
    };
  }, [draft.lines]);
  const showServerTotals = doc !== undefined && !dirty;

  const save = async () => {
    const input = toInput(draft);
    if (!input) {
      setShowErrors(true);
      setError(t('editor.fixErrors'));
      return;
    }
    if (input.lines.length > MAX_LINES) {
      setError(t('editor.tooManyLines', { max: MAX_LINES }));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      if (!doc) {
        const result = await client.mutate({ mutation: CREATE_MUTATIONS[type] as typeof CreateQuoteMutation, variables: { input } });
        const created = result.data ? getFragmentData(DocumentDetailDoc, result.data.created) : null;
        client.cache.evict({ id: 'ROOT_QUERY', fieldName: listField(type) });
        setDirty(false);
        guard.allowLeave();
        if (created) onCreated?.(created.id);
      } else {
        const result = await client.mutate({ mutation: UpdateDocumentMutation, variables: { id: doc.id, version: doc.version, input } });
        // The server's content (and totals) replace what was typed: it is authoritative.
        if (result.data) setDraft(draftFromDocument(getFragmentData(DocumentDetailDoc, result.data.updateDocument)));
        client.cache.evict({ id: 'ROOT_QUERY', fieldName: listField(type) });
        setDirty(false);
        setSaved(true);
        onSaved?.();
      }
    } catch (caught) {
      const conflict = conflictOf(caught);
      if (conflict && conflict.updatedBy !== null && onConflict) onConflict(conflict, draft);
      else setError(errorText(i18n, caught));
    } finally {
      setSaving(false);
    }
  };

  const cancel = () => {
    setDraft(doc ? draftFromDocument(doc) : emptyDraft());
    setShowErrors(false);
    setError(null);
    setDirty(false);
  };

  return (
    <form
      className="document-editor"
      aria-label={t(kind.singular)}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <fieldset className="editor-header" disabled={readOnly}>
        <legend>{t('editor.header')}</legend>
        <PartyPicker side={kind.side} value={draft.partyId} fallbackName={doc?.partyName ?? ''} disabled={readOnly} onChange={(partyId) => change({ partyId })} />
        <DateField label={t(`doc.dueDate.${type}` as MessageKey)} value={draft.dueDate} disabled={readOnly} onChange={(dueDate) => change({ dueDate })} />
        <label className="field field-wide">
          <span>{t('doc.subject')}</span>
          <input value={draft.subject} maxLength={200} onChange={(e) => change({ subject: e.target.value })} />
        </label>
        <label className="field field-wide">
          <span>{t('doc.notes')}</span>
          <textarea value={draft.notes} maxLength={5000} rows={2} onChange={(e) => change({ notes: e.target.value })} />
        </label>
      </fieldset>

      <section className="editor-lines" aria-label={t('editor.lines')}>
        <h2 className="section-title">{t('editor.lines')}</h2>
        <LineEditor lines={draft.lines} onChange={(lines) => change({ lines })} articleSide={readOnly ? null : kind.side} readOnly={readOnly} showErrors={showErrors} />
        {readOnly ? null : (
          <button type="button" className="button button-secondary" disabled={draft.lines.length >= MAX_LINES} onClick={() => change({ lines: [...draft.lines, emptyLine()] })}>
            {t('line.add')}
          </button>
        )}
      </section>

      <TotalsPanel
        live={!showServerTotals}
        totals={
          showServerTotals && doc
            ? { totalExclVatCents: doc.totalExclVatCents, totalVatCents: doc.totalVatCents, totalInclVatCents: doc.totalInclVatCents, vatBreakdown: doc.vatBreakdown }
            : liveTotals
        }
      />

      {error ? (
        <p className="notice notice-warning" role="alert">
          {error}
        </p>
      ) : null}
      {saved && !dirty ? <Notice tone="success">{t('editor.saved')}</Notice> : null}
      {readOnly ? null : (
        <div className="editor-actions">
          <button type="submit" className="button" disabled={saving || (doc !== undefined && !dirty)}>
            {saving ? t('editor.saving') : doc ? t('editor.save') : t('editor.create')}
          </button>
          {dirty && doc ? (
            <button type="button" className="button button-secondary" onClick={cancel} disabled={saving}>
              {t('editor.cancel')}
            </button>
          ) : null}
          {dirty ? <span className="muted">{t('editor.unsaved')}</span> : null}
        </div>
      )}
    </form>
  );
}

/** The root list field of a type, evicted from the cache after a change so lists refetch. */
export function listField(type: DocumentType | string): string {
  switch (type) {
    case DocumentType.QUOTE:
      return 'quotes';
    case DocumentType.INVOICE:
      return 'invoices';
    case DocumentType.CREDIT_NOTE:
      return 'creditNotes';
    case DocumentType.PRICE_REQUEST:
      return 'priceRequests';
    default:
      return 'supplierOrders';
  }
}
