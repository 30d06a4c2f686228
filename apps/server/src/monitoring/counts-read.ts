import type { Conn } from '../db/client.js';
import { CountsCube, reportedKeysOf, type Period, type RegionCounts } from './counts-cube.js';
import * as repo from './counts-repo.js';
import { specialFamilyCoverage } from './special-family-counts.js';
import { filedSlots } from './slots-repo.js';

// Reads the counts of several regions over the periods asked, in a handful of queries, whatever
// the number of persons (issue 13, "Speed").

export async function readCubes(conn: Conn, regions: readonly string[], periods: readonly Period[]) {
  const from = Math.min(...periods.map((p) => p.from));
  const to = Math.max(...periods.map((p) => p.to));
  const wholeYears = periods.every((p) => p.from % 12 === 0 && p.to % 12 === 0);
  const span: repo.Span = { from, to, bucket: wholeYears ? 'year' : 'month' };
  const ats = [...new Set(periods.flatMap((p) => [p.from, p.to]))];
  const keys = [...new Set(periods.flatMap(reportedKeysOf))];
  const births = await repo.births(conn, regions, span);
  const deaths = await repo.deaths(conn, regions, span);
  const stocks = await repo.stocks(conn, regions, ats);
  const living = await repo.living(conn, regions);
  const livingBirths = await repo.livingBirths(conn, regions, span);
  const reference = await repo.referencePopulation(conn, regions);
  const reported = await repo.reported(conn, regions, keys);
  const specialFamilies = await specialFamilyCoverage(conn, regions, ats);
  const slots = await filedSlots(conn, regions, ats);
  const of = <R extends { region: string }>(rows: R[], region: string) => rows.filter((r) => r.region === region);
  const cubes = new Map<string, CountsCube>();
  for (const region of regions) {
    const counts: RegionCounts = {
      births: of(births, region),
      deaths: of(deaths, region),
      stocks: of(stocks, region),
      living: living.find((r) => r.region === region),
      livingBirths: of(livingBirths, region),
      reference: of(reference, region),
      reported: of(reported, region),
      specialFamilies: of(specialFamilies, region),
      slots: of(slots, region),
    };
    cubes.set(region, new CountsCube(counts));
  }
  return cubes;
}
