import type { ApplicationDetail } from '@cradle/contract';
import {
  ArrowLeftOutlined,
  AuditOutlined,
  FileDoneOutlined,
  HistoryOutlined,
  PrinterOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Flex, Result, Row, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { fetchApplication } from '../../api/applications';
import { isApiError } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatDateTime } from '../../lib/format';
import { optionalLabel } from '../../lib/optionalLabel';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLang } from '../../lib/useLang';
import { MaskedId } from '../persons/personColumns';
import { ApplicationActions } from './ApplicationActions';
import { ApplicationStatusTags, factText, schemeNameOf } from './applicationLabels';
import { DecisionsTimeline } from './DecisionsTimeline';
import { EligibilityVerdict } from './EligibilityVerdict';
import { ReviewSteps } from './ReviewSteps';
import { useRegionNames } from './useRegionNames';

function Facts({ application: a }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const entries = Object.entries(a.facts);
  if (entries.length === 0) return <>{t('benefits.applications.noFacts')}</>;
  return (
    <>
      {entries.map(([k, v]) => (
        <div key={k}>{factText(t, k, v)}</div>
      ))}
    </>
  );
}

function Overview({ application: a, regionName }: { application: ApplicationDetail; regionName: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const none = t('common.none');
  const items = [
    {
      key: 'beneficiary',
      label: t('benefits.applications.beneficiary'),
      children: <Link to={`/persons/${a.beneficiaryId}`}>{a.beneficiaryName}</Link>,
    },
    {
      key: 'idNumber',
      label: t('benefits.applications.idNumber'),
      children: <MaskedId value={a.beneficiaryIdMasked} />,
    },
    { key: 'region', label: t('benefits.applications.region'), children: regionName },
    {
      key: 'scheme',
      label: t('benefits.applications.scheme'),
      children: <Link to={`/schemes/${encodeURIComponent(a.schemeCode)}`}>{schemeNameOf(a.schemeCode, lang)}</Link>,
    },
    { key: 'applicant', label: t('benefits.applications.applicant'), children: a.applicantName ?? none },
    {
      key: 'channel',
      label: t('benefits.applications.channel'),
      children: optionalLabel('benefits.channel', a.channel),
    },
    { key: 'facts', label: t('benefits.applications.facts'), children: <Facts application={a} /> },
    { key: 'createdAt', label: t('benefits.applications.createdAt'), children: formatDateTime(a.createdAt) },
    {
      key: 'level',
      label: t('benefits.applications.level'),
      children: <span data-testid="application-level">{t(`benefits.reviewLevel.${a.level}`)}</span>,
    },
  ];
  if (a.noticeUntil)
    items.push({ key: 'noticeUntil', label: t('benefits.applications.noticeUntil'), children: a.noticeUntil });
  if (a.rejectionReason) {
    items.push({
      key: 'reason',
      label: t('benefits.applications.rejectionReason'),
      children: (
        <Typography.Text type="danger" data-testid="application-rejection-reason">
          {a.rejectionReason}
        </Typography.Text>
      ),
    });
  }
  return <Descriptions bordered size="middle" column={{ xs: 1, md: 2, xl: 3 }} items={items} />;
}

/** One application: where it stands, what the user may do with it, its history and today's eligibility. */
export function ApplicationDetailPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const loaded = useQuery({
    queryKey: ['fetchApplication', id],
    queryFn: ({ signal }) => fetchApplication(id, signal),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  // A decision answers with the application as it now is: show that without asking again.
  // Kept in the query's cache, so a later refetch or revisit starts from it.
  const queryClient = useQueryClient();
  const setLatest = (next: ApplicationDetail) => queryClient.setQueryData(['fetchApplication', id], next);
  const app = loaded.data && loaded.data.id === id ? loaded.data : undefined;
  const regionName = useRegionNames(app ? [app.regionCode] : []);

  const back = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      onClick={() => void navigate('/applications')}
      style={{ paddingInline: 0 }}
    >
      {t('benefits.applications.back')}
    </Button>
  );
  if (!valid || (isApiError(loaded.error) && (loaded.error.status === 404 || loaded.error.status === 403))) {
    return (
      <Result
        status="404"
        title={t('benefits.applications.notFound')}
        subTitle={isApiError(loaded.error) ? loaded.error.message : undefined}
        extra={back}
      />
    );
  }

  return (
    <Flex vertical gap={16} data-testid="application-detail">
      <div>{back}</div>
      <ApiErrorAlert error={loaded.error} onRetry={loaded.refetch} />
      <Spin spinning={loaded.isFetching && !app}>
        {app ? (
          <Flex vertical gap={16}>
            <Space wrap align="center">
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="application-heading">
                {t('benefits.applications.heading', { id: app.id })}
              </Typography.Title>
              <ApplicationStatusTags application={app} />
              <Button
                icon={<PrinterOutlined />}
                href={`/applications/${app.id}/print`}
                target="_blank"
                data-testid="print-button"
              >
                {t('print.print')}
              </Button>
            </Space>
            <Card
              title={
                <>
                  <FileDoneOutlined /> {schemeNameOf(app.schemeCode, lang)}
                </>
              }
            >
              <Overview application={app} regionName={regionName(app.regionCode)} />
            </Card>
            <Card
              title={
                <>
                  <AuditOutlined /> {t('benefits.applications.progress')}
                </>
              }
              data-testid="application-progress"
            >
              <Flex vertical gap={24}>
                <ReviewSteps application={app} />
                <ApplicationActions
                  application={app}
                  onChanged={(next) => {
                    if (next) setLatest(next);
                    else void loaded.refetch();
                  }}
                />
              </Flex>
            </Card>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={10}>
                <Card
                  title={
                    <>
                      <HistoryOutlined /> {t('benefits.applications.decisions')}
                    </>
                  }
                >
                  <DecisionsTimeline decisions={app.decisions} />
                </Card>
              </Col>
              <Col xs={24} xl={14}>
                <Card
                  title={
                    <>
                      <SafetyCertificateOutlined /> {t('benefits.applications.eligibility')}
                    </>
                  }
                  data-testid="application-eligibility"
                >
                  {app.eligibility ? (
                    <EligibilityVerdict result={app.eligibility} />
                  ) : (
                    <Typography.Text type="secondary">{t('benefits.applications.noEligibility')}</Typography.Text>
                  )}
                </Card>
              </Col>
            </Row>
          </Flex>
        ) : (
          <div style={{ minHeight: 240 }} />
        )}
      </Spin>
    </Flex>
  );
}
