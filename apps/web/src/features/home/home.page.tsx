import { Link } from 'react-router';
import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n/i18n';
import { PageHeader } from '../../ui/page-header';
import { documentsNav } from '../documents/routes';
import { ServerHealth } from '../health/server-health';

/** The landing page of a dossier: where you are, as whom, and the functions your profile opens. */
export default function HomePage() {
  const { t } = useI18n();
  const session = useSession();
  const shortcuts = documentsNav.filter((entry) => session.profile !== null && entry.profiles.includes(session.profile));
  return (
    <>
      <PageHeader title={session.dossier?.name ?? t('home.title')} intro={t('home.intro')} />
      {shortcuts.length > 0 ? (
        <ul className="home-shortcuts">
          {shortcuts.map((entry) => (
            <li key={entry.to}>
              <Link to={entry.to}>{t(entry.label)}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="muted">{t('home.next')}</p>
      <ServerHealth />
    </>
  );
}
