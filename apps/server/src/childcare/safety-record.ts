import { isMajorIncident, noMajorIncidentIn, threeYearWindow } from '@cradle/domain';
import type { Conn } from '../db/client.js';
import * as sv from './supervision-repo.js';

/**
 * 003 三(三) "近三年无重大安全事故发生" for a region and a year, read in the caller's scoped
 * transaction: GET /api/childcare/safety-record and the self-evaluation's item 3.12 both answer
 * from it, so the two never disagree.
 */
export async function majorIncidentsIn(tx: Conn, region: string, year: number) {
  const { from, to } = threeYearWindow(year);
  const rows = await sv.listIncidents(tx, { regionPrefix: region, from, to });
  return {
    from,
    to,
    noMajorIncident: noMajorIncidentIn(year, rows),
    majorIncidents: rows.filter((x) => isMajorIncident(x.severity)),
  };
}
