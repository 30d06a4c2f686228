import type { ApplicationDetail, EligibilityView, ReviewDecision, ReviewLevel } from '@cradle/contract';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { fetchApplication } from '../../api/applications';
import { PrintDocument, PrintFields, PrintTable, type PrintColumn } from '../../components/print/PrintDocument';
import { PrintLoading } from '../../components/print/PrintLoading';
import { findBuiltInScheme, pick } from '../../lib/domain';
import { formatDateTime } from '../../lib/format';
import { formatFen } from '../../lib/money';
import { optionalLabel } from '../../lib/optionalLabel';
import { useLang } from '../../lib/useLang';
import { factText, schemeNameOf } from './applicationLabels';
import { useRegionNames } from './useRegionNames';

/** 审核记录 as a table: each level, what it decided, who, their opinion, when. */
function DecisionsTable({ decisions }: { decisions: readonly ReviewDecision[] }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const columns: PrintColumn<ReviewDecision>[] = [
    { key: 'n', title: t('print.application.n'), render: (_, i) => i + 1 },
    { key: 'level', title: t('benefits.applications.level'), render: (d) => t(`benefits.reviewLevel.${d.level}`) },
    {
      key: 'action',
      title: t('print.application.action'),
      render: (d) => t(`benefits.applications.action.${d.action}`),
    },
    {
      key: 'by',
      title: t('print.application.by'),
      render: (d) =>
        d.decidedBy === null ? none : (d.decidedByName ?? t('benefits.applications.decidedBy', { id: d.decidedBy })),
    },
    { key: 'opinion', title: t('print.application.opinion'), render: (d) => d.reason ?? none },
    { key: 'at', title: t('print.application.at'), render: (d) => formatDateTime(d.at) },
  ];
  return <PrintTable testId="print-decisions" columns={columns} rows={decisions} rowKey={(_, i) => i} />;
}

/** The check's verdict and every rule in plain words: passed or not, what it saw, its clause. */
function TraceText({ result }: { result: EligibilityView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const period = result.period === 'once' ? t('benefits.frequency.once') : result.period;
  return (
    <>
      <p data-testid="print-verdict">
        <strong>
          {t(result.eligible ? 'benefits.eligibility.eligible' : 'benefits.eligibility.notEligible', { period })}
        </strong>
        {t('print.separator')}
        {t('benefits.eligibility.amount')}
        {t('print.colon')}
        {formatFen(result.amountFen)}
      </p>
      <ol data-testid="print-trace">
        {result.trace.map((step, i) => (
          <li key={`${step.check}-${i}`} data-testid="print-trace-step" data-pass={String(step.pass)}>
            <span className={step.pass ? 'print-pass' : 'print-fail'}>
              {t(step.pass ? 'benefits.eligibility.pass' : 'benefits.eligibility.fail')}
            </span>
            {t('print.colon')}
            {pick(step.rule, lang)}
            <br />
            <span className="print-muted">
              {t('benefits.eligibility.saw')}
              {pick(step.saw, lang)}
              {t('print.separator')}
              {t('print.basis', { document: step.basis.document, clause: step.basis.clause })}
            </span>
            {step.interpretation && (
              <div className="print-muted">
                {t('benefits.interpretations.short')}
                {t('print.colon')}
                {pick(step.interpretation, lang)}
              </div>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

function facts(t: TFunction, a: ApplicationDetail): string {
  const entries = Object.entries(a.facts);
  if (entries.length === 0) return t('benefits.applications.noFacts');
  return entries.map(([k, v]) => factText(t, k, v)).join(t('common.listSeparator'));
}

/** 补贴申请表: the application as the office files it, with the places to sign and stamp. */
export function ApplicationPrintPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const loaded = useQuery({
    queryKey: ['fetchApplication', id],
    queryFn: ({ signal }) => fetchApplication(id, signal),
    enabled: valid,
  });
  const a = loaded.data && loaded.data.id === id ? loaded.data : undefined;
  const regionName = useRegionNames(a ? [a.regionCode] : []);
  if (!a) return <PrintLoading error={valid ? loaded.error : new Error(t('benefits.applications.notFound'))} />;

  const none = t('common.none');
  const scheme = findBuiltInScheme(a.schemeCode);
  const levels: readonly ReviewLevel[] = scheme && scheme.reviewLevels.length > 0 ? scheme.reviewLevels : ['county'];
  const status = t(`benefits.applicationStatus.${a.status}`);
  return (
    <PrintDocument
      testId="application-print"
      title={t('print.application.title')}
      meta={[
        { key: 'id', label: t('benefits.applications.id'), value: a.id },
        { key: 'status', label: t('benefits.applications.status'), value: status },
        { key: 'createdAt', label: t('benefits.applications.createdAt'), value: formatDateTime(a.createdAt) },
      ]}
      sections={[
        {
          key: 'scheme',
          title: t('print.application.scheme'),
          content: (
            <PrintFields
              fields={[
                { key: 'scheme', label: t('benefits.applications.scheme'), value: schemeNameOf(a.schemeCode, lang) },
                {
                  key: 'basis',
                  label: t('print.application.basis'),
                  value: scheme ? `${scheme.legalBasis.document} ${scheme.legalBasis.clause}` : none,
                },
                {
                  key: 'channel',
                  label: t('benefits.applications.channel'),
                  value: optionalLabel('benefits.channel', a.channel),
                },
                { key: 'level', label: t('benefits.applications.level'), value: t(`benefits.reviewLevel.${a.level}`) },
                ...(a.noticeUntil
                  ? [{ key: 'noticeUntil', label: t('benefits.applications.noticeUntil'), value: a.noticeUntil }]
                  : []),
                ...(a.rejectionReason
                  ? [{ key: 'reason', label: t('benefits.applications.rejectionReason'), value: a.rejectionReason }]
                  : []),
              ]}
            />
          ),
        },
        {
          key: 'people',
          title: t('print.application.people'),
          content: (
            <PrintFields
              fields={[
                { key: 'beneficiary', label: t('benefits.applications.beneficiary'), value: a.beneficiaryName },
                {
                  key: 'idNumber',
                  label: t('benefits.applications.idNumber'),
                  value: <span className="mono">{a.beneficiaryIdMasked}</span>,
                },
                { key: 'region', label: t('benefits.applications.region'), value: regionName(a.regionCode) },
                { key: 'applicant', label: t('benefits.applications.applicant'), value: a.applicantName ?? none },
                { key: 'facts', label: t('benefits.applications.facts'), value: facts(t, a) },
              ]}
            />
          ),
        },
        {
          key: 'eligibility',
          title: t('benefits.applications.eligibility'),
          content: a.eligibility ? <TraceText result={a.eligibility} /> : t('benefits.applications.noEligibility'),
        },
        {
          key: 'decisions',
          title: t('benefits.applications.decisions'),
          content: <DecisionsTable decisions={a.decisions} />,
        },
      ]}
      signatures={[
        t('print.application.applicantSigns'),
        ...levels.map((level) => t('print.application.reviewerSigns', { level: t(`benefits.reviewLevel.${level}`) })),
      ]}
      stamp
      // The region's name arrives after the application; a sheet printed before it shows a code.
      printWhenReady={regionName(a.regionCode) !== a.regionCode}
    />
  );
}
