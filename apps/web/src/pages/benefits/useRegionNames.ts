import { useEffect, useState } from 'react';
import { fetchRegion } from '../../api/registry';

// Region names are public reference data that never change under us: one request per code per page load.
const cache = new Map<string, Promise<string>>();

function regionName(code: string): Promise<string> {
  let name = cache.get(code);
  if (!name) {
    name = fetchRegion(code).then(
      (r) => r.name,
      () => {
        cache.delete(code);
        return code; // an unknown code still shows, as itself
      },
    );
    cache.set(code, name);
  }
  return name;
}

/** Names for region codes ('' is left out: the caller says 全国); a code shows as itself until its name arrives. */
export function useRegionNames(codes: readonly string[]): (code: string) => string {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = [...new Set(codes.filter((c) => c !== ''))].sort().join(',');

  useEffect(() => {
    let alive = true;
    const wanted = key ? key.split(',') : [];
    void Promise.all(wanted.map(async (c) => [c, await regionName(c)] as const)).then((pairs) => {
      if (alive) setNames(Object.fromEntries(pairs));
    });
    return () => {
      alive = false;
    };
  }, [key]);

  return (code: string) => names[code] ?? code;
}
