import { Anchor, AppShell as MantineAppShell, Box, Burger, Group, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { paths } from '../paths';
import { Loading } from '../../ui/loading';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './main-nav';
import { SessionActions, SessionSummary } from './session-menu';
import { AuthGate } from '../auth-gate';

/** Below this width the navigation folds behind a burger button (Mantine's `sm`). */
export const MOBILE_QUERY = '(max-width: 48em)';

/**
 * Header, navigation on the left (a drawer behind the burger on phones), the page,
 * a footer. On phones the account actions (Mon compte, Changer de dossier,
 * Se déconnecter) move into the drawer, where they are tappable; the header keeps
 * the dossier's name.
 */
export function AppShell() {
  const { t } = useI18n();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Read synchronously so the first render already puts the actions where they belong.
  const isMobile = useMediaQuery(MOBILE_QUERY, false, { getInitialValueInEffect: false }) ?? false;
  const location = useLocation();
  useEffect(() => close(), [location.pathname, close]);

  return (
    <MantineAppShell
      header={{ height: 56 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <MantineAppShell.Header className="shell-header" px={{ base: 'xs', sm: 'md' }}>
        <Group h="100%" gap="sm" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              color="white"
              aria-label={opened ? t('nav.close') : t('nav.open')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Link to={paths.home} className="brand" aria-label={t('app.name')}>
              <span className="brand-mark" aria-hidden="true">
                C
              </span>
              <Text component="span" className="brand-name" visibleFrom="xs">
                {t('app.name')}
              </Text>
            </Link>
            <Text component="span" className="brand-tagline" visibleFrom="lg">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap" miw={0}>
            <SessionSummary />
            {isMobile ? null : <SessionActions />}
            {isMobile ? null : <LanguageSwitch />}
          </Group>
        </Group>
      </MantineAppShell.Header>
      <MantineAppShell.Navbar id="main-navigation" p="sm" inert={isMobile && !opened ? true : undefined}>
        <MantineAppShell.Section grow>
          <MainNav />
        </MantineAppShell.Section>
        {isMobile ? (
          <MantineAppShell.Section pt="sm" className="nav-session">
            <SessionActions vertical />
            <Box mt="sm">
              <LanguageSwitch tone="light" />
            </Box>
          </MantineAppShell.Section>
        ) : null}
      </MantineAppShell.Navbar>
      <MantineAppShell.Main id="main" tabIndex={-1} className="shell-main">
        <Suspense fallback={<Loading label={t('app.loading')} />}>
          <AuthGate>
            <Outlet />
          </AuthGate>
        </Suspense>
      </MantineAppShell.Main>
      <footer className="shell-footer">
        <span>© Comptoir</span>
        <Anchor component={Link} to={paths.status} size="sm">
          {t('footer.status')}
        </Anchor>
      </footer>
    </MantineAppShell>
  );
}
