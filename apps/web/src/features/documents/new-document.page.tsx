import { useNavigate } from 'react-router';
import type { DocumentType } from '@comptoir/schema';
import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n/i18n';
import { ErrorMessage } from '../../ui/error-message';
import { PageHeader } from '../../ui/page-header';
import { DocumentEditor } from './document-editor';
import { DOCUMENT_KINDS, documentPath, mayWrite } from './document-kinds';
import './documents.css';

/** "Nouveau devis", "Nouvelle facture"…: an empty editor; saving creates the draft and opens it. */
export default function NewDocumentPage({ type }: { type: DocumentType }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { profile } = useSession();
  const kind = DOCUMENT_KINDS[type];
  if (profile !== null && !mayWrite(type, profile)) {
    return <ErrorMessage title={t(kind.newLabel)} message={t('error.code.FORBIDDEN')} />;
  }
  return (
    <>
      <PageHeader title={t(kind.newLabel)} />
      <DocumentEditor type={type} readOnly={false} onCreated={(id) => navigate(documentPath(type, id), { replace: true })} />
    </>
  );
}
