import { useQueryClient } from '@tanstack/react-query';
import type { ResidentMe } from '@cradle/contract';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../api/client';
import * as portal from '../api/portal';
import { setResidentSessionLostHandler } from '../api/client';

export const PORTAL_SIGN_IN = '/m/sign-in';
/** Portal pages anyone may read without signing in (issue 14: 托育机构信息公示). */
const PORTAL_PUBLIC_PATHS: readonly string[] = ['/m/childcare'];

type ResidentState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'signedIn'; me: ResidentMe }
  // The server could not say (down, network): not the same as signed out.
  | { status: 'unknown'; error: unknown };

type ResidentContextValue = {
  state: ResidentState;
  signIn: (phone: string, code: string) => Promise<ResidentMe>;
  signOut: () => Promise<void>;
  bind: (name: string, idNumber: string) => Promise<ResidentMe>;
  retry: () => void;
};

const ResidentContext = createContext<ResidentContextValue | null>(null);

/** The family's session in the portal: separate from the staff console's AuthProvider. */
export function ResidentProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<ResidentState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const navigate = useNavigate();
  // The family's answers are dropped whenever the signed-in resident (or their binding) changes.
  const queryClient = useQueryClient();
  const forget = useCallback(() => queryClient.removeQueries({ queryKey: ['portal'] }), [queryClient]);

  useEffect(() => {
    setResidentSessionLostHandler(() => {
      forget();
      setState({ status: 'anonymous' });
      const { pathname, search } = window.location;
      if (pathname !== PORTAL_SIGN_IN && !PORTAL_PUBLIC_PATHS.includes(pathname))
        void navigate(PORTAL_SIGN_IN, { replace: true, state: { from: pathname + search } });
    });
    return () => setResidentSessionLostHandler(() => undefined);
  }, [navigate, forget]);

  useEffect(() => {
    const controller = new AbortController();
    portal.fetchResidentMe(controller.signal).then(
      (me) => setState({ status: 'signedIn', me }),
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setState(isApiError(e) && e.status === 401 ? { status: 'anonymous' } : { status: 'unknown', error: e });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  // The first attempt starts in 'loading'; a retry shows it again before asking.
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const signIn = useCallback(
    async (phone: string, code: string) => {
      const me = await portal.signInResident(phone, code);
      forget();
      setState({ status: 'signedIn', me });
      return me;
    },
    [forget],
  );

  const bind = useCallback(
    async (name: string, idNumber: string) => {
      const me = await portal.bindResident(name, idNumber);
      forget();
      setState({ status: 'signedIn', me });
      return me;
    },
    [forget],
  );

  const signOut = useCallback(async () => {
    try {
      await portal.signOutResident();
    } finally {
      forget();
      setState({ status: 'anonymous' });
      void navigate(PORTAL_SIGN_IN, { replace: true });
    }
  }, [navigate, forget]);

  const value = useMemo(() => ({ state, signIn, signOut, bind, retry }), [state, signIn, signOut, bind, retry]);
  return <ResidentContext.Provider value={value}>{children}</ResidentContext.Provider>;
}

export function useResident(): ResidentContextValue {
  const value = useContext(ResidentContext);
  if (!value) throw new Error('useResident must be used inside ResidentProvider');
  return value;
}

/** The signed-in resident; only for pages behind RequireResident. */
export function useResidentMe(): ResidentMe {
  const { state } = useResident();
  if (state.status !== 'signedIn') throw new Error('useResidentMe needs a signed-in resident');
  return state.me;
}
