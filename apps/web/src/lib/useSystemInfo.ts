import type { SystemInfo } from '@cradle/contract';
import { useEffect, useState } from 'react';
import { fetchSystemInfo } from '../api/auth';

// Fetched once per page load: it describes the deployment, which does not change under us.
let cached: Promise<SystemInfo> | null = null;

export function useSystemInfo(): SystemInfo | undefined {
  const [info, setInfo] = useState<SystemInfo>();
  useEffect(() => {
    let alive = true;
    cached ??= fetchSystemInfo();
    cached.then(
      (value) => alive && setInfo(value),
      () => {
        cached = null; // try again next time rather than caching the failure
      },
    );
    return () => {
      alive = false;
    };
  }, []);
  return info;
}
