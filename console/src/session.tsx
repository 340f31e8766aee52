/**
 * Who is signed in. The session itself is the httpOnly cookie; the app keeps
 * the user and the CSRF token. Any 401 (an expired session) sends the user to
 * the sign-in page with the page they were on, to come back to it after.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setCsrfToken, whenSessionEnds, CallError } from './api/client';
import { currentSession, signIn as callSignIn, signOut as callSignOut } from './api/calls';
import type { Session, SessionUser } from './api/types';
import { BASE, currentPath, navigate } from './router';

interface SessionState {
  /** undefined while the first check runs; null when signed out. */
  user: SessionUser | null | undefined;
  /** Set when the session ended under the user's feet (not after signing out). */
  expired: boolean;
  signIn: (login: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

function toSignIn() {
  if (location.pathname === `${BASE}/login`) return;
  navigate(`${BASE}/login?next=${encodeURIComponent(currentPath())}`, { replace: true });
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);

  const adopt = useCallback((session: Session | null) => {
    setCsrfToken(session?.csrfToken ?? null);
    setUser(session?.user ?? null);
  }, []);

  useEffect(() => {
    whenSessionEnds(() => {
      adopt(null);
      setExpired(true);
      toSignIn();
    });
    currentSession().then(adopt, (err: unknown) => {
      adopt(null);
      if (!(err instanceof CallError && err.status === 401)) console.error(err);
      toSignIn();
    });
  }, [adopt]);

  const value = useMemo<SessionState>(
    () => ({
      user,
      expired,
      signIn: async (login, password) => {
        adopt(await callSignIn(login, password));
        setExpired(false);
      },
      signOut: async () => {
        try {
          await callSignOut();
        } finally {
          adopt(null);
          navigate(`${BASE}/login`, { replace: true });
        }
      },
    }),
    [user, expired, adopt],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
