import type { InspectionView, RectificationView, SupervisionView } from '@cradle/contract';
import { Alert, Button, Card, Descriptions, Flex, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  exportInstitutionIncidents,
  exportInstitutionInspections,
  exportInstitutionRatings,
  exportInstitutionRectifications,
  fetchSupervision,
} from '../../api/childcareSupervision';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { PageLoading } from '../../components/PageLoading';
import { isInstitutionOperator, mayReviewChildcare, useMe } from '../../lib/auth';
import {
  checklistItemLabel,
  inspectionAreaLabel,
  ratingGradeLabel,
  supervisionReachOf,
  type RatingGrade,
} from '../../lib/domain';
import { InspectionModal } from './InspectionModal';
import { ClosureModal, IncidentModal, RatingModal, ReportModal } from './SupervisionModals';
import { incidentColumns, rectificationColumns } from './SupervisionPage';
import { useField, useWord } from './supervisionWords';

type Open = 'inspect' | 'rate' | 'incident' | 'close' | RectificationView | null;

/** One institution's supervision: inspections, rectifications, ratings, incidents and closure. */
export function InstitutionSupervisionPage() {
  const { t } = useTranslation();
  const word = useWord();
  const field = useField();
  const me = useMe();
  const id = Number(useParams().id);
  const client = useQueryClient();
  const [open, setOpen] = useState<Open>(null);
  const q = useQuery({ queryKey: ['fetchSupervision', id], queryFn: ({ signal }) => fetchSupervision(id, signal) });
  if (q.error) return <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <PageLoading />;
  const v = q.data;
  const done = (next: SupervisionView) => {
    client.setQueryData(['fetchSupervision', id], next);
    setOpen(null);
  };
  const county = mayReviewChildcare(me);
  const institution = isInstitutionOperator(me);
  // An inspecting department sees its areas' inspections and items only: no ratings or incidents.
  const whole = supervisionReachOf(me)?.whole ?? true;
  const live = v.status === 'filed';
  const f = field;
  const rectColumns: TableColumnsType<RectificationView> = [
    ...rectificationColumns(field, word, t('childcareSupervision.overdueTag'), false),
    ...(institution
      ? [
          {
            title: '',
            width: 130,
            render: (_: unknown, r: RectificationView) =>
              r.state === 'open' && (
                <Button size="small" onClick={() => setOpen(r)} data-testid={`ccs-report-${r.id}`}>
                  {t('childcareSupervision.actions.report')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  const inspectionColumns: TableColumnsType<InspectionView> = [
    { title: f('inspectedOn'), dataIndex: 'inspectedOn', width: 110 },
    {
      title: f('area'),
      dataIndex: 'area',
      width: 120,
      render: (a: InspectionView['area']) => word(inspectionAreaLabel(a)),
    },
    {
      title: f('department'),
      dataIndex: 'department',
      width: 130,
      render: (d: string) => t(`childcareSupervision.departments.${d}` as 'childcareSupervision.departments.education'),
    },
    { title: f('inspector'), dataIndex: 'inspectorName', width: 160 },
    {
      title: f('result'),
      dataIndex: 'passed',
      width: 90,
      render: (p: boolean) =>
        p ? (
          <Tag color="green">{t('childcareSupervision.passed')}</Tag>
        ) : (
          <Tag color="red">{t('childcareSupervision.failed')}</Tag>
        ),
    },
    {
      title: f('findings'),
      render: (_: unknown, r) =>
        r.findings
          .filter((x) => x.result === 'fail')
          .map((x) => word(checklistItemLabel(x.item)))
          .join('；') || t('childcareSupervision.none'),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="ccs-title">
        {v.institutionName} <Tag>{t(`institutionStatuses.${v.status}`)}</Tag>
      </Typography.Title>
      <Space wrap>
        <Link to={institution ? '/childcare/mine' : '/childcare/supervision'}>
          {institution ? t('childcare.nav.mine') : t('childcareSupervision.detail.back')}
        </Link>
        {!institution && county && (
          <Link to={`/childcare/institutions/${id}`}>{t('childcareSupervision.detail.filing')}</Link>
        )}
      </Space>
      {!institution && live && (
        <Space wrap>
          <Button type="primary" onClick={() => setOpen('inspect')} data-testid="ccs-inspect">
            {t('childcareSupervision.actions.inspect')}
          </Button>
          {county && (
            <>
              <Button onClick={() => setOpen('rate')} data-testid="ccs-rate">
                {t('childcareSupervision.actions.rate')}
              </Button>
              <Button onClick={() => setOpen('incident')} data-testid="ccs-incident">
                {t('childcareSupervision.actions.incident')}
              </Button>
              <Button danger onClick={() => setOpen('close')} data-testid="ccs-close">
                {t('childcareSupervision.actions.close')}
              </Button>
            </>
          )}
        </Space>
      )}
      {v.closure && (
        <Card title={t('childcareSupervision.detail.closure')} data-testid="ccs-closure">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('childcareSupervision.detail.closedOn')}>
              {v.closure.closedOn}
            </Descriptions.Item>
            <Descriptions.Item label={t('childcareSupervision.detail.reason')}>{v.closure.reason}</Descriptions.Item>
            <Descriptions.Item label={t('childcareSupervision.detail.transferPlan')}>
              {v.closure.transferPlan}
            </Descriptions.Item>
            <Descriptions.Item label={t('childcareSupervision.detail.placements')}>
              {v.closure.placements
                .map((p) => t('childcareSupervision.detail.placement', { name: p.receivingName, n: p.children }))
                .join('；')}
            </Descriptions.Item>
            <Descriptions.Item label={t('childcareSupervision.detail.orderedBy')}>
              {v.closure.orderedByName}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {v.rectifications.some((r) => r.overdue) && (
        <Alert type="error" showIcon title={t('childcareSupervision.overdueTag')} />
      )}
      <Card
        title={t('childcareSupervision.detail.rectifications')}
        extra={
          <ExportXlsxButton download={() => exportInstitutionRectifications(id)} testId="ccs-detail-rect-export" />
        }
      >
        <Table
          rowKey="id"
          size="small"
          columns={rectColumns}
          dataSource={v.rectifications}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="ccs-detail-rectifications"
        />
      </Card>
      <Card
        title={t('childcareSupervision.detail.inspections')}
        extra={<ExportXlsxButton download={() => exportInstitutionInspections(id)} testId="ccs-detail-insp-export" />}
      >
        <Table
          rowKey="id"
          size="small"
          columns={inspectionColumns}
          dataSource={v.inspections}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="ccs-detail-inspections"
        />
      </Card>
      {whole && (
        <Card
          title={t('childcareSupervision.detail.ratings')}
          extra={<ExportXlsxButton download={() => exportInstitutionRatings(id)} testId="ccs-detail-ratings-export" />}
        >
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={v.ratings}
            columns={[
              { title: f('year'), dataIndex: 'year', width: 90 },
              {
                title: f('grade'),
                dataIndex: 'grade',
                width: 100,
                render: (g: RatingGrade) => word(ratingGradeLabel(g)),
              },
              { title: f('ratedBy'), dataIndex: 'ratedByName', width: 180 },
              { title: f('note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
            ]}
          />
        </Card>
      )}
      {!institution && whole && (
        <Card
          title={t('childcareSupervision.detail.incidents')}
          extra={
            <ExportXlsxButton download={() => exportInstitutionIncidents(id)} testId="ccs-detail-incidents-export" />
          }
        >
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={v.incidents}
            columns={incidentColumns(field, word)}
          />
        </Card>
      )}
      {open === 'inspect' && <InspectionModal view={v} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'rate' && <RatingModal id={id} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'incident' && <IncidentModal id={id} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'close' && <ClosureModal id={id} onClose={() => setOpen(null)} onDone={done} />}
      {open && typeof open === 'object' && <ReportModal item={open} onClose={() => setOpen(null)} onDone={done} />}
    </Flex>
  );
}
