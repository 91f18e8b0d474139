import { createContext, useContext, type ReactNode } from 'react';
import type { Profile } from '@comptoir/schema';

/**
 * Who is using the SPA. A placeholder until the identity feature exists: it will
 * fill this from a `me` query (user, dossier, profile) and expose log in / log out.
 * The SPA only uses it to hide what a profile cannot use; the server decides.
 */
export interface Session {
  user: { id: string; email: string; name: string } | null;
  dossier: { id: string; name: string } | null;
  profile: Profile | null;
  isSupport: boolean;
}

const ANONYMOUS: Session = { user: null, dossier: null, profile: null, isSupport: false };

const SessionContext = createContext<Session>(ANONYMOUS);

export function SessionProvider({ children }: { children: ReactNode }) {
  return <SessionContext.Provider value={ANONYMOUS}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  return useContext(SessionContext);
}
