import { useMutation } from '@apollo/client/react';
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useSession } from '../auth';
import { useI18n } from '../i18n/i18n';
import { paths } from '../paths';
import { LogoutMutation } from '../../features/auth/auth.operations';

/** Header: the current dossier and profile (or the support badge). */
export function SessionSummary() {
  const { t } = useI18n();
  const session = useSession();
  if (session.status !== 'authenticated' || !session.user) return null;
  return (
    <Group gap={6} wrap="nowrap" miw={0} className="session-menu" data-testid="session-menu">
      {session.dossier ? (
        <>
          <span className="visually-hidden">{t('auth.header.dossier')} : </span>
          <Text component="strong" fw={700} truncate="end" maw={{ base: 150, sm: 260 }} data-testid="current-dossier" c="white">
            {session.dossier.name}
          </Text>
          {session.profile ? (
            <Badge variant="white" color="comptoir" data-testid="current-profile" title={t('auth.header.profile')} visibleFrom="xs" style={{ flexShrink: 0 }}>
              {t(`settings.profile.${session.profile}`)}
            </Badge>
          ) : null}
        </>
      ) : session.isSupport ? (
        <Badge variant="white" color="comptoir">
          {t('auth.header.support')}
        </Badge>
      ) : null}
    </Group>
  );
}

/**
 * Changer de dossier (logs out and returns to Connexion with the e-mail filled
 * in), Mon compte, Se déconnecter; in the header on wide screens, in the drawer on
 * phones (`vertical`). Leaving reloads the page, so nothing of the previous
 * session stays in memory.
 */
export function SessionActions({ vertical = false }: { vertical?: boolean }) {
  const { t } = useI18n();
  const session = useSession();
  const [logout, { loading }] = useMutation(LogoutMutation);

  if (session.status !== 'authenticated' || !session.user) {
    if (session.status === 'loading') return null;
    return (
      <Button component={Link} to={paths.login} variant={vertical ? 'filled' : 'white'} size="xs">
        {t('auth.header.login')}
      </Button>
    );
  }

  const leave = async (to: string) => {
    try {
      await logout();
    } catch {
      // Already gone on the server (expired or revoked): leaving is what was asked anyway.
    }
    window.location.assign(to);
  };
  const switchTo = `${paths.login}?email=${encodeURIComponent(session.user.email)}`;
  // On the navy header: white buttons (contrast above 8:1); in the white drawer: the theme's.
  const variant = vertical ? 'default' : 'white';
  const size = vertical ? 'sm' : 'xs';
  const Wrap = vertical ? Stack : Group;

  return (
    <Wrap gap="xs" wrap="nowrap" data-testid="session-actions">
      {session.dossiers.length > 1 || (session.dossiers.length > 0 && !session.dossier) ? (
        <Button variant={variant} size={size} disabled={loading} onClick={() => void leave(switchTo)}>
          {t('auth.header.switch')}
        </Button>
      ) : null}
      <Button component={Link} to={paths.account} variant={variant} size={size} title={session.user.email}>
        {t('auth.header.account')}
      </Button>
      <Button variant={variant} size={size} disabled={loading} onClick={() => void leave(paths.login)}>
        {t('auth.header.logout')}
      </Button>
    </Wrap>
  );
}
