import {
  BUNDLE_SERVICE_NAMES,
  chinaDateOf,
  computeQuality,
  isWithinJurisdiction,
  QUALITY_TARGETS,
  regionLevelOf,
  type Lang,
} from '@cradle/domain';
import { exportRegionTable } from './export.js';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import type { SessionUser } from '../auth/index.js';
import type { RegionService } from '../regions/index.js';
import { registryError } from '../registry/index.js';
import * as repo from './repo.js';

const CHILD_LENGTH: Record<string, number> = { province: 4, city: 6, county: 9, township: 12, village: 12 };

const quality = (g: Pick<repo.GroupStats, 'residents' | 'with_issues' | 'events' | 'timely' | 'reference'>) =>
  computeQuality({
    registryResidents: g.residents,
    referenceResidents: g.reference,
    checkedRecords: g.residents,
    recordsWithIssues: g.with_issues,
    eventsInWindow: g.events,
    eventsReportedInTime: g.timely,
  });

export function createDashboardService(database: Database, regions: RegionService) {
  return {
    async get(user: SessionUser, regionCode: string | undefined, today = new Date()) {
      const code = regionCode ?? user.jurisdictionCode;
      if (!isWithinJurisdiction(code, user.jurisdictionCode)) throw registryError('registry.regionOutsideJurisdiction');
      const level = regionLevelOf(code) ?? 'village';
      const childLength = CHILD_LENGTH[level]!;
      // Five calendar years, this one included: the chart, the sex ratio and the table agree.
      const fromYear = today.getFullYear() - 4;
      return withScope(database, { jurisdictionCode: user.jurisdictionCode }, async (tx) => {
        const [pyr, births, groups, households, family] = [
          await repo.pyramid(tx, code),
          await repo.birthsByYear(tx, code, fromYear),
          await repo.groupStats(tx, code, childLength, fromYear),
          await repo.householdCount(tx, code),
          await repo.familyServiceCounts(tx, code, chinaDateOf(today)),
        ];
        // The region's own row holds its totals; the rows of childLength its children's.
        const own = groups.find((g) => g.grp === code);
        const total = {
          residents: Number(own?.residents ?? 0),
          with_issues: Number(own?.with_issues ?? 0),
          events: Number(own?.events ?? 0),
          timely: Number(own?.timely ?? 0),
          reference: own && own.reference !== null ? Number(own.reference) : null,
        };
        const male = pyr.reduce((s, r) => s + Number(r.male), 0);
        const female = pyr.reduce((s, r) => s + Number(r.female), 0);
        const bMale = births.reduce((s, r) => s + Number(r.male), 0);
        const bFemale = births.reduce((s, r) => s + Number(r.female), 0);
        const byGroup = new Map(pyr.map((r) => [Number(r.grp), r]));
        return {
          region: regions.ref(code),
          path: regions.path(code).filter((r) => isWithinJurisdiction(r.code, user.jurisdictionCode)),
          population: { total: male + female, male, female, households },
          pyramid: Array.from({ length: 20 }, (_, i) => ({
            ageGroup: i === 19 ? '95+' : `${i * 5}-${i * 5 + 4}`,
            male: Number(byGroup.get(i)?.male ?? 0),
            female: Number(byGroup.get(i)?.female ?? 0),
          })),
          birthsByYear: births.map((b) => ({
            year: Number(b.year),
            parity1: Number(b.p1),
            parity2: Number(b.p2),
            parity3plus: Number(b.p3),
            total: Number(b.male) + Number(b.female),
          })),
          // Male births per 100 female births (GLOSSARY: sexRatioAtBirth), over the years shown.
          sexRatioAtBirth: {
            ratio: bFemale ? Math.round((bMale / bFemale) * 1000) / 10 : null,
            male: bMale,
            female: bFemale,
            fromYear,
            toYear: today.getFullYear(),
          },
          quality: { ...quality(total), targets: QUALITY_TARGETS },
          familyServices: familyServicesOf(family),
          children:
            level === 'village'
              ? []
              : groups
                  .filter((g) => g.grp.length === childLength && g.grp !== code)
                  .map((g) => ({
                    ...regions.ref(g.grp),
                    population: Number(g.residents),
                    births: Number(g.births5y),
                    ...quality({
                      ...g,
                      residents: Number(g.residents),
                      with_issues: Number(g.with_issues),
                      events: Number(g.events),
                      timely: Number(g.timely),
                      reference: g.reference === null ? null : Number(g.reference),
                    }),
                  })),
        };
      });
    },

    /** The table of subordinate regions as XLSX: the dashboard's own answer, audited. */
    async exportRegions(user: SessionUser, clientIp: string, regionCode: string | undefined, lang: Lang) {
      const d = await this.get(user, regionCode);
      return exportRegionTable(database, { user, clientIp }, { code: d.region.code, children: d.children }, lang);
    },
  };
}

function familyServicesOf(rows: repo.FamilyServiceCounts[]) {
  const counts = (r: repo.FamilyServiceCounts | undefined) => ({
    open: Number(r?.open ?? 0),
    dueToday: Number(r?.due_today ?? 0),
    overdue: Number(r?.overdue ?? 0),
  });
  return {
    childbirthRegistrations: counts(rows.find((r) => r.kind === 'childbirthRegistration')),
    // Every service, in the seeds' order, with zeros where nothing is open.
    bundleTasks: BUNDLE_SERVICE_NAMES.map((service) => ({
      service,
      ...counts(rows.find((r) => r.kind === 'bundleTask' && r.service === service)),
    })),
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
