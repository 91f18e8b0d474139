import { useApolloClient, useQuery } from '@apollo/client/react';
import { resetLive } from './live';
import { createContext, useCallback, useContext, useDeferredValue, useMemo, type ReactNode } from 'react';
import type { Profile } from '@comptoir/schema';
import type { Plan } from '../gql/graphql';
import { graphql } from '../gql';
import { errorCode } from './errors';

/**
 * Who is using the SPA, from the `me` query: user, current dossier and profile,
 * every dossier of the user. The SPA only uses it to route and to hide what a
 * profile cannot use; the server decides.
 */
export interface DossierChoice {
  id: string;
  name: string;
  plan: Plan;
  profile: Profile;
  isPrincipal: boolean;
}

export type SessionStatus = 'loading' | 'anonymous' | 'authenticated';

export interface Session {
  status: SessionStatus;
  user: { id: string; email: string; name: string; phone: string | null } | null;
  dossier: { id: string; name: string; plan: Plan } | null;
  profile: Profile | null;
  isPrincipal: boolean;
  isSupport: boolean;
  /** Every dossier of the user, for the picker. */
  dossiers: DossierChoice[];
  /** Logged in, not bound to a dossier, with dossiers to pick from. */
  needsDossierSelection: boolean;
  /**
   * After login, sign-up, dossier selection or logout: forgets every cached
   * result (they belonged to the previous session) and reads `me` again.
   */
  refresh(): Promise<void>;
}

export const MeQuery = graphql(`
  query SessionMe {
    me {
      user {
        id
        email
        name
        phone
        platformRole
      }
      dossier {
        id
        name
        plan
      }
      profile
      isPrincipal
      needsDossierSelection
      dossiers {
        id
        name
        plan
        profile
        isPrincipal
      }
    }
  }
`);

const ANONYMOUS: Session = {
  status: 'anonymous',
  user: null,
  dossier: null,
  profile: null,
  isPrincipal: false,
  isSupport: false,
  dossiers: [],
  needsDossierSelection: false,
  refresh: async () => undefined,
};

const SessionContext = createContext<Session>(ANONYMOUS);

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const { data, error, loading, refetch } = useQuery(MeQuery, { errorPolicy: 'all', fetchPolicy: 'network-only', notifyOnNetworkStatusChange: true });

  const refresh = useCallback(async () => {
    resetLive();
    await client.clearStore();
    await refetch();
  }, [client, refetch]);

  const session = useMemo<Session>(() => {
    const me = data?.me;
    if (!me) {
      // Anything but "not logged in" (network down, server error) still shows the login page:
      // the pages that need a session cannot work either way.
      const status: SessionStatus = loading && !error ? 'loading' : 'anonymous';
      return { ...ANONYMOUS, status, refresh };
    }
    return {
      status: 'authenticated',
      user: { id: me.user.id, email: me.user.email, name: me.user.name, phone: me.user.phone ?? null },
      dossier: me.dossier ?? null,
      profile: (me.profile ?? null) as Profile | null,
      isPrincipal: me.isPrincipal,
      isSupport: me.user.platformRole === 'SUPPORT',
      dossiers: me.dossiers.map((d) => ({ ...d, profile: d.profile as Profile })),
      needsDossierSelection: me.needsDossierSelection,
      refresh,
    };
  }, [data, error, loading, refresh]);

  // Apollo's answers arrive through useSyncExternalStore, rendered by React in one piece:
  // the answer that ends 'loading' (start-up, refresh) mounts the whole shell and page at
  // once, a long task on a phone. Deferred, that render is interruptible. The only stale
  // value ever shown is 'loading' (pages wait on it); any other change is passed at once.
  const deferred = useDeferredValue(session);
  const value = deferred.status === 'loading' ? deferred : session;

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  return useContext(SessionContext);
}

/** True when `error` says the session is gone (expired or revoked). */
export function isSessionLost(error: unknown): boolean {
  return errorCode(error) === 'UNAUTHENTICATED';
}
