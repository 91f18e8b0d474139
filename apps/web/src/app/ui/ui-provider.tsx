import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { lazy, Suspense, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { theme } from './theme';

// The notification stack is only needed once something is notified: kept out of the first load.
const Notifications = lazy(() => import('@mantine/notifications').then((m) => ({ default: m.Notifications })));

/**
 * Mantine for the whole app: theme, confirmation modals and notifications. The date
 * pickers' settings (dd/mm/yyyy whatever the browser's language) come with the pickers
 * (ui/date-field.impl.tsx), loaded on first use.
 */
export function UiProvider({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <ModalsProvider labels={language === 'fr' ? { confirm: 'Confirmer', cancel: 'Annuler' } : { confirm: 'Confirm', cancel: 'Cancel' }}>
        <Suspense fallback={null}>
          <Notifications position="top-right" />
        </Suspense>
        {children}
      </ModalsProvider>
    </MantineProvider>
  );
}
