import type { FilingVersionView } from '@cradle/contract';
import { Card, Collapse, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { fetchInstitution } from '../../api/childcare';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { fen, formatYuan, type AgeGroup } from '../../lib/domain';
import { formatDateTime } from '../../lib/format';
import { DeadlineTag } from './deadline';

/** An institution with every version it filed (issue 14: every version kept). */
export function InstitutionDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const q = useQuery({ queryKey: ['fetchInstitution', id], queryFn: ({ signal }) => fetchInstitution(id, signal) });
  if (q.error) return <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <PageLoading />;
  const inst = q.data;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="cc-detail-title">
        {inst.name} <Tag>{t(`institutionStatuses.${inst.status}`)}</Tag>
      </Typography.Title>
      <Card>
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('childcare.fields.uscc')}>{inst.uscc}</Descriptions.Item>
          <Descriptions.Item label={t('childcare.fields.filingNo')}>
            {inst.filingNo ?? t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('childcare.fields.place')}>{inst.regionName}</Descriptions.Item>
        </Descriptions>
        {inst.filedVersion !== null && (
          <Link to={`/childcare/supervision/${inst.id}`} data-testid="cc-detail-supervision">
            {t('childcareSupervision.mySupervision')}
          </Link>
        )}
      </Card>
      <Card title={t('childcare.detail.versions')}>
        <Collapse
          defaultActiveKey={[String(inst.versions[0]?.id)]}
          items={inst.versions.map((v) => ({
            key: String(v.id),
            label: (
              <span data-testid={`cc-version-${v.version}`}>
                {t('childcare.detail.version', { n: v.version })} · {t(`filingKinds.${v.kind}`)} ·{' '}
                {t(`filingStates.${v.state}`)}
                {v.version === inst.filedVersion && (
                  <Tag color="green" style={{ marginLeft: 8 }}>
                    {t('childcare.detail.inForce')}
                  </Tag>
                )}
              </span>
            ),
            children: <VersionBody v={v} />,
          }))}
        />
      </Card>
    </Flex>
  );
}

function VersionBody({ v }: { v: FilingVersionView }) {
  const { t } = useTranslation();
  const c = v.content;
  return (
    <Flex vertical gap={12}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('childcare.fields.receivedOn')}>{v.receivedOn}</Descriptions.Item>
        <Descriptions.Item label={t('childcare.fields.reviewDeadline')}>
          <DeadlineTag date={v.reviewDeadline} state={v.reviewState} />
        </Descriptions.Item>
        <Descriptions.Item label={t('childcare.fields.submittedBy')}>
          {v.submittedByName} {formatDateTime(v.submittedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('childcare.fields.decidedOn')}>{v.decidedOn ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('childcare.fields.decidedBy')}>
          {v.decidedByName ?? t('common.none')}
        </Descriptions.Item>
        {v.sendBackReason && (
          <Descriptions.Item label={t('childcare.fields.sendBackReason')}>{v.sendBackReason}</Descriptions.Item>
        )}
        {v.correctionDeadline && (
          <Descriptions.Item label={t('childcare.fields.correctionDeadline')}>
            <DeadlineTag date={v.correctionDeadline} state={v.correctionState} />
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('childcare.fields.type')}>{t(`institutionTypes.${c.type}`)}</Descriptions.Item>
        <Descriptions.Item label={t('childcare.fields.operatorForm')}>
          {t(`operatorForms.${c.operatorForm}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('childcare.fields.registrationAuthority')}>
          {t(`registrationAuthorities.${c.registrationAuthority}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('childcare.fields.address')}>{c.address}</Descriptions.Item>
        <Descriptions.Item label={t('childcare.fields.premisesArea')}>{c.premisesArea}</Descriptions.Item>
        <Descriptions.Item label={t('childcare.fields.establishedOn')}>{c.establishedOn}</Descriptions.Item>
        <Descriptions.Item label={t('childcare.fields.slots')}>{c.slots}</Descriptions.Item>
        <Descriptions.Item label={t('childcare.fields.affordableSlots')}>{c.affordableSlots}</Descriptions.Item>
        <Descriptions.Item label={t('childcare.fields.monthlyFee')}>
          {formatYuan(fen(c.monthlyFeeFen))}
        </Descriptions.Item>
        <Descriptions.Item label={t('childcare.fields.affordableFee')}>
          {c.affordableFeeFen === null ? t('common.none') : formatYuan(fen(c.affordableFeeFen))}
        </Descriptions.Item>
        <Descriptions.Item label={t('childcare.fields.documents')}>
          {v.documents.length === 0
            ? t('childcare.detail.noDocuments')
            : v.documents.map((d, i) => (
                <span key={d.id}>
                  {i > 0 && t('common.listSeparator')}
                  <a href={`/api/childcare/documents/${d.id}`} data-testid={`cc-document-${d.id}`}>
                    {d.fileName}
                  </a>
                </span>
              ))}
        </Descriptions.Item>
      </Descriptions>
      {v.closure && (
        <Descriptions size="small" title={t('childcare.detail.closure')} column={1}>
          <Descriptions.Item label={t('childcare.closure.closedOn')}>{v.closure.closedOn}</Descriptions.Item>
          <Descriptions.Item label={t('childcare.closure.reason')}>{v.closure.reason}</Descriptions.Item>
          <Descriptions.Item label={t('childcare.closure.childrenPlacement')}>
            {v.closure.childrenPlacement}
          </Descriptions.Item>
        </Descriptions>
      )}
      {v.classes.length > 0 && (
        <Table
          size="small"
          rowKey="name"
          pagination={false}
          title={() => t('childcare.classes.title')}
          dataSource={v.classes}
          columns={[
            { title: t('childcare.classes.name'), dataIndex: 'name' },
            {
              title: t('childcare.classes.ageGroup'),
              dataIndex: 'ageGroup',
              render: (g: AgeGroup) => t(`ageGroups.${g}`),
            },
            { title: t('childcare.classes.capacity'), dataIndex: 'capacity' },
            { title: t('childcare.classes.enrolled'), dataIndex: 'enrolled' },
            { title: t('childcare.classes.carers'), dataIndex: 'carers' },
          ]}
        />
      )}
      {v.staff.length > 0 && (
        <Table
          size="small"
          rowKey={(s) => `${s.name}-${s.healthCertificateNo}`}
          pagination={false}
          title={() => t('childcare.staff.title')}
          dataSource={v.staff}
          columns={[
            { title: t('childcare.staff.name'), dataIndex: 'name' },
            {
              title: t('childcare.staff.post'),
              dataIndex: 'post',
              render: (p: FilingVersionView['staff'][number]['post']) => t(`staffPosts.${p}`),
            },
            { title: t('childcare.staff.qualification'), dataIndex: 'qualification' },
            { title: t('childcare.staff.healthCertificateNo'), dataIndex: 'healthCertificateNo' },
            { title: t('childcare.staff.validUntil'), dataIndex: 'healthCertificateValidUntil' },
          ]}
        />
      )}
    </Flex>
  );
}
