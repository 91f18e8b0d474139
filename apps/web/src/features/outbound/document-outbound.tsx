import { useState } from 'react';
import type { Language } from '@comptoir/schema';
import { useI18n } from '../../app/i18n/i18n';

// Words of this lazy chunk (the first-load bundle is at its budget).
const TEXT: Record<Language, Record<string, string>> = {
  fr: {
    title: 'PDF',
    preview: 'Aperçu du PDF',
    hide: 'Masquer l’aperçu',
    download: 'Télécharger le PDF',
    stored: 'Le PDF d’une pièce émise est archivé à l’émission et ne change plus.',
    draft: 'Brouillon : le PDF porte la mention « brouillon ».',
    frame: 'Aperçu du PDF de la pièce',
  },
  en: {
    title: 'PDF',
    preview: 'Preview the PDF',
    hide: 'Hide the preview',
    download: 'Download the PDF',
    stored: 'The PDF of an issued document is archived when issued and never changes.',
    draft: 'Draft: the PDF is marked « brouillon ».',
    frame: 'PDF preview of the document',
  },
};

export const pdfUrl = (id: string, inline = false) => `/api/documents/${encodeURIComponent(id)}/pdf${inline ? '?inline=1' : ''}`;

/** The document's PDF: preview in the page, download (issue 13). */
export default function DocumentOutbound({ doc }: { doc: { id: string; type: string; status: string; number: string | null } }) {
  const i18n = useI18n();
  const w = TEXT[i18n.language];
  const [preview, setPreview] = useState(false);
  const draft = doc.status === 'DRAFT';
  return (
    <section className="document-outbound" data-testid="document-outbound" aria-labelledby="outbound-title">
      <h2 className="section-title" id="outbound-title">
        {w.title}
      </h2>
      <p className="muted">{draft ? w.draft : (doc.type === 'INVOICE' || doc.type === 'CREDIT_NOTE') ? w.stored : null}</p>
      <div className="editor-actions">
        <button type="button" className="button button-secondary" onClick={() => setPreview(!preview)} data-testid="pdf-preview-toggle" aria-expanded={preview}>
          {preview ? w.hide : w.preview}
        </button>
        <a className="button button-secondary" href={pdfUrl(doc.id)} download data-testid="pdf-download">
          {w.download}
        </a>
      </div>
      {preview ? <iframe className="pdf-preview" title={w.frame} src={pdfUrl(doc.id, true)} data-testid="pdf-preview" /> : null}
    </section>
  );
}
