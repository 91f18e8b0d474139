import { useMutation, useQuery } from '@apollo/client/react';
import { Navigate } from 'react-router';
import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n/i18n';
import { paths } from '../../app/paths';
import { SelectDossierMutation } from './auth.operations';
import { PickerBatchesQuery } from '../accounting/accounting.operations';
import { AuthCard, AuthError } from './auth-ui';
import './auth.css';

/** After a login with several dossiers: one click binds the session to a dossier. */
export default function PickDossierPage() {
  const { t } = useI18n();
  const session = useSession();
  const [select, { loading, error }] = useMutation(SelectDossierMutation);
  // An accountant sees, for each client dossier, the batches left to collect.
  const accountant = session.dossiers.some((d) => d.profile === 'ACCOUNTANT');
  const batches = useQuery(PickerBatchesQuery, { skip: !accountant, fetchPolicy: 'network-only' });
  const pending = new Map((batches.data?.me.dossiers ?? []).map((d) => [d.id, d.uncollectedBatches]));

  if (session.status === 'authenticated' && session.dossier) return <Navigate to={paths.home} replace />;

  const pick = async (dossierId: string) => {
    try {
      await select({ variables: { dossierId } });
    } catch {
      return;
    }
    await session.refresh();
  };

  return (
    <AuthCard title={t('auth.picker.title')} intro={session.dossiers.length ? t('auth.picker.intro') : t('auth.picker.none')}>
      <AuthError error={error} />
      <ul className="dossier-picker" data-testid="dossier-picker">
        {session.dossiers.map((d) => (
          <li key={d.id}>
            <button type="button" className="dossier-choice" disabled={loading} onClick={() => void pick(d.id)} data-dossier-id={d.id}>
              <span className="dossier-choice-name">{d.name}</span>
              <span className="dossier-choice-profile">
                {t(`settings.profile.${d.profile}`)} · {t(`auth.plan.${d.plan}`)}
              </span>
              {d.profile === 'ACCOUNTANT' && typeof pending.get(d.id) === 'number' ? (
                <span className="dossier-choice-profile" data-testid="uncollected-batches">
                  {t('nav.accounting')} : {pending.get(d.id)}
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </AuthCard>
  );
}
