// The GraphQL playground, loaded on demand: GraphiQL and its Monaco editor weigh
// megabytes that nobody else should download. Everything, the editor's web
// workers included, is bundled by Vite: it works with no internet access.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import type { ComponentProps } from 'react';
import { useI18n } from '../../app/i18n/i18n';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/**
 * Same-origin POST with the session cookie, like the SPA's own requests; the
 * `apollo-require-preflight` header satisfies Apollo Server's CSRF prevention.
 * Headers typed in GraphiQL's header editor are sent too.
 */
const fetcher: Fetcher = async (params, options) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      ...options?.headers,
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
    },
    body: JSON.stringify(params),
  });
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('json')) {
    return { errors: [{ message: `HTTP ${response.status}: ${(await response.text()).slice(0, 500)}` }] };
  }
  return response.json();
};

const DEFAULT_QUERY = {
  fr: `# Bienvenue dans le playground GraphQL de Comptoir.
#
# Les requêtes partent avec votre session : vous voyez ce que votre profil permet.
# Ctrl-Entrée exécute la requête ; Ctrl-Espace propose les champs.
# La documentation du schéma est dans le panneau de gauche.

query {
  health {
    status
    version
    database
    time
  }
}
`,
  en: `# Welcome to Comptoir's GraphQL playground.
#
# Requests carry your session: you see what your profile allows.
# Ctrl-Enter runs the query; Ctrl-Space suggests fields.
# The schema's documentation is in the left panel.

query {
  health {
    status
    version
    database
    time
  }
}
`,
};

export default function PlaygroundPage() {
  const { language, t } = useI18n();
  return (
    <div className="page-fill playground" aria-label={t('playground.title')}>
      <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY[language]} defaultTheme="light">
        <GraphiQL.Logo>Comptoir</GraphiQL.Logo>
      </GraphiQL>
    </div>
  );
}
