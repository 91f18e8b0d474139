import { modals } from '@mantine/modals';
import { useCallback, useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { useI18n } from '../i18n/i18n';

/**
 * While `dirty`, leaving the page asks first: a link or the back button opens a
 * confirmation (Rester / Quitter sans enregistrer); closing or reloading the tab gets
 * the browser's own warning. Staying on the same path (a tab, a query) never asks.
 * `allowLeave()` lets the next navigation through (right after a save, before the
 * re-render that clears `dirty`).
 */
export function useUnsavedChangesGuard(dirty: boolean): { allowLeave(): void } {
  const { t } = useI18n();
  const bypass = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !bypass.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (dirty) bypass.current = false;
  }, [dirty]);
  const allowLeave = useCallback(() => {
    bypass.current = true;
  }, []);

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modals.openConfirmModal({
      title: t('unsaved.title'),
      children: t('unsaved.body'),
      labels: { confirm: t('unsaved.leave'), cancel: t('unsaved.stay') },
      confirmProps: { color: 'red.8', 'data-testid': 'unsaved-leave' } as Record<string, string>,
      cancelProps: { 'data-testid': 'unsaved-stay' } as Record<string, string>,
      onConfirm: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
      onClose: () => {
        if (blocker.state === 'blocked') blocker.reset();
      },
    });
  }, [blocker, t]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return { allowLeave };
}
