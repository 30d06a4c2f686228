import { chinaDateOf, type Lang } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { appendAudit } from '../audit/index.js';
import type { SessionUser } from '../auth/index.js';
import type { RegionService } from '../regions/index.js';
import { renderDocumentDocx } from './document-docx.js';
import { renderDocumentPdf } from './document-pdf.js';
import type { FigureSources } from './figures.js';
import type { AnnualReportService } from './service.js';
import { buildSummary, type SummaryTask } from './summary.js';

const MEDIA = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** The county's summary as a file, audited as an export (what was printed, by whom). */
export function createCountySummary(deps: {
  database: Database;
  regions: RegionService;
  reports: AnnualReportService;
  sources: FigureSources;
  /** The key tasks' status for the summary; null while no task list is loaded. */
  tasks: (user: SessionUser, year: number, lang: Lang) => Promise<SummaryTask[] | null>;
  now: () => Date;
}) {
  return async (
    a: { user: SessionUser; clientIp: string },
    year: number,
    format: 'pdf' | 'docx',
    lang: Lang,
  ): Promise<{ mediaType: string; content: Buffer }> => {
    const at = deps.now();
    const doc = await buildSummary(
      deps.sources,
      {
        user: a.user,
        countyName: deps.regions.name(a.user.jurisdictionCode),
        year,
        reports: await deps.reports.list(a, year),
        tasks: await deps.tasks(a.user, year, lang),
        generatedAt: chinaDateOf(at),
      },
      lang,
    );
    const content = format === 'pdf' ? await renderDocumentPdf(doc, at) : await renderDocumentDocx(doc);
    await appendAudit(deps.database, {
      userId: a.user.id,
      username: a.user.username,
      jurisdictionCode: a.user.jurisdictionCode,
      clientIp: a.clientIp,
      action: 'annualReport.summary',
      targetType: 'export',
      targetId: null,
      outcome: 'success',
      details: { year, format },
    });
    return { mediaType: MEDIA[format], content };
  };
}
