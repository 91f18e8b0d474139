import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import 'dayjs/locale/fr';
import 'dayjs/locale/en';
import { useI18n } from '../i18n/i18n';
import { theme } from './theme';

/**
 * Mantine for the whole app: theme, French dates (dd/mm/yyyy whatever the
 * browser's language: the format comes from here, never from the browser),
 * confirmation modals and notifications.
 */
export function UiProvider({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <DatesProvider settings={{ locale: language, firstDayOfWeek: 1, consistentWeeks: true }}>
        <ModalsProvider labels={language === 'fr' ? { confirm: 'Confirmer', cancel: 'Annuler' } : { confirm: 'Confirm', cancel: 'Cancel' }}>
          <Notifications position="top-right" />
          {children}
        </ModalsProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
