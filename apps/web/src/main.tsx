import { ApolloProvider } from '@apollo/client/react';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { createApolloClient } from './app/apollo';
import { SessionProvider } from './app/auth';
import { I18nProvider } from './app/i18n/i18n';
import { UiProvider } from './app/ui/ui-provider';
import { router } from './app/router';
import { preloadPagesOf } from './app/lazy-page';
// Mantine's styles first: the app's own rules come after and win at equal specificity.
import './app/ui/mantine-styles';
import '@mantine/notifications/styles.css';
import './app/styles.css';
import './ui/ui.css';

// From here on the app sends its own queries: the start-up preload (src/boot/boot.ts), if it
// has not run yet, stays out of the way.
window.__comptoirStarted = true;
const client = createApolloClient();
preloadPagesOf(router.routes, window.location.pathname);

// The first render in a transition: React can interrupt it (yield to the browser every
// few milliseconds) instead of mounting the providers and the shell in one long task.
const root = createRoot(document.getElementById('root')!);
startTransition(() =>
  root.render(
    <StrictMode>
      <I18nProvider>
        <UiProvider>
          <ApolloProvider client={client}>
            <SessionProvider>
              <RouterProvider router={router} />
            </SessionProvider>
          </ApolloProvider>
        </UiProvider>
      </I18nProvider>
    </StrictMode>,
  ),
);
